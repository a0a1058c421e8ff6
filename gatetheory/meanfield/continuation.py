"""Natural-parameter continuation: trace a curve point by point, each solution seeding the next.

A sweep never hides a failure: with ``on_failure="record"`` a failed point keeps
its status and message (diffrax's ``throw=False``), and the next point is seeded
from the last success. :func:`gatetheory.meanfield.curves.critical_curve` traces the
critical lines with it; :class:`Curve` is the one result type for a traced curve.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field

import mpmath
import numpy as np

from ..numerics.roots import ConvergenceError
from ..params import GateParams, ParameterError
from ..results import Result, jsonable, mp_string

__all__ = ["Curve", "continue_curve", "POINT_STATUSES"]

# per point: found; outside the line's domain; solver did not converge; other failure; not attempted
POINT_STATUSES = ("ok", "out-of-range", "not-converged", "failed", "skipped")


def _is_mp(column) -> bool:
    return isinstance(column, np.ndarray) and column.dtype == object


@dataclass(frozen=True)
class Curve(Result):
    """A traced curve with named coordinates and data.

    Attributes
    ----------
    coords : dict
        ``{name: ndarray (n,)}`` the swept parameter (float64).
    data : dict
        ``{name: ndarray (n,)}`` the solved quantities: float64, or ``mpmath.mpf`` (object
        arrays) when traced at high precision. NaN only where ``point_status`` is not ``"ok"``.
    point_status : list of str
        Per point, one of :data:`POINT_STATUSES`.
    digits : ndarray (n,) of int
        Trusted digits of the solved value per point (0 where not found or not measured).
    point_message : list of str
        Per point: why it failed, or a note on an ``"ok"`` point (e.g. nominal digits).
    kind : str
        The critical line (``"fp-bifurcation"``, ...) or ``""`` for a generic curve.
    solved : str
        The :class:`GateParams` field solved for on the line (its value in ``params`` is ignored).
    params : GateParams or None
        The fixed parameters (the swept and the solved fields as given, ignored).
    dps : int or None
        Working precision (None: float64).
    status, message : str
        The curve's: ``"ok"`` with the count of failed points in the message, ``"failed"``
        when no point was found, ``"out-of-range"`` when there was no range to trace.

    ``to_dict()`` writes mpf values as strings with each point's trusted digits (float64
    values as numbers); :meth:`from_dict` and :meth:`read_csv` read them back.
    """

    coords: dict
    data: dict
    point_status: list = field(default_factory=list)
    digits: np.ndarray = None
    point_message: list = field(default_factory=list)
    kind: str = ""
    solved: str = ""
    params: GateParams = None
    dps: int = None

    def __post_init__(self):
        super().__post_init__()
        n = len(self.point_status)
        if self.digits is None:
            object.__setattr__(self, "digits", np.zeros(n, dtype=int))
        if not self.point_message:
            object.__setattr__(self, "point_message", [""] * n)

    @property
    def ok(self) -> np.ndarray:
        """Per point: whether it was found (a mask, unlike ``Result.ok``; the curve's own is ``status``)."""
        return np.array([s == "ok" for s in self.point_status], dtype=bool)

    @property
    def coord(self) -> str:
        """Name of the swept coordinate."""
        return next(iter(self.coords))

    def _strings(self, column) -> list:
        """A data column as JSON/CSV values: mpf as strings at the point's digits, floats as floats."""
        if not _is_mp(column):
            return jsonable(np.asarray(column, dtype=float))
        return [mp_string(v, max(1, int(d))) if s == "ok" else None
                for v, d, s in zip(column, self.digits, self.point_status)]

    def to_dict(self) -> dict:
        out = super().to_dict()
        out["data"] = {k: self._strings(v) for k, v in self.data.items()}
        return out

    @classmethod
    def from_dict(cls, d: dict) -> "Curve":
        """The inverse of :meth:`to_dict` (strings become mpf at their own digit count)."""
        def column(vals):
            if any(isinstance(v, str) for v in vals):
                return np.array([_mpf(v) for v in vals], dtype=object)
            return np.array([np.nan if v is None else v for v in vals], dtype=float)
        p = d.get("params")
        return cls({k: np.asarray(v, dtype=float) for k, v in d["coords"].items()},
                   {k: column(v) for k, v in d["data"].items()}, list(d["point_status"]),
                   np.asarray(d["digits"], dtype=int), list(d.get("point_message") or []),
                   d.get("kind", ""), d.get("solved", ""), GateParams(**p) if p else None, d.get("dps"),
                   status=d["status"], message=d["message"])

    def to_xarray(self):
        """An ``xarray.Dataset`` over the coordinate: the data (as float64), ``digits``, ``status``,
        ``message``; kind, solved field and dps as attributes (full precision: :meth:`to_dict`)."""
        import xarray as xr  # optional
        name, x = self.coord, self.coords[self.coord]
        vars_ = {k: (name, np.array([float(v) for v in col], dtype=float)) for k, col in self.data.items()}
        vars_.update(digits=(name, np.asarray(self.digits)), status=(name, np.array(self.point_status, dtype=str)),
                     message=(name, np.array(self.point_message, dtype=str)))
        attrs = {"kind": self.kind, "solved": self.solved, "dps": -1 if self.dps is None else self.dps,
                 "curve_status": self.status, "curve_message": self.message}
        return xr.Dataset(vars_, coords={name: x}, attrs=attrs)

    def to_csv(self, path) -> None:
        """One row per point: coordinate, data (mpf as strings at the point's digits; ``nan``
        where not found), ``digits``, ``status``, ``message``."""
        names = list(self.coords) + list(self.data) + ["digits", "status", "message"]
        cols = [[repr(float(v)) for v in c] for c in self.coords.values()]
        cols += [["nan" if v is None else (v if isinstance(v, str) else repr(float(v))) for v in self._strings(c)]
                 for c in self.data.values()]
        with open(path, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(names)
            for i in range(len(self.point_status)):
                w.writerow([c[i] for c in cols] + [int(self.digits[i]), self.point_status[i], self.point_message[i]])

    @classmethod
    def read_csv(cls, path, *, coord: str | None = None, mp: bool = False) -> "Curve":
        """A curve written by :meth:`to_csv` (first column the coordinate unless ``coord`` names it;
        ``mp=True`` reads the data as mpf at their printed digits). Curve-level fields are not in
        the CSV: status is recomputed from the points."""
        with open(path, newline="") as fh:
            rows = list(csv.reader(fh))
        head, body = rows[0], rows[1:]
        coord = coord or head[0]
        cols = {h: [r[j] for r in body] for j, h in enumerate(head)}
        data = {}
        for h in head:
            if h in (coord, "digits", "status", "message"):
                continue
            data[h] = (np.array([_mpf(v) for v in cols[h]], dtype=object) if mp
                       else np.array([float(v) for v in cols[h]], dtype=float))
        status = cols["status"]
        n_ok = status.count("ok")
        return cls({coord: np.array([float(v) for v in cols[coord]])}, data, status,
                   np.array([int(v) for v in cols["digits"]], dtype=int), cols["message"],
                   status="ok" if n_ok or not status else "failed", message=_summary(status))


def _mpf(text):
    """An mpf carrying the digits of its decimal string (NaN for None, "" or "nan")."""
    if text is None or text in ("", "nan"):
        return mpmath.mpf("nan")
    sig = sum(ch.isdigit() for ch in text.split("e")[0].split("E")[0])
    with mpmath.workdps(max(15, sig + 5)):
        return mpmath.mpf(text)


def _summary(status) -> str:
    n_ok = status.count("ok")
    return "" if n_ok == len(status) else f"{len(status) - n_ok} of {len(status)} points not found " \
                                          f"(point_status and point_message say why)"


def _classify(exc) -> str:
    """Per-point status of an exception raised by a solver."""
    if isinstance(exc, ParameterError):   # RangeError included: the point lies outside the line's domain
        return "out-of-range"
    if isinstance(exc, ConvergenceError):
        return "not-converged"
    return "failed"


def continue_curve(solve, xs, *, coord: str, keys, start=None, on_failure: str = "record", stop_after: int = 2,
                   bar=None, **curve_fields) -> Curve:
    """Trace ``solve(x, start) -> (dict of values, digits, new_start[, message])`` over ``xs`` in order.

    Each success's ``new_seed`` seeds the next point. ``on_failure="raise"`` re-raises;
    ``"record"`` keeps the failure (status and message per point) and stops after
    ``stop_after`` consecutive failures other than ``"out-of-range"`` (the curve has left its
    range, or the solver lost it), the remaining points marked ``"skipped"``. Values may be
    floats or mpf (the columns become object arrays of mpf, NaN where not found). ``bar``
    (a :func:`gatetheory._progress.progress_bar`) advances by one per point.
    ``curve_fields`` (kind, solved, params, dps) go to the :class:`Curve`.
    """
    xs = np.asarray(xs, dtype=float)
    vals = {k: [None] * len(xs) for k in keys}
    digits = np.zeros(len(xs), dtype=int)
    status, messages = [], []
    fails = 0
    for i, x in enumerate(xs):
        if fails >= stop_after:
            status.append("skipped")
            messages.append(f"not attempted: {stop_after} consecutive failures before (the curve left its range)")
        else:
            try:
                out = solve(float(x), start)
            except (ArithmeticError, ValueError) as exc:
                if on_failure == "raise":
                    raise
                kind = _classify(exc)
                status.append(kind)
                messages.append(str(exc) or type(exc).__name__)
                fails += kind != "out-of-range"
            else:
                values, dig, start = out[:3]
                fails = 0
                for k in keys:
                    vals[k][i] = values[k]
                digits[i] = dig
                status.append("ok")
                messages.append(out[3] if len(out) > 3 else "")
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(f"{coord} = {x:.6g}: {status[-1]}")
    data = {}
    for k in keys:
        if any(isinstance(v, mpmath.mpf) for v in vals[k]):
            data[k] = np.array([mpmath.mpf("nan") if v is None else v if isinstance(v, mpmath.mpf) else mpmath.mpf(v)
                                for v in vals[k]], dtype=object)   # mpf(mpf) would round to mp.dps
        else:
            data[k] = np.array([np.nan if v is None else float(v) for v in vals[k]], dtype=float)
    n_ok = status.count("ok")
    return Curve({coord: xs}, data, status, digits, messages, status="ok" if n_ok or not len(xs) else "failed",
                 message=_summary(status), **curve_fields)
