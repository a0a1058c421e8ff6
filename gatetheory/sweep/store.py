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
from pathlib import Path

import numpy as np

from ..params import ParameterError
from .spec import PARAM_NAMES, SweepSpec
from .tasks import get_measurement

__all__ = ["Journal", "build_dataset", "write_dataset", "load_results", "JOURNAL", "RESULTS"]

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
        return self

    def __exit__(self, *exc):
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

    def records(self) -> dict:
        return read_journal(self.out)


def read_journal(out) -> dict:
    """task_id -> record, the last record of each id winning (a retried error is overwritten)."""
    path = Path(out) / JOURNAL
    found = {}
    if not path.exists():
        return found
    for line in path.read_bytes().split(b"\n"):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue  # a torn line from a kill during a write
        found[rec["task_id"]] = rec
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
