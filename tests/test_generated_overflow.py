"""The shipped NumPy callables stay finite at saturating arguments (issue 13, item 4).

Oracle: the shipped mpmath callable of the same expression at 50 digits (no overflow there: mpmath
exponents are unbounded), and for the spectral curve at lambda = 0 its exact value there, the
stability function fp-stability - 1 (A = 1 for every sigma_z > 0), with the averages by mpmath quad.
Tolerances: rtol 1e-10 against mpmath, the float64 rounding of a few dozen operations with margin.
Every check runs under -W error::RuntimeWarning (set in the module's pytestmark).
"""
import mpmath
import numpy as np
import pytest

from gatetheory.symbolic import get

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _mp(name, *args):
    with mpmath.workdps(50):
        v = get(name).mpmath(*[mpmath.mpf(a) for a in args])
        return float(v)


@pytest.mark.parametrize("beta_r", [-30.0, 0.0, 30.0, 400.0, 1e4])
@pytest.mark.parametrize("name,args", [("bias-linear-response", (0.01, 0.02, 1.0)),
                                       ("bias-linear-response-a2", (1.0,)),
                                       ("bias-linear-response-slope", (1.0,))])
def test_bias_response_finite_where_mpmath_is(name, args, beta_r):
    """beta_r = 400 used to give NaN (exp(3 beta_r) = inf times 0)."""
    got = get(name).numpy(*args, beta_r)
    want = _mp(name, *args, beta_r)
    assert np.isfinite(got) and got == pytest.approx(want, rel=1e-10)


@pytest.mark.parametrize("w", [-1e4, -800.0, -50.0, 0.0, 50.0, 800.0, 1e4])
def test_gates_saturate_without_overflow(w):
    """sigma and sigma' at alpha x + beta up to |1e4| equal mpmath's (0, 1 or tiny), never NaN."""
    for name in ("sigma", "dsigma"):
        got = get(name).numpy(w, 1.0, 0.0)
        want = _mp(name, w, 1.0, 0.0)
        assert np.isfinite(got) and got == pytest.approx(want, rel=1e-12, abs=1e-300), name


def _avg(f, D):
    """<f(sqrt(D) x)>, x ~ N(0, 1), by mpmath quad at 30 digits (an independent quadrature)."""
    with mpmath.workdps(30):
        sd = mpmath.sqrt(D)
        return float(mpmath.quad(lambda t: f(sd * t) * mpmath.exp(-t**2 / 2), [-mpmath.inf, 0, mpmath.inf])
                     / mpmath.sqrt(2 * mpmath.pi))


@pytest.mark.parametrize("alpha_z", [30.0, 100.0, 1000.0])
def test_spectral_curve_at_zero_is_stability(alpha_z):
    """spectral_curve_value at lambda = 0 equals <phi'^2>(<sigma_r^2> + <phi^2><sigma_r'^2>) - 1 (A = 1),
    here at g_h = 3, alpha_r = 1 (it was NaN for alpha_z >= 30: sigma_z rounded to 0, then 0/0)."""
    from gatetheory.meanfield.fixed_points import fixed_point_variances
    from gatetheory.meanfield.spectrum import spectral_curve_value
    from gatetheory.params import GateParams

    p = GateParams(g_h=3.0, alpha_z=alpha_z, alpha_r=1.0)
    fp = fixed_point_variances(p)[-1]
    Dh, Dz, Dr = fp.Delta_h, fp.Delta_z, fp.Delta_r
    g, ar = mpmath.mpf(p.g_h), mpmath.mpf(p.alpha_r)
    sr = lambda u: 1 / (1 + mpmath.exp(-ar * u))  # noqa: E731
    dphi2 = _avg(lambda u: (g * (1 - mpmath.tanh(g * u) ** 2)) ** 2, Dh)
    phi2 = _avg(lambda u: mpmath.tanh(g * u) ** 2, Dh)
    sr2 = _avg(lambda u: sr(u) ** 2, Dr)
    dsr2 = _avg(lambda u: (ar * sr(u) * (1 - sr(u))) ** 2, Dr)
    want = dphi2 * (sr2 + phi2 * dsr2) - 1
    got = float(spectral_curve_value(p, (Dh, Dz, Dr), 0.0))
    assert np.isfinite(got) and got == pytest.approx(want, rel=1e-8, abs=1e-10)


def test_spectral_integrand_A_limits():
    """The A integrand at alpha_z x = -1e4 (sigma_z = 0 in float64): 1 at lambda = 0, 0 elsewhere."""
    integ = get("spectral-curve-integrands").numpy
    base = (1.0, 1.0, 1.0, 2.0, 0.0, 1000.0, 0.0, 1.0, 0.0)
    assert integ(-10.0, 0.0, 0.0, *base)[0] == 1.0
    assert integ(-10.0, 0.1, 0.0, *base)[0] == 0.0
