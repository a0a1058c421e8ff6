"""The CLI's parser and every shared flag: model parameters, run settings, output.

Flags are named after the library's arguments (``--t-total`` for ``t_total``, ``--dps``
for ``dps``), so ``args`` carries the library's names. Each value is checked by its
argparse type (a bad one exits 2 with the allowed range); checks that need several
flags (``k <= 3N``, times that are whole multiples of a step, output paths) run at the
start of a command, before any work, through :func:`check_multiple` and
:func:`output_file` / :func:`output_folder`.
"""
from __future__ import annotations

import argparse
import math
import os
import re
import sys
from dataclasses import fields
from pathlib import Path

from ..params import GateParams, ParameterError, check_multiple

__all__ = ["Parser", "finite_float", "positive_float", "nonneg_float", "float_in", "int_at_least", "int_in", "seed",
           "SEED_MAX", "add_param_flags", "params_from_args", "add_run_flags", "add_output_flags", "add_alias",
           "progress_enabled", "check_multiple", "output_file", "output_folder"]

SEED_MAX = 2 ** 32   # numpy's seeds are any integer >= 0; the CLI keeps to the 32-bit range every tool shares

# argparse treats "-1e-3" as an option (its pattern knows only -1 and -1.5); values also include -inf and -nan,
# so that their error names the allowed range instead of "expected one argument"
_NEGATIVE_NUMBER = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^-(inf|infinity|nan)$", re.IGNORECASE)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors, negative numbers in any notation as values, and ``--debug`` everywhere."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = _NEGATIVE_NUMBER
        self.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                          help="show the traceback of a failure")

    def error(self, message):
        if message.startswith(("unrecognized arguments", "the following arguments are required")):
            message += f"; see {self.prog} --help"
        # argparse's "invalid choice: 'x' (choose from 'a', 'b')" in the project's words
        message = re.sub(r"invalid choice: (.*) \(choose from (.*)\)$", r"invalid choice \1; allowed: \2", message)
        self.exit(2, f"{self.prog}: error: {message}\n")


# ----------------------------------------------------------------------------- value types

def _typed(name: str, convert):
    convert.__name__ = name  # argparse names the type in a few of its own messages
    return convert


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number; allowed: a finite real number") from None


def finite_float(text: str) -> float:
    """A finite real number."""
    v = _number(text)
    if not math.isfinite(v):
        raise argparse.ArgumentTypeError(f"{text!r} is not finite; allowed: a finite real number")
    return v


def positive_float(text: str) -> float:
    """A finite number > 0."""
    v = finite_float(text)
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{text} is out of range; allowed: a finite number > 0")
    return v


def nonneg_float(text: str) -> float:
    """A finite number >= 0."""
    v = finite_float(text)
    if v < 0:
        raise argparse.ArgumentTypeError(f"{text} is out of range; allowed: a finite number >= 0")
    return v


def float_in(lo: float, hi: float):
    """A type for finite numbers in the closed interval [lo, hi]."""
    def convert(text):
        v = finite_float(text)
        if not lo <= v <= hi:
            raise argparse.ArgumentTypeError(f"{text} is out of range; allowed: {lo:g} <= value <= {hi:g}")
        return v
    return _typed(f"number in [{lo:g}, {hi:g}]", convert)


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer; allowed: an integer such as 10") from None


def int_at_least(minimum: int):
    """A type for integers >= minimum."""
    def convert(text):
        v = _integer(text)
        if v < minimum:
            raise argparse.ArgumentTypeError(f"{text} is out of range; allowed: an integer >= {minimum}")
        return v
    return _typed(f"integer >= {minimum}", convert)


def int_in(lo: int, hi: int):
    """A type for integers in [lo, hi]."""
    def convert(text):
        v = _integer(text)
        if not lo <= v <= hi:
            raise argparse.ArgumentTypeError(f"{text} is out of range; allowed: an integer {lo} <= value <= {hi}")
        return v
    return _typed(f"integer in [{lo}, {hi}]", convert)


def nonempty_path(text: str) -> Path:
    """A file or folder name: any non-empty text (whether it can be written is checked before work)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is empty; allowed: a file or folder name")
    return Path(text)


def seed(text: str) -> int:
    """A random seed: an integer in [0, 2**32)."""
    v = _integer(text)
    if not 0 <= v < SEED_MAX:
        raise argparse.ArgumentTypeError(f"{text} is out of range; allowed: an integer 0 <= seed < 2**32")
    return v


# ----------------------------------------------------------------------------- model parameters

PARAM_HELP = {
    "g_h": "gain of phi = tanh(g_h x + beta_h)",
    "beta_h": "bias of phi",
    "alpha_z": "sensitivity of the update gate",
    "beta_z": "bias of the update gate (positive opens it)",
    "alpha_r": "sensitivity of the output gate",
    "beta_r": "bias of the output gate (positive opens it)",
    "tau_z": "update-gate time constant, units of tau_h (> 0)",
    "tau_r": "output-gate time constant, units of tau_h (> 0)",
}
PARAM_NAMES = tuple(f.name for f in fields(GateParams))


def add_param_flags(parser: argparse.ArgumentParser, defaults: dict | None = None, *, names=None,
                    required=()) -> None:
    """One flag per GateParams field (``--g-h`` ... ``--tau-r``), the same on every subcommand.

    ``defaults`` overrides GateParams' defaults; ``names`` restricts the flags to the fields a
    command uses (the others are fixed by it, so offering them would ignore a user's value);
    ``required`` fields have no default. :func:`params_from_args` builds the GateParams.
    """
    defaults = defaults or {}
    names = PARAM_NAMES if names is None else tuple(names)
    unknown = set(names) | set(defaults) | set(required)
    unknown -= set(PARAM_NAMES)
    if unknown:
        raise ValueError(f"not GateParams fields: {sorted(unknown)}")
    base = GateParams()
    group = parser.add_argument_group("model parameters (GateParams)")
    for name in names:
        default = defaults.get(name, getattr(base, name))
        kind = positive_float if name.startswith("tau") else finite_float
        if name in required:
            group.add_argument(f"--{name.replace('_', '-')}", dest=name, type=kind, required=True,
                               help=f"{PARAM_HELP[name]} (required)")
        else:
            group.add_argument(f"--{name.replace('_', '-')}", dest=name, type=kind, default=default,
                               help=f"{PARAM_HELP[name]} (default {default:g})")
    parser.set_defaults(param_names=names)


def params_from_args(args) -> GateParams:
    """The GateParams of the flags :func:`add_param_flags` added (other fields keep their defaults)."""
    return GateParams(**{name: getattr(args, name) for name in args.param_names})


# ----------------------------------------------------------------------------- run and output flags

def add_alias(parser, alias: str, dest: str, **kwargs) -> None:
    """A hidden old spelling of a flag (same ``dest``; it sets nothing unless given)."""
    parser.add_argument(alias, dest=dest, default=argparse.SUPPRESS, help=argparse.SUPPRESS, **kwargs)


def add_run_flags(parser, *, n: int | None = 200, t: float | None = None, t_name: str = "t",
                  dt: float | None = 0.1, seed_help: str = "seed of couplings and initial state",
                  float32: bool = False) -> None:
    """Shared run settings: ``--n``, the duration (``--t`` or ``--t-total``), ``--dt``, ``--seed``."""
    if n is not None:
        parser.add_argument("--n", type=int_at_least(1), default=n, help=f"number of units N >= 1 (default {n})")
    if t is not None:
        flag = f"--{t_name.replace('_', '-')}"
        parser.add_argument(flag, dest=t_name, type=positive_float, default=t,
                            help=f"duration, units of tau_h (default {t:g})")
        if t_name != "t":
            add_alias(parser, "--t", t_name, type=positive_float)
    if dt is not None:
        parser.add_argument("--dt", type=positive_float, default=dt, help=f"time step (default {dt:g})")
    parser.add_argument("--seed", type=seed, default=0, help=f"{seed_help}, 0 <= seed < 2**32 (default 0)")
    if float32:
        parser.add_argument("--float32", action="store_true", help="single precision couplings and state")


def add_output_flags(parser, *, json: bool = True, progress: bool = True) -> None:
    """``--json`` (strict JSON on stdout) and ``--progress/--no-progress`` (a bar on stderr)."""
    if json:
        parser.add_argument("--json", action="store_true", help="machine-readable output (strict JSON)")
    if progress:
        parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                            help="progress bar on stderr (default: when stderr is a terminal)")


def progress_enabled(args) -> bool:
    value = getattr(args, "progress", None)
    return sys.stderr.isatty() if value is None else bool(value)


# ----------------------------------------------------------------------------- paths (checked before work)

def output_file(flag: str, path, *, suffix: str | None = None, overwrite: bool = False) -> Path:
    """An output file: its folder exists and is writable, the file does not exist (or ``overwrite``).

    ``suffix`` is required rather than appended, so that the name reported is the name written.
    """
    path = Path(path)
    if suffix and path.suffix != suffix:
        raise ParameterError(f"{flag} = {str(path)!r} does not end in {suffix}; allowed: a file name ending in "
                             f"{suffix}, e.g. {path.with_suffix(suffix).name if path.name else 'run' + suffix}")
    folder = path.parent
    if not folder.is_dir():
        raise ParameterError(f"{flag} = {str(path)!r}: folder {str(folder)!r} does not exist; "
                             f"allowed: a file in an existing folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ParameterError(f"{flag} = {str(path)!r}: folder {str(folder)!r} is not writable; "
                             f"allowed: a file in a writable folder")
    if path.is_dir():
        raise ParameterError(f"{flag} = {str(path)!r} is a folder; allowed: a file name")
    if path.exists() and not overwrite:
        raise ParameterError(f"{flag} = {str(path)!r} exists; allowed: a new file, or pass --overwrite")
    return path


def output_folder(flag: str, path) -> Path:
    """An output folder: an existing writable folder, or a new one below a writable existing folder."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise ParameterError(f"{flag} = {str(path)!r} is a file; allowed: a folder (existing or new)")
    existing = path
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise ParameterError(f"{flag} = {str(path)!r}: {str(existing)!r} is not a writable folder; "
                             f"allowed: a folder where you can write")
    return path
