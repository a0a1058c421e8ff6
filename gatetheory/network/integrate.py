"""Time integration of the network: fixed-step explicit Runge-Kutta (fast) and SciPy's adaptive solvers.

Fixed-step methods: ``"rk4"`` (classical, 4 right-hand sides per step) and
``"rk8"`` (the 12-stage, 8th-order Dormand-Prince tableau of DOP853, Hairer,
Norsett & Wanner, *Solving ODEs I*, taken from SciPy's installed coefficients).
At equal global error rk8 takes larger steps and fewer right-hand sides per
time unit than rk4 or an adaptive RK45 (measured in benchmarks/bench_simulator.py).
All methods record only every ``record_every`` time units so that long runs at
large N do not keep every step in memory.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._progress import progress_bar
from ..params import MAX_STEPS, ParameterError, check_finite, check_positive
from ..results import Result
from .model import Network

__all__ = ["Trajectory", "simulate", "rk4_step"]


@dataclass(frozen=True)
class Trajectory(Result):
    """A recorded trajectory.

    Attributes
    ----------
    t : ndarray, shape (T,)
        Recording times (units of tau_h).
    x : ndarray, shape (T, 3N) or (T, B, 3N)
        States at those times, layout ``[h, z, r]``.
    n_rhs : int
        Right-hand side evaluations used (per trajectory of the batch).
    method : str
        ``"rk4"``, ``"rk8"`` or the SciPy method name.
    dt : float or None
        The fixed step (RK4), None for adaptive runs.

    ``t`` and ``x`` stay out of ``to_dict()`` (save them with ``numpy.savez``).
    """

    t: np.ndarray = field(metadata={"serialize": False})
    x: np.ndarray = field(metadata={"serialize": False})
    n_rhs: int
    method: str
    dt: float | None

    @property
    def final(self) -> np.ndarray:
        return self.x[-1]


def _rk8_tableau():
    from scipy.integrate._ivp import dop853_coefficients as dc

    s = dc.N_STAGES
    return np.array(dc.A[:s, :s], dtype=float), np.array(dc.B, dtype=float), np.array(dc.C[:s], dtype=float)


class _ExplicitRK:
    """A fixed-step explicit Runge-Kutta stepper; stage derivatives live in one preallocated array."""

    def __init__(self, A, b, c):
        self.A, self.b, self.c = A, b, c

    def step(self, f, t, x, dt, K):
        K[0] = f(t, x)
        for i in range(1, len(self.b)):
            K[i] = f(t + self.c[i] * dt, x + dt * np.tensordot(self.A[i, :i], K[:i], axes=1))
        return x + dt * np.tensordot(self.b, K, axes=1)


_FIXED = {"rk8": _rk8_tableau}


def rk4_step(net: Network, t: float, x: np.ndarray, dt: float) -> np.ndarray:
    """One classical Runge-Kutta step of size dt for a state (3N,) or batch (B, 3N)."""
    f = net.rhs
    k1 = f(t, x)
    k2 = f(t + 0.5 * dt, x + (0.5 * dt) * k1)
    k3 = f(t + 0.5 * dt, x + (0.5 * dt) * k2)
    k4 = f(t + dt, x + dt * k3)
    return x + (dt / 6.0) * (k1 + 2.0 * (k2 + k3) + k4)


def _n_steps(span: float, dt: float, name: str) -> int:
    if span / dt > MAX_STEPS:
        raise ParameterError(f"{name} = {span!r} is {span / dt:.3g} steps of dt = {dt!r}; allowed: at most "
                             f"{MAX_STEPS:.0e} steps per call (split the run, or raise dt)")
    n = int(round(span / dt))
    if n < 1 or abs(n * dt - span) > 1e-9 * max(1.0, span):
        raise ParameterError(f"{name} = {span!r} is not a whole number of steps dt = {dt!r}; "
                             f"allowed: a positive multiple of dt")
    return n


def simulate(net: Network, x0: np.ndarray, t: float, *, dt: float = 0.05, record_every: float | None = None,
             method: str = "rk4", rtol: float = 1e-8, atol: float = 1e-10, t0: float = 0.0,
             progress: bool = False) -> Trajectory:
    """Integrate the network from ``x0`` over ``[t0, t0 + t]``.

    Parameters
    ----------
    net : Network
    x0 : ndarray, shape (3N,) or (B, 3N)
        Initial state(s); a batch integrates as matrix-matrix products.
    t : float
        Duration (units of tau_h), > 0.
    dt : float
        RK4 step (ignored by adaptive methods), > 0.
    record_every : float, optional
        Recording interval, a multiple of dt for RK4; default: max(dt, t / 200).
    method : {"rk4", "rk8", "RK45", "DOP853", "LSODA", ...}
        ``"rk4"`` and ``"rk8"`` are the fixed-step fast paths (batches allowed);
        any other name is passed to :func:`scipy.integrate.solve_ivp` (single
        trajectory only).
    rtol, atol : float
        Tolerances of the adaptive solver.
    progress : bool
        Show a progress bar in simulated time.
    """
    t = check_positive("t", t)
    dt = check_positive("dt", dt)
    t0 = check_finite("t0", t0)
    rtol, atol = check_positive("rtol", rtol), check_positive("atol", atol)
    x = np.array(net.state("x0", x0, batch=True), dtype=net.dtype, copy=True)
    if record_every is None:
        record_every = max(dt, t / 200.0)
        if method in ("rk4", "rk8"):
            record_every = dt * max(1, int(record_every / dt))
    record_every = check_positive("record_every", record_every)

    if method not in ("rk4", "rk8"):
        return _simulate_adaptive(net, x, t, t0, record_every, method, rtol, atol)
    if method == "rk8":
        stepper = _ExplicitRK(*(a.astype(net.dtype) for a in _FIXED["rk8"]()))
        K = np.empty((len(stepper.b),) + x.shape, dtype=net.dtype)
        per_step = len(stepper.b)

        def advance(tt, xx):
            return stepper.step(net.rhs, tt, xx, dt, K)
    else:
        per_step = 4

        def advance(tt, xx):
            return rk4_step(net, tt, xx, dt)

    n_steps = _n_steps(t, dt, "t")
    stride = _n_steps(record_every, dt, "record_every")
    n_rec = n_steps // stride + 1
    xs = np.empty((n_rec,) + x.shape, dtype=net.dtype)
    ts = t0 + dt * stride * np.arange(n_rec)
    xs[0] = x
    with progress_bar(t, progress, "simulate") as bar:
        for step in range(1, n_steps + 1):
            x = advance(t0 + (step - 1) * dt, x)
            if step % stride == 0:
                xs[step // stride] = x
                bar.update(stride * dt)
    if not np.all(np.isfinite(x)):
        raise FloatingPointError(f"the trajectory left the finite range; reduce dt = {dt}")
    return Trajectory(t=ts, x=xs, n_rhs=per_step * n_steps, method=method, dt=dt)


def _simulate_adaptive(net, x, t, t0, record_every, method, rtol, atol):
    from scipy.integrate import solve_ivp

    if method not in ("RK45", "RK23", "DOP853", "Radau", "BDF", "LSODA"):
        raise ParameterError(f"method = {method!r} is unknown; allowed: rk4, rk8, RK45, RK23, DOP853, Radau, BDF, LSODA")
    if x.ndim != 1:
        raise ParameterError(f"method = {method!r} integrates one trajectory; x0 must have shape ({net.dim},)")
    if t / record_every > MAX_STEPS:
        raise ParameterError(f"t = {t!r} is {t / record_every:.3g} records of record_every = {record_every!r}; "
                             f"allowed: at most {MAX_STEPS:.0e} per call")
    n_rec = int(np.floor(t / record_every + 1e-9)) + 1
    t_eval = t0 + record_every * np.arange(n_rec)
    sol = solve_ivp(net.rhs, (t0, t0 + t), x.astype(np.float64), method=method, t_eval=t_eval,
                    rtol=rtol, atol=atol)
    if not sol.success:
        raise RuntimeError(f"solve_ivp({method}) failed: {sol.message}; loosen rtol/atol or shorten t")
    return Trajectory(t=sol.t, x=sol.y.T.astype(net.dtype), n_rhs=int(sol.nfev), method=method, dt=None)
