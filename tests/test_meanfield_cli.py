"""The mean-field CLI: JSON shapes, strings at trusted digits, exit status 2 with a one-line message."""
import json

import mpmath

from gatetheory.cli import main
from gatetheory.meanfield.fixed_points import fixed_point_variances
from gatetheory.params import GateParams


def run(argv, capsys):
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_fixed_point_json_lists_all_solutions_as_strings(capsys):
    """Oracle: the float64 library call; the JSON strings parse to the same values (1e-13) and carry
    `digits` significant digits (30 requested; the mpmath re-solve at 40 must agree)."""
    code, out, _ = run(["fixed-point", "--g-h", "1.8", "--alpha-r", "20", "--dps", "30", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    ref = fixed_point_variances(GateParams(g_h=1.8, alpha_r=20))
    assert data["digits"] >= 28 and len(data["solutions"]) == len(ref) == 3
    for row, r in zip(data["solutions"], ref):
        assert set(row) >= {"Delta_h", "Delta_z", "Delta_r", "edge", "stable", "digits", "status", "message"}
        assert isinstance(row["Delta_h"], str) and row["stable"] == r.stable and row["status"] == "ok"
        assert abs(float(row["Delta_h"]) - r.Delta_h) <= 1e-13 * max(r.Delta_h, 1e-300)
        if r.Delta_h > 0:
            assert len(row["Delta_h"].lstrip("0.").replace(".", "")) >= 28


def test_old_digits_spelling_is_an_alias_of_dps(capsys):
    """`--digits` (the old spelling) and `--dps` give the same JSON."""
    a = run(["critical", "fp-bifurcation", "--g-h", "1.8", "--digits", "16", "--json"], capsys)
    b = run(["critical", "fp-bifurcation", "--g-h", "1.8", "--dps", "16", "--json"], capsys)
    assert a[0] == b[0] == 0 and a[1] == b[1]


def test_critical_fp_bifurcation_json_and_out_of_range(capsys):
    code, out, _ = run(["critical", "fp-bifurcation", "--g-h", "1.8", "--dps", "20", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["digits"] >= 18 and data["name"] == "alpha_r" and data["status"] == "ok"
    assert {"value", "Delta_h", "digits", "residual", "method", "params"} <= set(data)
    with mpmath.workdps(30):
        assert mpmath.mpf(data["value"]) > 0
    code, out, err = run(["critical", "fp-bifurcation", "--g-h", "1.3", "--json"], capsys)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "g_h = 1.3" in err and "allowed" in err and "1.41" in err


def test_critical_dyn_bifurcation_and_stability(capsys):
    code, out, _ = run(["critical", "dyn-bifurcation", "--g-h", "1.9", "--digits", "6", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["name"] == "alpha_r" and data["digits"] == 6 and "Delta_h" in data
    code, _, err = run(["critical", "dyn-bifurcation", "--g-h", "1.9", "--digits", "30", "--json"], capsys)
    assert code == 2 and "--digits: 30 is out of range" in err and "allowed" in err
    code, out, _ = run(["critical", "stability", "--alpha-r", "10", "--beta-r", "0", "--beta-h", "0",
                        "--input-std-h", "0.3", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["name"] == "g_h" and 0 < float(data["value"]) < 2  # input-induced, below g_h = 2


def test_float64_digit_counts_say_they_are_nominal(capsys):
    """`critical marginal` is float64 only: its digit count is not measured, and the message says so."""
    code, out, _ = run(["critical", "marginal", "--alpha-r", "0", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and "nominal" in data["message"]


def test_invalid_input_exits_2(capsys):
    code, _, err = run(["fixed-point", "--g-h", "1.0", "--input-std-h", "-1", "--json"], capsys)
    assert code == 2 and "--input-std-h: -1 is out of range" in err and "allowed" in err
    code, _, err = run(["fixed-point", "--dps", "0"], capsys)
    assert code == 2 and "--dps" in err and "1 <= value <= 100" in err
