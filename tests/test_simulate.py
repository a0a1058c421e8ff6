"""The integrator: reproducibility, batching, order of accuracy, adaptive cross-check, float32."""
import numpy as np
import pytest

from gatetheory import GateParams, ParameterError
from gatetheory.network import Network, simulate

P = GateParams(g_h=3.0, alpha_z=2.0, alpha_r=1.0, beta_h=0.1)


def test_reproducible_from_seed():
    runs = []
    for _ in range(2):
        net = Network(P, 60, seed=11)
        runs.append(simulate(net, net.initial_state(5), 5.0, dt=0.05).x)
    assert np.array_equal(runs[0], runs[1])


def test_batch_equals_single_to_rounding():
    """A batch integrates as matrix-matrix products; each column must match its single run to
    rounding (different BLAS kernels sum in different orders: 1e-12 relative over 100 steps)."""
    net = Network(P, 80, seed=2, Ih=np.linspace(-0.2, 0.2, 80))
    xb = net.initial_state(3, batch=5)
    tb = simulate(net, xb, 5.0, dt=0.05, record_every=1.0)
    for b in range(5):
        ts = simulate(net, xb[b], 5.0, dt=0.05, record_every=1.0)
        assert np.allclose(tb.x[:, b], ts.x, rtol=1e-12, atol=1e-12)
    assert tb.x.shape == (6, 5, 240)


def test_rk4_fourth_order_against_dop853():
    """Oracle: SciPy DOP853 at rtol 1e-12. Halving dt must cut the RK4 error by 2^4 = 16 (band 10-22)."""
    net = Network(P, 40, seed=4, Ih=0.1)
    x0 = net.initial_state(9)
    ref = simulate(net, x0, 4.0, method="DOP853", rtol=1e-12, atol=1e-12, record_every=4.0).final
    errs = [np.abs(simulate(net, x0, 4.0, dt=dt, record_every=4.0).final - ref).max() for dt in (0.2, 0.1, 0.05)]
    ratios = [errs[0] / errs[1], errs[1] / errs[2]]
    assert all(10 < r < 22 for r in ratios), (errs, ratios)


def test_time_dependent_input_matches_adaptive():
    """A sinusoidal input (callable) with RK4 at dt 0.01 against DOP853: agreement to 1e-7."""
    net = Network(P, 30, seed=5, Ih=lambda t: 0.5 * np.sin(t) * np.ones(30), Iz=lambda t: np.full(30, np.cos(t)))
    x0 = net.initial_state(1)
    a = simulate(net, x0, 3.0, dt=0.01, record_every=0.5)
    b = simulate(net, x0, 3.0, method="DOP853", rtol=1e-11, atol=1e-11, record_every=0.5)
    assert np.allclose(a.t, b.t) and np.abs(a.x - b.x).max() < 1e-7


def test_float32_close_to_float64():
    """float32 couplings and state: over a short (non-chaotic-divergence) window of 2 time units the
    difference stays at the float32 rounding level amplified by at most ~100."""
    n = 100
    x64 = Network(P, n, seed=6)
    x32 = Network(P, n, seed=6, dtype=np.float32)
    x0 = x64.initial_state(2)
    a = simulate(x64, x0, 2.0, dt=0.05).final
    b = simulate(x32, x0.astype(np.float32), 2.0, dt=0.05).final
    assert b.dtype == np.float32
    assert np.abs(a - b).max() < 100 * np.finfo(np.float32).eps * np.abs(a).max()


def test_strided_recording_and_bad_arguments():
    net = Network(P, 10, seed=0)
    tr = simulate(net, net.initial_state(0), 10.0, dt=0.1, record_every=2.0)
    assert tr.x.shape == (6, 30) and np.allclose(tr.t, np.arange(0, 11, 2.0)) and tr.n_rhs == 400
    with pytest.raises(ParameterError, match="record_every"):
        simulate(net, net.initial_state(0), 10.0, dt=0.1, record_every=0.25)
    with pytest.raises(ParameterError, match="dt = -0.1 is out of range"):
        simulate(net, net.initial_state(0), 1.0, dt=-0.1)
    with pytest.raises(ParameterError, match="x0 has shape"):
        simulate(net, np.zeros(7), 1.0)


def test_rk8_high_order_and_batched():
    """rk8 (DOP853 tableau, fixed step): halving dt from 0.6 to 0.3 cuts the error against DOP853 at
    rtol 1e-12 by more than 2^6 (order 8 expected; the lower bound allows pre-asymptotic error), and a
    batch matches single runs to rounding."""
    net = Network(P, 40, seed=4, Ih=0.1)
    x0 = net.initial_state(9)
    ref = simulate(net, x0, 6.0, method="DOP853", rtol=1e-13, atol=1e-13, record_every=6.0).final
    e1, e2 = (np.abs(simulate(net, x0, 6.0, dt=dt, method="rk8", record_every=6.0).final - ref).max()
              for dt in (0.6, 0.3))
    assert e1 / e2 > 64, (e1, e2)
    xb = net.initial_state(1, batch=3)
    tb = simulate(net, xb, 3.0, dt=0.5, method="rk8")
    assert np.allclose(tb.final[1], simulate(net, xb[1], 3.0, dt=0.5, method="rk8").final, rtol=1e-12, atol=1e-12)
    assert tb.n_rhs == 12 * 6
    with pytest.raises(ParameterError, match="method = 'euler' is unknown"):
        simulate(net, x0, 1.0, method="euler")
