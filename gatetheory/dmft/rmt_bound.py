"""The random-matrix estimate of lambda_max from relaxation times (seed App. F; a reconstruction).

The displayed equations of App. F are lost; ``derivations/rmt_lyapunov.py`` re-derives them from
its prose (registry entries ``rmt-*``, rendered in ``docs/dmft_rmt.md``). With ``alpha_z = 0``
(``sigma_z = s`` constant; App. F has ``s = 1``) the (h, r) Jacobian is ``-Lambda + Jhat S(t)``,
``Lambda = diag(s, 1/tau_r)``, ``Jhat = diag(Jh, Jr)``, ``S = [[A, Q], [P, 0]]`` per unit with::

    A = s sigma_r(r) phi'(h),   Q = s phi(h) sigma_r'(r),   P = phi'(h) / tau_r.

The short-time (commuting) approximation ``chi(t) ~ exp(-Lambda t) exp(Jhat int_0^t S)``, the
rainbow diagrams at leading order in N and the stationary DMFT give the h-block mean-squared
singular value of the susceptibility, ``exp(-2 s t) a(t)``, with ``a(t) = (1, 0) f(T) (1, 1)^T``,
``f(T) = sum_n T^n / (n!)^2`` (Bessel functions ``I_0(2 sqrt(mu))`` of the eigenvalues mu of
``T = [[g_A, g_Q], [g_P, 0]]``) and ``g_X(t) = int_0^t int_0^t C_X(t1 - t2)``. The estimate is::

    lambda(t)   = -s + log(a(t)) / (2 t)
    lambda_inf  = -s + sqrt(mu_inf),  mu_inf = (A_inf + sqrt(A_inf^2 + 4 Q_inf P_inf)) / 2

where ``X_inf = C_X(tau -> inf) = <X>^2``. The relaxation times
``tau_X = int_0^inf [C_X - X_inf] dtau / [C_X(0) - X_inf]`` add
``c_relax / t`` to lambda(t) (registry ``rmt-lyapunov-relaxation``), beside the Hankel term
``-log(4 pi sqrt(mu_inf) t) / (4 t)``. The DMFT correlations factorise because h and r are
independent in the DMFT: ``C_A = s^2 C_sigma_r C_phi'``, ``C_Q = s^2 C_phi C_sigma_r'``,
``C_P = C_phi' / tau_r^2``.

Where Q vanishes identically (``alpha_r = 0``, including the vanilla network) the DMFT
lambda_max solves the Schrodinger problem ``-psi'' - C_A psi = E psi``, ``lambda = sqrt(-E0) - s``,
and the trial ``psi = sqrt(eps) exp(-eps |tau|)`` gives the rigorous inequality
``lambda_DMFT >= variational_bound >= lambda_inf`` (the eps -> 0 trial gives lambda_inf).
When ``s tau_r != 1`` the splitting of ``exp(-Lambda t)`` is an extra approximation (the h block
is read, where it is exact at ``alpha_r = 0``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
from scipy.special import expit, i0e, j0

from ..params import GateParams, ParameterError
from ..results import Result
from ..symbolic import registry
from .solution import DMFTSolution

__all__ = ["RMTLyapunov", "rmt_lyapunov", "rmt_correlations", "rainbow_moment_h"]


@dataclass(frozen=True)
class RMTLyapunov(Result):
    """The App. F estimate of lambda_max and its ingredients (units of 1/tau_h throughout).

    Attributes
    ----------
    t : ndarray, shape (K,)
        Times of the finite-time estimate (units of tau_h).
    lambda_t : ndarray, shape (K,)
        ``-s + log(a(t)) / (2 t)``, the finite-time estimate.
    lambda_asymptotic : ndarray, shape (K,)
        Its large-t form ``lambda_inf + [c_relax - log(4 pi sqrt(mu_inf) t)/4 + log(w_inf)/2] / t``.
    lambda_inf : float
        The ``t -> inf`` limit ``-s + sqrt(mu_inf)``.
    relaxation_coefficient : float
        ``c_relax``, the coefficient of 1/t carried by the relaxation times.
    tau_A, tau_Q, tau_P : float
        Relaxation times of C_A, C_Q, C_P (0 where the correlation is constant).
    plateaus : dict
        ``A_inf, Q_inf, P_inf`` (tails of the correlations) and ``Delta_A, Delta_Q, Delta_P``
        (``C_X(0) - X_inf``).
    variational_bound : float or None
        ``sqrt(-min_eps E(eps)) - s``, a lower bound on the DMFT lambda_max; only where Q vanishes
        identically (``alpha_r = 0``), else None.
    error : float
        Largest change of lambda_inf, lambda_t and the variational bound when the tau spacing is doubled and when
        the tau range is cut to 2/3 (the two-resolution error estimate).
    s : float
        The constant update gate ``sigma_z(beta_z)``.
    commuting : bool
        Whether ``s tau_r = 1``, where the decay matrix commutes with the rest.
    params : GateParams
    """

    t: np.ndarray
    lambda_t: np.ndarray
    lambda_asymptotic: np.ndarray
    lambda_inf: float
    relaxation_coefficient: float
    tau_A: float
    tau_Q: float
    tau_P: float
    plateaus: dict
    variational_bound: Optional[float]
    error: float
    s: float
    commuting: bool
    params: GateParams


def rmt_correlations(sol) -> tuple[np.ndarray, dict]:
    """``tau`` and the correlations C_A, C_Q, C_P (shape (m,)) of a DMFT solution at alpha_z = 0.

    Both methods' solutions carry the derivative correlations ``C_dphi`` and ``C_dsigma_r``.
    """
    if not isinstance(sol, DMFTSolution):
        raise ParameterError(f"sol = {type(sol).__name__} is not supported; allowed: DMFTSolution")
    p = sol.params
    if p.alpha_z != 0:
        raise ParameterError(f"alpha_z = {p.alpha_z} is out of range; allowed: alpha_z = 0 (constant update gate)")
    s = float(expit(p.beta_z))
    C_dphi, C_dsr = sol.C_dphi, sol.C_dsigma_r
    return np.asarray(sol.tau, float), {"A": s * s * sol.C_sigma_r * C_dphi, "Q": s * s * sol.C_phi * C_dsr,
                                        "P": C_dphi / p.tau_r ** 2}


def rainbow_moment_h(g_A, g_Q, g_P) -> tuple[np.ndarray, np.ndarray]:
    """``(log a, mu_plus)`` for the rainbow moment ``a = (1, 0) sum_n T^n/(n!)^2 (1, 1)^T`` (F33-F36).

    Arrays broadcast; ``g_A > 0``, ``g_Q, g_P >= 0``. Computed without overflow: ``I_0(x) = i0e(x) e^x``
    for the larger eigenvalue and ``J_0(2 sqrt(-mu))`` for a negative smaller one.
    """
    g_A, g_Q, g_P = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (g_A, g_Q, g_P)))
    mu_p, mu_m = registry.get("rmt-transfer-eigenvalues").numpy(g_A, g_Q, g_P)
    mu_p, mu_m = np.asarray(mu_p, float), np.minimum(np.asarray(mu_m, float), 0.0)
    x = 2 * np.sqrt(mu_p)
    f_m = np.where(mu_m < 0, j0(2 * np.sqrt(-mu_m)), 1.0)
    gap = mu_p - mu_m
    bracket = (i0e(x) * (g_A + g_Q - mu_m) - f_m * np.exp(-x) * (g_A + g_Q - mu_p)) / gap
    return x + np.log(bracket), mu_p


def _plateau(c: np.ndarray) -> float:
    return float(np.mean(c[-max(1, c.size // 10):]))


def _cumtrapz(y, x):
    return np.concatenate([[0.0], np.cumsum(0.5 * (y[1:] + y[:-1]) * np.diff(x))])


def _moments_linear(a, b, da, db):
    """int_a^b d and int_a^b tau d for d linear between (a, da) and (b, db) (exact)."""
    h = b - a
    return 0.5 * h * (da + db), h / 6 * ((2 * a + b) * da + (a + 2 * b) * db)


def _g(tau, c, x_inf, t):
    """g(t) = int_0^t int_0^t C(t1 - t2) = X_inf t^2 + 2 int_0^t (t - tau)(C - X_inf), with C - X_inf
    linear between grid points (integrated exactly, so t between grid points costs no accuracy) and
    C = X_inf beyond tau_max."""
    d = c - x_inf
    m0, m1 = _moments_linear(tau[:-1], tau[1:], d[:-1], d[1:])
    I0, I1 = np.concatenate([[0.0], np.cumsum(m0)]), np.concatenate([[0.0], np.cumsum(m1)])
    tt = np.minimum(t, tau[-1])
    i = np.clip(np.searchsorted(tau, tt, side="right") - 1, 0, tau.size - 2)
    p0, p1 = _moments_linear(tau[i], tt, d[i], np.interp(tt, tau, d))
    return x_inf * t ** 2 + 2 * (t * (I0[i] + p0) - (I1[i] + p1))


def _estimate(tau, corr, s, t, alpha_r):
    pl, relax = {}, {}
    g = {}
    for k, c in corr.items():
        x_inf = _plateau(c)
        integral = float(_cumtrapz(c - x_inf, tau)[-1])        # tau_X * Delta_X
        delta = float(c[0] - x_inf)
        pl[f"{k}_inf"], pl[f"Delta_{k}"] = x_inf, delta
        relax[k] = integral / delta if delta > 0 else 0.0
        g[k] = _g(tau, c, x_inf, t)
    log_a, _ = rainbow_moment_h(g["A"], g["Q"], g["P"])
    lam_t = -s + log_a / (2 * t)
    A, Q, P = (max(pl[f"{k}_inf"], 0.0) for k in "AQP")
    lam_inf = float(registry.get("rmt-lyapunov-limit").numpy(s, A, Q, P))
    c_relax = float(registry.get("rmt-lyapunov-relaxation").numpy(
        A, Q, P, relax["A"], relax["Q"], relax["P"], pl["Delta_A"], pl["Delta_Q"], pl["Delta_P"]))
    mu_inf = (lam_inf + s) ** 2
    root = np.sqrt(A * A + 4 * Q * P)
    w_inf = (A / 2 + root / 2 + Q) / root
    lam_asym = lam_inf + (c_relax - np.log(4 * np.pi * np.sqrt(mu_inf) * t) / 4 + np.log(w_inf) / 2) / t
    var = None
    if alpha_r == 0:
        eps = np.geomspace(1e-4, 20.0, 400)
        d = corr["A"] - pl["A_inf"]
        lap = np.array([float(_cumtrapz(d * np.exp(-2 * e * tau), tau)[-1]) for e in eps])
        E = np.minimum((eps ** 2 - pl["A_inf"] - 2 * eps * lap).min(), -A)  # eps -> 0 gives -A_inf
        var = float(np.sqrt(-E) - s)
    return lam_t, lam_asym, lam_inf, c_relax, relax, pl, var


def rmt_lyapunov(sol, *, t=None) -> RMTLyapunov:
    """The App. F random-matrix estimate of lambda_max from a DMFT solution at ``alpha_z = 0``.

    Parameters
    ----------
    sol : DMFTSolution
        Stationary correlations on ``tau = 0 .. tau_max`` (at least 20 points), from
        :func:`~gatetheory.dmft.moments.solve_moment_equations` (noise-free; no bias) or
        :func:`~gatetheory.dmft.solve_dmft`.
    t : array_like, optional
        Positive times (units of tau_h) for the finite-time estimate; default
        ``geomspace(0.1, 1000, 41)``. Beyond tau_max the correlations are continued by their plateaus.

    Returns
    -------
    RMTLyapunov
        See its attributes; ``error`` is the two-resolution error estimate.

    Notes
    -----
    The t -> inf limit depends only on the plateaus ``<X>^2``; the relaxation times enter at order
    1/t. Without biases ``Q_inf = 0`` and ``lambda_inf = -s + s <sigma_r> <phi'>``. For the vanilla
    network (s = sigma_r = 1) it is ``-1 + <phi'>``, a lower bound on the DMFT lambda_max.
    """
    tau, corr = rmt_correlations(sol)
    if tau.size < 20:
        raise ParameterError(f"len(sol.tau) = {tau.size} is out of range; allowed: >= 20 points")
    t = np.geomspace(0.1, 1000.0, 41) if t is None else np.atleast_1d(np.asarray(t, dtype=float))
    if t.ndim != 1 or not np.all(np.isfinite(t)) or np.any(t <= 0):
        raise ParameterError(f"t = {t!r} is out of range; allowed: a 1-d array of finite times > 0")
    p = sol.params
    if p.g_h == 0:  # all correlations vanish: the transfer matrix of F33 is 0 and its eigen-gap 0/0
        raise ParameterError("g_h = 0 is out of range; allowed: g_h != 0 (at g_h = 0 the correlations "
                             "vanish and the estimate is undefined)")
    s = float(expit(p.beta_z))
    main = _estimate(tau, corr, s, t, p.alpha_r)
    coarse = _estimate(tau[::2], {k: c[::2] for k, c in corr.items()}, s, t, p.alpha_r)
    cut = int(round(2 * tau.size / 3))
    short = _estimate(tau[:cut], {k: c[:cut] for k, c in corr.items()}, s, t, p.alpha_r)
    err = 0.0
    for other in (coarse, short):
        err = max(err, abs(other[2] - main[2]), float(np.max(np.abs(other[0] - main[0]))))
        if main[6] is not None:
            err = max(err, abs(other[6] - main[6]))
    lam_t, lam_asym, lam_inf, c_relax, relax, pl, var = main
    return RMTLyapunov(t=t, lambda_t=lam_t, lambda_asymptotic=lam_asym, lambda_inf=lam_inf,
                       relaxation_coefficient=c_relax, tau_A=relax["A"], tau_Q=relax["Q"], tau_P=relax["P"],
                       plateaus=pl, variational_bound=var, error=err, s=s,
                       commuting=bool(abs(s * p.tau_r - 1) < 1e-12), params=p)
