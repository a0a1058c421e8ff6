"""Spectral curve of the Jacobian at a fixed point, fixed-point stability, and the
alpha_z -> infinity limit (seed Sec. III, Eqs. 5, 6, 8; App. A, Eqs. A34-A36; App. B; App. H, Eq. H1).

Result (spectral curve, Eq. 5): the boundary of the support of the eigenvalues of D
(apart from the N eigenvalues -1/tau_z of the decoupled z sector) is the set of complex lambda with

    <sigma_z^2 / |lambda + sigma_z|^2> <phi'^2> ( <sigma_r^2> + <phi^2><sigma_r'^2> / |1 + lambda tau_r|^2 ) = 1,

averages over the Gaussian fixed-point distribution (variances Delta_h, Delta_z, Delta_r).
Stability (Eq. 6): the leading edge sits at lambda = 0 when <phi'^2>(<sigma_r^2> + <phi^2><sigma_r'^2>) = 1;
the fixed point is stable while the left side is < 1. Zero fixed point (beta_h = 0, Eq. H1):
g_h sigma_r(0) < 1, i.e. g_h < 2 without biases.
alpha_z -> infinity (Eq. 8, App. B): a fraction 1 - <sigma_z> of eigenvalues at zero; the rest
inside |1 + lambda|^2 = <sigma_z> <phi'^2>(<sigma_r^2> + <phi^2><sigma_r'^2>/|1+lambda tau_r|^2),
a disk of radius rho about -1 when tau_r -> 0 or alpha_r = 0; marginal stability while
rho^2 = <sigma_z><phi'^2>(<sigma_r^2> + <phi^2><sigma_r'^2>) < 1.

Starting point: the reduced N x N eigenproblem of ``jacobian.py`` (z decoupled, r eliminated).
Assumptions, used where marked:
(B1) local chaos hypothesis (App. A): the state is independent of Jh, Jr; the diagonal
     matrices are then deterministic for the spectral problem.
(B2) for K = A Jh W with Jh Ginibre (iid, variance 1/N) independent of A (diagonal) and W,
     the eigenvalues of K fill a disk of radius^2 = tr(A A^*)/N * tr(W W^*)/N as N -> infinity
     (Haagerup-Larsen; inner radius 0 because Jh is Ginibre). This is the outcome of the
     self-consistent Born approximation of App. A.
(B3) at a fixed point h, z, r are independent zero-mean Gaussians (static_mft (A4)).
"""
import sympy as sp
import sympy.stats as st

from common import (Delta_h, Delta_r, Delta_z, alpha_r, beta_h, beta_r, g_h, lam_im, lam_re, phi, show,
                    sigma_r, sigma_z, tau_r, x)

# Step 1 (jacobian.py): (lambda + S_z) v = S_z Jh W(lambda) v,  W = W1 + W2 Jr W3/(1 + lambda tau_r),
# so lambda is an eigenvalue iff 1 is an eigenvalue of K = D[S_z/(lambda + S_z)] Jh W (S_z > 0).
# Step 2 (B1, B2): 1 lies on the boundary of the spectrum of K iff tr(AA*)/N tr(WW*)/N = 1.
# Step 3: tr(AA*)/N is the average of sigma_z^2/|lambda + sigma_z|^2 (A is diagonal).
sz = sp.Symbol("s_z", positive=True)  # a value of sigma_z
A_entry_sq = sz**2 / ((lam_re + sz) ** 2 + lam_im**2)
# Step 4: E_Jr tr(WW*)/n for W = D[w1] + D[w2] Jr D[w3] / c, exact for any n (here n = 2):
n = 2
w1 = sp.symbols("w1_1:3", real=True)
w2 = sp.symbols("w2_1:3", real=True)
w3 = sp.symbols("w3_1:3", real=True)
c_abs2 = sp.Symbol("c_abs2", positive=True)  # |1 + lambda tau_r|^2
Jr = [[st.Normal(f"Jr{i}{j}", 0, 1 / sp.sqrt(n)) for j in range(n)] for i in range(n)]
# W W* has diagonal entries |w1_i|^2 + 2 w1_i w2_i Jr_ii w3_i Re(1/c) + w2_i^2 sum_j Jr_ij^2 w3_j^2/|c|^2;
re_inv_c = sp.Symbol("re_inv_c", real=True)
trWW = sum(w1[i] ** 2 + 2 * w1[i] * w2[i] * Jr[i][i] * w3[i] * re_inv_c
           + w2[i] ** 2 * sum(Jr[i][j] ** 2 * w3[j] ** 2 for j in range(n)) / c_abs2 for i in range(n)) / n
E_trWW = sp.expand(st.E(trWW))
mean = lambda v: sum(vi**2 for vi in v) / n  # noqa: E731  (1/n) sum v_i^2
E_trWW_expected = mean(w1) + mean(w2) * mean(w3) / c_abs2  # = <w1^2> + <w2^2><w3^2>/|c|^2
assert sp.simplify(E_trWW - E_trWW_expected) == 0  # cross term vanishes: E[Jr] = 0

# Step 5 (B3): w1 = sigma_r phi', w2 = sigma_r' phi, w3 = phi', averages factorise.
avg_A, avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2 = sp.symbols(
    "avg_A avg_dphi2 avg_sigma_r2 avg_phi2 avg_dsigma_r2", nonnegative=True)
abs2_1_lam_tau = (1 + lam_re * tau_r) ** 2 + (lam_im * tau_r) ** 2
curve_lhs = avg_A * avg_dphi2 * (avg_sigma_r2 + avg_phi2 * avg_dsigma_r2 / abs2_1_lam_tau)

# The integrands of the five averages (each against the N(0,1) weight), variances as named.
u = sp.Symbol("u", real=True)
dphi_u = sp.diff(phi(u), u)
dsig_r_u = alpha_r / ((1 + sp.exp(-(alpha_r * u + beta_r))) * (1 + sp.exp(alpha_r * u + beta_r)))  # stable form
assert sp.simplify((sp.diff(sigma_r(u), u) - dsig_r_u).rewrite(sp.exp)) == 0
# At lambda = 0 the A entry is exactly 1 for every s_z > 0; the explicit branch keeps it 1 where
# float64 rounds sigma_z to 0 (alpha_z sqrt(Delta_z) |x| > 745), which would otherwise give 0/0.
A_entry_sq_safe = sp.Piecewise((1, sp.And(sp.Eq(lam_re, 0), sp.Eq(lam_im, 0))), (A_entry_sq, True))
integrands = sp.Tuple(A_entry_sq_safe.subs(sz, sigma_z(sp.sqrt(Delta_z) * x)),
                      (dphi_u ** 2).subs(u, sp.sqrt(Delta_h) * x),
                      sigma_r(sp.sqrt(Delta_r) * x) ** 2,
                      phi(sp.sqrt(Delta_h) * x) ** 2,
                      (dsig_r_u ** 2).subs(u, sp.sqrt(Delta_r) * x))

# Step 6: at lambda = 0, A = 1 (sigma_z > 0): the stability function (Eq. 6).
stability_lhs = sp.simplify(curve_lhs.subs({lam_re: 0, lam_im: 0, avg_A: 1}))
# Step 7: zero fixed point with beta_h = 0: Delta = 0, phi(0) = 0, phi'(0) = g_h, sigma_r = sigma_r(0).
zero_fp = stability_lhs.subs({avg_phi2: 0, avg_dphi2: sp.diff(phi(u), u).subs({u: 0, beta_h: 0}) ** 2,
                              avg_sigma_r2: sigma_r(0) ** 2})
zero_fp_condition = sp.sqrt(zero_fp)  # g_h sigma_r(0) < 1  (Eq. H1)
g_crit_zero_fp = sp.solve(sp.Eq(zero_fp_condition.subs(beta_r, 0), 1), g_h)[0]  # = 2

# Step 8 (alpha_z -> infinity, App. B): sigma_z -> Theta(z) for beta_z fixed, so sigma_z in {0, 1}.
# Units with sigma_z = 0 have a zero row in D_hh, D_hr: eigenvalue 0, fraction 1 - <sigma_z>.
avg_sigma_z = sp.Symbol("avg_sigma_z", positive=True)
zero_mode_fraction = 1 - avg_sigma_z
# For lambda != 0 the average of A over sigma_z in {0, 1} is P(sigma_z = 1)/|1 + lambda|^2.
A_step = avg_sigma_z * A_entry_sq.subs(sz, 1)
curve_step_lhs = curve_lhs.subs(avg_A, A_step)
# With tau_r -> 0 (or alpha_r = 0) the curve is |1 + lambda|^2 = rho^2: a disk about -1 of radius rho.
rho2 = avg_sigma_z * avg_dphi2 * (avg_sigma_r2 + avg_phi2 * avg_dsigma_r2)
assert sp.simplify(curve_step_lhs.subs(tau_r, 0) * ((1 + lam_re) ** 2 + lam_im**2) - rho2) == 0
# Marginal stability (Eq. 8): nonzero eigenvalues in Re lambda < 0 iff rho < 1, i.e.
# stability_lhs < 1/<sigma_z>.
marginal_lhs = sp.simplify(rho2 / avg_sigma_z)
assert sp.simplify(marginal_lhs - stability_lhs) == 0

AV = ("avg_dphi2", "avg_sigma_r2", "avg_phi2", "avg_dsigma_r2")
INTEG_ARGS = ("x", "lambda_re", "lambda_im", "Delta_h", "Delta_z", "Delta_r",
              "g_h", "beta_h", "alpha_z", "beta_z", "alpha_r", "beta_r")
COMMON = ["(B1) local chaos hypothesis: state independent of Jh, Jr",
          "(B2) outer radius of A Jh W = sqrt(tr AA*/N tr WW*/N) (Ginibre Jh; self-consistent Born, App. A)",
          "(B3) h, z, r independent zero-mean Gaussians at a fixed point (variances from fp-variance)",
          "avg_dphi2 = <phi'^2>_{Delta_h}, avg_sigma_r2 = <sigma_r^2>_{Delta_r}, avg_phi2 = <phi^2>_{Delta_h}, "
          "avg_dsigma_r2 = <sigma_r'^2>_{Delta_r}; integrands in 'spectral-curve-integrands'"]
RESULTS = {
    "spectral-curve": dict(
        expr=curve_lhs - 1, args=("lambda_re", "lambda_im", "avg_A") + AV + ("tau_r",),
        assumptions=["zero on the boundary of the Jacobian spectrum at a fixed point (seed Eq. 5/A36); "
                     "> 0 inside the support", "avg_A = <sigma_z^2/|lambda + sigma_z|^2>_{Delta_z}"] + COMMON),
    "spectral-curve-integrands": dict(
        expr=integrands, args=INTEG_ARGS,
        assumptions=["returns the integrands of (avg_A, avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2), "
                     "each to be averaged against exp(-x^2/2)/sqrt(2 pi)"]),
    "fp-stability": dict(
        expr=stability_lhs, args=AV,
        assumptions=["a fixed point is stable while this is < 1 (seed Eq. 6): the leading edge crosses 0 at 1"]
        + COMMON),
    "zero-fp-stability": dict(
        expr=zero_fp_condition, args=("g_h", "beta_r"),
        assumptions=["zero fixed point, beta_h = 0, no input: stable while < 1 (seed Eq. H1); "
                     "without biases the threshold is g_h = %s" % g_crit_zero_fp]),
    "alpha-z-inf-zero-mode-fraction": dict(
        expr=zero_mode_fraction, args=("avg_sigma_z",),
        assumptions=["alpha_z -> infinity: sigma_z -> step; fraction of Jacobian eigenvalues at 0 (seed App. B)",
                     "avg_sigma_z = <sigma_z> = P(z > -beta_z/alpha_z) -> 1/2 at beta_z = 0"]),
    "alpha-z-inf-spectral-curve": dict(
        expr=curve_step_lhs - 1, args=("lambda_re", "lambda_im", "avg_sigma_z") + AV + ("tau_r",),
        assumptions=["alpha_z -> infinity; zero on the boundary of the nonzero eigenvalues"] + COMMON),
    "alpha-z-inf-disk-radius": dict(
        expr=sp.sqrt(rho2), args=("avg_sigma_z",) + AV,
        assumptions=["alpha_z -> infinity, radius of the disk about -1 holding the nonzero eigenvalues; exact "
                     "disk when tau_r -> 0 or alpha_r = 0 (seed Eq. 8)",
                     "marginally stable while < 1, i.e. fp-stability < 1/<sigma_z>"] + COMMON),
}

if __name__ == "__main__":
    show("E tr(W W*)/n (n = 2)", E_trWW)
    show("spectral curve: lhs", curve_lhs)
    show("stability function (lambda = 0)", stability_lhs)
    show("zero fixed point: stable while", zero_fp_condition)
    show("  threshold at beta_r = 0", g_crit_zero_fp)
    show("alpha_z -> oo: zero-mode fraction", zero_mode_fraction)
    show("alpha_z -> oo: curve lhs", curve_step_lhs)
    show("alpha_z -> oo: rho^2", rho2)
