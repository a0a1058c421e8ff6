"""The DMFT prediction of the maximal Lyapunov exponent (Sec. V A, Eqs. 10-11; App. E).

Two replicas share the couplings; the inter-replica correlations are
linearised about the single-replica solution, ``C12 = C + delta``. With
``alpha_z = 0`` the update gate is a constant ``s = sigma_z(beta_z)``, h is
Gaussian, and Price's theorem turns the variational derivatives into
correlations of derivatives (``dC_phi/dC_h = C_phi'``). The ansatz
``delta_x(t, s) = exp(lambda (t + s)) psi_x(t - s)``, in which lambda is the
growth rate of a distance (not of its square), gives on ``tau = t - s``::

    [(lambda + s)^2 - d^2/dtau^2] psi_h
        = s^2 [C_sigma_r C_phi' psi_h + C_phi C_sigma_r' psi_r]
    [(tau_r lambda + 1)^2 - tau_r^2 d^2/dtau^2] psi_r = C_phi' psi_h

(``C_phi'`` and ``C_sigma_r'`` are the correlations of ``phi'(h)`` and
``sigma_r'(r)``). Eliminating psi_r leaves a Schrodinger-like problem
``H(lambda) psi = E psi`` with ``-(lambda + s)^2`` as its lowest eigenvalue;
the largest self-consistent lambda is lambda_max. With constant gates it
reduces to the classical result of Sompolinsky, Crisanti & Sommers (1988).

For ``alpha_z > 0`` Price's theorem does not hold (h is non-Gaussian) and the
gate fluctuates; this module then replaces s by ``<sigma_z>`` and s^2 on the
right by ``C_sigma_z(tau)``, an uncontrolled approximation flagged in the
result (the seed reports quantitative deviations at large alpha_z too).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.linalg
from scipy.optimize import brentq
from scipy.special import expit

from ..params import ParameterError, check_positive
from ..results import Result
from .solution import DMFTSolution

__all__ = ["DMFTLyapunov", "dmft_lambda_max"]


@dataclass(frozen=True)
class DMFTLyapunov(Result):
    """lambda_max from the DMFT eigenvalue problem, with an error bar that covers the solution's own error.

    Attributes
    ----------
    lambda_max : float
        Units of 1/tau_h. For a sampled solution, the jackknife value over its replicas (the plain value
        is biased high by the noise in the correlations, see :func:`gatetheory.dmft.sampling.jackknife`).
    error : float
        ``sqrt(error_discretisation^2 + error_solution^2)``.
    error_discretisation : float
        ``max`` change of lambda_max when the tau spacing of the eigenproblem is halved and when its tau
        range is shrunk to 2/3.
    error_solution : float
        The error carried in from the DMFT solution. Moment route: the change of lambda_max when the
        moment equations are re-solved at half their step (``resolve=True``; 0 otherwise, flagged in the
        message). Sampling: the jackknife error over the replicas (68.3 % Student-t half-width); it does not
        include the sampler's time-step error, which is below 1e-3 relative at dt = 0.1 (docs/dmft.md).
    method : str
        The DMFT method that produced the solution.
    approximate : bool
        True when alpha_z > 0 (mean-gate approximation, see module docstring).
    ground_energy : float
        The lowest eigenvalue E at the solution, ``-(lambda_max + s)^2``.
    """

    lambda_max: float
    error: float
    approximate: bool
    ground_energy: float
    error_discretisation: float = 0.0
    error_solution: float = 0.0
    method: str = "moments"


def _resample(sol: DMFTSolution, name: str, tau: np.ndarray) -> np.ndarray:
    return np.interp(np.abs(tau), sol.tau, getattr(sol, name))


def _solve(sol: DMFTSolution, d_tau: float, tau_range: float) -> tuple[float, float]:
    p = sol.params
    # Even sector only, on tau >= 0: H is a Z-matrix (non-positive off-diagonal entries, since G >= 0
    # and B >= 0), so its lowest eigenvalue has a non-negative, hence even, eigenvector; the mirror
    # condition psi(-d_tau) = psi(d_tau) makes this exactly the even sector of the symmetric grid
    # [-tau_range, tau_range] with psi = 0 beyond its ends, at an eighth of the eigenvalue cost.
    m = int(round(tau_range / d_tau))
    tau = d_tau * np.arange(m + 1)
    K = tau.size
    D2 = (np.diag(np.full(K - 1, 1.0), -1) - 2 * np.eye(K) + np.diag(np.full(K - 1, 1.0), 1)) / d_tau ** 2
    D2[0, 1] = 2.0 / d_tau ** 2
    C_sr, C_dphi = _resample(sol, "C_sigma_r", tau), _resample(sol, "C_dphi", tau)
    C_phi, C_dsr = _resample(sol, "C_phi", tau), _resample(sol, "C_dsigma_r", tau)
    if p.alpha_z == 0:
        s = float(expit(p.beta_z))
        s2 = np.full(K, s * s)
    else:
        s = float(np.sqrt(sol.C_sigma_z[0]))  # <sigma_z^2>^(1/2) as the mean rate
        s2 = _resample(sol, "C_sigma_z", tau)
    A = s2 * C_sr * C_dphi
    B = s2 * C_phi * C_dsr
    tr = p.tau_r

    def energy(lam):
        if p.alpha_r == 0:
            H = -D2 - np.diag(A)
        else:
            G = np.linalg.solve((tr * lam + 1) ** 2 * np.eye(K) - tr ** 2 * D2, np.diag(C_dphi))
            H = -D2 - np.diag(A) - B[:, None] * G
        ev = scipy.linalg.eigvals(H)
        return float(np.min(ev.real))

    def f(lam):
        return (lam + s) ** 2 + energy(lam)

    lo = -s + 1e-9
    if p.alpha_r != 0:
        lo = max(lo, -1.0 / tr + 1e-6)
    hi = 2.0 * (abs(lo) + 1.0)
    if f(lo) > 0:  # no growing replica divergence: the DMFT has no chaotic solution
        return float(-s), energy(-s)
    while f(hi) < 0:
        hi *= 2
    lam = brentq(f, lo, hi, xtol=1e-10)
    return float(lam), energy(lam)


def dmft_lambda_max(sol: DMFTSolution, *, d_tau: float | None = None, tau_range: float | None = None,
                    resolve: bool = True) -> DMFTLyapunov:
    """lambda_max from a DMFT solution (Eqs. 10-11), with its discretisation and solution errors.

    Parameters
    ----------
    sol : DMFTSolution
    d_tau : float, optional
        Spacing of the tau grid; default ``max(2 * sol dt, 0.2)``.
    tau_range : float, optional
        The grid spans ``[-tau_range, tau_range]``; default ``sol.tau[-1]``.
    resolve : bool
        Moment route: re-solve the moment equations at half their step to measure the solution's
        discretisation error (about doubles the cost). Sampling solutions use their replicas instead.
    """
    dt_sol = float(sol.tau[1] - sol.tau[0])
    d_tau = max(2 * dt_sol, 0.2) if d_tau is None else check_positive("d_tau", d_tau)
    tau_range = float(sol.tau[-1]) if tau_range is None else check_positive("tau_range", tau_range)
    if tau_range > sol.tau[-1] + 1e-12:
        raise ParameterError(f"tau_range = {tau_range} is out of range; allowed: <= tau_max of the solution = {sol.tau[-1]}")
    if sol.status == "failed":
        nan = float("nan")
        return DMFTLyapunov(lambda_max=nan, error=nan, approximate=sol.params.alpha_z != 0, ground_energy=nan,
                            error_discretisation=nan, error_solution=nan, method=sol.method, status="failed",
                            message=f"no lambda_max: the DMFT solution failed ({sol.message})")
    lam, E = _solve(sol, d_tau, tau_range)
    lam_fine, _ = _solve(sol, d_tau / 2, tau_range)
    lam_short, _ = _solve(sol, d_tau, 2 * tau_range / 3)
    disc = max(abs(lam - lam_fine), abs(lam - lam_short))
    notes, status = [], "ok"
    if sol.method == "sampling" and len(sol.replicas) >= 2:
        from .sampling import jackknife

        lam, err_sol = jackknife(lambda s: _solve(s, d_tau, tau_range)[0], sol.replicas)
    elif sol.method == "sampling":
        err_sol = float("inf")
        notes.append("one replica: no error bar for the sampling noise (n_replicas >= 2 gives one)")
    elif resolve and sol.options:
        from .moments import solve_moment_equations

        finer = solve_moment_equations(sol.params, **{**sol.options, "dt": sol.options["dt"] / 2})
        err_sol = abs(lam - _solve(finer, d_tau, tau_range)[0])
    else:
        err_sol = 0.0
        notes.append("solution error not measured (resolve=False)")
    if sol.params.alpha_z != 0:
        status = "approximate"
        notes.insert(0, "mean-gate approximation (alpha_z > 0)")
    if not sol.converged:
        status = "not-converged"
        notes.insert(0, f"the DMFT solution did not converge ({sol.message or sol.status})")
    return DMFTLyapunov(lambda_max=lam, error=float(np.hypot(disc, err_sol)), approximate=sol.params.alpha_z != 0,
                        ground_energy=E, error_discretisation=disc, error_solution=err_sol, method=sol.method,
                        status=status, message="; ".join(notes))
