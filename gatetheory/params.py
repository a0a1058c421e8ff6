"""Model parameters of the gated RNN, validated once at construction.

Conventions (``docs/conventions.md`` section 1, settling what the seed paper
leaves ambiguous):

* Gates are ``sigma_k(x) = 1 / (1 + exp(-(alpha_k * x + beta_k)))`` for
  ``k in {z, r}``: a *positive* bias opens the gate (the seed prints
  ``exp(-alpha x + beta)``, but its footnote 81, App. H and Sec. VIII B need
  this sign).
* The activation is ``phi(x) = tanh(g_h * x + beta_h)``.
* The input ``Ih`` enters *inside* the z-gated bracket of the h equation.
* Time is measured in units of ``tau_h = 1``; ``tau_z`` and ``tau_r`` are the
  gates' time constants in those units.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import asdict, dataclass, fields

__all__ = ["GateParams", "ParameterError", "check_finite", "check_positive", "check_int", "check_multiple",
           "check_seed"]


# Time steps in one call: beyond this a run takes days at any N and its arrays do not fit; refused up front
# (a huge t would otherwise start a loop that never ends).
MAX_STEPS = 10 ** 10


class ParameterError(ValueError):
    """A parameter outside its allowed range; the message names it, its value and the range."""


def check_finite(name: str, value) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ParameterError(f"{name} = {value!r} is not a number; allowed: a finite real number") from None
    if not math.isfinite(v):
        raise ParameterError(f"{name} = {value!r} is not finite; allowed: a finite real number")
    return v


def check_positive(name: str, value) -> float:
    v = check_finite(name, value)
    if v <= 0:
        raise ParameterError(f"{name} = {value!r} is out of range; allowed: {name} > 0")
    return v


def check_int(name: str, value, minimum: int = 1) -> int:
    """``value`` as an int >= ``minimum``; a bool, a string, a fraction or a non-finite value is refused."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        whole = True
    else:
        try:
            whole = not isinstance(value, (bool, str, bytes)) and float(value).is_integer()
        except (TypeError, ValueError, OverflowError):
            whole = False
    if not whole:
        raise ParameterError(f"{name} = {value!r} is not an integer; allowed: integer >= {minimum}")
    v = int(value)
    if v < minimum:
        raise ParameterError(f"{name} = {value!r} is out of range; allowed: integer >= {minimum}")
    return v


def check_seed(name: str, value, *, allow_none: bool = True):
    """A random seed as numpy takes it: an integer >= 0, a sequence of them, a ``SeedSequence`` or a
    ``Generator`` (and None where the caller draws fresh entropy). Returned unchanged."""
    import numpy as np

    if value is None and allow_none:
        return value
    if isinstance(value, (np.random.Generator, np.random.SeedSequence)):
        return value
    items = value if isinstance(value, (list, tuple)) and value else [value]
    if all(isinstance(v, numbers.Integral) and not isinstance(v, bool) and v >= 0 for v in items):
        return value
    raise ParameterError(f"{name} = {value!r} is not a seed; allowed: an integer >= 0, a non-empty sequence of "
                         f"them, or a numpy Generator" + (", or None" if allow_none else ""))


def check_multiple(name: str, value, step, step_name: str, *, minimum: int = 1, rtol: float = 1e-9) -> int:
    """``value / step`` as an integer >= ``minimum``, refusing values that are not whole multiples.

    Times are never rounded silently: a duration that is not a whole number of steps (within
    ``rtol`` relative) raises :class:`ParameterError` naming the two nearest allowed values.
    """
    value, step = check_finite(name, value), check_positive(step_name, step)
    count = round(value / step)
    if count >= minimum and abs(count * step - value) <= rtol * max(abs(value), step):
        return int(count)
    lo = max(minimum, math.floor(value / step))
    near = sorted({lo * step, (lo + 1) * step} if lo * step < value else {lo * step})
    if count < minimum and value < minimum * step:
        raise ParameterError(f"{name} = {value!r} is out of range; allowed: a whole multiple of {step_name} = "
                             f"{step!r}, at least {minimum * step:.10g}")
    raise ParameterError(f"{name} = {value!r} is not a whole multiple of {step_name} = {step!r}; allowed: "
                         f"a multiple such as {' or '.join(f'{v:.10g}' for v in near)}")


@dataclass(frozen=True)
class GateParams:
    """Parameters of the gated RNN (seed Sec. II, Eqs. 1-2; docs/conventions.md section 1).

    Attributes
    ----------
    g_h : float
        Gain of the activation ``phi(x) = tanh(g_h x + beta_h)``; finite.
    beta_h : float
        Bias of the activation; finite.
    alpha_z, beta_z : float
        Sensitivity and bias of the update gate ``sigma_z``; finite.
    alpha_r, beta_r : float
        Sensitivity and bias of the output gate ``sigma_r``; finite.
    tau_z, tau_r : float
        Time constants of the gates in units of ``tau_h = 1``; > 0.

    Notes
    -----
    Limits: ``beta_z, beta_r -> +inf`` (with finite alpha) fixes both gates at 1
    and recovers the classical random network; ``alpha_z = alpha_r = 0`` with zero
    biases gives constant gates equal to 1/2.
    """

    g_h: float = 1.0
    beta_h: float = 0.0
    alpha_z: float = 0.0
    beta_z: float = 0.0
    alpha_r: float = 0.0
    beta_r: float = 0.0
    tau_z: float = 1.0
    tau_r: float = 1.0

    def __post_init__(self):
        for f in fields(self):
            check = check_positive if f.name.startswith("tau") else check_finite
            object.__setattr__(self, f.name, check(f.name, getattr(self, f.name)))

    def as_dict(self) -> dict:
        return asdict(self)

    def replace(self, **changes) -> "GateParams":
        return GateParams(**{**self.as_dict(), **changes})
