"""Fixed-point bifurcation without biases: its limit as g_h -> 2- and its lowest g_h
(seed Sec. V B, Eq. 12; App. G1, Eqs. G1-G2; App. I2, Eqs. I24-I28).

Results
-------
fp-bifurcation-near-2: alpha_r^FP(g_h) -> alpha_* = 2 sqrt(2) as g_h -> 2-; with eps = 2 - g_h,
    Delta_h = xi_0 eps^(1/2) and alpha_r^FP = alpha_* + xi_1 eps^(1/2) at leading order.
fp-bifurcation-lowest-gh: the curve exists for g_h > sqrt(2) only (alpha_r -> infinity there);
    g_h^FP(alpha_r) = sqrt(2) + e_1 alpha_r^(-2/3), Delta_h = d_1 alpha_r^(-2/3).

Starting equation (static_mft with beta_h = beta_r = 0 and no inputs):
    Delta_h = P(Delta_h) S(P(Delta_h)),  P(D) = <tanh^2(g_h sqrt(D) x)>,  S(R) = <sigma(alpha_r sqrt(R) x)^2>.
Nonzero solutions are roots of G(D) = P S(P)/D - 1; the bifurcation (two roots born together)
is where G = 0 and dG/dD = 0.

Assumptions: (C1) Delta_h small at the bifurcation near both ends (checked by the numerics);
(C2) near g_h = sqrt(2), alpha_r sqrt(Delta_r) >> 1, so sigma_r is a step up to an O(1/(alpha_r sqrt(Delta_r)))
correction that is computed below.
"""
import sympy as sp

from common import alpha_r, avg_poly_1pt, g_h, show, sigma, taylor

u = sp.Symbol("u", real=True)
D, R = sp.symbols("D R", positive=True)
eps = sp.Symbol("epsilon", positive=True)
ORDER = 3  # powers of D kept in G: D^0 .. D^2

# Step 1 (C1): small-variance expansions of the averages from Taylor polynomials.
P_series = avg_poly_1pt(taylor(sp.tanh(g_h * u) ** 2, u, 2 * ORDER + 2), u, D)
S_series = avg_poly_1pt(taylor(sigma(alpha_r * u, 1, 0) ** 2, u, 2 * ORDER), u, R)
# Step 2: the closed equation divided by D (D = 0 is always a root).
G = sp.expand(sp.series(P_series * S_series.subs(R, P_series) / D - 1, D, 0, ORDER).removeO())
c = [sp.factor(G.coeff(D, k)) for k in range(ORDER)]
# Step 3: at g_h = 2 the constant term vanishes (g_h^2/4 = 1: the zero fixed point is marginal).
assert sp.simplify(c[0].subs(g_h, 2)) == 0
# Step 4: a pair of small roots is born where the linear coefficient changes sign at g_h = 2.
alpha_star = [s for s in sp.solve(c[1].subs(g_h, 2), alpha_r) if s.is_positive][0]
# Step 5: scaling ansatz near the end point: D = xi0 eps^(1/2), alpha_r = alpha_* + xi1 eps^(1/2).
xi0, xi1 = sp.symbols("xi_0 xi_1", positive=True)
sub = {g_h: 2 - eps, alpha_r: alpha_star + xi1 * sp.sqrt(eps)}
G_eps = sp.expand(G.subs(sub).subs(D, xi0 * sp.sqrt(eps)))
dG_eps = sp.expand(sp.diff(G, D).subs(sub).subs(D, xi0 * sp.sqrt(eps)))
lead_G = sp.expand(sp.limit(G_eps / eps, eps, 0))             # G = O(eps)
lead_dG = sp.expand(sp.limit(dG_eps / sp.sqrt(eps), eps, 0))  # dG/dD = O(eps^(1/2))
sol = sp.solve([lead_G, lead_dG], [xi0, xi1], dict=True)
sol = [s for s in sol if s[xi0].is_positive and s[xi1].is_positive][0]
xi0_val, xi1_val = sp.nsimplify(sp.radsimp(sol[xi0])), sp.radsimp(sol[xi1])

# Lowest g_h: alpha_r -> infinity.
# Step 6 (C2): S(R) = <sigma(alpha_r sqrt(R) x)^2> = 1/2 + (1/(alpha_r sqrt(R))) p(0) int (sigma^2 - Theta) du + ...
# with p(0) = 1/sqrt(2 pi) the standard normal density at 0; by sigma(-u) = 1 - sigma(u) the integral
# folds onto u > 0 as int_0^oo -2 sigma (1 - sigma) du = -2 int_0^oo sigma' du:
sig1 = sigma(u, 1, 0)
step_integral = sp.integrate(-2 * sp.diff(sig1, u), (u, 0, sp.oo))  # = -1
S_step = sp.Rational(1, 2) + step_integral / (sp.sqrt(2 * sp.pi) * alpha_r * sp.sqrt(R))
# Step 7: G with the step gate; D = y^2 so that the correction is a power of y.
y = sp.Symbol("y", positive=True)
P2 = avg_poly_1pt(taylor(sp.tanh(g_h * u) ** 2, u, 4), u, D)  # g_h^2 D - 2 g_h^4 D^2
G_step = sp.expand(P2 * S_step.subs(R, P2) / D - 1)
G_step = sp.expand(sp.series(G_step.subs(D, y**2), y, 0, 3).removeO())
# keep the three leading orders: y^0 (fixes the end point), y^2 (tanh saturation), 1/y (soft step)
const, c_y2, c_inv_y = G_step.coeff(y, 0), G_step.coeff(y, 2), G_step.coeff(y, -1)
G_keep = const + c_y2 * y**2 + c_inv_y / y
g_low = [s for s in sp.solve(sp.Eq(const, 0), g_h) if s.is_positive][0]  # = sqrt(2)
# Step 8: scaling near g_low: D = d1 alpha_r^(-2/3), g_h = g_low + e1 alpha_r^(-2/3); keep the leading order.
d1, e1, t = sp.symbols("d_1 e_1 t", positive=True)  # t = alpha_r^(-1/3)
G_t = sp.expand(G_keep.subs({g_h: g_low + e1 * t**2, alpha_r: t**-3}).subs(y, sp.sqrt(d1) * t))
dG_t = sp.expand(sp.diff(G_keep, y).subs({g_h: g_low + e1 * t**2, alpha_r: t**-3}).subs(y, sp.sqrt(d1) * t))
lead_G_low = sp.limit(G_t / t**2, t, 0)
lead_dG_low = sp.limit(dG_t / t, t, 0)
sol_low = sp.solve([lead_G_low, lead_dG_low], [d1, e1], dict=True)[0]
d1_val, e1_val = sp.simplify(sol_low[d1]), sp.simplify(sol_low[e1])

RESULTS = {
    "fp-bifurcation-near-2": dict(
        expr=alpha_star, args=(),
        assumptions=["beta_h = beta_r = 0, no inputs, alpha_z irrelevant (fixed points)",
                     "limit of alpha_r^FP(g_h) as g_h -> 2- (seed App. I2, Eq. I26)",
                     "(C1) Delta_h small near the end point: G expanded to O(Delta_h^2)"]),
    "fp-bifurcation-near-2-scaling": dict(
        expr=sp.Tuple(xi0_val, xi1_val, sp.Rational(1, 2)), args=(),
        assumptions=["(xi_0, xi_1, exponent): at g_h = 2 - eps, Delta_h = xi_0 eps^(1/2) and "
                     "alpha_r^FP - 2 sqrt(2) = xi_1 eps^(1/2) at leading order (seed Eq. G1)"]),
    "fp-bifurcation-lowest-gh": dict(
        expr=g_low, args=(),
        assumptions=["beta_h = beta_r = 0, no inputs; lowest g_h of the fixed-point bifurcation, reached as "
                     "alpha_r -> infinity (seed App. I2, Eq. I27)",
                     "(C2) sigma_r a step up to O(1/(alpha_r sqrt(Delta_r))): <sigma_r^2> = 1/2 - "
                     "1/(sqrt(2 pi) alpha_r sqrt(Delta_r))"]),
    "fp-bifurcation-lowest-gh-scaling": dict(
        expr=sp.Tuple(d1_val, e1_val, sp.Rational(-2, 3)), args=(),
        assumptions=["(d_1, e_1, exponent): at the bifurcation for large alpha_r, Delta_h = d_1 alpha_r^(-2/3), "
                     "g_h^FP = sqrt(2) + e_1 alpha_r^(-2/3) (seed Eqs. G2, I28)"]),
}

if __name__ == "__main__":
    show("P(D) series", P_series)
    show("S(R) series", S_series)
    for k in range(ORDER):
        show(f"G: coefficient of D^{k}", c[k])
    show("alpha_* (linear coefficient vanishes at g_h = 2)", alpha_star)
    show("leading equations near g_h = 2", [lead_G, lead_dG])
    show("xi_0, xi_1", (xi0_val, xi1_val))
    show("int (sigma^2 - step) du", step_integral)
    show("G with a step gate (D = y^2)", G_keep)
    show("lowest g_h", g_low)
    show("d_1, e_1", (d1_val, e1_val))
