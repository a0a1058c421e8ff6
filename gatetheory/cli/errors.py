"""The CLI's one error path: every failure becomes one line on stderr and an exit status.

Exit status

* 0: done.
* 1: the computation failed (no convergence, a trajectory leaving the finite range,
  not enough memory, an arithmetic failure, a file that could not be written).
* 2: bad input, found before any work starts (argparse types, :class:`ParameterError`).
* 130: interrupted (Ctrl-C).

The line reads ``gatetheory COMMAND: error: WHAT; WHAT TO CHANGE``. A traceback is printed
only with ``--debug``. A closed stdout (``gatetheory ... | head``) ends the command quietly.
Warnings raised during a command (NumPy's RuntimeWarnings, the library's UserWarnings) are
collected and reported as at most one line, after the result or in the error line.
"""
from __future__ import annotations

import os
import sys
import traceback
import warnings

from ..params import ParameterError

__all__ = ["EXIT_OK", "EXIT_FAILED", "EXIT_BAD_INPUT", "EXIT_INTERRUPTED", "run_command", "error_line",
           "ResultFailed", "fail_unless_done"]

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


class ResultFailed(Exception):
    """A result was printed, but its status says the computation failed (exit 1 with its message)."""


def fail_unless_done(*results) -> None:
    """After printing: exit 1 with the message of the first result that did not converge or failed."""
    for r in results:
        if r.status in ("not-converged", "failed"):
            raise ResultFailed(f"{r.status}: {r.message}" if r.message else r.status)


def error_line(prog: str, message: str, kind: str = "error") -> str:
    """``PROG: error: MESSAGE`` on one line (inner newlines folded)."""
    text = " ".join(str(message).split())
    return f"{prog}: {kind}: {text}"


def _with_remedy(text: str, remedy: str) -> str:
    """The library's messages end in what to change ("...; raise maxiter"); others get ``remedy``."""
    return text if ";" in text else f"{text}; {remedy}"


def _classify(err: BaseException, hint: str) -> tuple[int, str]:
    """(exit status, message) of an exception raised by a command."""
    from ..numerics.roots import ConvergenceError

    if isinstance(err, ParameterError):
        return EXIT_BAD_INPUT, str(err)
    if isinstance(err, ResultFailed):
        return EXIT_FAILED, str(err)
    if isinstance(err, MemoryError):
        what = str(err) or "an array did not fit"
        return EXIT_FAILED, f"not enough memory ({what}); {hint or 'reduce the problem size'}"
    if isinstance(err, ConvergenceError):
        return EXIT_FAILED, _with_remedy(str(err), "the solver did not converge at these parameters")
    if isinstance(err, FloatingPointError):
        return EXIT_FAILED, _with_remedy(str(err) or "floating-point failure", "reduce the step or the parameters")
    if isinstance(err, ArithmeticError):
        return EXIT_FAILED, _with_remedy(f"{type(err).__name__}: {err}",
                                         "the parameters are outside the range the solver handles")
    if isinstance(err, OSError):
        name = f" {err.filename!r}" if err.filename else ""
        return EXIT_FAILED, f"cannot write or read{name}: {err.strerror or err}; choose another path"
    if isinstance(err, RuntimeError):
        return EXIT_FAILED, _with_remedy(str(err) or type(err).__name__, "rerun with --debug for details")
    return EXIT_FAILED, (f"internal error {type(err).__name__}: {err}; rerun with --debug for the traceback "
                         f"and report it")


def _warning_line(caught) -> str:
    """At most one line for the collected warnings: the first message, and how many others."""
    if not caught:
        return ""
    first = caught[0]
    where = os.path.basename(first.filename)
    text = f"{first.category.__name__}: {first.message} ({where}:{first.lineno})"
    others = len(caught) - 1
    return text + (f" and {others} more warning{'s' if others > 1 else ''}" if others else "")


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at devnull so that the interpreter's final flush stays silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is no real file (a test's capture)
        pass


def run_command(func, args, prog: str, *, debug: bool = False) -> int:
    """Run ``func(args)`` and map whatever it raises onto one stderr line and an exit status."""
    hint = getattr(args, "memory_hint", "")
    caught = []
    with warnings.catch_warnings(record=not debug) as log:
        if not debug:
            warnings.simplefilter("default")  # once per place, so a loop cannot flood the record
        try:
            code = int(func(args) or 0)
            sys.stdout.flush()  # a closed pipe shows here, inside the guard, not at interpreter exit
            err = None
        except BrokenPipeError:
            _quiet_stdout()
            return EXIT_OK
        except KeyboardInterrupt:
            print(error_line(prog, "interrupted"), file=sys.stderr)
            return EXIT_INTERRUPTED
        except Exception as exc:  # noqa: BLE001 -- every failure gets its one line
            err = exc
        if log is not None:
            caught = list(log)
    note = _warning_line(caught)
    if err is None:
        if note:
            _safe_print(error_line(prog, note, "warning"))
        return code
    code, message = _classify(err, hint)
    if debug:
        traceback.print_exception(type(err), err, err.__traceback__, file=sys.stderr)
    if note and code == EXIT_FAILED:
        message += f" (after {note})"
    _safe_print(error_line(prog, message))
    return code


def _safe_print(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except (BrokenPipeError, ValueError):
        pass
