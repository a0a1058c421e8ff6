"""CLI subcommand ``report``: the main job."""
from __future__ import annotations

import sys
from pathlib import Path


def cmd_report(args) -> int:
    from .report import build_report

    page = build_report(args.out, quick=args.quick, only=args.only,
                        progress=sys.stderr.isatty() if args.progress is None else args.progress)
    import json

    data = json.loads((Path(args.out) / "report.json").read_text())
    for f in data["figures"]:
        cmp = f["comparisons"]
        status = "ERROR: " + f["error"].splitlines()[0] if f["error"] else f"{sum(c['passed'] for c in cmp)}/{len(cmp)} within tolerance"
        print(f"{f['seed_figure'] or '-':>12s}  {f['title']:<44s} {f['seconds']:6.0f} s  {status}")
    print(f"wrote {page}")
    return 0


def register(sub) -> None:
    import argparse

    p = sub.add_parser("report", help="the validation report (theory vs simulation), HTML with figures")
    p.add_argument("--out", default="report", help="output folder (default report/)")
    p.add_argument("--quick", action=argparse.BooleanOptionalAction, default=True,
                   help="small N and short runs, under 10 minutes on 2 cores (default); --no-quick for the full report")
    p.add_argument("--only", nargs="+", default=None, help="run only these figures (e.g. dmft_lambda)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None)
    p.set_defaults(func=cmd_report)
