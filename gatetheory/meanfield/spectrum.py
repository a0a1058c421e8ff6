"""The spectral curve at a fixed point (seed Eq. 5 / A36) evaluated on grids of complex lambda.

Registry entries ``spectral-curve`` and ``spectral-curve-integrands``: the curve is the zero set of
``<sigma_z^2/|lambda + sigma_z|^2> <phi'^2> (<sigma_r^2> + <phi^2><sigma_r'^2>/|1 + lambda tau_r|^2) - 1``,
positive inside the support of the Jacobian's spectrum. Gaussian averages by Gauss-Hermite
quadrature (float64); near the real segment (-1, 0) with alpha_z > 0 the first average is sharply
peaked and this grid quadrature is only indicative there (the tests use adaptive quadrature).
"""
from __future__ import annotations

import numpy as np

from ..params import GateParams

__all__ = ["spectral_curve_value"]

_X, _W = np.polynomial.hermite_e.hermegauss(200)
_W = _W / np.sqrt(2 * np.pi)


def spectral_curve_value(params: GateParams, Delta, lam) -> np.ndarray:
    """The spectral-curve function at complex ``lam`` (any shape), for fixed-point variances
    ``Delta = (Delta_h, Delta_z, Delta_r)``: zero on the curve, > 0 inside the support."""
    from ..symbolic import registry

    p = params
    integ = registry.get("spectral-curve-integrands").numpy
    curve = registry.get("spectral-curve").numpy
    lam = np.asarray(lam, dtype=complex)
    lr, li = lam.real.ravel()[:, None], lam.imag.ravel()[:, None]
    with np.errstate(over="ignore", divide="ignore"):  # saturated gates: exp overflows to inf, 1/inf = 0
        vals = integ(_X[None, :], lr, li, float(Delta[0]), float(Delta[1]), float(Delta[2]), p.g_h, p.beta_h,
                     p.alpha_z, p.beta_z, p.alpha_r, p.beta_r)
        avgs = [np.broadcast_to(v, (lr.shape[0], _X.size)) @ _W for v in vals]
        return np.asarray(curve(lr[:, 0], li[:, 0], *avgs, p.tau_r)).reshape(lam.shape)
