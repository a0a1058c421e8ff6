"""The bivariate-Gaussian primitive (gatetheory.numerics.bivariate) against independent nested quadrature.

Oracles: scipy's adaptive ``quad`` nested in the conditional form (float64, tolerance 1e-10 from
quad's own epsabs 1e-13 on an O(1) integrand), and nested ``mpmath.quad`` at 20 digits (slow test).
The reported error must bound the measured one.
"""
import math

import mpmath
import numpy as np
import pytest
from scipy.integrate import quad
from scipy.special import expit, ndtr

from gatetheory.numerics.bivariate import bivariate_average, gaussian_correlation


def _nested_quad(f, g, rho, center=0.0):
    """<f(x) g(rho x + sqrt(1-rho^2) v)> by nested scipy quad, split at the features."""
    sd = math.sqrt(1 - rho * rho)
    pdf = lambda t: math.exp(-t * t / 2) / math.sqrt(2 * math.pi)  # noqa: E731

    def inner(x):
        v0 = (center - rho * x) / sd
        pts = sorted({0.0, v0}) if abs(v0) < 30 else [0.0]
        return quad(lambda v: g(rho * x + sd * v) * pdf(v), -40, 40, points=pts, limit=400,
                    epsabs=1e-14, epsrel=1e-13)[0]
    return quad(lambda x: f(x) * pdf(x) * inner(x), -40, 40, points=sorted({0.0, center}), limit=400,
                epsabs=1e-14, epsrel=1e-13)[0]


@pytest.mark.parametrize("lam,beta,rho", [(20.0, 0.3, 0.5), (20.0, 0.3, -0.7), (20.0, 0.0, 0.999), (2.0, 0.5, 0.95)])
def test_float64_sharp_gate_against_nested_quad(lam, beta, rho):
    """A sharp logistic gate (pole pi/20 standard deviations from the axis) at |rho| up to 0.999,
    and a smooth one, against nested scipy quad; tolerance 1e-10, and the reported error bounds it."""
    f = lambda u: expit(lam * u + beta)  # noqa: E731
    r = bivariate_average(f, np.array([rho]), width=math.pi / lam)
    ref = _nested_quad(lambda x: float(f(x)), lambda y: float(f(y)), rho, center=-beta / lam)
    assert abs(r.value[0] - ref) < 1e-10
    assert abs(r.value[0] - ref) < r.error[0] + 1e-11


def test_float64_mixed_pair_and_wrapper():
    """f != g: tanh against a gate's derivative; the C0-scaled wrapper equals the standardised call."""
    f = lambda u: np.tanh(1.5 * u)  # noqa: E731
    g = lambda u: 10 * expit(10 * u) * expit(-10 * u)  # noqa: E731
    r = bivariate_average(f, np.array([0.3, 0.9]), g, width=math.pi / 10)
    for v, rho in zip(r.value, (0.3, 0.9)):
        assert abs(v - _nested_quad(lambda x: float(f(x)), lambda y: float(g(y)), rho)) < 1e-10
    C0 = 0.4
    w = gaussian_correlation(lambda y: np.tanh(1.5 * y / math.sqrt(C0)), C0, np.array([0.3 * C0]),
                             width=math.pi / 3 * math.sqrt(C0))
    assert abs(w[0] - bivariate_average(f, np.array([0.3]), width=math.pi / 3).value[0]) < 1e-13


def test_step_limit_orthant():
    """Oracle: Sheppard's orthant formula <Theta Theta> = 1/4 + asin(rho)/(2 pi), approached by a
    gate of gain 400 to O(1/gain) (tolerance 5e-3)."""
    r = bivariate_average(lambda u: expit(400 * u), np.array([0.2, 0.8]), width=math.pi / 400)
    for v, rho in zip(r.value, (0.2, 0.8)):
        assert abs(v - (0.25 + math.asin(rho) / (2 * math.pi))) < 5e-3


def test_mpmath_agrees_with_float64_and_reports_error():
    """mpmath back end at 25 digits: equals float64 to 1e-13; the Mehler and the direct rule agree
    with each other at 20 digits where both apply (rho = 0.9 forced direct by tol = 0)."""
    lam, beta = 3.0, mpmath.mpf("0.25")
    fm = lambda u: 1 / (1 + mpmath.exp(-(lam * u + beta)))  # noqa: E731
    r = bivariate_average(fm, ["0.6", "0.9"], width=math.pi / lam, dps=25)
    f64 = bivariate_average(lambda u: expit(lam * u + 0.25), np.array([0.6, 0.9]), width=math.pi / lam)
    for v, e, v64 in zip(r.value, r.error, f64.value):
        assert abs(float(v) - v64) < 1e-13 and e < 1e-25
    d = bivariate_average(fm, ["0.9"], width=math.pi / lam, dps=20, tol=0.0, center=-0.25 / lam)
    assert d.n_direct == 1
    assert abs(d.value[0] - r.value[1]) < 1e-19


@pytest.mark.slow
def test_mpmath_against_nested_mpmath_quad():
    """Independent route: nested mpmath.quad at 20 digits (split at 0 and the gate's centre), at
    rho = 0.5 and 0.99; agreement to 1e-18."""
    lam, beta = 3.0, mpmath.mpf("0.25")
    fm = lambda u: 1 / (1 + mpmath.exp(-(lam * u + beta)))  # noqa: E731
    r = bivariate_average(fm, ["0.5", "0.99"], width=math.pi / lam, dps=22)
    with mpmath.workdps(20):
        for v, rho in zip(r.value, ("0.5", "0.99")):
            rho = mpmath.mpf(rho)
            sd = mpmath.sqrt(1 - rho ** 2)
            c = -beta / lam

            def inner(x):
                v0 = (c - rho * x) / sd
                pts = sorted([mpmath.mpf(0), v0]) if abs(v0) < 10 else [mpmath.mpf(0)]
                return mpmath.quad(lambda t: fm(rho * x + sd * t) * mpmath.npdf(t), [-mpmath.inf] + pts + [mpmath.inf])
            ref = mpmath.quad(lambda x: fm(x) * mpmath.npdf(x) * inner(x), [-mpmath.inf, c, 0, mpmath.inf])
            assert abs(v - ref) < mpmath.mpf("1e-18")
