"""A sweep killed by a real signal and restarted loses nothing and repeats nothing.

The sweep runs as a separate `python -m gatetheory sweep` process with two worker
processes. The oracle is an uninterrupted in-process run of the same spec; stores are
compared exactly except wall_time and host (they differ between any two runs).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

xr = pytest.importorskip("xarray")

from gatetheory.sweep import load_results, load_spec, run_sweep
from gatetheory.sweep.store import JOURNAL

N_TASKS = 24
SPEC = """[sweep]
measurement = "lyapunov"
seeds = 6
[params]
n = 20
alpha_z = 5.0
alpha_r = 2.0
[grid]
g_h = [1.0, 2.0, 3.0, 4.0]
[options]
t_total = 40.0
t_transient = 5.0
k = 2
"""


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sweep_ref")
    (folder / "spec.toml").write_text(SPEC)
    run_sweep(load_spec(folder / "spec.toml"), folder / "out", workers=1)
    return folder / "spec.toml", load_results(folder / "out")


def _cmd(spec, out):
    return [sys.executable, "-m", "gatetheory", "sweep", str(spec), "--out", str(out), "--workers", "2",
            "--json", "--no-progress"]


def _ids(out):
    path = out / JOURNAL
    if not path.exists():
        return []
    ids = []
    for line in path.read_bytes().split(b"\n"):
        try:
            ids.append(json.loads(line)["task_id"])
        except ValueError:
            pass  # empty or torn line
    return ids


@contextmanager
def _running_sweep(spec, out, n_done, wait=90):
    """Start the sweep as its own process group and wait for ``n_done`` recorded tasks; yield the
    process; on exit kill whatever of the group is left (the parent's workers share it)."""
    proc = subprocess.Popen(_cmd(spec, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, cwd=out.parent)
    try:
        deadline = time.monotonic() + wait
        while len(_ids(out)) < n_done and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "the sweep ended before it could be interrupted: make the tasks longer"
        yield proc
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def _interrupt(spec, out, signum, whole_group):
    """Start the sweep, wait for at least 4 finished tasks, send the signal; return (returncode, stdout)."""
    with _running_sweep(spec, out, 4) as proc:
        if whole_group:
            os.killpg(proc.pid, signum)
        else:
            proc.send_signal(signum)
        stdout, _ = proc.communicate(timeout=60)
        return proc.returncode, stdout


def _resume_and_check(spec, out, reference, n_before):
    done = subprocess.run(_cmd(spec, out), capture_output=True, timeout=120, cwd=out.parent)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    summary = json.loads(done.stdout)
    assert (summary["n_skipped"], summary["n_run"], summary["n_ok"]) == (n_before, N_TASKS - n_before, N_TASKS)
    ids = _ids(out)
    assert len(ids) == len(set(ids)) == N_TASKS  # no task recorded (ran to completion) twice
    ds = load_results(out)
    xr.testing.assert_identical(ds.drop_vars(["wall_time", "host"]), reference.drop_vars(["wall_time", "host"]))


def test_sigkill_then_restart_equals_uninterrupted(tmp_path, reference):
    """SIGKILL to the sweep's whole process group (parent and workers, no chance to clean up) after
    at least 4 of 24 tasks are recorded; the restart skips exactly the recorded ones, runs the rest,
    and the final store equals the uninterrupted run's."""
    spec, ref = reference
    out = tmp_path / "out"
    rc, _ = _interrupt(spec, out, signal.SIGKILL, whole_group=True)
    assert rc == -signal.SIGKILL
    n_before = len(set(_ids(out)))
    assert 4 <= n_before < N_TASKS and len(_ids(out)) == n_before
    assert not (out / "results.nc").exists()  # the killed run never got to write the store
    _resume_and_check(spec, out, ref, n_before)


def test_sigterm_drains_then_restart_equals_uninterrupted(tmp_path, reference):
    """SIGTERM to the parent alone: it starts no new task, records those running, writes a store with
    the rest "pending" and exits 130; the restart completes it to the uninterrupted store."""
    spec, ref = reference
    out = tmp_path / "out"
    rc, stdout = _interrupt(spec, out, signal.SIGTERM, whole_group=False)
    assert rc == 130
    summary = json.loads(stdout)
    n_before = len(set(_ids(out)))
    assert summary["interrupted"] and summary["n_run"] == n_before and summary["n_pending"] == N_TASKS - n_before > 0
    status = load_results(out).status.values.tolist()
    assert status.count("ok") == n_before and status.count("pending") == N_TASKS - n_before
    _resume_and_check(spec, out, ref, n_before)


def _group_alive(pgid) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's; elsewhere a poll")
def test_sigkill_of_parent_alone_leaves_no_worker_and_restart_needs_no_cleanup(tmp_path, reference):
    """SIGKILL to the parent only (its pool workers untouched, as when an OOM killer or a scheduler
    picks the parent). The workers must die with it and must not hold the journal lock: the restart,
    started at once, completes the store to the uninterrupted one. Before the fix the workers kept
    the lock and the restart was refused until they were killed by hand."""
    spec, ref = reference
    out = tmp_path / "out"
    with _running_sweep(spec, out, 4) as proc:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        # the workers (same process group) go within a few seconds of the parent
        deadline = time.monotonic() + 10
        while _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _group_alive(proc.pid), "pool workers outlived the killed parent"
        n_before = len(set(_ids(out)))
        _resume_and_check(spec, out, ref, n_before)


def test_sigterm_starts_no_new_task(tmp_path):
    """After SIGTERM at most the tasks already running (2 workers) are recorded, plus at most one
    that finished in the instant between counting and signalling. Before the fix the executor's
    queue let ~3 more start (and be recorded) after the signal."""
    folder = tmp_path
    (folder / "spec.toml").write_text(SPEC.replace("t_total = 40.0", "t_total = 200.0"))
    out = folder / "out"
    with _running_sweep(folder / "spec.toml", out, 2, wait=120) as proc:
        at_signal = len(_ids(out))
        proc.send_signal(signal.SIGTERM)
        stdout, _ = proc.communicate(timeout=120)
        assert proc.returncode == 130
        assert len(_ids(out)) - at_signal <= 2 + 1
        assert json.loads(stdout)["n_pending"] >= N_TASKS - at_signal - 3
