"""Lyapunov spectra by the QR (Benettin / Geist-Parlitz-Lauterborn) method (seed App. D, Eq. 9).

The state and k tangent vectors are advanced together by RK4 (the tangent
stages use the Jacobian at the matching state stages, so the pair is the RK4
discretisation of the joint flow). Every ``t_ons`` time units the tangent
frame is re-orthonormalised by QR; the logs of ``|R_ii|`` accumulate the
exponents. The frame is re-orthonormalised during the transient too, so it is
aligned before averaging starts.

Structure used: each stage reads the couplings once, as ``Jh @ [sr*phi | X]``
and ``[Jz; Jr] @ [phi | Y]`` with the state's column fused into the tangent
product. When ``alpha_z = alpha_r = 0`` the gates are constants, z and r do
not feed back into h, and the Jacobian is block lower-triangular: the
spectrum is the h-block's spectrum plus ``-1/tau_z`` and ``-1/tau_r`` (N times
each), so only the N-dimensional h sector is integrated.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._progress import progress_bar
from ..params import GateParams, ParameterError, check_int, check_positive
from .model import Network, dgate, dphi, gate, phi

__all__ = ["LyapunovSpectrum", "lyapunov_spectrum", "kaplan_yorke_dimension"]


@dataclass(frozen=True)
class LyapunovSpectrum:
    """The first k Lyapunov exponents and their diagnostics.

    Attributes
    ----------
    exponents : ndarray, shape (k,)
        Sorted decreasing, units of 1/tau_h.
    history : ndarray, shape (n_renorm, k)
        Running estimate after each re-orthonormalisation past the transient.
    stderr : ndarray, shape (k,)
        Standard error of each exponent from batch means of the local
        exponents (10 batches), a convergence estimate.
    t : float
        Averaging time (transient excluded).
    n_renorm : int
        Re-orthonormalisations averaged over.
    trace_mean : float
        Time average of ``tr D`` along the trajectory; equals the sum of all
        3N exponents (sum rule).
    status : str
        ``"converged"`` (tol reached), ``"t_total reached"`` or ``"no tol"``.
    x_final : ndarray, shape (3N,)
    params : GateParams
    seed : object
    """

    exponents: np.ndarray
    history: np.ndarray
    stderr: np.ndarray
    t: float
    n_renorm: int
    trace_mean: float
    status: str
    x_final: np.ndarray = field(repr=False)
    params: GateParams = None
    seed: object = None

    @property
    def lambda_max(self) -> float:
        return float(self.exponents[0])

    @property
    def kaplan_yorke(self) -> float:
        return kaplan_yorke_dimension(self.exponents)


def kaplan_yorke_dimension(exponents) -> float:
    """Kaplan-Yorke dimension ``j + sum_{i<=j} lambda_i / |lambda_{j+1}|`` (seed Eq. 9).

    j is the largest index with a non-negative partial sum. Raises if the sum of
    all given exponents is still non-negative (the dimension would exceed k:
    compute more exponents).
    """
    lam = np.sort(np.asarray(exponents, dtype=float))[::-1]
    if lam.size == 0 or not np.all(np.isfinite(lam)):
        raise ParameterError("exponents must be a non-empty array of finite numbers")
    csum = np.cumsum(lam)
    if lam[0] < 0:
        return 0.0
    if csum[-1] >= 0:
        raise ParameterError(f"the {lam.size} exponents sum to {csum[-1]:.3g} >= 0: the Kaplan-Yorke "
                             f"dimension exceeds k = {lam.size}; compute more exponents")
    j = int(np.nonzero(csum >= 0)[0][-1]) + 1
    return j + csum[j - 1] / abs(lam[j])


class _Tangent:
    """Joint right-hand side of (state, tangent frame) and the trace of the Jacobian."""

    def __init__(self, net: Network, reduced: bool):
        self.net, self.reduced = net, reduced
        p = net.params
        self.diag_Jh = np.ascontiguousarray(np.diagonal(net.Jh))
        if reduced:  # constant gates: alpha_z = alpha_r = 0
            self.sz = float(gate(0.0, 0.0, p.beta_z))
            self.sr = float(gate(0.0, 0.0, p.beta_r))
        self.dim = net.n if reduced else net.dim

    def __call__(self, t, y, Q):
        net, p, n = self.net, self.net.params, self.net.n
        Ih, Iz, Ir = net.inputs_at(t)
        if self.reduced:
            ph, dph = phi(y, p.g_h, p.beta_h), dphi(y, p.g_h, p.beta_h)
            M = np.empty((n, Q.shape[1] + 1), dtype=y.dtype)
            M[:, 0] = self.sr * ph
            M[:, 1:] = (self.sr * dph)[:, None] * Q
            P = net.Jh @ M
            fy = P[:, 0] - y
            if Ih is not None:
                fy += Ih
            fy *= self.sz
            dQ = self.sz * (P[:, 1:] - Q)
            tr = self.sz * float(np.sum(self.diag_Jh * self.sr * dph - 1.0))
            return fy, dQ, tr
        h, z, r = net.split(y)
        ph, dph = phi(h, p.g_h, p.beta_h), dphi(h, p.g_h, p.beta_h)
        sr, dsr = gate(r, p.alpha_r, p.beta_r), dgate(r, p.alpha_r, p.beta_r)
        sz, dsz = gate(z, p.alpha_z, p.beta_z), dgate(z, p.alpha_z, p.beta_z)
        Qh, Qz, Qr = Q[:n], Q[n:2 * n], Q[2 * n:]
        k = Q.shape[1]
        M = np.empty((n, k + 1), dtype=y.dtype)
        M[:, 0] = sr * ph
        M[:, 1:] = (sr * dph)[:, None] * Qh + (dsr * ph)[:, None] * Qr
        P = net.Jh @ M
        Mzr = np.empty((n, k + 1), dtype=y.dtype)
        Mzr[:, 0] = ph
        Mzr[:, 1:] = dph[:, None] * Qh
        Pzr = net.Jzr @ Mzr
        bracket = P[:, 0] - h
        if Ih is not None:
            bracket += Ih
        fy = np.empty_like(y)
        fy[:n] = sz * bracket
        fz, fr = Pzr[:n, 0] - z, Pzr[n:, 0] - r
        if Iz is not None:
            fz += Iz
        if Ir is not None:
            fr += Ir
        fy[n:2 * n] = fz / p.tau_z
        fy[2 * n:] = fr / p.tau_r
        dQ = np.empty_like(Q)
        dQ[:n] = sz[:, None] * (P[:, 1:] - Qh) + (dsz * bracket)[:, None] * Qz
        dQ[n:2 * n] = (Pzr[:n, 1:] - Qz) / p.tau_z
        dQ[2 * n:] = (Pzr[n:, 1:] - Qr) / p.tau_r
        tr = float(np.sum(sz * (self.diag_Jh * sr * dph - 1.0))) - n / p.tau_z - n / p.tau_r
        return fy, dQ, tr


def _rk4_joint(F, t, y, Q, dt):
    f1, q1, t1 = F(t, y, Q)
    f2, q2, t2 = F(t + dt / 2, y + dt / 2 * f1, Q + dt / 2 * q1)
    f3, q3, t3 = F(t + dt / 2, y + dt / 2 * f2, Q + dt / 2 * q2)
    f4, q4, t4 = F(t + dt, y + dt * f3, Q + dt * q3)
    y = y + dt / 6 * (f1 + 2 * (f2 + f3) + f4)
    Q = Q + dt / 6 * (q1 + 2 * (q2 + q3) + q4)
    return y, Q, (t1 + 2 * (t2 + t3) + t4) / 6


def lyapunov_spectrum(net: Network, t_total: float, *, k: int | None = None, dt: float = 0.1,
                      t_ons: float = 1.0, t_transient: float = 0.0, x0=None, seed=0,
                      tol: float | None = None, progress: bool = False) -> LyapunovSpectrum:
    """The first k Lyapunov exponents of the network along one trajectory.

    Parameters
    ----------
    net : Network
    t_total : float
        Averaging time after the transient (units of tau_h); with ``tol`` a cap.
    k : int, optional
        Number of exponents, 1 <= k <= 3N; default 3N (the full spectrum).
    dt : float
        RK4 step; t_ons and t_transient must be multiples of it.
    t_ons : float
        Re-orthonormalisation interval.
    t_transient : float
        Time discarded before averaging (the frame is aligned during it).
    x0 : ndarray (3N,), optional
        Initial state; default Normal(0, 1) entries drawn from ``seed``.
    seed : int or Generator
        Seeds the initial state and the initial tangent frame.
    tol : float, optional
        Stop once the standard error of lambda_max falls below tol (after at
        least 20 re-orthonormalisations).
    progress : bool
        Progress bar in simulated time.
    """
    t_total = check_positive("t_total", t_total)
    dt = check_positive("dt", dt)
    t_ons = check_positive("t_ons", t_ons)
    if t_transient < 0:
        raise ParameterError(f"t_transient = {t_transient!r} is out of range; allowed: >= 0")
    k = net.dim if k is None else check_int("k", k, 1)
    if k > net.dim:
        raise ParameterError(f"k = {k} is out of range; allowed: 1 <= k <= 3N = {net.dim}")
    steps_ons = int(round(t_ons / dt))
    if steps_ons < 1 or abs(steps_ons * dt - t_ons) > 1e-9 * t_ons:
        raise ParameterError(f"t_ons = {t_ons!r} is not a whole number of steps dt = {dt!r}; allowed: a multiple of dt")
    n_trans = int(round(t_transient / t_ons))
    n_avg = max(1, int(round(t_total / t_ons)))
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    x = net.initial_state(rng) if x0 is None else np.array(x0, dtype=net.dtype)
    if x.shape != (net.dim,):
        raise ParameterError(f"x0 has shape {x.shape}; allowed: ({net.dim},)")

    p = net.params
    reduced = p.alpha_z == 0.0 and p.alpha_r == 0.0
    F = _Tangent(net, reduced)
    n, dim = net.n, F.dim
    extra = np.array([-1.0 / p.tau_z] * n + [-1.0 / p.tau_r] * n) if reduced else np.empty(0)
    k_int = min(k, dim)
    y = x[:n].copy() if reduced else x.copy()
    Q, _ = np.linalg.qr(rng.standard_normal((dim, k_int)).astype(net.dtype))

    logs = np.zeros((n_avg, k_int))
    tr_sum, t_now, n_done = 0.0, 0.0, 0
    status = "no tol" if tol is None else "t_total reached"
    with progress_bar((n_trans + n_avg) * t_ons, progress, "lyapunov") as bar:
        for block in range(n_trans + n_avg):
            tr_block = 0.0
            for _ in range(steps_ons):
                y, Q, tr = _rk4_joint(F, t_now, y, Q, dt)
                t_now += dt
                tr_block += tr * dt
            if not np.all(np.isfinite(y)):
                raise FloatingPointError(f"the trajectory left the finite range; reduce dt = {dt}")
            Q, R = np.linalg.qr(Q)
            d = np.diagonal(R)
            Q = Q * np.sign(d)[None, :]
            bar.update(t_ons)
            if block < n_trans:
                continue
            logs[n_done] = np.log(np.abs(d))
            tr_sum += tr_block
            n_done += 1
            if tol is not None and n_done >= 20 and n_done % 10 == 0:
                if _batch_stderr(logs[:n_done, :1] / t_ons)[0] < tol:
                    status = "converged"
                    break
    logs = logs[:n_done]
    local = logs / t_ons
    history = np.cumsum(logs, axis=0) / (t_ons * np.arange(1, n_done + 1))[:, None]
    stderr = _batch_stderr(local)
    order = np.argsort(-history[-1], kind="stable")  # QR ordering holds only up to finite-time noise
    history, stderr = history[:, order], stderr[order]
    exps = history[-1]
    if reduced:  # merge the exactly known gate-sector exponents, keep the top k
        allx = np.concatenate([exps, extra])
        alls = np.concatenate([stderr, np.zeros_like(extra)])
        order = np.argsort(-allx, kind="stable")[:k]
        hist_all = np.concatenate([history, np.broadcast_to(extra, (n_done, extra.size))], axis=1)
        exps, stderr, history = allx[order], alls[order], hist_all[:, order]
    t_avg = n_done * t_ons
    trace_mean = tr_sum / t_avg
    if reduced:
        trace_mean += -n / p.tau_z - n / p.tau_r
    x_final = y if not reduced else _complete_state(net, y, t_now)
    return LyapunovSpectrum(exponents=np.asarray(exps), history=np.asarray(history), stderr=np.asarray(stderr),
                            t=t_avg, n_renorm=n_done, trace_mean=float(trace_mean), status=status,
                            x_final=np.asarray(x_final), params=p, seed=seed if not isinstance(seed, np.random.Generator) else "Generator")


def _complete_state(net: Network, h, t):
    """z and r are slaved to h only asymptotically; report them at their instantaneous nullclines."""
    p = net.params
    _, Iz, Ir = net.inputs_at(t)
    b = net.Jzr @ phi(h, p.g_h, p.beta_h)
    z, r = b[: net.n], b[net.n:]
    if Iz is not None:
        z = z + Iz
    if Ir is not None:
        r = r + Ir
    return np.concatenate([h, z, r])


def _batch_stderr(local: np.ndarray, n_batches: int = 10) -> np.ndarray:
    """Standard error of the mean of each column by batch means; inf with fewer than 2 batches."""
    m = local.shape[0]
    nb = min(n_batches, m)
    if nb < 2:
        return np.full(local.shape[1], np.inf)
    size = m // nb
    means = local[: nb * size].reshape(nb, size, -1).mean(axis=1)
    return means.std(axis=0, ddof=1) / np.sqrt(nb)
