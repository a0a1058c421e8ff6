"""Gaussian averages ``<f(y)>, y ~ N(0, D)`` in one and two dimensions, float64 or any precision.

Method (both speeds): the trapezoidal rule in u after the map
``x = c + s sinh(u)``, ``y = sqrt(D) x``, where ``c`` is the centre of the
integrand's sharp feature (a gate's switching point) and ``s`` the distance of
its nearest complex singularity (a pole of tanh or of the logistic), capped
at 1. All poles of ``tanh(g y + b)`` and ``1/(1 + exp(-(a y + b)))`` lie on the
vertical line through the switching point, so after the map they sit at
``Im u = pi/2`` whatever the sharpness: the rule converges geometrically in the
number of nodes, uniformly in ``alpha``; Gauss-Hermite does not (its error grows
like ``exp(-pi sqrt(2n) / (alpha sqrt(D)))``).

Error estimate from two resolutions: the rule is evaluated at steps ``h`` and
``h/2`` (nested nodes, one set of evaluations). For a geometrically convergent
rule the error of the fine value is about ``|T(h) - T(h/2)|^2 / |T|``; ``error``
reports that, plus the coarse difference itself as ``error_coarse`` (a safe
bound on the coarse value).

``dps=None`` uses NumPy float64, vectorised over parameter arrays (the node
axis is appended last: ``f`` receives ``y`` of shape ``broadcast + (M,)``, so its
parameters must broadcast with a trailing axis, e.g. ``g[..., None]``).
``dps=int`` uses mpmath inside ``mpmath.workdps(dps + guard)``; ``f`` receives one
``mpf`` and returns a tuple of ``mpf``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import mpmath
import numpy as np

from ..params import ParameterError, check_int
from ..results import Result

__all__ = ["GaussianAverage", "gaussian_average", "gaussian_average_2d", "pole_width"]

_GUARD = 5          # extra decimal digits carried by the mpmath path
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


@dataclass(frozen=True)
class GaussianAverage(Result):
    """A Gaussian average with its two-resolution diagnostics.

    Attributes
    ----------
    value : tuple
        One entry per component returned by ``f``: ndarray (float64 path, the
        broadcast parameter shape) or ``mpf`` (mpmath path, full working precision).
    error : tuple
        Estimated absolute error of each value, ``|T(h) - T(h/2)|^2 / max(|T|, 1)``.
    error_coarse : tuple
        ``|T(h) - T(h/2)|``, a bound on the error of the coarser rule.
    n_nodes : int
        Integrand evaluations (per parameter point).
    dps : int or None
    """

    value: tuple
    error: tuple
    error_coarse: tuple
    n_nodes: int
    dps: int | None


def pole_width(kind: str, gain, *, mp: bool = False):
    """Distance from the real axis of the nearest pole of a gate, in units of its argument y.

    ``tanh(g y + b)``: ``pi / (2 |g|)``; logistic ``(a y + b)``: ``pi / |a|``; inf when the gain is 0.
    """
    pi = mpmath.pi if mp else math.pi
    if kind == "tanh":
        return pi / (2 * abs(gain)) if gain != 0 else math.inf
    if kind == "sigmoid":
        return pi / abs(gain) if gain != 0 else math.inf
    raise ParameterError(f"kind = {kind!r} is not a gate; allowed: 'tanh', 'sigmoid'")


def _cut(digits: float) -> float:
    """Half-width L of the x range: the Gaussian tail beyond L is below 10^-digits."""
    return math.sqrt(2.0 * (digits + 1) * math.log(10.0)) + 0.5


# --------------------------------------------------------------------------- float64 path

def _np_average(f, variance, center, width, level):
    D = np.asarray(variance, dtype=float)
    c = np.asarray(center, dtype=float)
    w = np.asarray(width, dtype=float)
    D, c, w = np.broadcast_arrays(D, c, w)
    if np.any(D < 0) or not np.all(np.isfinite(D)):
        raise ParameterError(f"variance = {variance!r} is out of range; allowed: finite, >= 0")
    sd = np.sqrt(D)
    with np.errstate(divide="ignore", invalid="ignore"):
        cx = np.where(sd > 0, c / sd, 0.0)
        wx = np.where(sd > 0, w / sd, np.inf)
    s = np.minimum(wx, 1.0)
    cx = np.where(s < 1.0, np.clip(cx, -40.0, 40.0), 0.0)  # smooth integrand: centre on the Gaussian
    L = _cut(17.0)
    ulo = np.arcsinh((-L - cx) / s)
    uhi = np.arcsinh((L - cx) / s)
    h = 2.0 ** (-level)
    k = np.arange(math.floor(ulo.min() / h) - 1, math.ceil(uhi.max() / h) + 2)
    u = k * h
    x = cx[..., None] + s[..., None] * np.sinh(u)
    wgt = h * s[..., None] * np.cosh(u) * np.exp(-0.5 * x * x) * _INV_SQRT_2PI
    vals = f(sd[..., None] * x)
    if not isinstance(vals, tuple):
        vals = (vals,)
    fine = tuple(np.sum(wgt * v, axis=-1) for v in vals)
    even = (k % 2) == 0
    coarse = tuple(2.0 * np.sum(wgt[..., even] * v[..., even], axis=-1) for v in vals)
    return fine, coarse, len(k)


# --------------------------------------------------------------------------- mpmath path

_SINH_CACHE: dict = {}


def _sinh_table(prec: int, level: int, kmax: int):
    """Lists ``sinh(k h), cosh(k h)`` for k = 0..kmax at binary precision prec, h = 2^-level (cached)."""
    key = (prec, level)
    sh, ch = _SINH_CACHE.get(key, ([], []))
    if len(sh) <= kmax:
        h = mpmath.ldexp(1, -level)
        for kk in range(len(sh), kmax + 1):
            sh.append(mpmath.sinh(kk * h))
            ch.append(mpmath.cosh(kk * h))
        _SINH_CACHE[key] = (sh, ch)
    return sh, ch


def _mp_average(f, variance, center, width, level, digits):
    D = mpmath.mpf(variance)
    if D < 0:
        raise ParameterError(f"variance = {variance} is out of range; allowed: >= 0")
    if D == 0:
        vals = f(mpmath.mpf(0))
        vals = vals if isinstance(vals, tuple) else (vals,)
        return tuple(vals), tuple(vals), 1
    sd = mpmath.sqrt(D)
    cx = mpmath.mpf(center) / sd
    cx = max(min(cx, 40), -40)
    s = mpmath.mpf(1) if width == math.inf else min(mpmath.mpf(width) / sd, mpmath.mpf(1))
    if s == 1:
        cx = mpmath.mpf(0)  # smooth on the Gaussian's scale: centre the map on the Gaussian
    L = _cut(digits)
    h = mpmath.ldexp(1, -level)
    klo = int(mpmath.floor(mpmath.asinh((-L - cx) / s) / h)) - 1
    khi = int(mpmath.ceil(mpmath.asinh((L - cx) / s) / h)) + 1
    sh, ch = _sinh_table(mpmath.mp.prec, level, max(abs(klo), abs(khi)))
    norm = h * s / mpmath.sqrt(2 * mpmath.pi)
    fine = coarse = None
    for kk in range(klo, khi + 1):
        a = abs(kk)
        snh = sh[a] if kk >= 0 else -sh[a]
        x = cx + s * snh
        wgt = ch[a] * mpmath.exp(-x * x / 2)
        vals = f(sd * x)
        if not isinstance(vals, tuple):
            vals = (vals,)
        if fine is None:
            fine = [mpmath.mpf(0)] * len(vals)
            coarse = [mpmath.mpf(0)] * len(vals)
        for i, v in enumerate(vals):
            t = wgt * v
            fine[i] += t
            if kk % 2 == 0:
                coarse[i] += t
    fine = tuple(norm * v for v in fine)
    coarse = tuple(2 * norm * v for v in coarse)
    return fine, coarse, khi - klo + 1


def _start_level(digits: float) -> int:
    # Step h ~ 4 pi v / (P ln 10) with strip v ~ 0.6 makes the coarse rule good to
    # about P/2 digits and the fine one to about P (tuned against mpmath.quad in tests).
    return max(2, math.ceil(math.log2(digits * math.log(10.0) / (4 * math.pi * 0.6))))


def _check_real(name: str, value, *, nonneg: bool = False) -> None:
    """A finite real (>= 0 with ``nonneg``): a number, an mpf or an array of them; else ParameterError."""
    if isinstance(value, mpmath.mpf):
        ok = mpmath.isfinite(value) and (value >= 0 or not nonneg)
    else:
        try:
            a = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            a = None
        ok = a is not None and a.size > 0 and bool(np.all(np.isfinite(a))) and (not nonneg or bool(np.all(a >= 0)))
    if not ok:
        allowed = "finite numbers >= 0" if nonneg else "finite real numbers"
        raise ParameterError(f"{name} = {value!r} is not allowed; allowed: {allowed}")


def gaussian_average(f, variance, *, center=0.0, width=math.inf, dps: int | None = None,
                     maxlevel: int = 12, atol: float = 1e-8) -> GaussianAverage:
    """``<f(y)>`` for ``y ~ N(0, variance)``, with a two-resolution error estimate.

    Parameters
    ----------
    f : callable
        ``f(y)`` returning one value or a tuple of values (several averages share the nodes).
    variance : float, ndarray (float64 path) or mpf
        ``D >= 0``.
    center : float
        Location (in y) of the integrand's sharp feature, e.g. ``-beta/alpha`` for a gate.
    width : float
        Distance (in y) of the integrand's nearest complex singularity, see :func:`pole_width`.
    dps : int or None
        None: float64, vectorised over broadcast parameters. int: decimal digits for mpmath.
    maxlevel : int
        The finest step allowed is ``2^-maxlevel``; raise it for extreme sharpness.
    atol : float
        float64 path only: accept when the coarse and fine rules differ by less (the fine
        value is then accurate to about ``atol^2``); loosen it for coarse scans.
    """
    _check_real("variance", variance, nonneg=True)
    _check_real("center", center)
    if dps is not None and (np.ndim(variance) or np.ndim(center)):
        raise ParameterError(f"variance = {variance!r}, center = {center!r}: arrays take the float64 path; "
                             f"allowed: dps = None, or scalars")
    if dps is None:
        level = 3
        while True:
            fine, coarse, n = _np_average(f, variance, center, width, level)
            diff = max(float(np.max(np.abs(a - b))) for a, b in zip(fine, coarse))
            if diff < atol or level >= maxlevel:
                break
            level += 1
        if diff >= atol:
            raise ArithmeticError(f"Gaussian average not converged at step 2^-{level} (coarse difference "
                                  f"{diff:.3g}); raise maxlevel or pass a smaller width")
        err = tuple(np.abs(a - b) ** 2 / np.maximum(np.abs(a), 1.0) + 1e-16 * np.abs(a)
                    for a, b in zip(fine, coarse))
        ec = tuple(np.abs(a - b) for a, b in zip(fine, coarse))
        return GaussianAverage(fine, err, ec, n, None)
    dps = check_int("dps", dps, 1)
    digits = dps + _GUARD
    with mpmath.workdps(digits):
        level = _start_level(digits)
        tol = mpmath.mpf(10) ** (-(digits / 2 + 1))
        while True:
            fine, coarse, n = _mp_average(f, variance, center, width, level, digits)
            diff = max(abs(a - b) / max(abs(a), 1) for a, b in zip(fine, coarse))
            if diff < tol or level >= maxlevel:
                break
            level += 1
        if diff >= tol:
            raise ArithmeticError(f"Gaussian average not converged at step 2^-{level} (coarse relative "
                                  f"difference {mpmath.nstr(diff, 3)}); raise maxlevel")
        err = tuple(abs(a - b) ** 2 / max(abs(a), 1) + mpmath.eps * abs(a) for a, b in zip(fine, coarse))
        ec = tuple(abs(a - b) for a, b in zip(fine, coarse))
    return GaussianAverage(fine, err, ec, n, dps)


def _mp_average_2d(f, variance, covariance, center, width, dps):
    """mpmath path of :func:`gaussian_average_2d`: nested 1-D averages, each with its own check."""
    D, C = mpmath.mpf(variance), mpmath.mpf(covariance)
    if not 0 <= C <= D:
        raise ParameterError(f"covariance = {covariance} is out of range; allowed: 0 <= covariance <= variance = {variance}")
    s_in = D - C

    def inner(m):
        if s_in == 0:
            v = f(m)
            return v[0] if isinstance(v, tuple) else v
        r = gaussian_average(lambda y: f(m + y), s_in, center=center - m, width=width, dps=dps)
        return r.value[0]
    if C == 0:
        with mpmath.workdps(dps + _GUARD):
            v = inner(mpmath.mpf(0))
            return GaussianAverage((v * v,), (mpmath.mpf(0),), (mpmath.mpf(0),), 1, dps)
    return gaussian_average(lambda y: inner(y) ** 2, C, center=center, width=width, dps=dps)


def gaussian_average_2d(f, variance, covariance, *, center=0.0, width=math.inf, level: int = 4,
                        dps: int | None = None):
    """``<f(y1) f(y2)>`` for zero-mean Gaussians with ``var y1 = var y2 = variance``, ``cov = covariance``.

    float64 only (the dynamical theory's kernels), vectorised: ``covariance`` may be an
    array; ``variance`` a scalar. Uses ``y = sqrt(D - c) x + sqrt(c) v``, so
    ``<f f> = <(<f(sqrt(D - c) x + sqrt(c) v)>_x)^2>_v`` for ``0 <= c <= D``: both
    averages by the mapped trapezoid rule (``level`` sets the step 2^-level),
    the inner one centred at the sharp feature seen from each outer node.

    Returns ``(value, coarse)``: the averages with steps ``2^-level`` and ``2^-(level-1)``.
    With ``dps`` (scalar covariance): mpmath, nested adaptive averages, returning a
    :class:`GaussianAverage` (``f`` takes one ``mpf``); about 0.5 s at 30 digits.
    """
    if dps is not None:
        return _mp_average_2d(f, variance, covariance, center, width, check_int("dps", dps, 1))
    D = float(variance)
    C = np.clip(np.asarray(covariance, dtype=float), 0.0, D)
    if D <= 0:
        v0 = float(f(np.zeros(1))[0])
        return np.full(C.shape, v0 * v0), np.full(C.shape, v0 * v0)
    results = []
    for lev in (level, level - 1):
        # outer average over v: scalar centre/width scaled by sqrt(c)
        sc = np.sqrt(C)[..., None]
        sdi = np.sqrt(D - C)[..., None]

        def inner(yv, sc=sc, sdi=sdi, lev=lev):
            # yv: outer nodes y = sqrt(c) v with shape C.shape + (Mv,)
            m = yv
            sdi_b = sdi + 0.0 * m
            cen = (center - m)
            val = _np_inner(f, sdi_b, m, cen, width, lev)
            return val * val

        # outer variable: y_v = sqrt(c) v ~ N(0, c); centre and width in y_v units
        fine, _, _ = _np_average(inner, C, center, width, lev)
        results.append(fine[0])
    return results[0], results[1]


def _np_inner(f, sd_in, mean, center_rel, width, level):
    """``<f(mean + sd_in x)>_x`` on arrays (node axis appended), mapped trapezoid in x."""
    with np.errstate(divide="ignore", invalid="ignore"):
        cx = np.where(sd_in > 0, center_rel / sd_in, 0.0)
        wx = np.where(sd_in > 0, width / sd_in, np.inf)
    s = np.minimum(wx, 1.0)
    cx = np.where(s < 1.0, np.clip(cx, -40.0, 40.0), 0.0)
    L = _cut(17.0)
    h = 2.0 ** (-level)
    umax = float(np.max(np.arcsinh((L + np.abs(cx)) / s)))
    k = np.arange(-math.ceil(umax / h) - 1, math.ceil(umax / h) + 2)
    u = k * h
    x = cx[..., None] + s[..., None] * np.sinh(u)
    wgt = h * s[..., None] * np.cosh(u) * np.exp(-0.5 * x * x) * _INV_SQRT_2PI
    y = mean[..., None] + sd_in[..., None] * x
    v = f(y)
    v = v[0] if isinstance(v, tuple) else v
    return np.sum(wgt * v, axis=-1)
