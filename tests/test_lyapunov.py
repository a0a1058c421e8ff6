"""Lyapunov spectra: invariants and exact limits as oracles."""
import numpy as np
import pytest

from gatetheory import GateParams, ParameterError
from gatetheory.network import (Network, find_fixed_point, jacobian_eigenvalues, kaplan_yorke_dimension,
                                 lyapunov_spectrum, simulate)

CHAOTIC = GateParams(g_h=4.0, alpha_z=2.0, alpha_r=2.0, beta_h=0.1, tau_z=0.7, tau_r=1.3)


@pytest.mark.parametrize("params", [CHAOTIC, GateParams(g_h=3.0)], ids=["gated", "constant-gates"])
def test_sum_rule_full_spectrum(params):
    """Oracle: with k = 3N the exponents sum to the time average of tr D along the trajectory (Liouville).
    Both sides are accumulated from the same RK4 steps; the difference is the RK4 error of log det,
    O(dt^4) per unit time: at dt = 0.1 and N = 20 it is below 1e-5 relative."""
    net = Network(params, 20, seed=1)
    spec = lyapunov_spectrum(net, 60.0, dt=0.1, t_transient=10.0, seed=2)
    assert spec.exponents.shape == (60,)
    assert abs(spec.exponents.sum() - spec.trace_mean) < 1e-5 * abs(spec.trace_mean)
    assert np.all(np.diff(spec.exponents) <= 0)


def test_sum_rule_converges_with_dt():
    """The sum-rule defect falls at least 8x when dt halves (RK4: 16x expected)."""
    net = Network(CHAOTIC, 15, seed=3)
    defects = []
    for dt in (0.2, 0.1):
        spec = lyapunov_spectrum(net, 40.0, dt=dt, t_transient=0.0, seed=4)
        defects.append(abs(spec.exponents.sum() - spec.trace_mean))
    assert defects[1] < defects[0] / 8, defects


def test_stable_fixed_point_exponents_are_eigenvalue_real_parts():
    """Oracle: at a stable fixed point the Lyapunov exponents are the real parts of the Jacobian's
    eigenvalues. A complex pair rotates the frame, so single exponents of a pair oscillate by
    ~log(cond)/T; partial sums over complete pairs do not. Tolerance: 5e-3 at T = 400 on partial sums
    taken where no pair is split."""
    params = GateParams(g_h=1.5, alpha_z=2.0, alpha_r=1.0, beta_h=0.3)
    net = Network(params, 50, seed=1)
    fp = find_fixed_point(net, simulate(net, net.initial_state(1), 60.0, dt=0.1).final)
    assert fp.converged and fp.residual < 1e-12
    ev = jacobian_eigenvalues(net, fp.x)[:6]
    assert ev[0].real < 0
    spec = lyapunov_spectrum(net, 400.0, k=6, dt=0.1, t_transient=20.0, x0=fp.x, seed=0)
    # indices after which no complex pair is split
    whole = [k for k in range(1, 7) if k == 6 or not np.isclose(ev[k - 1].real, ev[k].real, rtol=1e-9)]
    for k in whole:
        assert abs(spec.exponents[:k].sum() - ev[:k].real.sum()) < 5e-3 * k


def test_largest_exponents_stable_under_halving_dt():
    """Halving dt changes lambda_1..3 by less than 4 combined standard errors + 2e-3 (the chaotic
    trajectories differ, so agreement is statistical)."""
    net = Network(CHAOTIC, 120, seed=5)
    a = lyapunov_spectrum(net, 200.0, k=3, dt=0.1, t_transient=30.0, seed=1)
    b = lyapunov_spectrum(net, 200.0, k=3, dt=0.05, t_transient=30.0, seed=1)
    err = 4 * np.hypot(a.stderr, b.stderr) + 2e-3
    assert np.all(np.abs(a.exponents - b.exponents) < err), (a.exponents, b.exponents, err)
    assert a.lambda_max > 0


def test_constant_gate_shortcut_matches_full_integration():
    """alpha_z = alpha_r = 0 integrates only h and appends -1/tau_z, -1/tau_r; alpha_r = 1e-300 forces
    the full 3N path with the same dynamics but a different initial frame, so the top exponents agree
    statistically: within 4 combined standard errors + 5e-3 (finite-time frame bias ~ 1/T) at T = 300."""
    p = GateParams(g_h=3.0, tau_z=0.5, tau_r=2.0)
    a = lyapunov_spectrum(Network(p, 30, seed=2), 300.0, dt=0.1, t_transient=20.0, seed=3)
    b = lyapunov_spectrum(Network(p.replace(alpha_r=1e-300), 30, seed=2), 300.0, dt=0.1, t_transient=20.0, seed=3)
    tol = 4 * np.hypot(a.stderr, b.stderr)[:10] + 5e-3
    assert np.all(np.abs(a.exponents[:10] - b.exponents[:10]) < tol)
    assert np.count_nonzero(a.exponents == -2.0) == 30 and np.count_nonzero(a.exponents == -0.5) == 30


def test_tol_stops_early():
    net = Network(GateParams(g_h=1.2, alpha_z=1.0), 20, seed=0)
    spec = lyapunov_spectrum(net, 5000.0, k=2, dt=0.2, t_ons=1.0, tol=1e-3, seed=0)
    assert spec.status == "ok" and "converged" in spec.message and spec.t < 5000 and spec.stderr[0] < 1e-3
    assert spec.history.shape == (spec.n_renorm, 2)
    short = lyapunov_spectrum(net, 30.0, k=2, dt=0.2, t_ons=1.0, tol=1e-9, seed=0)
    assert short.status == "not-converged" and "raise t_total" in short.message and short.t == 30.0
    assert short.to_dict()["status"] == "not-converged"


def test_kaplan_yorke():
    """Eq. 9 on hand-checkable spectra: [1, 0, -2] -> 2 + 1/2; all negative -> 0; too few -> error."""
    assert kaplan_yorke_dimension([1.0, 0.0, -2.0]) == pytest.approx(2.5)
    assert kaplan_yorke_dimension([0.5, -1.0, -3.0]) == pytest.approx(1.5)
    assert kaplan_yorke_dimension([-0.1, -1.0]) == 0.0
    with pytest.raises(ParameterError, match="compute more exponents"):
        kaplan_yorke_dimension([0.3, 0.1])


def test_bad_arguments():
    net = Network(GateParams(), 5)
    with pytest.raises(ParameterError, match="k = 16 is out of range"):
        lyapunov_spectrum(net, 10.0, k=16)
    with pytest.raises(ParameterError, match="t_ons = 0.15"):
        lyapunov_spectrum(net, 10.0, dt=0.1, t_ons=0.15)
    # times are refused, not rounded (5.5 used to run 6 renormalisation intervals, 0.3 one)
    with pytest.raises(ParameterError, match="t_total = 5.5 is not a whole multiple of t_ons = 1.0; allowed: a "
                                             "multiple such as 5 or 6"):
        lyapunov_spectrum(net, 5.5)
    with pytest.raises(ParameterError, match="t_total = 0.3 is out of range"):
        lyapunov_spectrum(net, 0.3)
    with pytest.raises(ParameterError, match="t_transient = 2.5"):
        lyapunov_spectrum(net, 5.0, t_transient=2.5)
    with pytest.raises(ParameterError, match="t_transient = -1"):
        lyapunov_spectrum(net, 5.0, t_transient=-1.0)
