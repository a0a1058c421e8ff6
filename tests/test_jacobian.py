"""The analytic Jacobian against central finite differences of the simulator's right-hand side.

Tolerance: central differences with step eps have truncation error ~ eps^2 |f'''|
and rounding error ~ 1e-16 |f| / eps; with eps = 1e-6 both are below 1e-7 for
O(1) derivatives. For large alpha the gate derivative is ~ alpha/4 and its
third derivative ~ alpha^3, so eps is scaled down by alpha and the tolerance
is relative to the largest entry.
"""
import numpy as np
import pytest
from scipy.special import expit

from gatetheory import GateParams
from gatetheory.network import (Network, apply_jacobian, dgate, gate, jacobian, jacobian_trace,
                                 linearise)


def fd_jacobian(net, x, eps):
    cols = [(net.rhs(0.0, x + eps * e) - net.rhs(0.0, x - eps * e)) / (2 * eps) for e in np.eye(net.dim)]
    return np.array(cols).T


CASES = [
    GateParams(g_h=2.0),
    GateParams(g_h=3.0, beta_h=0.4, alpha_z=5, beta_z=-0.3, alpha_r=2, beta_r=0.7, tau_z=2.0, tau_r=0.3),
    GateParams(g_h=1.5, alpha_z=1e3, alpha_r=1e3, beta_r=1.0),
]


@pytest.mark.parametrize("params", CASES, ids=["plain", "biased", "alpha1e3"])
def test_jacobian_matches_finite_differences(params, rng):
    n = 30
    net = Network(params, n, seed=3, Ih=0.2 * rng.standard_normal(n), Iz=0.1, Ir=-0.1)
    big = max(params.alpha_z, params.alpha_r, 1.0)
    # at alpha = 1e3 put the gate arguments in their O(1/alpha) transition region so sigma' matters
    x = rng.standard_normal(3 * n) / (big if big > 10 else 1.0)
    eps = 1e-6 / big
    D, Dfd = jacobian(net, x), fd_jacobian(net, x, eps)
    scale = np.abs(D).max()
    assert np.abs(D - Dfd).max() < 1e-6 * scale
    if params.alpha_z > 0:  # the h-z block is exercised (off a fixed point)
        assert np.abs(D[:n, n:2 * n]).max() > 0


def test_structured_product_and_trace(rng):
    """apply_jacobian and jacobian_trace agree with the dense matrix to rounding."""
    net = Network(CASES[1], 40, seed=1, Ih=0.3)
    x = rng.standard_normal(net.dim)
    D = jacobian(net, x)
    Q = rng.standard_normal((net.dim, 5))
    assert np.allclose(apply_jacobian(net, linearise(net, x), Q), D @ Q, rtol=1e-12, atol=1e-12)
    assert jacobian_trace(net, x) == pytest.approx(np.trace(D), rel=1e-12)


def test_gates_do_not_overflow_at_large_alpha():
    """alpha = 1e3 and beyond: no overflow warnings, values in [0, 1], derivative finite and symmetric."""
    u = np.linspace(-5, 5, 1001)
    with np.errstate(all="raise"):
        s = gate(u, 1e3, 0.0)
        ds = dgate(u, 1e3, 0.0)
        gate(u, 1e6, 0.0), dgate(u, 1e6, 0.0)
    assert np.all((s >= 0) & (s <= 1)) and np.all(np.isfinite(ds))
    assert np.allclose(ds, ds[::-1], rtol=1e-12, atol=0)


def test_gate_derivative_no_cancellation():
    """dgate at large arguments keeps full relative accuracy (1 - s would cancel): compare with the
    exact form alpha * exp(-u) / (1 + exp(-u))^2 evaluated in log space."""
    u = np.array([10.0, 30.0, 40.0, 200.0])
    exact = np.exp(-u - 2 * np.log1p(np.exp(-u)))
    assert np.allclose(dgate(u, 1.0, 0.0), exact, rtol=1e-13)
    assert np.allclose(gate(-u, 1.0, 0.0), expit(-u), rtol=1e-15)
