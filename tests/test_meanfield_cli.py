"""The mean-field CLI: JSON shapes, strings at trusted digits, exit status 2 with a one-line message."""
import argparse
import json

import mpmath

from gatetheory.meanfield.cli import register
from gatetheory.meanfield.fixed_points import fixed_point_variances
from gatetheory.params import GateParams


def run(argv, capsys):
    ap = argparse.ArgumentParser(prog="gatetheory")
    register(ap.add_subparsers(dest="cmd", required=True))
    args = ap.parse_args(argv)
    code = args.func(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_fixed_point_json_lists_all_solutions_as_strings(capsys):
    """Oracle: the float64 library call; the JSON strings parse to the same values (1e-13) and carry
    `digits` significant digits (30 requested; the mpmath re-solve at 40 must agree)."""
    code, out, _ = run(["fixed-point", "--g-h", "1.8", "--alpha-r", "20", "--digits", "30", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    ref = fixed_point_variances(GateParams(g_h=1.8, alpha_r=20))
    assert data["digits"] >= 28 and len(data["solutions"]) == len(ref) == 3
    for row, r in zip(data["solutions"], ref):
        assert set(row) >= {"delta_h", "delta_z", "delta_r", "edge", "stable"}
        assert isinstance(row["delta_h"], str) and row["stable"] == r.stable
        assert abs(float(row["delta_h"]) - r.Delta_h) <= 1e-13 * max(r.Delta_h, 1e-300)
        if r.Delta_h > 0:
            assert len(row["delta_h"].lstrip("0.").replace(".", "")) >= 28


def test_critical_fp_bifurcation_json_and_out_of_range(capsys):
    code, out, _ = run(["critical", "fp-bifurcation", "--g-h", "1.8", "--digits", "20", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["digits"] >= 18 and set(data) == {"alpha_r", "delta_h", "digits"}
    with mpmath.workdps(30):
        assert mpmath.mpf(data["alpha_r"]) > 0
    code, out, err = run(["critical", "fp-bifurcation", "--g-h", "1.3", "--json"], capsys)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "g_h = 1.3" in err and "allowed" in err and "1.41" in err


def test_critical_dyn_bifurcation_and_stability(capsys):
    code, out, _ = run(["critical", "dyn-bifurcation", "--g-h", "1.9", "--digits", "6", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and set(data) == {"alpha_r", "delta_h0", "digits"} and data["digits"] == 6
    code, _, err = run(["critical", "dyn-bifurcation", "--g-h", "1.9", "--digits", "30", "--json"], capsys)
    assert code == 2 and "--digits = 30" in err and "allowed" in err
    code, out, _ = run(["critical", "stability", "--alpha-r", "10", "--beta-r", "0", "--beta-h", "0",
                        "--input-std-h", "0.3", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and 0 < float(data["g_h"]) < 2   # input-induced instability below g_h = 2


def test_invalid_input_exits_2(capsys):
    code, _, err = run(["fixed-point", "--g-h", "1.0", "--input-std-h", "-1", "--json"], capsys)
    assert code == 2 and "input_std_h = -1.0" in err
    code, _, err = run(["fixed-point", "--digits", "0"], capsys)
    assert code == 2 and "--digits" in err
