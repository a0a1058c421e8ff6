"""Stability lines of the static mean-field theory (seed Eqs. 6, 8, H1; Fig. 7 red dashed line).

* :func:`zero_fp_stability_g_h` -- H1: the zero fixed point (beta_h = 0, no input)
  loses stability where registry ``zero-fp-stability`` = 1.
* :func:`stability_g_h` -- the fixed-point stability line with biases and static
  input: the branch of static solutions continued from small g_h reaches registry
  ``fp-stability`` = 1.
* :func:`marginal_stability_g_h` -- Eq. 8 (alpha_z -> infinity): registry
  ``alpha-z-inf-disk-radius`` reaches 1 at the static solution (the only input the
  static theory allows; see docs/meanfield.md).

Each returns a :class:`CriticalPoint` with the digits it trusts.
"""
from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np

from ..numerics.roots import ConvergenceError, refine_bracketed, trusted_digits
from ..params import GateParams, ParameterError, check_finite, check_int, check_positive
from ..results import Result
from .fixed_points import (_registry, averages_h, averages_r, check_input_std, fixed_point_residual,
                           fixed_point_variances, to_mp)

__all__ = ["CriticalPoint", "RangeError", "zero_fp_stability_g_h", "stability_g_h", "marginal_stability_g_h"]


class RangeError(ParameterError):
    """The requested point lies outside the range where the critical line exists."""


# TODO(issue 12): measure float64 digits (e.g. by a second resolution or tolerance) instead of the nominal
# counts typed below (15 for H1, 10 for the continued lines); until then the message says they are nominal.
NOMINAL_DIGITS = "digits nominal (float64, not measured; pass dps for a checked count)"


@dataclass(frozen=True)
class CriticalPoint(Result):
    """A point on a critical line.

    Attributes
    ----------
    value : float or mpf
        The critical parameter (``name`` says which), at full working precision.
    name : str
        ``"alpha_r"`` or ``"g_h"``.
    Delta_h : float or mpf
        The variance on the line (fold variance, or fixed-point variance at the stability line).
    digits : int
        Agreeing digits between two working precisions (or two quadrature resolutions).
    residual : float or mpf
    iterations : int
    method : str
    params : GateParams
        Everything held fixed (the critical parameter as found, rounded to float).
    """

    value: object
    name: str
    Delta_h: object
    digits: int
    residual: object
    iterations: int
    method: str
    params: GateParams


def _dps(dps):
    return None if dps is None else check_int("dps", dps, 1)


# ----------------------------------------------------------------------------- H1

def zero_fp_stability_g_h(beta_r: float = 0.0, *, dps: int | None = None) -> CriticalPoint:
    """g_h at which the zero fixed point (beta_h = 0, no input) loses stability (seed Eq. H1)."""
    z = _registry("zero-fp-stability")
    dps, beta_r = _dps(dps), check_finite("beta_r", beta_r)

    def solve(d):
        if d is None:
            f = lambda g: float(z.numpy(g, float(beta_r))) - 1.0  # noqa: E731
            return refine_bracketed(f, 1e-6, 1e6, name="g_h")
        b = to_mp(beta_r)
        return refine_bracketed(lambda g: z.mpmath(g, b) - 1, mpmath.mpf("1e-6"), mpmath.mpf("1e6"), dps=d,
                                name="g_h")
    if dps is None:
        r = solve(None)
        return CriticalPoint(r.x, "g_h", 0.0, 15, r.residual, r.iterations, "H1 root (float64)",
                             GateParams(g_h=r.x, beta_r=beta_r), message=NOMINAL_DIGITS)
    with mpmath.workdps(dps + 10):
        ref = solve(dps + 10)
    with mpmath.workdps(dps):
        r = solve(dps)
        return CriticalPoint(r.x, "g_h", mpmath.mpf(0), trusted_digits(r.x, ref.x, dps), r.residual,
                             r.iterations, "H1 root (mpmath)", GateParams(g_h=float(r.x), beta_r=beta_r))


# ----------------------------------------------------------------------------- fp stability line

def _branch_root(params, D0, s_h2, s_r2):
    """The static solution nearest D0 (float64), by Newton with a bracket search around D0."""
    for fac in (1.02, 1.1, 1.5, 3.0, 10.0):
        lo, hi = max(D0 / fac, 1e-14), min(D0 * fac, 1 + s_h2 + 1e-9)
        F = fixed_point_residual(params, np.array([lo, hi]), s_h2=s_h2, s_r2=s_r2)
        if np.sign(F[0]) * np.sign(F[1]) < 0:
            return refine_bracketed(lambda D: float(fixed_point_residual(params, np.asarray(D), s_h2=s_h2, s_r2=s_r2)),
                                    lo, hi, name="Delta_h").x
    raise ConvergenceError(f"lost the fixed-point branch near Delta_h = {D0:.6g} (fold?); refine the g_h step")


def _edge(params, D, s_h2, s_r2, dps=None):
    _, _, _, (A, P, S, Q, _) = fixed_point_residual(params, D if dps else np.asarray(D), s_h2=s_h2, s_r2=s_r2,
                                                    dps=dps, derivatives=True)
    stab = _registry("fp-stability")
    return stab.mpmath(P, S, A, Q) if dps else float(stab.numpy(P, S, A, Q))


def stability_g_h(alpha_r: float, *, beta_r: float = 0.0, beta_h: float = 0.0, input_std_h: float = 0.0,
                  input_std_r: float = 0.0, dps: int | None = None, g_max: float = 20.0,
                  start: tuple | None = None) -> CriticalPoint:
    """g_h where the fixed point continued from small g_h becomes unstable (seed Eq. 6 with
    C28-C30; red dashed line of Fig. 7 when ``input_std_h > 0``).

    The branch is followed in g_h by continuation from ``g_h = 0.05`` (or from ``start =
    (g_h, Delta_h)``); the first g_h where ``fp-stability`` reaches 1 is refined by solving
    ``F = 0, edge = 1`` together. Without bias and input the branch is the zero fixed
    point and the line is H1 (:func:`zero_fp_stability_g_h`).
    """
    s_h, s_r = check_input_std("input_std_h", input_std_h), check_input_std("input_std_r", input_std_r)
    dps, g_max = _dps(dps), check_positive("g_max", g_max)
    if beta_h == 0 and s_h == 0:
        cp = zero_fp_stability_g_h(beta_r, dps=dps)
        return CriticalPoint(cp.value, "g_h", cp.Delta_h, cp.digits, cp.residual, cp.iterations, cp.method,
                             GateParams(g_h=float(cp.value), alpha_r=alpha_r, beta_r=beta_r))
    base = GateParams(alpha_r=alpha_r, beta_r=beta_r, beta_h=beta_h)
    s_h2, s_r2 = s_h ** 2, s_r ** 2
    g, D = start if start is not None else (0.05, None)
    if D is None:
        D = fixed_point_variances(base.replace(g_h=g), input_std_h=s_h, input_std_r=s_r)[0].Delta_h
    e = _edge(base.replace(g_h=g), D, s_h2, s_r2)
    if e >= 1:
        raise RangeError(f"g_h = {g} is already unstable (edge {e:.4g}); start the continuation lower")
    step = 0.05
    while True:
        g1 = g + step
        if g1 > g_max:
            raise RangeError(f"no stability loss for g_h <= g_max = {g_max} at alpha_r = {alpha_r}, "
                             f"beta_h = {beta_h}, input_std_h = {s_h}; allowed: raise g_max")
        D1 = _branch_root(base.replace(g_h=g1), D, s_h2, s_r2)
        e1 = _edge(base.replace(g_h=g1), D1, s_h2, s_r2)
        if e1 >= 1:
            break
        g, D, e = g1, D1, e1

    # refine in g: h(g) = edge(D(g), g) - 1 along the branch
    def hfun(gg):
        DD = _branch_root(base.replace(g_h=gg), D, s_h2, s_r2)
        return _edge(base.replace(g_h=gg), DD, s_h2, s_r2) - 1.0
    r = refine_bracketed(hfun, g, g1, rtol=1e-13, name="g_h")
    gf = r.x
    Df = _branch_root(base.replace(g_h=gf), D, s_h2, s_r2)
    if dps is None:
        # float64: no second precision to compare with; nominal trust (pass dps for a checked count)
        return CriticalPoint(gf, "g_h", Df, 10, r.residual, r.iterations, "continuation + Illinois (float64)",
                             base.replace(g_h=gf), message=NOMINAL_DIGITS)

    def mp_solve(d):
        sh2, sr2 = to_mp(s_h) ** 2, to_mp(s_r) ** 2
        x = mpmath.findroot(lambda DD, gg: _residual_g(base, DD, gg, sh2, sr2, d),
                            (mpmath.mpf(Df), mpmath.mpf(gf)), tol=mpmath.eps * 2 ** 8, maxsteps=50)
        return x
    with mpmath.workdps(dps + 10):
        ref = mp_solve(dps + 10)
    with mpmath.workdps(dps):
        x = mp_solve(dps)
        res = _residual_g(base, x[0], x[1], to_mp(s_h) ** 2, to_mp(s_r) ** 2, dps)
        dig = min(trusted_digits(x[1], ref[1], dps), trusted_digits(x[0], ref[0], dps))
        return CriticalPoint(x[1], "g_h", x[0], dig, max(abs(v) for v in res), 0, "MDNewton (mpmath)",
                             base.replace(g_h=float(x[1])))


def _residual_g(base, D, g, sh2, sr2, dps):
    """``(F(D; g), edge(D; g) - 1)`` at mpmath precision with g as an mpf (not rounded to float)."""
    fpv, stab = _registry("fp-variance"), _registry("fp-stability")
    A, P, _ = averages_h(g, to_mp(base.beta_h), D, dps=dps)
    _, _, Dr = fpv.mpmath(A, 0, sh2, 0, sr2)
    S, Q, _, _ = averages_r(to_mp(base.alpha_r), to_mp(base.beta_r), Dr, dps=dps)
    Dh, _, _ = fpv.mpmath(A, S, sh2, 0, sr2)
    return [D - Dh, stab.mpmath(P, S, A, Q) - 1]


# ----------------------------------------------------------------------------- alpha_z -> infinity

def marginal_stability_g_h(alpha_r: float, *, beta_r: float = 0.0, beta_h: float = 0.0, mean_sigma_z: float = 0.5,
                           g_max: float = 30.0, start: tuple | None = None) -> CriticalPoint:
    """g_h where marginal stability ends for alpha_z -> infinity (seed Eq. 8), static theory.

    Uses registry ``alpha-z-inf-disk-radius`` (rho) with ``<sigma_z> = mean_sigma_z`` (1/2 for
    beta_z = 0 and no z input) evaluated at the largest static solution, continued in g_h from
    just above the zero-fixed-point line; the line is where rho = 1. float64.
    """
    rad = _registry("alpha-z-inf-disk-radius")
    base = GateParams(alpha_r=alpha_r, beta_r=beta_r, beta_h=beta_h)
    g_max, mean_sigma_z = check_positive("g_max", g_max), check_finite("mean_sigma_z", mean_sigma_z)
    if not 0 < mean_sigma_z <= 1:
        raise ParameterError(f"mean_sigma_z = {mean_sigma_z!r} is out of range; allowed: 0 < mean_sigma_z <= 1 "
                             f"(the mean of a sigmoid gate)")

    def rho(g, D):
        _, _, _, (A, P, S, Q, _) = fixed_point_residual(base.replace(g_h=g), np.asarray(D), derivatives=True)
        return float(rad.numpy(mean_sigma_z, P, S, A, Q))
    if start is None:
        g = float(zero_fp_stability_g_h(beta_r).value) + 0.02 if beta_h == 0 else 0.1
        D = fixed_point_variances(base.replace(g_h=g))[-1].Delta_h
    else:
        g, D = start
    if rho(g, D) >= 1:
        raise RangeError(f"alpha_r = {alpha_r}: not marginally stable at g_h = {g:.4g} (rho >= 1), so there is "
                         f"no marginal line to end; allowed: a smaller alpha_r (the line meets the fixed-point "
                         f"bifurcation at moderate alpha_r, near 10-20 without biases)")
    step = 0.1
    while True:
        g1 = g + step
        if g1 > g_max:
            raise RangeError(f"no end of marginal stability for g_h <= g_max = {g_max} at alpha_r = {alpha_r}; "
                             f"allowed: raise g_max")
        D1 = _branch_root(base.replace(g_h=g1), D, 0.0, 0.0)
        if rho(g1, D1) >= 1:
            break
        g, D = g1, D1

    def hfun(gg):
        return rho(gg, _branch_root(base.replace(g_h=gg), D, 0.0, 0.0)) - 1
    r = refine_bracketed(hfun, g, g1, rtol=1e-12, name="g_h")
    Df = _branch_root(base.replace(g_h=r.x), D, 0.0, 0.0)
    return CriticalPoint(r.x, "g_h", Df, 10, r.residual, r.iterations, "continuation + Illinois (float64)",
                         base.replace(g_h=r.x), message=NOMINAL_DIGITS)
