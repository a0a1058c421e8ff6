"""A realisation of the N-unit gated network and its right-hand side.

State layout: ``x = concatenate([h, z, r])``, shape ``(3N,)``, or ``(B, 3N)``
for a batch of B independent trajectories of the same network.

Seed Eqs. 1-2 (docs/conventions.md section 1), time in units of tau_h = 1::

    dh/dt       = sigma_z(z) * [-h + Jh (sigma_r(r) * phi(h)) + Ih]
    tau_z dz/dt = -z + Jz phi(h) + Iz
    tau_r dr/dt = -r + Jr phi(h) + Ir

This module is the independent oracle for the theory: it shares nothing with
it but :class:`~gatetheory.params.GateParams`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Union

import numpy as np
from scipy.special import expit

from ..params import GateParams, ParameterError, check_int, check_seed

__all__ = ["Network", "phi", "dphi", "gate", "dgate", "Input"]

Input = Union[None, np.ndarray, Callable[[float], np.ndarray]]


def phi(x, g_h, beta_h):
    """Activation ``tanh(g_h x + beta_h)``."""
    return np.tanh(g_h * x + beta_h)


def dphi(x, g_h, beta_h):
    """Derivative ``g_h (1 - tanh^2(g_h x + beta_h))``."""
    t = np.tanh(g_h * x + beta_h)
    return g_h * (1.0 - t * t)


def gate(x, alpha, beta):
    """Gate ``1 / (1 + exp(-(alpha x + beta)))``; expit never overflows (alpha up to 1e3 and beyond)."""
    return expit(alpha * x + beta)


def dgate(x, alpha, beta):
    """Derivative ``alpha s(u) s(-u)``, u = alpha x + beta: no cancellation in ``1 - s`` for large u."""
    u = alpha * x + beta
    return alpha * expit(u) * expit(-u)


def _fast_gate(x, alpha, beta):
    """The gate on the simulator's hot path: ``(1 + tanh(u/2)) / 2`` equals ``expit(u)`` to an absolute
    1e-16 and costs a third of it; tanh saturates, so nothing overflows. (Relative accuracy of tiny gate
    values, which sets rates below 1e-16, is irrelevant to trajectories; the Jacobian uses :func:`gate`.)"""
    u = np.multiply(x, 0.5 * alpha)
    if beta != 0:
        u += 0.5 * beta
    np.tanh(u, out=u)
    u += 1.0
    u *= 0.5
    return u


def _check_input(name: str, value, n: int, dtype):
    if value is None or callable(value):
        return value
    arr = np.asarray(value, dtype=dtype)
    if arr.ndim == 0:
        arr = np.full(n, arr, dtype=dtype)
    if arr.shape != (n,):
        raise ParameterError(f"{name} has shape {arr.shape}; allowed: None, a scalar, shape ({n},), or a function of t")
    if not np.all(np.isfinite(arr)):
        raise ParameterError(f"{name} contains non-finite values; allowed: finite numbers")
    return arr


@dataclass(frozen=True, eq=False)
class Network:
    """One realisation of the gated network: couplings drawn from ``seed``.

    Parameters
    ----------
    params : GateParams
    n : int
        Number of units N >= 1.
    seed : int or numpy.random.Generator
        Seed of the couplings. ``Jh, Jz, Jr`` are drawn in that order, entries
        i.i.d. Normal(0, 1/N).
    Ih, Iz, Ir : None, scalar, array of shape (N,), or callable ``t -> (N,)``
        External inputs; ``Ih`` sits inside the z-gated bracket.
    dtype : numpy dtype
        float64 (default) or float32 for the couplings and the state.

    Attributes
    ----------
    J : ndarray, shape (3N, N)
        The stacked couplings ``[Jh; Jz; Jr]``, C-contiguous, so that one
        right-hand side reads them once, as two products: ``Jh`` on
        ``sigma_r * phi`` and the contiguous ``[Jz; Jr]`` on ``phi``.
    """

    params: GateParams
    n: int
    seed: object = 0
    Ih: Input = None
    Iz: Input = None
    Ir: Input = None
    dtype: object = np.float64
    J: np.ndarray = field(init=False, repr=False)

    def __post_init__(self):
        if not isinstance(self.params, GateParams):
            raise ParameterError(f"params = {self.params!r} is not a GateParams")
        n = check_int("n", self.n, 1)
        dtype = np.dtype(self.dtype)
        if dtype not in (np.float32, np.float64):
            raise ParameterError(f"dtype = {dtype} is not supported; allowed: float32, float64")
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "dtype", dtype)
        check_seed("seed", self.seed)
        rng = self.seed if isinstance(self.seed, np.random.Generator) else np.random.default_rng(self.seed)
        J = rng.standard_normal((3 * n, n)) / np.sqrt(n)
        object.__setattr__(self, "J", np.ascontiguousarray(J, dtype=dtype))
        for name in ("Ih", "Iz", "Ir"):
            object.__setattr__(self, name, _check_input(name, getattr(self, name), n, dtype))

    # Views on the stacked couplings (no copies).
    @property
    def Jh(self):
        return self.J[: self.n]

    @property
    def Jz(self):
        return self.J[self.n: 2 * self.n]

    @property
    def Jr(self):
        return self.J[2 * self.n:]

    @property
    def Jzr(self):
        return self.J[self.n:]

    @property
    def dim(self) -> int:
        return 3 * self.n

    def inputs_at(self, t: float):
        """The inputs ``(Ih, Iz, Ir)`` at time t, each None or shape (N,)."""
        out = []
        for I in (self.Ih, self.Iz, self.Ir):
            out.append(np.asarray(I(t), dtype=self.dtype) if callable(I) else I)
        return tuple(out)

    @property
    def time_dependent(self) -> bool:
        return any(callable(I) for I in (self.Ih, self.Iz, self.Ir))

    def state(self, name: str, x, *, batch: bool = False) -> np.ndarray:
        """``x`` as a float64 array of shape (3N,) (or (B, 3N) with ``batch``), finite; else ParameterError."""
        try:
            a = np.asarray(x, dtype=np.float64)
        except (TypeError, ValueError):
            raise ParameterError(f"{name} = {x!r} is not an array of numbers; allowed: shape ({self.dim},)") from None
        shapes = f"({self.dim},)" + (f" or (B, {self.dim})" if batch else "")
        if a.shape[-1:] != (self.dim,) or a.ndim not in ((1, 2) if batch else (1,)) or a.size == 0:
            raise ParameterError(f"{name} has shape {a.shape}; allowed: {shapes}")
        if not np.all(np.isfinite(a)):
            raise ParameterError(f"{name} contains non-finite values; allowed: finite numbers")
        return a

    def split(self, x):
        """Views ``(h, z, r)`` on a state of shape (3N,) or (B, 3N)."""
        n = self.n
        return x[..., :n], x[..., n:2 * n], x[..., 2 * n:]

    def initial_state(self, seed=None, scale: float = 1.0, batch: int | None = None):
        """Random initial state(s), entries Normal(0, scale^2); shape (3N,) or (batch, 3N).

        An integer seed draws from the stream ``[seed, 1]``, so reusing the couplings' seed does not
        correlate the initial state with the couplings.
        """
        rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(
            None if seed is None else [seed, 1])
        shape = (self.dim,) if batch is None else (check_int("batch", batch, 1), self.dim)
        return (scale * rng.standard_normal(shape)).astype(self.dtype)

    def local_fields(self, x):
        """``(phi(h), sigma_r(r), sigma_z(z), Jh(sigma_r phi), [Jz;Jr] phi)`` for a state (3N,) or batch
        (B, 3N), with the accurate gates (diagnostics and tests; :meth:`rhs` fuses these steps)."""
        p = self.params
        h, z, r = self.split(x)
        ph = phi(h, p.g_h, p.beta_h)
        sr = gate(r, p.alpha_r, p.beta_r)
        sz = gate(z, p.alpha_z, p.beta_z)
        if x.ndim == 1:
            return ph, sr, sz, self.Jh @ (sr * ph), self.Jzr @ ph
        return ph, sr, sz, (sr * ph) @ self.Jh.T, ph @ self.Jzr.T

    def rhs(self, t: float, x):
        """Time derivative of a state (3N,) or batch (B, 3N); same shape and dtype."""
        p, n = self.params, self.n
        h, z, r = self.split(x)
        ph = phi(h, p.g_h, p.beta_h)
        v = _fast_gate(r, p.alpha_r, p.beta_r)
        v *= ph
        if x.ndim == 1:
            a, b = self.Jh @ v, self.Jzr @ ph
        else:
            a, b = v @ self.Jh.T, ph @ self.Jzr.T
        Ih, Iz, Ir = self.inputs_at(t)
        out = np.empty_like(x)
        a -= h  # a becomes the z-gated bracket, in place (element-wise passes cost as much as the GEMM)
        if Ih is not None:
            a += Ih
        np.multiply(_fast_gate(z, p.alpha_z, p.beta_z), a, out=out[..., :n])
        oz, orr = out[..., n:2 * n], out[..., 2 * n:]
        np.subtract(b[..., :n], z, out=oz)
        np.subtract(b[..., n:], r, out=orr)
        if Iz is not None:
            oz += Iz
        if Ir is not None:
            orr += Ir
        if p.tau_z != 1.0:
            oz /= p.tau_z
        if p.tau_r != 1.0:
            orr /= p.tau_r
        return out
