"""Report figure: DMFT lambda_max against the QR-method exponent of simulated networks (Fig. 3c).

Three curves, alpha_r in {0, 2, 20} at alpha_z = 0, from the noise-free moment route
(:func:`gatetheory.dmft.moments.solve_moment_equations` feeding the Eqs. 10-11 eigenproblem). At
alpha_r = 20 the chaotic solution is born discontinuously below g_h = 2 (it coexists with the stable zero
fixed point); the figure marks that jump. See docs/dmft_lambda.md for the measured table.
"""
from __future__ import annotations

from dataclasses import replace

import os
from pathlib import Path

import numpy as np

from ..dmft import solve_dmft
from ..dmft.lyapunov import dmft_lambda_max
from ..dmft.moments import chaos_onset_g_h, solve_moment_equations
from ..params import GateParams
from ._plotting import _plt, _save
from .comparison import FigureResult, claim, compare

DMFT_FULL = dict(method="sampling", n_replicas=4, n_paths=250, dt=0.1, t_window=300.0, t_burn=50.0, tau_max=60.0, maxiter=40, n_average=8)

# quick: the DMFT curves at a few points, simulations only where N = 400 is large enough: alpha_r = 20
# (deficit 1-11%); not alpha_r = 0 (at g_h = 4 two N = 400 seeds gave 0.059 and 0.031 against 0.056)
# nor alpha_r = 2 (25-27% low at g_h = 4); the jump checked by its bracket. Full: dense curves, the
# bisected jump against the energy closure, sampling DMFT at two points, N = 2000 (1000 near the jump).
# The sweep stores are resumable (out/sweep_lambda, out/sweep_lambda_jump).
CONFIG = {
    True: dict(theory={0.0: (3.0, 4.0), 2.0: (3.0, 4.0), 20.0: (1.8, 2.2, 3.0, 4.0)},
               sim_all=(4.0,), sim_alphas=(20.0,), sim_jump=(3.0,), n=400, n_jump=400, t=150.0, seeds=2, below=1.72,
               bisect=False, sampling=()),
    False: dict(theory={0.0: (2.25, 2.5, 3.0, 3.5, 4.0), 2.0: (2.25, 2.5, 3.0, 3.5, 4.0),
                        20.0: (1.76, 1.78, 1.8, 1.9, 2.0, 2.25, 2.5, 3.0, 3.5, 4.0)},
                sim_all=(2.5, 3.0, 3.5, 4.0), sim_alphas=(0.0, 2.0, 20.0), sim_jump=(1.7, 1.8, 1.9, 2.0),
                n=2000, n_jump=1000, t=500.0, seeds=3, below=1.72, bisect=True, sampling=((20.0, 3.0), (2.0, 3.0))),
}
_COLORS = {0.0: "C0", 2.0: "C1", 20.0: "C2"}


def moment_lambda(g_h: float, alpha_r: float, *, quick: bool = False):
    """(moment solution, DMFTLyapunov or None) at alpha_z = 0.

    Near g_h = 2 (alpha_r <= 2) the correlation time grows, so the tau grid is doubled to 100 there
    (lambda_max at g_h = 2.25, alpha_r = 0 moved from 0.0011 to 0.0027 between 50 and 100, and by 5e-5
    more at 200). Undamped iteration where it is measured stable (alpha_r = 20, or g_h >= 2.75), half
    damping elsewhere (undamped oscillates at g_h = 2.25, alpha_r = 0). Quick: eigenproblem on a shorter,
    coarser grid (tau_range 30, step 0.25; lambda_max changes by <= 2e-5 at g_h >= 3, error estimate
    <= 4e-4).
    """
    p = GateParams(g_h=g_h, alpha_r=alpha_r)
    tau_max = 50.0 if g_h >= 2.75 or alpha_r >= 20 else 100.0
    damping = 1.0 if alpha_r >= 20 or g_h >= 2.75 else 0.5
    sol = solve_moment_equations(p, C_h0=3.0, tau_max=tau_max, maxiter=8000, damping=damping)
    if not sol.chaotic:
        return sol, None
    tau_range, d_tau = (30.0, 0.25) if quick else (min(tau_max, 60.0), 0.2)
    return sol, dmft_lambda_max(sol, tau_range=tau_range, d_tau=d_tau)


def _simulate(out, name, grid, fixed, cfg, n, quick):
    from ..sweep import parse_spec, run_sweep

    spec = parse_spec({"sweep": {"measurement": "lyapunov", "seeds": cfg["seeds"]}, "params": {"n": n, **fixed},
                       "grid": grid, "options": {"t_total": cfg["t"], "t_transient": 50.0, "k": 1, "dt": 0.1}})
    sweep = run_sweep(spec, Path(out) / name, workers=1 if quick else (os.cpu_count() or 1),
                      scheduler=os.environ.get("GATETHEORY_SCHEDULER") if not quick else None)
    return sweep, sweep.dataset()


def _tolerance(alpha_r, g_h, n):
    """Relative budget for simulated vs DMFT lambda_max, from the measured finite-size deficits
    (docs/dmft_lambda.md): alpha_r = 20, g_h >= 2.5: 1-11% at N = 400-800; alpha_r <= 2 at g_h = 3-4:
    2-18% at N = 800, 25-27% at N = 400 (alpha_r = 2); near g_h = 2 the deficit grows, and just above the
    jump finite-N chaos is transient (N = 400 at g_h = 1.8 collapses to the fixed point after t = 200-500),
    so a run's exponent mixes the two attractors (N = 800, g_h = 1.8: 0.097 and 0.056 vs 0.118)."""
    if g_h < 2.5:
        return 0.4
    if alpha_r >= 20:
        return 0.15
    return 0.3 if n <= 800 else 0.2


def _values(ds, g_h, alpha_r):
    a = ds["alpha_r"].values if "alpha_r" in ds else np.full(ds["g_h"].shape, alpha_r)
    sel = (ds["g_h"].values == g_h) & (a == alpha_r) & (ds["status"].values == "ok")
    return ds["lambda_max"].values[sel]


def fig_dmft_lambda(out, quick=True, bar=None) -> FigureResult:
    """Fig. 3(c): DMFT lambda_max (Eqs. 10-11, moment route) against simulated networks, alpha_r in {0, 2, 20}."""
    return _figure(out, CONFIG[bool(quick)], quick=bool(quick), bar=bar)


def _figure(out, cfg, *, quick, bar=None) -> FigureResult:
    plt = _plt()
    res = FigureResult("dmft_lambda", "DMFT lambda_max against simulation", "Fig. 3(c)",
                       params={"N": cfg["n"], "N_jump": cfg["n_jump"], "t": cfg["t"], "seeds": cfg["seeds"],
                               "alpha_r": [0, 2, 20], "dmft": "moment equations C22-C24 (noise-free)"})
    # --- theory curves (moment route)
    theory = {}
    for alpha_r, gs in cfg["theory"].items():
        for g in gs:
            sol, lam = moment_lambda(g, alpha_r, quick=quick)
            theory[(alpha_r, g)] = lam.lambda_max if lam is not None else None
            if lam is not None:
                res.comparisons.append(compare(f"DMFT lambda_max discretisation, g_h = {g:g}, alpha_r = {alpha_r:g}",
                                               0.0, lam.error, abs_=2e-3,
                                               note="change under halved tau step and 2/3 tau range"))
        if bar:
            bar.update(1)
    # --- the jump at alpha_r = 20: zero solution below, chaotic one above
    below = solve_moment_equations(GateParams(g_h=cfg["below"], alpha_r=20.0), C_h0=3.0, maxiter=6000, damping=1.0)
    res.comparisons.append(compare(f"moment C_h(0) at g_h = {cfg['below']:g}, alpha_r = 20 (below the jump)", 0.0,
                                   below.variance_h, abs_=1e-8, note="iteration from C_h(0) = 3 must fall to zero"))
    jump_lo, jump_hi = cfg["below"], min(g for a, g in theory if a == 20.0 and theory[(a, g)] is not None)
    if cfg["bisect"]:
        from ..meanfield.dynamic_bifurcation import dyn_bifurcation
        from scipy.optimize import brentq

        onset = chaos_onset_g_h(GateParams(g_h=1.8, alpha_r=20.0), bracket=(1.70, 1.80), xtol=1e-3)
        jump_lo, jump_hi = onset.g_lo, onset.g_hi
        g_dyn = brentq(lambda g: dyn_bifurcation(g, check=False).value - 20.0, 1.70, 1.80, xtol=1e-4)
        res.params["jump"] = {"moment_tau_r_1": [onset.g_lo, onset.g_hi], "energy_closure_tau_r_0": g_dyn}
        res.comparisons.append(compare("jump g_h: moments (tau_r = 1) vs energy closure (tau_r << 1)", g_dyn,
                                       onset.g_h, abs_=0.01, note="tau_r = 1 filters r; measured shift -0.005"))
    res.params.setdefault("jump", {"bracket": [jump_lo, jump_hi]})
    if bar:
        bar.update(1)
    lam_above = theory[(20.0, jump_hi)] if (20.0, jump_hi) in theory else None
    if lam_above is not None:
        res.comparisons.append(claim(f"DMFT lambda_max just above the jump (g_h = {jump_hi:g}, alpha_r = 20)",
                                     lam_above, greater_than=0.05, note="discontinuous: finite at birth"))
    # --- sampling cross-checks (full mode)
    for alpha_r, g in cfg["sampling"]:
        samp = dmft_lambda_max(solve_dmft(GateParams(g_h=g, alpha_r=alpha_r), seed=7, **DMFT_FULL)).lambda_max
        res.comparisons.append(compare(f"moment vs sampling DMFT lambda_max, g_h = {g:g}, alpha_r = {alpha_r:g}",
                                       theory[(alpha_r, g)], samp, rel=0.05, note="sampling noise ~1-3%"))
    # --- simulations
    sweep, ds = _simulate(out, "sweep_lambda", {"g_h": list(cfg["sim_all"]), "alpha_r": list(cfg["sim_alphas"])}, {},
                          cfg, cfg["n"], quick)
    sweep_j, ds_j = _simulate(out, "sweep_lambda_jump", {"g_h": list(cfg["sim_jump"])}, {"alpha_r": 20.0},
                              cfg, cfg["n_jump"], quick)
    res.params["sweep"] = {"executor": sweep.executor, "tasks": sweep.n_tasks + sweep_j.n_tasks,
                           "store": ["sweep_lambda/results.nc", "sweep_lambda_jump/results.nc"]}
    sims = {}
    for a in cfg["sim_alphas"]:
        for g in cfg["sim_all"]:
            sims[(a, g, cfg["n"])] = _values(ds, g, a)
    for g in cfg["sim_jump"]:
        sims[(20.0, g, cfg["n_jump"])] = _values(ds_j, g, 20.0)
    for (a, g, n), vals in sims.items():
        lam = theory.get((a, g))
        if g < jump_lo and a == 20.0:
            res.comparisons.append(claim(f"simulated lambda_max < 0 below the jump, g_h = {g:g}, alpha_r = 20, N = {n}",
                                         -np.max(vals), greater_than=0.0, note="no chaotic DMFT solution there"))
            continue
        if lam is None:
            continue
        chaotic = vals[vals > 0]
        res.comparisons.append(compare(
            f"lambda_max, g_h = {g:g}, alpha_r = {a:g}, N = {n}", lam, np.mean(chaotic) if chaotic.size else np.nan,
            rel=_tolerance(a, g, n),
            note=f"finite-size deficit: see _tolerance; "
                 f"{vals.size - chaotic.size} of {vals.size} runs on the zero fixed point"))
    if bar:
        bar.update(1)
    # --- figure
    fig, ax = plt.subplots(figsize=(5.5, 4))
    for a, gs in cfg["theory"].items():
        pts = [(g, theory[(a, g)]) for g in gs if theory[(a, g)] is not None]
        if a == 20.0:  # the zero fixed point (stable, coexisting above the jump), then the jump itself
            gz = np.array([min(min(cfg["sim_jump"]), 1.65), jump_hi])
            ax.plot(gz, -0.5 * (1 - 0.5 * gz), "--", color=_COLORS[a], lw=1, label="zero fixed point")
            pts = [(jump_hi, -0.5 * (1 - 0.5 * jump_hi))] + pts
        ax.plot(*zip(*pts), "-", marker=".", color=_COLORS[a], label=f"DMFT, alpha_r = {a:g}")
        simg = sorted((g, v) for (aa, g, n), v in sims.items() if aa == a)
        for g, v in simg:
            ax.errorbar(g, np.mean(v), yerr=np.std(v) / np.sqrt(max(v.size, 1)), fmt="o", color=_COLORS[a], ms=4)
            ax.plot(np.full(v.size, g), v, "x", color=_COLORS[a], ms=3, alpha=0.6)
    ax.axvspan(jump_lo, jump_hi, color="C2", alpha=0.2, lw=0)
    ax.axhline(0, color="k", lw=0.5)
    ax.set(xlabel="g_h", ylabel="lambda_max", title=f"alpha_z = 0; dots: N = {cfg['n']} ({cfg['n_jump']} near the jump)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    res = replace(res, png=_save(fig, out, res.key))
    if bar:
        bar.update(1)
    res = replace(res, caption=("Lines: DMFT eigenvalue problem (Eqs. 10-11) on the noise-free moment solution; at alpha_r = 20 "
                   "the line starts on the zero fixed point (lambda = -(1 - g_h/2)/2) and jumps where the chaotic "
                   "solution is born (shaded bracket). Dots: simulated networks (mean and standard error; crosses: "
                   "single runs). Agreement is quantitative for g_h >= 3; near g_h = 2 the finite-N exponent falls "
                   "below the DMFT (see docs/dmft_lambda.md)."))
    return res
