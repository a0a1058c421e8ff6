"""Dynamical bifurcation alpha_r^dyn(g_h) (seed Eq. 13, App. G2, Eqs. G3-G9), float64.

Closure: alpha_z = 0, no biases on h and no inputs, tau_r << 1 so r follows its
noise instantly and ``C_r(tau) = C_phi(tau)`` (docs/conventions.md section 7). The DMFT
(App. C, C22 with constant sigma_z) then reads ``d^2 C_h / d tau^2 = C_h - Phi(C_h)``
(time rescaled by the constant sigma_z, which drops out of what follows) with

    Phi(c) = C_phi(c) * C_sigma_r(C_phi(c)),
    C_phi(c)   = <phi(y1) phi(y2)>,     var y = C0 = C_h(0), cov = c,
    C_sigma(a) = <sigma_r(r1) sigma_r(r2)>, var r = C_phi(C0), cov = a,

a particle in the potential ``V(c) = -c^2/2 + int_0^c Phi``. It starts at rest at
``c = C0`` (``dC_h/dtau = 0`` at tau = 0) and comes to rest at ``c = 0`` as tau -> inf
(phi is odd, so ``Phi(0) = 0``). Energy conservation (G7):

    E(C0, alpha_r) = -C0^2 / 2 + C0 * int_0^1 Phi(C0 q) dq = 0.

Nonzero solutions C0 are born where E = 0 and dE/dC0 = 0 (G8-G9); equivalently
alpha_r^dyn is the minimum over C0 of the alpha_r*(C0) solving E = 0, which is
what is computed (the minimum value is insensitive to the error in C0).

Quadrature: the q integral by the tanh-sinh rule on [0, 1] (its nodes crowd at
q -> 1, where the gate correlation varies on a scale ~ 1 / (alpha_r^2 C_phi));
each 2-D Gaussian average as a nested 1-D average, ``y = sqrt(C0 q) v +
sqrt(C0 (1 - q)) x``, with 1 - q carried separately (no cancellation). Digits:
agreement between two resolutions (steps halved in every rule).
TODO(registry): the energy function G7 and the step-limit integral below are
derived by hand here; move them to derivations/.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import expit

from ..numerics.bivariate import bivariate_average
from ..numerics.gaussian import _cut, _INV_SQRT_2PI, pole_width
from ..numerics.roots import ConvergenceError, refine_bracketed, trusted_digits
from ..params import GateParams, ParameterError
from .stability import CriticalPoint, RangeError, zero_fp_stability_g_h

__all__ = ["Resolution", "correlation_2d", "energy", "dyn_bifurcation", "dyn_bifurcation_range",
           "MAX_DIGITS"]

MAX_DIGITS = 9   # float64 quadrature nested three deep: the two-resolution check rarely passes 10


@dataclass(frozen=True)
class Resolution:
    """Steps ``2^-level`` of the Gaussian rules and ``2^-q_level`` of the tanh-sinh rule in q."""
    level: int = 3
    q_level: int = 3


def _mapped_nodes(cx, s, level):
    """Nodes x and weights (Gaussian density included) of the sinh-mapped trapezoid rule, node axis last."""
    L = _cut(17.0)
    h = 2.0 ** (-level)
    umax = float(np.max(np.arcsinh((L + np.abs(cx)) / s)))
    k = np.arange(-math.ceil(umax / h), math.ceil(umax / h) + 1)
    u = k * h
    x = cx[..., None] + s[..., None] * np.sinh(u)
    w = h * s[..., None] * np.cosh(u) * np.exp(-0.5 * x * x) * _INV_SQRT_2PI
    return x, w


def _map_params(center, width, sd):
    with np.errstate(divide="ignore", invalid="ignore"):
        cx = np.where(sd > 0, center / sd, 0.0)
        wx = np.where(sd > 0, width / sd, np.inf)
    s = np.minimum(wx, 1.0)
    cx = np.where(s < 1.0, np.clip(cx, -40.0, 40.0), 0.0)
    return cx, s


def correlation_2d(f, V, q, one_minus_q, *, center=0.0, width=math.inf, level=3):
    """``<f(y1) f(y2)>`` with ``var = V`` (scalar or array broadcasting with q), correlation ``q`` in [0, 1].

    ``= <(<f(sqrt(V q) v + sqrt(V (1-q)) x)>_x)^2>_v``; ``one_minus_q`` is passed separately
    so that the inner width stays accurate as q -> 1.
    """
    V, q, omq = np.broadcast_arrays(np.asarray(V, float), np.asarray(q, float), np.asarray(one_minus_q, float))
    so = np.sqrt(V * q)          # outer scale
    si = np.sqrt(V * omq)        # inner scale
    cxo, s_o = _map_params(center, width, so)
    xo, wo = _mapped_nodes(cxo, s_o, level)           # (..., Mo)
    m = so[..., None] * xo                             # outer point in y
    # inner average around each outer point
    si_b = np.broadcast_to(si[..., None], m.shape)
    cxi, s_i = _map_params(center - m, width, si_b)
    xi, wi = _mapped_nodes(cxi, s_i, level)            # (..., Mo, Mi)
    inner = np.sum(wi * f(m[..., None] + si_b[..., None] * xi), axis=-1)
    return np.sum(wo * inner * inner, axis=-1)


def _tanh_sinh_01(q_level):
    """Nodes q, 1 - q and weights of the tanh-sinh rule on [0, 1] (step 2^-q_level)."""
    h = 2.0 ** (-q_level)
    t = np.arange(-math.ceil(3.2 / h), math.ceil(3.2 / h) + 1) * h
    u = 0.5 * math.pi * np.sinh(t)
    q, omq = expit(2 * u), expit(-2 * u)
    w = h * math.pi * q * omq * np.cosh(t)   # dq/dt = 2 q (1 - q) du/dt
    keep = (q > 0) & (omq > 0)
    return q[keep], omq[keep], w[keep]


def _phi_corr(g_h, C0, res):
    q, omq, w = _tanh_sinh_01(res.q_level)
    f = lambda y: np.tanh(g_h * y)  # noqa: E731
    A = correlation_2d(f, C0, q, omq, width=pole_width("tanh", g_h), level=res.level)
    A0 = correlation_2d(f, C0, np.ones(1), np.zeros(1), width=pole_width("tanh", g_h), level=res.level)[0]
    # A0 - A(q) is later formed by subtraction (absolute error ~1e-16); it enters only through the
    # gate correlation, whose derivative in it is <sigma_r'^2>-sized, so C_sigma keeps ~1e-16 alpha_r.
    return q, omq, w, A, A0


_LAM_MAX = 200.0   # float64 Hermite table ~ 4096 x 8 lam nodes


def _gate_corr(alpha_r, beta_r, A, A0, res):
    """C_sigma at covariances A (array) with variance A0, by the bivariate primitive
    (:func:`gatetheory.numerics.bivariate.bivariate_average`: Mehler series, direct rule near rho = 1;
    sharp gates resolved whatever alpha_r, unlike a fixed nested rule, which was off by 0.04 at
    alpha_r ~ 1200)."""
    rho = np.clip(A / A0, 0.0, 1.0)
    a, b = float(alpha_r), float(beta_r)
    if a == 0:
        return np.full_like(A, expit(b) ** 2)
    lam = a * math.sqrt(A0)   # gate gain on the standardised r
    if lam > _LAM_MAX:        # beyond the primitive's float64 table (the coarse scan visits such alpha_r)
        return correlation_2d(lambda y: expit(a * y + b), A0, rho, np.clip((A0 - A) / A0, 0.0, 1.0),
                              center=-b / a, width=pole_width("sigmoid", a), level=res.level)
    return bivariate_average(lambda u: expit(lam * u + b), rho, width=math.pi / lam).value


class _Energy:
    """E(C0, alpha_r) with the alpha-independent phi correlations cached per C0."""

    def __init__(self, g_h, beta_r, res):
        self.g, self.b, self.res = g_h, beta_r, res
        self._cache = {}
        self.n_eval = 0

    def phi_part(self, C0):
        if C0 not in self._cache:
            if len(self._cache) > 64:
                self._cache.clear()
            self._cache[C0] = _phi_corr(self.g, C0, self.res)
        return self._cache[C0]

    def __call__(self, C0, alpha_r):
        self.n_eval += 1
        q, omq, w, A, A0 = self.phi_part(C0)
        B = _gate_corr(alpha_r, self.b, A, A0, self.res)
        return -0.5 * C0 * C0 + C0 * np.sum(w * A * B)


def energy(C0, params: GateParams, *, resolution: Resolution = Resolution()) -> float:
    """Left side of G7, ``E(C0) = -C0^2/2 + int_0^C0 Phi(c) dc``, at ``params`` (g_h, alpha_r, beta_r)."""
    if params.beta_h != 0:
        raise ParameterError(f"beta_h = {params.beta_h!r}: the energy equation needs phi odd; allowed: beta_h = 0")
    return float(_Energy(params.g_h, params.beta_r, resolution)(float(C0), params.alpha_r))


def dyn_bifurcation_range(beta_r: float = 0.0) -> tuple[float, float]:
    """``(g_low, g_up)`` of alpha_r^dyn(g_h).

    ``g_up``: H1. ``g_low``: alpha_r -> infinity, C0 -> 0: sigma_r is a step, ``C_sigma =
    1/4 + asin(rho)/(2 pi)`` (orthant probability), ``Phi(c) ~ g^2 c C_sigma(c / C0)``, and
    E = 0 at leading order in C0 needs ``g^2 int_0^1 q (1/4 + asin(q)/(2 pi)) dq = 1/2``.
    The integral is evaluated numerically here (TODO(registry): closed form in derivations/).
    """
    qs, omq, w = _tanh_sinh_01(6)
    integral = float(np.sum(w * qs * (0.25 + np.arcsin(qs) / (2 * np.pi))))
    return math.sqrt(0.5 / integral), float(zero_fp_stability_g_h(beta_r).value)


def _alpha_star(E, C0, abr):
    f = lambda a: E(C0, a)  # noqa: E731
    return refine_bracketed(f, abr[0], abr[1], rtol=1e-13, name="alpha_r").x


def _scan(E, C0s, a_lo=0.5, a_hi=3000.0):
    """alpha*(C0) on a grid of C0 (E increases with alpha_r: the gate correlation sharpens),
    coarse roots in log alpha; returns (C0, alpha, bracket) at the smallest alpha*."""
    best = None
    for C0 in C0s:
        if E(C0, a_hi) < 0 or E(C0, a_lo) > 0:
            continue
        la = refine_bracketed(lambda t: E(C0, math.exp(t)), math.log(a_lo), math.log(a_hi), rtol=1e-3,
                              name="log alpha_r").x
        a = math.exp(la)
        if best is None or a < best[1]:
            best = (C0, a, (a * 0.9, a * 1.1))
    return best


_NOT_FOUND = 1e300   # alpha*(C0) where no root was bracketed (no cap on alpha_r itself)


def _low_end_estimate(g_h: float, g_low: float) -> tuple[float, float]:
    """``(C0, alpha_r)`` from the leading large-alpha_r asymptotics (registry
    ``dyn-bifurcation-lowest-gh-scaling``: ``C0 = d_1 / alpha_r``, ``g_h - g_low = e_1 / alpha_r``)."""
    from ..symbolic import registry
    d1, e1, _ = (float(v) for v in registry.get("dyn-bifurcation-lowest-gh-scaling").numpy())
    a = e1 / max(g_h - g_low, 1e-300)
    return d1 / a, a


def _minimise(E, C0_lo, C0_hi, abr):
    state = {"abr": abr}

    def astar(logC0):
        C0 = math.exp(logC0)
        lo, hi = state["abr"]
        for fac in (1.0, 1.5, 3.0):
            try:
                a = _alpha_star(E, C0, (lo / fac, hi * fac))
                state["abr"] = (a * 0.97, a * 1.03)
                return a
            except ConvergenceError:
                continue
        return _NOT_FOUND
    r = minimize_scalar(astar, bounds=(math.log(C0_lo), math.log(C0_hi)), method="bounded",
                        options={"xatol": 1e-6})
    if r.fun >= _NOT_FOUND:
        raise ConvergenceError("alpha_r*(C0) not found in the bracket; widen the C0 bracket")
    return math.exp(r.x), float(r.fun), int(r.nfev)


def dyn_bifurcation(g_h: float, *, beta_r: float = 0.0, start: tuple | None = None,
                    resolution: Resolution = Resolution(), check: bool = True) -> CriticalPoint:
    """alpha_r^dyn(g_h) and the variance ``C_h(0)`` born there (seed Eq. 13, G7-G9), float64.

    ``start = (C0, alpha_r)`` from a neighbouring point skips the grid scan. With ``check``
    the point is re-solved with every step halved; ``digits`` counts the agreement
    (capped at :data:`MAX_DIGITS`).
    """
    params = GateParams(g_h=g_h, beta_r=beta_r)
    lo, hi = dyn_bifurcation_range(beta_r)
    if not lo < params.g_h < hi:
        raise RangeError(f"g_h = {g_h!r}: no dynamical bifurcation there; allowed: "
                         f"{lo:.6f} < g_h < {hi:.6f} (tau_r << 1 closure, no biases)")
    E = _Energy(params.g_h, beta_r, resolution)
    C0f = None
    if start is not None:
        C0, a = start
        try:
            C0f, af, nfev = _minimise(E, C0 / 4, min(C0 * 4, 4.0), (a * 0.7, a * 1.5))
        except ConvergenceError:
            C0f = None
    if C0f is None:
        # the search follows the low-end asymptotics: C0 ~ d1/alpha_r -> 0 and alpha_r ~ e1/(g_h - g_low)
        C0_est, a_est = _low_end_estimate(params.g_h, lo)
        C0_min = min(1e-3, C0_est / 10)
        a_hi = max(3000.0, 10 * a_est)
        best = _scan(E, np.geomspace(C0_min, 2.0, 12 + int(math.ceil(math.log10(1e-3 / C0_min) * 4))), a_hi=a_hi)
        if best is None:
            raise RangeError(f"g_h = {g_h!r}: no dynamical bifurcation found for alpha_r <= {a_hi:.4g} "
                             f"(C0 >= {C0_min:.3g})")
        C0, a, abr = best
        C0f, af, nfev = _minimise(E, C0 / 4, min(C0 * 4, 4.0), abr)
    digits = MAX_DIGITS
    if check:
        E2 = _Energy(params.g_h, beta_r, Resolution(resolution.level + 1, resolution.q_level + 1))
        C02, a2, _ = _minimise(E2, C0f / 1.5, C0f * 1.5, (af * 0.99, af * 1.01))
        digits = trusted_digits(af, a2, MAX_DIGITS)
        C0f, af = C02, a2
    return CriticalPoint(af, "alpha_r", C0f, digits, 0.0, nfev, "min over C0 of alpha_r*(C0), G7 (float64)",
                         params.replace(alpha_r=af),
                         message="" if check else "digits nominal (check=False: no second resolution)")
