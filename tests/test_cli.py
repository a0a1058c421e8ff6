"""The command line's one error path, its flags and its strict JSON.

Oracles: the exit-status policy of gatetheory.cli.errors (0 done, 1 the computation failed,
2 bad input before any work) with exactly one line on stderr and no traceback unless --debug;
the JSON standard (json.loads with a hook that rejects NaN/Infinity); for the negative-number
flags, the value the library receives; for the refused times, that nothing ran (no output).
"""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from gatetheory import __version__
from gatetheory.cli import build_parser, main
from gatetheory.params import GateParams, ParameterError


def _strict(text):
    def bad(name):
        raise AssertionError(f"non-standard JSON constant {name}")
    return json.loads(text, parse_constant=bad)


def run(argv, capsys):
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# ----------------------------------------------------------------------------- bad input: exit 2, one line

@pytest.mark.parametrize("argv, words", [
    (["simulate", "--seed", "-1"], "--seed: -1 is out of range; allowed: an integer 0 <= seed < 2**32"),
    (["simulate", "--seed", str(2 ** 32)], "allowed: an integer 0 <= seed < 2**32"),
    (["simulate", "--n", "0"], "--n: 0 is out of range; allowed: an integer >= 1"),
    (["simulate", "--n", "2.5"], "is not an integer"),
    (["simulate", "--dt", "-0.1"], "allowed: a finite number > 0"),
    (["simulate", "--tau-z", "0"], "--tau-z: 0 is out of range; allowed: a finite number > 0"),
    (["simulate", "--g-h", "nan"], "--g-h: 'nan' is not finite"),
    (["simulate", "--beta-h", "-inf"], "--beta-h: '-inf' is not finite"),
    (["simulate", "--alpha-z", "abc"], "'abc' is not a number"),
    (["simulate", "--nope"], "unrecognized arguments: --nope; see gatetheory --help"),
    (["lyapunov", "--n", "5", "--k", "16"], "--k = 16 is out of range; allowed: 1 <= k <= 3N = 15"),
    (["lyapunov", "--t-ons", "0.15"], "--t-ons = 0.15 is not a whole multiple of --dt = 0.1"),
    (["fixed-point", "--dps", "101"], "allowed: an integer 1 <= value <= 100"),
    (["derive", "--digits", "10000000", "fp-bifurcation-near-2"], "allowed: an integer 1 <= value <= 10000"),
    (["derive", "no-such-result"], "no derived result 'no-such-result'"),
    (["critical"], "the following arguments are required"),
    (["critical", "fp-bifurcation"], "the following arguments are required: --g-h"),
    (["phase-diagram", "--points", "2"], "allowed: an integer >= 3"),
    (["dmft-rmt", "--alpha-z", "1"], "allowed: 0 (App. F assumes a constant update gate)"),
    (["dmft", "--method", "sampling", "--tau-max", "150"], "allowed: tau_max <= t_window / 2 = 100"),
    (["dmft", "--n-paths", "100"], "does not apply to the moment route"),
    (["report", "--only", "no_such_figure"], "names no figure"),
    (["sweep", "/no/such/spec.toml"], "cannot be read"),
])
def test_bad_input_exits_2_with_one_line_naming_the_range(argv, words, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # report/ and the like would be created here if anything ran
    code, out, err = run(argv, capsys)
    line = one_line(err)
    assert code == 2 and out == "", (code, out)
    assert line.startswith("gatetheory") and ": error: " in line
    assert words in line, line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv, words", [
    (["lyapunov", "--t", "5.5"], "--t-total = 5.5 is not a whole multiple of --t-ons = 1.0; allowed: a multiple "
                                 "such as 5 or 6"),
    (["lyapunov", "--t-total", "0.3"], "--t-total = 0.3 is out of range; allowed: a whole multiple of --t-ons"),
    (["lyapunov", "--t-transient", "2.5"], "allowed: a multiple such as 2 or 3"),
    (["simulate", "--t", "1.03", "--dt", "0.05"], "--t = 1.03 is not a whole multiple of --dt = 0.05"),
    (["simulate", "--t", "1", "--dt", "0.05", "--record-every", "0.3"], "--t = 1.0 is not a whole multiple of "
                                                                       "--record-every = 0.3"),
    (["dmft", "--dt", "0.07"], "--tau-max = 50.0 is not a whole multiple of --dt = 0.07; allowed: a multiple "
                               "such as 49.98 or 50.05"),
    (["dmft", "--method", "sampling", "--t-burn", "10.05"], "--t-burn = 10.05 is not a whole multiple of --dt = 0.1"),
    (["dmft-rmt", "--dt", "0.3", "--tau-max", "40"], "--tau-max = 40.0 is not a whole multiple of --dt = 0.3"),
])
def test_times_that_are_not_whole_multiples_are_refused_not_rounded(argv, words, capsys):
    """`lyapunov --t 5.5` once ran t = 6 and `dmft --dt 0.07` shrank tau_max: now exit 2, the two
    nearest allowed values, and no output."""
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert words in one_line(err)


def test_output_paths_are_checked_before_work(tmp_path, capsys):
    """A missing folder, an existing file and a name without .npz are refused (exit 2, nothing written);
    --overwrite replaces, and the name reported is the file written."""
    base = ["simulate", "--n", "5", "--t", "1", "--json"]
    code, _, err = run(base + ["--out", str(tmp_path / "missing" / "x.npz")], capsys)
    assert code == 2 and "does not exist" in one_line(err)
    code, _, err = run(base + ["--out", str(tmp_path / "runfile")], capsys)
    assert code == 2 and "does not end in .npz" in one_line(err) and not list(tmp_path.iterdir())
    target = tmp_path / "run.npz"
    code, out, _ = run(base + ["--out", str(target)], capsys)
    assert code == 0 and _strict(out)["out"] == str(target) and target.exists()
    code, _, err = run(base + ["--out", str(target)], capsys)
    assert code == 2 and "exists; allowed: a new file, or pass --overwrite" in one_line(err)
    code, out, _ = run(base + ["--out", str(target), "--overwrite"], capsys)
    assert code == 0
    saved = np.load(target)
    assert saved["x"].shape == (saved["t"].size, 15) and float(saved["t"][-1]) == 1.0
    code, _, err = run(["phase-diagram", "--out", str(target)], capsys)
    assert code == 2 and "is a file" in one_line(err)


def test_sweep_options_checked_before_any_task(tmp_path, capsys):
    """k > 3N, which used to fail task by task with exit 1 and nothing on stderr, now exits 2 with one line
    naming the field, and no output folder is made."""
    spec = tmp_path / "s.toml"
    spec.write_text('[sweep]\nmeasurement = "lyapunov"\n[params]\nn = 5\n[options]\nk = 16\nt_total = 5.0\n')
    code, out, err = run(["sweep", str(spec), "--out", str(tmp_path / "o")], capsys)
    assert code == 2 and out == "" and not (tmp_path / "o").exists()
    assert one_line(err) == ("gatetheory sweep: error: spec field options.k: k = 16 is out of range for n = 5; "
                             "allowed: 1 <= k <= 3N = 15")


# ----------------------------------------------------------------------------- failures: exit 1, one line

def test_memory_error_is_one_line(capsys):
    """An N whose couplings cannot be allocated (21.8 TiB) fails with exit 1 and says what to reduce."""
    code, out, err = run(["simulate", "--n", "1000000", "--t", "1"], capsys)
    line = one_line(err)
    assert code == 1 and out == "" and "not enough memory" in line and "reduce --n" in line


def test_trajectory_leaving_the_finite_range_is_one_line_despite_warnings(capsys):
    """RK4 at dt = 10 overflows: the RuntimeWarnings NumPy raises on the way are folded into the one line."""
    code, out, err = run(["simulate", "--n", "10", "--t", "2000", "--dt", "10"], capsys)
    line = one_line(err)
    assert code == 1 and out == ""
    assert "the trajectory left the finite range; reduce dt" in line and "RuntimeWarning" in line


@pytest.mark.parametrize("exc, code, words", [
    (ArithmeticError("overflow in the quadrature"), 1, "outside the range the solver handles"),
    (FloatingPointError("underflow"), 1, "underflow; reduce the step or the parameters"),
    (OSError(28, "No space left on device", "big.npz"), 1, "cannot write or read 'big.npz'"),
    (RuntimeError("solve_ivp(RK45) failed: step size; loosen rtol"), 1, "loosen rtol"),
    (ParameterError("x = 3 is out of range; allowed: x < 2"), 2, "allowed: x < 2"),
    (TypeError("unexpected"), 1, "internal error TypeError: unexpected; rerun with --debug"),
    (KeyboardInterrupt(), 130, "interrupted"),
])
def test_every_failure_class_is_one_line(exc, code, words, capsys, monkeypatch):
    """Whatever a command raises maps onto its exit status and one line, never a traceback."""
    import gatetheory.cli.derive as derive

    def boom(args):
        raise exc
    monkeypatch.setattr(derive, "cmd_derive", boom)
    got, out, err = run(["derive", "--list"], capsys)
    assert got == code and out == ""
    assert words in one_line(err)


def test_convergence_error_is_exit_1(capsys, monkeypatch):
    from gatetheory.numerics.roots import ConvergenceError
    import gatetheory.meanfield.critical_lines as cl

    def fail(*a, **k):
        raise ConvergenceError("no convergence after 50 steps (residual 1e-3); raise maxiter")
    monkeypatch.setattr(cl, "fp_bifurcation", fail)
    code, _, err = run(["critical", "fp-bifurcation", "--g-h", "1.8"], capsys)
    assert code == 1 and one_line(err).endswith("raise maxiter")


def test_debug_prints_the_traceback(capsys):
    code, _, err = run(["lyapunov", "--n", "5", "--k", "16", "--debug"], capsys)
    assert code == 2 and "Traceback" in err and "ParameterError" in err
    assert err.strip().splitlines()[-1].startswith("gatetheory lyapunov: error: --k = 16")


# ----------------------------------------------------------------------------- flags

def test_negative_numbers_after_a_flag():
    """`--beta-h -1e-3` used to fail with "expected one argument"; every notation now parses as the value."""
    parser = build_parser()
    for text, value in (("-1e-3", -1e-3), ("-.5", -0.5), ("-2E+1", -20.0), ("-3", -3.0), ("-0.25", -0.25)):
        args = parser.parse_args(["simulate", "--beta-h", text, "--beta-r", text])
        assert args.beta_h == value and args.beta_r == value
    args = parser.parse_args(["fixed-point", "--beta-h", "-1e-3", "--g-h", "1.5"])
    assert args.beta_h == -1e-3 and args.g_h == 1.5


def test_negative_bias_reaches_the_library(capsys):
    code, out, _ = run(["simulate", "--n", "5", "--t", "1", "--beta-h", "-1e-3", "--beta-z", "-2.5e0", "--json"],
                       capsys)
    params = _strict(out)["params"]
    assert code == 0 and params["beta_h"] == -1e-3 and params["beta_z"] == -2.5


def test_every_model_parameter_has_its_flag_everywhere():
    """One flag builder: each command that builds GateParams offers every field as --name-with-dashes."""
    parser = build_parser()
    fields = GateParams().as_dict()
    for command in ("simulate", "lyapunov", "demo", "dmft", "dmft-lyapunov", "dmft-rmt"):
        args = parser.parse_args([command] + [f"--{k.replace('_', '-')}=0.5" for k in fields])
        assert args.param_names == tuple(fields) and all(getattr(args, k) == 0.5 for k in fields)


def test_old_flag_spellings_are_aliases():
    """Names follow the library (--t-total, --t-transient, --t-window, --dps); the old ones still work."""
    parser = build_parser()
    a = parser.parse_args(["lyapunov", "--t", "7", "--transient", "3"])
    b = parser.parse_args(["lyapunov", "--t-total", "7", "--t-transient", "3"])
    assert (a.t_total, a.t_transient) == (b.t_total, b.t_transient) == (7.0, 3.0)
    assert parser.parse_args(["dmft", "--window", "300"]).t_window == 300.0
    assert parser.parse_args(["fixed-point", "--digits", "20"]).dps == 20


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"gatetheory {__version__}"
    r = subprocess.run([sys.executable, "-m", "gatetheory", "--version"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == f"gatetheory {__version__}"


# ----------------------------------------------------------------------------- output

def test_json_is_strict_where_values_are_not_finite(capsys):
    """With t_total = t_ons there is one re-orthonormalisation and no standard error: it used to print
    `"stderr": Infinity`; now null, with the reason in the message."""
    code, out, _ = run(["lyapunov", "--n", "5", "--t-total", "1", "--t-transient", "0", "--json"], capsys)
    data = _strict(out)
    assert code == 0 and data["stderr"][0] is None and "stderr" in data["message"]
    assert data["status"] == "ok" and data["n"] == 5 and len(data["exponents"]) == 15
    assert {"lambda_max", "kaplan_yorke", "trace_mean", "params", "seed"} <= set(data)


def test_warnings_become_at_most_one_line_after_a_result(capsys, monkeypatch):
    import warnings

    import gatetheory.cli.derive as derive

    def noisy(args):
        for i in range(30):
            warnings.warn(f"overflow {i}", RuntimeWarning)
        print("result")
        return 0
    monkeypatch.setattr(derive, "cmd_derive", noisy)
    code, out, err = run(["derive", "--list"], capsys)
    assert code == 0 and out == "result\n"
    line = one_line(err)
    assert line.startswith("gatetheory derive: warning: RuntimeWarning: overflow 0") and "29 more" in line


def test_closed_stdout_exits_quietly():
    """`gatetheory derive --list | head -0`: the reader is gone before the first write; exit 0, stderr empty."""
    proc = subprocess.Popen([sys.executable, "-m", "gatetheory", "derive", "--list"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()  # the child is still importing; its first write meets a closed pipe
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and err == b"", err.decode()


def test_not_converged_prints_the_result_and_exits_1(capsys):
    """Two DMFT iterations cannot converge: the JSON (status "not-converged") is still printed, and the exit
    status and the one stderr line say the computation did not finish."""
    code, out, err = run(["dmft", "--method", "sampling", "--n-paths", "20", "--maxiter", "2", "--t-window", "40", "--tau-max", "20",
                          "--t-burn", "5", "--json", "--no-progress"], capsys)
    data = _strict(out)
    assert code == 1 and data["status"] == "not-converged" and data["converged"] is False
    assert "raise maxiter" in one_line(err)
