"""critical_curve: the tracer on every line, per-point status, round trips, the CLI's ranges.

Oracle for a traced point: the single-point solver called afresh (grid scan, no seed), which the
continuation must reproduce to the digits it reports; a seed that steered the solve to another
root, or a digit count that overstates, fails here.
"""
import json

import mpmath
import numpy as np
import pytest

from gatetheory.cli import main
from gatetheory.meanfield import critical_curve
from gatetheory.meanfield.continuation import Curve
from gatetheory.meanfield.critical_lines import fp_bifurcation
from gatetheory.meanfield.dynamic_bifurcation import MAX_DIGITS, dyn_bifurcation
from gatetheory.params import GateParams, ParameterError
from gatetheory.results import dumps


def run(argv, capsys):
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def agree(a, b, digits):
    """|a/b - 1| within one unit of the digit count reported (a rounding in the last digit)."""
    with mpmath.workdps(digits + 10):
        return abs(mpmath.mpf(a) / mpmath.mpf(b) - 1) <= 10 * mpmath.mpf(10) ** (-digits)


def nan_only_where_failed(cur):
    for col in cur.data.values():
        found = np.array([not mpmath.isnan(mpmath.mpf(v)) for v in col])
        assert np.array_equal(found, cur.ok), (cur.point_status, col)


@pytest.fixture(scope="module")
def fp_curve():
    """fp-bifurcation at 20 digits over g_h = 1.9, 1.75, 1.6 plus 2.0 (the H1 end, outside the open domain)."""
    return critical_curve("fp-bifurcation", GateParams(), g_h=[1.9, 1.75, 1.6, 2.0], dps=20)


def test_fp_curve_points_equal_fresh_single_point_solves(fp_curve):
    """Each traced point (seeded by its neighbour) equals fp_bifurcation(g, dps=20) without a seed to the
    digits reported (>= 18 asked 20); the end g_h = 2 is out-of-range with the domain in its message."""
    cur = fp_curve
    assert cur.kind == "fp-bifurcation" and cur.solved == "alpha_r" and cur.coord == "g_h" and cur.dps == 20
    assert cur.point_status == ["ok", "ok", "ok", "out-of-range"]
    assert "allowed" in cur.point_message[3] and "1.414214" in cur.point_message[3] and cur.digits[3] == 0
    assert "1 of 4" in cur.message
    nan_only_where_failed(cur)
    for g, a, D, d in zip(cur.coords["g_h"][:3], cur.data["alpha_r"], cur.data["Delta_h"], cur.digits):
        ref = fp_bifurcation(float(g), dps=20)
        assert d >= 18 and isinstance(a, mpmath.mpf)
        assert agree(a, ref.value, d) and agree(D, ref.Delta_h, d - 3), (g, a, ref.value)  # Delta_h: see below
    # alpha_r is stationary in Delta_h at the fold, so Delta_h carries fewer digits; 3 fewer is ample at 20


def test_dyn_curve_points_equal_fresh_single_point_solves():
    """Dynamical line (float64, two resolutions): g_h = 1.95, 1.9 traced, then 1.62 below sqrt(8/3) =
    1.63299, outside the domain. The seeded point equals dyn_bifurcation(g) without a seed to its digits."""
    cur = critical_curve("dyn-bifurcation", GateParams(), g_h=np.array([1.95, 1.9, 1.62]))
    assert cur.point_status == ["ok", "ok", "out-of-range"], cur.point_message
    assert "allowed" in cur.point_message[2] and "1.632993" in cur.point_message[2]
    nan_only_where_failed(cur)
    assert cur.data["alpha_r"].dtype == float and cur.solved == "alpha_r"
    assert 6 <= cur.digits[0] <= MAX_DIGITS
    g, a, d = cur.coords["g_h"][1], cur.data["alpha_r"][1], cur.digits[1]  # seeded (the first: fresh)
    ref = dyn_bifurcation(float(g))
    assert 6 <= d <= MAX_DIGITS and agree(a, ref.value, d), (g, a, ref.value, d)


def test_stability_and_marginal_curves_sweep_alpha_r():
    """The stability lines sweep alpha_r: H1 (no bias, no input) is g_h = 2 at every alpha_r (closed form
    1/sigma_r(0) = 2); marginal beyond its end is out-of-range, not NaN."""
    st = critical_curve("stability", GateParams(), alpha_r=(0.0, 20.0, 3))
    assert st.solved == "g_h" and all(s == "ok" for s in st.point_status)
    assert np.allclose(st.data["g_h"].astype(float), 2.0, rtol=1e-14)
    mg = critical_curve("marginal", GateParams(), alpha_r=[0.0, 20.0])
    assert mg.point_status == ["ok", "out-of-range"] and mg.point_message[1]
    nan_only_where_failed(mg)


def test_bad_calls_are_refused_naming_the_parameter():
    with pytest.raises(ParameterError, match="kind = 'nope'"):
        critical_curve("nope", GateParams(), g_h=[1.8])
    with pytest.raises(ParameterError, match="sweeps alpha_r"):
        critical_curve("marginal", GateParams(), g_h=[1.8])
    with pytest.raises(ParameterError, match=f"dps = 20.*dps <= {MAX_DIGITS}"):
        critical_curve("dyn-bifurcation", GateParams(), g_h=[1.8], dps=20)
    with pytest.raises(ParameterError, match="beta_h"):
        critical_curve("dyn-bifurcation", GateParams(beta_h=0.1), g_h=[1.8])
    with pytest.raises(ParameterError, match="float64 only"):
        critical_curve("marginal", GateParams(), alpha_r=[0.0], dps=20)


def test_json_and_csv_round_trip(fp_curve, tmp_path):
    """JSON holds the 20-digit values as strings at each point's digits (null where not found); from_dict
    and read_csv give back the same strings, statuses, messages and digits."""
    d = json.loads(dumps(fp_curve.to_dict()))
    assert all(isinstance(v, str) for v in d["data"]["alpha_r"][:3]) and d["data"]["alpha_r"][3] is None
    assert d["point_status"][3] == "out-of-range" and d["solved"] == "alpha_r" and d["params"]["beta_r"] == 0
    back = Curve.from_dict(d)
    assert json.loads(dumps(back.to_dict())) == d
    path = tmp_path / "fp.csv"
    fp_curve.to_csv(path)
    csv_back = Curve.read_csv(path, mp=True)
    assert csv_back.point_status == fp_curve.point_status and csv_back.point_message == fp_curve.point_message
    assert list(csv_back.digits) == list(fp_curve.digits)
    assert csv_back._strings(csv_back.data["alpha_r"]) == d["data"]["alpha_r"]
    assert np.array_equal(csv_back.coords["g_h"], fp_curve.coords["g_h"])


def test_to_xarray_labels_the_curve(fp_curve):
    xr = pytest.importorskip("xarray")
    ds = fp_curve.to_xarray()
    assert isinstance(ds, xr.Dataset) and list(ds["alpha_r"].dims) == ["g_h"]
    assert ds.attrs["solved"] == "alpha_r" and str(ds["status"].values[3]) == "out-of-range"
    assert abs(float(ds["alpha_r"][0]) - float(fp_curve.data["alpha_r"][0])) == 0


def test_progress_bar_runs(capsys):
    critical_curve("stability", GateParams(), alpha_r=[0.0, 5.0], progress=True)
    assert "stability curve" in capsys.readouterr().err


def test_cli_range_json_and_csv(capsys, tmp_path):
    """`critical fp-bifurcation --g-h-range 1.6 1.9 --points 3 --json`: one string per point at 15 digits,
    equal to the library's single point; `--out` writes the same curve as CSV."""
    code, out, _ = run(["critical", "fp-bifurcation", "--g-h-range", "1.6", "1.9", "--points", "3", "--json"],
                       capsys)
    d = json.loads(out)
    assert code == 0 and d["status"] == "ok" and d["point_status"] == ["ok"] * 3
    assert d["coords"]["g_h"] == [1.6, 1.75, 1.9] and d["dps"] == 15
    assert agree(d["data"]["alpha_r"][1], fp_bifurcation(1.75, dps=15).value, d["digits"][1])
    path = tmp_path / "c.csv"
    code, out, _ = run(["critical", "fp-bifurcation", "--g-h-range", "1.6", "1.9", "--points", "3", "--out",
                        str(path)], capsys)
    assert code == 0 and str(path) in out
    assert Curve.read_csv(path)._strings(Curve.read_csv(path, mp=True).data["alpha_r"]) == d["data"]["alpha_r"]


@pytest.mark.parametrize("argv, words", [
    (["critical", "fp-bifurcation", "--g-h-range", "1.3", "1.9"], ["--g-h-range = 1.3 1.9", "1.414214", "allowed"]),
    (["critical", "dyn-bifurcation", "--g-h-range", "1.5", "2.1"], ["--g-h-range = 1.5 2.1", "1.632993", "2.000000"]),
    (["critical", "marginal", "--alpha-r-range", "-1", "5"], ["--alpha-r-range = -1.0 5.0", "alpha_r >= 0"]),
    (["critical", "fp-bifurcation", "--g-h", "1.8", "--g-h-range", "1.5", "1.9"], ["not allowed with"]),
    (["critical", "fp-bifurcation", "--g-h", "1.8", "--out", "x.csv"], ["--out", "--g-h-range"]),
])
def test_cli_bad_range_exits_2_naming_flag_value_and_domain(argv, words, capsys):
    code, out, err = run(argv, capsys)
    lines = err.strip().splitlines()
    assert code == 2 and out == "" and len(lines) == 1, err
    for w in words:
        assert w in lines[0], lines[0]


# ----------------------------------------------------------------------------- the fixed-point line near sqrt 2

def _F_quad(g, D, a):
    """F(D, alpha_r) = D - P S(P) (beta = 0, no input) by mpmath.quad, written for this test: P = <tanh^2(g sqrt(D) x)>,
    S(R) = 1/2 - (2/lam) int_0^inf sigma(t) sigma(-t) phi(t/lam) dt with lam = alpha sqrt(R) (sigma^2(u) + sigma^2(-u)
    = 1 - 2 sigma(u) sigma(-u), so the sharp gate enters only through a kernel decaying like exp(-t))."""
    phi = lambda x: mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)  # noqa: E731
    P = 2 * mpmath.quad(lambda x: mpmath.tanh(g * mpmath.sqrt(D) * x) ** 2 * phi(x), [0, 2, 5, mpmath.inf])
    lam = a * mpmath.sqrt(P)
    kern = mpmath.quad(lambda t: phi(t / lam) / (4 * mpmath.cosh(t / 2) ** 2), [0, 5, 20, 60, mpmath.inf])
    return D - P * (mpmath.mpf(1) / 2 - 2 * kern / lam)


@pytest.mark.parametrize("g", [1.417, 1.4143])
def test_fp_bifurcation_near_sqrt2_without_alpha_cap(g):
    """g_h = 1.417 (alpha_r ~ 1.2e4, once refused for alpha_r <= 1e4) and 1.4143 = sqrt 2 + 8.6e-5 (alpha_r ~ 2e6).
    Independent check by mpmath.quad (_F_quad, 30 digits): F = 0 at the found (Delta_h, alpha_r) to 1e-19 of
    Delta_h, and it is a fold: at alpha_r (1 + 1e-7) F < 0 at Delta_h but > 0 at Delta_h / 2 and 2 Delta_h (two
    roots bracketed), at alpha_r (1 - 1e-7) F > 0 at all three (no root near). The leading asymptotics
    (registry: g_h - sqrt 2 = e_1 alpha_r^(-2/3)) agree to 5%."""
    c = fp_bifurcation(g, dps=20)
    assert c.digits >= 15 and c.status == "ok"
    with mpmath.workdps(30):
        gm, D, a = mpmath.mpf(repr(g)), mpmath.mpf(c.Delta_h), mpmath.mpf(c.value)
        assert abs(_F_quad(gm, D, a)) < 1e-19 * D   # found 1e-22; F/D moves 8e-5 per unit relative alpha_r at 1.4143
        up, down = a * (1 + mpmath.mpf("1e-7")), a * (1 - mpmath.mpf("1e-7"))
        assert _F_quad(gm, D, up) < 0 < min(_F_quad(gm, D / 2, up), _F_quad(gm, 2 * D, up))
        assert min(_F_quad(gm, x, down) for x in (D / 2, D, 2 * D)) > 0
        e1 = 3 * mpmath.sqrt(2) / (2 * mpmath.cbrt(mpmath.pi))
        assert abs((e1 / (gm - mpmath.sqrt(2))) ** 1.5 / a - 1) < 0.05
    f64 = fp_bifurcation(g)
    assert abs(f64.value / float(c.value) - 1) < 1e-7   # float64 route: ~8 digits here (nominal 10)
