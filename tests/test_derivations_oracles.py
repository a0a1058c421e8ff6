"""Independent float64 numerics used as oracles by the derivation tests (no tests here).

Nothing in this file uses the symbolic layer: Gaussian averages by quadrature (Gauss-Hermite,
or a step plus a Gauss-Legendre correction for switch-like gates), and the full mean-field
equations solved as they stand (no expansion), so that the derived asymptotics can be
checked against them.
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.special import expit, ndtr

_GH_X, _GH_W = np.polynomial.hermite_e.hermegauss(80)
_GH_W = _GH_W / _GH_W.sum()
# Gauss-Legendre pieces on u in [0, 40] for the exponentially decaying (gate - step) part
_pieces = [(0.0, 2.0), (2.0, 6.0), (6.0, 14.0), (14.0, 40.0)]
_gl_x, _gl_w = np.polynomial.legendre.leggauss(40)
_GL_U = np.concatenate([0.5 * (b - a) * _gl_x + 0.5 * (a + b) for a, b in _pieces])
_GL_W = np.concatenate([0.5 * (b - a) * _gl_w for a, b in _pieces])


def gauss_avg(f, D):
    """<f(sqrt(D) x)>, x ~ N(0,1), by 80-point Gauss-Hermite (smooth f only)."""
    return float(np.dot(_GH_W, f(np.sqrt(D) * _GH_X)))


def mean_gate(m, s):
    """E_xi sigma(m + s xi) for arrays m, scalar s >= 0, xi ~ N(0,1); accurate for any s.

    s <= 1: Gauss-Hermite (the logistic is smooth on the scale of s). s > 1: Phi(m/s) plus the
    integral of d(u) = sigma(u) - Theta(u) (odd, exponentially decaying) against the normal density.
    """
    m = np.asarray(m, dtype=float)[..., None]
    if s <= 1.0:
        return np.dot(expit(m + s * _GH_X), _GH_W)
    u = np.concatenate([-_GL_U[::-1], _GL_U])
    w = np.concatenate([_GL_W[::-1], _GL_W])
    d = expit(u) - (u > 0)
    dens = np.exp(-0.5 * ((u - m) / s) ** 2) / (s * np.sqrt(2 * np.pi))
    return ndtr(m[..., 0] / s) + np.dot(dens * d, w)


def mean_gate_sq(c):
    """<sigma(c x)^2>, x ~ N(0,1), for any c >= 0 (step plus correction for large c)."""
    if c <= 1.0:
        return gauss_avg(lambda v: expit(c * v) ** 2, 1.0)
    u = np.concatenate([-_GL_U[::-1], _GL_U])
    w = np.concatenate([_GL_W[::-1], _GL_W])
    d = expit(u) ** 2 - (u > 0)
    dens = np.exp(-0.5 * (u / c) ** 2) / (c * np.sqrt(2 * np.pi))
    return 0.5 + float(np.dot(dens * d, w))


# ---------------------------------------------------------------- static MFT, no biases
def P(D, g):
    """<tanh(g sqrt(D) x)^2>."""
    return gauss_avg(lambda v: np.tanh(g * v) ** 2, D)


def fp_gap(D, g, a):
    """P S(P) / D - 1: zero at a nonzero fixed-point variance D (full equation, no expansion)."""
    p = P(D, g)
    return p * mean_gate_sq(a * np.sqrt(p)) / D - 1.0


def fp_alpha_of_D(D, g, amax=1e6):
    """alpha_r solving fp_gap = 0 at given D, g (S is increasing in alpha_r); nan if none."""
    lo, hi = fp_gap(D, g, 0.0), fp_gap(D, g, amax)
    if lo > 0 or hi < 0:
        return np.nan
    return brentq(lambda a: fp_gap(D, g, a), 0.0, amax, xtol=1e-13, rtol=1e-14)


def fp_g_of_D(D, a):
    """g_h solving fp_gap = 0 at given D, alpha_r."""
    if fp_gap(D, 4.0, a) < 0:
        return np.nan
    return brentq(lambda g: fp_gap(D, g, a), 0.5, 4.0, xtol=1e-14, rtol=1e-15)


def minimise_log(f, lo, hi):
    """Minimum of f over D in [lo, hi] (log scale), refined by a bounded Brent search."""
    grid = np.geomspace(lo, hi, 25)
    vals = np.array([f(d) for d in grid])
    vals[~np.isfinite(vals)] = np.inf
    i = int(np.argmin(vals))
    a, b = np.log(grid[max(i - 1, 0)]), np.log(grid[min(i + 1, len(grid) - 1)])
    r = minimize_scalar(lambda t: f(np.exp(t)), bounds=(a, b), method="bounded",
                        options={"xatol": 1e-10})
    return r.fun, float(np.exp(r.x))


def fp_bifurcation_alpha(g, lo=1e-6, hi=2.0):
    """(alpha_r^FP(g), Delta_h there): the smallest alpha_r with a nonzero root (saddle node)."""
    return minimise_log(lambda D: fp_alpha_of_D(D, g), lo, hi)


def fp_bifurcation_g(a, lo=1e-7, hi=1.0):
    """(g_h^FP(alpha_r), Delta_h there): the smallest g_h with a nonzero root."""
    return minimise_log(lambda D: fp_g_of_D(D, a), lo, hi)


# ---------------------------------------------------------------- DMFT energy, tau_r << 1
_S_X, _S_W = np.polynomial.legendre.leggauss(24)
_TH = 0.25 * np.pi * (_S_X + 1.0)  # theta in [0, pi/2]; s = sin(theta) smooths the s -> 1 end
_TH_W = 0.25 * np.pi * _S_W


def two_point(f_inner, q0, q):
    """<F(a) F(b)> for a, b with variances q0, covariance q in [0, q0], where
    f_inner(m, s) = E_xi F(m + s xi): the shared part sqrt(q) eta is averaged by Gauss-Hermite."""
    m = np.sqrt(q) * _GH_X
    inner = f_inner(m, np.sqrt(max(q0 - q, 0.0)))
    return float(np.dot(_GH_W, inner ** 2))


def _step_inner(m, s):
    """E_xi Theta(m + s xi) = Phi(m/s)."""
    return ndtr(m / s) if s > 0 else (m > 0).astype(float) + 0.5 * (m == 0)


def tanh_inner(g):
    return lambda m, s: np.dot(np.tanh(g * (m[..., None] + s * _GH_X)), _GH_W)


def dyn_energy(q0, g, a):
    """E(q0)/q0^2 = (1/q0^2) int_0^q0 C_phi C_sigma dq - 1/2, full two-point averages (a = alpha_r;
    a = inf uses the step gate 1/4 + asin(rho)/(2 pi) exactly)."""
    fi = tanh_inner(g)
    R0 = two_point(fi, q0, q0)
    total = 0.0
    for th, w in zip(_TH, _TH_W):
        s = np.sin(th)
        q = s * q0
        R = two_point(fi, q0, q)
        cs = 0.25 + np.arcsin(min(R / R0, 1.0)) / (2 * np.pi)  # step gate, exact (Sheppard)
        if np.isfinite(a) and a * np.sqrt(R0) <= 2.0:  # smooth gate on the scale of r: direct
            cs = two_point(lambda m, sd: mean_gate(a * m, a * sd), R0, R)
        elif np.isfinite(a):
            # finite gate: add <sigma sigma> - <Theta Theta>, both by the same quadrature, so that the
            # error of resolving the sharp step in the outer average cancels between the two
            cs += (two_point(lambda m, sd: mean_gate(a * m, a * sd), R0, R)
                   - two_point(lambda m, sd: _step_inner(m, sd), R0, R))
        total += w * np.cos(th) * R * cs
    return total / q0 - 0.5


def dyn_alpha_of_q0(q0, g, amax=1e4):
    lo, hi = dyn_energy(q0, g, 0.0), dyn_energy(q0, g, amax)
    if lo > 0 or hi < 0:
        return np.nan
    return brentq(lambda a: dyn_energy(q0, g, a), 0.0, amax, xtol=1e-12, rtol=1e-13)


def dyn_bifurcation_alpha(g, lo=1e-5, hi=2.0):
    """(alpha_r^dyn(g), C_h(0) there) from the full energy condition."""
    return minimise_log(lambda q0: dyn_alpha_of_q0(q0, g), lo, hi)


def dyn_root_step(g, lo=1e-6, hi=10.0):
    """Nonzero roots q0 of the energy condition with a step gate (alpha_r = inf), scanned on a log grid."""
    grid = np.geomspace(lo, hi, 80)
    vals = np.array([dyn_energy(q, g, np.inf) for q in grid])
    roots = []
    for i in range(len(grid) - 1):
        if np.sign(vals[i]) != np.sign(vals[i + 1]):
            roots.append(brentq(lambda q: dyn_energy(q, g, np.inf), grid[i], grid[i + 1], xtol=1e-15))
    return roots


def fit_power(x, y):
    """Slope and intercept of log|y| against log x (least squares)."""
    p = np.polyfit(np.log(x), np.log(np.abs(y)), 1)
    return p[0], np.exp(p[1])


def dyn_g_of_q0(q0, a):
    """g_h solving the energy condition at given q0, alpha_r; nan if none in [1, 3]."""
    lo, hi = dyn_energy(q0, 1.0, a), dyn_energy(q0, 3.0, a)
    if lo > 0 or hi < 0:
        return np.nan
    return brentq(lambda g: dyn_energy(q0, g, a), 1.0, 3.0, xtol=1e-13, rtol=1e-14)


def dyn_bifurcation_g(a, lo=1e-5, hi=0.3):
    """(g_h^dyn(alpha_r), C_h(0) there): the smallest g_h with a nonzero root."""
    return minimise_log(lambda q0: dyn_g_of_q0(q0, a), lo, hi)
