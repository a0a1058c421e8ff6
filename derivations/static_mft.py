"""Static mean-field fixed-point equations with biases and static inputs
(seed App. C, Eqs. C26-C30; docs/conventions.md section 3).

Result::

    Delta_h = <phi^2>_{Delta_h} <sigma_r^2>_{Delta_r} + s_h2
    Delta_z = <phi^2>_{Delta_h} + s_z2
    Delta_r = <phi^2>_{Delta_h} + s_r2

with <f>_D = E[f(sqrt(D) x)], x ~ N(0, 1).

Starting equations: the fixed-point conditions of seed Eqs. 1-2,
    0 = sigma_z(z_i) [-h_i + sum_j Jh_ij sigma_r(r_j) phi(h_j) + Ih_i],
    0 = -z_i + sum_j Jz_ij phi(h_j) + Iz_i,   0 = -r_i + sum_j Jr_ij phi(h_j) + Ir_i.

Assumptions, each used where marked:
(A1) sigma_z > 0 (a logistic gate never vanishes), so the h bracket itself vanishes;
     this is why alpha_z, beta_z drop out (App. J).
(A2) Mean field (cavity) for N -> infinity: sum_j J_ij y_j with J_ij iid N(0, 1/N) independent
     of y is Gaussian with mean 0 and variance (1/N) sum_j y_j^2 -> <y^2>.
(A3) Static inputs are iid zero-mean Gaussians with variances s_h2, s_z2, s_r2, independent of J.
(A4) h_j and r_j are independent at a fixed point (they are driven by independent Jh and Jr),
     so <phi^2 sigma_r^2> = <phi^2> <sigma_r^2>.
"""
import sympy as sp
import sympy.stats as st

from common import Delta_h, Delta_r, gauss_avg, phi, s_h2, s_r2, s_z2, show, sigma_r, x

# Step 1 (A1): at a fixed point h_i = sum_j Jh_ij sigma_r(r_j) phi(h_j) + Ih_i.
# Step 2 (A2): variance of a sum of n independent couplings of variance 1/n times fixed y_j.
n = 3  # three terms are enough to show the structure; the sum is linear in n
ys = sp.symbols(f"y1:{n + 1}", real=True)
Js = [st.Normal(f"J{j}", 0, 1 / sp.sqrt(n)) for j in range(1, n + 1)]
local_field = sum(J * y for J, y in zip(Js, ys))
var_local_field = sp.simplify(st.variance(local_field))
assert sp.simplify(var_local_field - sum(y**2 for y in ys) / n) == 0  # = (1/n) sum y_j^2
mean_local_field = st.E(local_field)
assert mean_local_field == 0

# Step 3 (A2, A4): with y_j = sigma_r(r_j) phi(h_j): (1/N) sum y_j^2 -> <phi^2><sigma_r^2>.
avg_phi2, avg_sigma_r2 = sp.symbols("avg_phi2 avg_sigma_r2", nonnegative=True)
# Step 4 (A3): an independent input adds its variance.
Delta_h_eq = avg_phi2 * avg_sigma_r2 + s_h2
# Step 5: z and r at a fixed point are Jz phi + Iz and Jr phi + Ir: variance <phi^2> + input.
Delta_z_eq = avg_phi2 + s_z2
Delta_r_eq = avg_phi2 + s_r2
fp_map = sp.Tuple(Delta_h_eq, Delta_z_eq, Delta_r_eq)

# Step 6: the averages as explicit Gaussian integrals (integrands against the N(0,1) weight).
integrand_phi2 = phi(sp.sqrt(Delta_h) * x) ** 2
integrand_sigma_r2 = sigma_r(sp.sqrt(Delta_r) * x) ** 2
integrands = sp.Tuple(integrand_phi2, integrand_sigma_r2)

# Step 7: the equations as residuals in (Delta_h, Delta_r), with the averages as explicit integrals
# (not nested, so that mpmath evaluates each integral once).
P = gauss_avg(phi(x) ** 2, x, Delta_h)
residual = sp.Tuple(Delta_h - P * gauss_avg(sigma_r(x) ** 2, x, Delta_r) - s_h2, Delta_r - P - s_r2)

RESULTS = {
    "fp-variance": dict(
        expr=fp_map, args=("avg_phi2", "avg_sigma_r2", "s_h2", "s_z2", "s_r2"),
        assumptions=["returns (Delta_h, Delta_z, Delta_r)",
                     "avg_phi2 = <tanh(g_h sqrt(Delta_h) x + beta_h)^2>, avg_sigma_r2 = <sigma_r(sqrt(Delta_r) x)^2>, "
                     "x ~ N(0,1); integrands in 'fp-variance-integrands'",
                     "(A1) sigma_z > 0, so alpha_z, beta_z do not enter",
                     "(A2) mean field: local fields Gaussian, zero mean, variance <y^2>",
                     "(A3) static inputs iid zero-mean Gaussian with variances s_h2, s_z2, s_r2",
                     "(A4) h and r independent at a fixed point"]),
    "fp-variance-integrands": dict(
        expr=integrands, args=("x", "Delta_h", "Delta_r", "g_h", "beta_h", "alpha_r", "beta_r"),
        assumptions=["returns (phi(sqrt(Delta_h) x)^2, sigma_r(sqrt(Delta_r) x)^2); average each against the "
                     "standard normal weight exp(-x^2/2)/sqrt(2 pi) to get avg_phi2, avg_sigma_r2"]),
    "fp-residual": dict(
        expr=residual, args=("Delta_h", "Delta_r", "g_h", "beta_h", "alpha_r", "beta_r", "s_h2", "s_r2"),
        assumptions=["returns (Delta_h - <phi^2>_{Delta_h} <sigma_r^2>_{Delta_r} - s_h2, Delta_r - <phi^2>_{Delta_h} - s_r2) "
                     "with the Gaussian integrals unevaluated (mpmath only); both zero at a mean-field fixed point",
                     "(A1)-(A4) as for fp-variance"]),
}

if __name__ == "__main__":
    show("Var(sum_j J_j y_j), n = 3", var_local_field)
    show("fixed-point map (Delta_h, Delta_z, Delta_r)", fp_map)
    show("integrands", integrands)
    show("closed equation for Delta_h (residual)", residual)
