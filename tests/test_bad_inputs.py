"""Bad input, systematically: every CLI subcommand and every public entry point.

The cases are generated, not listed by hand, so a new flag or keyword is covered the day it
is added. Classes: non-finite (nan, inf, -inf, an overflowing literal), out of range (below
or above the range the flag's type declares), wrong type (a word, a fraction for an integer,
None, a list), empty, huge finite values, unwritable or existing paths, inconsistent options.

Oracle: the error policy of ``gatetheory.cli.errors``. A refused CLI case exits 2 with
exactly one line on stderr that names the flag and says what is allowed ("allowed:"), and
prints nothing on stdout. An API case raises ``ParameterError`` naming the parameter. A
huge but finite value may instead give a strictly valid result (exit 0 with standard JSON,
or exit 1 with one line: the computation failed and says so), within a time limit, as the
hang cases of the past showed that "no answer" is the failure to catch.

``test_case_count`` asserts the size of the enumeration so it cannot shrink unnoticed.
"""
from __future__ import annotations

import argparse
import json
import math
import signal
from contextlib import contextmanager

import numpy as np
import pytest

from gatetheory.cli import build_parser, main
from gatetheory.params import GateParams, ParameterError

# ----------------------------------------------------------------------------- the CLI, flag by flag

# a valid command line per subcommand: the bad flag is appended, and argparse checks every
# occurrence of a flag as it parses, so nothing runs
_BASE = {("critical", "fp-bifurcation"): ["--g-h", "1.8"], ("critical", "dyn-bifurcation"): ["--g-h", "1.8"],
         ("derive",): ["fp-bifurcation-near-2"], ("sweep",): ["spec.toml"]}

_NOT_FINITE = ["nan", "inf", "-inf", "1e400", "-nan"]
_WRONG_TYPE = ["abc", "", "1,5", "0x10", "1 2", "∞"]


def _out_of_range(type_name: str) -> list[str]:
    """Values just outside the range a flag type declares (its ``__name__``, see cli.flags)."""
    if type_name == "positive_float":
        return ["0", "-1", "-1e-300"]
    if type_name == "nonneg_float":
        return ["-1e-3", "-1e300"]
    if type_name == "seed":
        return ["-1", str(2 ** 32), "2.5", "1e3"]
    if type_name.startswith("integer >= "):
        m = int(type_name.split()[-1])
        return [str(m - 1), str(m - 1000), "2.5", "nan"]
    if type_name.startswith("integer in ["):
        lo, hi = (int(v) for v in type_name[len("integer in ["):-1].split(", "))
        return [str(lo - 1), str(hi + 1), str(10 ** 30), "2.5"]
    if type_name.startswith("number in ["):
        lo, hi = (float(v) for v in type_name[len("number in ["):-1].split(", "))
        return [repr(lo - 1.0), repr(hi + 1.0)]
    return []


def _commands(parser=None, path=()):
    """(path, parser) for every leaf subcommand."""
    parser = parser or build_parser()
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, sp in subs[0].choices.items():
        yield from _commands(sp, path + (name,))


def _flag_cases():
    cases = []
    for path, parser in _commands():
        for action in parser._actions:
            if not action.option_strings or action.type is None or action.nargs == 0:
                continue
            type_name = getattr(action.type, "__name__", "")
            if type_name in ("Path", "str", "nonempty_path"):
                continue  # paths: test_paths_are_checked_before_work
            flag = max(action.option_strings, key=len)
            values = _NOT_FINITE + _WRONG_TYPE + _out_of_range(type_name)
            if type_name.startswith(("integer", "seed")):
                values = [v for v in values if v != "0x10"] + ["1.0e400"]
            for v in dict.fromkeys(values):
                cases.append(pytest.param(path, flag, v, action.nargs, id=f"{' '.join(path)} {flag}={v!r}"))
    return cases


FLAG_CASES = _flag_cases()


def _argv(path, flag, value, nargs=None):
    base = _BASE.get(path, [])
    if isinstance(nargs, int):  # a flag of several values (a range): the bad one first, then good ones
        return [*path, *base, flag, value, *["1.9"] * (nargs - 1)]
    # "--flag=VALUE" keeps values that start with "-" (or are empty) attached to their flag
    return [*path, *base, f"{flag}={value}"]


@pytest.mark.parametrize("path, flag, value, nargs", FLAG_CASES)
def test_bad_flag_value_exits_2_with_one_line(path, flag, value, nargs, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(_argv(path, flag, value, nargs))
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "Traceback" not in out.err, (code, out.err)
    assert flag in lines[0] and "allowed" in lines[0], lines[0]
    assert out.out == ""


def test_negative_values_after_a_space_reach_the_type_check(capsys):
    """``--flag -1e-3`` (a space, not ``=``) is a value, not an unknown option, on every flag."""
    seen = 0
    for path, parser in _commands():
        for action in parser._actions:
            if action.option_strings and getattr(action.type, "__name__", "") == "positive_float":
                code = main([*path, *_BASE.get(path, []), max(action.option_strings, key=len), "-1e-3"])
                err = capsys.readouterr().err
                assert code == 2 and "out of range" in err and "expected one argument" not in err, err
                seen += 1
    assert seen >= 20


# ----------------------------------------------------------------------------- the CLI: huge finite values

class _NoAnswer(BaseException):
    """Not an Exception, so that the CLI's error path cannot turn a hang into a clean exit 1."""


@contextmanager
def _time_limit(seconds):
    def expire(signum, frame):
        raise _NoAnswer(f"no answer in {seconds} s")
    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _strict_json(text):
    def bad(name):
        raise AssertionError(f"non-standard JSON constant {name}")
    return json.loads(text, parse_constant=bad)


HUGE = [
    ["fixed-point", "--g-h", "1e300"], ["fixed-point", "--alpha-r", "1e300"], ["fixed-point", "--beta-h", "1e300"],
    ["fixed-point", "--beta-r", "-1e300"], ["fixed-point", "--input-std-h", "1e300"],
    ["critical", "fp-bifurcation", "--g-h", "1e300"], ["critical", "dyn-bifurcation", "--g-h", "1e300"],
    ["critical", "stability", "--alpha-r", "1e300"], ["critical", "marginal", "--alpha-r", "1e300"],
    ["dmft-rmt", "--alpha-r", "1e3"], ["dmft-rmt", "--g-h", "1e300"], ["dmft", "--g-h", "1e300"],
    ["dmft-lyapunov", "--beta-h", "1e300"], ["dmft", "--tau-r", "1e300"],
    ["simulate", "--n", "8", "--t", "1", "--g-h", "1e300"], ["simulate", "--n", "8", "--t", "1", "--alpha-z", "1e300"],
    ["lyapunov", "--n", "8", "--t", "2", "--beta-r", "1e300", "--k", "1"],
    ["simulate", "--n", "8", "--t", "1e300"], ["lyapunov", "--n", "8", "--t", "1e300"],
    ["simulate", "--n", str(10 ** 12), "--t", "1"], ["derive", "--digits", "10000", "fp-bifurcation-near-2"],
]


@pytest.mark.parametrize("argv", HUGE, ids=" ".join)
def test_huge_finite_values_answer_cleanly_and_in_time(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with _time_limit(60):
        code = main([*argv, "--json"] if argv[0] != "derive" else argv)
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    if code == 2:
        line, = out.err.strip().splitlines()
        assert "allowed" in line and out.out == "", line
    elif code == 1:
        assert len(out.err.strip().splitlines()) == 1, out.err
    else:
        assert code == 0, (code, out.err)
        if argv[0] != "derive":
            _strict_json(out.out)


# ----------------------------------------------------------------------------- the CLI: paths and combinations

def test_paths_are_checked_before_work(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exists.npz").write_bytes(b"x")
    (tmp_path / "adir").mkdir()
    cases = [
        (["simulate", "--n", "8", "--t", "1", "--out", "/nonexistent/dir/x.npz"], "--out"),
        (["simulate", "--n", "8", "--t", "1", "--out", "exists.npz"], "--out"),
        (["simulate", "--n", "8", "--t", "1", "--out", "adir"], "--out"),
        (["simulate", "--n", "8", "--t", "1", "--out", ""], "--out"),
        (["sweep", "/no/such/spec.toml"], "spec"),
        (["sweep", str(tmp_path / "adir")], "spec"),
        (["phase-diagram", "--out", "exists.npz/sub"], "--out"),
        (["phase-diagram", "--out", "exists.npz"], "--out"),
        (["report", "--out", "exists.npz"], "--out"),
    ]
    for argv, what in cases:
        code = main(argv)
        err = capsys.readouterr().err
        lines = err.strip().splitlines()
        assert code == 2 and len(lines) == 1 and what in lines[0], (argv, err)
    assert (tmp_path / "exists.npz").read_bytes() == b"x"


INCONSISTENT = [
    ["lyapunov", "--n", "5", "--k", "16"],
    ["lyapunov", "--t", "5.5"], ["lyapunov", "--t", "0.3"], ["lyapunov", "--t-ons", "0.15"],
    ["lyapunov", "--transient", "0.25"],
    ["simulate", "--t", "1.03"], ["simulate", "--record-every", "0.07"],
    ["dmft", "--dt", "0.07"], ["dmft", "--method", "sampling", "--tau-max", "150"],
    ["dmft", "--n-paths", "100"],
    ["dmft", "--method", "nope"], ["dmft-rmt", "--alpha-z", "1"],
    ["critical", "fp-bifurcation", "--g-h", "1.0"], ["critical", "fp-bifurcation", "--g-h", "2.5"],
    ["critical", "dyn-bifurcation", "--g-h", "1.5"], ["critical", "dyn-bifurcation", "--g-h", "2.5"],
    ["critical", "dyn-bifurcation", "--g-h", "1.8", "--digits", "10"],
    ["derive", "no-such-result"], ["report", "--only", "no_such_figure"],
]


@pytest.mark.parametrize("argv", INCONSISTENT, ids=" ".join)
def test_inconsistent_options_exit_2_before_work(argv, capsys):
    with _time_limit(30):
        code = main(argv)
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "Traceback" not in out.err, (code, out.err)
    assert "allowed" in lines[0] or "see gatetheory" in lines[0], lines[0]
    assert out.out == ""


# ----------------------------------------------------------------------------- the public API

def _api_entry_points():
    """(name, call(**kwargs), valid kwargs): each keyword is replaced by bad values in turn."""
    from gatetheory.dmft import solve_dmft
    from gatetheory.meanfield.critical_lines import fp_bifurcation
    from gatetheory.meanfield.stability import marginal_stability_g_h, stability_g_h, zero_fp_stability_g_h
    from gatetheory.meanfield.dynamic_bifurcation import dyn_bifurcation
    from gatetheory.meanfield.fixed_points import fixed_point_variances
    from gatetheory.meanfield.phase_diagram import phase_diagram_curves
    from gatetheory.network import (Network, find_fixed_point, jacobian, kaplan_yorke_dimension,
                                    lyapunov_spectrum, simulate, transient_time)
    from gatetheory.numerics.gaussian import gaussian_average

    p = GateParams(g_h=2.0)
    net = Network(p, 8, seed=0)
    x0 = np.full(3 * 8, 0.1)
    return [
        ("GateParams", lambda **kw: GateParams(**kw), {"g_h": 2.0, "alpha_z": 0.0, "alpha_r": 0.0, "beta_h": 0.0,
                                                       "beta_z": 0.0, "beta_r": 0.0, "tau_z": 1.0, "tau_r": 1.0}),
        ("Network", lambda **kw: Network(p, **kw), {"n": 8, "seed": 0}),
        ("simulate", lambda **kw: simulate(net, **kw), {"x0": x0, "t": 1.0, "dt": 0.05, "record_every": 0.5,
                                                        "rtol": 1e-8, "atol": 1e-10, "t0": 0.0}),
        ("lyapunov_spectrum", lambda **kw: lyapunov_spectrum(net, **kw),
         {"t_total": 4.0, "k": 2, "dt": 0.1, "t_ons": 1.0, "t_transient": 1.0, "seed": 0}),
        ("transient_time", lambda **kw: transient_time(net, **kw),
         {"x0": x0, "threshold": 1e-6, "t_max": 10.0, "check_every": 1.0, "dt": 0.05}),
        ("find_fixed_point", lambda **kw: find_fixed_point(net, **kw), {"x0": x0, "tol": 1e-12, "maxiter": 100}),
        ("jacobian", lambda **kw: jacobian(net, **kw), {"x": x0, "t": 0.0}),
        ("kaplan_yorke_dimension", kaplan_yorke_dimension, {"exponents": np.array([0.1, -0.5])}),
        ("fixed_point_variances", lambda **kw: fixed_point_variances(p, **kw),
         {"input_std_h": 0.1, "input_std_z": 0.0, "input_std_r": 0.0, "dps": 15}),
        ("fp_bifurcation", fp_bifurcation, {"g_h": 1.8, "beta_h": 0.0, "beta_r": 0.0, "input_std_h": 0.0,
                                            "input_std_r": 0.0, "dps": 15}),
        ("dyn_bifurcation", dyn_bifurcation, {"g_h": 1.8, "beta_r": 0.0}),
        ("stability_g_h", stability_g_h, {"alpha_r": 1.0, "beta_r": 0.0, "beta_h": 0.0, "input_std_h": 0.1,
                                          "input_std_r": 0.0, "dps": 15, "g_max": 20.0}),
        ("marginal_stability_g_h", marginal_stability_g_h, {"alpha_r": 1.0, "beta_r": 0.0, "beta_h": 0.0,
                                                            "mean_sigma_z": 0.5, "g_max": 30.0}),
        ("zero_fp_stability_g_h", zero_fp_stability_g_h, {"beta_r": 0.0, "dps": 15}),
        ("solve_dmft", lambda **kw: solve_dmft(p, **kw), {"method": "moments", "dt": 0.1, "tau_max": 20.0,
                                                           "input_std_h": 0.0, "input_std_z": 0.0,
                                                           "input_std_r": 0.0}),
        ("phase_diagram_curves", phase_diagram_curves, {"beta_h": 0.0, "beta_r": 0.0, "input_std_h": 0.3,
                                                        "n_points": 4, "alpha_r_max": 40.0}),
        ("gaussian_average", lambda **kw: gaussian_average(lambda y: y * y, **kw), {"variance": 1.0, "center": 0.0,
                                                                             "dps": 15}),
    ]


_API_BAD = [("nan", math.nan), ("inf", math.inf), ("-inf", -math.inf), ("word", "abc"), ("list", [1.0, 2.0]),
            ("None", None), ("empty", "")]


def _api_cases():
    cases = []
    for name, call, valid in _api_entry_points():
        for key, good in valid.items():
            for label, bad in _API_BAD:
                if key in ("x0", "x", "exponents"):  # arrays: a NaN entry, a wrong shape, an empty one
                    if label not in ("nan", "list", "empty"):
                        continue
                    bad = {"nan": np.where(np.arange(np.size(good)) == 0, np.nan, good), "list": np.ones(3),
                           "empty": np.array([])}[label]
                if label == "None" and key in ("dps", "seed", "record_every", "k"):
                    continue  # None is their documented default
                if label == "list" and key == "seed":
                    continue  # numpy takes a sequence of ints as a seed
                cases.append(pytest.param(call, valid, key, bad, id=f"{name}({key}={label})"))
    return cases


API_CASES = None


def pytest_generate_tests(metafunc):
    if "api_case" in metafunc.fixturenames:
        global API_CASES
        API_CASES = API_CASES or _api_cases()
        metafunc.parametrize("api_case", [c.values for c in API_CASES], ids=[c.id for c in API_CASES])


def test_bad_api_argument_raises_parameter_error_naming_it(api_case):
    call, valid, key, bad = api_case
    with _time_limit(30), pytest.raises(ParameterError) as err:
        call(**{**valid, key: bad})
    assert key in str(err.value) or key.replace("_", " ") in str(err.value), str(err.value)


def test_valid_api_baselines_run():
    """Each baseline above is accepted, so a refusal in the cases comes from the bad value alone."""
    for name, call, valid in _api_entry_points():
        if name in ("phase_diagram_curves",):
            continue  # the slowest; its keywords are checked before any work
        with _time_limit(60):
            call(**valid)


def test_case_count():
    """The enumeration's size, reported in the closing note of the hardening issue."""
    n_api = len(_api_cases())
    n_cli = len(FLAG_CASES) + len(HUGE) + len(INCONSISTENT) + 9
    print(f"bad-input cases: CLI {n_cli}, API {n_api}, total {n_cli + n_api}")
    assert len(FLAG_CASES) >= 400 and n_api >= 300
