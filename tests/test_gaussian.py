"""Gaussian averages: mapped trapezoid rule (float64 and mpmath) against independent quadratures."""
import math

import mpmath
import numpy as np
import pytest

from gatetheory.numerics.gates import mp_phi_family, mp_sigma_family, np_phi_family, np_sigma_family
from gatetheory.numerics.gaussian import gaussian_average, gaussian_average_2d, pole_width
from gatetheory.params import ParameterError

CASES = [(1.8, 0.0, 5.0, 0.3, 0.3), (1.5, 0.4, 50.0, -0.7, 0.2), (1.2, -1.0, 500.0, 0.3, 0.01), (3.0, 0.0, 0.5, 2.0, 2.0)]


def _mp_reference(f, D, center, width, dps):
    """mpmath.quad (tanh-sinh) with breakpoints at the sharp feature, at dps + 15 digits."""
    with mpmath.workdps(dps + 15):
        sd = mpmath.sqrt(D)
        c = mpmath.mpf(center) / sd
        w = mpmath.mpf(width) / sd if width != math.inf else 1
        pts = [-mpmath.inf, c - 4 * w, c - w, c, c + w, c + 4 * w, mpmath.inf]
        return mpmath.quad(lambda x: f(sd * x) * mpmath.npdf(x), pts, maxdegree=12)


@pytest.mark.parametrize("g,bh,a,br,D", CASES)
def test_mpmath_path_matches_tanh_sinh_at_30_digits(g, bh, a, br, D):
    """Oracle: mpmath.quad at 45 digits with breakpoints (a different rule). Tolerance 1e-30
    relative (the requested precision); the reported error estimate must bound the actual error
    within a factor 100 or sit below 1e-32."""
    g_, bh_, a_, br_ = (mpmath.mpf(repr(v)) for v in (g, bh, a, br))
    with mpmath.workdps(45):
        fphi = lambda y: mp_phi_family(y, g_, bh_)[1] ** 2  # noqa: E731
        fsig = lambda y: mp_sigma_family(y, a_, br_)[1] ** 2  # noqa: E731
    for f, c, w in ((fphi, -bh_ / g_, pole_width("tanh", g_, mp=True)),
                    (fsig, -br_ / a_, pole_width("sigmoid", a_, mp=True))):
        r = gaussian_average(f, mpmath.mpf(repr(D)), center=c, width=w, dps=30)
        ref = _mp_reference(f, mpmath.mpf(repr(D)), c, w, 30)
        err = abs(r.value[0] - ref) / abs(ref)
        assert err < mpmath.mpf("1e-30"), (g, a, err)
        assert err < max(100 * r.error[0] / abs(ref), mpmath.mpf("1e-32"))


def test_float_path_vectorised_matches_mpmath():
    """Oracle: the mpmath path at 25 digits, point by point. Tolerance 1e-13 relative (float64
    rounding over ~100 nodes); the grid includes alpha = 1000 (derivative without cancellation)."""
    g = np.array([0.5, 1.5, 4.0])[:, None]
    a = np.array([0.1, 10.0, 1000.0])[None, :]
    D = 0.3
    r = gaussian_average(lambda y: (np_phi_family(y, g[..., None], 0.2)[1] * np_sigma_family(y, a[..., None], 0.1)[1]) ** 2,
                         np.full((3, 3), D), center=-0.1 / a + 0 * g, width=np.minimum(np.pi / (2 * g), np.pi / a))
    for i in range(3):
        for j in range(3):
            gi, aj = mpmath.mpf(repr(float(g[i, 0]))), mpmath.mpf(repr(float(a[0, j])))
            m = gaussian_average(lambda y: (mp_phi_family(y, gi, mpmath.mpf("0.2"))[1]
                                            * mp_sigma_family(y, aj, mpmath.mpf("0.1"))[1]) ** 2,
                                 D, center=-mpmath.mpf("0.1") / aj, width=min(mpmath.pi / (2 * gi), mpmath.pi / aj),
                                 dps=25).value[0]
            assert abs(r.value[0][i, j] / float(m) - 1) < 1e-13


def test_gate_derivatives_keep_relative_precision_at_large_argument():
    """Oracle: mpmath at 60 digits with the textbook forms (no cancellation at that precision).
    At u = 30 the naive float64 forms 1 - tanh^2 and s(1 - s) lose all digits; ours keep 1e-14."""
    for u in (0.3, 5.0, 30.0, -30.0, 300.0):
        with mpmath.workdps(60):
            ref_sech2 = 1 / mpmath.cosh(u) ** 2
            s, sm = 1 / (1 + mpmath.exp(-u)), 1 / (1 + mpmath.exp(u))
            ref_ss = s * sm
            ref_s2 = ref_ss * (sm - s)
        _, d1, _ = np_phi_family(np.array(u), 1.0, 0.0)
        _, ds1, ds2, _ = np_sigma_family(np.array(u), 1.0, 0.0)
        assert abs(float(d1) / float(ref_sech2) - 1) < 1e-13
        assert abs(float(ds1) / float(ref_ss) - 1) < 1e-13
        assert abs(float(ds2) / float(ref_s2) - 1) < 1e-12
        with mpmath.workdps(30):
            _, m1, _ = mp_phi_family(mpmath.mpf(u), 1, 0)
            _, ms1, _, _ = mp_sigma_family(mpmath.mpf(u), 1, 0)
            assert abs(m1 / ref_sech2 - 1) < mpmath.mpf("1e-28")
            assert abs(ms1 / ref_ss - 1) < mpmath.mpf("1e-28")


def test_two_dimensional_average_against_gauss_hermite_product_rule():
    """Oracle: a 300 x 300 Gauss-Hermite product rule (smooth integrands: converged to ~1e-14).
    Limits c = 0 -> <f>^2 and c = D -> <f^2> hold by construction and are checked with it."""
    x, w = np.polynomial.hermite_e.hermegauss(300)
    w = w / w.sum()
    D = 0.7
    for f, wd, cen in ((lambda y: np.tanh(1.7 * y + 0.3), pole_width("tanh", 1.7), -0.3 / 1.7),
                       (lambda y: 1 / (1 + np.exp(-(4.0 * y + 0.2))), pole_width("sigmoid", 4.0), -0.05)):
        C = np.array([0.0, 0.2, 0.5, 0.69, 0.7])
        v, vc = gaussian_average_2d(f, D, C, center=cen, width=wd, level=4)
        for ci, vi in zip(C, v):
            rho = ci / D
            y1 = np.sqrt(D) * x[:, None]
            y2 = np.sqrt(D) * (rho * x[:, None] + np.sqrt(1 - rho ** 2) * x[None, :])
            ref = np.sum(w[:, None] * w[None, :] * f(y1) * f(y2))
            assert abs(vi - ref) < 1e-12


def test_two_dimensional_average_mpmath_against_float_and_limits():
    """Oracles: the float64 nested rule (1e-13) at c = 0.3 D; at c = 0 the mp result must equal the
    square of an independent 1-D mpmath.quad average (1e-28 at 30 digits)."""
    a, b, D = mpmath.mpf(6), mpmath.mpf("0.4"), mpmath.mpf("0.5")
    f = lambda y: 1 / (1 + mpmath.exp(-(a * y + b)))  # noqa: E731
    kw = dict(center=-b / a, width=mpmath.pi / a)
    r = gaussian_average_2d(f, D, D * mpmath.mpf("0.3"), dps=14, **kw)
    v, _ = gaussian_average_2d(lambda y: 1 / (1 + np.exp(-(6.0 * y + 0.4))), 0.5, np.array([0.15]),
                               center=-0.4 / 6, width=np.pi / 6, level=5)
    assert abs(float(r.value[0]) - v[0]) < 1e-13
    r0 = gaussian_average_2d(f, D, 0, dps=30, **kw)
    with mpmath.workdps(45):
        m = mpmath.quad(lambda x: f(mpmath.sqrt(D) * x) * mpmath.npdf(x), [-mpmath.inf, -b / a / mpmath.sqrt(D), mpmath.inf])
        assert abs(r0.value[0] - m * m) < mpmath.mpf("1e-28")


def test_rejects_negative_variance():
    with pytest.raises(ParameterError, match="variance"):
        gaussian_average(lambda y: y * y, -1.0)
    with pytest.raises(ParameterError, match="variance"):
        gaussian_average(lambda y: y * y, -1, dps=20)
