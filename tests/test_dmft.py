"""DMFT by iterative sampling and the DMFT Lyapunov exponent, against simulations of the network."""
import numpy as np
import pytest

from gatetheory import GateParams, ParameterError
from gatetheory.dmft import solve_dmft
from gatetheory.dmft.gaussian_process import autocorrelation, sample_stationary
from gatetheory.dmft.lyapunov import dmft_lambda_max
from gatetheory.network import Network, lyapunov_spectrum, simulate

QUICK = dict(method="sampling", n_replicas=2, tol=0.03, n_paths=300, dt=0.1, t_window=150.0, t_burn=30.0, tau_max=40.0, maxiter=25, n_average=3)


def test_sampler_reproduces_correlation():
    """Circulant-embedding paths of C(tau) = exp(-|tau|) + 0.1 (a constant tail) have that correlation:
    the estimate from 2000 paths x 400 points agrees within 5 standard errors (about 0.02 at lag 0)."""
    dt = 0.05
    C = np.exp(-dt * np.arange(200)) + 0.1
    x, clipped = sample_stationary(C, 400, 2000, np.random.default_rng(0))
    est = autocorrelation(x, max_lag=40)
    assert clipped < 1e-3
    assert np.abs(est - C[:41]).max() < 0.05


def test_bad_arguments():
    with pytest.raises(ParameterError, match="tau_max = 100"):
        solve_dmft(GateParams(g_h=3.0), method="sampling", tau_max=100.0, t_window=100.0)
    with pytest.raises(ParameterError, match="damping"):
        solve_dmft(GateParams(g_h=3.0), method="sampling", damping=0.0)


@pytest.fixture(scope="module")
def gated_solution():
    return solve_dmft(GateParams(g_h=4.0, alpha_r=2.0), seed=3, **QUICK)


def test_variance_matches_simulation(gated_solution):
    """C_h(0) and C_h(tau)/C_h(0) from the DMFT against population- and time-averaged autocorrelations
    of a simulated network (N = 600, two seeds, window 150 after 50). Tolerance 10% on C_h(0) and 0.1 on
    the normalised curve: finite N (~N^-1/2 = 4%) plus sampling noise of both sides."""
    sol = gated_solution
    assert sol.converged
    curves, var = [], []
    for seed in range(2):
        net = Network(sol.params, 600, seed=seed)
        tr = simulate(net, net.initial_state(seed), 200.0, dt=0.1, record_every=0.1)
        H = tr.x[500:, :600]
        c = autocorrelation(H.T, max_lag=200)
        curves.append(c / c[0])
        var.append(c[0])
    sim = np.mean(curves, axis=0)
    assert abs(sol.variance_h - np.mean(var)) < 0.1 * np.mean(var)
    theory = np.interp(0.1 * np.arange(201), sol.tau, sol.C_h / sol.C_h[0])
    assert np.abs(theory - sim).max() < 0.1


def test_lambda_max_matches_simulation(gated_solution):
    """DMFT lambda_max (Eqs. 10-11, alpha_z = 0 so Price's theorem holds) against the QR-method
    lambda_max of simulated networks (N = 500, two seeds, t = 300): within 30% (finite-size and
    finite-time deviations measured at 10-20% at this N); the discretisation error is < 1e-3 and the whole
    error, sampling included, under 10%."""
    lam = dmft_lambda_max(gated_solution)
    assert not lam.approximate and lam.error_discretisation < 1e-3 and lam.error < 0.1 * lam.lambda_max
    sims = [lyapunov_spectrum(Network(gated_solution.params, 500, seed=s), 300.0, k=1, dt=0.1, t_transient=50.0,
                              seed=s).lambda_max for s in range(2)]
    assert lam.lambda_max > 0
    assert abs(lam.lambda_max - np.mean(sims)) < 0.3 * np.mean(sims), (lam.lambda_max, sims)


def test_classical_lambda_max_reduces_to_scs():
    """Constant gates (alpha = 0): the eigenproblem is the classical Schrodinger problem with potential
    -s^2 C_sigma_r C_phi'(tau) and lambda = sqrt(-E0) - s; the self-consistent root search must agree
    with a direct symmetric ground-state solve of that potential to 1e-6."""
    import scipy.linalg

    sol = solve_dmft(GateParams(g_h=4.0), tau_max=40.0)  # moments: noise-free, so the plain value is compared
    lam = dmft_lambda_max(sol, d_tau=0.2, tau_range=30.0, resolve=False)
    tau = 0.2 * np.arange(-150, 151)
    V = -0.25 * np.interp(np.abs(tau), sol.tau, sol.C_sigma_r * sol.C_dphi)  # s^2 = sigma_z(0)^2 = 1/4
    K = tau.size
    D2 = (np.diag(np.ones(K - 1), -1) - 2 * np.eye(K) + np.diag(np.ones(K - 1), 1)) / 0.04
    E0 = scipy.linalg.eigvalsh(-D2 + np.diag(V))[0]
    assert lam.lambda_max == pytest.approx(np.sqrt(-E0) - 0.5, abs=1e-6)


def test_moment_equations_agree_with_sampling(gated_solution):
    """Two DMFT methods at alpha_z = 0 (where the moment equations C22-C24 are exact): the noise-free
    tridiagonal iteration against iterative sampling (300 paths): C_h(0) within 6% and C_h/C_h(0) within
    0.08 (the sampling noise floor at this size, measured ~0.04)."""
    from gatetheory.dmft.moments import solve_moment_equations

    mom = solve_moment_equations(gated_solution.params)
    assert mom.converged
    assert abs(mom.variance_h - gated_solution.variance_h) < 0.06 * mom.variance_h
    curve = np.interp(gated_solution.tau, mom.tau, mom.C_h / mom.C_h[0])
    assert np.abs(curve - gated_solution.C_h / gated_solution.C_h[0]).max() < 0.08


def test_moment_equations_trivial_below_threshold():
    """Below g_h = 2 (alpha = 0, no bias) the only solution is C_h = 0: the iteration must find it."""
    from gatetheory.dmft.moments import solve_moment_equations

    mom = solve_moment_equations(GateParams(g_h=1.5), maxiter=400)
    assert mom.variance_h < 1e-10


def test_moment_equations_agree_with_energy_conservation():
    """Third method, alpha_z = 0: with tau_r = 0.02 the r sector follows phi almost instantly and the
    moment equations must reproduce the particle-in-a-potential closure (G7, meanfield.energy): the
    larger nonzero root of E(C0) = 0 in region 3 (g_h = 1.9, alpha_r = 15). Tolerance 2e-3 relative:
    O(tau_r) corrections and the tau-grid discretisation (measured 1.3e-3)."""
    from scipy.optimize import brentq

    from gatetheory.dmft.moments import solve_moment_equations
    from gatetheory.meanfield.dynamic_bifurcation import energy

    p = GateParams(g_h=1.9, alpha_r=15.0, tau_r=0.02)
    grid = np.geomspace(1e-3, 1.0, 30)
    E = np.array([energy(c, p) for c in grid])
    roots = [brentq(lambda c: energy(c, p), grid[i], grid[i + 1]) for i in np.nonzero(np.diff(np.sign(E)))[0]]
    assert len(roots) == 2  # region 3: two nonzero solutions born at alpha_r^dyn
    mom = solve_moment_equations(p)
    assert mom.converged
    assert mom.variance_h == pytest.approx(max(roots), rel=2e-3)


def test_even_sector_lambda_matches_full_grid():
    """dmft_lambda_max solves only the even sector on tau >= 0 (Perron argument in lyapunov._solve). An
    independent full-grid solve on [-T, T] (same discretisation, nonsymmetric h-r coupling at alpha_r = 2,
    root of (lambda + s)^2 + E0(lambda) by bisection here) must give the same lambda to 1e-7."""
    import scipy.linalg
    from scipy.optimize import brentq

    from gatetheory.dmft.moments import solve_moment_equations

    sol = solve_moment_equations(GateParams(g_h=3.0, alpha_r=2.0))
    d, T = 0.25, 20.0
    lam = dmft_lambda_max(sol, d_tau=d, tau_range=T).lambda_max
    tau = d * np.arange(-80, 81)
    K = tau.size
    D2 = (np.diag(np.ones(K - 1), -1) - 2 * np.eye(K) + np.diag(np.ones(K - 1), 1)) / d ** 2
    r = lambda name: np.interp(np.abs(tau), sol.tau, getattr(sol, name))  # noqa: E731
    A, B = 0.25 * r("C_sigma_r") * r("C_dphi"), 0.25 * r("C_phi") * r("C_dsigma_r")

    def f(x):
        G = np.linalg.solve((x + 1) ** 2 * np.eye(K) - D2, np.diag(r("C_dphi")))
        E0 = scipy.linalg.eigvals(-D2 - np.diag(A) - B[:, None] * G).real.min()
        return (x + 0.5) ** 2 + E0

    assert lam == pytest.approx(brentq(f, 1e-3, 1.0, xtol=1e-12), abs=1e-7)
