"""Natural-parameter continuation: trace a curve point by point, each solution seeding the next.

A sweep never hides a failure: with ``on_failure="record"`` a failed point keeps
its status and message (diffrax's ``throw=False``), and the next point is seeded
from the last success.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..results import Result

__all__ = ["Curve", "continue_curve"]


@dataclass(frozen=True)
class Curve(Result):
    """A traced curve with named coordinates and data.

    Attributes
    ----------
    coords : dict
        ``{name: ndarray (n,)}`` the swept parameter.
    data : dict
        ``{name: ndarray (n,)}`` the solved quantities (NaN only where ``status`` says why).
    point_status : list of str
        ``"ok"`` or ``"failed: <message>"`` per point.
    digits : ndarray (n,)
        Trusted digits per point (0 where failed).
    status, message : str
        The curve's: ``"ok"`` with the count of failed points in the message, ``"failed"``
        when no point was found, ``"out-of-range"`` when there was no range to trace.
    """

    coords: dict
    data: dict
    point_status: list = field(default_factory=list)
    digits: np.ndarray = None

    @property
    def ok(self) -> np.ndarray:
        """Per point: whether it was found (a mask, unlike ``Result.ok``; the curve's own is ``status``)."""
        return np.array([s == "ok" for s in self.point_status], dtype=bool)

    def to_xarray(self):
        import xarray as xr  # optional
        (name, x), = self.coords.items()
        return xr.Dataset({k: (name, v) for k, v in self.data.items()}, coords={name: x})

    def to_csv(self, path) -> None:
        names = list(self.coords) + list(self.data) + ["digits", "status"]
        cols = list(self.coords.values()) + list(self.data.values()) + [self.digits]
        with open(path, "w") as fh:
            fh.write(",".join(names) + "\n")
            for i in range(len(self.point_status)):
                vals = [repr(float(c[i])) for c in cols]
                fh.write(",".join(vals + [self.point_status[i].replace(",", ";")]) + "\n")


def continue_curve(solve, xs, *, coord: str, keys, seed=None, on_failure: str = "record", stop_after: int = 2):
    """Trace ``solve(x, seed) -> (dict of values, digits, new_seed)`` over ``xs`` in order.

    Each success's ``new_seed`` seeds the next point. ``on_failure="raise"`` re-raises;
    ``"record"`` keeps the failure and stops after ``stop_after`` consecutive failures
    (the curve has left its range), the remaining points marked ``"skipped"``.
    """
    xs = np.asarray(xs, dtype=float)
    data = {k: np.full(len(xs), np.nan) for k in keys}
    digits = np.zeros(len(xs), dtype=int)
    status = []
    fails = 0
    for i, x in enumerate(xs):
        if fails >= stop_after:
            status.append("skipped: curve left its range")
            continue
        try:
            values, dig, seed = solve(float(x), seed)
        except (ArithmeticError, ValueError) as exc:
            if on_failure == "raise":
                raise
            status.append(f"failed: {exc}")
            fails += 1
            continue
        fails = 0
        for k in keys:
            data[k][i] = float(values[k])
        digits[i] = dig
        status.append("ok")
    n_ok = status.count("ok")
    return Curve({coord: xs}, data, status, digits, status="ok" if n_ok or not len(xs) else "failed",
                 message="" if n_ok == len(xs) else f"{len(xs) - n_ok} of {len(xs)} points not found "
                                                     f"(point_status says why)")
