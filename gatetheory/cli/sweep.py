"""The ``sweep`` subcommand: run a sweep spec locally or on a Dask cluster, resumably.

``gatetheory sweep SPEC.toml [--out DIR] [--scheduler ADDRESS] [--workers K]``

Exit status: 0 when every task is ok; 1 when some recorded an error (the sweep still ran
the rest; one line says how many); 130 when stopped by a signal (restart to resume); 2 for
a malformed spec or an invalid option, found before any task starts (one line naming the
field).
"""
from __future__ import annotations

import sys
from pathlib import Path

from .errors import EXIT_FAILED, EXIT_INTERRUPTED, error_line
from .flags import add_output_flags, int_at_least, nonempty_path, output_folder, progress_enabled
from .output import emit

__all__ = ["register"]


def cmd_sweep(args) -> int:
    from ..sweep.runner import run_sweep
    from ..sweep.spec import load_spec

    spec = load_spec(args.spec)  # raises ParameterError naming the field, before any work
    out = output_folder("--out", args.out or (Path(spec.out) if spec.out else args.spec.with_suffix(".sweep")))
    res = run_sweep(spec, out, workers=args.workers, scheduler=args.scheduler, progress=progress_enabled(args),
                    retry_errors=args.retry_errors)
    data = res.to_dict()
    emit(args, data, [f"{key:>12s}  {value}" for key, value in data.items()])
    if res.interrupted:
        print(error_line("gatetheory sweep", "interrupted: rerun the same command to resume"), file=sys.stderr)
        return EXIT_INTERRUPTED
    if res.n_error:
        print(error_line("gatetheory sweep", res.message), file=sys.stderr)
        return EXIT_FAILED
    return 0


def register(sub) -> None:
    p = sub.add_parser("sweep", help="map a measurement over a parameter grid (resumable; Dask optional)",
                       description=__doc__.splitlines()[0])
    p.add_argument("spec", type=Path, help="the sweep spec, a TOML file (docs/sweeps.md)")
    p.add_argument("--out", type=nonempty_path, default=None,
                   help="output folder (default: the spec's sweep.out, else SPEC_STEM.sweep next to the spec)")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.1:8786")
    p.add_argument("--workers", type=int_at_least(1), default=None,
                   help="local worker processes (default: the spec's, else all cores); 1 runs in-process")
    p.add_argument("--retry-errors", action="store_true", help="re-run tasks recorded with an error")
    add_output_flags(p)
    p.set_defaults(func=cmd_sweep)
