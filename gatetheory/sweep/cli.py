"""The `gatetheory sweep` command: run a sweep spec locally or on a Dask cluster, resumably.

``gatetheory sweep SPEC.toml [--out DIR] [--scheduler ADDRESS] [--workers K]``

Exit status: 0 when every task is ok, 1 when some recorded an error (the sweep
still ran the rest), 130 when stopped by a signal (restart to resume), 2 for a
malformed spec or invalid option (one line naming the field).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("sweep", help="map a measurement over a parameter grid (resumable; Dask optional)",
                              description=__doc__.splitlines()[0])
    p.add_argument("spec", type=Path, help="the sweep spec, a TOML file (docs/sweeps.md)")
    p.add_argument("--out", type=Path, default=None,
                   help="output folder (default: the spec's sweep.out, else SPEC_STEM.sweep next to the spec)")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.1:8786")
    p.add_argument("--workers", type=int, default=None,
                   help="local worker processes (default: the spec's, else all cores); 1 runs in-process")
    p.add_argument("--retry-errors", action="store_true", help="re-run tasks recorded with an error")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    p.set_defaults(func=cmd_sweep)


def cmd_sweep(args) -> int:
    from .runner import run_sweep
    from .spec import load_spec

    spec = load_spec(args.spec)  # raises ParameterError naming the field, before any work
    out = args.out or (Path(spec.out) if spec.out else args.spec.with_suffix(".sweep"))
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    res = run_sweep(spec, out, workers=args.workers, scheduler=args.scheduler, progress=progress,
                    retry_errors=args.retry_errors)
    summary = {"out": str(res.out / "results.nc"), "tasks": res.n_tasks, "skipped": res.n_skipped,
               "run": res.n_run, "ok": res.n_ok, "error": res.n_error, "pending": res.n_pending,
               "interrupted": res.interrupted, "executor": res.executor, "wall_time": round(res.wall_time, 3)}
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:>12s}  {value}")
    if res.interrupted:
        print("interrupted: rerun the same command to resume", file=sys.stderr)
        return 130
    return 1 if res.n_error else 0
