"""Critical lines traced as curves: :func:`critical_curve` (seed Eqs. 6, 8, 12, 13, H1).

Every line is traced by natural-parameter continuation (:func:`.continuation.continue_curve`):
each point is seeded by the previous success, every point carries its status and message
(``"out-of-range"`` outside the line's domain, ``"not-converged"``, ``"failed"``), and no value
is NaN without a status saying why.

=================  ==========  ========  ===========================================
kind               swept       solved    single-point solver
=================  ==========  ========  ===========================================
fp-bifurcation     g_h         alpha_r   :func:`.critical_lines.fp_bifurcation`
dyn-bifurcation    g_h         alpha_r   :func:`.dynamic_bifurcation.dyn_bifurcation`
stability          alpha_r     g_h       :func:`.stability.stability_g_h`
marginal           alpha_r     g_h       :func:`.stability.marginal_stability_g_h`
=================  ==========  ========  ===========================================
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .._progress import progress_bar
from ..params import GateParams, ParameterError, check_finite, check_int
from .continuation import Curve, continue_curve

__all__ = ["critical_curve", "critical_domain", "sweep_values", "LINES"]


@dataclass(frozen=True)
class _Line:
    coord: str        # the swept GateParams field
    solved: str       # the GateParams field solved for
    variance: str     # name of the variance column
    about: str


LINES = {
    "fp-bifurcation": _Line("g_h", "alpha_r", "Delta_h", "alpha_r^FP(g_h), Eq. 12"),
    "dyn-bifurcation": _Line("g_h", "alpha_r", "Delta_h0", "alpha_r^dyn(g_h), Eq. 13, tau_r << 1; Delta_h0 = C_h(0)"),
    "stability": _Line("alpha_r", "g_h", "Delta_h", "g_h where the fixed point loses stability (Eq. 6, H1)"),
    "marginal": _Line("alpha_r", "g_h", "Delta_h", "g_h where marginal stability ends, alpha_z -> inf (Eq. 8)"),
}


def _line(kind) -> _Line:
    if kind not in LINES:
        raise ParameterError(f"kind = {kind!r} is not a critical line; allowed: {', '.join(LINES)}")
    return LINES[kind]


def critical_domain(kind: str, params: GateParams = GateParams(), *, input_std_h: float = 0.0,
                    input_std_r: float = 0.0) -> tuple[float, float, str]:
    """``(lo, hi, text)``: the open interval of the swept coordinate where the line exists, and a
    description naming it. The bifurcation lines' ends come from ``fp_bifurcation_range`` and
    ``dyn_bifurcation_range`` (known without biases and input; otherwise ``(0, inf)``, each point
    says whether it exists); the stability lines are swept in ``alpha_r >= 0``.
    """
    line = _line(kind)
    if kind == "fp-bifurcation" and params.beta_h == 0 and input_std_h == 0:
        from .critical_lines import fp_bifurcation_range
        lo, hi = fp_bifurcation_range(params.beta_r)
        return lo, hi, f"{lo:.6f} (= sqrt 2) < g_h < {hi:.6f} (H1 line)"
    if kind == "dyn-bifurcation":
        from .dynamic_bifurcation import dyn_bifurcation_range
        lo, hi = dyn_bifurcation_range(params.beta_r)
        return lo, hi, f"{lo:.6f} (= sqrt(8/3)) < g_h < {hi:.6f} (H1 line)"
    if line.coord == "g_h":
        return 0.0, math.inf, "g_h > 0"
    return 0.0, math.inf, "alpha_r >= 0"


def sweep_values(name: str, spec) -> np.ndarray:
    """The swept values: an array as given, or ``(lo, hi, n)`` -> ``linspace(lo, hi, n)``."""
    if isinstance(spec, tuple) and len(spec) == 3 and not isinstance(spec[2], float):
        lo, hi = check_finite(f"{name} (lo)", spec[0]), check_finite(f"{name} (hi)", spec[1])
        # rounded to 14 digits so that 1.9 -> 1.8 in steps of 0.1 gives 1.8, not 1.7999999999999998: the
        # mpmath solvers take a float as the decimal its repr shows
        return np.array([float(f"{x:.14g}") for x in np.linspace(lo, hi, check_int(f"{name} (n)", spec[2], 1))])
    xs = np.atleast_1d(np.asarray(spec, dtype=float))
    if xs.ndim != 1 or not np.all(np.isfinite(xs)):
        raise ParameterError(f"{name} = {spec!r}; allowed: a 1-D array of finite values or (lo, hi, n)")
    return xs


def _solver(kind, params, dps, input_std_h, input_std_r, check, value_max):
    """``solve(x, start) -> (values, digits, start, message)`` for one point of the line."""
    from .critical_lines import fp_bifurcation
    from .dynamic_bifurcation import MAX_DIGITS, dyn_bifurcation
    from .stability import _branch_root, marginal_stability_g_h, stability_g_h
    line = LINES[kind]
    b_h, b_r = params.beta_h, params.beta_r

    def bounded(c):
        if value_max is not None and c.value > value_max:
            raise ArithmeticError(f"{line.solved} = {float(c.value):.4g} above value_max = {value_max:g}")
        return c

    if kind == "fp-bifurcation":
        def solve(g, start):
            c = bounded(fp_bifurcation(g, beta_h=b_h, beta_r=b_r, input_std_h=input_std_h,
                                       input_std_r=input_std_r, dps=dps, start=start))
            return ({"alpha_r": c.value, "Delta_h": c.Delta_h}, c.digits, (float(c.Delta_h), float(c.value)),
                    c.message)
    elif kind == "dyn-bifurcation":
        def solve(g, start):
            c = bounded(dyn_bifurcation(g, beta_r=b_r, start=start, check=check))  # float64; dps caps the digits
            digits = min(c.digits, dps or MAX_DIGITS) if check else 0
            return {"alpha_r": c.value, "Delta_h0": c.Delta_h}, digits, (c.Delta_h, c.value), c.message
    elif kind == "stability":
        def solve(a, start):
            c = None
            if start is not None and (b_h != 0 or input_std_h != 0):
                # restart the branch below the previous critical g_h, from the previous variance
                g_prev, D_prev, base = start
                for g0 in (0.8 * g_prev, 0.5 * g_prev):
                    try:
                        below = (g0, _branch_root(base.replace(g_h=g0, alpha_r=a), D_prev, input_std_h ** 2,
                                                  input_std_r ** 2))
                        c = stability_g_h(a, beta_r=b_r, beta_h=b_h, input_std_h=input_std_h,
                                          input_std_r=input_std_r, dps=dps, start=below)
                        break
                    except (ArithmeticError, ValueError):
                        continue
            if c is None:
                c = stability_g_h(a, beta_r=b_r, beta_h=b_h, input_std_h=input_std_h, input_std_r=input_std_r,
                                  dps=dps)
            c = bounded(c)
            return ({"g_h": c.value, "Delta_h": c.Delta_h}, c.digits,
                    (float(c.value), float(c.Delta_h), c.params), c.message)
    else:
        def solve(a, start):
            c = bounded(marginal_stability_g_h(a, beta_r=b_r, beta_h=b_h))
            return {"g_h": c.value, "Delta_h": c.Delta_h}, c.digits, None, c.message
    return solve


def critical_curve(kind: str, params: GateParams = GateParams(), *, g_h=None, alpha_r=None,
                   dps: int | None = None, progress: bool = False, input_std_h: float = 0.0,
                   input_std_r: float = 0.0, check: bool = True, value_max: float | None = None,
                   stop_after: int = 3) -> Curve:
    """Trace the critical line ``kind`` (see :data:`LINES`) over its swept coordinate.

    Parameters
    ----------
    kind : {"fp-bifurcation", "dyn-bifurcation", "stability", "marginal"}
    params : GateParams
        The fixed parameters (``beta_h``, ``beta_r``); the swept field and the field solved
        for (``alpha_r`` on the bifurcation lines, ``g_h`` on the stability lines) are ignored.
    g_h, alpha_r : array or ``(lo, hi, n)``
        The swept values, ``g_h`` for the bifurcation lines and ``alpha_r`` for the stability
        lines (exactly the one the line sweeps). Traced in the order given.
    dps : int or None
        Working precision in decimal digits (None: float64). The dynamical bifurcation is
        float64 (two quadrature resolutions, at most :data:`.dynamic_bifurcation.MAX_DIGITS`
        digits): a dps above that is refused; at or below, ``digits`` are capped at ``dps``.
        The marginal line is float64 only.
    progress : bool
        A progress bar (tqdm) on stderr, one step per point.
    input_std_h, input_std_r : float
        Static input standard deviations (fp-bifurcation, stability).
    check : bool
        dyn-bifurcation: re-solve each point at a second resolution (``digits`` measured; else 0).
    value_max : float or None
        A point whose solved value exceeds it is recorded as failed (a plot's range).
    stop_after : int
        Stop after this many consecutive failures other than out-of-range (the rest ``"skipped"``).

    Returns
    -------
    Curve
        ``coords = {swept: (n,)}``, ``data = {solved: (n,), variance: (n,)}`` (mpf with ``dps``),
        per-point ``point_status``, ``point_message`` and ``digits``; ``kind``, ``solved``,
        ``params``, ``dps``. Points outside the line's domain are ``"out-of-range"`` with the
        domain in their message.
    """
    from .dynamic_bifurcation import MAX_DIGITS
    line = _line(kind)
    if not isinstance(params, GateParams):
        raise ParameterError(f"params = {params!r}; allowed: a gatetheory.params.GateParams")
    given = {"g_h": g_h, "alpha_r": alpha_r}
    other = "alpha_r" if line.coord == "g_h" else "g_h"
    if given[line.coord] is None or given[other] is not None:
        raise ParameterError(f"{kind} sweeps {line.coord}: pass {line.coord}= (an array or (lo, hi, n)) "
                             f"and not {other}=; allowed: {line.coord}=...")
    xs = sweep_values(line.coord, given[line.coord])
    if dps is not None:
        dps = check_int("dps", dps, 1)
        if kind == "marginal":
            raise ParameterError(f"dps = {dps}: the marginal line is float64 only; allowed: dps=None")
        if kind == "dyn-bifurcation" and dps > MAX_DIGITS:
            raise ParameterError(f"dps = {dps}: the dynamical bifurcation is float64 (two quadrature "
                                 f"resolutions, at most {MAX_DIGITS} trusted digits; the mpmath route "
                                 f"dyn_bifurcation_mp is experimental); allowed: dps=None or dps <= {MAX_DIGITS}")
    if kind == "dyn-bifurcation" and (params.beta_h != 0 or input_std_h != 0 or input_std_r != 0):
        raise ParameterError(f"beta_h = {params.beta_h}, input_std_h = {input_std_h}, input_std_r = "
                             f"{input_std_r}: the dynamical bifurcation needs phi odd and no input; "
                             "allowed: beta_h = 0 and no input")
    solve = _solver(kind, params, dps, input_std_h, input_std_r, check, value_max)
    with progress_bar(len(xs), progress, desc=f"{kind} curve", unit="pt") as bar:
        return continue_curve(solve, xs, coord=line.coord, keys=(line.solved, line.variance), stop_after=stop_after,
                              bar=bar, kind=kind, solved=line.solved,
                              params=params, dps=dps)
