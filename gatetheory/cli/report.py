"""The ``report`` subcommand: the validation report (the main job)."""
from __future__ import annotations

import argparse

from .flags import add_output_flags, nonempty_path, output_folder, progress_enabled

__all__ = ["register"]


def cmd_report(args) -> int:
    from ..validate.report import run_report

    out = output_folder("--out", args.out)
    page, results = run_report(out, quick=args.quick, only=args.only, progress=progress_enabled(args))
    for r in results:
        status = ("ERROR: " + r.message) if r.status == "failed" else \
            f"{sum(c.passed for c in r.comparisons)}/{len(r.comparisons)} within tolerance"
        print(f"{r.seed_figure or '-':>12s}  {r.title:<44s} {r.seconds:6.0f} s  {status}")
    print(f"wrote {page}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("report", help="the validation report (theory vs simulation), HTML with figures")
    p.add_argument("--out", type=nonempty_path, default="report", help="output folder (default report/)")
    p.add_argument("--quick", action=argparse.BooleanOptionalAction, default=True,
                   help="small N and short runs, under 10 minutes on 2 cores (default); --no-quick for the full report")
    p.add_argument("--only", nargs="+", default=None, help="run only these figures (e.g. dmft_lambda)")
    add_output_flags(p, json=False)
    p.set_defaults(func=cmd_report)
