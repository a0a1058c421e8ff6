"""Where a sweep's results live: an append-only journal, and the columnar store built from it.

``OUT/journal.jsonl`` holds one JSON record per finished task, written by the
parent process only, flushed and fsynced before the next record is taken, so a
killed sweep loses at most the tasks still running. A torn last line (a kill
during the write) is ignored on reading. An exclusive lock on the journal keeps
two sweeps from writing to one folder.

``OUT/results.nc`` (NetCDF3 through xarray's scipy engine, no netCDF4 needed)
has one row per task of the spec along dimension ``task``, in grid order:
coordinates ``task_id``, every GateParams field, ``n`` and ``seed``; data
variables the measurement's outputs, ``status`` (``"ok"``, ``"error"`` or
``"pending"``), ``error``, ``wall_time``, ``host`` and the versions. Given the
spec and the records, the store is deterministic (only ``wall_time`` and
``host`` vary between runs). ``ds.set_index(task=[axes]).unstack("task")``
turns it into a grid.
"""
from __future__ import annotations

import json
import math
import os
import weakref
from pathlib import Path

import numpy as np

from .._warnings import warn
from ..params import ParameterError
from .spec import PARAM_NAMES, SweepSpec
from .tasks import get_measurement

__all__ = ["Journal", "JournalWarning", "build_dataset", "write_dataset", "load_results", "read_journal",
           "JOURNAL", "RESULTS"]

JOURNAL = "journal.jsonl"
RESULTS = "results.nc"


def _lock_exclusive(fh) -> None:
    """Non-blocking exclusive lock on an open file; raises BlockingIOError if another process holds it.

    flock on POSIX; on Windows (no fcntl) msvcrt locks the first byte, which every writer locks too.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        fh.seek(0)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            raise BlockingIOError(str(exc)) from None
        return
    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)


class JournalWarning(UserWarning):
    """A journal line that is not a task record was skipped (its task runs again)."""


# A forked child (a pool worker) shares the parent's open journal and so its flock: the lock would
# outlive a killed parent and refuse every restart. The child closes its copy at once.
_open_journals = weakref.WeakSet()


def _close_inherited_journals():
    for journal in list(_open_journals):
        if journal._fh is not None:
            journal._fh.close()  # flushed after every record, so closing writes nothing
            journal._fh = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited_journals)


class Journal:
    """The append-only record of finished tasks in folder ``out`` (a context manager holding the lock)."""

    def __init__(self, out):
        self.out = Path(out)
        self.path = self.out / JOURNAL
        self._fh = None

    def __enter__(self):
        self.out.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "a+b")
        try:
            _lock_exclusive(self._fh)
        except BlockingIOError:
            self._fh.close()
            raise ParameterError(f"out = {str(self.out)!r} is in use by another running sweep; "
                                 f"allowed: a folder no other sweep is writing to") from None
        self._repair()
        _open_journals.add(self)
        return self

    def __exit__(self, *exc):
        _open_journals.discard(self)
        self._fh.close()
        self._fh = None

    def _repair(self):
        """Cut a torn last line (a kill during a write) so the next record starts on its own line."""
        self._fh.seek(0)
        data = self._fh.read()
        if data and not data.endswith(b"\n"):
            self._fh.truncate(data.rfind(b"\n") + 1)
            self._fh.flush()
            os.fsync(self._fh.fileno())

    def append(self, record: dict) -> None:
        self._fh.seek(0, os.SEEK_END)
        self._fh.write((json.dumps(record, sort_keys=True) + "\n").encode())
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def records(self, outputs=()) -> dict:
        return read_journal(self.out, outputs)


def _record_problem(rec, outputs) -> str | None:
    """Why ``rec`` is not a task record carrying ``outputs`` (None when it is one)."""
    if not isinstance(rec, dict):
        return f"a JSON {type(rec).__name__}, not an object"
    kinds = {"task_id": str, "status": str, "error": str, "wall_time": (int, float, type(None)), "host": str,
             "versions": dict}
    for key, kind in kinds.items():
        if not isinstance(rec.get(key), kind) or isinstance(rec.get(key), bool):
            return f"field {key!r} missing or of the wrong type"
    if rec["status"] not in ("ok", "error"):
        return f"status {rec['status']!r} is not 'ok' or 'error'"
    if not all(isinstance(rec["versions"].get(p), str) for p in ("gatetheory", "numpy")):
        return "field 'versions' lacks gatetheory or numpy"
    if rec["status"] == "ok":
        if not isinstance(rec.get("outputs"), dict):
            return "field 'outputs' missing"
        lacking = [k for k in outputs if k not in rec["outputs"]]
        if lacking:
            return f"outputs lack {', '.join(lacking)}"
    return None


def read_journal(out, outputs=()) -> dict:
    """task_id -> record, the last record of each id winning (a retried error is overwritten).

    A torn line (a kill during a write) is ignored. A line that parses but is not a record with
    the fields the store reads (and, for an ``"ok"`` one, every name in ``outputs``) is skipped
    with one :class:`JournalWarning` naming the lines, so its task runs again.
    """
    path = Path(out) / JOURNAL
    found, skipped = {}, []
    if not path.exists():
        return found
    for number, line in enumerate(path.read_bytes().split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue  # a torn line from a kill during a write
        problem = _record_problem(rec, outputs)
        if problem is None:
            found[rec["task_id"]] = rec
        else:
            skipped.append(f"line {number} ({problem})")
    if skipped:
        warn(f"{path}: {len(skipped)} line(s) are not task records and were skipped, their tasks "
             f"run again: {'; '.join(skipped[:3])}{' ...' if len(skipped) > 3 else ''}",
             JournalWarning)
    return found


def build_dataset(spec: SweepSpec, records: dict):
    """The xarray Dataset of all tasks of ``spec`` (grid order), filled from ``records``."""
    import xarray as xr

    tasks = spec.tasks()
    meas = get_measurement(spec.measurement)
    rows = [records.get(t.task_id) for t in tasks]
    coords = {"task_id": ("task", np.array([t.task_id for t in tasks]))}
    for name in PARAM_NAMES:
        coords[name] = ("task", np.array([t.params[name] for t in tasks], dtype=float))
    if meas.needs_n:
        coords["n"] = ("task", np.array([t.n for t in tasks], dtype=np.int32))
    coords["seed"] = ("task", np.array([t.seed for t in tasks], dtype=np.int32))

    dtypes = {"f": float, "i": np.int32, "b": np.int8, "s": str}
    missing = {"f": math.nan, "i": -1, "b": -1, "s": ""}
    data = {}
    for key, kind in meas.outputs.items():
        vals = [missing[kind] if r is None or r["status"] != "ok" else r["outputs"][key] for r in rows]
        if kind == "f":
            vals = [math.nan if v is None else v for v in vals]
        attrs = {"missing": repr(missing[kind]) + " where status != 'ok'"}
        if kind == "b":
            attrs["meaning"] = "1 true, 0 false, -1 not measured"
        data[key] = ("task", np.array(vals, dtype=dtypes[kind]), attrs)

    def column(get, dtype, default):
        return ("task", np.array([default if r is None else get(r) for r in rows], dtype=dtype))

    data["status"] = column(lambda r: r["status"], str, "pending")
    data["error"] = column(lambda r: r["error"], str, "")
    data["wall_time"] = column(lambda r: r["wall_time"], float, math.nan)
    data["host"] = column(lambda r: r["host"], str, "")
    for pkg in ("gatetheory", "numpy"):
        data[f"{pkg}_version"] = column(lambda r, p=pkg: r["versions"][p], str, "")
    attrs = {"measurement": spec.measurement, "options": json.dumps(spec.options, sort_keys=True),
             "spec": json.dumps(spec.as_dict(), sort_keys=True),
             "axes": json.dumps([k for k, _ in spec.axes] + ["seed"])}
    return xr.Dataset({k: (v[0], v[1], *(v[2:] or ())) for k, v in data.items()},
                      coords={"task": np.arange(len(tasks), dtype=np.int32), **coords}, attrs=attrs)


def write_dataset(ds, out) -> Path:
    """Write ``OUT/results.nc`` atomically (a temporary file, then a rename)."""
    path = Path(out) / RESULTS
    tmp = path.with_suffix(".nc.tmp")
    ds.to_netcdf(tmp, engine="scipy")
    os.replace(tmp, path)
    return path


def load_results(out):
    """Open ``OUT/results.nc`` (loaded into memory, the file closed)."""
    import xarray as xr
    with xr.open_dataset(Path(out) / RESULTS, engine="scipy") as ds:
        return ds.load()
