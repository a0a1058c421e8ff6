"""The fixed-point bifurcation of the static mean-field theory (seed Sec. VII; Eq. 12).

:func:`fp_bifurcation` -- Eq. 12: the saddle node of the static equation, ``F = 0`` and
``dF/dDelta_h = 0``. float64: root of ``dF/dDelta_h`` along the curve ``alpha_r*(Delta_h)`` on
which ``F = 0`` (at the fold ``alpha_r*`` is minimal); mpmath: Newton on the pair with the exact
Jacobian.

The other lines have one home each: the stability lines (Eqs. 6, 8, H1) and ``CriticalPoint``
in :mod:`gatetheory.meanfield.stability`, the dynamical bifurcation (Eq. 13) in
:mod:`gatetheory.meanfield.dynamic_bifurcation`; :func:`gatetheory.meanfield.critical_curve`
traces any of them.
"""
from __future__ import annotations

import math

import mpmath
import numpy as np

from ..numerics.roots import ConvergenceError, refine_bracketed, sign_changes, trusted_digits
from ..params import GateParams, ParameterError
from .fixed_points import _registry, averages_h, averages_r, check_input_std, to_mp
from .stability import NOMINAL_DIGITS, CriticalPoint, RangeError, _dps, zero_fp_stability_g_h

__all__ = ["fp_bifurcation", "fp_bifurcation_range", "ALPHA_R_MAX"]

ALPHA_R_MAX = 1.0e4   # top of the first alpha_r grid searched for a bifurcation (grown as needed)


# ----------------------------------------------------------------------------- fixed-point bifurcation

def fp_bifurcation_range(beta_r: float = 0.0) -> tuple[float, float]:
    """``(g_low, g_up)``: where alpha_r^FP(g_h) exists without beta_h and input.

    ``g_up`` is H1 (zero fixed point loses stability). ``g_low`` is the alpha_r -> infinity
    limit: sigma_r becomes a step, ``<sigma_r^2> -> P(r > 0) = 1/2`` for any Delta_r > 0, and
    nonzero solutions of ``Delta = <phi^2>/2`` need ``max <phi^2>_D / D = g_h^2 > 2``.
    TODO(registry): move this step-limit derivation to derivations/.
    """
    step_sigma2 = 0.5   # <Theta(r)^2> for zero-mean Gaussian r
    return 1.0 / math.sqrt(step_sigma2), float(zero_fp_stability_g_h(beta_r).value)


def _r_part(params, D, alpha, s_h2, s_r2, dps, hcache):
    """F, dF/dD, dF/dalpha at (D, alpha); h averages cached per D."""
    fpv = _registry("fp-variance")
    key = (D, alpha)
    if key in hcache:
        return hcache[key]
    if D not in hcache:
        hcache.clear()
        hcache[D] = averages_h(params.g_h, params.beta_h, D, dps=dps)
    A, P, A1 = hcache[D]
    if dps is None:
        Dr = fpv.numpy(A, 0.0, s_h2, 0.0, s_r2)[2]
    else:
        Dr = fpv.mpmath(A, 0, s_h2, 0, s_r2)[2]
    S, Q, S1, Sa = averages_r(alpha, params.beta_r, Dr, dps=dps)
    F = D - (A * S + s_h2)
    # TODO(registry): Price-theorem derivatives of the fp residual (hand-derived here)
    out = (F, 1 - A1 * S - A * S1 * A1, -A * Sa)
    hcache[key] = out
    return out


def _alpha_star(params, D, abr, s_h2, s_r2, dps, hcache):
    """alpha_r with F(D, alpha_r) = 0: plain Newton from the bracket's midpoint (quadratic, one
    r-average per step), falling back to safeguarded bracketing if a step leaves the bracket."""
    lo, hi = abr
    a = (lo + hi) / 2
    tol = (8 * mpmath.eps) if dps is not None else 1e-15
    for _ in range(8):
        F, _, Fa = _r_part(params, D, a, s_h2, s_r2, dps, hcache)
        if Fa == 0:
            break
        step = F / Fa
        a_new = a - step
        if not (lo <= a_new <= hi):
            break
        if abs(step) <= tol * abs(a_new):
            return a_new
        a = a_new
    f = lambda a: _r_part(params, D, a, s_h2, s_r2, dps, hcache)[0]  # noqa: E731
    fa = lambda a: _r_part(params, D, a, s_h2, s_r2, dps, hcache)[2]  # noqa: E731
    return refine_bracketed(f, abr[0], abr[1], fprime=fa, dps=dps, name="alpha_r").x


def _alpha_scale(g_h: float) -> float:
    """alpha_r^FP from the leading large-alpha_r asymptotics (registry ``fp-bifurcation-lowest-gh-scaling``:
    ``g_h - sqrt 2 = e_1 alpha_r^(-2/3)``), the scale the bracket search follows near sqrt 2 (no biases;
    with beta_r it is the same order: the bias shifts the gate by -beta_r/alpha_r, a subleading term)."""
    from ..symbolic import registry
    _, e1, _ = (float(v) for v in registry.get("fp-bifurcation-lowest-gh-scaling").numpy())
    return (e1 / max(g_h - math.sqrt(2.0), 1e-300)) ** 1.5


def _fold_grid(params, s_h2, s_r2, a_top):
    """Coarse (D, alpha) of the fold from a vectorised grid of F (alpha in [0, a_top]), or None."""
    from ..numerics.gates import np_sigma_family
    from ..numerics.gaussian import gaussian_average
    Ds = np.geomspace(1e-9, 1.0 + s_h2, 60)
    als = np.concatenate([[0.0], np.geomspace(0.05, a_top, 70 + int(10 * max(0.0, math.log10(a_top / ALPHA_R_MAX))))])
    A, P, A1 = averages_h(params.g_h, params.beta_h, Ds)
    Dr = A + s_r2
    a2, D2 = np.broadcast_arrays(als[None, :], Dr[:, None])
    b = params.beta_r
    with np.errstate(divide="ignore", invalid="ignore"):
        width = np.where(a2 > 0, np.pi / np.where(a2 > 0, a2, 1.0), np.inf)
        center = np.where(a2 > 0, -b / np.where(a2 > 0, a2, 1.0), 0.0)
    S = gaussian_average(lambda y: np_sigma_family(y, a2[..., None], b)[0] ** 2, D2, center=center,
                         width=width, atol=1e-4).value[0]  # coarse scan: ~1e-8 accuracy suffices
    F = Ds[:, None] - A[:, None] * S - s_h2
    best = None
    for i in range(len(Ds)):
        idx = sign_changes(F[i])
        if not idx:
            continue
        j = idx[0]
        a = als[j] - F[i, j] * (als[j + 1] - als[j]) / (F[i, j + 1] - F[i, j])
        if best is None or a < best[1]:
            best = (i, a, j)
    if best is None:
        return None
    i, a, j = best
    return Ds[max(i - 1, 0)], Ds[min(i + 1, len(Ds) - 1)], (als[max(j - 1, 0)], als[min(j + 2, len(als) - 1)])


def _fold_scan(params, s_h2, s_r2):
    """Coarse (D, alpha) of the fold: the grid's alpha range grows tenfold until F changes sign,
    bounded by 100 x the large-alpha_r asymptotic scale (:func:`_alpha_scale`; alpha_r^FP diverges
    as g_h -> sqrt 2), or by 100 x :data:`ALPHA_R_MAX` where that scale does not apply (beta_h, input)."""
    no_scale = params.beta_h != 0 or s_h2 != 0 or s_r2 != 0
    bound = 100 * max(ALPHA_R_MAX, ALPHA_R_MAX if no_scale else _alpha_scale(params.g_h))
    a_top = ALPHA_R_MAX if no_scale else max(ALPHA_R_MAX, 3 * _alpha_scale(params.g_h))
    while True:
        found = _fold_grid(params, s_h2, s_r2, a_top)
        if found is not None:
            return found
        if a_top >= bound:
            raise RangeError(f"no fixed-point bifurcation for alpha_r <= {a_top:.3g} at g_h = {params.g_h}, "
                             f"beta_h = {params.beta_h}, beta_r = {params.beta_r} (searched up to 100 x the "
                             f"alpha_r -> infinity scale); allowed: g_h inside the line's domain")
        a_top = min(10 * a_top, bound)


def _fold(params, Dbr, abr, s_h2, s_r2, dps):
    hcache = {}
    state = {"abr": abr}

    def G(D):
        a = _alpha_star(params, D, state["abr"], s_h2, s_r2, dps, hcache)
        return _r_part(params, D, a, s_h2, s_r2, dps, hcache)[1]
    r = refine_bracketed(G, Dbr[0], Dbr[1], dps=dps, name="Delta_h (fold)")
    a = _alpha_star(params, r.x, state["abr"], s_h2, s_r2, dps, hcache)
    return r.x, a, r.residual, r.iterations


def _fold_newton(params, D, a, s_h2, s_r2, dps, maxiter=30):
    """Newton on ``(F, dF/dDelta_h) = 0`` in ``(Delta_h, alpha_r)`` with the exact Jacobian
    (mpmath). Each step costs one h-average and one r-average, each with up to fourth
    derivatives of the gates by Price's theorem: ``d^k <f>_D / dD^k = <f^(2k)>_D / 2^k``.
    TODO(registry): these derivative formulas are hand-derived here.
    """
    from ..numerics.gates import mp_phi2_derivatives, mp_sigma2_derivatives
    from ..numerics.gaussian import gaussian_average, pole_width
    g, bh, br = to_mp(params.g_h), to_mp(params.beta_h), to_mp(params.beta_r)
    D, a = mpmath.mpf(D), mpmath.mpf(a)
    tol = mpmath.mpf(10) ** (-(mpmath.mp.dps - 3))
    for it in range(1, maxiter + 1):
        A, A2, A4 = gaussian_average(lambda y: mp_phi2_derivatives(y, g, bh), D, center=-bh / g,
                                     width=pole_width("tanh", g, mp=True), dps=dps).value
        A1, A11 = A2 / 2, A4 / 4
        R = A + s_r2
        # the 4th derivative of sigma^2 is ~alpha^4 where the gate switches while its average is
        # ~1/(alpha R^(5/2)): (alpha^2 R)^2 is lost to cancellation (16 digits at g_h = 1.4143,
        # alpha_r ~ 2e6), carried here as guard digits
        guard = 2 * max(0, math.ceil(float(mpmath.log10(a * a * R))))
        S, S2, S4, Sa, S2a = gaussian_average(lambda y: mp_sigma2_derivatives(y, a, br), R, center=-br / a,
                                              width=pole_width("sigmoid", a, mp=True), dps=dps + guard).value
        SR, SRR, SRa = S2 / 2, S4 / 4, S2a / 2
        F = D - A * S - s_h2
        G = 1 - A1 * S - A * A1 * SR
        FD, Fa = G, -A * Sa
        GD = -A11 * S - 2 * A1 ** 2 * SR - A * A11 * SR - A * A1 ** 2 * SRR
        Ga = -A1 * Sa - A * A1 * SRa
        det = FD * Ga - Fa * GD
        dD = (F * Ga - Fa * G) / det
        da = (FD * G - F * GD) / det
        D, a = D - dD, a - da
        if D <= 0 or a <= 0:
            raise ConvergenceError(f"fold Newton left the domain (Delta_h = {D}, alpha_r = {a}); check the start")
        if abs(dD) <= tol * abs(D) and abs(da) <= tol * abs(a):
            return D, a, max(abs(F), abs(G)), it
    raise ConvergenceError(f"fold Newton not converged after {maxiter} steps (residual {max(abs(F), abs(G))}); "
                           "raise maxiter")


def fp_bifurcation(g_h: float, *, beta_h: float = 0.0, beta_r: float = 0.0, input_std_h: float = 0.0,
                   input_std_r: float = 0.0, dps: int | None = None, start: tuple | None = None) -> CriticalPoint:
    """alpha_r^FP(g_h): the saddle node where two nonzero static solutions are born (seed Eq. 12).

    float64 first (grid scan, or ``start = (Delta_h, alpha_r)`` from a neighbouring point),
    then, with ``dps``, re-solved by mpmath at ``dps`` and ``dps + 10``; ``digits`` counts the
    agreeing digits of alpha_r. ``Delta_h`` is the fold variance.
    """
    s_h, s_r = check_input_std("input_std_h", input_std_h), check_input_std("input_std_r", input_std_r)
    dps = _dps(dps)
    params = GateParams(g_h=g_h, beta_h=beta_h, beta_r=beta_r)
    if beta_h == 0 and s_h == 0:
        lo, hi = fp_bifurcation_range(beta_r)
        if not lo < params.g_h < hi:
            raise RangeError(f"g_h = {g_h!r}: no fixed-point bifurcation there; allowed: "
                             f"{lo:.6f} (= sqrt 2) < g_h < {hi:.6f} (H1 line)")
    s_h2, s_r2 = s_h ** 2, s_r ** 2
    Df = af = None
    if start is not None:
        D0, a0 = start
        try:
            Df, af, res, it = _fold(params, (D0 / 1.5, D0 * 1.5), (a0 / 1.5, a0 * 1.5), s_h2, s_r2, None)
        except (ConvergenceError, ParameterError):
            Df = None
    if Df is None:
        Dlo, Dhi, abr = _fold_scan(params, s_h2, s_r2)
        Df, af, res, it = _fold(params, (Dlo, Dhi), abr, s_h2, s_r2, None)
    if dps is None:
        return CriticalPoint(af, "alpha_r", Df, 10, res, it, "nested Illinois/Newton (float64)",
                             params.replace(alpha_r=af), message=NOMINAL_DIGITS)  # TODO(issue 12): measure
    sh2, sr2 = to_mp(s_h) ** 2, to_mp(s_r) ** 2
    Dbr = (Df * (1 - 1e-6), Df * (1 + 1e-6))

    def solve(d, start=None):
        try:
            D0, a0 = start if start is not None else (Df, af)
            return _fold_newton(params, D0, a0, sh2, sr2, d)
        except (ConvergenceError, ZeroDivisionError):
            pass
        # fallback: nested solve. alpha*(D) is stationary at the fold: within the D bracket it
        # moves by ~1e-12 relative, so a tight alpha bracket around the float64 value holds.
        for rel in (1e-8, 1e-4):
            try:
                return _fold(params, Dbr, (af * (1 - rel), af * (1 + rel)), sh2, sr2, d)
            except ConvergenceError:
                continue
        raise ConvergenceError(f"fold refinement at {d} digits failed near alpha_r = {af:.12g}; "
                               "check the float64 start")
    with mpmath.workdps(dps):
        D, a, res, it = solve(dps)
    with mpmath.workdps(dps + 10):
        Dref, aref, _, _ = solve(dps + 10, (D, a))
    with mpmath.workdps(dps):
        D, a = +D, +a
        dig = trusted_digits(a, aref, dps)
        return CriticalPoint(a, "alpha_r", D, dig, res, it, "Newton on (F, dF/dDelta_h), exact Jacobian (mpmath)",
                             params.replace(alpha_r=float(a)))


