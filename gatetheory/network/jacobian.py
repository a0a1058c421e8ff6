"""The instantaneous Jacobian of the network (seed Sec. III, Eqs. 3-4), dense and as a structured operator.

With ``B = -h + Jh (sigma_r phi) + Ih`` (the z-gated bracket)::

    d h'/dh = diag(sz) (-1 + Jh diag(sr phi'))     d h'/dz = diag(sz' B)     d h'/dr = diag(sz) Jh diag(sr' phi)
    d z'/dh = Jz diag(phi') / tau_z                d z'/dz = -1 / tau_z      d z'/dr = 0
    d r'/dh = Jr diag(phi') / tau_r                d r'/dz = 0               d r'/dr = -1 / tau_r

``d h'/dz`` vanishes at fixed points (B = 0). The structured form never builds
the 3N x 3N matrix: acting on k tangent vectors costs two products of the
couplings with (N, k) blocks.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..params import check_finite
from .model import Network, dgate, dphi, gate, phi

__all__ = ["LocalLinearisation", "linearise", "jacobian", "jacobian_trace", "apply_jacobian"]


@dataclass(frozen=True)
class LocalLinearisation:
    """Diagonals of the Jacobian at one state x (each shape (N,)).

    ``a_hh = sz * sr * phi'`` scales the columns of Jh acting on dh,
    ``a_hr = sz * sr' * phi`` on dr (rows then scaled by sz: stored combined
    as column factors ``c_h = sr * phi'``, ``c_r = sr' * phi`` and row factor ``sz``),
    ``d_hz = sz' * B`` is the diagonal h-z block, ``dphi`` the factor in the z and r rows.
    """

    sz: np.ndarray
    c_h: np.ndarray
    c_r: np.ndarray
    d_hz: np.ndarray
    dphi: np.ndarray
    tau_z: float
    tau_r: float


def linearise(net: Network, x: np.ndarray, t: float = 0.0) -> LocalLinearisation:
    """The diagonal factors of the Jacobian at state ``x`` (shape (3N,))."""
    x, t = net.state("x", x), check_finite("t", t)
    p = net.params
    h, z, r = net.split(x)
    ph = phi(h, p.g_h, p.beta_h)
    sr = gate(r, p.alpha_r, p.beta_r)
    bracket = net.Jh @ (sr * ph) - h
    Ih = net.inputs_at(t)[0]
    if Ih is not None:
        bracket = bracket + Ih
    return LocalLinearisation(
        sz=gate(z, p.alpha_z, p.beta_z),
        c_h=sr * dphi(h, p.g_h, p.beta_h),
        c_r=dgate(r, p.alpha_r, p.beta_r) * ph,
        d_hz=dgate(z, p.alpha_z, p.beta_z) * bracket,
        dphi=dphi(h, p.g_h, p.beta_h),
        tau_z=p.tau_z,
        tau_r=p.tau_r,
    )


def jacobian(net: Network, x: np.ndarray, t: float = 0.0) -> np.ndarray:
    """The dense 3N x 3N Jacobian ``d(dx/dt)/dx`` at state x (shape (3N,)), in float64."""
    n = net.n
    L = linearise(net, np.asarray(x, dtype=np.float64), t)
    Jh, Jz, Jr = (np.asarray(M, dtype=np.float64) for M in (net.Jh, net.Jz, net.Jr))
    D = np.zeros((3 * n, 3 * n))
    D[:n, :n] = L.sz[:, None] * (Jh * L.c_h[None, :])
    D[:n, :n][np.diag_indices(n)] -= L.sz
    D[:n, n:2 * n][np.diag_indices(n)] = L.d_hz
    D[:n, 2 * n:] = L.sz[:, None] * (Jh * L.c_r[None, :])
    D[n:2 * n, :n] = (Jz * L.dphi[None, :]) / L.tau_z
    D[n:2 * n, n:2 * n][np.diag_indices(n)] = -1.0 / L.tau_z
    D[2 * n:, :n] = (Jr * L.dphi[None, :]) / L.tau_r
    D[2 * n:, 2 * n:][np.diag_indices(n)] = -1.0 / L.tau_r
    return D


def jacobian_trace(net: Network, x: np.ndarray, t: float = 0.0) -> float:
    """``tr D(x)`` without forming D: sum of sz (Jh_ii sr phi' - 1) - N/tau_z - N/tau_r."""
    L = linearise(net, x, t)
    diag_Jh = np.diagonal(net.Jh)
    return float(np.sum(L.sz * (diag_Jh * L.c_h - 1.0)) - net.n / L.tau_z - net.n / L.tau_r)


def apply_jacobian(net: Network, L: LocalLinearisation, Q: np.ndarray) -> np.ndarray:
    """``D @ Q`` for Q of shape (3N, k) using the block structure (two coupling products)."""
    n = net.n
    Qh, Qz, Qr = Q[:n], Q[n:2 * n], Q[2 * n:]
    out = np.empty_like(Q)
    u = net.Jh @ (L.c_h[:, None] * Qh + L.c_r[:, None] * Qr)
    out[:n] = L.sz[:, None] * (u - Qh) + L.d_hz[:, None] * Qz
    v = net.Jzr @ (L.dphi[:, None] * Qh)
    out[n:2 * n] = (v[:n] - Qz) / L.tau_z
    out[2 * n:] = (v[n:] - Qr) / L.tau_r
    return out
