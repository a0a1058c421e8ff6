"""Bivariate Gaussian averages ``<f(x) g(y)>_rho``, x, y standard normal with correlation rho.

One primitive, two back ends (float64 NumPy, or mpmath at any ``dps``), for the two-point
averages of the dynamical mean-field theory (``C_phi``, ``C_sigma_r``, ...). Callers scale the
arguments themselves: for variances ``C0`` and covariance ``C`` pass ``u -> f(sqrt(C0) u)`` and
``rho = C / C0``.

Method. The Mehler expansion ``<f(x) g(y)>_rho = sum_n rho^n a_n b_n`` with the normalised
Hermite coefficients ``a_n = <f(u) He_n(u)> / sqrt(n!)`` needs only one-dimensional integrals,
computed once per function on a trapezoid grid fine enough for gates of any sharpness (the step
resolves the function's nearest complex singularity, ``width`` standard deviations from the real
axis, and the oscillation of He_n). By Cauchy-Schwarz and Parseval the truncation error after n
terms is at most ``|rho|^(n+1) sqrt(D_f D_g)``, with ``D_f = <f^2> - sum a_k^2`` the Parseval
deficit; that bound is returned as the error. Where it exceeds the tolerance (``|rho|`` close to 1,
sharp gates) the direct conditional rule ``int f(x) phi(x) <g(rho x + sqrt(1 - rho^2) v)>_v dx``
is used instead, with its own error estimate (a second resolution).

mpmath path: the coefficient sums and the Mehler sum run in fixed-point integer arithmetic
(Python ints in NumPy object arrays, ``prec + 32`` fractional bits), about 20 times faster than
``mpf`` arithmetic; the Hermite-function table is cached per grid. ``f`` then takes one ``mpf``
and returns one ``mpf``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import mpmath
import numpy as np

from ..params import ParameterError, check_int
from ..results import Result

__all__ = ["BivariateAverage", "bivariate_average", "hermite_coefficients", "mehler_sum", "gaussian_correlation",
           "feature_width", "resolution"]

_L64 = 12.0                 # float64: half-width of the standardised grid, sqrt(phi(12)) ~ 1e-16
_N_MIN, _N_MAX = 256, 4096  # float64 term counts
_MP_N_MAX = 8192            # mpmath term cap; beyond it the direct rule takes over
_FIX_GUARD = 32             # extra fractional bits of the fixed-point arithmetic


@dataclass(frozen=True)
class BivariateAverage(Result):
    """``<f(x) g(y)>_rho`` at each correlation, with an error estimate.

    Attributes
    ----------
    value : ndarray
        Shape of ``rho``; float64, or an object array of ``mpf`` (mpmath path).
    error : ndarray
        Estimated absolute error of each value (Parseval bound of the Mehler tail, or the
        two-resolution difference of the direct rule, plus rounding).
    n_terms : int
        Mehler terms used.
    n_direct : int
        Correlations computed by the direct rule.
    dps : int or None
    """

    value: np.ndarray
    error: np.ndarray
    n_terms: int
    n_direct: int
    dps: int | None


def resolution(width_std: float, digits: float = 16.0, n_max: int = _N_MAX) -> tuple[int, int]:
    """``(n_terms, level)`` for functions whose nearest complex singularity lies ``width_std`` standard
    deviations from the real axis, at ``digits`` decimal digits.

    Normalised Hermite coefficients decay like ``exp(-width sqrt(2 n))``, so the Parseval deficit
    falls below ``10^-digits`` near ``n = (digits ln 10 / (2 width))^2 / 2`` (between ``_N_MIN`` and
    ``n_max``, a power of two); the trapezoid step resolves the singularity (error
    ``exp(-2 pi width / h)``) and the oscillation of He_n (wavelength ``2 pi / sqrt(n)``)."""
    d = min(float(width_std), 1.0)
    if digits <= 16.5:  # float64: the tuned rule of the DMFT solver (measured to 1e-14, tests/test_dmft_lambda_curve)
        n_terms = int(2 ** np.ceil(np.log2(np.clip(0.5 * (14.0 / d) ** 2, _N_MIN, n_max))))
        h = min(d / 5.0, 1.0 / np.sqrt(n_terms), 0.125)
    else:
        lnt = digits * math.log(10.0)
        n_terms = int(2 ** math.ceil(math.log2(min(max(0.5 * (lnt / (2 * d)) ** 2, 32), n_max))))
        h = min(2 * math.pi * d / (lnt + 5), 0.8 / math.sqrt(n_terms), 0.125)
    return n_terms, int(math.ceil(-math.log2(h)))


def feature_width(*fs, h: float = 2.0 ** -9) -> float:
    """A conservative stand-in for the pole distance of functions of a standard normal variable, from
    samples on [-12, 12] with step h: ``0.5 * (max f - min f) / max |f'|`` (for ``tanh(g x)``, a logistic
    gate and its derivative this is 0.3-0.6 times the true pole distance). Resolves features down to ~4 h."""
    x = h * np.arange(-round(_L64 / h), round(_L64 / h) + 1)
    d = np.inf
    for f in fs:
        v = np.asarray(f(x), dtype=float)
        slope = np.abs(np.diff(v)).max() / h
        if slope > 0:
            d = min(d, 0.5 * (v.max() - v.min()) / slope)
    return float(d)


# ----------------------------------------------------------------------------- float64 back end

@lru_cache(maxsize=4)
def _hermite_table(n_terms: int, level: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nodes x (step 2^-level on [-L, L]), Gaussian trapezoid weights and the matrix
    ``M[n, j] = w_j He_n(x_j) / sqrt(n!)`` for n < n_terms, by the Hermite-function recursion
    (``psi_n = He_n sqrt(phi) / sqrt(n!)``, bounded by 1, so no overflow at large n)."""
    h = 2.0 ** (-level)
    x = h * np.arange(-round(_L64 / h), round(_L64 / h) + 1)
    sqrt_phi = np.exp(-0.25 * x * x) / (2 * np.pi) ** 0.25
    M = np.empty((n_terms, x.size))
    prev, cur = np.zeros_like(x), sqrt_phi
    M[0] = cur
    for n in range(1, n_terms):
        prev, cur = cur, (x * cur - np.sqrt(n - 1) * prev) / np.sqrt(n)
        M[n] = cur
    M *= h * sqrt_phi
    M.flags.writeable = False
    w = h * sqrt_phi * sqrt_phi
    return x, w, M


def _direct64(f, g, x, w, rho, level):
    """``<f(x) g(y)>`` by the conditional rule, trapezoid in x (the Hermite grid) and in v (step resolving
    g), at the v step and at twice it; returns (fine, |fine - coarse|)."""
    out, err = np.empty(rho.size), np.empty(rho.size)
    fx = w * f(x)
    for i, r in enumerate(rho):
        sd = np.sqrt(max(1.0 - r * r, 0.0))
        if sd == 0.0:
            out[i], err[i] = fx @ g(r * x), 0.0
            continue
        hv = min(0.25, 2.0 ** (-level) / sd)
        k = np.arange(-np.ceil(9.0 / hv), np.ceil(9.0 / hv) + 1)
        k = np.concatenate([k, [k[-1] + 1]]) if k.size % 2 == 0 else k
        v = hv * k
        wv = hv * np.exp(-0.5 * v * v) / np.sqrt(2 * np.pi)
        G = g(r * x[:, None] + sd * v[None, :])
        fine = fx @ (G @ wv)
        coarse = fx @ (G[:, ::2] @ (2 * wv[::2]))
        out[i], err[i] = fine, abs(fine - coarse)
    return out, err


def _float64(f, g, rho, width, tol, max_terms):
    n_terms, level = resolution(feature_width(f, g) if width is None else width, 16.0, max_terms)
    if n_terms * 2 * _L64 * 2 ** level > 2e8:   # the table would need > 1.6 GB
        raise ParameterError(f"width = {width!r} is out of range for the float64 table; allowed: width >= "
                             f"{2 * _L64 * 5 * n_terms / 2e8:.3g} standard deviations")
    x, w, M = _hermite_table(n_terms, level)
    fx, gx = f(x), g(x)
    a, b = M @ fx, M @ gx
    f2, g2 = w @ (fx * fx), w @ (gx * gx)
    deficit = math.sqrt(max(f2 - a @ a, 0.0) * max(g2 - b @ b, 0.0))
    scale = math.sqrt(f2 * g2)
    bound = np.abs(rho) ** (n_terms + 1) * deficit
    near = bound > tol * scale
    out = np.polynomial.polynomial.polyval(np.where(near, 0.0, rho), a * b)
    err = np.where(near, 0.0, bound) + 4e-16 * scale * math.sqrt(n_terms)
    if near.any():
        out[near], e = _direct64(f, g, x, w, rho[near], level)
        err[near] = e + 4e-16 * scale
    return BivariateAverage(value=out, error=err, n_terms=n_terms, n_direct=int(near.sum()), dps=None)


# ----------------------------------------------------------------------------- mpmath back end

def _to_fix(x, bits):
    return mpmath.libmp.to_fixed(mpmath.mpf(x)._mpf_, bits)


def _from_fix(v, bits):
    return mpmath.mpf(mpmath.libmp.from_man_exp(int(v), -bits))


@lru_cache(maxsize=8)
def _mp_grid(n_terms: int, level: int, half_width: int, bits: int):
    """Fixed-point (``bits`` fractional bits) nodes, weights and Hermite table of the mpmath path:
    ``x_j = j 2^-level`` on ``[-half_width, half_width]``, ``w_j = h phi(x_j)`` and
    ``M[n, j] = h sqrt(phi(x_j)) psi_n(x_j)`` (object arrays of ints), plus the nodes as ``mpf``."""
    with mpmath.workprec(bits + 10):
        h = mpmath.ldexp(1, -level)
        J = half_width << level
        xs = [j * h for j in range(-J, J + 1)]
        c = 1 / mpmath.sqrt(mpmath.sqrt(2 * mpmath.pi))
        sp = [c * mpmath.exp(-x * x / 4) for x in xs]
        xfix = np.array([_to_fix(x, bits) for x in xs], dtype=object)
        spfix = np.array([_to_fix(s, bits) for s in sp], dtype=object)
        wfix = np.array([_to_fix(h * s * s, bits) for s in sp], dtype=object)
        ratios = [(_to_fix(mpmath.sqrt(mpmath.mpf(n - 1) / n), bits), _to_fix(1 / mpmath.sqrt(n), bits))
                  for n in range(1, n_terms)]
    M = np.empty((n_terms, xfix.size), dtype=object)
    prev, cur = np.zeros(xfix.size, dtype=object), spfix.copy()
    M[0] = cur
    for n in range(1, n_terms):
        r1, r2 = ratios[n - 1]
        # psi_n = (x psi_{n-1} - sqrt(n-1) psi_{n-2}) / sqrt(n)
        nxt = ((xfix * cur >> bits) * r2 >> bits) - (prev * r1 >> bits)
        prev, cur = cur, nxt
        M[n] = cur
    hfix = _to_fix(h, bits)
    M = (M * ((hfix * spfix) >> bits)) >> bits
    M.flags.writeable = False
    return xs, wfix, M


def hermite_coefficients(f, *, width=math.inf, dps: int | None = None, digits: float | None = None,
                         n_terms: int | None = None):
    """Normalised Hermite coefficients ``a_n = <f(u) He_n(u)> / sqrt(n!)`` (u standard normal) and
    ``<f^2>``, on a trapezoid grid sized by ``width`` (pole distance in standard deviations).

    float64 (``dps=None``): returns ``(a, f2)`` as float arrays. mpmath: returns ``(a, f2, bits)``
    with ``a`` an object array of fixed-point ints (``bits`` fractional bits) and ``f2`` likewise,
    for :func:`mehler_sum`; ``digits`` (default ``dps + 5``) sizes the grid.
    """
    if dps is None:
        nt, level = resolution(width, 16.0)
        nt = nt if n_terms is None else n_terms
        x, w, M = _hermite_table(nt, level)
        fx = f(x)
        return M @ fx, float(w @ (fx * fx))
    digits = float(dps + 5 if digits is None else digits)
    nt, level = resolution(width, digits, _MP_N_MAX)
    nt = nt if n_terms is None else n_terms
    bits = mpmath.mp.prec + _FIX_GUARD
    half = int(math.ceil(2 * math.sqrt((digits + 3) * math.log(10.0))))
    xs, wfix, M = _mp_grid(nt, level, half, bits)
    fx = np.array([_to_fix(f(x), bits) for x in xs], dtype=object)
    a = M.dot(fx) >> bits
    f2 = int((wfix * fx >> bits).dot(fx)) >> bits
    return a, f2, bits


def mehler_sum(a, b, rho_fix, bits):
    """``sum_n rho^n a_n b_n`` in fixed point for each entry of ``rho_fix`` (object array of ints), by Horner."""
    c = (a * b) >> bits
    acc = np.full(rho_fix.shape, int(c[-1]), dtype=object)
    for n in range(len(c) - 2, -1, -1):
        acc = ((acc * rho_fix) >> bits) + int(c[n])
    return acc


def _direct_mp(f, g, r, omr2, center_g, width_g, dps):
    """Conditional rule at mpmath precision: ``<f(x) <g(r x + s v)>_v>_x``, s = sqrt(1 - r^2) (``omr2`` =
    1 - r^2 passed to avoid cancellation), both averages by the mapped trapezoid rule of
    :mod:`gatetheory.numerics.gaussian`; returns (value, error)."""
    from .gaussian import gaussian_average
    s2 = mpmath.mpf(omr2)
    errs = []

    def inner(x):
        m = r * x
        if s2 == 0:
            return g(m)
        res = gaussian_average(lambda y: g(m + y), s2, center=center_g - m, width=width_g, dps=dps)
        errs.append(res.error[0])
        return res.value[0]
    wd = width_g / abs(r) if r != 0 and width_g != math.inf else math.inf
    out = gaussian_average(lambda x: f(x) * inner(x), 1, center=center_g / r if r != 0 else 0, width=wd, dps=dps)
    return out.value[0], out.error[0] + (max(errs) if errs else 0)


def _mpmath(f, g, rho, one_minus_rho, width, center_g, tol, dps):
    digits = dps + 5
    same = g is None
    g = f if same else g
    a, f2, bits = hermite_coefficients(f, width=width, dps=dps, digits=digits)
    b, g2 = (a, f2) if same else hermite_coefficients(g, width=width, dps=dps, digits=digits)[:2]
    n_terms = len(a)
    with mpmath.workprec(bits):
        defic = math.sqrt(max(float(_from_fix(f2 - int((a * a).sum() >> bits), bits)), 0.0)
                          * max(float(_from_fix(g2 - int((b * b).sum() >> bits), bits)), 0.0))
        scale = math.sqrt(float(_from_fix(f2, bits)) * float(_from_fix(g2, bits)))
        rhos = [mpmath.mpf(r) for r in rho]
        # |rho|^(n+1) sqrt(D_f D_g) in logs (the powers underflow float64)
        bound = [defic * math.exp((n_terms + 1) * float(mpmath.log(abs(r)))) if r != 0 else 0.0 for r in rhos]
        near = np.array([bd > tol * scale for bd in bound], dtype=bool)
        rfix = np.array([_to_fix(r, bits) if not nr else 0 for r, nr in zip(rhos, near)], dtype=object)
        sums = mehler_sum(a, b, rfix, bits)
        value = np.empty(len(rhos), dtype=object)
        error = np.empty(len(rhos), dtype=object)
        rnd = mpmath.ldexp(n_terms, -(bits - 8)) * scale
        for i, r in enumerate(rhos):
            if near[i]:
                omr = mpmath.mpf(one_minus_rho[i]) if one_minus_rho is not None else 1 - r
                with mpmath.workdps(dps):
                    v, e = _direct_mp(f, g, r, omr * (2 - omr), center_g, width, dps)
                value[i], error[i] = +v, e
            else:
                value[i], error[i] = _from_fix(sums[i], bits), mpmath.mpf(bound[i]) + rnd
    return BivariateAverage(value=value, error=error, n_terms=n_terms, n_direct=int(near.sum()), dps=dps)


# ----------------------------------------------------------------------------- public entry points

def bivariate_average(f, rho, g=None, *, width=None, tol=None, dps: int | None = None,
                      one_minus_rho=None, center=0.0, max_terms: int = _N_MAX) -> BivariateAverage:
    """``<f(x) g(y)>`` for x, y standard normal with correlation ``rho`` (array, entries in [-1, 1]).

    Parameters
    ----------
    f, g : callable
        Functions of a standard normal variable (g defaults to f). float64: vectorised over arrays;
        mpmath: one ``mpf`` in, one ``mpf`` out.
    rho : array_like
        Correlations; float64 values, or ``mpf``/decimal strings for the mpmath path.
    width : float or None
        Distance (in standard deviations) of the nearest complex singularity of f and g from the real
        axis (:func:`gatetheory.numerics.gaussian.pole_width` divided by the standard deviation); None
        (float64 only) estimates it from samples (:func:`feature_width`).
    tol : float
        Relative tolerance (to ``sqrt(<f^2><g^2>)``) of the Mehler tail bound beyond which the direct
        rule is used; default 1e-12 (float64) or ``10^-(dps + 5)``.
    dps : int or None
        None: float64. int: mpmath at ``dps`` decimal digits (plus guard digits).
    one_minus_rho : array_like, optional
        ``1 - rho`` computed without cancellation (mpmath direct rule near rho -> 1).
    center : float
        Location (standardised) of g's sharp feature, for the direct rule's mapped nodes.
    """
    if dps is None:
        r = np.asarray(rho, dtype=float)
        if np.any(np.abs(r) > 1 + 1e-12):
            raise ParameterError(f"rho = {rho!r} is out of range; allowed: -1 <= rho <= 1")
        g = f if g is None else g
        res = _float64(f, g, np.clip(r.ravel(), -1.0, 1.0), width, 1e-12 if tol is None else tol, max_terms)
        return BivariateAverage(value=res.value.reshape(r.shape), error=res.error.reshape(r.shape),
                                n_terms=res.n_terms, n_direct=res.n_direct, dps=None)
    dps = check_int("dps", dps, 1)
    if width is None:
        raise ParameterError("width = None is out of range for the mpmath path; allowed: a pole distance > 0 "
                             "(see gatetheory.numerics.gaussian.pole_width)")
    with mpmath.workdps(dps + 5):
        rl = [mpmath.mpf(v) for v in np.ravel(np.asarray(rho, dtype=object))]
        if any(abs(v) > 1 for v in rl):
            raise ParameterError(f"rho = {rho!r} is out of range; allowed: -1 <= rho <= 1")
        omr = None if one_minus_rho is None else list(np.ravel(np.asarray(one_minus_rho, dtype=object)))
        t = mpmath.mpf(10) ** (-(dps + 5)) if tol is None else tol
        return _mpmath(f, g, rl, omr, width, mpmath.mpf(center), float(t), dps)


def gaussian_correlation(f, C0: float, C, g=None, *, width: float | None = None, tol: float = 1e-12) -> np.ndarray:
    """``<f(x1) g(x2)>`` for zero-mean Gaussians of variance C0 and covariance C (array), float64,
    vectorised over C: :func:`bivariate_average` on ``u -> f(sqrt(C0) u)`` with ``rho = C / C0``.
    ``width`` is the pole distance in units of x (``pi/(2 g)`` for ``tanh(g x)``, ``pi/alpha`` for a
    logistic gate and its derivative); None estimates it from samples. C0 <= 0 gives ``f(0) g(0)``."""
    g = f if g is None else g
    C = np.asarray(C, dtype=float)
    C0 = float(C0)
    if C0 <= 0:
        return np.full(C.shape, float(np.asarray(f(np.zeros(1)))[0] * np.asarray(g(np.zeros(1)))[0]))
    s = math.sqrt(C0)
    rho = np.clip(C / C0, -1.0, 1.0)
    return bivariate_average(lambda u: f(s * u), rho, lambda u: g(s * u), width=None if width is None else width / s,
                             tol=tol).value
