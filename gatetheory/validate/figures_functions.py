"""Report figures on inputs and biases: input-induced chaos (Fig. 5), reset by the output gate
(Fig. 6) and critical lines moved by biases (Figs. 12-13)."""
from __future__ import annotations

from dataclasses import replace

from pathlib import Path

import numpy as np

from ..network import Network, jacobian_eigenvalues, lyapunov_spectrum, simulate
from ..params import GateParams
from .comparison import FigureResult, claim, compare
from ._plotting import _plt, _save


def fig_input_chaos(out, quick=True, bar=None) -> FigureResult:
    """Fig. 5: a static input pushes a network whose zero fixed point is stable into chaos, past the
    stability line with input (red dashed in Fig. 7)."""
    plt = _plt()
    from ..meanfield.stability import stability_g_h

    a, s = 20.0, 0.3
    g_in = float(stability_g_h(a, input_std_h=s).value)
    n, t, seeds = (400, 150.0, 2) if quick else (1000, 400.0, 4)
    gs = (g_in - 0.2, g_in + 0.35)
    res = FigureResult("input_chaos", "Static input induces chaos", "Fig. 5",
                       params={"alpha_r": a, "input_std_h": s, "g_h_line_with_input": g_in, "g_h": gs, "N": n})
    fig, ax = plt.subplots(figsize=(5.5, 4))
    for label, with_input, color in (("with input", True, "C3"), ("without input", False, "C0")):
        lams, errs = [], []  # seed means and their standard errors
        for g in gs:
            vals = []
            for seed in range(seeds):
                Ih = s * np.random.default_rng(50 + seed).standard_normal(n) if with_input else None
                net = Network(GateParams(g_h=g, alpha_r=a), n, seed=seed, Ih=Ih)
                vals.append(lyapunov_spectrum(net, t, k=1, dt=0.1, t_transient=20.0, seed=seed).lambda_max)
            lams.append(np.mean(vals))
            errs.append(np.std(vals, ddof=1) / np.sqrt(len(vals)) if len(vals) > 1 else None)
        ax.plot(gs, lams, "o-", color=color, label=label)
        if with_input:
            res.comparisons.append(claim(f"with input, g_h = {gs[1]:.3f} (above the line): lambda_max", lams[1],
                                         greater_than=0.0, uncertainty=errs[1]))
            res.comparisons.append(claim(f"with input, g_h = {gs[0]:.3f} (below the line): -lambda_max", -lams[0],
                                         greater_than=0.0, uncertainty=errs[0]))
        else:
            res.comparisons.append(claim(f"without input, g_h = {gs[1]:.3f}: -lambda_max", -lams[1], greater_than=0.0, uncertainty=errs[1],
                                         note="the same network is stable without the input"))
        if bar:
            bar.update(1)
    ax.axvline(g_in, color="r", ls="--", label="stability line with input (theory)")
    ax.axhline(0, color="k", lw=0.5)
    ax.set(xlabel="g_h", ylabel="lambda_max", title=f"alpha_r = {a:g}, input std {s:g}, N = {n}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    res = replace(res, png=_save(fig, out, res.key))
    res = replace(res, caption=(f"At alpha_r = {a:g} the zero fixed point is stable up to g_h = 2 without input; a static Gaussian "
                   f"input of std {s:g} moves the stability line to g_h = {g_in:.3f}, beyond which the simulated "
                   "network with input is chaotic while the same network without input is not."))
    return res


def fig_reset(out, quick=True, bar=None) -> FigureResult:
    """Fig. 6: shutting the output gate (a large negative input to r) resets h; releasing it restarts chaos."""
    plt = _plt()
    n = 300 if quick else 1000
    p = GateParams(g_h=4.0, alpha_r=2.0)
    t_on, t_off = 40.0, 60.0

    def Ir(t):
        return np.full(n, -20.0 if t_on <= t < t_off else 0.0)

    net = Network(p, n, seed=6, Ir=Ir)
    tr = simulate(net, net.initial_state(6), 120.0, dt=0.05, record_every=0.5)
    var = np.mean(tr.x[:, :n] ** 2, axis=1)
    window = (tr.t >= t_on + 5) & (tr.t <= t_off)
    rate = np.polyfit(tr.t[window], np.log(var[window]), 1)[0]
    # with sigma_r = 0 the h equation is dh/dt = -sigma_z(z) h: var decays at 2 <sigma_z> = 1 (alpha_z = 0)
    res = FigureResult("reset", "Reset by the output gate", "Fig. 6", params={"N": n, "g_h": 4.0, "alpha_r": 2.0,
                                                                             "Ir": -20.0, "on": [t_on, t_off]})
    res.comparisons.append(compare("decay rate of <h^2> while the output gate is shut", -1.0, rate, abs_=0.02,
                                   note="sigma_r = 0 leaves dh/dt = -sigma_z h with sigma_z = 1/2"))
    res.comparisons.append(claim("<h^2> 40 time units after release / at release", var[-1] / var[tr.t.searchsorted(t_off)],
                                 greater_than=10.0, note="chaos resumes"))
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.semilogy(tr.t, var)
    ax.axvspan(t_on, t_off, color="0.9", label="I_r = -20 (output gate shut)")
    ax.set(xlabel="$t$", ylabel=r"$\langle h^2 \rangle$", title=f"decay rate {rate:.3f} (theory -1)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    res = replace(res, png=_save(fig, out, res.key))
    res = replace(res, caption=("A chaotic network (g_h = 4, alpha_r = 2): while a strong negative input holds the output gate shut, "
                   "h relaxes to zero at the rate set by the update gate; on release the chaotic activity returns."))
    if bar:
        bar.update(1)
    return res


def fig_biases(out, quick=True, bar=None) -> FigureResult:
    """Figs. 12-13: the output-gate bias moves the critical lines; the zero-fixed-point stability line
    g_h = 1/sigma_r(0) is checked against sampled Jacobians."""
    plt = _plt()
    import matplotlib.image as mpimg

    from ..meanfield.phase_diagram import draw_phase_diagram, phase_diagram_curves

    res = FigureResult("biases", "Critical lines with biases", "Figs. 12-13")
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.6))
    n = 300 if quick else 1000
    for ax, beta_r in zip(axes, (-1.0, 1.0)):
        sub = Path(out) / f"phase_diagram_beta_r_{beta_r:+g}"
        sub.mkdir(parents=True, exist_ok=True)
        draw_phase_diagram(phase_diagram_curves(beta_r=beta_r, n_points=8 if quick else 20), str(sub))
        ax.imshow(mpimg.imread(sub / "phase_diagram.png"))
        ax.axis("off")
        g_c = 1.0 / float(1.0 / (1.0 + np.exp(-beta_r)))
        for f in (0.9, 1.1):
            net = Network(GateParams(g_h=f * g_c, beta_r=beta_r), n, seed=7)
            lead = float(jacobian_eigenvalues(net, np.zeros(net.dim))[0].real)
            sign = -1 if f < 1 else 1
            res.comparisons.append(claim(f"beta_r = {beta_r:+g}: sign of the leading eigenvalue at zero, g_h = {f} g_c",
                                         sign * lead, greater_than=0.0,
                                         note=f"g_c = 1/sigma_r(0) = {g_c:.4f}; leading eigenvalue {lead:.4f}"))
        if bar:
            bar.update(0.5)
    fig.tight_layout()
    res = replace(res, png=_save(fig, out, res.key))
    res = replace(res, caption=("Phase diagrams at output-gate bias beta_r = -1 (left) and +1 (right): a closed gate (beta_r < 0) "
                   "moves the stability line to larger g_h. CSV curves in the phase_diagram_beta_r_* folders."))
    return res
