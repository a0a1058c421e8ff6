"""The phase diagram: curves traced, files written, region ordering consistent."""
import csv

import numpy as np

from gatetheory.meanfield.phase_diagram import draw_phase_diagram, phase_diagram_curves


def test_phase_diagram_writes_png_and_csv_and_lines_are_ordered(tmp_path):
    """Coarse diagram (4 points per curve). Checks: every curve has successful points; the CSVs hold
    them; alpha_r^dyn > alpha_r^FP wherever both are traced at the same g_h (interpolated); the
    static-input stability line lies left of H1 at large alpha_r (input-induced instability)."""
    pd = phase_diagram_curves(n_points=4, alpha_r_max=20.0)
    paths = draw_phase_diagram(pd, str(tmp_path))
    assert (tmp_path / "phase_diagram.png").stat().st_size > 10000
    for name in ("stability", "input_stability", "fp_bifurcation", "dyn_bifurcation", "marginal"):
        cur = pd.curves[name]
        assert cur.ok.sum() >= 2, (name, cur.point_status)
        rows = list(csv.DictReader(open(paths[name])))
        assert len(rows) == len(cur.point_status)
    fp, dyn = pd.curves["fp_bifurcation"], pd.curves["dyn_bifurcation"]
    g1, a1 = fp.coords["g_h"][fp.ok], fp.data["alpha_r"][fp.ok]
    g2, a2 = dyn.coords["g_h"][dyn.ok], dyn.data["alpha_r"][dyn.ok]
    inside = (g2 >= g1.min()) & (g2 <= g1.max())
    assert inside.any()
    assert np.all(a2[inside] > np.interp(g2[inside], g1[::-1], a1[::-1]))
    st = pd.curves["input_stability"]
    assert st.data["g_h"][st.ok][-1] < pd.curves["stability"].data["g_h"][0]
