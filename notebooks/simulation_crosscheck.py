# %% [markdown]
# # Theory against simulation: the DMFT Lyapunov exponent
#
# The dynamical mean-field theory (App. C) is solved by iterative sampling, and the maximal Lyapunov
# exponent follows from a Schrodinger-like eigenvalue problem (Eqs. 10-11). We compare it with the
# QR-method exponent of simulated networks of growing size. `GATETHEORY_QUICK=1` keeps it to a minute.

# %%
import os

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))
import matplotlib.pyplot as plt
import numpy as np

from gatetheory import GateParams
from gatetheory.dmft import solve_dmft
from gatetheory.dmft.lyapunov import dmft_lambda_max
from gatetheory.network import Network, lyapunov_spectrum

QUICK = os.environ.get("GATETHEORY_QUICK") == "1"
params = GateParams(g_h=4.0, alpha_r=2.0)

# %% [markdown]
# ## DMFT

# %%
# alpha_z = 0: h is Gaussian, so solve_dmft takes the noise-free moment route (sol.method says so)
sol = solve_dmft(params, tau_max=40.0)
lam = dmft_lambda_max(sol)
print(f"DMFT ({sol.method}): C_h(0) = {sol.variance_h:.4f}, lambda_max = {lam.lambda_max:.4f} +- {lam.error:.1e}")
fig, ax = plt.subplots(figsize=(5, 3))
ax.plot(sol.tau, sol.C_h / sol.C_h[0])
ax.set(xlabel="tau", ylabel="C_h / C_h(0)")

# %% [markdown]
# ## Simulation at growing N

# %%
sizes = (100, 300) if QUICK else (200, 500, 1000, 2000)
sim = []
for n in sizes:
    vals = [lyapunov_spectrum(Network(params, n, seed=s), 200.0 if QUICK else 500.0, k=1, dt=0.1,
                              t_transient=50.0, seed=s).lambda_max for s in range(2)]
    sim.append(np.mean(vals))
    print(f"N = {n:5d}: lambda_max = {sim[-1]:.4f}")
fig, ax = plt.subplots(figsize=(5, 3))
ax.plot(sizes, sim, "o-", label="simulation")
ax.axhline(lam.lambda_max, color="r", label="DMFT")
ax.set(xscale="log", xlabel="N", ylabel="lambda_max")
ax.legend()

# %%
# The largest network agrees with the DMFT to within its finite-size deficit (~20% at N = 300).
assert abs(sim[-1] - lam.lambda_max) < 0.3 * lam.lambda_max
