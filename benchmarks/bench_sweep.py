"""Sweeps: speed-up of local worker processes, and the per-task overhead of the Dask path.

1. A 64-task Lyapunov sweep (N = 40, k = 10, t = 50 after a transient of 10; 16 values of g_h
   times 4 seeds), in-process (1 worker) against 2 local worker processes: the speed-up.
2. The same sweep on a Dask LocalCluster (2 worker processes, 1 thread each, 127.0.0.1);
   cluster start-up is timed separately. Overhead per task against the local pool:
   (wall_dask - wall_pool) / 64.
3. 64 near-empty tasks (N = 4, t = 1, k = 1; about a millisecond of work) on each executor:
   overhead per task = wall / 64 - mean measured task time (journal fsync, pickling, scheduling).

BLAS is pinned to one thread so that two workers really use two cores. Each configuration runs
``--repeat`` times, interleaved, and the shortest wall time is kept (other load only adds time).
Numbers depend on the machine's load: the summary states the cores and load average at the start.

Usage: python benchmarks/bench_sweep.py [--tasks 64] [--n 40] [--t 50] [--repeat 2] [--json]
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from gatetheory.sweep import load_results, parse_spec, run_sweep  # noqa: E402


def lyapunov_spec(n_tasks: int, n: int, t: float, k: int = 10, transient: float = 10.0):
    seeds = 4
    g_h = [round(float(g), 6) for g in np.linspace(1.0, 4.0, max(1, n_tasks // seeds))]
    return parse_spec({"sweep": {"measurement": "lyapunov", "seeds": seeds},
                       "params": {"n": n, "alpha_z": 5.0, "alpha_r": 2.0}, "grid": {"g_h": g_h},
                       "options": {"t_total": t, "t_transient": transient, "k": k}})


def timed(spec, folder, **kw):
    t0 = time.perf_counter()
    res = run_sweep(spec, folder, **kw)
    wall = time.perf_counter() - t0
    ds = load_results(folder)
    assert res.n_ok == res.n_tasks, f"{res.n_error} tasks failed"
    return wall, float(ds.wall_time.mean()), ds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tasks", type=int, default=64)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--t", type=float, default=50.0)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from distributed import Client, LocalCluster

    heavy = lyapunov_spec(args.tasks, args.n, args.t)
    tiny = lyapunov_spec(args.tasks, 4, 1.0, k=1, transient=0.0)
    m = len(heavy.tasks())
    out = {"cores": os.cpu_count(), "load_average_start": round(os.getloadavg()[0], 2), "tasks": m}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
        startup = time.perf_counter() - t0
        runs = {}
        try:
            for rep in range(args.repeat):  # interleaved; fresh folders, so every task runs each time
                for name, spec, kw in (("h1", heavy, {"workers": 1}), ("h2", heavy, {"workers": 2}),
                                       ("hd", heavy, {"scheduler": client}), ("t1", tiny, {"workers": 1}),
                                       ("t2", tiny, {"workers": 2}), ("td", tiny, {"scheduler": client})):
                    r = timed(spec, tmp / f"{name}{rep}", **kw)
                    if name not in runs or r[0] < runs[name][0]:
                        runs[name] = r
        finally:
            client.close()
            cluster.close()
        (w1, task1, ds1), (w2, task2, ds2), (wd, taskd, dsd) = runs["h1"], runs["h2"], runs["hd"]
        tiny_walls = {"in-process": runs["t1"], "processes(2)": runs["t2"], "dask(2)": runs["td"]}
    same = all(np.array_equal(ds1.lambda_max.values, d.lambda_max.values) for d in (ds2, dsd))
    out.update({
        "lyapunov_task_s_in_process": round(task1, 4),
        "wall_in_process_s": round(w1, 2), "wall_processes2_s": round(w2, 2), "speed_up_2_workers": round(w1 / w2, 2),
        "task_s_in_processes2": round(task2, 4),
        "dask_cluster_startup_s": round(startup, 2), "wall_dask2_s": round(wd, 2),
        "speed_up_dask2": round(w1 / wd, 2), "task_s_in_dask2": round(taskd, 4),
        "dask_minus_pool_overhead_per_task_ms": round(1e3 * (wd - w2) / m, 2),
        "tiny_overhead_per_task_ms": {k: round(1e3 * (w / m - task), 2) for k, (w, task, _) in tiny_walls.items()},
        "identical_lambda_max_across_executors": bool(same),
    })
    if args.json:
        print(json.dumps(out))
        return
    print(f"{m} Lyapunov tasks (N = {args.n}, k = 10, t = {args.t:g}); {out['cores']} cores, "
          f"load average {out['load_average_start']} at start; best of {args.repeat}")
    print(f"  in-process (1 worker)  {w1:7.2f} s   mean task {task1:.3f} s")
    print(f"  2 local processes      {w2:7.2f} s   speed-up {w1 / w2:.2f}   mean task {task2:.3f} s")
    print(f"  Dask, 2 workers        {wd:7.2f} s   speed-up {w1 / wd:.2f}   mean task {taskd:.3f} s"
          f"  (cluster start-up {startup:.2f} s, not included)")
    print(f"  Dask minus local pool: {out['dask_minus_pool_overhead_per_task_ms']:.1f} ms per task")
    print(f"{m} near-empty tasks, overhead per task (wall / tasks - mean task time):")
    for k, v in out["tiny_overhead_per_task_ms"].items():
        print(f"  {k:22s} {v:7.2f} ms")
    print(f"lambda_max identical across the three executors: {same}")


if __name__ == "__main__":
    main()
