# %% [markdown]
# # A critical line at 50 digits
#
# The fixed-point bifurcation alpha_r^FP(g_h) (seed Eq. 12) is the saddle node of the static
# mean-field equations: nonzero solutions Delta_h of Delta_h = <phi^2><sigma_r^2> are born in pairs.
# `fp_bifurcation(g_h, dps=50)` solves it with mpmath at 50 and 60 digits and reports how many agree.
# We check it three ways: against an independent float64 Gauss-Hermite solve, against its derived
# limit 2 sqrt 2 as g_h -> 2-, and against the derived square-root approach to that limit.

# %%
import os

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))
import matplotlib.pyplot as plt
import mpmath
import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.special import expit

from gatetheory.meanfield.critical_lines import fp_bifurcation
from gatetheory.symbolic import registry

QUICK = os.environ.get("GATETHEORY_QUICK") == "1"

# %% [markdown]
# ## 50 digits, and the digits trusted

# %%
cp = fp_bifurcation(1.8, dps=50)
with mpmath.workdps(50):
    print("alpha_r^FP(1.8) =", mpmath.nstr(cp.value, 50))
    print("Delta_h at the fold =", mpmath.nstr(cp.Delta_h, 30))
print("digits trusted (50 vs 60 working digits):", cp.digits)
assert cp.digits >= 45

# %% [markdown]
# ## An independent float64 computation
# The fold is where alpha*(Delta), the alpha_r that makes Delta a solution, is smallest. Gauss-Hermite
# with 200 nodes, written here from the model's definition, not from the package's solvers.

# %%
x, w = np.polynomial.hermite_e.hermegauss(200)
w = w / np.sqrt(2 * np.pi)


def alpha_star(D, g):
    phi2 = w @ np.tanh(g * np.sqrt(D) * x) ** 2            # <phi^2>, also the variance of r
    target = D / phi2                                      # required <sigma_r^2>
    f = lambda a: w @ expit(a * np.sqrt(phi2) * x) ** 2 - target
    return brentq(f, 1e-9, 1e4)


res = minimize_scalar(lambda lD: alpha_star(np.exp(lD), 1.8), bounds=(np.log(1e-4), np.log(0.5)), method="bounded",
                      options={"xatol": 1e-10})
print(f"float64 Gauss-Hermite: {res.fun:.12f}   mpmath: {float(cp.value):.12f}")
assert abs(res.fun - float(cp.value)) < 1e-8

# %% [markdown]
# ## Approach to the derived limit as g_h -> 2-

# %%
limit = registry.get("fp-bifurcation-near-2")
with mpmath.workdps(30):
    a2 = limit.value(30)
print("derived limit:", limit.expression, "=", mpmath.nstr(a2, 25))
eps = np.geomspace(1e-2, 1e-5, 5 if QUICK else 10)
vals = [fp_bifurcation(2 - e, dps=30).value for e in eps]
gaps = np.array([float(v - a2) for v in vals])
slope = np.polyfit(np.log(eps[-4:]), np.log(gaps[-4:]), 1)[0]
fig, ax = plt.subplots(figsize=(5, 3.5))
ax.loglog(eps, gaps, "o-")
ax.set(xlabel="2 - g_h", ylabel="alpha_r^FP - 2 sqrt 2", title=f"slope {slope:.3f} (derived: 1/2)")
print("fitted exponent:", slope)
assert abs(slope - 0.5) < 0.03  # O(eps) corrections shift the fitted exponent by ~eps
