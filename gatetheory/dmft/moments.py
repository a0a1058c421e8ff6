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
sampling: the result is noise-free, a second method beside :func:`solve_dmft`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.linalg import solve_banded
from scipy.special import expit

from ..params import GateParams, ParameterError, check_int, check_positive

__all__ = ["MomentSolution", "solve_moment_equations", "gaussian_correlation"]

_U, _W = np.polynomial.hermite_e.hermegauss(48)
_W = _W / np.sqrt(2 * np.pi)


def gaussian_correlation(f, C0: float, C: np.ndarray, g=None) -> np.ndarray:
    """``<f(x1) g(x2)>`` for zero-mean Gaussians of variance C0 and covariance C (array), by 48x48 Gauss-Hermite."""
    g = f if g is None else g
    rho = np.clip(np.asarray(C, dtype=float) / C0, -1.0, 1.0).ravel()
    s = np.sqrt(C0)
    fx = f(s * _U)
    x2 = s * (rho[:, None, None] * _U[None, :, None] + np.sqrt(1 - rho * rho)[:, None, None] * _U[None, None, :])
    inner = g(x2) @ _W                       # average over the independent part, shape (m, 48)
    return (inner * fx[None, :]) @ _W


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


@dataclass(frozen=True)
class MomentSolution:
    """Correlation functions from the moment equations (see module docstring); shapes (m,)."""

    tau: np.ndarray
    C_h: np.ndarray
    C_z: np.ndarray
    C_r: np.ndarray
    C_phi: np.ndarray
    C_sigma_r: np.ndarray
    C_inv_sigma_z: np.ndarray
    iterations: int
    residual: float
    converged: bool
    params: GateParams

    @property
    def variance_h(self) -> float:
        return float(self.C_h[0])


def solve_moment_equations(params: GateParams, *, d_tau: float = 0.1, tau_max: float = 50.0, damping: float = 0.5,
                           tol: float = 1e-7, maxiter: int = 2000, C_h0: float = 1.0) -> MomentSolution:
    """Iterate the moment equations C22-C24 to a self-consistent, time-dependent (chaotic) solution.

    Starts from ``C_h = C_h0 exp(-tau)`` so as to land on the nonzero branch; returns the trivial
    solution (all zero) where none other exists. Biases beta_h are not supported (zero-mean h assumed).
    """
    if params.beta_h != 0:
        raise ParameterError(f"beta_h = {params.beta_h} is out of range; allowed: beta_h = 0 (zero-mean h assumed)")
    d_tau, tau_max = check_positive("d_tau", d_tau), check_positive("tau_max", tau_max)
    maxiter = check_int("maxiter", maxiter, 1)
    p = params
    tau = d_tau * np.arange(int(round(tau_max / d_tau)) + 1)

    def phi(x):
        return np.tanh(p.g_h * x)

    def sr(x):
        return expit(p.alpha_r * x + p.beta_r)

    C_h = C_h0 * np.exp(-tau)
    residual, it = np.inf, 0
    for it in range(1, maxiter + 1):
        C0 = max(C_h[0], 1e-14)
        C_phi = gaussian_correlation(phi, C0, C_h)
        C_z = _filter(C_phi, p.tau_z ** 2, d_tau)
        C_r = _filter(C_phi, p.tau_r ** 2, d_tau)
        C_sr = gaussian_correlation(sr, max(C_r[0], 1e-14), C_r)
        a, b = p.alpha_z, p.beta_z
        C_inv = 1 + 2 * np.exp(-b + a * a * C_z[0] / 2) + np.exp(-2 * b + a * a * (C_z[0] + C_z))
        new = _filter(C_phi * C_sr, C_inv, d_tau)
        residual = float(np.abs(new - C_h).max() / max(new[0], 1e-14))
        C_h = (1 - damping) * C_h + damping * new
        if residual < tol or C_h[0] < 1e-12:
            break
    return MomentSolution(tau=tau, C_h=C_h, C_z=C_z, C_r=C_r, C_phi=C_phi, C_sigma_r=C_sr, C_inv_sigma_z=C_inv,
                          iterations=it, residual=residual, converged=residual < tol or C_h[0] < 1e-12, params=p)
