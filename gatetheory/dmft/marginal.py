"""The marginally stable phase as alpha_z -> infinity (Sec. IV A, Eq. 8; App. B), with DMFT averages.

As alpha_z grows the update gate becomes a switch: a fraction ``1 - <sigma_z>``
of the Jacobian's eigenvalues collapses onto zero and the rest fill a disk of
radius rho about -1. The dynamics is marginally stable while rho < 1, the
fixed-point stability condition with an extra factor ``<sigma_z>``
(registry entry ``alpha-z-inf-spectral-curve`` at lambda = 0)::

    <sigma_z> <phi'^2> (<sigma_r^2> + <phi^2> <sigma_r'^2>) < 1

Here the averages are taken over the time-dependent DMFT state (not a fixed
point): ``<phi'^2> = C_phi'(0)``, ``<phi^2> = C_phi(0)``,
``<sigma_r^2> = C_sigma_r(0)``, ``<sigma_r'^2> = C_sigma_r'(0)``, and
``<sigma_z>`` the one-time mean of the update gate in the limit (``P(z > 0) = 1/2`` at beta_z = 0).

For large finite alpha_z the registry entry ``alpha-z-large-leading-edge`` (App. B, Eq. B6) gives the
pinched leading edge ``lambda_e = exp(-alpha_z c)``; :func:`pinching_rate` returns c with the same
DMFT averages. That derivation treats the Jacobian without the ``d h'/d z = diag(sigma_z' B)`` block
(zero at fixed points); along trajectories that block is nonzero (see docs/marginal.md).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit, ndtr

from ..numerics.gaussian import gaussian_average, pole_width
from ..params import GateParams, ParameterError
from ..results import Result
from ..symbolic import registry
from .solution import DMFTSolution
from .solver import solve_dmft

__all__ = ["MarginalAverages", "marginal_averages", "marginal_stability_margin", "pinching_rate", "MarginalEdge",
           "marginal_upper_gh"]


@dataclass(frozen=True)
class MarginalAverages(Result):
    """The one-time averages entering Eq. 8, from a DMFT solution.

    Attributes
    ----------
    mean_sigma_z : float
        ``<sigma_z>`` as alpha_z -> infinity: ``P(alpha_z z + beta_z > 0)`` for Gaussian z of variance C_z(0).
    mean_sigma_z_finite : float
        ``<sigma_z(z)>`` at the solution's own alpha_z (same Gaussian z).
    B : float
        ``<phi'^2> (<sigma_r^2> + <phi^2> <sigma_r'^2>)`` (registry ``fp-stability`` with DMFT averages).
    Delta_z : float
        ``C_z(0)``.
    """

    mean_sigma_z: float
    mean_sigma_z_finite: float
    B: float
    Delta_z: float


def marginal_averages(sol: DMFTSolution) -> MarginalAverages:
    """The averages of Eq. 8 over the time-dependent DMFT state ``sol`` (z is Gaussian in the DMFT)."""
    p = sol.params
    sd = np.sqrt(sol.C_z[0])
    # the step limit of sigma_z: P(z > -beta_z / alpha_z) (alpha_z > 0)
    step = float(ndtr(p.beta_z / (p.alpha_z * sd))) if p.alpha_z > 0 else float(expit(p.beta_z))
    # the finite-alpha_z mean by the sinh-mapped rule, which resolves the near-step gate
    finite = gaussian_average(lambda y: expit(p.alpha_z * y + p.beta_z), float(sol.C_z[0]),
                              center=-p.beta_z / p.alpha_z if p.alpha_z > 0 else 0.0,
                              width=pole_width("sigmoid", p.alpha_z)).value[0]
    B = float(registry.get("fp-stability").numpy(sol.C_dphi[0], sol.C_sigma_r[0], sol.C_phi[0], sol.C_dsigma_r[0]))
    return MarginalAverages(step, float(finite), B, float(sol.C_z[0]))


def marginal_stability_margin(sol: DMFTSolution) -> float:
    """The left side of Eq. 8 minus 1 at lambda = 0 with DMFT averages: < 0 inside the marginal phase.

    Registry ``alpha-z-inf-spectral-curve`` at lambda = 0, i.e. ``<sigma_z> B - 1`` with ``<sigma_z>``
    the alpha_z -> infinity limit (1/2 at beta_z = 0) and B from :func:`marginal_averages`.
    """
    f = registry.get("alpha-z-inf-spectral-curve").numpy
    a = marginal_averages(sol)
    return float(f(0.0, 0.0, a.mean_sigma_z, sol.C_dphi[0], sol.C_sigma_r[0], sol.C_phi[0], sol.C_dsigma_r[0],
                   sol.params.tau_r))


def pinching_rate(sol: DMFTSolution) -> float:
    """c in ``lambda_e = exp(-alpha_z c)`` (registry ``alpha-z-large-leading-edge``, App. B, Eq. B6) with
    the DMFT averages of ``sol``; beta_z = 0.

    Returns 0.0 where B >= 2 (outside the marginal region: no pinching). Raises where B <= 1 (the
    leading edge is negative already, the formula does not apply) or beta_z != 0.
    """
    p = sol.params
    if p.beta_z != 0:
        raise ParameterError(f"beta_z = {p.beta_z} is out of range; allowed: beta_z = 0 (App. B)")
    a = marginal_averages(sol)
    if a.B >= 2:
        return 0.0
    if a.B <= 1:
        raise ParameterError(f"B = {a.B:.4g} <= 1: the leading edge is negative, no pinching to describe")
    lam = float(registry.get("alpha-z-large-leading-edge").numpy(1.0, a.Delta_z, a.B))
    return float(-np.log(lam))


@dataclass(frozen=True)
class MarginalEdge(Result):
    """Upper g_h of the marginally stable region, from a scan of the margin in g_h.

    Attributes
    ----------
    g_h : float
        Linear interpolation of the sign change of the margin.
    bracket : tuple of float
        The scanned g_h values enclosing it; their spacing bounds the error.
    g_scan, margin : ndarray
        The scan.
    residual : ndarray
        The DMFT residual at each scan point (its sampling-noise floor is about
        ``1/sqrt(n_paths t_window / tau_c)``).
    converged : ndarray of bool
        Whether each DMFT solve reached its ``tol``.
    tail_fraction : ndarray
        The solver's ``tail_fraction`` at each point: the part of C_phi that the field sampler treated as
        static; large values (> 0.1) mean the slow dynamics at large alpha_z is not resolved by the window.
    params : GateParams
        Parameters held fixed (g_h of the last scan point).
    options : dict
        The options passed to :func:`solve_dmft`.
    """

    g_h: float
    bracket: tuple
    g_scan: np.ndarray
    margin: np.ndarray
    residual: np.ndarray
    converged: np.ndarray
    tail_fraction: np.ndarray
    params: GateParams
    options: dict


def marginal_upper_gh(params: GateParams, g_scan, *, seed=0, progress: bool = False, **dmft_options) -> MarginalEdge:
    """Scan g_h (increasing), solve the DMFT at each, and locate where the margin turns positive.

    ``params`` should have a large alpha_z: the margin uses the alpha_z -> infinity <sigma_z>, and the
    averages hardly move beyond alpha_z sqrt(C_z(0)) >> 1 (at alpha_r = 0 the edge from alpha_z = 15, 30
    and 60 agrees within its +-0.15 noise, docs/marginal.md). At large alpha_z the DMFT state has a slow,
    frozen-in component: check ``tail_fraction`` and the dependence on ``t_window``. Raises if the scan
    does not bracket a sign change.
    """
    g_scan = np.asarray(sorted(g_scan), dtype=float)
    margins, residual, converged, tails = [], [], [], []
    for i, g in enumerate(g_scan):
        sol = solve_dmft(params.replace(g_h=g), seed=[seed, i] if isinstance(seed, int) else seed,
                         progress=progress, **dmft_options)
        margins.append(marginal_stability_margin(sol))
        residual.append(sol.residual)
        converged.append(sol.converged)
        tails.append(sol.tail_fraction)
    margins = np.array(margins)
    up = np.nonzero((margins[:-1] < 0) & (margins[1:] >= 0))[0]
    if up.size == 0:
        raise ParameterError(f"g_scan = {g_scan.tolist()} does not bracket the upper edge (margins "
                             f"{np.round(margins, 3).tolist()}); widen the scan")
    j = int(up[-1])
    g0, g1, m0, m1 = g_scan[j], g_scan[j + 1], margins[j], margins[j + 1]
    return MarginalEdge(g_h=float(g0 - m0 * (g1 - g0) / (m1 - m0)), bracket=(float(g0), float(g1)),
                        g_scan=g_scan, margin=margins, residual=np.array(residual), converged=np.array(converged),
                        tail_fraction=np.array(tails), params=params, options=dict(dmft_options))
