"""Dynamical mean-field theory of the gated network by iterative sampling (App. C, Eqs. C19-C25).

Single-site picture (N -> infinity), time in units of tau_h::

    dh/dt       = sigma_z(z) [-h + eta_h]
    tau_z dz/dt = -z + eta_z
    tau_r dr/dt = -r + eta_r

with independent zero-mean Gaussian fields, stationary in the steady state,
``<eta_h eta_h>(tau) = C_phi(tau) C_sigma_r(tau) + s_h^2`` and
``<eta_z eta_z> = C_phi + s_z^2``, ``<eta_r eta_r> = C_phi + s_r^2`` (static
Gaussian inputs of variances s^2 add constants). The closure is solved by the
sampling method of Roy, Biroli, Bunin & Cammarota, J. Phys. A 52, 484001
(2019): draw field paths from the current correlations, integrate the
single-site equations for many paths at once, re-estimate C_phi and
C_sigma_r from the paths, mix with damping, repeat. No Gaussian assumption
is made for h, which is non-Gaussian when alpha_z > 0.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
from scipy.special import expit

from .._progress import progress_bar
from ..numerics.gates import np_phi_family, np_sigma_family
from ..params import GateParams, ParameterError, check_finite, check_int, check_positive
from ..results import Result
from .gaussian_process import autocorrelation, sample_stationary

__all__ = ["DMFTSolution", "solve_dmft"]


@dataclass(frozen=True)
class DMFTSolution(Result):
    """Steady-state correlation functions of the DMFT, on ``tau = 0, dt, ..., tau_max``.

    Attributes
    ----------
    tau : ndarray, shape (m,)
    C_h, C_z, C_r : ndarray, shape (m,)
        Correlations ``<x(t) x(t + tau)>`` of the single-site variables.
    C_phi, C_sigma_r, C_sigma_z : ndarray, shape (m,)
        Correlations of ``phi(h)``, ``sigma_r(r)``, ``sigma_z(z)``.
    C_dphi, C_dsigma_r : ndarray, shape (m,)
        Correlations of the derivatives ``phi'(h)`` and ``sigma_r'(r)`` (for the Lyapunov exponent).
    h_samples : ndarray, shape (n_paths,)
        One-time samples of h at the end of the last window (its distribution is non-Gaussian for alpha_z > 0).
    iterations : int
    residual : float
        ``max |C_new - C_old| / C_phi(0)`` of the last undamped update (sampling noise sets its floor).
    converged : bool
        Whether the residual fell below ``tol``.
    n_paths : int
    params : GateParams
    history : list of float
        Residual per iteration.
    tail_fraction : float
        Connected ``C_phi`` at the end of the lag range used to draw the fields (``tau_fields``), as a
        fraction of its value at 0. Beyond that range the sampler continues the field correlations by
        their last value, i.e. treats this fraction as a static field: it should be small (< 0.1),
        otherwise raise ``t_window`` (the correlation time is not resolved; see docs/dmft_correlations.md).
    clipped : float
        Largest fraction of spectral weight the circulant-embedding sampler clipped in any iteration.
    history_tau : list of float
        Integrated correlation time ``sum_tau C_phi(tau) dt / C_phi(0)`` (connected, over the field lags)
        of each iteration's estimate: a slow drift shows an iteration still creeping towards the fixed point.
    """

    tau: np.ndarray
    C_h: np.ndarray
    C_z: np.ndarray
    C_r: np.ndarray
    C_phi: np.ndarray
    C_sigma_r: np.ndarray
    C_sigma_z: np.ndarray
    C_dphi: np.ndarray
    C_dsigma_r: np.ndarray
    h_samples: np.ndarray = field(repr=False, metadata={"serialize": False})
    iterations: int = 0
    residual: float = np.inf
    converged: bool = False
    n_paths: int = 0
    params: GateParams = None
    history: list = field(default_factory=list, repr=False)
    tail_fraction: float = float("nan")
    clipped: float = 0.0
    history_tau: list = field(default_factory=list, repr=False)

    derived = ("variance_h", "relaxation_time")

    @property
    def variance_h(self) -> float:
        """``C_h(0)``: the variance of h (its mean is zero without biases)."""
        return float(self.C_h[0])

    @property
    def relaxation_time(self) -> float:
        """Time at which the connected ``C_h`` first falls to 1/e of its value at 0."""
        c = self.C_h - self.C_h[-1]
        below = np.nonzero(c < c[0] / np.e)[0]
        return float(self.tau[below[0]]) if below.size else float("inf")


def _gates(params: GateParams):
    """phi, phi', sigma_r, sigma_r', sigma_z; the derivatives from :mod:`gatetheory.numerics.gates`
    (cancellation-free in the tails), the plain functions inline for the integration loop."""
    p = params

    def phi(h):
        return np.tanh(p.g_h * h + p.beta_h)

    def dphi(h):
        return np_phi_family(h, p.g_h, p.beta_h)[1]

    def sr(r):
        return expit(p.alpha_r * r + p.beta_r)

    def dsr(r):
        return np_sigma_family(r, p.alpha_r, p.beta_r)[1]

    def sz(z):
        return expit(p.alpha_z * z + p.beta_z)

    return phi, dphi, sr, dsr, sz


def _integrate(params, eta_h, eta_z, eta_r, dt, x0):
    """Heun steps of the single-site equations driven by the given field paths (n_paths, L)."""
    p = params
    sz = _gates(p)[4]
    n, L = eta_h.shape
    h, z, r = (np.array(v, dtype=float) for v in x0)
    H, Z, R = (np.empty((n, L)) for _ in range(3))
    H[:, 0], Z[:, 0], R[:, 0] = h, z, r
    for j in range(L - 1):
        fh = sz(z) * (eta_h[:, j] - h)
        fz = (eta_z[:, j] - z) / p.tau_z
        fr = (eta_r[:, j] - r) / p.tau_r
        hp, zp, rp = h + dt * fh, z + dt * fz, r + dt * fr
        h = h + 0.5 * dt * (fh + sz(zp) * (eta_h[:, j + 1] - hp))
        z = z + 0.5 * dt * (fz + (eta_z[:, j + 1] - zp) / p.tau_z)
        r = r + 0.5 * dt * (fr + (eta_r[:, j + 1] - rp) / p.tau_r)
        H[:, j + 1], Z[:, j + 1], R[:, j + 1] = h, z, r
    return H, Z, R


def solve_dmft(params: GateParams, *, dt: float = 0.1, tau_max: float = 50.0, t_window: float = 200.0,
               t_burn: float = 50.0, n_paths: int = 500, damping: float = 0.5, tol: float = 0.02,
               maxiter: int = 40, n_average: int = 5, input_std_h: float = 0.0, input_std_z: float = 0.0,
               input_std_r: float = 0.0, tau_fields: float | None = None, min_iter: int = 0,
               init_tau: float = 1.0, seed=0,
               progress: bool = False) -> DMFTSolution:
    """Solve the DMFT steady state by iterative sampling (App. C; Roy et al. 2019).

    Parameters
    ----------
    params : GateParams
    dt : float
        Time step of the field paths and of the Heun integration (units of tau_h).
    tau_max : float
        Largest lag returned; at most ``t_window / 2``.
    t_window, t_burn : float
        Length of the window over which correlations are estimated, and of the
        discarded burn-in before it. Paths start from zero in the first iteration and
        from their previous end state afterwards. The window must be long against the
        correlation time: at large alpha_z nearly shut update gates make it long
        (integrated correlation time of C_phi about 80 at g_h = 5, alpha_z = 5), and a
        short window biases C_h (``tail_fraction`` reports it). There, dt = 0.2 or 300
        paths also shorten the tail measurably; dt = 0.1 and 600 paths match simulations
        (docs/dmft_correlations.md).
    n_paths : int
        Sample paths per iteration.
    damping : float in (0, 1]
        Weight of the new estimate in each update.
    tol : float
        Convergence when ``max|C_new - C_old| / C_phi(0)`` falls below it; the
        sampling noise floor is about ``1/sqrt(n_paths * t_window / tau_c)``.
        When the correlation time is long the iteration creeps: each step changes C by
        less than ``tol`` while the correlation time is still far from its fixed point
        (at g_h = 5, alpha_z = 5, damping 0.5, it grows from ~38 at iteration 22 to 60-77
        at iterations 60-80); set ``min_iter`` and check ``history_tau``, or bracket the
        fixed point with runs from a short and a long ``init_tau`` (different seeds).
    maxiter : int
    min_iter : int
        Iterations before convergence may be declared (default 0).
    init_tau : float
        Correlation time of the initial guess ``C_phi = exp(-tau / init_tau)``; starting
        the same problem from a short and a long one brackets the fixed point.
    n_average : int
        After convergence, estimates of this many further iterations are
        averaged to reduce the sampling noise of the returned functions.
    input_std_h, input_std_z, input_std_r : float
        Standard deviations of static Gaussian inputs.
    tau_fields : float, optional
        Lag range over which C_phi and C_sigma_r are estimated to draw the next fields;
        beyond it they are continued by their last value (a static component). Default
        ``t_window / 2`` (at least ``tau_max``): the whole well-estimated range, not only
        the returned ``tau_max``, so that a slow tail is not frozen into a static field.
    seed : int or Generator

    Warns
    -----
    RuntimeWarning
        When ``tail_fraction > 0.1``: the window is short against the correlation time.
    """
    dt = check_positive("dt", dt)
    tau_max, t_window = check_positive("tau_max", tau_max), check_positive("t_window", t_window)
    t_burn = check_finite("t_burn", t_burn)
    if tau_max > t_window / 2:
        raise ParameterError(f"tau_max = {tau_max} is out of range; allowed: tau_max <= t_window / 2 = {t_window / 2}")
    tau_fields = max(tau_max, t_window / 2) if tau_fields is None else check_positive("tau_fields", tau_fields)
    if not tau_max <= tau_fields <= t_window:
        raise ParameterError(f"tau_fields = {tau_fields} is out of range; allowed: tau_max <= tau_fields <= t_window")
    n_paths = check_int("n_paths", n_paths, 10)
    if not 0 < damping <= 1:
        raise ParameterError(f"damping = {damping} is out of range; allowed: 0 < damping <= 1")
    maxiter, n_average = check_int("maxiter", maxiter, 1), check_int("n_average", n_average, 1)
    min_iter, init_tau = check_int("min_iter", min_iter, 0), check_positive("init_tau", init_tau)
    s2 = [check_finite(n, v) ** 2 for n, v in (("input_std_h", input_std_h), ("input_std_z", input_std_z),
                                                ("input_std_r", input_std_r))]
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    phi, dphi, sr, dsr, sz = _gates(params)
    m = int(round(tau_max / dt)) + 1
    mf = max(m, int(round(tau_fields / dt)) + 1)  # lags of the field correlations
    n_burn, n_win = int(round(t_burn / dt)), int(round(t_window / dt))
    mf = min(mf, n_win)
    L = n_burn + n_win
    tau = dt * np.arange(m)

    # initial guess: a field of unit variance and correlation time init_tau
    C_phi = np.exp(-dt * np.arange(mf) / init_tau)
    C_sr = np.full(mf, float(sr(0.0)) ** 2)
    history, history_tau, sums, n_sum, converged, residual, clipped = [], [], None, 0, False, np.inf, 0.0
    x_start = (np.zeros(n_paths), np.zeros(n_paths), np.zeros(n_paths))

    def ac(x):
        return autocorrelation(x, max_lag=m - 1)

    def correlations(H, Z, R, est):
        return dict(C_phi=est["C_phi"][:m], C_sigma_r=est["C_sigma_r"][:m], C_h=ac(H), C_z=ac(Z), C_r=ac(R),
                    C_sigma_z=ac(sz(Z)), C_dphi=ac(dphi(H)), C_dsigma_r=ac(dsr(R)))

    it = 0
    with progress_bar(maxiter + n_average, progress, "dmft", unit="it") as bar:
        while it < maxiter + n_average:
            it += 1
            eta_h, c1 = sample_stationary(C_phi * C_sr + s2[0], L, n_paths, rng)
            eta_z, c2 = sample_stationary(C_phi + s2[1], L, n_paths, rng)
            eta_r, c3 = sample_stationary(C_phi + s2[2], L, n_paths, rng)
            clipped = max(clipped, c1, c2, c3)
            # each path starts where it ended in the previous iteration, close to the stationary state,
            # so the burn-in only has to forget the new fields' start (slow h at large alpha_z)
            H, Z, R = _integrate(params, eta_h, eta_z, eta_r, dt, x_start)
            x_start = (H[:, -1].copy(), Z[:, -1].copy(), R[:, -1].copy())
            H, Z, R = H[:, n_burn:], Z[:, n_burn:], R[:, n_burn:]
            P = phi(H)
            est = {"C_phi": autocorrelation(P, max_lag=mf - 1), "C_sigma_r": autocorrelation(sr(R), max_lag=mf - 1)}
            mu2 = float(P.mean()) ** 2
            tail = float((est["C_phi"][-1] - mu2) / max(est["C_phi"][0] - mu2, 1e-300))
            residual = float(max(np.abs(est["C_phi"][:m] - C_phi[:m]).max(),
                                 np.abs(est["C_sigma_r"][:m] - C_sr[:m]).max()) / max(est["C_phi"][0], 1e-300))
            history.append(residual)
            c_conn = est["C_phi"] - mu2
            history_tau.append(float(dt * (c_conn.sum() - 0.5 * c_conn[0]) / max(c_conn[0], 1e-300)))
            bar.update(1)
            if not converged:
                C_phi = (1 - damping) * C_phi + damping * est["C_phi"]
                C_sr = (1 - damping) * C_sr + damping * est["C_sigma_r"]
                if residual < tol and it >= min_iter:
                    converged = True
                elif it >= maxiter:
                    break
                continue
            # averaging phase: undamped self-consistent iterations, estimates accumulated
            full = correlations(H, Z, R, est)
            full["tail"] = tail
            sums = full if sums is None else {k: sums[k] + full[k] for k in sums}
            n_sum += 1
            C_phi, C_sr = est["C_phi"], est["C_sigma_r"]
            if n_sum == n_average:
                break
    if sums is None:  # not converged: report the last state honestly
        sums, n_sum = dict(correlations(H, Z, R, {"C_phi": C_phi, "C_sigma_r": C_sr}), tail=tail), 1
    avg = {k: v / n_sum for k, v in sums.items()}
    tail = float(avg.pop("tail"))
    if tail > 0.1:
        warnings.warn(f"C_phi keeps {tail:.2f} of its connected value at lag tau_fields = {dt * (mf - 1):g}, "
                      f"which the fields treat as static: the window is short against the correlation time; "
                      f"raise t_window (now {t_window:g})", RuntimeWarning, stacklevel=2)
    return DMFTSolution(tau=tau, h_samples=H[:, -1].copy(), iterations=it, residual=residual, converged=converged,
                        n_paths=n_paths, params=params, history=history, history_tau=history_tau,
                        tail_fraction=tail, clipped=clipped, **avg, status="ok" if converged else "not-converged",
                        message="" if converged else (f"residual {residual:.3g} >= tol = {tol:g} after maxiter = "
                                                      f"{maxiter} iterations; raise maxiter or n_paths"))
