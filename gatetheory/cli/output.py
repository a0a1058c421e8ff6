"""How commands print: strict JSON with ``--json``, readable lines otherwise."""
from __future__ import annotations

from ..results import dumps

__all__ = ["emit", "fmt"]


def emit(args, data, lines=()) -> None:
    """Print ``data`` as strict JSON (:func:`gatetheory.results.dumps`) with ``--json``, else ``lines``.

    ``data`` is a result's ``to_dict()`` (with run context where the result lacks it); ``lines``
    an iterable of strings or a callable returning one (called only without ``--json``).
    """
    if getattr(args, "json", False):
        print(dumps(data))
        return
    for line in (lines() if callable(lines) else lines):
        print(line)


def fmt(value, spec: str = ".5f", missing: str = "n/a") -> str:
    """A number for a table; ``missing`` for None or non-finite values (JSON has them as null)."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        return missing if value is None else str(value)
    return format(f, spec) if f == f and abs(f) != float("inf") else missing
