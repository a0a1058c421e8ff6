"""Report figures from the static theory: Jacobian spectra at fixed points (Fig. 1), the bifurcation
curves (Fig. 4) and the phase diagram (Fig. 7)."""
from __future__ import annotations

import numpy as np

from ..meanfield.fixed_points import fixed_point_variances
from ..meanfield.spectrum import spectral_curve_value
from ..network import Network, find_fixed_point, jacobian_eigenvalues, simulate
from ..params import GateParams
from .comparison import FigureResult, compare
from .figures_dynamics import _plt, _save


def fig_spectrum(out, quick=True, bar=None) -> FigureResult:
    """Fig. 1: eigenvalues of the Jacobian at a simulated fixed point inside the predicted spectral curve."""
    plt = _plt()
    n = 300 if quick else 1000
    res = FigureResult("spectrum", "Jacobian spectra at fixed points", "Fig. 1",
                       params={"N": n, "g_h": 1.8, "beta_h": 0.3, "alpha_r": 2.0, "alpha_z": [0, 10], "seed": 1})
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.2))
    for ax, az in zip(axes, (0.0, 10.0)):
        p = GateParams(g_h=1.8, beta_h=0.3, alpha_r=2.0, alpha_z=az)
        sol = [s for s in fixed_point_variances(p) if s.stable][-1]
        D = (float(sol.Delta_h), float(sol.Delta_z), float(sol.Delta_r))
        net = Network(p, n, seed=1)
        fp = find_fixed_point(net, simulate(net, net.initial_state(1), 200.0, dt=0.1, record_every=200.0).final)
        ev = jacobian_eigenvalues(net, fp.x)
        outside = float(np.mean(spectral_curve_value(p, D, ev) < 0))
        res.comparisons.append(compare(f"fraction of eigenvalues outside the curve, alpha_z = {az:g}", 0.0, outside,
                                       abs_=0.05, note="finite N: eigenvalues spill over the edge by O(N^-1/2)"))
        if az == 0:  # fixed points do not depend on alpha_z: one check of the variance suffices
            var = [float(np.mean(fp.x[:n] ** 2))]
            for seed in range(2, 6):
                other = Network(p, n, seed=seed)
                x = simulate(other, other.initial_state(seed), 200.0, dt=0.1, record_every=200.0).final
                var.append(float(np.mean(find_fixed_point(other, x).x[:n] ** 2)))
            se = np.std(var, ddof=1) / np.sqrt(len(var))
            res.comparisons.append(compare("fixed-point variance Delta_h (5 seeds)", D[0], np.mean(var),
                                           rel=3 * se / D[0] + 0.03,
                                           note=f"tolerance: 3 standard errors of the seed mean ({se:.4f}) + 3% "
                                                "for O(1/N) bias"))
        xr = np.linspace(ev.real.min() - 0.3, max(ev.real.max(), 0) + 0.3, 220)
        yr = np.linspace(-np.abs(ev.imag).max() - 0.3, np.abs(ev.imag).max() + 0.3, 200)
        X, Y = np.meshgrid(xr, yr)
        ax.contour(X, Y, spectral_curve_value(p, D, X + 1j * Y), levels=[0.0], colors="r")
        ax.plot(ev.real, ev.imag, "k.", ms=2)
        ax.axvline(0, color="k", lw=0.5)
        ax.set(xlabel="Re lambda", ylabel="Im lambda", title=f"alpha_z = {az:g}: {outside:.1%} outside")
        if bar:
            bar.update(0.5)
    fig.tight_layout()
    res.png = _save(fig, out, res.key)
    res.caption = (f"Black: the {3 * n} eigenvalues of the Jacobian at a fixed point of a simulated network "
                   "(Newton from the end of a run); red: the predicted spectral curve (Eq. 5) with the static "
                   "mean-field variances. A sensitive update gate pinches the spectrum onto the origin.")
    return res
