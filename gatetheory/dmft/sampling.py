"""DMFT of the gated network by iterative sampling (App. C, Eqs. C19-C25): no Gaussian assumption for h.

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
C_sigma_r from the paths, mix with damping, repeat.

Why the iteration starts from the moment route and runs in replicas (docs/dmft.md, "Sampling
without bias"): near the transition the self-consistency map is nearly marginal (its slowest mode
contracts by 0.955 per undamped step at g_h = 3, alpha = 0), so from a generic start the correlation
time creeps up for ~100 iterations while each step changes C by less than the sampling noise: a
residual-based stop at 30 iterations left C_h decaying 30 % too fast and lambda_max 3-16 % off.
Started from the Gaussian-closure solution (exact at alpha_z = 0, the closest closed form otherwise)
the chain starts at, or near, its fixed point. Independent replicas from that start give the error
bar: their spread contains the sampling noise amplified by the same marginal mode.
"""
from __future__ import annotations

import warnings
from dataclasses import replace

import numpy as np
from scipy.special import expit, stdtrit

from .._progress import progress_bar
from .._warnings import warn
from ..numerics.gates import np_phi_family, np_sigma_family
from ..params import GateParams, ParameterError, check_finite, check_int, check_positive
from .gaussian_process import autocorrelation, sample_stationary
from .solution import DMFTSolution, implausibility

__all__ = ["solve_by_sampling", "replica_error", "replica_mean", "jackknife"]

CORRELATIONS = ("C_h", "C_z", "C_r", "C_phi", "C_sigma_r", "C_sigma_z", "C_dphi", "C_dsigma_r")

INITS = ("moments", "exp")


def replica_error(values) -> np.ndarray:
    """Half-width of the 68.3 % Student-t interval of the mean of replica ``values`` (axis 0).

    With R replicas: ``t_{R-1}(0.8415) * std(ddof=1) / sqrt(R)``, so that the interval keeps its stated
    coverage although the spread itself is estimated from a few replicas (R = 4: factor 1.20).
    """
    v = np.asarray(values, dtype=float)
    R = v.shape[0]
    if R < 2:
        return np.full(v.shape[1:], np.inf)
    return float(stdtrit(R - 1, 0.5 + 0.6827 / 2)) * v.std(axis=0, ddof=1) / np.sqrt(R)


def replica_mean(replicas) -> DMFTSolution:
    """The solution whose correlations are the mean over ``replicas`` (the other fields from the first)."""
    return replace(replicas[0], **{k: np.mean([getattr(r, k) for r in replicas], axis=0) for k in CORRELATIONS})


def jackknife(estimate, replicas) -> tuple[float, float]:
    """Bias-corrected value and error of a smooth function ``estimate(solution)`` of the replica mean.

    A nonlinear function of noisy correlations is biased at order 1/(samples): the lowest eigenvalue of the
    Lyapunov operator, say, is pushed down by noise in its potential (second-order perturbation theory), so
    lambda_max comes out high. The leave-one-out jackknife removes that order,
    ``R f(all) - (R - 1) mean_i f(all but i)``, and its spread gives the error, scaled as
    :func:`replica_error` to a 68.3 % Student-t half-width.
    """
    R = len(replicas)
    full = float(estimate(replica_mean(replicas)))
    if R < 2:
        return full, float("inf")
    loo = np.array([float(estimate(replica_mean(replicas[:i] + replicas[i + 1:]))) for i in range(R)])
    value = R * full - (R - 1) * loo.mean()
    spread = np.sqrt((R - 1) / R * np.sum((loo - loo.mean()) ** 2))
    return float(value), float(stdtrit(R - 1, 0.5 + 0.6827 / 2)) * float(spread)


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


def _initial_fields(params, init, init_tau, dt, mf, s2):
    """Starting ``(C_phi, C_sigma_r)`` on the field lags: the Gaussian-closure (moment-route) solution, or
    ``exp(-tau / init_tau)`` and a constant gate where asked or where the moment route finds no chaos."""
    if init == "moments":
        from .moments import solve_moment_equations

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            mom = solve_moment_equations(params, dt=dt, tau_max=dt * (mf - 1), input_std_h=s2[0] ** 0.5,
                                         input_std_z=s2[1] ** 0.5, input_std_r=s2[2] ** 0.5, maxiter=4000)
        if mom.chaotic:
            return mom.C_phi.copy(), mom.C_sigma_r.copy()
    C_phi = np.exp(-dt * np.arange(mf) / init_tau)
    return C_phi, np.full(mf, float(_gates(params)[2](0.0)) ** 2)


def _chain(params, rng, *, dt, m, mf, n_burn, n_win, n_paths, damping, tol, maxiter, n_average, min_iter, s2,
           C_phi, C_sr, bar):
    """One replica: damped iterations to ``residual < tol``, then ``n_average`` undamped ones averaged."""
    phi, dphi, sr, dsr, sz = _gates(params)
    L = n_burn + n_win
    history, history_tau, sums, n_sum, converged, residual, clipped = [], [], None, 0, False, np.inf, 0.0
    x_start = (np.zeros(n_paths), np.zeros(n_paths), np.zeros(n_paths))

    def ac(x):
        return autocorrelation(x, max_lag=m - 1)

    def correlations(H, Z, R, est):
        return dict(C_phi=est["C_phi"][:m], C_sigma_r=est["C_sigma_r"][:m], C_h=ac(H), C_z=ac(Z), C_r=ac(R),
                    C_sigma_z=ac(sz(Z)), C_dphi=ac(dphi(H)), C_dsigma_r=ac(dsr(R)))

    it = 0
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
    return DMFTSolution(tau=dt * np.arange(m), h_samples=H[:, -1].copy(), iterations=it, residual=residual,
                        converged=converged, n_paths=n_paths, params=params, history=history,
                        history_tau=history_tau, tail_fraction=tail, clipped=clipped, method="sampling", **avg)


def solve_by_sampling(params: GateParams, *, dt: float = 0.1, tau_max: float = 50.0, t_window: float = 200.0,
                      t_burn: float = 50.0, n_paths: int = 500, n_replicas: int = 8, damping: float = 0.5,
                      tol: float = 0.02, maxiter: int = 40, n_average: int = 5, input_std_h: float = 0.0,
                      input_std_z: float = 0.0, input_std_r: float = 0.0, tau_fields: float | None = None,
                      min_iter: int = 0, init: str = "moments", init_tau: float = 1.0, seed=0,
                      progress: bool = False) -> DMFTSolution:
    """Solve the DMFT steady state by iterative sampling (App. C; Roy et al. 2019), with a replica error bar.

    Parameters
    ----------
    params : GateParams
    dt : float
        Time step of the field paths and of the Heun integration (units of tau_h).
    tau_max : float
        Largest lag returned; at most ``t_window / 2``.
    t_window, t_burn : float
        Length of the window over which correlations are estimated, and of the discarded burn-in
        before it. The window must be long against the correlation time (``tail_fraction`` reports
        it): at large alpha_z nearly shut update gates make it long (integrated correlation time of
        C_phi about 80 at g_h = 5, alpha_z = 5; docs/dmft_correlations.md).
    n_paths : int
        Sample paths per replica and iteration.
    n_replicas : int
        Independent replicas (own seeds, same start), averaged; their spread is the error bar
        (``C_h_error``, and that of every function of the solution). At least 2 for an error bar; 8 by
        default, since the error of the error with few replicas makes a tight spread likely by chance (with
        4, two runs in ten had a spread a third of the true one; docs/dmft.md).
    damping : float in (0, 1]
        Weight of the new estimate in each update.
    tol : float
        Convergence when ``max|C_new - C_old| / C_phi(0)`` falls below it; the sampling noise floor is
        about ``1/sqrt(n_paths * t_window / tau_c)``. From ``init="exp"`` this stop comes too early
        near the transition (see the module docstring); set ``min_iter`` and check ``history_tau``.
    maxiter, min_iter : int
        Damped iterations per replica at most, and before convergence may be declared.
    n_average : int
        After convergence, estimates of this many further undamped iterations are averaged.
    input_std_h, input_std_z, input_std_r : float
        Standard deviations of static Gaussian inputs.
    tau_fields : float, optional
        Lag range over which C_phi and C_sigma_r are estimated to draw the next fields; beyond it they
        are continued by their last value (a static component). Default ``t_window / 2`` (>= tau_max).
    init : {"moments", "exp"}
        Start from the Gaussian-closure solution of :func:`gatetheory.dmft.moments.solve_moment_equations`
        (default; falls back to "exp" where it finds no chaotic solution), or from
        ``C_phi = exp(-tau / init_tau)`` (a short and a long ``init_tau`` bracket the fixed point).
    seed : int, sequence of int, or Generator
        Seeds the replicas' independent streams (``numpy.random.SeedSequence.spawn``).

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
    n_paths, n_replicas = check_int("n_paths", n_paths, 10), check_int("n_replicas", n_replicas, 1)
    if not 0 < damping <= 1:
        raise ParameterError(f"damping = {damping} is out of range; allowed: 0 < damping <= 1")
    maxiter, n_average = check_int("maxiter", maxiter, 1), check_int("n_average", n_average, 1)
    min_iter, init_tau = check_int("min_iter", min_iter, 0), check_positive("init_tau", init_tau)
    tol = check_positive("tol", tol)
    if init not in INITS:
        raise ParameterError(f"init = {init!r} is out of range; allowed: {', '.join(map(repr, INITS))}")
    s2 = [check_finite(n, v) ** 2 for n, v in (("input_std_h", input_std_h), ("input_std_z", input_std_z),
                                                ("input_std_r", input_std_r))]
    options = dict(dt=dt, tau_max=tau_max, t_window=t_window, t_burn=t_burn, n_paths=n_paths, n_replicas=n_replicas,
                   damping=damping, tol=tol, maxiter=maxiter, n_average=n_average, input_std_h=input_std_h,
                   input_std_z=input_std_z, input_std_r=input_std_r, tau_fields=tau_fields, min_iter=min_iter,
                   init=init, init_tau=init_tau)
    if isinstance(seed, np.random.Generator):
        seed = int(seed.integers(2 ** 63))
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(n_replicas)]
    m = int(round(tau_max / dt)) + 1
    n_burn, n_win = int(round(t_burn / dt)), int(round(t_window / dt))
    mf = min(max(m, int(round(tau_fields / dt)) + 1), n_win)  # lags of the field correlations
    C_phi, C_sr = _initial_fields(params, init, init_tau, dt, mf, s2)

    reps = []
    with progress_bar(n_replicas * (maxiter + n_average), progress, "dmft", unit="it") as bar:
        for rng in streams:
            reps.append(_chain(params, rng, dt=dt, m=m, mf=mf, n_burn=n_burn, n_win=n_win, n_paths=n_paths,
                               damping=damping, tol=tol, maxiter=maxiter, n_average=n_average, min_iter=min_iter,
                               s2=s2, C_phi=C_phi.copy(), C_sr=C_sr.copy(), bar=bar))
    mean = {k: np.mean([getattr(r, k) for r in reps], axis=0) for k in CORRELATIONS}
    converged = all(r.converged for r in reps)
    residual = max(r.residual for r in reps)
    tail = max(r.tail_fraction for r in reps)
    if tail > 0.1:
        warn(f"C_phi keeps {tail:.2f} of its connected value at lag tau_fields = {dt * (mf - 1):g}, "
             f"which the fields treat as static: the window is short against the correlation time; "
             f"raise t_window (now {t_window:g})", RuntimeWarning)
    bad = sum(not r.converged for r in reps)
    why = implausibility(mean, s2[0])
    status = ("failed", why) if why else (("ok", "") if converged else (
        "not-converged", f"{bad} of {n_replicas} replicas kept residual >= tol = {tol:g} after maxiter = "
                         f"{maxiter} iterations (largest {residual:.3g}); raise maxiter or n_paths"))
    return DMFTSolution(tau=reps[0].tau, **mean, method="sampling", params=params,
                        iterations=sum(r.iterations for r in reps), residual=residual,
                        converged=converged and not why,
                        C_h_error=replica_error([r.C_h for r in reps]), n_replicas=n_replicas, replicas=tuple(reps),
                        n_paths=n_paths, h_samples=np.concatenate([r.h_samples for r in reps]),
                        history=reps[0].history, history_tau=reps[0].history_tau, tail_fraction=tail,
                        clipped=max(r.clipped for r in reps), options=options, status=status[0], message=status[1])
