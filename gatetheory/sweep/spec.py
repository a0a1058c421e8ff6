"""A sweep specification: parsed from TOML and validated before any work starts.

Format (``docs/sweeps.md``)::

    [sweep]
    measurement = "lyapunov"     # a name in gatetheory.sweep.tasks.MEASUREMENTS
    seeds = [0, 1, 2]            # or a count: seeds = 3 means 0, 1, 2
    workers = 2                  # optional: local worker processes (1 runs in-process)
    scheduler = "tcp://host:8786"  # optional: a Dask scheduler; the CLI's --scheduler wins
    out = "lyap_sweep"           # optional: output folder; the CLI's --out wins

    [params]                     # fixed values: any GateParams field, and n
    alpha_z = 5.0
    n = 40

    [grid]                       # axes, each a non-empty list; the grid is their product
    g_h = [1.5, 2.0, 3.0]
    alpha_r = [0.0, 2.0]

    [options]                    # options of the measurement (defaults in tasks.py)
    t_total = 50.0

Tasks are the product of the grid axes in the order written, seeds innermost.
A malformed spec raises :class:`~gatetheory.params.ParameterError` whose message
names the field, e.g. ``spec field grid.g_h: expected a list of numbers, got 'abc'``.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import math
from dataclasses import dataclass, fields
from pathlib import Path

from ..params import GateParams, ParameterError
from .tasks import get_measurement, measurement_names

__all__ = ["SweepSpec", "Task", "load_spec", "parse_spec", "task_id"]

PARAM_NAMES = tuple(f.name for f in fields(GateParams))
AXIS_NAMES = PARAM_NAMES + ("n",)
_SWEEP_KEYS = ("measurement", "seeds", "workers", "scheduler", "out")
_TABLES = ("sweep", "params", "grid", "options")
SEED_LIMIT = 2 ** 31   # the store keeps seeds (and n) as NetCDF3 int32
MAX_TASKS = 10 ** 6    # one journal line (~1 kB) and one store row each: beyond this, split the sweep


def _fail(field: str, message: str):
    raise ParameterError(f"spec field {field}: {message}")


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


@dataclass(frozen=True)
class Task:
    """One run of a measurement: the full parameters, N, the seed and the resolved options.

    ``task_id`` is a stable hash of exactly these, so a restart recognises finished work.
    ``index`` is the task's place in grid order (the row of the store).
    """

    index: int
    task_id: str
    measurement: str
    params: dict
    n: int | None
    seed: int
    options: dict


def task_id(measurement: str, params: dict, n, seed: int, options: dict) -> str:
    """SHA-256 (first 20 hex digits) of the canonical JSON of what defines a task."""
    key = json.dumps({"measurement": measurement, "params": {k: float(params[k]) for k in PARAM_NAMES},
                      "n": n, "seed": seed, "options": options}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(key.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class SweepSpec:
    """A validated sweep: fixed values, grid axes (in order), seeds, resolved options.

    Attributes
    ----------
    measurement : str
    fixed : dict
        Fixed GateParams fields and possibly ``n``.
    axes : tuple of (str, tuple)
        Grid axes in the order written: (parameter name, its values).
    seeds : tuple of int
    options : dict
        The measurement's options with defaults filled in.
    workers, scheduler, out : optional settings from ``[sweep]``
    """

    measurement: str
    fixed: dict
    axes: tuple
    seeds: tuple
    options: dict
    workers: int | None = None
    scheduler: str | None = None
    out: str | None = None

    @property
    def shape(self) -> tuple:
        return tuple(len(v) for _, v in self.axes) + (len(self.seeds),)

    def tasks(self) -> list[Task]:
        """All tasks in grid order (axes as written, seeds innermost)."""
        names = [name for name, _ in self.axes]
        out = []
        for values in itertools.product(*(v for _, v in self.axes), self.seeds):
            point = {**self.fixed, **dict(zip(names, values[:-1]))}
            n = point.pop("n", None)
            params = GateParams(**point).as_dict()
            seed = values[-1]
            out.append(Task(index=len(out), task_id=task_id(self.measurement, params, n, seed, self.options),
                            measurement=self.measurement, params=params, n=n, seed=seed, options=dict(self.options)))
        return out

    def as_dict(self) -> dict:
        """Canonical plain form (for the store's attributes)."""
        return {"measurement": self.measurement, "fixed": self.fixed, "axes": [[k, list(v)] for k, v in self.axes],
                "seeds": list(self.seeds), "options": self.options}


def load_spec(path) -> SweepSpec:
    """Read and validate a TOML spec file."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    path = Path(path)
    try:
        text = path.read_bytes()
    except OSError as err:
        raise ParameterError(f"spec {str(path)!r} cannot be read: {err.strerror}") from None
    try:
        data = tomllib.loads(text.decode())
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ParameterError(f"spec {str(path)!r} is not valid TOML: {err}") from None
    return parse_spec(data)


def _number(field: str, v, *, integer=False, minimum=None):
    ok = _is_int(v) if integer else _is_number(v)
    if not ok:
        _fail(field, f"expected {'an integer' if integer else 'a number'}, got {v!r}")
    if minimum is not None and v < minimum:
        _fail(field, f"{v!r} is out of range; allowed: >= {minimum}")
    return v


def parse_spec(data: dict) -> SweepSpec:
    """Validate a spec given as a dict (the parsed TOML); see the module docstring."""
    if not isinstance(data, dict):
        _fail("(top)", f"expected a table, got {data!r}")
    for key in data:
        if key not in _TABLES:
            _fail(key, f"unknown table; allowed: {', '.join(_TABLES)}")
        if not isinstance(data[key], dict):
            _fail(key, f"expected a table, got {data[key]!r}")
    sweep = data.get("sweep")
    if sweep is None:
        _fail("sweep", "missing table [sweep] (it names the measurement)")
    for key in sweep:
        if key not in _SWEEP_KEYS:
            _fail(f"sweep.{key}", f"unknown key; allowed: {', '.join(_SWEEP_KEYS)}")

    name = sweep.get("measurement")
    if name is None:
        _fail("sweep.measurement", "missing; allowed: " + ", ".join(measurement_names()))
    if not isinstance(name, str) or name not in measurement_names():
        _fail("sweep.measurement", f"unknown measurement {name!r}; allowed: " + ", ".join(measurement_names()))
    meas = get_measurement(name)

    seeds = sweep.get("seeds", [0])
    if _is_int(seeds):
        count = _number("sweep.seeds", seeds, integer=True, minimum=1)
        if count > MAX_TASKS:
            _fail("sweep.seeds", f"{count} seeds is too many; allowed: 1 <= seeds <= {MAX_TASKS}")
        seeds = list(range(count))
    if not isinstance(seeds, list) or not seeds or not all(_is_int(s) and 0 <= s < SEED_LIMIT for s in seeds):
        _fail("sweep.seeds", f"expected a non-empty list of integers 0 <= seed < 2**31 or a count 1 <= seeds <= "
                             f"{MAX_TASKS}, got {seeds!r}")
    if len(set(seeds)) != len(seeds):
        _fail("sweep.seeds", f"repeated seeds in {seeds!r}")

    workers = sweep.get("workers")
    if workers is not None:
        _number("sweep.workers", workers, integer=True, minimum=1)
    scheduler = sweep.get("scheduler")
    if scheduler is not None and (not isinstance(scheduler, str) or not scheduler):
        _fail("sweep.scheduler", f"expected an address such as 'tcp://127.0.0.1:8786', got {scheduler!r}")
    out = sweep.get("out")
    if out is not None and (not isinstance(out, str) or not out):
        _fail("sweep.out", f"expected a folder name, got {out!r}")

    fixed = {}
    for key, v in data.get("params", {}).items():
        if key not in AXIS_NAMES:
            _fail(f"params.{key}", f"unknown parameter; allowed: {', '.join(AXIS_NAMES)}")
        fixed[key] = _number(f"params.{key}", v, integer=key == "n", minimum=1 if key == "n" else None)
        if key == "n" and v >= SEED_LIMIT:
            _fail("params.n", f"{v!r} is out of range; allowed: 1 <= n < 2**31")
    axes = []
    for key, values in data.get("grid", {}).items():
        field = f"grid.{key}"
        if key not in AXIS_NAMES:
            _fail(field, f"unknown parameter; allowed: {', '.join(AXIS_NAMES)}")
        if key in fixed:
            _fail(field, f"{key} is also fixed in [params]; give it in one place")
        kind = "integers >= 1" if key == "n" else "numbers"
        if not isinstance(values, list) or not values:
            _fail(field, f"expected a non-empty list of {kind}, got {values!r}")
        for v in values:
            if not (_is_int(v) and 1 <= v < SEED_LIMIT if key == "n" else _is_number(v)):
                _fail(field, f"expected a list of {kind}, got {v!r}")
        if len(set(values)) != len(values):
            _fail(field, f"repeated values in {values!r}")
        axes.append((key, tuple(values)))
    total = math.prod(len(v) for _, v in axes) * len(seeds)
    if total > MAX_TASKS:
        _fail("grid", f"{total} tasks (the grid times {len(seeds)} seeds) is too many; allowed: at most "
                      f"{MAX_TASKS} per sweep (split it into several specs)")

    has_n = "n" in fixed or any(k == "n" for k, _ in axes)
    if meas.needs_n and not has_n:
        _fail("params.n", f"required by measurement {name!r} (give n in [params] or [grid])")
    if not meas.needs_n and has_n:
        _fail("params.n" if "n" in fixed else "grid.n", f"measurement {name!r} takes no network size n")

    options = meas.resolve_options(data.get("options", {}))
    if meas.check is not None:  # options that are fine one by one but not together, or not for some n
        n_values = [fixed["n"]] if "n" in fixed else next((list(v) for k, v in axes if k == "n"), [None])
        for n in n_values:
            meas.check(options, n)

    for key, values in axes:  # every grid value must make valid GateParams
        if key == "n":
            continue
        base = {k: v for k, v in fixed.items() if k != "n"}
        for v in values:
            try:
                GateParams(**{**base, key: v})
            except ParameterError as err:
                _fail(f"grid.{key}", str(err))
    try:
        GateParams(**{k: v for k, v in fixed.items() if k != "n"})
    except ParameterError as err:
        _fail("params", str(err))
    return SweepSpec(measurement=name, fixed=fixed, axes=tuple(axes), seeds=tuple(seeds), options=options,
                     workers=workers, scheduler=scheduler, out=out)
