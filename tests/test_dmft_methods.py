"""solve_dmft's methods against each other, and the error bars of the sampling route against the truth.

At alpha_z = 0 h is Gaussian and the moment equations are exact (their own discretisation error is
measured by re-solving at half the step), so they are the oracle for the sampling route's values and
for the coverage of its replica error bars.
"""
import numpy as np
import pytest

from gatetheory import GateParams, ParameterError
from gatetheory.dmft import DMFTSolution, resolve_method, solve_dmft
from gatetheory.dmft.lyapunov import dmft_lambda_max
from gatetheory.dmft.sampling import jackknife, replica_error

SMALL = dict(n_paths=100, n_replicas=4, t_window=100.0, t_burn=20.0, tau_max=30.0, n_average=3, tol=0.06)


def test_auto_takes_the_moment_route_where_it_is_exact():
    assert resolve_method(GateParams(g_h=3.0, alpha_r=2.0, beta_h=0.2, tau_r=3.0)) == "moments"
    assert resolve_method(GateParams(g_h=3.0, alpha_z=2.0)) == "sampling"
    sol = solve_dmft(GateParams(g_h=4.0), tau_max=20.0)
    assert sol.method == "moments" and sol.to_dict()["method"] == "moments" and sol.C_h_error is None


def test_options_of_the_other_method_are_refused_not_ignored():
    with pytest.raises(ParameterError, match=r"n_paths = 100 does not apply to method 'moments'.*method='sampling'"):
        solve_dmft(GateParams(g_h=4.0), n_paths=100)
    with pytest.raises(ParameterError, match="C_h0 = 2.0 does not apply to method 'sampling'"):
        solve_dmft(GateParams(g_h=4.0), method="sampling", C_h0=2.0)
    with pytest.raises(ParameterError, match="method = 'exact' is out of range"):
        solve_dmft(GateParams(g_h=4.0), method="exact")


def test_moment_error_covers_the_step_and_range_dependence():
    """The moment route's lambda_max error at dt = 0.1, tau_max = 50 must cover its distance to a finer
    (dt = 0.025) and longer (tau_max = 80) re-solve, and not exceed it by more than 100x (or it says
    nothing). The re-solve is an independent discretisation of the same equations."""
    p = GateParams(g_h=4.0, alpha_r=2.0)
    coarse = dmft_lambda_max(solve_dmft(p))
    fine = dmft_lambda_max(solve_dmft(p, dt=0.025, tau_max=80.0), resolve=False)
    dev = abs(coarse.lambda_max - fine.lambda_max)
    assert coarse.method == "moments" and coarse.error_solution > 0
    assert dev <= coarse.error <= 100 * max(dev, 1e-9), (dev, coarse.error)


def test_sampling_error_bars_cover_the_moment_oracle():
    """Six independent small sampling solves (4 replicas x 100 paths) at g_h = 6, alpha = 0: the reported
    errors of C_h(0) and of lambda_max must cover |sampling - moments| at 2x in at least 4 of 6 (a 2x
    68 % Student-t half-width with 3 degrees of freedom covers 90 %; P(fewer than 4 of 6) = 1.6 %), and
    the errors must be informative: the median |deviation| / error above 0.1 (an inflated bar fails)."""
    p = GateParams(g_h=6.0)
    mom = solve_dmft(p, tau_max=30.0)
    lam_ref = dmft_lambda_max(mom, resolve=False).lambda_max
    z_c, z_l = [], []
    for seed in range(6):
        sol = solve_dmft(p, method="sampling", seed=seed, **SMALL)
        lam = dmft_lambda_max(sol)
        assert sol.converged and np.isfinite(lam.error) and lam.error_solution > 0
        z_c.append((sol.C_h[0] - mom.C_h[0]) / sol.C_h_error[0])
        z_l.append((lam.lambda_max - lam_ref) / lam.error)
    for z in (np.abs(z_c), np.abs(z_l)):
        assert np.sum(z <= 2) >= 4, z
        assert np.median(z) > 0.1, z


def test_replica_error_and_jackknife_on_known_statistics():
    """replica_error of Gaussian draws: over 2000 sets of 4, the 68.3 % half-width covers the true mean
    68 +- 2 % of the time. jackknife removes the 1/n bias of a squared mean: for x ~ N(mu, 1) in 8
    replicas of 50, f = mean^2 has bias 1/400; the jackknife value must be unbiased to 3 standard errors."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2000, 4))
    e = np.array([replica_error(v) for v in x])
    assert 0.66 < np.mean(np.abs(x.mean(axis=1)) <= e) < 0.70

    class Rep:  # the jackknife sees only replica_mean's fields
        pass

    from gatetheory.dmft import sampling

    mu, vals, plain = 0.3, [], []
    for _ in range(400):
        reps = [rng.normal(mu, 1.0, 50).mean() for _ in range(8)]
        vals.append(8 * np.mean(reps) ** 2 - 7 * np.mean([np.mean(reps[:i] + reps[i + 1:]) ** 2 for i in range(8)]))
        plain.append(np.mean(reps) ** 2)
    se = np.std(vals) / np.sqrt(len(vals))
    assert abs(np.mean(vals) - mu ** 2) < 3 * se
    assert np.mean(plain) - mu ** 2 > 1.0 / 400 - 3 * np.std(plain) / np.sqrt(len(plain))
    assert callable(jackknife) and callable(sampling.replica_mean)


def test_an_impossible_state_fails_instead_of_converging():
    """A state outside the variance bound (C_h(0) <= 1 + s_h^2) or with non-finite values is status
    "failed", converged False, and lambda_max reports failure instead of a number."""
    from gatetheory.dmft.solution import implausibility

    assert "outside its bound" in implausibility({"C_h": np.array([1e65])})
    assert "not finite" in implausibility({"C_h": np.array([np.nan])})
    assert implausibility({"C_h": np.array([0.3])}) == ""
    z = np.zeros(3)
    sol = DMFTSolution(tau=z, C_h=z, C_z=z, C_r=z, C_phi=z, C_sigma_r=z, C_sigma_z=z, C_dphi=z, C_dsigma_r=z,
                       params=GateParams(g_h=3.0), status="failed", message="C_h(0) = 1e+65 outside its bound")
    lam = dmft_lambda_max(sol)
    assert lam.status == "failed" and lam.to_dict()["lambda_max"] is None


def test_a_bias_and_static_inputs_reach_the_moment_route():
    """beta_h != 0 and static inputs, alpha_z = 0: the moment route (now allowed there) against sampling
    with its error bar: C_h(0) within 3 errors plus 2 %. Both make a static (quenched) part of the fields,
    which the sampler's tail diagnostic cannot tell from a slow tail, so its warning is expected here."""
    p = GateParams(g_h=5.0, beta_h=0.4)
    mom = solve_dmft(p, tau_max=30.0, input_std_h=0.3)
    with pytest.warns(RuntimeWarning, match="treat as static"):
        samp = solve_dmft(p, method="sampling", input_std_h=0.3, seed=1, **SMALL)
    assert mom.method == "moments" and mom.converged and mom.C_h[-1] > 0.05  # a static part
    assert abs(samp.C_h[0] - mom.C_h[0]) < 3 * samp.C_h_error[0] + 0.02 * mom.C_h[0]


def _classical_dmft(g: float, T: float = 24.0, d: float = 0.02, n_gh: int = 240):
    """Independent route for the classical network dx/dt = -x + J tanh(x) (Sompolinsky, Crisanti & Sommers
    1988): C0 from energy conservation, C(tau) from the Newton equation C'' = C - g^2 <tanh tanh>_C
    (solve_ivp), and lambda = sqrt(-E0) - 1 from the ground state of -d^2/dtau^2 - g^2 <sech^2 sech^2>_C
    (a tridiagonal symmetric solve). Gaussian averages by a 240 x 240 Gauss-Hermite product rule (80 nodes
    left lambda 0.6 % low at g = 3, where sech^2 has its poles 0.7 standard deviations from the axis)."""
    from scipy.integrate import solve_ivp
    from scipy.linalg import eigh_tridiagonal
    from scipy.optimize import brentq

    u, w = np.polynomial.hermite_e.hermegauss(n_gh)
    w = w / w.sum()

    def avg(f, C0, C):  # <f(x) f(y)>, var C0, cov C
        rho = np.clip(C / C0, -1, 1)
        x = np.sqrt(C0) * u[:, None]
        y = np.sqrt(C0) * (rho * u[:, None] + np.sqrt(1 - rho * rho) * u[None, :])
        return float(w @ (f(x) * f(y)) @ w)

    lc = lambda x: np.logaddexp(x, -x) - np.log(2)  # noqa: E731  log cosh

    def energy(C0):
        return -C0 ** 2 / 2 + g * g * (avg(lc, C0, C0) - avg(lc, C0, 0.0))

    C0 = brentq(energy, 1e-3, 50.0)
    ode = solve_ivp(lambda t, v: [v[1], v[0] - g * g * avg(np.tanh, C0, v[0])], (0, T), [C0, 0.0],
                    rtol=1e-11, atol=1e-13, dense_output=True)
    tau = d * np.arange(-round(T / d), round(T / d) + 1)
    C = np.maximum(ode.sol(np.abs(tau))[0], 0.0)
    V = -g * g * np.array([avg(lambda x: 1 / np.cosh(x) ** 2, C0, c) for c in C])
    E0 = eigh_tridiagonal(2 / d ** 2 + V, np.full(tau.size - 1, -1 / d ** 2), select="i", select_range=(0, 0))[0][0]
    return C0, np.sqrt(-E0) - 1


def test_auto_agrees_with_the_exact_classical_mapping():
    """Gates constant (alpha_z = alpha_r = 0, sigma = 1/2): with y = g_h h and t' = t/2 the network is the
    classical one at g = g_h / 2, so C_h(0) = C0_classical / g_h^2 and lambda_max = lambda_classical / 2.
    The classical side is the independent route above. Tolerance 1e-4 relative on C_h(0) (both are
    discretisations converged to ~1e-6) and 2e-3 relative on lambda_max, which must also lie within 3x the
    reported error plus the oracle's own grid error (~1e-4 relative)."""
    g_h = 4.0
    C0_cl, lam_cl = _classical_dmft(g_h / 2)
    sol = solve_dmft(GateParams(g_h=g_h))
    lam = dmft_lambda_max(sol)
    assert sol.method == "moments"
    assert sol.variance_h == pytest.approx(C0_cl / g_h ** 2, rel=1e-4)
    assert lam.lambda_max == pytest.approx(lam_cl / 2, rel=1e-3)
    assert abs(lam.lambda_max - lam_cl / 2) <= 3 * lam.error + 1e-4 * lam_cl
