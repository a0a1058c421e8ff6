"""The Dask path on a real local cluster (a scheduler and two worker processes on 127.0.0.1)
gives exactly the store of the in-process default (except wall_time and host)."""
from __future__ import annotations

import json
import os
import warnings

import pytest

xr = pytest.importorskip("xarray")

from gatetheory.sweep import load_results, parse_spec, run_sweep

distributed = pytest.importorskip("distributed")


def test_dask_cluster_equals_in_process(tmp_path):
    """Same spec three ways: in-process (the oracle), a Client passed in, and the scheduler's
    address (the CLI's --scheduler path, client opened and closed by the runner). The tau_z = 1e-3
    tasks fail (RK4 at dt = 0.1 leaves the finite range) on the cluster too, and are recorded the same
    way. Exact comparison: each task is a deterministic function of its parameters and seeds."""
    spec = parse_spec({"sweep": {"measurement": "lyapunov", "seeds": 2},
                       "params": {"n": 20, "alpha_z": 5.0, "alpha_r": 2.0},
                       "grid": {"tau_z": [1e-3, 1.0], "g_h": [1.0, 4.0]},
                       "options": {"t_total": 20.0, "t_transient": 5.0, "k": 8}})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the overflow before the failure, as in the workers
        run_sweep(spec, tmp_path / "local", workers=1)
    ref = load_results(tmp_path / "local").drop_vars(["wall_time", "host"])
    assert ref.status.values.tolist().count("error") == 4
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=40)
    try:
        with distributed.Client(cluster) as client:
            res = run_sweep(spec, tmp_path / "client", scheduler=client)
            assert res.executor.startswith("dask(tcp://127.0.0.1:") and res.n_run == 8
        res = run_sweep(spec, tmp_path / "address", scheduler=cluster.scheduler_address)
        assert res.n_run == 8
    finally:
        cluster.close()
    for name in ("client", "address"):
        ds = load_results(tmp_path / name)
        xr.testing.assert_identical(ds.drop_vars(["wall_time", "host"]), ref)
        pids = {json.loads(line)["pid"] for line in (tmp_path / name / "journal.jsonl").read_text().splitlines()}
        assert os.getpid() not in pids and len(pids) >= 1  # the tasks ran in the cluster's worker processes
