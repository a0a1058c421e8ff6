# %% [markdown]
# # gatetheory quick start
#
# The gated RNN of Krishnamurthy, Can & Schwab (PRX 12, 011011, 2022): build a network, simulate it,
# look at its Jacobian spectrum and its Lyapunov spectrum, and check one theoretical number against
# the simulation. `GATETHEORY_QUICK=1` picks small sizes (about a minute).

# %%
import os

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))
import matplotlib.pyplot as plt
import numpy as np

from gatetheory import GateParams
from gatetheory.network import Network, jacobian_eigenvalues, lyapunov_spectrum, simulate

QUICK = os.environ.get("GATETHEORY_QUICK") == "1"
N = 100 if QUICK else 400

# %% [markdown]
# ## Parameters and a network
# Gates: `sigma(x) = 1 / (1 + exp(-(alpha x + beta)))`; a positive bias opens the gate.

# %%
params = GateParams(g_h=3.0, alpha_z=5.0, alpha_r=2.0)
net = Network(params, N, seed=1)
traj = simulate(net, net.initial_state(seed=1), t=100.0, dt=0.05, record_every=0.5)
h = traj.x[:, :N]
fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(traj.t, h[:, :5])
ax.set(xlabel="t / tau_h", ylabel="h_i")

# %% [markdown]
# ## Jacobian spectrum along the trajectory
# A sensitive update gate (alpha_z = 5) pinches the spectrum towards zero: slow modes.

# %%
ev = jacobian_eigenvalues(net, traj.final)
fig, ax = plt.subplots(figsize=(4, 4))
ax.plot(ev.real, ev.imag, ".", ms=2)
ax.set(xlabel="Re", ylabel="Im", title=f"{3 * N} eigenvalues")
print("leading eigenvalue:", ev[0])

# %% [markdown]
# ## Lyapunov spectrum and Kaplan-Yorke dimension (Eq. 9)

# %%
spec = lyapunov_spectrum(net, t_total=100.0 if QUICK else 400.0, k=3 * N, dt=0.1, t_transient=20.0, seed=2)
print(f"lambda_max = {spec.lambda_max:.4f} +- {spec.stderr[0]:.4f},  D_KY = {spec.kaplan_yorke:.2f}")
print(f"sum rule: sum of exponents {spec.exponents.sum():.5f}  vs  mean trace {spec.trace_mean:.5f}")

# %% [markdown]
# ## A check against theory: the zero fixed point is stable below g_h = 2
# Without biases and with alpha_r = 0 the zero fixed point is stable while g_h sigma_r(0) < 1 (Eq. H1).

# %%
for g in (1.5, 3.0):
    net_g = Network(GateParams(g_h=g), N, seed=3)
    x = simulate(net_g, net_g.initial_state(seed=3), t=150.0, dt=0.1, record_every=150.0).final
    print(f"g_h = {g}: variance of h at t = 150: {np.var(x[:N]):.3e}")
    if g < 2:
        assert np.var(x[:N]) < 1e-8
    else:
        assert np.var(x[:N]) > 1e-3
