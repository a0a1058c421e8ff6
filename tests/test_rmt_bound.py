"""The App. F random-matrix estimate of lambda_max (gatetheory.dmft.rmt_bound), against sampled random
matrices, the DMFT eigenvalue problem and its own large-t expansion."""
import numpy as np
import pytest
import scipy.linalg
from scipy.special import i0

from gatetheory import GateParams, ParameterError
from gatetheory.dmft.lyapunov import dmft_lambda_max
from gatetheory.dmft.moments import solve_moment_equations
from gatetheory.dmft.rmt_bound import rainbow_moment_h, rmt_lyapunov

VANILLA = dict(beta_z=30.0, beta_r=30.0)  # sigma_z = sigma_r = 1 - 1e-13: the classical network


def _mean_and_se(values):
    v = np.asarray(values)
    return v.mean(), v.std(ddof=1) / np.sqrt(v.size)


def test_rainbow_resummation_against_sampled_matrices():
    """(1/N) tr exp(J R) exp(J R)^T for a fixed diagonal R, averaged over 4 draws of J (N = 500, iid
    N(0, 1/N)), against I_0(2 sqrt(mean R^2)) (rainbow diagrams, leading order in N). Tolerance: 3 standard
    errors of the draw mean plus 5/N relative (the O(1/N) correction, measured at +0.8% = 2/N at N = 250).
    A non-rainbow resummation, e.g. exp(m) = 4.5 here instead of 2.4, fails by far."""
    rng = np.random.default_rng(1)
    N = 500
    R = rng.uniform(0.5, 1.5, N)
    vals = []
    for _ in range(4):
        J = rng.standard_normal((N, N)) / np.sqrt(N)
        E = scipy.linalg.expm(J * R[None, :])
        vals.append(np.sum(E ** 2) / N)
    mean, se = _mean_and_se(vals)
    theory = i0(2 * np.sqrt(np.mean(R ** 2)))
    log_a, _ = rainbow_moment_h(np.mean(R ** 2), 0.0, 1.0)  # Q = 0: the gated formula reduces to I_0
    assert np.exp(log_a) == pytest.approx(theory, rel=1e-12)
    assert abs(mean - theory) < 3 * se + 5 / N * theory, (mean, se, theory)


def test_transfer_matrix_moment_against_sampled_block_matrix():
    """The h block (1/N) tr [exp(X) exp(X)^T]_hh of the 2N x 2N matrix X = diag(Jh, Jr) [[A, Q], [P, 0]]
    (diagonal blocks with fixed random entries, N = 300, 4 draws) against the transfer-matrix
    resummation with g_X = mean X^2. Tolerance as in the scalar test: 3 standard errors + 5/N relative.
    The Q-P feedback changes the moment by ~20% here, so dropping it would fail."""
    rng = np.random.default_rng(2)
    N = 300
    A, Q, P = rng.uniform(0.5, 1.2, N), rng.uniform(0.3, 0.9, N), rng.uniform(0.5, 1.5, N)
    vals = []
    for _ in range(4):
        Jh, Jr = (rng.standard_normal((N, N)) / np.sqrt(N) for _ in range(2))
        X = np.block([[Jh * A[None, :], Jh * Q[None, :]], [Jr * P[None, :], np.zeros((N, N))]])
        E = scipy.linalg.expm(X)[:N]
        vals.append(np.sum(E ** 2) / N)
    mean, se = _mean_and_se(vals)
    log_a, _ = rainbow_moment_h(np.mean(A ** 2), np.mean(Q ** 2), np.mean(P ** 2))
    theory = np.exp(log_a)
    no_feedback = i0(2 * np.sqrt(np.mean(A ** 2)))
    assert abs(theory - no_feedback) > 0.1 * theory
    assert abs(mean - theory) < 3 * se + 5 / N * theory, (mean, se, theory)


@pytest.fixture(scope="module")
def vanilla():
    """Noise-free moment-equation solutions of the classical network at three gains."""
    return {g: solve_moment_equations(GateParams(g_h=g, **VANILLA), dt=0.1, tau_max=40.0) for g in (1.5, 2.0, 3.0)}


@pytest.mark.parametrize("g", [1.5, 2.0, 3.0])
def test_vanilla_inequality_against_dmft(vanilla, g):
    """Variational theorem on the SCS problem (exact within DMFT at alpha_z = 0, computed independently by
    dmft_lambda_max's self-consistent root search): lambda_DMFT >= variational bound >= lambda_inf
    = -1 + sqrt(C_phi'(inf)), and the last inequality is strict. Tolerance: 3x the sum of both
    discretisation-error estimates (both are finite-difference versions of the same continuum problem)."""
    sol = vanilla[g]
    assert sol.converged
    rmt = rmt_lyapunov(sol, t=[10.0, 100.0])
    dm = dmft_lambda_max(sol, d_tau=0.25, tau_range=30.0)
    tol = 3 * (rmt.error + dm.error)
    assert rmt.variational_bound <= dm.lambda_max + tol, (rmt.variational_bound, dm.lambda_max, tol)
    assert rmt.lambda_inf <= rmt.variational_bound + tol
    assert rmt.lambda_inf < dm.lambda_max - 10 * tol  # the plateau alone misses the relaxation part
    # the vanilla limit is -1 + <phi'>: its plateau is the squared mean of phi' (a separate 1-d quadrature)
    x, w = np.polynomial.hermite_e.hermegauss(60)
    mean_dphi = np.sum(w * g / np.cosh(g * np.sqrt(sol.C_h[0]) * x) ** 2) / np.sqrt(2 * np.pi)
    assert rmt.lambda_inf == pytest.approx(-1 + mean_dphi, abs=1e-3 + rmt.error)


def test_finite_time_approaches_limit(vanilla):
    """lambda(t) against its own large-t expansion lambda_inf + [c_relax - log(4 pi sqrt(mu) t)/4 + log w/2]/t:
    the remainder t (lambda - expansion) must shrink ~1/t (a wrong relaxation coefficient leaves a
    constant): it falls by > 5x per decade between t = 1e3 and 1e5, and lambda(1e5) is within 1e-3 of the limit."""
    r = rmt_lyapunov(vanilla[2.0], t=[1e3, 1e4, 1e5])
    rem = np.abs(r.lambda_t - r.lambda_asymptotic) * r.t
    assert rem[1] < rem[0] / 5 and rem[2] < rem[1] / 5, rem
    assert abs(r.lambda_t[-1] - r.lambda_inf) < 1e-3
    assert r.relaxation_coefficient > 0 and r.tau_A > 0 and r.tau_Q == 0


def test_gated_alpha_r_zero_is_rescaled_vanilla(vanilla):
    """With alpha_r = 0, beta_r = 0 the output gate is the constant 1/2, so the (h, r) estimate of a gated
    network at g_h = 3 must equal the vanilla one at g = 1.5 (h sector), although its P block differs.
    Tolerance 1e-3: two separate moment-equation iterations converged to 1e-7."""
    gated = rmt_lyapunov(solve_moment_equations(GateParams(g_h=3.0, beta_z=30.0), dt=0.1, tau_max=40.0),
                         t=[5.0, 50.0])
    van = rmt_lyapunov(vanilla[1.5], t=[5.0, 50.0])
    assert gated.lambda_inf == pytest.approx(van.lambda_inf, abs=1e-3)
    assert np.allclose(gated.lambda_t, van.lambda_t, atol=1e-3)
    assert gated.variational_bound == pytest.approx(van.variational_bound, abs=1e-3)


def test_bad_input(vanilla):
    with pytest.raises(ParameterError, match="alpha_z"):
        rmt_lyapunov(solve_moment_equations(GateParams(g_h=3.0, alpha_z=1.0), maxiter=5))
    with pytest.raises(ParameterError, match="t = "):
        rmt_lyapunov(vanilla[2.0], t=[0.0, 1.0])
    with pytest.raises(ParameterError, match="sol = "):
        rmt_lyapunov(object())


def test_cli_json_matches_library(capsys, vanilla):
    """``gatetheory dmft-rmt --json`` (moment equations, d_tau 0.1, tau_max 40) reports the library's numbers."""
    import json

    from gatetheory.cli import main

    assert main(["dmft-rmt", "--g-h", "2", "--beta-z", "30", "--beta-r", "30", "--tau-max", "40", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    lib = rmt_lyapunov(vanilla[2.0])
    assert out["lambda_inf"] == pytest.approx(lib.lambda_inf, rel=1e-9)
    assert out["variational_bound"] == pytest.approx(lib.variational_bound, rel=1e-9)
    assert out["method"] == "moments" and out["commuting"]
