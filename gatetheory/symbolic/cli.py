"""The ``gatetheory derive`` subcommand: list derived results or print one.

``gatetheory derive --list``          names, one per line, with the derivation file
``gatetheory derive NAME``            expression, LaTeX, assumptions (and value) as text
``gatetheory derive NAME --json``     {"name", "expression", "latex", "assumptions", "value"}

"value" is present when the result is a number (or a tuple of numbers): a decimal string
(list of strings) with ``--digits`` significant digits (default 35), computed by mpmath at
``digits + 10`` working digits from the shipped exact expression.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import registry

__all__ = ["register", "run"]


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``derive`` subcommand to an argparse subparsers object; sets ``func`` to :func:`run`."""
    p = subparsers.add_parser("derive", help="symbolic results derived from the model equations",
                              description=__doc__.splitlines()[0])
    p.add_argument("name", nargs="?", help="name of a derived result (see --list)")
    p.add_argument("--list", action="store_true", help="list the derived results")
    p.add_argument("--json", action="store_true", help="print one result as JSON")
    p.add_argument("--digits", type=int, default=35, help="significant digits of a numeric value (default 35)")
    p.set_defaults(func=run)
    return p


def describe(name: str, digits: int = 35) -> dict:
    """The JSON-ready record of one result."""
    d = registry.get(name)
    out = {"name": d.name, "expression": str(d.expression), "latex": d.latex,
           "assumptions": list(d.assumptions), "args": list(d.args), "source": d.source}
    if not d.args and d.mpmath is not None:
        out["value"] = d.value_str(digits)
    return out


def run(args) -> int:
    """Execute ``derive``; returns the exit status."""
    if args.list or not args.name:
        for n in registry.names():
            print(f"{n:40s} {registry.get(n).source}")
        return 0
    if args.digits < 1:
        print(f"error: --digits = {args.digits} is out of range; allowed: >= 1", file=sys.stderr)
        return 2
    try:
        rec = describe(args.name, args.digits)
    except KeyError as e:
        print(f"error: {e.args[0]}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(rec, indent=2))
    else:
        print(f"{rec['name']}  ({rec['source']})\n  expression: {rec['expression']}\n  latex: {rec['latex']}")
        print(f"  args: {', '.join(rec['args']) or '-'}")
        for a in rec["assumptions"]:
            print(f"  - {a}")
        if "value" in rec:
            print(f"  value: {rec['value']}")
    return 0


def main(argv=None) -> int:
    """Standalone entry (``python -m gatetheory.symbolic.cli``), until the lead wires it into the CLI."""
    ap = argparse.ArgumentParser(prog="gatetheory")
    register(ap.add_subparsers(dest="command", required=True))
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
