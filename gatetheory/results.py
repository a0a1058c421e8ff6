"""The result contract shared by every computation in gatetheory.

Every result dataclass derives from :class:`Result`, which adds two keyword-only
fields and one method:

``status`` : str
    ``"ok"`` when the computation did what was asked; otherwise one of
    :data:`STATUSES` (``"not-converged"``, ``"failed"``, ``"out-of-range"``,
    ``"approximate"``, ``"interrupted"``), never a silent NaN.
``message`` : str
    One line for a person: why the status is not ``"ok"``, what to change, or
    which floats are missing (empty when there is nothing to say).
``derived`` (class attribute)
    Names of properties that ``to_dict()`` adds after the fields (``lambda_max`` of a
    spectrum, say). One that raises ``ValueError`` (``ParameterError``) or
    ``ArithmeticError`` is written as ``None`` and its reason joins the message.
``to_dict()``
    A JSON-safe dict (:func:`jsonable`): arrays as lists, ``mpmath.mpf`` as
    decimal strings carrying the result's trusted ``digits`` where it has them,
    non-finite floats as ``None`` (the ``message`` says why; where it does not name the
    field, ``to_dict()`` adds "NAME: null where not finite"), nested results and
    :class:`~gatetheory.params.GateParams` as dicts. Fields declared with
    ``field(metadata={"serialize": False})`` (large diagnostic samples) are left out.

The CLI, sweeps and the report serialise through ``to_dict()`` and
:func:`dumps`, which refuses ``NaN`` and ``Infinity`` (strict JSON).

Subclass like this (the contract's fields are keyword-only, so subclasses keep
positional fields without defaults; a subclass's own ``__post_init__`` calls
``super().__post_init__()``)::

    @dataclass(frozen=True)
    class CriticalPoint(Result):
        alpha_r: mpmath.mpf
        digits: int
"""
from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

__all__ = ["Result", "STATUSES", "jsonable", "dumps", "mp_string"]

STATUSES = ("ok", "not-converged", "failed", "out-of-range", "approximate", "interrupted")


def mp_string(x, digits: int | None = None) -> str | None:
    """An ``mpf`` (or float) as a decimal string with ``digits`` significant digits.

    Without ``digits`` the string carries the precision the number was computed at
    (the bit length of its mantissa). Non-finite values give ``None``.
    """
    import mpmath

    if not isinstance(x, mpmath.mpf):
        x = mpmath.mpf(x)  # mpf(mpf) would round to the context's precision, so only floats go through it
    if not mpmath.isfinite(x):
        return None
    if x == 0:
        return "0"
    if digits is None:
        man = x._mpf_[1]
        digits = mpmath.libmp.prec_to_dps(max(53, int(man).bit_length()))
    return mpmath.nstr(x, max(1, int(digits)), min_fixed=-mpmath.inf, max_fixed=mpmath.inf)


def jsonable(value, *, digits: int | None = None):
    """``value`` turned into plain JSON types; non-finite floats become ``None``.

    ``digits`` sets the significant digits of ``mpf`` values (the trusted digits of
    the result they belong to); floats are written at full float64 precision.
    """
    import mpmath

    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        v = float(value)
        return v if math.isfinite(v) else None
    if isinstance(value, mpmath.mpf):
        return mp_string(value, digits)
    if isinstance(value, (complex, np.complexfloating, mpmath.mpc)):
        return {"re": jsonable(value.real, digits=digits), "im": jsonable(value.imag, digits=digits)}
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return value.to_dict()
    if isinstance(value, np.ndarray):
        if value.dtype == object or np.iscomplexobj(value):
            return [jsonable(v, digits=digits) for v in value.tolist()]
        if value.dtype.kind == "f" and not np.all(np.isfinite(value)):
            return np.where(np.isfinite(value), value, None).tolist()
        return value.tolist()
    if isinstance(value, dict):
        return {str(k): jsonable(v, digits=digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v, digits=digits) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name), digits=digits) for f in dataclasses.fields(value)
                if f.metadata.get("serialize", True)}
    return str(value)


def dumps(obj, **kwargs) -> str:
    """Strict JSON: ``obj`` through :func:`jsonable`, then ``json.dumps(..., allow_nan=False)``."""
    return json.dumps(jsonable(obj), allow_nan=False, **kwargs)


@dataclass(frozen=True)
class Result:
    """Base of every result: ``status``, ``message`` and ``to_dict()`` (see the module docstring)."""

    status: str = field(default="ok", kw_only=True)
    message: str = field(default="", kw_only=True)

    derived: ClassVar[tuple] = ()

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"status = {self.status!r} is not a result status; allowed: {', '.join(STATUSES)}")

    @property
    def ok(self) -> bool:
        """Whether ``status == "ok"``."""
        return self.status == "ok"

    def to_dict(self) -> dict:
        """JSON-safe dict of the fields (see :func:`jsonable`); ``status`` and ``message`` come first."""
        digits = getattr(self, "digits", None)
        digits = int(digits) if isinstance(digits, (int, np.integer)) and digits > 0 else None
        out = {"status": self.status, "message": self.message}
        notes = [self.message] if self.message else []
        values = [(f.name, getattr(self, f.name)) for f in dataclasses.fields(self)
                  if f.name not in out and f.metadata.get("serialize", True)]
        for name in self.derived:
            try:
                values.append((name, getattr(self, name)))
            except (ValueError, ArithmeticError) as err:  # ParameterError is a ValueError
                values.append((name, None))
                notes.append(f"{name}: {err}")
        for name, value in values:
            if _has_nonfinite(value) and name not in self.message:
                notes.append(f"{name}: null where not finite")
            out[name] = jsonable(value, digits=digits)
        out["message"] = "; ".join(notes)
        return out


def _has_nonfinite(value) -> bool:
    """Whether a float, mpf or float array holds NaN or an infinity (written as ``None``)."""
    import mpmath

    if isinstance(value, (bool, np.bool_, int, np.integer)) or value is None:
        return False
    if isinstance(value, (float, np.floating)):
        return not math.isfinite(value)
    if isinstance(value, mpmath.mpf):
        return not mpmath.isfinite(value)
    if isinstance(value, np.ndarray) and value.dtype.kind in "fc":
        return not bool(np.all(np.isfinite(value)))
    return False
