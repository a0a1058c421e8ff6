"""Registry of derived results: name -> :class:`Derived`.

API
---
``names()``
    Sorted tuple of every registered name.
``get(name)``
    The :class:`Derived` record of one result (``KeyError`` naming the known ones otherwise).
``Derived``
    Frozen record with
    ``name``; ``args`` (tuple of argument names, the fixed positional order of both callables);
    ``assumptions`` (list of str: what each argument means, what the result holds, and the
    assumptions used in its derivation); ``latex`` (str); ``source`` (derivation file);
    ``expression`` (SymPy expression, rebuilt lazily from the shipped ``srepr``; a ``Tuple``
    for vector results); ``numpy`` (callable of the args, elementwise on arrays; ``None``
    where the expression holds an unevaluated ``Integral``); ``mpmath`` (callable of the args,
    exact constants, evaluate inside ``mpmath.workdps(dps)``); ``value(dps=40)`` (the number,
    for results without free arguments, as an ``mpmath.mpf`` at ``dps`` digits, a tuple of them for a
    vector result); ``value_str(digits=35)`` (the same as decimal strings).

Gaussian averages are arguments named ``avg_*`` (e.g. ``avg_phi2 = <phi(sqrt(Delta_h) x)^2>``,
x ~ N(0, 1)); their integrands are separate entries (``fp-variance-integrands``,
``spectral-curve-integrands``), to be averaged against ``exp(-x^2/2)/sqrt(2 pi)`` by the caller
(Gauss-Hermite in float64, ``mpmath.quad`` at high precision).

Nothing is derived at import: the callables come from ``gatetheory/symbolic/_generated/``,
written once by :mod:`gatetheory.symbolic.codegen` from ``derivations/``.

Example
-------
>>> from gatetheory.symbolic import registry
>>> d = registry.get("zero-fp-stability")
>>> d.args
('g_h', 'beta_r')
>>> float(d.numpy(2.0, 0.0))
1.0
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional

import mpmath

from ._generated import MODULES

__all__ = ["Derived", "get", "names", "all_entries"]


@dataclass(frozen=True)
class Derived:
    """One derived result (see the module docstring for the fields)."""

    name: str
    args: tuple
    assumptions: tuple
    latex: str
    source: str
    srepr: str = field(repr=False)
    numpy: Optional[Callable] = field(default=None, repr=False)
    mpmath: Optional[Callable] = field(default=None, repr=False)

    @property
    def expression(self):
        """The SymPy expression (rebuilt from ``srepr`` on first use; SymPy imported lazily)."""
        return _expression(self.srepr)

    def value(self, dps: int = 40):
        """The result as an ``mpmath.mpf`` at ``dps`` digits, for results without arguments."""
        if self.args:
            raise ValueError(f"{self.name} takes arguments {self.args}; call .mpmath(...) instead")
        if self.mpmath is None:
            raise ValueError(f"{self.name} has no mpmath callable")
        with mpmath.workdps(dps):
            v = self.mpmath()
            return tuple(+x for x in v) if isinstance(v, tuple) else +v

    def value_str(self, digits: int = 35) -> str | list:
        """The value as a decimal string with ``digits`` significant digits (computed at digits + 10)."""
        v = self.value(digits + 10)
        with mpmath.workdps(digits + 10):
            fmt = lambda a: mpmath.nstr(a, digits, min_fixed=-mpmath.inf, max_fixed=mpmath.inf)  # noqa: E731
            return [fmt(a) for a in v] if isinstance(v, tuple) else fmt(v)

    def __call__(self, *a):
        """Shorthand for ``self.numpy(*a)``."""
        return self.numpy(*a)


@lru_cache(maxsize=None)
def _expression(srepr: str):
    import sympy
    return sympy.sympify(srepr)


@lru_cache(maxsize=1)
def all_entries() -> dict:
    """Every registered result, by name, read from the shipped generated modules."""
    out = {}
    for stem in MODULES:
        mod = importlib.import_module(f"{__package__}._generated.{stem}")
        for name, e in mod.ENTRIES.items():
            if name in out:
                raise RuntimeError(f"result {name!r} is defined twice ({out[name].source}, {mod.SOURCE})")
            np_fn, mp_fn = mod.FUNCTIONS[name]
            out[name] = Derived(name=name, args=tuple(e["args"]), assumptions=tuple(e["assumptions"]),
                                latex=e["latex"], source=mod.SOURCE, srepr=e["srepr"],
                                numpy=np_fn, mpmath=mp_fn)
    return out


def names() -> tuple:
    """Sorted names of every derived result."""
    return tuple(sorted(all_entries()))


def get(name: str) -> Derived:
    """The :class:`Derived` record of ``name``."""
    try:
        return all_entries()[name]
    except KeyError:
        raise KeyError(f"no derived result {name!r}; allowed: {', '.join(names())}") from None
