"""DMFT lambda_max across g_h and alpha_r (Fig. 3c): the quadrature for sharp gates, the moment route
against sampling, and the discontinuous jump at alpha_r = 20 (alpha_z = 0 throughout)."""
import numpy as np
import pytest
from scipy.special import expit

from gatetheory import GateParams, ParameterError
from gatetheory.dmft import solve_dmft
from gatetheory.dmft.lyapunov import dmft_lambda_max
from gatetheory.dmft.moments import chaos_onset_g_h, solve_moment_equations
from gatetheory.numerics.bivariate import gaussian_correlation
from gatetheory.meanfield.dynamic_bifurcation import correlation_2d
from gatetheory.numerics.gates import np_sigma_family
from gatetheory.numerics.gaussian import gaussian_average, pole_width

RHO = np.concatenate([np.linspace(0.0, 0.99, 12), 1 - np.geomspace(1e-3, 1e-8, 4), [1.0]])


@pytest.mark.parametrize("alpha", [2.0, 20.0, 100.0])
def test_correlation_matches_nested_rule(alpha):
    """Mehler series (plus the direct rule near rho = 1) against an independent code, the nested sinh-mapped
    trapezoid rule of meanfield.dynamic_bifurcation (level 5), for sigma and sigma' at variance 0.4 (gate
    width 1/(alpha sqrt(0.4)) = 0.016 standard deviations at alpha = 100). Tolerance 1e-8 relative to the
    largest value: measured <= 3e-10; the reference's own level-4/level-5 difference is 7e-5 for sigma at
    alpha = 100, so the reference, not the series, limits the agreement there. Both with the pole
    distance given and with width=None (estimated from samples by feature_width)."""
    C0 = 0.4
    for f in (lambda y: expit(alpha * y), lambda y: np_sigma_family(y, alpha, 0.0)[1]):
        ref = correlation_2d(f, C0, RHO, 1 - RHO, width=pole_width("sigmoid", alpha), level=5)
        for width in (pole_width("sigmoid", alpha), None):  # given, and estimated from samples
            val = gaussian_correlation(f, C0, RHO * C0, width=width)
            assert np.abs(val - ref).max() < 1e-8 * np.abs(ref).max(), (width, np.abs(val - ref).max())


def test_correlation_at_rho_one_is_one_dimensional():
    """At rho = 1 the correlation is <f^2>, a 1-D average: against numerics.gaussian.gaussian_average
    (sinh-mapped rule, error estimate < 1e-12) for sigma'(100 r), a spike of height 25, to 1e-9 relative."""
    f = lambda y: np_sigma_family(y, 100.0, 0.0)[1]  # noqa: E731
    ref = gaussian_average(lambda y: f(y) ** 2, 0.3, width=pole_width("sigmoid", 100.0))
    val = gaussian_correlation(f, 0.3, np.array([0.3]), width=pole_width("sigmoid", 100.0))[0]
    assert val == pytest.approx(float(ref.value[0]), rel=1e-9)


def test_cross_correlation_negative_rho_against_monte_carlo():
    """f != g and negative rho, which the nested reference does not cover: f = sigma(20 x) + x (odd part
    included, so odd Hermite terms matter), g = sigma'(20 y), at rho = -0.6 (series) and -0.999 (direct
    rule), against 4e6 Monte Carlo samples: within 5 standard errors (SE ~ 1e-3)."""
    a = 20.0
    f = lambda y: expit(a * y) + y  # noqa: E731
    g = lambda y: np_sigma_family(y, a, 0.0)[1]  # noqa: E731
    rng = np.random.default_rng(1)
    C0 = 0.5
    for rho in (-0.6, -0.999):
        x = rng.standard_normal(4_000_000)
        y = rho * x + np.sqrt(1 - rho * rho) * rng.standard_normal(x.size)
        prod = f(np.sqrt(C0) * x) * g(np.sqrt(C0) * y)
        mc, se = prod.mean(), prod.std() / np.sqrt(x.size)
        val = gaussian_correlation(f, C0, np.array([rho * C0]), g, width=pole_width("sigmoid", a))[0]
        assert abs(val - mc) < 5 * se, (rho, val, mc, se)


def test_correlation_at_zero_variance():
    """C0 = 0 (the trivial solution): every correlation is f(0) g(0)."""
    out = gaussian_correlation(lambda y: expit(20 * y), 0.0, np.zeros(3))
    assert np.allclose(out, 0.25)


@pytest.fixture(scope="module")
def sharp_gate_moments():
    return solve_moment_equations(GateParams(g_h=3.0, alpha_r=20.0), damping=1.0)


def test_moment_route_matches_sampling_at_alpha_r_20(sharp_gate_moments):
    """alpha_r = 20, g_h = 3, where the former 48-node Gauss-Hermite rule gave C_sigma_r'(0) = 0.30: the
    noise-free moment solution against iterative sampling (300 paths, its own seed). Tolerances: C_h(0)
    6%, C_sigma_r'(0) 10% (a spike statistic, noisier in the sampled paths), lambda_max 6% (sampling
    noise; measured differences ~1%)."""
    mom = sharp_gate_moments
    assert mom.converged and mom.chaotic
    samp = solve_dmft(mom.params, method="sampling", n_replicas=2, seed=5, n_paths=150, dt=0.1, t_window=150.0, t_burn=30.0, tau_max=30.0,
                      maxiter=25, n_average=3)
    assert mom.variance_h == pytest.approx(samp.variance_h, rel=0.06)
    assert mom.C_dsigma_r[0] == pytest.approx(samp.C_dsigma_r[0], rel=0.10)
    lam_m = dmft_lambda_max(mom, tau_range=30.0)
    lam_s = dmft_lambda_max(samp, tau_range=30.0)
    assert lam_m.error < 1e-3
    assert lam_m.lambda_max == pytest.approx(lam_s.lambda_max, rel=0.06)


def test_chaotic_solution_born_between_1p72_and_1p78():
    """The jump at alpha_r = 20, tau_r = 1: started from a large C_h, the moment iteration falls to zero at
    g_h = 1.72 and lands on a nonzero solution at g_h = 1.78 (the bisection puts the birth near 1.76; the
    simulated lambda_max of N = 800 networks jumps from -0.08 at 1.70 to +0.08 at 1.75). The chaotic
    solution there has lambda_max > 0.05: the exponent jumps, it does not grow from zero."""
    lo = solve_moment_equations(GateParams(g_h=1.72, alpha_r=20.0), C_h0=3.0, damping=1.0)
    hi = solve_moment_equations(GateParams(g_h=1.78, alpha_r=20.0), C_h0=3.0, damping=1.0)
    assert lo.converged and not lo.chaotic
    assert hi.converged and hi.chaotic and hi.variance_h > 0.01
    assert dmft_lambda_max(hi, tau_range=30.0).lambda_max > 0.05


def test_onset_bracket_is_checked():
    """A bracket whose lower end is already chaotic is refused with the reason."""
    with pytest.raises(ParameterError, match="bracket"):
        chaos_onset_g_h(GateParams(g_h=2.5, alpha_r=20.0), bracket=(2.5, 3.0), maxiter=400)


@pytest.mark.slow
def test_onset_agrees_with_energy_closure_at_small_tau_r():
    """With tau_r = 0.02 the moment equations reduce to the tau_r << 1 energy closure of
    meanfield.dynamic_bifurcation: the moment onset bracket [g_lo, g_hi] at alpha_r = 20 must straddle
    the g_h where alpha_r^dyn(g_h) = 20, i.e. alpha_r^dyn(g_lo) > 20 > alpha_r^dyn(g_hi), with the bracket
    widened by 0.005 for the O(tau_r) and tau-grid corrections (measured ~1e-3 in C_h(0) at g_h = 1.9)."""
    from gatetheory.meanfield.dynamic_bifurcation import dyn_bifurcation

    o = chaos_onset_g_h(GateParams(g_h=1.8, alpha_r=20.0, tau_r=0.02), bracket=(1.70, 1.80), xtol=4e-3)
    assert dyn_bifurcation(o.g_lo - 0.005, check=False).value > 20.0
    assert dyn_bifurcation(o.g_hi + 0.005, check=False).value < 20.0


@pytest.mark.slow
def test_moment_lambda_matches_simulation_alpha_r_20():
    """alpha_r = 20, g_h = 3: moment-route DMFT lambda_max against the QR exponent of N = 800 networks
    (two seeds, t = 200): within 12% (finite-size deficit measured 5-10% at this N and g_h)."""
    from gatetheory.network import Network, lyapunov_spectrum

    p = GateParams(g_h=3.0, alpha_r=20.0)
    lam = dmft_lambda_max(solve_moment_equations(p, damping=1.0), tau_range=30.0).lambda_max
    sims = [lyapunov_spectrum(Network(p, 800, seed=s), 200.0, dt=0.1, t_transient=50.0, k=1, seed=s).lambda_max
            for s in range(2)]
    assert abs(lam - np.mean(sims)) < 0.12 * lam, (lam, sims)
