"""Parameter sweeps at scale: one API, local by default, Dask for clusters, resumable.

A spec (TOML, :mod:`.spec`) names a measurement (:mod:`.tasks`), fixed parameters, grid
axes and seeds. :func:`run_sweep` (:mod:`.runner`) runs every task not yet recorded in the
output folder's journal (:mod:`.store`), in-process, on local worker processes or on a Dask
cluster, and writes one row per task to ``results.nc``. See ``docs/sweeps.md``.
"""
from .spec import SweepSpec, Task, load_spec, parse_spec
from .tasks import MEASUREMENTS, Measurement, Option, get_measurement, measurement_names, register
from .store import build_dataset, load_results
from .runner import SweepResult, run_sweep

__all__ = ["SweepSpec", "Task", "load_spec", "parse_spec", "MEASUREMENTS", "Measurement", "Option",
           "get_measurement", "measurement_names", "register", "build_dataset", "load_results",
           "SweepResult", "run_sweep"]
