"""Critical lines: fixed-point bifurcation (Eq. 12), stability lines (H1, Eq. 6), marginal line (Eq. 8),
dynamical bifurcation (Eq. 13) -- each against an independent computation."""
import math

import mpmath
import numpy as np
import pytest
from scipy.optimize import brentq, minimize_scalar
from scipy.special import roots_hermitenorm

from gatetheory.meanfield.critical_lines import fp_bifurcation, fp_bifurcation_range
from gatetheory.meanfield.stability import RangeError, marginal_stability_g_h, stability_g_h, zero_fp_stability_g_h
from gatetheory.meanfield.continuation import continue_curve
from gatetheory.meanfield.dynamic_bifurcation import (_Energy, Resolution, dyn_bifurcation,
                                                      dyn_bifurcation_range)
from gatetheory.meanfield.fixed_points import fixed_point_variances
from gatetheory.params import GateParams

X, W = roots_hermitenorm(300)
W = W / W.sum()


def gh_F(D, g, a):
    """Independent oracle: the no-bias static residual by 300-node Gauss-Hermite."""
    phi2 = np.sum(W * np.tanh(g * np.sqrt(D) * X) ** 2)
    with np.errstate(over="ignore"):
        sr2 = np.sum(W / (1 + np.exp(-a * np.sqrt(phi2) * X)) ** 2)
    return D - phi2 * sr2


def gh_fold(g):
    """alpha_r^FP as min over D of alpha*(D) (no derivatives, no shared code): the minimum value
    is insensitive to the error in D, so brentq + bounded Brent give it to ~1e-13."""
    def astar(logD):
        D = math.exp(logD)
        if gh_F(D, g, 1e3) > 0:
            return 1e3
        return brentq(lambda a: gh_F(D, g, a), 0.0, 1e3, xtol=1e-15, rtol=1e-15)
    r = minimize_scalar(astar, bounds=(math.log(1e-4), math.log(0.5)), method="bounded",
                        options={"xatol": 1e-9})
    return r.fun, math.exp(r.x)


def test_fp_bifurcation_30_digits_agrees_with_40_and_with_gauss_hermite():
    """Issue 4 acceptance: (i) a 30-digit run agrees with a 40-digit run to >= 25 digits and
    reports >= 25 trusted digits; (ii) an independent float64 Gauss-Hermite computation (300
    nodes, converged to ~1e-14 for alpha_r sqrt(Delta_r) ~ 1.4) agrees to 1e-10 relative."""
    c30 = fp_bifurcation(1.9, dps=30)
    c40 = fp_bifurcation(1.9, dps=40)
    assert c30.digits >= 25
    assert abs(c30.value / c40.value - 1) < mpmath.mpf("1e-25")
    a_gh, D_gh = gh_fold(1.9)
    assert abs(float(c30.value) / a_gh - 1) < 1e-10
    assert abs(float(c30.Delta_h) / D_gh - 1) < 1e-4   # the fold variance is only located to ~sqrt(eps)


def test_fp_bifurcation_20_digits_against_quad_and_findroot():
    """A second, independent 20-digit route: every Gaussian average by tanh-sinh ``mpmath.quad``, the
    fold condition by ``mpmath.diff``, the pair solved by ``mpmath.findroot`` from a 3-digit guess.
    It shares no code with the solver (which uses sinh-mapped rules and Price-theorem derivatives).
    Tolerance 1e-18: both claim 20 digits; measured agreement 20+ (30.8 at 30 digits)."""
    g_h = 1.75
    ours = fp_bifurcation(g_h, dps=20)
    with mpmath.workdps(25):
        g = mpmath.mpf("1.75")
        norm = mpmath.sqrt(2 * mpmath.pi)

        def mean(f):
            return mpmath.quad(lambda u: f(u) * mpmath.exp(-u * u / 2), [-mpmath.inf, 0, mpmath.inf]) / norm

        def residual(D, a):
            q = mean(lambda u: mpmath.tanh(g * mpmath.sqrt(D) * u) ** 2)
            return q * mean(lambda u: 1 / (1 + mpmath.exp(-a * mpmath.sqrt(q) * u)) ** 2) - D

        guess = (mpmath.mpf(mpmath.nstr(ours.Delta_h, 3)), mpmath.mpf(mpmath.nstr(ours.value, 3)))
        D, a = mpmath.findroot(lambda D, a: [residual(D, a), mpmath.diff(lambda d: residual(d, a), D)], guess)
        assert abs(a / ours.value - 1) < mpmath.mpf("1e-18"), (a, ours.value)


def test_fp_bifurcation_is_the_saddle_node_of_the_root_count():
    """Oracle: the all-roots solver (a sign-change scan, a different code path) finds only the zero
    solution 0.1 % below alpha_r^FP and three solutions 0.1 % above."""
    c = fp_bifurcation(1.7)
    below = fixed_point_variances(GateParams(g_h=1.7, alpha_r=c.value * 0.999))
    above = fixed_point_variances(GateParams(g_h=1.7, alpha_r=c.value * 1.001))
    assert len(below) == 1 and len(above) == 3
    assert above[1].Delta_h < c.Delta_h < above[2].Delta_h


def test_fp_bifurcation_outside_range_raises_with_range():
    """g_h below sqrt 2 (step limit) or above H1 has no fold: RangeError naming g_h and the range."""
    lo, hi = fp_bifurcation_range()
    for g in (1.3, 2.1):
        with pytest.raises(RangeError, match=rf"g_h = {g}.*{lo:.6f}.*{hi:.6f}"):
            fp_bifurcation(g)
    # near the lower end alpha_r^FP grows without bound (the step limit defining lo)
    assert fp_bifurcation(lo + 0.02).value > 5 * fp_bifurcation(lo + 0.3).value


def test_zero_fp_stability_line_against_jacobian_eigenvalues():
    """Oracle: eigenvalues of the sampled 3N x 3N Jacobian at x = 0 (N = 200, network code).
    At 0.8 and 1.2 times the H1 value of g_h the leading real part is negative / positive
    (the edge moves by O(N^-1/2) ~ 7 %, inside the 20 % margin)."""
    from gatetheory.network.model import Network
    from gatetheory.network.spectra import leading_eigenvalue
    beta_r = 0.7
    gc = float(zero_fp_stability_g_h(beta_r).value)
    for fac, sign in ((0.8, -1), (1.2, 1)):
        net = Network(GateParams(g_h=gc * fac, alpha_r=3.0, beta_r=beta_r), 200, seed=1)
        lam = leading_eigenvalue(net, np.zeros(net.dim))
        assert np.sign(lam.real) == sign


def _network_fp_edges(g_c, facs, n, seed, kw, alpha_r):
    """Leading Jacobian eigenvalues at the network's fixed point followed in g_h (Newton continuation
    in steps of 0.05 g_c from a simulated stable state)."""
    from gatetheory.network.fixed_points import find_fixed_point
    from gatetheory.network.integrate import simulate
    from gatetheory.network.model import Network
    from gatetheory.network.spectra import leading_eigenvalue
    steps = np.arange(min(facs), max(facs) + 1e-9, 0.1)
    net = Network(GateParams(g_h=g_c * steps[0], alpha_r=alpha_r, **kw), n, seed=seed)
    x = simulate(net, net.initial_state(seed=4, scale=0.3), 40.0, dt=0.1).final   # stable side: settles
    out = {}
    prev = steps[0]
    for fac in steps:
        for n_sub in (3, 12):   # sub-steps keep Newton in its basin; refine once on failure
            y = x
            for sub in np.linspace(prev, fac, n_sub + 1)[1:] if fac > prev else [fac]:
                net = Network(GateParams(g_h=g_c * sub, alpha_r=alpha_r, **kw), n, seed=seed)
                fp = find_fixed_point(net, y)
                if not fp.converged:
                    break
                y = fp.x
            if fp.converged:
                break
        assert fp.converged, fp.message
        x = y
        prev = fac
        if any(abs(fac - f) < 1e-9 for f in facs):
            out[round(fac, 3)] = leading_eigenvalue(net, x).real
    return out


def test_stability_line_with_bias_matches_jacobian_at_network_fixed_point():
    """Oracle: the network's own fixed point (Newton on one N = 300 realisation, continued in g_h)
    and the leading eigenvalue of its sampled Jacobian: Re lambda < 0 at 0.7 g_c and > 0 at 1.4 g_c.
    The margin is wide because at N = 300 the realisation's fixed-point variance scatters by
    ~20 % and the finite-N edge sits ~0.05 inside the N -> inf support (the slow test narrows
    it at N = 1000). Also: the mpmath refinement agrees with float64 to 1e-10."""
    kw = dict(beta_r=0.5, beta_h=0.4)
    c = stability_g_h(4.0, **kw)
    cm = stability_g_h(4.0, dps=20, **kw)
    assert cm.digits >= 18 and abs(float(cm.value) / c.value - 1) < 1e-10
    edges = _network_fp_edges(c.value, (0.7, 1.4), 300, 3, kw, 4.0)
    assert edges[0.7] < 0 < edges[1.4]


@pytest.mark.slow
def test_stability_line_with_bias_network_n1000():
    """Oracle: simulation at N = 1000, two seeds, same start. At 0.8 g_c the network settles on a
    fixed point (max |dx/dt| < 1e-6 at t = 200); at 1.2 g_c it is still moving (> 1e-2): the theory
    has a single fixed point there and calls it unstable. (Newton continuation of the realisation's
    fixed point, as in the quick test, meets a fold of the finite-N branch near g_c at N = 1000.)"""
    from gatetheory.network.integrate import simulate
    from gatetheory.network.model import Network
    kw = dict(beta_r=0.5, beta_h=0.4)
    c = stability_g_h(4.0, **kw)
    assert len(fixed_point_variances(GateParams(g_h=1.2 * c.value, alpha_r=4.0, **kw))) == 1
    for seed in (1, 2):
        speed = {}
        for fac in (0.8, 1.2):
            net = Network(GateParams(g_h=c.value * fac, alpha_r=4.0, **kw), 1000, seed=seed)
            x = simulate(net, net.initial_state(seed=4, scale=0.3), 200.0, dt=0.1).final
            speed[fac] = float(np.abs(net.rhs(0.0, x)).max())
        print(f"N=1000 seed {seed}: max|dx/dt| at t=200 for 0.8, 1.2 g_c: {speed}")
        assert speed[0.8] < 1e-6 and speed[1.2] > 1e-2, speed


def test_marginal_line_alpha_r_zero_is_where_disk_radius_reaches_one():
    """Oracle: at alpha_r = 0 sigma_r = 1/2, so rho^2 = <sigma_z> <phi'^2>/4 at Delta = <phi^2>/4;
    recomputed here with scipy's adaptive quad and brentq (Gauss-Hermite is too coarse for
    g_h sqrt(Delta) ~ 2.8), tolerance 1e-8."""
    from scipy.integrate import quad

    def avg(f):
        return quad(lambda x: f(x) * np.exp(-x * x / 2) / np.sqrt(2 * np.pi), -12, 12, epsabs=1e-15,
                    epsrel=1e-13, limit=200, points=[0.0])[0]
    c = marginal_stability_g_h(0.0)

    def rho2(g):
        D = brentq(lambda D: D - avg(lambda x: np.tanh(g * np.sqrt(D) * x) ** 2) / 4, 1e-6, 1.0, xtol=1e-15)
        return 0.5 * avg(lambda x: (g / np.cosh(g * np.sqrt(D) * x) ** 2) ** 2) / 4 - 1
    assert abs(c.value / brentq(rho2, 5.0, 8.0, xtol=1e-13) - 1) < 1e-8


def test_continuation_matches_independent_points():
    """Each point of a traced curve (seeded by its neighbour) equals a fresh solve from a grid scan
    to 1e-9 relative (both float64)."""
    gs = np.linspace(1.95, 1.6, 5)

    def solve(g, start):
        c = fp_bifurcation(g, start=start)
        return {"alpha_r": c.value, "Delta_h": c.Delta_h}, c.digits, (c.Delta_h, c.value)
    cur = continue_curve(solve, gs, coord="g_h", keys=("alpha_r", "Delta_h"))
    assert all(s == "ok" for s in cur.point_status)
    for g, a in zip(gs[[1, 3]], cur.data["alpha_r"][[1, 3]]):
        assert abs(fp_bifurcation(g).value / a - 1) < 1e-9


# ----------------------------------------------------------------------------- dynamical line

def test_energy_reduces_to_sompolinsky_crisanti_sommers():
    """Oracle: with sigma_r = 1 (beta_r = 40) G7 is the SCS energy C0^2/2 = <Phi^2> - <Phi>^2,
    Phi = log cosh(g y)/g (closed-form antiderivative, Gauss-Hermite); tolerance 1e-12."""
    for g in (1.05, 1.5):
        E = _Energy(g, 40.0, Resolution())
        for C0 in (0.1, 0.5):
            Phi = np.log(np.cosh(g * np.sqrt(C0) * X)) / g
            ref = -C0 ** 2 / 2 + np.sum(W * Phi ** 2) - np.sum(W * Phi) ** 2
            assert abs(E(C0, 1e-9) - ref) < 1e-12


def test_scs_variance_grows_linearly_near_g_equal_one():
    """Oracle: a fitted scaling law. The nonzero root C0 of the SCS energy (sigma_r = 1) behaves
    as (g - 1)^1 near g = 1: the log-log slope between g - 1 = 0.01 and 0.02 lies in [0.9, 1.1]."""
    def C0(g):
        E = _Energy(g, 40.0, Resolution())
        return brentq(lambda c: E(c, 1e-9), 1e-4, 0.5, xtol=1e-14)
    slope = math.log(C0(1.02) / C0(1.01)) / math.log(2.0)
    assert 0.9 < slope < 1.1


def test_dyn_bifurcation_resolution_check_and_position():
    """Oracles: (i) the two-resolution re-solve (steps halved) agrees to >= 6 digits; (ii) at
    alpha_r^dyn the energy E(C0) touches zero: E < 0 for all C0 on a grid 2 % below alpha_r^dyn,
    and some C0 has E > 0 2 % above (a direct scan, no minimisation)."""
    c = dyn_bifurcation(1.9)
    assert c.digits >= 6
    E = _Energy(1.9, 0.0, Resolution())
    grid = np.geomspace(c.Delta_h / 3, c.Delta_h * 3, 13)
    assert max(E(C0, c.value * 0.98) for C0 in grid) < 0
    assert max(E(C0, c.value * 1.02) for C0 in grid) > 0


def test_dyn_line_above_fp_line_and_ranges():
    """The seed's claim (i): alpha_r^dyn > alpha_r^FP where both exist (checked at two g_h).
    Claim (ii) (lower end of the dynamical curve below that of the FP curve) is tested as found
    here: the step-limit lower ends are sqrt(2) (FP) and sqrt(8/3)-like (dyn), dyn above FP."""
    for g in (1.95, 1.8):
        assert dyn_bifurcation(g, check=False).value > fp_bifurcation(g).value
    assert dyn_bifurcation_range()[0] > fp_bifurcation_range()[0]
    with pytest.raises(RangeError, match=r"g_h = 1.5.*allowed"):
        dyn_bifurcation(1.5)


@pytest.mark.slow
def test_dyn_bifurcation_low_end_follows_asymptotics():
    """Near the low end (g_h = 1.636, sqrt(8/3) + 3e-3) the true C0 lies below the old grid's 1e-3.
    Oracles: the energy touches zero there (E < 0 on a C0 grid 2 % below alpha_r^dyn, E > 0
    somewhere 2 % above, a direct scan), and the leading asymptotics C0 = d1/alpha_r (registry)
    hold within 40 % (the next order is O(alpha_r^-1/2) ~ 3 % per unit coefficient)."""
    from gatetheory.symbolic import registry
    c = dyn_bifurcation(1.636)
    assert c.digits >= 6 and c.Delta_h < 1e-3
    d1 = float(registry.get("dyn-bifurcation-lowest-gh-scaling").numpy()[0])
    assert abs(c.Delta_h * c.value / d1 - 1) < 0.4
    E = _Energy(1.636, 0.0, Resolution())
    grid = np.geomspace(c.Delta_h / 3, c.Delta_h * 3, 9)
    assert max(E(C0, c.value * 0.98) for C0 in grid) < 0
    assert max(E(C0, c.value * 1.02) for C0 in grid) > 0
