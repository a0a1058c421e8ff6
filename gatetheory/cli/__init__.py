"""The ``gatetheory`` command line: parse, check, call the library, print.

Every subcommand prints a readable table by default and strict JSON with ``--json``
(results' ``to_dict()`` through :func:`gatetheory.results.dumps`). Failures follow one
policy (:mod:`gatetheory.cli.errors`): exit 2 and one line for bad input, found before any
work; exit 1 and one line when the computation fails; a traceback only with ``--debug``.

Adding a subcommand: write a module here with ``register(sub)``, which calls
``sub.add_parser(NAME)``, adds flags through :mod:`gatetheory.cli.flags`
(``add_param_flags``, ``add_run_flags``, ``add_output_flags`` and the value types) and sets
``func=cmd(args) -> int``; then list the module in :data:`COMMANDS`. ``cmd`` raises
``ParameterError`` for bad input (checked first) and lets computation failures propagate.
"""
from __future__ import annotations

import importlib
import sys

from .errors import run_command
from .flags import Parser

__all__ = ["main", "build_parser", "COMMANDS"]

# modules with register(sub), in the order of `gatetheory --help`
COMMANDS = ("report", "network", "derive", "meanfield", "dmft", "sweep")


def build_parser() -> Parser:
    from .. import __version__

    parser = Parser(prog="gatetheory", description="Theory of gated recurrent neural networks: the validation "
                    "report, the simulator, derived results, mean-field and DMFT solvers, sweeps.")
    parser.add_argument("--version", action="version", version=f"gatetheory {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def _prog(args) -> str:
    line = getattr(args, "line", None)
    return " ".join(["gatetheory", args.command] + ([line] if line else []))


def main(argv=None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed on one line
        return exc.code if isinstance(exc.code, int) else 2
    return run_command(args.func, args, _prog(args), debug=getattr(args, "debug", False))
