# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # The fixed-point bifurcation near g_h = 2, derived and checked
#
# Seed Sec. V B, App. G1 (Eq. G1) and App. I2 (Eq. I26). Without biases and inputs, nonzero
# fixed points of the mean-field equations
#
#     Delta_h = P(Delta_h) S(P(Delta_h)),  P(D) = <tanh^2(g_h sqrt(D) x)>,  S(R) = <sigma(alpha_r sqrt(R) x)^2>
#
# appear in pairs (a saddle node) above a curve alpha_r^FP(g_h). We derive its limit as g_h -> 2-
# and the scaling of Delta_h there, then solve the full equation numerically and watch the curve
# approach the limit with the predicted exponent. `GATETHEORY_QUICK=1` uses fewer points.

# %%
import os

import numpy as np
import sympy as sp
from scipy.optimize import brentq, minimize_scalar
from scipy.special import expit

from gatetheory.symbolic import get

QUICK = os.environ.get("GATETHEORY_QUICK", "0") == "1"

# %% [markdown]
# ## 1. Small-variance expansion
# Taylor polynomials of tanh^2 and sigma^2, averaged with exact Gaussian moments
# E[x^k] = (k-1)!! (k even).

# %%
g, a = sp.symbols("g_h alpha_r", positive=True)
u, D, R, eps = sp.symbols("u D R epsilon", positive=True)


def gauss_avg_poly(f, var, order):
    poly = sp.Poly(sp.series(f, u, 0, order + 1).removeO(), u)
    return sp.expand(sum(c * (sp.factorial2(k - 1) if k % 2 == 0 else 0) * var ** sp.Rational(k, 2)
                         for (k,), c in poly.terms()))


P = gauss_avg_poly(sp.tanh(g * u) ** 2, D, 8)
S = gauss_avg_poly((1 / (1 + sp.exp(-a * u))) ** 2, R, 6)
G = sp.expand(sp.series(P * S.subs(R, P) / D - 1, D, 0, 3).removeO())  # nonzero roots: G = 0
coeffs = [sp.factor(G.coeff(D, k)) for k in range(3)]
coeffs

# %% [markdown]
# ## 2. The end point
# The constant term vanishes at g_h = 2. Where the linear coefficient also vanishes, a pair of small
# roots is born: that alpha_r is the limit of the bifurcation curve. The quadratic coefficient is
# negative there, so the birth is a saddle node.

# %%
alpha_star = [s for s in sp.solve(coeffs[1].subs(g, 2), a) if s.is_positive][0]
assert sp.simplify(coeffs[2].subs({g: 2, a: alpha_star})) < 0
alpha_star

# %% [markdown]
# ## 3. Scaling: Delta_h = xi0 eps^(1/2), alpha_r = alpha_* + xi1 eps^(1/2) at g_h = 2 - eps
# Insert the ansatz into G = 0 and dG/dD = 0 and keep the leading order.

# %%
xi0, xi1 = sp.symbols("xi_0 xi_1", positive=True)
sub = {g: 2 - eps, a: alpha_star + xi1 * sp.sqrt(eps)}
eqs = [sp.limit(G.subs(sub).subs(D, xi0 * sp.sqrt(eps)) / eps, eps, 0),
       sp.limit(sp.diff(G, D).subs(sub).subs(D, xi0 * sp.sqrt(eps)) / sp.sqrt(eps), eps, 0)]
sol = [s for s in sp.solve(eqs, [xi0, xi1], dict=True) if s[xi0].is_positive][0]
sol

# %% [markdown]
# The registry (shipped, generated from `derivations/fp_bifurcation.py`) holds the same results:

# %%
assert sp.simplify(get("fp-bifurcation-near-2").expression - alpha_star) == 0
shipped = get("fp-bifurcation-near-2-scaling").expression
assert sp.simplify(shipped[0] - sol[xi0]) == 0 and sp.simplify(shipped[1] - sol[xi1]) == 0
print("alpha_r^FP(2-) =", get("fp-bifurcation-near-2").value_str(32))

# %% [markdown]
# ## 4. The full equation, solved numerically
# For each g_h = 2 - eps: alpha_r(D) solves the full equation at fixed D (S grows with alpha_r), and
# alpha_r^FP is its minimum over D (the saddle node). Averages by 80-point Gauss-Hermite.

# %%
X, W = np.polynomial.hermite_e.hermegauss(80)
W = W / W.sum()


def gap(Dv, gv, av):
    p = W @ np.tanh(gv * np.sqrt(Dv) * X) ** 2
    return p * (W @ expit(av * np.sqrt(p) * X) ** 2) / Dv - 1


def alpha_of_D(Dv, gv):
    return brentq(lambda av: gap(Dv, gv, av), 0.0, 100.0, xtol=1e-14) if gap(Dv, gv, 100.0) > 0 else np.inf


def alpha_fp(gv):
    r = minimize_scalar(lambda t: alpha_of_D(np.exp(t), gv), bounds=(np.log(1e-5), np.log(0.2)),
                        method="bounded", options={"xatol": 1e-10})
    return r.fun, np.exp(r.x)


eps_list = np.array([0.004, 0.002, 0.001] if QUICK else [0.004, 0.002, 0.001, 0.0005, 0.00025])
res = np.array([alpha_fp(2 - e) for e in eps_list])
a_lim, (x0, x1, expo) = float(alpha_star), [float(v) for v in shipped]
for e, (av, Dv) in zip(eps_list, res):
    print(f"eps={e:.5f}  alpha_FP={av:.6f}  (alpha-alpha_*)/eps^0.5={(av - a_lim) / e**0.5:.4f}  "
          f"Delta_h/eps^0.5={Dv / e**0.5:.5f}")
print("predicted xi1 =", x1, " xi0 =", x0)

# %% [markdown]
# ## 5. Agreement
# Fitted exponents of alpha_r - alpha_* and of Delta_h against eps, and the limit extrapolated
# without using alpha_* (quadratic in eps^(1/2)).

# %%
slope_a = np.polyfit(np.log(eps_list), np.log(res[:, 0] - a_lim), 1)[0]
slope_D = np.polyfit(np.log(eps_list), np.log(res[:, 1]), 1)[0]
a0 = np.polyfit(np.sqrt(eps_list), res[:, 0], 2)[-1]
print(f"exponents {slope_a:.3f}, {slope_D:.3f} (predicted {expo}); extrapolated limit {a0:.5f} vs {a_lim:.5f}")
assert abs(slope_a - expo) < 0.06 and abs(slope_D - expo) < 0.06
assert abs(a0 - a_lim) < 5e-3
