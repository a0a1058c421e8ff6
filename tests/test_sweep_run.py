"""Running sweeps: executors agree exactly, failures are recorded, restarts skip finished work.

The oracle for every "same store" check is an in-process run of the same spec; the
comparison is exact (xarray.testing.assert_identical) on everything except wall_time and
host, which legitimately differ between runs: a task is a deterministic function of its
parameters and seeds, whichever process runs it.
"""
from __future__ import annotations

import json
import math
import warnings

import pytest

xr = pytest.importorskip("xarray")

from gatetheory.cli import main
from gatetheory.params import ParameterError
from gatetheory.sweep import load_results, parse_spec, run_sweep
from gatetheory.sweep.store import JOURNAL, Journal

VARYING = ["wall_time", "host"]


def lyapunov_spec(**options):
    return parse_spec({"sweep": {"measurement": "lyapunov", "seeds": 2},
                       "params": {"n": 20, "alpha_z": 5.0, "alpha_r": 2.0},
                       "grid": {"g_h": [1.0, 4.0]},
                       "options": {"t_total": 20.0, "t_transient": 5.0, "k": 1, **options}})


def same_store(a, b):
    xr.testing.assert_identical(a.drop_vars(VARYING), b.drop_vars(VARYING))


def journal_ids(out):
    return [json.loads(line)["task_id"] for line in (out / JOURNAL).read_text().splitlines() if line.strip()]


def test_processes_match_in_process_and_rerun_skips(tmp_path):
    """Two worker processes give exactly the in-process store; a rerun runs nothing and writes the
    same store again. Kaplan-Yorke with k = 1 is absent exactly where lambda_max >= 0, and then a
    note says why (not a silent NaN); the grid includes a chaotic point (g_h = 4), so both cases occur."""
    spec = lyapunov_spec()
    ref = run_sweep(spec, tmp_path / "a", workers=1)
    par = run_sweep(spec, tmp_path / "b", workers=2)
    assert (ref.n_run, ref.n_ok, par.n_run, par.executor) == (4, 4, 4, "processes(2)")
    ds_a, ds_b = load_results(tmp_path / "a"), load_results(tmp_path / "b")
    same_store(ds_a, ds_b)
    again = run_sweep(spec, tmp_path / "b", workers=2)
    assert (again.n_skipped, again.n_run) == (4, 0)
    same_store(ds_a, load_results(tmp_path / "b"))
    chaotic = ds_a.lambda_max.values >= 0
    assert chaotic.any() and not chaotic.all()
    for lam, ky, note in zip(ds_a.lambda_max.values, ds_a.kaplan_yorke.values, ds_a.kaplan_yorke_note.values):
        assert (math.isnan(ky) and "compute more exponents" in note) if lam >= 0 else (ky == 0.0 and note == "")
    assert set(ds_a.status.values) == {"ok"} and set(ds_a.gatetheory_version.values) == {"0.1.0"}


def test_failing_task_recorded_and_sweep_continues(tmp_path):
    """tau_z = 1e-3 is far too stiff for RK4 at dt = 0.1: that task's trajectory leaves the finite range and
    records status "error" with the simulator's message; the tau_z = 1 task still runs. A rerun skips the
    error; --retry-errors reruns it."""
    spec = parse_spec({"sweep": {"measurement": "lyapunov", "seeds": 1}, "params": {"n": 10, "alpha_z": 1.0},
                       "grid": {"tau_z": [1e-3, 1.0]}, "options": {"t_total": 5.0, "t_transient": 0.0, "k": 3}})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the overflow that the error then reports
        res = run_sweep(spec, tmp_path, workers=1)
    ds = load_results(tmp_path)
    assert list(ds.status.values) == ["error", "ok"] and (res.n_error, res.n_ok) == (1, 1)
    assert res.status == "failed" and "1 of 2 tasks" in res.message
    assert "FloatingPointError: the trajectory left the finite range" in str(ds.error.values[0])
    assert math.isnan(ds.lambda_max.values[0]) and math.isfinite(ds.lambda_max.values[1])
    assert run_sweep(spec, tmp_path, workers=1).n_run == 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        retry = run_sweep(spec, tmp_path, workers=1, retry_errors=True)
    assert (retry.n_run, retry.n_error) == (1, 1)
    assert journal_ids(tmp_path).count(spec.tasks()[0].task_id) == 2  # the retry appended, the store shows one row
    assert load_results(tmp_path).sizes["task"] == 2


def test_torn_last_journal_line_is_rerun(tmp_path):
    """A kill during a journal write leaves half a line: it is cut, that task alone reruns, and the
    store equals the uninterrupted one."""
    spec = lyapunov_spec()
    run_sweep(spec, tmp_path, workers=1)
    ref = load_results(tmp_path)
    path = tmp_path / JOURNAL
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]) + lines[-1][:40])
    res = run_sweep(spec, tmp_path, workers=1)
    assert (res.n_skipped, res.n_run) == (3, 1)
    assert sorted(journal_ids(tmp_path)) == sorted(t.task_id for t in spec.tasks())
    same_store(ref, load_results(tmp_path))


def test_one_writer_per_folder(tmp_path):
    """A second sweep on a folder whose journal is locked is refused, naming the folder."""
    with Journal(tmp_path):
        with pytest.raises(ParameterError, match="in use by another running sweep"):
            run_sweep(lyapunov_spec(), tmp_path, workers=1)


def test_fixed_point_and_transient_time(tmp_path):
    """Oracle: g_h = 0.5 with gates at 1/2 is a contraction onto h = 0, so Newton converges to var_h ~ 0
    and var(h) decays below 1e-4 within the cap; g_h = 4 is chaotic at N = 20 and never settles by t = 30
    (transient_time = cap, reached = 0)."""
    fp = parse_spec({"sweep": {"measurement": "fixed_point"}, "params": {"n": 20, "g_h": 0.5},
                     "options": {"t_settle": 10.0}})
    run_sweep(fp, tmp_path / "fp", workers=1)
    ds = load_results(tmp_path / "fp")
    assert ds.converged.values[0] == 1 and ds.residual.values[0] < 1e-9 and ds.var_h.values[0] < 1e-18
    tt = parse_spec({"sweep": {"measurement": "transient_time"}, "params": {"n": 20},
                     "grid": {"g_h": [0.5, 4.0]}, "options": {"t_max": 30.0, "threshold": 1e-4}})
    run_sweep(tt, tmp_path / "tt", workers=1)
    ds = load_results(tmp_path / "tt")
    assert ds.reached.values.tolist() == [1, 0]
    assert 0 < ds.transient_time.values[0] < 30.0 and ds.transient_time.values[1] == 30.0


def test_cli_runs_and_rejects_before_work(tmp_path, capsys):
    """The CLI writes results.nc and exits 0; a malformed spec exits 2 with one line naming the field
    and creates no output folder (rejected before any work starts)."""
    good = tmp_path / "good.toml"
    good.write_text('[sweep]\nmeasurement = "lyapunov"\n[params]\nn = 10\n[grid]\ng_h = [2.0]\n'
                    '[options]\nt_total = 5.0\nt_transient = 0.0\nk = 5\n')
    assert main(["sweep", str(good), "--out", str(tmp_path / "g"), "--workers", "1", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["n_tasks"], summary["n_ok"]) == (1, 1) and (tmp_path / "g" / "results.nc").exists()
    bad = tmp_path / "bad.toml"
    bad.write_text('[sweep]\nmeasurement = "lyapunov"\n[params]\nn = 10\n[grid]\ng_h = "abc"\n')
    assert main(["sweep", str(bad), "--out", str(tmp_path / "b")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["gatetheory sweep: error: spec field grid.g_h: expected a non-empty list of numbers, got 'abc'"]
    assert not (tmp_path / "b").exists()


def _crash_on_seed_1(params, n, seed, opt):
    import os
    if seed == 1:
        os._exit(3)  # the worker process dies, as under the OOM killer
    return {"value": float(seed)}


def test_dead_worker_stops_with_message_and_keeps_records(tmp_path, monkeypatch):
    """A task that kills its worker process breaks the local pool: the sweep stops with a message
    saying to rerun, every task recorded before stays in the journal and the store (no corruption),
    and the unrecorded ones show "pending". (Forked workers inherit the test-only measurement.)"""
    from gatetheory.sweep import Measurement, tasks
    monkeypatch.setitem(tasks.MEASUREMENTS, "crash_test",
                        Measurement("crash_test", _crash_on_seed_1, {}, {"value": "f"}, needs_n=False))
    spec = parse_spec({"sweep": {"measurement": "crash_test", "seeds": [0, 2, 4, 1, 5, 6]}})
    with pytest.raises(RuntimeError, match="worker process died.*rerun to resume"):
        run_sweep(spec, tmp_path, workers=2)
    ds = load_results(tmp_path)
    status = ds.status.values.tolist()
    assert status[3] == "pending" and set(status) <= {"ok", "pending"}
    assert sorted(journal_ids(tmp_path)) == sorted(str(i) for i, s in zip(ds.task_id.values, status) if s == "ok")
    assert all(ds.value.values[i] == ds.seed.values[i] for i, s in enumerate(status) if s == "ok")


def test_dmft_registered_lazily_and_takes_no_n(tmp_path):
    """When gatetheory.dmft is importable the "dmft" measurement exists; it rejects n (no network),
    and a short solve records its outputs (converged is recorded, whatever it is)."""
    pytest.importorskip("gatetheory.dmft")
    from gatetheory.sweep import measurement_names
    assert "dmft" in measurement_names()
    with pytest.raises(ParameterError, match="spec field params.n: measurement 'dmft' takes no network size n"):
        parse_spec({"sweep": {"measurement": "dmft"}, "params": {"n": 10}})
    spec = parse_spec({"sweep": {"measurement": "dmft"}, "params": {"g_h": 2.0},
                       "options": {"n_paths": 50, "t_window": 20.0, "t_burn": 5.0, "tau_max": 5.0, "maxiter": 2}})
    run_sweep(spec, tmp_path, workers=1)
    ds = load_results(tmp_path)
    assert ds.status.values.tolist() == ["ok"] and ds.C_h0.values[0] > 0 and ds.converged.values[0] in (0, 1)


@pytest.mark.parametrize("line", ['[1, 2]', '"text"', '{"task_id": "x"}', '{"foo": 1}', '42', 'null'])
def test_journal_line_that_is_not_a_record_is_skipped_and_rerun(tmp_path, line):
    """A journal line that is valid JSON but no task record (hand edits, another tool) is skipped with
    a JournalWarning naming the line, its task (if any) runs again, and the store is complete.
    Before the fix such a line crashed every restart."""
    from gatetheory.sweep.store import JournalWarning
    spec = lyapunov_spec()
    run_sweep(spec, tmp_path, workers=1)
    ref = load_results(tmp_path)
    path = tmp_path / JOURNAL
    lines = path.read_text().splitlines()
    lines[0] = line  # replaces the first task's record
    path.write_text("\n".join(lines) + "\n")
    with pytest.warns(JournalWarning, match="line 1"):
        res = run_sweep(spec, tmp_path, workers=1)
    assert (res.n_skipped, res.n_run, res.n_ok) == (3, 1, 4)
    same_store(ref, load_results(tmp_path))
