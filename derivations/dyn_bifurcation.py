"""Dynamical bifurcation without biases, under the tau_r << 1 closure: its limit as g_h -> 2-
and its lowest g_h (seed Sec. V B, Eq. 13; App. G2, Eqs. G3-G18).

Results
-------
dyn-potential: the energy-conservation condition (G7) for the DMFT variance q0 = C_h(0),
    E(q0) = int_0^q0 C_phi(q) C_sigma_r(q) dq - q0^2/2 = 0,
    C_phi(q) = <phi(a) phi(b)>,  a, b zero-mean Gaussian, variances q0, covariance q;
    C_sigma_r(q) = <sigma_r(a') sigma_r(b')>, variances C_phi(q0), covariance C_phi(q).
    The dynamical bifurcation alpha_r^dyn(g_h) is where a nonzero root of E is born: E = dE/dq0 = 0.
dyn-bifurcation-near-2: alpha_r^dyn -> 2 sqrt(3) as g_h -> 2-, with C_h(0) ~ eps^(1/2), eps = 2 - g_h.
variance-above-2: C_h(0) = 3 (g_h - 2) / (2 (12 - alpha_r^2)) just above g_h = 2 (alpha_r < 2 sqrt(3)).
dyn-bifurcation-lowest-gh: sqrt(8/3); near it C_h(0) = pi/(8 alpha_r) and
    g_h^dyn = sqrt(8/3) + (2 pi sqrt(8/3)/3)/alpha_r at leading order.

Starting equations (DMFT, App. C, alpha_z = 0, no biases):
    (1/sigma_z0) dh/dt = -h + eta_h,  <eta_h(t) eta_h(t+tau)> = C_phi(tau) C_sigma_r(tau),  r driven by eta_r,
so (1 - d^2/dtau^2 / sigma_z0^2) C_h(tau) = C_phi(tau) C_sigma_r(tau).
Assumptions, used where marked:
(D1) alpha_z = 0: sigma_z = sigma_z0 is a constant that rescales time only (drops out of E).
(D2) tau_r << 1: r follows its input, C_r(tau) = C_phi(tau) (the closure of App. G2).
(D3) h Gaussian (alpha_z = 0), so C_phi and C_sigma_r are functions of C_h(tau) at fixed C_h(0):
     the equation is Newton's for a particle q(tau) = C_h(tau) in a potential
     V(q) = -q^2/2 + int_0^q C_phi C_sigma_r dq', started at rest (dC_h/dtau(0) = 0) and reaching
     q = 0 at tau -> infinity (zero-mean chaotic state); energy conservation gives V(q0) = V(0).
(D4) C_h(0) small near both ends of the curve (checked by the numerics).
(D5) near the lowest g_h, alpha_r^2 C_phi(q0) >> 1: sigma_r is a step plus a correction computed below.
"""
import sympy as sp

from common import alpha_r, avg_poly_2pt, g_h, show, sigma, taylor

u = sp.Symbol("u", real=True)
q, q0, s = sp.symbols("q q_0 s", positive=True)
R, R0 = sp.symbols("R R_0", positive=True)
eps = sp.Symbol("epsilon", positive=True)

# Step 1 (D3): the potential condition, V(q0) - V(0) = E(q0) (force = -dV/dq = q - C_phi C_sigma_r).
C_phi_f, C_sig_f = sp.Function("C_phi"), sp.Function("C_sigma_r")
E_general = sp.Integral(C_phi_f(q) * C_sig_f(q), (q, 0, q0)) - q0**2 / 2

# Step 2 (D4): two-point averages from Taylor polynomials (exact Gaussian moments).
tanh_poly = taylor(sp.tanh(g_h * u), u, 5)  # enough for C_phi to third order in (q0, q)
C_phi = avg_poly_2pt(tanh_poly, tanh_poly, u, q0, q)
sig_poly = taylor(sigma(alpha_r * u, 1, 0), u, 3)  # enough for C_sigma_r to second order
C_sig = avg_poly_2pt(sig_poly, sig_poly, u, R0, R)
# Step 3 (D2): r has variance C_phi(q0) and covariance C_phi(q).
C_sig_q = C_sig.subs({R0: C_phi.subs(q, q0), R: C_phi})
# Step 4: E(q0)/q0^2 as a series in q0 (q = s q0, s in [0, 1]).
integrand = sp.expand(C_phi * C_sig_q)
E_series = sp.expand(sp.integrate(integrand, (q, 0, q0)) - q0**2 / 2)
K = sp.expand(sp.series(E_series / q0**2, q0, 0, 3).removeO())
k = [sp.factor(K.coeff(q0, j)) for j in range(3)]
# Step 5: the constant term vanishes at g_h = 2 (the chaotic transition of the ungated limit).
g_top = [r for r in sp.solve(k[0], g_h) if r.is_positive][0]
assert g_top == 2
# Step 6: a pair of small roots is born where the linear coefficient vanishes at g_h = 2.
alpha_dyn_top = [r for r in sp.solve(k[1].subs(g_h, 2), alpha_r) if r.is_positive][0]
# Step 7: scaling ansatz q0 = c0 eps^(1/2), alpha_r = alpha_dyn_top + c1 eps^(1/2), g_h = 2 - eps.
c0, c1 = sp.symbols("c_0 c_1", positive=True)
sub = {g_h: 2 - eps, alpha_r: alpha_dyn_top + c1 * sp.sqrt(eps)}
Kt = sp.expand(K.subs(sub).subs(q0, c0 * sp.sqrt(eps)))
dKt = sp.expand(sp.diff(K, q0).subs(sub).subs(q0, c0 * sp.sqrt(eps)))
lead = [sp.limit(Kt / eps, eps, 0), sp.limit(dKt / sp.sqrt(eps), eps, 0)]
sol = [d for d in sp.solve(lead, [c0, c1], dict=True) if d[c0].is_positive and d[c1].is_positive][0]
c0_top, c1_top = sp.radsimp(sol[c0]), sp.radsimp(sol[c1])

# Lowest g_h: alpha_r -> infinity (D5).
# Step 8: a step gate: <Theta(a)Theta(b)> = 1/4 + asin(rho)/(2 pi) (Sheppard), rho = C_phi(q)/C_phi(q0);
# to leading order in q0, C_phi(q) = g_h^2 q (1 - 2 g_h^2 q0) so rho = s exactly at this order.
rho = sp.Symbol("rho", positive=True)
C_step = sp.Rational(1, 4) + sp.asin(rho) / (2 * sp.pi)
C_phi_2 = sp.expand(sp.series(C_phi.subs(q, s * q0), q0, 0, 3).removeO())  # g^2 s q0 - 2 g^4 s q0^2
rho_s = sp.simplify(sp.series(C_phi_2 / C_phi_2.subs(s, 1), q0, 0, 2).removeO())
assert sp.simplify(rho_s - s) == 0
K_step = sp.expand(sp.integrate(sp.expand(C_phi_2 * q0 * C_step.subs(rho, s)), (s, 0, 1)) / q0**2
                   - sp.Rational(1, 2))  # dq = q0 ds
k0_inf, k1_inf = K_step.coeff(q0, 0), K_step.coeff(q0, 1)
g_low = [r for r in sp.solve(k0_inf, g_h) if r.is_positive][0]
# Step 9 (D5): finite alpha_r. With sigma = Theta + d, d(u) = sigma(u) - Theta(u) odd, int d = 0 and
# <sigma sigma> - <Theta Theta> = 2 <d(alpha a) Theta(b)> + O(alpha^-3)
#   = 2 (1/alpha) int d(v) p(v/alpha) Phi(rho v/(alpha sqrt(R0 (1-rho^2)))) dv
#   = 2 p(0) Phi'(0) rho / (alpha^2 sqrt(R0 (1 - rho^2))) int v d(v) dv + O(alpha^-3),
# p(0) = 1/sqrt(2 pi R0), Phi'(0) = 1/sqrt(2 pi), and int v d(v) dv = -2 int_0^oo v sigma(-v) dv:
# expanding 1/(1 + e^v) = sum_n (-1)^(n+1) e^(-n v) and int_0^oo v e^(-n v) dv = 1/n^2:
m = sp.Symbol("m", integer=True, positive=True)
first_moment_d = -2 * sp.summation((-1) ** (m + 1) / m**2, (m, 1, sp.oo))  # = -pi^2/6
dC_sig = 2 * first_moment_d * rho / (2 * sp.pi * alpha_r**2 * R0 * sp.sqrt(1 - rho**2))
# its contribution to E/q0^2 at leading order: C_phi = g^2 s q0, R0 = g^2 q0, rho = s, dq = q0 ds
dK = sp.simplify(sp.integrate(g_h**2 * s * q0 * dC_sig.subs({rho: s, R0: g_h**2 * q0}) * q0, (s, 0, 1)) / q0**2)
K_low = k0_inf + k1_inf * q0 + dK
# Step 10: saddle node K_low = dK_low/dq0 = 0 at g_h = g_low + e1/alpha_r with q0 = d1/alpha_r.
d1, e1, t = sp.symbols("d_1 e_1 t", positive=True)  # t = 1/alpha_r
Kl = sp.expand(K_low.subs({g_h: g_low + e1 * t, alpha_r: 1 / t}).subs(q0, d1 * t))
dKl = sp.expand(sp.diff(K_low, q0).subs({g_h: g_low + e1 * t, alpha_r: 1 / t}).subs(q0, d1 * t))
lead_low = [sp.limit(Kl / t, t, 0), sp.limit(dKl, t, 0)]
sol_low = [d for d in sp.solve(lead_low, [d1, e1], dict=True) if d[d1].is_positive][0]
d1_low, e1_low = sp.simplify(sol_low[d1]), sp.simplify(sol_low[e1])

# Variance just above g_h = 2 (App. I3, Eqs. I29-I46): g_h = 2 + eps, alpha_r < 2 sqrt(3): the nonzero
# root of E/q0^2 = k0 + k1 q0 + ... is born continuously; ansatz q0 = a eps at leading order.
a_sl = sp.Symbol("a", positive=True)
K_above = sp.expand(K.subs(g_h, 2 + eps).subs(q0, a_sl * eps))
lead_above = sp.limit(K_above / eps, eps, 0)
slope_above = sp.solve(lead_above, a_sl)[0]  # C_h(0) = slope_above * eps

ASSUME = ["beta_h = beta_r = 0, no inputs", "(D1) alpha_z = 0", "(D2) tau_r << 1: C_r = C_phi (closure of App. G2)",
          "(D3) energy conservation: C_h'(0) = 0, C_h(infinity) = 0"]
RESULTS = {
    "dyn-bifurcation-near-2": dict(
        expr=alpha_dyn_top, args=(),
        assumptions=ASSUME + ["limit of alpha_r^dyn(g_h) as g_h -> 2- (seed Eq. G18)",
                              "(D4) C_h(0) small: E/q0^2 expanded to O(q0^2)"]),
    "dyn-bifurcation-near-2-scaling": dict(
        expr=sp.Tuple(c0_top, c1_top, sp.Rational(1, 2)), args=(),
        assumptions=["(c_0, c_1, exponent): at g_h = 2 - eps, C_h(0) = c_0 eps^(1/2), "
                     "alpha_r^dyn - 2 sqrt(3) = c_1 eps^(1/2) (seed Eqs. G16-G17)"]),
    "dyn-bifurcation-lowest-gh": dict(
        expr=g_low, args=(),
        assumptions=ASSUME + ["lowest g_h of the dynamical bifurcation, reached as alpha_r -> infinity "
                              "(seed Eq. G15)", "(D5) sigma_r a step: <Theta Theta> = 1/4 + asin(rho)/(2 pi)"]),
    "dyn-bifurcation-lowest-gh-scaling": dict(
        expr=sp.Tuple(d1_low, e1_low, sp.Integer(-1)), args=(),
        assumptions=["(d_1, e_1, exponent): for large alpha_r at the bifurcation C_h(0) = d_1/alpha_r and "
                     "g_h^dyn = sqrt(8/3) + e_1/alpha_r",
                     "finite-alpha_r correction of the gate correlation to O(alpha_r^-2): "
                     "-pi rho/(6 alpha_r^2 R0 sqrt(1 - rho^2))"]),
    "variance-above-2": dict(
        expr=slope_above, args=("alpha_r",),
        assumptions=ASSUME + ["C_h(0) = (this) * (g_h - 2) to leading order just above g_h = 2, for alpha_r < 2 sqrt(3) "
                              "(seed Eqs. I29-I46)",
                              "near g_h = 2 the relaxation time diverges, so C_r = C_phi also without tau_r << 1 "
                              "(the argument of App. I3); alpha_z enters only through time scales under (D1)"]),
    "dyn-potential-series": dict(
        expr=K, args=("q_0", "g_h", "alpha_r"),
        assumptions=ASSUME + ["E(q0)/q0^2 to O(q0^2), q0 = C_h(0)"]),
}

if __name__ == "__main__":
    show("energy condition E(q0) (D3)", E_general)
    show("C_phi(q) to third order", C_phi)
    for j in range(3):
        show(f"E/q0^2: coefficient of q0^{j}", k[j])
    show("alpha_r^dyn(2-)", alpha_dyn_top)
    show("c_0, c_1", (c0_top, c1_top))
    show("step gate: E/q0^2 leading orders", K_step)
    show("lowest g_h", g_low)
    show("int v d(v) dv", first_moment_d)
    show("finite-alpha_r correction to E/q0^2", dK)
    show("d_1, e_1", (d1_low, e1_low))
    show("C_h(0)/(g_h - 2) just above 2", slope_above)
