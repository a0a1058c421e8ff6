"""Fixed-point finder: converges to the state the dynamics settles on; reports failure honestly."""
import numpy as np

from gatetheory import GateParams
from gatetheory.network import Network, find_fixed_point, simulate


def test_newton_reaches_simulated_fixed_point():
    """Oracle: a long simulation (t = 200, leading eigenvalue about -0.16, so it ends within ~1e-13 of the
    fixed point); Newton from the state at t = 20 must land on it with residual < 1e-12."""
    p = GateParams(g_h=1.4, beta_h=0.5, alpha_z=1.0, alpha_r=2.0, beta_r=0.5)
    net = Network(p, 100, seed=4, Ih=0.1, Ir=0.2)
    x0 = net.initial_state(0)
    early = simulate(net, x0, 20.0, dt=0.1).final
    late = simulate(net, x0, 200.0, dt=0.1).final
    fp = find_fixed_point(net, early)
    assert fp.converged and fp.residual < 1e-12
    assert np.abs(fp.x - late).max() < 1e-7


def test_failure_is_reported():
    net = Network(GateParams(g_h=4.0, alpha_r=3.0), 60, seed=1)
    fp = find_fixed_point(net, net.initial_state(3), maxiter=1)
    assert not fp.converged and "maxiter" in fp.message and fp.residual > 1e-6
    assert fp.status == "not-converged" and fp.to_dict()["converged"] is False


def test_transient_time():
    """Below g_h = 2 (alpha_r = 0) trajectories reach the zero fixed point (variance < 1e-6) well before
    t_max; in the chaotic phase (g_h = 4) they do not within t_max = 50."""
    import pytest

    from gatetheory import ParameterError
    from gatetheory.network import transient_time

    net = Network(GateParams(g_h=1.5), 100, seed=0)
    tr = transient_time(net, net.initial_state(0), t_max=200.0, dt=0.1)
    assert tr.reached and tr.time < 200.0 and np.var(tr.x[:100]) < 1e-6
    chaotic = Network(GateParams(g_h=4.0), 100, seed=0)
    tc = transient_time(chaotic, chaotic.initial_state(0), t_max=50.0, dt=0.1)
    assert not tc.reached and tc.time == 50.0
    with pytest.raises(ParameterError, match="criterion"):
        transient_time(net, net.initial_state(0), criterion="energy")
