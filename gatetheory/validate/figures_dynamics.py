"""Report figures on the dynamics: Lyapunov spectra (Fig. 3a,b), the integrator (Fig. 2) and
transient chaos (Fig. 11).

Each function takes a plot folder and a ``quick`` flag (small N, short runs) and returns a
:class:`FigureResult` whose comparisons quantify theory against simulation.
"""
from __future__ import annotations

from dataclasses import replace

from pathlib import Path

import numpy as np

from ..network import Network, jacobian, lyapunov_spectrum, simulate
from ..params import GateParams
from ._plotting import _plt, _save
from .comparison import FigureResult, claim, compare


def fig_lyapunov_spectra(out, quick=True, bar=None) -> FigureResult:
    """Fig. 3(a,b): the full Lyapunov spectrum flattens towards zero as alpha_z grows and rises with alpha_r."""
    plt = _plt()
    n, t = (100, 100.0) if quick else (300, 500.0)
    res = FigureResult("lyapunov_spectra", "Lyapunov spectra against the gates", "Fig. 3(a,b)",
                       params={"N": n, "t": t, "g_h": 5.0, "seed": 1})
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    for ax, key, values in ((axes[0], "alpha_z", (0.0, 5.0, 20.0)), (axes[1], "alpha_r", (0.0, 2.0, 10.0))):
        for v in values:
            p = GateParams(g_h=5.0, **{key: v})
            spec = lyapunov_spectrum(Network(p, n, seed=1), t, dt=0.1, t_transient=30.0, seed=1)
            frac = np.arange(1, spec.exponents.size + 1) / spec.exponents.size
            try:
                ky = f", D_KY = {spec.kaplan_yorke:.1f}"
            except ValueError:
                ky = ""
            ax.plot(frac, spec.exponents, label=f"{key} = {v:g}{ky}")
            res.comparisons.append(compare(f"sum rule, {key} = {v:g}", spec.trace_mean, spec.exponents.sum(), rel=1e-4,
                                           note="sum of all 3N exponents = time-averaged trace of the Jacobian"))
            if bar:
                bar.update(1)
        ax.axhline(0, color="k", lw=0.5)
        ax.set(xlabel=r"$i\,/\,3N$", ylabel="lambda_i", ylim=(-2.2, 0.3), title=f"g_h = 5, varying {key}")
        ax.legend(fontsize=8)
    fig.tight_layout()
    res = replace(res, png=_save(fig, out, res.key))
    res = replace(res, caption=(f"Full spectra (N = {n}, averaging time {t:g}): larger alpha_z piles exponents up near zero "
                   "(slow modes); larger alpha_r raises the spectrum and the Kaplan-Yorke dimension."))
    return res


def fig_integrator(out, quick=True, bar=None) -> FigureResult:
    """Fig. 2: with a sensitive update gate (alpha_z = 30) units whose gate is shut are integrators: a
    perturbation along a slow Jacobian mode is held, one along a fast mode decays at its eigenvalue's rate."""
    plt = _plt()
    from ..network import find_fixed_point

    n = 150 if quick else 400
    p = GateParams(g_h=1.5, beta_h=0.5, alpha_z=30.0)
    net = Network(p, n, seed=2)
    fp = find_fixed_point(net, simulate(net, net.initial_state(3), 100.0, dt=0.1, record_every=100.0).final)
    ev, vec = np.linalg.eig(jacobian(net, fp.x))
    real = np.nonzero(np.abs(ev.imag) < 1e-9)[0]
    slow = real[np.argmax(ev[real].real)]
    fast = real[np.argmin(np.abs(ev[real].real + 0.3))]
    n_zero = int(np.sum(np.abs(ev) < 1e-3))
    res = FigureResult("integrator", "Gated network as an integrator", "Fig. 2",
                       params={"N": n, "g_h": 1.5, "beta_h": 0.5, "alpha_z": 30.0, "seed": 2})
    fig, ax = plt.subplots(figsize=(5.5, 3.8))
    for label, i in (("slow mode", slow), ("fast mode", fast)):
        v = vec[:, i].real / np.linalg.norm(vec[:, i].real)
        tr = simulate(net, fp.x + 1e-4 * v, 20.0, dt=0.05, record_every=0.5)
        dev = np.linalg.norm(tr.x - fp.x, axis=1)
        rate = np.polyfit(tr.t, np.log(dev), 1)[0]
        ax.plot(tr.t, dev / dev[0], label=f"{label}: eigenvalue {ev[i].real:.2e}, measured rate {rate:.2e}")
        res.comparisons.append(compare(f"decay rate along the {label}", ev[i].real, rate, abs_=1e-3,
                                       note="linear regime (kick 1e-4): the rate is the eigenvalue"))
    ax.set(xlabel="$t$ after a kick at $t = 0$", ylabel=r"$|x - x^*|\,/\,|\mathrm{kick}|$", yscale="log")
    ax.legend(fontsize=8)
    fig.tight_layout()
    res = replace(res, png=_save(fig, out, res.key))
    res = replace(res, caption=(f"Fixed point of a network with alpha_z = 30 (N = {n}): {n_zero} of {3 * n} Jacobian eigenvalues "
                   f"lie within 1e-3 of zero (units whose update gate is shut). A kick along a slow mode is held; "
                   f"along a fast one it decays at the rate of its eigenvalue."))
    if bar:
        bar.update(1)
    return res


def fig_transients(out, quick=True, bar=None) -> FigureResult:
    """Fig. 11: between alpha_r^FP and alpha_r^dyn (region 2) trajectories decay quickly at every N;
    above alpha_r^dyn (region 3) chaotic transients grow with N."""
    plt = _plt()
    from ..meanfield.critical_lines import fp_bifurcation
    from ..meanfield.dynamic_bifurcation import dyn_bifurcation
    from ..network import transient_time

    g = 1.8
    a_fp, a_dyn = float(fp_bifurcation(g).value), float(dyn_bifurcation(g, check=False).value)
    regions = {"region 2": 0.5 * (a_fp + a_dyn), "region 3": 1.7 * a_dyn}
    sizes, seeds, t_max = ((100, 200, 400), 5, 300.0) if quick else ((100, 200, 400, 800, 1600), 6, 2000.0)
    res = FigureResult("transients", "Transient chaos grows with N above alpha_r^dyn", "Fig. 11",
                       params={"g_h": g, "alpha_r_fp": a_fp, "alpha_r_dyn": a_dyn, "sizes": sizes, "seeds": seeds,
                               "t_max": t_max, **{k: v for k, v in regions.items()}})
    fig, ax = plt.subplots(figsize=(5.5, 4))
    slopes = {}
    for name, a in regions.items():
        med = []
        for n in sizes:
            times = []
            for s in range(seeds):
                net = Network(GateParams(g_h=g, alpha_r=a), n, seed=s)
                times.append(transient_time(net, net.initial_state(s), threshold=1e-4, t_max=t_max, dt=0.1).time)
            med.append(np.median(times))
            ax.plot([n] * seeds, times, ".", color="C0" if name == "region 2" else "C3", alpha=0.4)
        slopes[name] = float(np.polyfit(np.log(sizes), np.log(med), 1)[0])
        ax.plot(sizes, med, "o-", color="C0" if name == "region 2" else "C3",
                label=f"{name}: alpha_r = {a:.1f}, slope {slopes[name]:.2f}")
        if bar:
            bar.update(1)
    ax.axhline(t_max, color="k", ls=":", lw=0.8)
    ax.set(xscale="log", yscale="log", xlabel="$N$", ylabel="transient time (median)", title=f"g_h = {g}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    res = replace(res, png=_save(fig, out, res.key))
    res.comparisons.append(claim("log-log slope of transient time vs N: region 3 minus region 2",
                                 slopes["region 3"] - slopes["region 2"], greater_than=0.0,
                                 note="claim: transients grow faster with N above alpha_r^dyn"))
    res = replace(res, caption=(f"alpha_r^FP = {a_fp:.2f} and alpha_r^dyn = {a_dyn:.2f} at g_h = {g} from the theory; transient "
                   f"time until var(h) < 1e-4 (capped at {t_max:g}, dotted)."))
    return res


#: The classical limit (docs/conventions.md, "Limits"): alpha = 0 and beta_z = beta_r = 20 fix both gates at
#: sigma(20) = 1 - 2e-9, so the network is the classical one, dh/dt = -h + J_h tanh(g_h h).
_OPEN_GATES = {"beta_z": 20.0, "beta_r": 20.0}


#: quick -> (two sizes, seeds per size, averaging time). Quick: ~20 s on one loaded core (the N = 200 runs
#: dominate); the seed spread at N = 100 (D_KY/N 0.05-0.08 classical) is what the error bars carry.
COLLAPSE_SETTINGS = {True: ((100, 200), {100: (1, 2, 3), 200: (1, 2)}, 100.0),
                     False: ((200, 400), {200: (1, 2, 3, 4), 400: (1, 2, 3)}, 300.0)}


def fig_lyapunov_collapse(out, quick=True, bar=None) -> FigureResult:
    """The Lyapunov spectrum lambda_i against i/N at two N collapses onto one curve, gates open (the classical
    network) and gated; the Kaplan-Yorke dimension and the KS entropy rate (Pesin) are extensive."""
    from ..network import ks_entropy

    plt = _plt()
    sizes, seeds, t = COLLAPSE_SETTINGS[bool(quick)]
    regimes = {"gates open (classical)": GateParams(g_h=5.0, **_OPEN_GATES),
               "gated": GateParams(g_h=5.0, alpha_z=2.0, alpha_r=2.0)}
    # k: the top of the spectrum, well past D_KY (~0.08 N classical, ~0.1 N gated) so that D_KY and h_KS are
    # determined. Classical: N/2 of the h sector's N reaches the plateau at -1 (the 2N gate exponents, exactly
    # -1/tau_z and -1/tau_r, below which the rest of the h sector hides); gated: N/4 of the 3N. Cost ~ k.
    k_frac = {"gates open (classical)": 0.5, "gated": 0.25}
    res = FigureResult("lyapunov_collapse", "Lyapunov spectra collapse in i/N; D_KY and h_KS are extensive",
                       "Fig. 3 (extensivity)",
                       params={"sizes": list(sizes),
                               "seeds": "; ".join(f"N = {n}: {', '.join(map(str, s))}" for n, s in seeds.items()),
                               "t": t, "t_transient": 30.0, "dt": 0.1, "g_h": 5.0,
                               "gates open": "alpha_z = alpha_r = 0, beta_z = beta_r = 20",
                               "gated": "alpha_z = alpha_r = 2", "k / N": "classical 0.5, gated 0.25"})
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.9))
    summary = []
    for ax, (name, p) in zip(axes, regimes.items()):
        stats = {}
        for color, n in zip(("C0", "C3"), sizes):
            k = int(k_frac[name] * n)
            spectra, dky, hks = [], [], []
            for s in seeds[n]:
                spec = lyapunov_spectrum(Network(p, n, seed=s), t, k=k, dt=0.1, t_transient=30.0, seed=s)
                spectra.append(spec.exponents)
                dky.append(spec.kaplan_yorke / n)
                hks.append(ks_entropy(spec.exponents) / n)
                if bar:
                    bar.update(1)
            # error of the seed mean: disorder (network) and trajectory noise together
            se = lambda v: float(np.std(v, ddof=1) / np.sqrt(len(v)))  # noqa: E731
            stats[n] = (float(np.mean(dky)), se(dky), float(np.mean(hks)), se(hks))
            frac = np.arange(1, k + 1) / n
            spectra = np.array(spectra)
            ax.fill_between(frac, spectra.min(axis=0), spectra.max(axis=0), color=color, alpha=0.25, lw=0)
            d, de, h, he = stats[n]
            ax.plot(frac, spectra.mean(axis=0), color=color, lw=1.2,
                    label=f"N = {n} ({len(seeds[n])} seeds): D_KY/N = {d:.3f} ± {de:.3f}, h_KS/N = {h:.4f} ± {he:.4f}")
        ax.axhline(0, color="k", lw=0.5)
        ax.set(xlabel=r"$i\,/\,N$", ylabel="lambda_i", title=f"{name}, g_h = 5")
        ax.legend(fontsize=7, loc="upper right")
        (d1, e1, h1, f1), (d2, e2, h2, f2) = stats[sizes[0]], stats[sizes[1]]
        comb = float(np.hypot(e1, e2))
        res.comparisons.append(compare(f"{name}: D_KY/N at N = {sizes[0]} against N = {sizes[1]}", d2, d1,
                                       abs_=3 * comb, uncertainty=e1,
                                       note=f"collapse: within 3 combined standard errors of the seed means "
                                            f"({comb:.3g}); an O(1/N) finite-size shift larger than that fails"))
        res.comparisons.append(claim(f"{name}: h_KS/N at N = {sizes[1]}", h2, greater_than=0.0, uncertainty=f2,
                                     note="chaos: positive entropy rate (sum of the positive exponents, Pesin)"))
        summary.append(f"{name}: D_KY/N = {d1:.3f} ± {e1:.3f} (N = {sizes[0]}) and {d2:.3f} ± {e2:.3f} "
                       f"(N = {sizes[1]}), h_KS/N = {h1:.4f} ± {f1:.4f} and {h2:.4f} ± {f2:.4f}")
    fig.tight_layout()
    res = replace(res, png=_save(fig, out, res.key))
    return replace(res, caption=("The top Lyapunov exponents lambda_i (mean over seeds; band: seed range) against i/N, "
                                 f"averaging time {t:g} after a transient of 30. " + "; ".join(summary) + ". Errors: "
                                 "standard error of the seed mean. Classical limit: both gates open "
                                 "(docs/conventions.md, Limits)."))
