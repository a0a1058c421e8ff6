"""Deterministic DMFT: the moment equations for the correlation functions (App. C, Eqs. C22-C24).

Registry entry ``dmft-moment-equations`` (stationary, tau = t - t')::

    C_h - C_{1/sigma_z} C_h'' = C_phi C_sigma_r         (C22, with the separation assumption F1)
    C_z - tau_z^2 C_z''       = C_phi                   (C23, exact)
    C_r - tau_r^2 C_r''       = C_phi                   (C24, exact)

Assumptions, stated where they are used:

* h is Gaussian, so ``C_phi`` and ``C_phi'`` are two-dimensional Gaussian averages over the
  correlation ``C_h`` (exact at alpha_z = 0, an approximation for alpha_z > 0);
* F1, separation: correlations of ``1/sigma_z`` factorise from those of h (exact at alpha_z = 0,
  where ``C_{1/sigma_z}`` is the constant ``1/sigma_z^2``). With z Gaussian,
  ``C_{1/sigma_z}(tau) = 1 + 2 exp(-beta_z + alpha_z^2 C_z(0)/2) + exp(-2 beta_z + alpha_z^2 (C_z(0) + C_z(tau)))``.

The equations are solved on ``tau in [0, tau_max]`` with ``C'(0) = 0`` (even functions) and
``C' = 0`` at tau_max, each as a tridiagonal linear problem, and iterated with damping. No
sampling: the result is noise-free, the ``"moments"`` method of :func:`gatetheory.dmft.solve_dmft`.

Gaussian averages (:func:`gatetheory.numerics.bivariate.gaussian_correlation`, the one bivariate primitive): for sharp gates (``sigma_r'`` is a spike of width
``1/alpha_r``) a fixed Gauss-Hermite product rule fails (48 nodes gave ``C_sigma_r'(0) = 0.30`` instead
of 2.0 at alpha_r = 20). The Mehler expansion ``<f(x) g(y)>_rho = sum_n rho^n a_n b_n`` needs only
one-dimensional Hermite coefficients, computed once per call on a trapezoid grid that resolves the
gate, and is exact up to a truncation error bounded through Parseval's identity; the few correlations
close to +-1, where the series would need too many terms, go to a direct two-dimensional rule.
Measured against the independent nested rule of :mod:`gatetheory.meanfield.dynamic_bifurcation`: agreement
to 1e-14 at alpha_r = 2 and 20 and 3e-10 at alpha_r = 100 (tests/test_dmft_lambda_curve.py).

:func:`chaos_onset_g_h` bisects for the birth of the chaotic solution where it coexists with the
stable zero fixed point (alpha_r above alpha_r^dyn, g_h < 2).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy.linalg import solve_banded
from scipy.special import expit

from ..numerics.bivariate import gaussian_correlation
from ..numerics.gates import np_phi_family, np_sigma_family
from ..numerics.gaussian import pole_width
from ..params import GateParams, ParameterError, check_finite, check_int, check_positive
from ..results import Result
from .solution import DMFTSolution, implausibility

__all__ = ["solve_moment_equations", "ChaosOnset", "chaos_onset_g_h"]


def _filter(rhs: np.ndarray, coeff: np.ndarray | float, d_tau: float) -> np.ndarray:
    """Solve ``C - coeff * C'' = rhs`` on [0, tau_max] with C'(0) = C'(tau_max) = 0 (tridiagonal)."""
    m = rhs.size
    c = np.broadcast_to(np.asarray(coeff, dtype=float), (m,)) / d_tau ** 2
    ab = np.zeros((3, m))
    ab[1] = 1 + 2 * c
    ab[0, 1:] = -c[:-1]
    ab[2, :-1] = -c[1:]
    ab[0, 1] = -2 * c[0]        # mirror ghost point at tau = 0
    ab[2, m - 2] = -2 * c[m - 1]  # reflecting end
    return solve_banded((1, 1), ab, rhs)


def solve_moment_equations(params: GateParams, *, dt: float = 0.1, tau_max: float = 50.0, damping: float = 0.5,
                           tol: float = 1e-7, maxiter: int = 2000, C_h0: float = 1.0, input_std_h: float = 0.0,
                           input_std_z: float = 0.0, input_std_r: float = 0.0) -> DMFTSolution:
    """Iterate the moment equations C22-C24 to a self-consistent, time-dependent (chaotic) solution.

    Returns a :class:`~gatetheory.dmft.solution.DMFTSolution` with ``method="moments"`` on
    ``tau = 0, dt, ..., tau_max``. Starts from ``C_h = C_h0 exp(-tau)`` so as to land on the nonzero branch
    (where it coexists with the stable zero fixed point, as above alpha_r^dyn for g_h < 2, a large ``C_h0``
    finds it); returns the trivial solution (all zero) where none other is reached. The Gaussian averages
    use :func:`gaussian_correlation`, accurate for gates of any sharpness. A bias beta_h and static inputs
    are allowed: h keeps zero mean (its drive sums zero-mean couplings), and a static part of its drive
    (``<phi>^2``, the input variances) passes the filters as the constant tail of the correlations.
    """
    dt, tau_max = check_positive("dt", dt), check_positive("tau_max", tau_max)
    maxiter = check_int("maxiter", maxiter, 1)
    s_h, s_z, s_r = (check_finite(n, v) ** 2 for n, v in (("input_std_h", input_std_h), ("input_std_z", input_std_z),
                                                           ("input_std_r", input_std_r)))
    p = params
    tau = dt * np.arange(int(round(tau_max / dt)) + 1)
    w_phi, w_r, w_z = pole_width("tanh", p.g_h), pole_width("sigmoid", p.alpha_r), pole_width("sigmoid", p.alpha_z)

    def phi(x):
        return np.tanh(p.g_h * x + p.beta_h)

    def sr(x):
        return expit(p.alpha_r * x + p.beta_r)

    C_h = C_h0 * np.exp(-tau)
    residual, it = np.inf, 0
    for it in range(1, maxiter + 1):
        C0 = max(C_h[0], 1e-14)
        C_phi = gaussian_correlation(phi, C0, C_h, width=w_phi)
        C_z = _filter(C_phi + s_z, p.tau_z ** 2, dt)
        C_r = _filter(C_phi + s_r, p.tau_r ** 2, dt)
        C_sr = gaussian_correlation(sr, max(C_r[0], 1e-14), C_r, width=w_r)
        a, b = p.alpha_z, p.beta_z
        C_inv = 1 + 2 * np.exp(-b + a * a * C_z[0] / 2) + np.exp(-2 * b + a * a * (C_z[0] + C_z))
        new = _filter(C_phi * C_sr + s_h, C_inv, dt)
        residual = float(np.abs(new - C_h).max() / max(new[0], 1e-14))
        C_h = (1 - damping) * C_h + damping * new
        if residual < tol or C_h[0] < 1e-12:
            break
    C0, Cr0, Cz0 = max(C_h[0], 1e-14), max(C_r[0], 1e-14), max(C_z[0], 1e-14)
    C_dphi = gaussian_correlation(lambda x: np_phi_family(x, p.g_h, p.beta_h)[1], C0, C_h, width=w_phi)
    C_dsr = gaussian_correlation(lambda x: np_sigma_family(x, p.alpha_r, p.beta_r)[1], Cr0, C_r, width=w_r)
    C_sz = gaussian_correlation(lambda x: expit(p.alpha_z * x + p.beta_z), Cz0, C_z, width=w_z)
    converged = bool(residual < tol or C_h[0] < 1e-12)
    why = implausibility(dict(C_h=C_h, C_phi=C_phi, C_sigma_r=C_sr, C_dphi=C_dphi), s_h)
    status = ("failed", why) if why else (("ok", "") if converged else (
        "not-converged", f"residual {residual:.3g} >= tol = {tol:g} after maxiter = {maxiter} iterations; "
                         f"raise maxiter"))
    return DMFTSolution(tau=tau, C_h=C_h, C_z=C_z, C_r=C_r, C_phi=C_phi, C_sigma_r=C_sr, C_inv_sigma_z=C_inv,
                        C_dphi=C_dphi, C_dsigma_r=C_dsr, C_sigma_z=C_sz, iterations=it, residual=residual,
                        converged=converged and not why, params=p, method="moments",
                        options=dict(dt=dt, tau_max=tau_max, damping=damping, tol=tol, maxiter=maxiter, C_h0=C_h0,
                                     input_std_h=input_std_h, input_std_z=input_std_z, input_std_r=input_std_r),
                        status=status[0], message=status[1])


@dataclass(frozen=True)
class ChaosOnset(Result):
    """Bracket ``g_lo < g_h* <= g_hi`` of the birth of the chaotic moment solution (the DMFT's side of the
    discontinuous transition, seed Sec. V B): at ``g_lo`` the iteration started from a large ``C_h``
    falls to the zero solution, at ``g_hi`` it converges on a nonzero one of variance ``variance_hi``.
    ``undetermined`` lists a bisection point (if any) where the iteration, slowed down by the nearby
    fold, ended neither converged nor at zero; the bisection stops there."""

    g_lo: float
    g_hi: float
    variance_hi: float
    evaluations: int
    undetermined: tuple = ()

    @property
    def g_h(self) -> float:
        return 0.5 * (self.g_lo + self.g_hi)


def chaos_onset_g_h(params: GateParams, *, bracket: tuple[float, float] = (1.5, 2.0), xtol: float = 2e-3,
                    C_h0: float = 3.0, **solver_kw) -> ChaosOnset:
    """Bisect in g_h for the birth of the chaotic solution of the moment equations (alpha_z = 0, g_h < 2).

    Above it the chaotic solution coexists with the stable zero fixed point, so each point is iterated
    from a large ``C_h0`` (the chaotic branch attracts the iteration; the zero solution is reached only
    where no nonzero one exists). Near the fold the iteration slows down, so here ``damping`` defaults
    to 1 (undamped, measured stable and twice as fast at alpha_r = 20) and ``maxiter`` to 6000; a
    bisection point that ends unconverged stops the refinement (see :class:`ChaosOnset`). The ends of
    ``bracket`` must be decided (zero below, chaotic above), else ParameterError. ``params`` supplies
    everything but g_h. Each evaluation costs ~1-15 s.
    """
    solver_kw.setdefault("maxiter", 6000)
    solver_kw.setdefault("damping", 1.0)

    def state(g):
        sol = solve_moment_equations(replace(params, g_h=g), C_h0=C_h0, **solver_kw)
        return (sol.chaotic if sol.converged else None), sol.variance_h

    lo, hi = map(float, bracket)
    c_lo, c_hi, v_hi = state(lo)[0], None, 0.0
    if c_lo is False:
        c_hi, v_hi = state(hi)
    n = 2
    if c_lo is not False or c_hi is not True:
        raise ParameterError(f"bracket = {bracket} is out of range; allowed: a bracket with the zero solution at its "
                             f"lower end and a chaotic one at its upper end (chaotic: {c_lo}, {c_hi}; None = "
                             "unconverged): widen the bracket or raise maxiter")
    while hi - lo > xtol:
        mid = 0.5 * (lo + hi)
        c, v = state(mid)
        n += 1
        if c is None:
            return ChaosOnset(g_lo=lo, g_hi=hi, variance_hi=v_hi, evaluations=n, undetermined=(mid,),
                              status="approximate", message=f"bisection stopped at g_h = {mid:g}, where the "
                                                            f"iteration ended neither converged nor at zero")
        if c:
            hi, v_hi = mid, v
        else:
            lo = mid
    return ChaosOnset(g_lo=lo, g_hi=hi, variance_hi=v_hi, evaluations=n)
