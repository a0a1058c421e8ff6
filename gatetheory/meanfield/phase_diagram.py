"""The (g_h, alpha_r) phase diagram of Fig. 7 (seed Sec. VII; Figs. 12-13 with biases and input).

Curves, each traced by :func:`gatetheory.meanfield.curves.critical_curve` (continuation, every
point seeds the next):

* ``stability``: where the fixed point continued from small g_h loses stability
  (H1 vertical line g_h = 1/sigma_r(0) without bias and input).
* ``input_stability``: the same with static input variance (red dashed line).
* ``fp_bifurcation``: alpha_r^FP(g_h), Eq. 12 (no beta_h, no input).
* ``dyn_bifurcation``: alpha_r^dyn(g_h), Eq. 13 under tau_r << 1 (no beta_h, no input).
* ``marginal``: end of marginal stability for alpha_z -> infinity, Eq. 8 (static theory).

Regions (no biases): 1 zero fixed point only; 2 unstable fixed points proliferate
(between alpha_r^FP and alpha_r^dyn); 3 chaos coexisting with the stable zero fixed
point (above alpha_r^dyn, g_h < H1); 4 chaotic attractor; 5 marginally stable as
alpha_z -> infinity (hatched, between H1 and the marginal line).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from ..params import GateParams, check_finite, check_int, check_positive
from ..results import Result
from .continuation import Curve
from .critical_lines import fp_bifurcation_range
from .curves import critical_curve
from .dynamic_bifurcation import dyn_bifurcation_range
from .fixed_points import check_input_std

__all__ = ["PhaseDiagram", "phase_diagram_curves", "draw_phase_diagram"]


@dataclass(frozen=True)
class PhaseDiagram(Result):
    """The curves of the diagram (name -> :class:`Curve`) and the settings they were traced at;
    ``to_dict()`` adds ``failed_points`` (name -> count of points not found)."""

    curves: dict          # name -> Curve
    beta_h: float
    beta_r: float
    input_std_h: float
    alpha_r_max: float

    derived = ("failed_points",)

    @property
    def failed_points(self) -> dict:
        return {k: int((~c.ok).sum()) for k, c in self.curves.items()}


def _empty(coord, keys, why):
    return Curve({coord: np.array([])}, {k: np.array([]) for k in keys}, [], np.array([], dtype=int),
                 status="out-of-range", message=why)


def _fp_curve(beta_r, n, alpha_max):
    lo, hi = fp_bifurcation_range(beta_r)
    if hi - lo < 0.03:
        return _empty("g_h", ("alpha_r", "Delta_h"), f"empty range ({lo:.4g}, {hi:.4g})")
    return critical_curve("fp-bifurcation", GateParams(beta_r=beta_r), g_h=np.linspace(hi - 0.004, lo + 0.02, n),
                          value_max=alpha_max, stop_after=2)


def _dyn_curve(beta_r, n, alpha_max, check):
    lo, hi = dyn_bifurcation_range(beta_r)
    if hi - lo < 0.06:
        return _empty("g_h", ("alpha_r", "Delta_h0"), f"empty range ({lo:.4g}, {hi:.4g})")
    return critical_curve("dyn-bifurcation", GateParams(beta_r=beta_r), g_h=np.linspace(hi - 0.01, lo + 0.04, n),
                          check=check, value_max=alpha_max, stop_after=2)


def _stability_curve(alphas, beta_h, beta_r, s_h):
    return critical_curve("stability", GateParams(beta_h=beta_h, beta_r=beta_r), alpha_r=alphas, input_std_h=s_h,
                          stop_after=2)


def _marginal_curve(alphas, beta_h, beta_r):
    return critical_curve("marginal", GateParams(beta_h=beta_h, beta_r=beta_r), alpha_r=alphas, stop_after=2)


def phase_diagram_curves(*, beta_h: float = 0.0, beta_r: float = 0.0, input_std_h: float = 0.3,
                         n_points: int = 16, alpha_r_max: float = 40.0, check: bool = False,
                         progress=None) -> PhaseDiagram:
    """All critical lines of the diagram; ``input_std_h`` sets the red dashed line (0: omitted)."""
    beta_h, beta_r = check_finite("beta_h", beta_h), check_finite("beta_r", beta_r)
    input_std_h = check_input_std("input_std_h", input_std_h)
    n_points, alpha_r_max = check_int("n_points", n_points, 3), check_positive("alpha_r_max", alpha_r_max)
    say = progress or (lambda msg: None)
    alphas = np.linspace(0.0, alpha_r_max, n_points)
    curves = {}
    say("stability line")
    curves["stability"] = _stability_curve(alphas, beta_h, beta_r, 0.0)
    if input_std_h > 0:
        say("static-input stability line")
        curves["input_stability"] = _stability_curve(alphas, beta_h, beta_r, input_std_h)
    if beta_h == 0:
        say("fixed-point bifurcation")
        curves["fp_bifurcation"] = _fp_curve(beta_r, n_points, alpha_r_max * 1.5)
        say("dynamical bifurcation")
        curves["dyn_bifurcation"] = _dyn_curve(beta_r, n_points, alpha_r_max * 1.5, check)
    say("marginal stability (alpha_z -> inf)")
    curves["marginal"] = _marginal_curve(alphas, beta_h, beta_r)
    return PhaseDiagram(curves, beta_h, beta_r, input_std_h, alpha_r_max)


def draw_phase_diagram(pd: PhaseDiagram, out_dir: str, *, marginal_points=None) -> dict:
    """Write ``phase_diagram.png`` and one CSV per curve into ``out_dir``; returns the paths.

    ``marginal_points``: optional iterable of ``(alpha_r, g_h, g_lo, g_hi, label)``, upper edges of region 5
    found elsewhere (e.g. from DMFT averages, :func:`gatetheory.dmft.marginal.marginal_upper_gh`), drawn as
    markers with the bracket ``[g_lo, g_hi]`` as a horizontal bar.
    """
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    os.makedirs(out_dir, exist_ok=True)
    paths = {}
    for name, cur in pd.curves.items():
        p = os.path.join(out_dir, f"{name}.csv")
        cur.to_csv(p)
        paths[name] = p
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    amax = pd.alpha_r_max

    def xy(cur, x, y):
        ok = cur.ok
        xs = cur.coords[x] if x in cur.coords else cur.data[x]
        ys = cur.coords[y] if y in cur.coords else cur.data[y]
        return xs[ok], ys[ok]
    st = pd.curves["stability"]
    gs, als = xy(st, "g_h", "alpha_r")
    ax.plot(gs, als, "k-", lw=1.5, label="fixed-point stability (H1/Eq. 6)")
    mg = pd.curves["marginal"]
    gm, am = xy(mg, "g_h", "alpha_r")
    ax.plot(gm, am, "b-", lw=1.2, label=r"marginal stability, $\alpha_z\to\infty$ (Eq. 8)")
    if len(gm) and len(gs):
        ax.fill_betweenx(am, np.interp(am, als, gs), gm, facecolor="none", hatch="//", edgecolor="b", lw=0)
    if "fp_bifurcation" in pd.curves:
        g1, a1 = xy(pd.curves["fp_bifurcation"], "g_h", "alpha_r")
        ax.plot(g1, a1, "g-", lw=1.5, label=r"$\alpha_r^{FP}$ (Eq. 12)")
        g2, a2 = xy(pd.curves["dyn_bifurcation"], "g_h", "alpha_r")
        ax.plot(g2, a2, "r-", lw=1.5, label=r"$\alpha_r^{dyn}$ (Eq. 13, $\tau_r\ll 1$)")
    g_up = float(np.nanmin(gs)) if len(gs) else 2.0
    lab = dict(fontsize=12, ha="center", va="center", bbox=dict(fc="white", ec="none", alpha=0.7, pad=1))
    ax.text(0.5 * g_up, 0.15 * amax, "1", **lab)
    if "fp_bifurcation" in pd.curves and len(g1) > 1 and len(g2) > 1:
        gg = g_up - 0.12   # between the two bifurcation lines, just left of H1
        a_mid = 0.5 * (np.interp(gg, g1[::-1], a1[::-1]) + np.interp(gg, g2[::-1], a2[::-1]))
        ax.annotate("2", (gg, a_mid), xytext=(g_up - 0.9, 0.55 * amax), fontsize=12,
                    arrowprops=dict(arrowstyle="->", lw=0.8))
        ax.text(g_up - 0.1, 0.93 * amax, "3", **lab)
    if len(gm):
        ax.text(g_up + 0.5, 0.08 * amax, "5", **lab)
    ax.text(0.7 * 10, 0.5 * amax, "4", **lab)
    for k, (a_r, g_m, g_lo, g_hi, label) in enumerate(marginal_points or ()):
        ax.errorbar([g_m], [a_r], xerr=[[g_m - g_lo], [g_hi - g_m]], fmt="s", color="b", mfc="none", ms=5,
                    capsize=3, label=label if k == 0 else None, clip_on=False, zorder=5)
    if "input_stability" in pd.curves:
        gi, ai = xy(pd.curves["input_stability"], "g_h", "alpha_r")
        ax.plot(gi, ai, "r--", lw=1.5, label=f"stability with static input, $s_h$ = {pd.input_std_h:g}")
    g_all = [c.data["g_h"][c.ok] for c in pd.curves.values() if "g_h" in c.data and c.ok.any()]
    ax.set_xlim(0, max([10.0] + [1.05 * float(np.max(v)) for v in g_all]))
    ax.set_ylim(0, amax)
    ax.set_xlabel(r"$g_h$")
    ax.set_ylabel(r"$\alpha_r$")
    ax.set_title(rf"$\beta_h$ = {pd.beta_h:g}, $\beta_r$ = {pd.beta_r:g}")
    ax.legend(fontsize=7, loc="upper right")
    fig.tight_layout()
    p = os.path.join(out_dir, "phase_diagram.png")
    fig.savefig(p, dpi=120)
    plt.close(fig)
    paths["figure"] = p
    return paths
