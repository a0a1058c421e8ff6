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
from ..params import (MAX_STEPS, GateParams, ParameterError, check_int, check_multiple, check_positive,
                      check_seed)
from ..results import Result
from .model import Network, dgate, dphi, gate, phi

__all__ = ["LyapunovSpectrum", "lyapunov_spectrum", "kaplan_yorke_dimension", "ks_entropy", "autocorrelation_stderr"]

_MIN_TAUS = 20  # averaging times shorter than this many tau_int get a warning in the message


@dataclass(frozen=True)
class LyapunovSpectrum(Result):
    """The first k Lyapunov exponents and their diagnostics.

    Attributes
    ----------
    exponents : ndarray, shape (k,)
        Sorted decreasing, units of 1/tau_h.
    history : ndarray, shape (n_renorm, k)
        Running estimate after each re-orthonormalisation past the transient.
    stderr : ndarray, shape (k,)
        Standard error of each exponent over initial states and frames: ``sqrt(var * tau_int / n_renorm)``
        from the variance and the integrated autocorrelation time of its local rates
        ``log|R_ii| / t_ons`` (:func:`autocorrelation_stderr`). Checked against the spread over initial
        states on one network (tests/test_lyapunov_errors.py). It is a random error only: the bias of a
        finite run (transient, frame alignment, ~1/t) is not in it, nor the finite-N offset. It assumes
        one ergodic attractor: at small N with strong gating (N = 100, g_h = 4, alpha_z = 5) trajectories
        fall from transient chaos to lambda ~ 0 after 50-150 tau_h at random, and the spread over initial
        states is ~1.6x the stderr; no single trajectory can see that (compare initial states).
    tau_int : ndarray, shape (k,)
        Integrated autocorrelation time of each exponent's local rates, units of tau_h (0 for the
        exactly known gate-sector exponents of the constant-gate shortcut). The message warns when the
        averaging time is shorter than 20 tau_int (the stderr is then itself uncertain by ~50 %).
    t : float
        Averaging time (transient excluded).
    n_renorm : int
        Re-orthonormalisations averaged over.
    trace_mean : float
        Time average of ``tr D`` along the trajectory; equals the sum of all
        3N exponents (sum rule).
    x_final : ndarray, shape (3N,)
        Not in ``to_dict()`` (like ``history``, a large diagnostic).
    params : GateParams
    seed : object
    status, message : str
        ``"ok"`` without ``tol`` or once the standard error of lambda_max fell below it
        (the message says so), ``"not-converged"`` when ``t_total`` ran out first.

    ``to_dict()`` adds ``lambda_max`` and ``kaplan_yorke`` (None, with the reason in the
    message, when the k exponents do not determine it).
    """

    derived = ("lambda_max", "kaplan_yorke")

    exponents: np.ndarray
    history: np.ndarray = field(metadata={"serialize": False})
    stderr: np.ndarray
    t: float
    n_renorm: int
    trace_mean: float
    x_final: np.ndarray = field(repr=False, metadata={"serialize": False})
    params: GateParams = None
    seed: object = None
    tau_int: np.ndarray = None

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


def ks_entropy(exponents, stderr=None):
    """Kolmogorov-Sinai entropy rate by Pesin's formula: the sum of the positive exponents.

    Units of 1/tau_h (nats per unit time); 0.0 when no exponent is positive. With ``stderr``
    (shape of ``exponents``, e.g. :attr:`LyapunovSpectrum.stderr`) returns ``(h_KS, error)``,
    the error being the positive exponents' standard errors added in quadrature (treated as
    independent; exponents within their error of zero are counted as they fall).
    """
    lam = np.asarray(exponents, dtype=float).ravel()
    if lam.size == 0 or not np.all(np.isfinite(lam)):
        raise ParameterError("exponents must be a non-empty array of finite numbers")
    pos = lam > 0
    h = float(lam[pos].sum())
    if stderr is None:
        return h
    se = np.asarray(stderr, dtype=float).ravel()
    if se.shape != lam.shape or np.any(se[pos] < 0) or not np.all(np.isfinite(se[pos])):
        raise ParameterError(f"stderr must be finite, >= 0 and of the exponents' shape {lam.shape}; "
                             f"got shape {se.shape}")
    return h, float(np.sqrt(np.sum(se[pos] ** 2)))


class _Tangent:
    """Joint right-hand side of (state, tangent frame) and the trace of the Jacobian.

    ``F(t, y, Q, dQ)`` writes the tangent derivative into ``dQ`` and returns
    ``(dy/dt, tr D)``. Work buffers are allocated once: at k ~ N the
    element-wise passes over (N, k) arrays cost as much as the products.
    """

    def __init__(self, net: Network, reduced: bool, k: int):
        self.net, self.reduced = net, reduced
        p, n = net.params, net.n
        self.diag_Jh = np.ascontiguousarray(np.diagonal(net.Jh))
        if reduced:  # constant gates: alpha_z = alpha_r = 0
            self.sz = float(gate(0.0, 0.0, p.beta_z))
            self.sr = float(gate(0.0, 0.0, p.beta_r))
        self.dim = n if reduced else net.dim
        self.M = np.empty((n, k + 1), dtype=net.dtype)
        self.P = np.empty((n, k + 1), dtype=net.dtype)
        if not reduced:
            self.Mzr = np.empty((n, k + 1), dtype=net.dtype)
            self.Pzr = np.empty((2 * n, k + 1), dtype=net.dtype)
            self.tmp = np.empty((n, k), dtype=net.dtype)

    def __call__(self, t, y, Q, dQ):
        net, p, n = self.net, self.net.params, self.net.n
        Ih, Iz, Ir = net.inputs_at(t)
        M, P = self.M, self.P
        if self.reduced:
            ph, dph = phi(y, p.g_h, p.beta_h), dphi(y, p.g_h, p.beta_h)
            M[:, 0] = self.sr * ph
            np.multiply((self.sr * dph)[:, None], Q, out=M[:, 1:])
            np.matmul(net.Jh, M, out=P)
            fy = P[:, 0] - y
            if Ih is not None:
                fy += Ih
            fy *= self.sz
            np.subtract(P[:, 1:], Q, out=dQ)
            dQ *= self.sz
            tr = self.sz * float(np.sum(self.diag_Jh * self.sr * dph - 1.0))
            return fy, tr
        h, z, r = net.split(y)
        ph, dph = phi(h, p.g_h, p.beta_h), dphi(h, p.g_h, p.beta_h)
        sr, dsr = gate(r, p.alpha_r, p.beta_r), dgate(r, p.alpha_r, p.beta_r)
        sz, dsz = gate(z, p.alpha_z, p.beta_z), dgate(z, p.alpha_z, p.beta_z)
        Qh, Qz, Qr = Q[:n], Q[n:2 * n], Q[2 * n:]
        M[:, 0] = sr * ph
        np.multiply((sr * dph)[:, None], Qh, out=M[:, 1:])
        np.multiply((dsr * ph)[:, None], Qr, out=self.tmp)
        M[:, 1:] += self.tmp
        np.matmul(net.Jh, M, out=P)
        self.Mzr[:, 0] = ph
        np.multiply(dph[:, None], Qh, out=self.Mzr[:, 1:])
        np.matmul(net.Jzr, self.Mzr, out=self.Pzr)
        bracket = P[:, 0] - h
        if Ih is not None:
            bracket += Ih
        fy = np.empty_like(y)
        fy[:n] = sz * bracket
        fz, fr = self.Pzr[:n, 0] - z, self.Pzr[n:, 0] - r
        if Iz is not None:
            fz += Iz
        if Ir is not None:
            fr += Ir
        fy[n:2 * n] = fz / p.tau_z
        fy[2 * n:] = fr / p.tau_r
        dh = dQ[:n]
        np.subtract(P[:, 1:], Qh, out=dh)
        dh *= sz[:, None]
        np.multiply((dsz * bracket)[:, None], Qz, out=self.tmp)
        dh += self.tmp
        np.subtract(self.Pzr[:n, 1:], Qz, out=dQ[n:2 * n])
        dQ[n:2 * n] /= p.tau_z
        np.subtract(self.Pzr[n:, 1:], Qr, out=dQ[2 * n:])
        dQ[2 * n:] /= p.tau_r
        tr = float(np.sum(sz * (self.diag_Jh * sr * dph - 1.0))) - n / p.tau_z - n / p.tau_r
        return fy, tr


class _JointRK4:
    """RK4 on (y, Q) with the tangent stages at the matching state stages; buffers reused."""

    def __init__(self, F: _Tangent, shape, dtype):
        self.F = F
        self.Qs, self.acc, self.dq = (np.empty(shape, dtype=dtype) for _ in range(3))

    def step(self, t, y, Q, dt):
        F, Qs, acc, dq = self.F, self.Qs, self.acc, self.dq
        f1, t1 = F(t, y, Q, dq)
        acc[...] = dq
        np.multiply(dq, dt / 2, out=Qs)
        Qs += Q
        f2, t2 = F(t + dt / 2, y + dt / 2 * f1, Qs, dq)
        np.multiply(dq, dt / 2, out=Qs)
        Qs += Q
        dq *= 2
        acc += dq
        f3, t3 = F(t + dt / 2, y + dt / 2 * f2, Qs, dq)
        np.multiply(dq, dt, out=Qs)
        Qs += Q
        dq *= 2
        acc += dq
        f4, t4 = F(t + dt, y + dt * f3, Qs, dq)
        acc += dq
        acc *= dt / 6
        Q += acc
        y = y + dt / 6 * (f1 + 2 * (f2 + f3) + f4)
        return y, (t1 + 2 * (t2 + t3) + t4) / 6


def lyapunov_spectrum(net: Network, t_total: float, *, k: int | None = None, dt: float = 0.1,
                      t_ons: float = 1.0, t_transient: float = 0.0, x0=None, seed=0,
                      tol: float | None = None, progress: bool = False) -> LyapunovSpectrum:
    """The first k Lyapunov exponents of the network along one trajectory.

    Parameters
    ----------
    net : Network
    t_total : float
        Averaging time after the transient (units of tau_h), a whole multiple of t_ons; with ``tol`` a cap.
    k : int, optional
        Number of exponents, 1 <= k <= 3N; default 3N (the full spectrum).
    dt : float
        RK4 step; t_ons must be a whole multiple of it.
    t_ons : float
        Re-orthonormalisation interval.
    t_transient : float
        Time discarded before averaging (the frame is aligned during it), a whole multiple of
        t_ons (>= 0). Times that are not whole multiples raise ParameterError, never rounded.
    x0 : ndarray (3N,), optional
        Initial state; default Normal(0, 1) entries drawn from ``seed``.
    seed : int or Generator
        Seeds the initial state and the initial tangent frame (an int draws from the stream
        ``[seed, 2]``, independent of a network built with the same seed).
    tol : float, optional
        Stop once the standard error of lambda_max falls below tol (after at
        least 20 re-orthonormalisations).
    progress : bool
        Progress bar in simulated time.
    """
    t_total = check_positive("t_total", t_total)
    dt = check_positive("dt", dt)
    t_ons = check_positive("t_ons", t_ons)
    k = net.dim if k is None else check_int("k", k, 1)
    if k > net.dim:
        raise ParameterError(f"k = {k} is out of range; allowed: 1 <= k <= 3N = {net.dim}")
    steps_ons = check_multiple("t_ons", t_ons, dt, "dt")  # times are refused, never rounded
    n_trans = check_multiple("t_transient", t_transient, t_ons, "t_ons", minimum=0)
    n_avg = check_multiple("t_total", t_total, t_ons, "t_ons")
    if (n_trans + n_avg) * steps_ons > MAX_STEPS:
        raise ParameterError(f"t_total + t_transient = {t_total + t_transient!r} is "
                             f"{(n_trans + n_avg) * steps_ons:.3g} steps of dt = {dt!r}; allowed: at most "
                             f"{MAX_STEPS:.0e} steps per call")
    # stream [seed, 2]: independent of the couplings even when the network used the same seed
    check_seed("seed", seed, allow_none=False)
    if isinstance(seed, np.random.Generator):
        rng = seed
    elif isinstance(seed, np.random.SeedSequence):
        rng = np.random.default_rng(seed)
    else:
        rng = np.random.default_rng([*(seed if isinstance(seed, (list, tuple)) else [seed]), 2])
    x = net.initial_state(rng) if x0 is None else np.array(net.state("x0", x0), dtype=net.dtype)

    p = net.params
    reduced = p.alpha_z == 0.0 and p.alpha_r == 0.0
    n = net.n
    dim = n if reduced else net.dim
    extra = np.array([-1.0 / p.tau_z] * n + [-1.0 / p.tau_r] * n) if reduced else np.empty(0)
    k_int = min(k, dim)
    stepper = _JointRK4(_Tangent(net, reduced, k_int), (dim, k_int), net.dtype)
    y = x[:n].copy() if reduced else x.copy()
    Q = np.ascontiguousarray(np.linalg.qr(rng.standard_normal((dim, k_int)))[0], dtype=net.dtype)

    logs = np.zeros((n_avg, k_int))
    tr_sum, t_now, n_done = 0.0, 0.0, 0
    converged = tol is None
    with progress_bar((n_trans + n_avg) * t_ons, progress, "lyapunov") as bar:
        for block in range(n_trans + n_avg):
            tr_block = 0.0
            for _ in range(steps_ons):
                y, tr = stepper.step(t_now, y, Q, dt)
                t_now += dt
                tr_block += tr * dt
            if not np.all(np.isfinite(y)):
                raise FloatingPointError(f"the trajectory left the finite range; reduce dt = {dt}")
            Qn, R = np.linalg.qr(Q)
            d = np.diagonal(R)
            np.multiply(Qn, np.sign(d)[None, :], out=Q)
            bar.update(t_ons)
            if block < n_trans:
                continue
            logs[n_done] = np.log(np.abs(d))
            tr_sum += tr_block
            n_done += 1
            if tol is not None and n_done >= 20 and n_done % 10 == 0:
                if autocorrelation_stderr(logs[:n_done, :1] / t_ons)[0][0] < tol:
                    converged = True
                    break
    logs = logs[:n_done]
    local = logs / t_ons
    history = np.cumsum(logs, axis=0) / (t_ons * np.arange(1, n_done + 1))[:, None]
    stderr, tau = autocorrelation_stderr(local)
    tau = tau * t_ons
    order = np.argsort(-history[-1], kind="stable")  # QR ordering holds only up to finite-time noise
    history, stderr, tau = history[:, order], stderr[order], tau[order]
    exps = history[-1]
    if reduced:  # merge the exactly known gate-sector exponents, keep the top k
        allx = np.concatenate([exps, extra])
        alls = np.concatenate([stderr, np.zeros_like(extra)])
        allt = np.concatenate([tau, np.zeros_like(extra)])
        order = np.argsort(-allx, kind="stable")[:k]
        hist_all = np.concatenate([history, np.broadcast_to(extra, (n_done, extra.size))], axis=1)
        exps, stderr, tau, history = allx[order], alls[order], allt[order], hist_all[:, order]
    t_avg = n_done * t_ons
    trace_mean = tr_sum / t_avg
    if reduced:
        trace_mean += -n / p.tau_z - n / p.tau_r
    x_final = y if not reduced else _complete_state(net, y, t_now)
    if tol is None:
        status, message = "ok", ""
    elif converged:
        status, message = "ok", f"converged: stderr of lambda_max < tol = {tol:g} after t = {t_avg:g}"
    else:
        status, message = "not-converged", (f"stderr of lambda_max = {stderr[0]:.3g} > tol = {tol:g} at "
                                            f"t_total = {t_avg:g}; raise t_total")
    if not np.isfinite(stderr[0]):
        message = "; ".join(filter(None, [message, "stderr: null, needs at least 2 re-orthonormalisations "
                                                   "(t_total >= 2 t_ons)"]))
        tau = np.where(np.isfinite(tau), tau, 0.0)
    elif t_avg < _MIN_TAUS * tau[0]:
        message = "; ".join(filter(None, [message, f"stderr rough: t = {t_avg:g} is only {t_avg / tau[0]:.1f} "
                                                   f"autocorrelation times of lambda_max (tau_int = {tau[0]:.3g}); "
                                                   f"raise t_total to >= {_MIN_TAUS} tau_int"]))
    return LyapunovSpectrum(exponents=np.asarray(exps), history=np.asarray(history), stderr=np.asarray(stderr),
                            t=t_avg, n_renorm=n_done, trace_mean=float(trace_mean), status=status, message=message,
                            x_final=np.asarray(x_final), params=p, tau_int=np.asarray(tau), seed=seed if not isinstance(seed, np.random.Generator) else "Generator")


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


def autocorrelation_stderr(local: np.ndarray, c: float = 5.0) -> tuple[np.ndarray, np.ndarray]:
    """Standard error of the time mean of each column, from its integrated autocorrelation time.

    ``local`` has shape (n, k): n successive samples (the local rates of k exponents). For each
    column, ``tau_int = 1 + 2 sum_{m=1}^{M} rho(m)`` (units of the sample spacing) with Sokal's
    automatic window, the smallest M with ``M >= c tau_int(M)`` (c = 5: the neglected tail is
    ~exp(-5) of tau_int for an exponential decay, while the window's noise stays small), and
    ``stderr = sqrt(var tau_int / n)``. tau_int is corrected for the mean subtraction, which lowers
    each autocovariance by var(mean) and so the window's sum by a fraction (2M + 1) / n: without that,
    runs of 20 tau_int come out ~15 % low (AR(1) oracle, tests/test_lyapunov_errors.py), as ten fixed
    batch means do; with it they are 5-10 % high, and exact for long runs. tau_int is floored at 1: negative correlations (a frame
    rotating through a complex pair) are not resolved reliably in short runs, so no column is
    credited with less error than independent samples would have. Why not fixed batch means: the
    local rates of a chaotic network stay correlated over ~5 tau_h, and near the edge of chaos or with
    slow gates over much longer, so any fixed block length is too short somewhere and the error comes
    out too small. Returns ``(stderr, tau_int)``, each shape (k,); inf and nan with fewer than 2 samples.
    """
    n, k = local.shape
    if n < 2:
        return np.full(k, np.inf), np.full(k, np.nan)
    x = local - local.mean(axis=0)
    f = np.fft.rfft(x, 2 * n, axis=0)  # zero-padded: the linear (not circular) autocovariance
    acov = np.fft.irfft(f * np.conj(f), 2 * n, axis=0)[:n] / n
    var = acov[0]
    rho = acov[1:] / np.where(var > 0, var, 1.0)
    tau_m = 1.0 + 2.0 * np.cumsum(rho, axis=0)  # tau_m[M - 1] sums lags 1..M
    inside = np.arange(1, n)[:, None] >= c * tau_m
    window = np.where(inside.any(axis=0), inside.argmax(axis=0), n - 2)
    tau = np.maximum(tau_m[window, np.arange(k)], 1.0)
    # subtracting the sample mean lowers every autocovariance by var(mean): the window's sum then falls
    # short by (2M + 1) / n of itself (M = window + 1); undone here, at most 2x (a run shorter than
    # ~20 tau_int, which lyapunov_spectrum's message flags)
    tau /= np.maximum(1.0 - (2.0 * (window + 1) + 1.0) / n, 0.5)
    flat = var <= (1e-13 * np.abs(local).max(axis=0)) ** 2  # constant up to rounding: rho is noise
    tau[flat] = 1.0
    return np.sqrt(var * tau / n), tau
