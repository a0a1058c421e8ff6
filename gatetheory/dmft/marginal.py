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
``<sigma_z>`` the one-time mean of the update gate.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit

from ..params import GateParams, ParameterError
from .solver import DMFTSolution, solve_dmft

__all__ = ["marginal_stability_margin", "MarginalEdge", "marginal_upper_gh"]


def marginal_stability_margin(sol: DMFTSolution) -> float:
    """The left side of Eq. 8 minus 1 at lambda = 0 with DMFT averages: < 0 inside the marginal phase."""
    from ..symbolic import registry

    f = registry.get("alpha-z-inf-spectral-curve").numpy
    p = sol.params
    # <sigma_z>: z is Gaussian with variance C_z(0); as alpha_z -> inf the gate is a step at -beta_z/alpha_z
    x, w = np.polynomial.hermite_e.hermegauss(80)
    mean_sz = float(np.sum(w * expit(p.alpha_z * np.sqrt(sol.C_z[0]) * x + p.beta_z)) / np.sqrt(2 * np.pi))
    return float(f(0.0, 0.0, mean_sz, sol.C_dphi[0], sol.C_sigma_r[0], sol.C_phi[0], sol.C_dsigma_r[0], p.tau_r))


@dataclass(frozen=True)
class MarginalEdge:
    """Upper g_h of the marginally stable region, from a scan of the margin in g_h.

    Attributes
    ----------
    g_h : float
        Linear interpolation of the sign change of the margin.
    bracket : tuple of float
        The scanned g_h values enclosing it; their spacing bounds the error.
    g_scan, margin : ndarray
        The scan.
    params : GateParams
        Parameters held fixed (g_h of the last scan point).
    """

    g_h: float
    bracket: tuple
    g_scan: np.ndarray
    margin: np.ndarray
    params: GateParams


def marginal_upper_gh(params: GateParams, g_scan, *, seed=0, progress: bool = False, **dmft_options) -> MarginalEdge:
    """Scan g_h (increasing), solve the DMFT at each, and locate where the margin turns positive.

    ``params`` should have a large alpha_z (the limit is approached as alpha_z -> inf; the margin
    changes little beyond alpha_z ~ 30). Raises if the scan does not bracket a sign change.
    """
    g_scan = np.asarray(sorted(g_scan), dtype=float)
    margins = []
    for i, g in enumerate(g_scan):
        sol = solve_dmft(params.replace(g_h=g), seed=[seed, i] if isinstance(seed, int) else seed,
                         progress=progress, **dmft_options)
        margins.append(marginal_stability_margin(sol))
    margins = np.array(margins)
    up = np.nonzero((margins[:-1] < 0) & (margins[1:] >= 0))[0]
    if up.size == 0:
        raise ParameterError(f"g_scan = {g_scan.tolist()} does not bracket the upper edge (margins "
                             f"{np.round(margins, 3).tolist()}); widen the scan")
    j = int(up[-1])
    g0, g1, m0, m1 = g_scan[j], g_scan[j + 1], margins[j], margins[j + 1]
    return MarginalEdge(g_h=float(g0 - m0 * (g1 - g0) / (m1 - m0)), bracket=(float(g0), float(g1)),
                        g_scan=g_scan, margin=margins, params=params)
