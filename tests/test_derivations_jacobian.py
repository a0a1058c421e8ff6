"""The derived Jacobian blocks against finite differences of the simulator's rhs.

Oracle: central finite differences of ``gatetheory.network.model.Network.rhs`` (independent code).
Tolerance: central differences with step 1e-6 have truncation error ~ step^2 * |f'''| ~ 1e-12 and
round-off ~ 1e-16/1e-6 = 1e-10 per entry; we allow 1e-7 absolute, far above both and far below
the O(1e-2 .. 1) size of the entries, so a wrong block or sign fails.
"""
import numpy as np
import pytest

from gatetheory.network.model import Network
from gatetheory.params import GateParams
from gatetheory.symbolic import get


def assemble_jacobian(net, x):
    """Dense 3N x 3N Jacobian from the registry's per-unit block vectors (test helper)."""
    p, n = net.params, net.n
    h, z, r = net.split(x)
    _, sr, _, a, _ = net.local_fields(x)
    b = a - h + (net.Ih if net.Ih is not None else 0.0)
    blocks = get("jacobian-blocks").numpy(h, z, r, b, p.g_h, p.beta_h, p.alpha_z, p.beta_z,
                                         p.alpha_r, p.beta_r, p.tau_z, p.tau_r)
    blocks = [np.broadcast_to(v, (n,)) for v in blocks]
    hh_d, hh_l, hh_r, hz_d, hr_l, hr_r, zh_r, zz_d, rh_r, rr_d = blocks
    D = np.zeros((3 * n, 3 * n))
    H, Z, R = slice(0, n), slice(n, 2 * n), slice(2 * n, 3 * n)
    D[H, H] = np.diag(hh_d) + hh_l[:, None] * net.Jh * hh_r[None, :]
    D[H, Z] = np.diag(hz_d)
    D[H, R] = hr_l[:, None] * net.Jh * hr_r[None, :]
    D[Z, H] = net.Jz * zh_r[None, :]
    D[Z, Z] = np.diag(zz_d)
    D[R, H] = net.Jr * rh_r[None, :]
    D[R, R] = np.diag(rr_d)
    return D


def fd_jacobian(net, x, step=1e-6):
    cols = []
    for k in range(x.size):
        e = np.zeros_like(x)
        e[k] = step
        cols.append((net.rhs(0.0, x + e) - net.rhs(0.0, x - e)) / (2 * step))
    return np.array(cols).T


@pytest.mark.parametrize("params", [
    GateParams(g_h=2.3, beta_h=0.4, alpha_z=3.0, beta_z=-0.7, alpha_r=5.0, beta_r=0.6, tau_z=2.0, tau_r=0.5),
    GateParams(g_h=1.1, alpha_z=0.0, alpha_r=0.0),
])
def test_jacobian_blocks_match_finite_differences(params):
    """Every entry of the derived 3N x 3N Jacobian at a random state (with input Ih, so the
    d(dh/dt)/dz block is nonzero) equals the finite-difference Jacobian of Network.rhs."""
    rng = np.random.default_rng(1)
    net = Network(params, n=12, seed=3, Ih=rng.normal(size=12), Iz=0.3, Ir=-0.2)
    x = net.initial_state(seed=2, scale=0.8)
    D = assemble_jacobian(net, x)
    D_fd = fd_jacobian(net, x)
    assert np.max(np.abs(D - D_fd)) < 1e-7
    if params.alpha_z > 0:  # the hz block is exercised (it is zero when sigma_z is constant)
        assert np.max(np.abs(D[:12, 12:24])) > 1e-3


def test_hz_block_vanishes_at_fixed_point():
    """At a fixed point the bracket is zero, so d(dh/dt)/dz = 0 (derived); the finite-difference
    Jacobian of the simulator at a numerically converged fixed point agrees (atol 1e-7, as above
    plus the residual 1e-10 of the fixed point times |sigma_z'| <= alpha_z/4)."""
    params = GateParams(g_h=1.5, beta_h=0.5, alpha_z=2.0, alpha_r=1.0, tau_z=1.0, tau_r=1.0)
    net = Network(params, n=20, seed=5)
    from scipy.optimize import root
    sol = root(lambda x: net.rhs(0.0, x), net.initial_state(seed=1, scale=0.1), tol=1e-13)
    assert np.max(np.abs(net.rhs(0.0, sol.x))) < 1e-10
    D_fd = fd_jacobian(net, sol.x)
    assert np.max(np.abs(D_fd[:20, 20:40])) < 1e-7
    assert np.max(np.abs(assemble_jacobian(net, sol.x) - D_fd)) < 1e-7
