"""Sweep specs: malformed ones are rejected before any work, naming the field; task identity is stable."""
from __future__ import annotations

import pytest

from gatetheory.params import ParameterError
from gatetheory.sweep import load_spec, parse_spec
from gatetheory.sweep.spec import task_id


def _spec(**tables):
    base = {"sweep": {"measurement": "lyapunov", "seeds": 2}, "params": {"n": 20}, "grid": {"g_h": [1.5, 3.0]}}
    for key, value in tables.items():
        if value is None:
            del base[key]
        else:
            base[key] = value
    return base


@pytest.mark.parametrize("tables, field, words", [
    ({"grid": {"g_h": "abc"}}, "grid.g_h", "expected a non-empty list of numbers, got 'abc'"),
    ({"grid": {"g_h": [1.0, "abc"]}}, "grid.g_h", "expected a list of numbers, got 'abc'"),
    ({"grid": {"g_h": []}}, "grid.g_h", "non-empty"),
    ({"grid": {"g_h": [1.0, 1.0]}}, "grid.g_h", "repeated"),
    ({"grid": {"tau_z": [1.0, -1.0]}}, "grid.tau_z", "tau_z > 0"),
    ({"grid": {"gh": [1.0]}}, "grid.gh", "unknown parameter"),
    ({"params": {}, "grid": {"n": [20, 2.5]}}, "grid.n", "integers >= 1"),
    ({"params": {"n": 20, "g_h": 2.0}}, "grid.g_h", "also fixed"),
    ({"params": {"g_h": 2.0}, "grid": {"alpha_r": [0.0]}}, "params.n", "required"),
    ({"params": {"n": 0}}, "params.n", "out of range"),
    ({"options": {"t_total": -1.0}}, "options.t_total", "allowed: > 0"),
    ({"options": {"k": 2.5}}, "options.k", "integer"),
    ({"options": {"foo": 1}}, "options.foo", "unknown option"),
    ({"sweep": {"measurement": "lyapunov", "seeds": [0, -1]}}, "sweep.seeds", "integers 0 <= seed < 2**31"),
    ({"sweep": {"measurement": "lyapunov", "seeds": [2 ** 31]}}, "sweep.seeds", "integers 0 <= seed < 2**31"),
    ({"sweep": {"measurement": "lyapunov", "seeds": [1, 1]}}, "sweep.seeds", "repeated"),
    ({"sweep": {"measurement": "lyapunov", "seeds": 10 ** 8}}, "sweep.seeds", "allowed: 1 <= seeds <= 1000000"),
    ({"sweep": {"measurement": "lyapunov", "seeds": 10 ** 5}, "grid": {"g_h": list(range(1, 12))}}, "grid",
     "1100000 tasks"),
    ({"sweep": {"measurement": "nope"}}, "sweep.measurement", "unknown measurement 'nope'"),
    ({"sweep": {"measurement": "lyapunov", "workers": 0}}, "sweep.workers", ">= 1"),
    ({"sweep": {"measurement": "lyapunov", "wokers": 2}}, "sweep.wokers", "unknown key"),
    ({"sweep": None}, "sweep", "missing table"),
    ({"extra": {}}, "extra", "unknown table"),
    # options fine one by one but not together, or not for this n: refused before any task starts
    ({"options": {"k": 61}}, "options.k", "allowed: 1 <= k <= 3N = 60"),
    ({"params": {}, "grid": {"n": [30, 5]}, "options": {"k": 20}}, "options.k", "for n = 5"),
    ({"options": {"t_total": 5.5}}, "options.t_total", "not a whole multiple of t_ons = 1.0"),
    ({"options": {"t_ons": 0.15}}, "options.t_ons", "not a whole multiple of dt = 0.1"),
    ({"options": {"t_transient": 2.5}}, "options.t_transient", "allowed: a multiple such as 2 or 3"),
    ({"sweep": {"measurement": "fixed_point"}, "options": {"t_settle": 1.01}}, "options.t_settle", "multiple"),
    ({"sweep": {"measurement": "transient_time"}, "options": {"check_every": 0.33}}, "options.check_every",
     "multiple of dt = 0.05"),
    ({"sweep": {"measurement": "dmft"}, "params": {}, "options": {"tau_max": 150.0}}, "options.tau_max",
     "tau_max <= t_window / 2 = 100"),
    ({"sweep": {"measurement": "dmft"}, "params": {}, "options": {"dt": 0.07}}, "options.tau_max",
     "not a whole multiple of dt = 0.07"),
])
def test_malformed_spec_names_field(tables, field, words):
    """Each malformed spec raises ParameterError whose message starts with the offending field
    and says what was expected; no tolerance, the text is exact."""
    with pytest.raises(ParameterError) as err:
        parse_spec(_spec(**tables))
    msg = str(err.value)
    assert msg.startswith(f"spec field {field}:"), msg
    assert words in msg, msg


def test_bad_toml_file_rejected(tmp_path):
    """A file that is not TOML is rejected with the file's name (the parser's position is kept)."""
    path = tmp_path / "bad.toml"
    path.write_text("[sweep\nmeasurement = 1\n")
    with pytest.raises(ParameterError, match="not valid TOML"):
        load_spec(path)


def test_tasks_grid_order_and_stable_ids(tmp_path):
    """Tasks follow the axes as written, seeds innermost; ids depend only on what defines a task
    (reordering the TOML's axes changes the order, not the set of ids), and on every option value."""
    a = parse_spec(_spec(grid={"g_h": [1.5, 3.0], "alpha_r": [0.0, 2.0]}))
    b = parse_spec(_spec(grid={"alpha_r": [0.0, 2.0], "g_h": [1.5, 3.0]}))
    ta, tb = a.tasks(), b.tasks()
    assert a.shape == (2, 2, 2) and len(ta) == 8
    assert [(t.params["g_h"], t.params["alpha_r"], t.seed) for t in ta[:3]] == [(1.5, 0.0, 0), (1.5, 0.0, 1), (1.5, 2.0, 0)]
    assert {t.task_id for t in ta} == {t.task_id for t in tb} and len({t.task_id for t in ta}) == 8
    assert [t.task_id for t in ta] != [t.task_id for t in tb]
    assert ta[0].options["t_total"] == 100.0  # defaults filled in, part of the identity
    c = parse_spec(_spec(options={"t_total": 99.0}))
    assert c.tasks()[0].task_id != parse_spec(_spec()).tasks()[0].task_id
    assert ta[0].task_id == task_id("lyapunov", ta[0].params, 20, 0, ta[0].options)
    (tmp_path / "s.toml").write_text('[sweep]\nmeasurement = "lyapunov"\nseeds = 2\n[params]\nn = 20\n'
                                     '[grid]\ng_h = [1.5, 3.0]\n')
    assert [t.task_id for t in load_spec(tmp_path / "s.toml").tasks()] == [t.task_id for t in parse_spec(_spec()).tasks()]


def test_example_spec_is_valid():
    """The shipped example parses (it is run by the docs' instructions)."""
    from pathlib import Path
    spec = load_spec(Path(__file__).resolve().parents[1] / "examples" / "sweep_lyapunov.toml")
    assert spec.measurement == "lyapunov" and len(spec.tasks()) == 8
