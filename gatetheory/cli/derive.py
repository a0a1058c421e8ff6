"""The ``derive`` subcommand: list derived results or print one.

``gatetheory derive --list``          names, one per line, with the derivation file
``gatetheory derive NAME``            expression, LaTeX, assumptions (and value) as text
``gatetheory derive NAME --json``     {"name", "expression", "latex", "assumptions", "args", "source", "value"}

"value" is present when the result is a number (or a tuple of numbers): a decimal string
(list of strings) with ``--digits`` significant digits (default 35), computed by mpmath at
``digits + 10`` working digits from the shipped exact expression.
"""
from __future__ import annotations

from ..params import ParameterError
from .flags import add_output_flags, int_in
from .output import emit

__all__ = ["register", "describe", "MAX_DIGITS"]

MAX_DIGITS = 10000   # 0.2 s for the slowest registered value; ten million digits would take hours


def describe(name: str, digits: int = 35) -> dict:
    """The JSON-ready record of one derived result (``ParameterError`` for an unknown name)."""
    from ..symbolic import registry

    try:
        d = registry.get(name)
    except KeyError as err:
        raise ParameterError(str(err.args[0])) from None
    out = {"name": d.name, "expression": str(d.expression), "latex": d.latex,
           "assumptions": list(d.assumptions), "args": list(d.args), "source": d.source}
    if not d.args and d.mpmath is not None:
        out["value"] = d.value_str(digits)
    return out


def cmd_derive(args) -> int:
    from ..symbolic import registry

    if args.list or not args.name:
        for n in registry.names():
            print(f"{n:40s} {registry.get(n).source}")
        return 0
    rec = describe(args.name, args.digits)

    def lines():
        yield f"{rec['name']}  ({rec['source']})\n  expression: {rec['expression']}\n  latex: {rec['latex']}"
        yield f"  args: {', '.join(rec['args']) or '-'}"
        for a in rec["assumptions"]:
            yield f"  - {a}"
        if "value" in rec:
            yield f"  value: {rec['value']}"
    emit(args, rec, lines)
    return 0


def register(sub) -> None:
    p = sub.add_parser("derive", help="symbolic results derived from the model equations",
                       description=__doc__.splitlines()[0])
    p.add_argument("name", nargs="?", help="name of a derived result (see --list)")
    p.add_argument("--list", action="store_true", help="list the derived results")
    p.add_argument("--digits", type=int_in(1, MAX_DIGITS), default=35,
                   help=f"significant digits of a numeric value, 1 <= digits <= {MAX_DIGITS} (default 35)")
    add_output_flags(p, progress=False)
    p.set_defaults(func=cmd_derive)
