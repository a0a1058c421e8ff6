"""Report figure: DMFT correlation functions against population-averaged autocorrelations of
simulated networks (Fig. 9)."""
from __future__ import annotations

import numpy as np

from ..dmft import solve_dmft
from ..dmft.gaussian_process import autocorrelation
from ..network import Network, simulate
from ..params import GateParams
from ._plotting import _plt, _save
from .comparison import FigureResult, compare

DMFT_QUICK = dict(n_paths=300, dt=0.1, t_window=200.0, t_burn=40.0, tau_max=50.0, maxiter=25, n_average=3)
DMFT_FULL = dict(n_paths=1000, dt=0.1, t_window=300.0, t_burn=50.0, tau_max=60.0, maxiter=40, n_average=8)


def fig_dmft_correlations(out, quick=True, bar=None) -> FigureResult:
    """Fig. 9: DMFT correlation functions against population-averaged autocorrelations of simulations."""
    plt = _plt()
    alphas = (0.0, 2.0) if quick else (0.0, 2.0, 5.0, 15.0)
    n, seeds = (500, 2) if quick else (2000, 3)
    opts = DMFT_QUICK if quick else DMFT_FULL
    res = FigureResult("dmft_correlations", "DMFT correlations against simulation", "Fig. 9",
                       params={"N": n, "seeds": seeds, "g_h": 5.0})
    fig, axes = plt.subplots(1, len(alphas), figsize=(4 * len(alphas), 3.6))
    for ax, az in zip(np.atleast_1d(axes), alphas):
        p = GateParams(g_h=5.0, alpha_z=az)
        sol = solve_dmft(p, seed=11, **opts)
        curves, var = [], []
        t_sim = 450.0 if quick else 1050.0
        for s in range(seeds):
            net = Network(p, n, seed=s)
            tr = simulate(net, net.initial_state(s), t_sim, dt=0.1, record_every=0.1)
            c = autocorrelation(tr.x[500:, :n].T, max_lag=400)
            curves.append(c)
            var.append(c[0])
        sim = np.mean(curves, axis=0)
        lag = 0.1 * np.arange(sim.size)
        theory = np.interp(lag, sol.tau, sol.C_h)
        mask = lag <= 20.0  # lags well inside both the simulated window and the DMFT range
        d = np.abs(theory[mask] / theory[0] - sim[mask] / sim[0]).max()
        se = np.std(var, ddof=1) / np.sqrt(len(var))
        res.comparisons.append(compare(f"C_h(0), alpha_z = {az:g}", sol.variance_h, np.mean(var),
                                       rel=0.05 + 3 * se / sol.variance_h,
                                       note=f"5% finite N + 3 standard errors over {seeds} seeds ({se:.4f})"))
        res.comparisons.append(compare(f"max |C_h/C_h(0) difference| for tau <= 20, alpha_z = {az:g}", 0.0, d,
                                       abs_=0.1, note="finite window and N; DMFT sampling noise"))
        ax.plot(lag[mask], sim[mask] / sim[0], "k.", ms=2, label=f"simulation N = {n}")
        ax.plot(sol.tau, sol.C_h / sol.C_h[0], "C3-", label="DMFT")
        ax.set(xlabel="tau", ylabel="C_h(tau) / C_h(0)", title=f"g_h = 5, alpha_z = {az:g}")
        ax.legend(fontsize=8)
        if bar:
            bar.update(1)
    fig.tight_layout()
    res.png = _save(fig, out, res.key)
    res.caption = "Normalised autocorrelation of h: DMFT by iterative sampling against simulated networks."
    return res


