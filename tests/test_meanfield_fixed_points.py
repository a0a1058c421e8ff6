"""Static mean-field fixed points: all roots, their precision, and an independent Gauss-Hermite oracle."""
import mpmath
import numpy as np
import pytest
from scipy.optimize import brentq
from scipy.special import roots_hermitenorm

from gatetheory.meanfield.fixed_points import fixed_point_variances
from gatetheory.params import GateParams, ParameterError

X, W = roots_hermitenorm(400)
W = W / W.sum()


def gh_residual(D, p, s_h=0.0, s_r=0.0):
    """Independent oracle: C26-C30 typed from docs/conventions.md section 3, 400-node Gauss-Hermite
    (accurate to ~1e-13 when alpha_r sqrt(Delta_r) <~ 5)."""
    phi2 = np.sum(W * np.tanh(p.g_h * np.sqrt(D) * X + p.beta_h) ** 2)
    Dr = phi2 + s_r ** 2
    sr2 = _sr2(p, Dr)
    return D - phi2 * sr2 - s_h ** 2


@pytest.mark.parametrize("p,s_h,s_r", [
    (GateParams(g_h=1.8, alpha_r=12.0), 0.0, 0.0),
    (GateParams(g_h=1.5, beta_h=0.3, alpha_r=5.0, beta_r=0.5), 0.2, 0.1),
    (GateParams(g_h=3.0, alpha_r=2.0, beta_r=-0.5), 0.0, 0.0),
])
def test_all_roots_match_independent_gauss_hermite(p, s_h, s_r):
    """Oracle: sign changes of the Gauss-Hermite residual on a fine grid, each refined by brentq.
    Same number of positive roots; values agree to 1e-8 relative: n-node Gauss-Hermite converges
    like exp(-d sqrt(2n)) with d = pi/(alpha_r sqrt(Delta_r)) the logistic's pole distance, about
    5e-9 for alpha_r = 12 (the mapped rule under test is good to 1e-15 there)."""
    grid = np.concatenate([np.geomspace(1e-9, 1e-2, 200), np.linspace(1e-2, 1 + s_h ** 2, 800)])
    F = np.array([gh_residual(D, p, s_h, s_r) for D in grid])
    idx = np.nonzero(np.sign(F[:-1]) * np.sign(F[1:]) < 0)[0]
    ref = [brentq(gh_residual, grid[i], grid[i + 1], args=(p, s_h, s_r), xtol=1e-15) for i in idx]
    sols = [s for s in fixed_point_variances(p, input_std_h=s_h, input_std_r=s_r) if s.Delta_h > 0]
    assert len(sols) == len(ref) >= 1
    for s, r in zip(sols, ref):
        assert abs(s.Delta_h / r - 1) < 1e-8
        assert abs(s.Delta_r - (s.Delta_h - s_h ** 2) / _sr2(p, s.Delta_r) - s_r ** 2) < 1e-7


def _sr2(p, Dr):
    with np.errstate(over="ignore"):
        return np.sum(W / (1 + np.exp(-(p.alpha_r * np.sqrt(Dr) * X + p.beta_r))) ** 2)


def test_three_solutions_appear_with_alpha_r_and_zero_is_reported():
    """No bias, g_h = 1.8 < 2: zero is a solution and stable (H1); at large alpha_r two more
    appear (oracle: GH sign-change count at alpha_r = 1 and 30); the new ones are unstable."""
    for a in (1.0, 30.0):
        p = GateParams(g_h=1.8, alpha_r=a)
        grid = np.concatenate([np.geomspace(1e-9, 1e-2, 200), np.linspace(1e-2, 1, 500)])
        F = np.array([gh_residual(D, p) for D in grid])
        n_ref = int(np.sum(np.sign(F[:-1]) * np.sign(F[1:]) < 0))
        sols = fixed_point_variances(p)
        assert sols[0].Delta_h == 0 and sols[0].stable
        assert len(sols) - 1 == n_ref
    assert n_ref == 2 and not any(s.stable for s in sols[1:])


def test_mpmath_roots_agree_between_precisions_and_with_float64():
    """Oracle: re-solve at 40 digits (the routine's own check is dps + 10 = 40 for dps = 30; here
    an explicit independent call at dps = 40 and 50). The 30-digit root must agree with the
    50-digit one to 1e-29 and with float64 to 1e-12."""
    p = GateParams(g_h=1.5, beta_h=0.3, alpha_r=5.0, beta_r=0.5)
    s30 = fixed_point_variances(p, input_std_h=0.2, dps=30)
    s50 = fixed_point_variances(p, input_std_h=0.2, dps=50)
    sf = fixed_point_variances(p, input_std_h=0.2)
    assert len(s30) == len(s50) == len(sf) == 1
    assert s30[0].digits >= 29
    assert abs(s30[0].Delta_h / s50[0].Delta_h - 1) < mpmath.mpf("1e-29")
    assert abs(float(s30[0].Delta_h) / sf[0].Delta_h - 1) < 1e-12
    assert abs(float(s30[0].edge) / sf[0].edge - 1) < 1e-12


def test_rejects_negative_input_std():
    with pytest.raises(ParameterError, match="input_std_h = -0.1"):
        fixed_point_variances(GateParams(), input_std_h=-0.1)
