"""The measurements a sweep can map over a grid, and the task function workers run.

Each measurement takes ``(params: GateParams, n, seed, options)`` and returns a
dict of scalar outputs, always the same keys (its ``outputs``), taken from the
``to_dict()`` of the library's result. Absent values are ``None`` with a note
string beside them (NaN in the store), never a silent NaN. A measurement's
``check(options, n)`` refuses inconsistent options (``k > 3N``, times that are not
whole multiples of their step) when the spec is parsed, before any task starts.

Seeds: the couplings are drawn from ``seed`` and the initial state (and any
other randomness of the run) from ``[seed, 1]``, so the two streams are
independent.

Registered: ``lyapunov``, ``fixed_point``, ``transient_time``, and ``dmft``
when :mod:`gatetheory.dmft` is importable (looked up lazily, on first use).
"""
from __future__ import annotations

import math
import os
import platform
import socket
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..params import GateParams, ParameterError, check_multiple

__all__ = ["Measurement", "Option", "MEASUREMENTS", "register", "get_measurement", "measurement_names",
           "run_task", "error_record", "versions"]


@dataclass(frozen=True)
class Option:
    """A measurement option: default, kind (``"positive"``, ``"nonneg"``, ``"int"``, ``"int_or_none"``,
    ``"choice"``) and, for choices, the allowed values."""

    default: object
    kind: str
    choices: tuple = ()
    help: str = ""

    def check(self, field: str, v):
        def fail(msg):
            raise ParameterError(f"spec field {field}: {msg}")
        number = isinstance(v, (int, float)) and not isinstance(v, bool)
        if self.kind == "choice":
            if v not in self.choices:
                fail(f"got {v!r}; allowed: {', '.join(map(repr, self.choices))}")
            return v
        if self.kind in ("int", "int_or_none"):
            if v is None and self.kind == "int_or_none":
                return None
            if not (number and float(v).is_integer()) or v < 1:
                fail(f"expected an integer >= 1, got {v!r}")
            return int(v)
        if not number or not math.isfinite(v):
            fail(f"expected a number, got {v!r}")
        if self.kind == "positive" and v <= 0:
            fail(f"{v!r} is out of range; allowed: > 0")
        if self.kind == "nonneg" and v < 0:
            fail(f"{v!r} is out of range; allowed: >= 0")
        return float(v)


@dataclass(frozen=True)
class Measurement:
    """A named measurement.

    Attributes
    ----------
    name : str
    func : callable ``(params, n, seed, options) -> dict``
    options : dict of name -> Option
    outputs : dict of name -> kind (``"f"`` float, ``"i"`` int, ``"b"`` bool, ``"s"`` str)
    needs_n : bool
        Whether it simulates an N-unit network (then n is required).
    check : callable ``(options, n) -> None``, optional
        Raises ParameterError (naming ``options.<name>``) for options that are valid one by one
        but not together, or not for this n; called for every n of the spec before any work.
    """

    name: str
    func: Callable
    options: dict
    outputs: dict
    needs_n: bool = True
    doc: str = field(default="", repr=False)
    check: Callable | None = field(default=None, repr=False)

    def resolve_options(self, given: dict) -> dict:
        """Options with defaults filled in; unknown or invalid ones raise naming ``options.<name>``."""
        for key in given:
            if key not in self.options:
                raise ParameterError(f"spec field options.{key}: unknown option for measurement {self.name!r}; "
                                     f"allowed: {', '.join(self.options)}")
        return {key: opt.check(f"options.{key}", given.get(key, opt.default)) if key in given else opt.default
                for key, opt in self.options.items()}


MEASUREMENTS: dict[str, Measurement] = {}


def register(m: Measurement) -> Measurement:
    MEASUREMENTS[m.name] = m
    return m


def _lazy_dmft() -> None:
    """Register ``dmft`` if :mod:`gatetheory.dmft` is importable (another module provides the solver)."""
    if "dmft" in MEASUREMENTS:
        return
    import importlib.util
    try:
        found = importlib.util.find_spec("gatetheory.dmft") is not None
    except ImportError:
        found = False
    if found:
        register(Measurement("dmft", dmft, DMFT_OPTIONS, DMFT_OUTPUTS, needs_n=False,
                             doc="DMFT steady state: equal-time correlations, convergence", check=_check_dmft))


def measurement_names() -> list[str]:
    _lazy_dmft()
    return sorted(MEASUREMENTS)


def get_measurement(name: str) -> Measurement:
    _lazy_dmft()
    try:
        return MEASUREMENTS[name]
    except KeyError:
        raise ParameterError(f"measurement {name!r} is unknown; allowed: {', '.join(sorted(MEASUREMENTS))}") from None


def _network(params, n, seed):
    from ..network import Network
    return Network(params, n, seed=seed)


def _dynamics_rng(seed):
    return np.random.default_rng([seed, 1])


def _pick(result, keys) -> dict:
    """Outputs from a result's ``to_dict()`` (None where a value failed; the message says why)."""
    d = result.to_dict()
    return {k: d[k] for k in keys}


def _whole(opt: dict, name: str, step: str, minimum: int = 1) -> None:
    """options[name] must be a whole multiple of options[step] (the library refuses, never rounds)."""
    try:
        check_multiple(name, opt[name], opt[step], step, minimum=minimum)
    except ParameterError as err:
        raise ParameterError(f"spec field options.{name}: {err}") from None


# --- lyapunov ---------------------------------------------------------------------------------

def lyapunov(params: GateParams, n: int, seed: int, opt: dict) -> dict:
    """Top-k Lyapunov exponents by QR; Kaplan-Yorke dimension or the reason it is absent."""
    from ..network import lyapunov_spectrum
    net = _network(params, n, seed)
    spec = lyapunov_spectrum(net, opt["t_total"], k=opt["k"], dt=opt["dt"], t_ons=opt["t_ons"],
                             t_transient=opt["t_transient"], seed=_dynamics_rng(seed))
    d = spec.to_dict()
    try:
        spec.kaplan_yorke
        note = ""
    except ParameterError as err:  # to_dict() has None and this reason in its message
        note = str(err)
    return {**_pick(spec, ("lambda_max", "kaplan_yorke", "trace_mean", "n_renorm")), "stderr": d["stderr"][0],
            "kaplan_yorke_note": note, "n_exponents": len(d["exponents"])}


def _check_lyapunov(opt: dict, n) -> None:
    if opt["k"] is not None and n is not None and opt["k"] > 3 * n:
        raise ParameterError(f"spec field options.k: k = {opt['k']} is out of range for n = {n}; "
                             f"allowed: 1 <= k <= 3N = {3 * n}")
    _whole(opt, "t_ons", "dt")
    _whole(opt, "t_total", "t_ons")
    _whole(opt, "t_transient", "t_ons", minimum=0)


register(Measurement(
    "lyapunov", lyapunov,
    {"t_total": Option(100.0, "positive", help="averaging time"),
     "k": Option(None, "int_or_none", help="number of exponents (default 3N)"),
     "dt": Option(0.1, "positive"), "t_ons": Option(1.0, "positive"),
     "t_transient": Option(50.0, "nonneg")},
    {"lambda_max": "f", "stderr": "f", "kaplan_yorke": "f", "kaplan_yorke_note": "s", "trace_mean": "f",
     "n_exponents": "i", "n_renorm": "i"},
    doc="lambda_max, its standard error, Kaplan-Yorke dimension", check=_check_lyapunov))


# --- fixed_point ------------------------------------------------------------------------------

def fixed_point(params: GateParams, n: int, seed: int, opt: dict) -> dict:
    """Simulate for t_settle from a random state, then Newton to the nearby fixed point."""
    from ..network import find_fixed_point, simulate
    net = _network(params, n, seed)
    x0 = net.initial_state(_dynamics_rng(seed))
    x = simulate(net, x0, opt["t_settle"], dt=opt["dt"], record_every=opt["t_settle"]).final \
        if opt["t_settle"] > 0 else x0
    fp = find_fixed_point(net, x, tol=opt["tol"], maxiter=opt["maxiter"])
    return {**_pick(fp, ("converged", "residual", "iterations", "message")), "var_h": float(np.var(fp.x[:n]))}


register(Measurement(
    "fixed_point", fixed_point,
    {"t_settle": Option(50.0, "nonneg", help="simulated time before Newton"), "dt": Option(0.05, "positive"),
     "tol": Option(1e-10, "positive"), "maxiter": Option(100, "int")},
    {"converged": "b", "residual": "f", "var_h": "f", "iterations": "i", "message": "s"},
    doc="converged, residual, variance of h at the fixed point",
    check=lambda opt, n: _whole(opt, "t_settle", "dt", minimum=0)))


# --- transient_time ---------------------------------------------------------------------------

def transient_time(params: GateParams, n: int, seed: int, opt: dict) -> dict:
    """Time until var(h) (or the rms of dh/dt) falls below a threshold: :func:`gatetheory.network.transient_time`."""
    from ..network.transients import transient_time as measure
    net = _network(params, n, seed)
    tr = measure(net, net.initial_state(_dynamics_rng(seed)), criterion=opt["criterion"], threshold=opt["threshold"],
                 t_max=opt["t_max"], check_every=opt["check_every"], dt=opt["dt"])
    return {"transient_time": tr.time, **_pick(tr, ("reached", "final_value")), "var_h_final": float(np.var(tr.x[:n]))}


def _check_transient_time(opt: dict, n) -> None:
    _whole(opt, "check_every", "dt")
    _whole(opt, "t_max", "dt")


register(Measurement(
    "transient_time", transient_time,
    {"criterion": Option("variance", "choice", ("variance", "speed")), "threshold": Option(1e-6, "positive"),
     "t_max": Option(1000.0, "positive"), "check_every": Option(1.0, "positive"), "dt": Option(0.05, "positive")},
    {"transient_time": "f", "reached": "b", "final_value": "f", "var_h_final": "f"},
    doc="time until var(h) (or rms dh/dt) falls below a threshold, capped at t_max", check=_check_transient_time))


# --- dmft (lazy) ------------------------------------------------------------------------------

DMFT_OPTIONS = {"method": Option("auto", "choice", ("auto", "moments", "sampling"),
                                help="auto: moments where exact (alpha_z = 0), else sampling"),
                "dt": Option(0.1, "positive"), "tau_max": Option(50.0, "positive"),
                "t_window": Option(200.0, "positive"), "t_burn": Option(50.0, "nonneg"),
                "n_paths": Option(500, "int"), "n_replicas": Option(8, "int"), "tol": Option(0.02, "positive"),
                "maxiter": Option(40, "int")}
DMFT_SAMPLING_ONLY = ("t_window", "t_burn", "n_paths", "n_replicas", "tol", "maxiter")
DMFT_OUTPUTS = {"method": "s", "C_h0": "f", "C_h0_error": "f", "C_phi0": "f", "converged": "b", "residual": "f",
                "iterations": "i"}


def dmft(params: GateParams, n, seed: int, opt: dict) -> dict:
    """DMFT steady state (solve_dmft): ``C_h(0)`` (= Delta_h) with its error (sampling), ``C_phi(0)``,
    convergence. The sampling options reach only the sampling method; the moment route runs on its own
    defaults (it has no sampling noise)."""
    from ..dmft import resolve_method, solve_dmft
    method = resolve_method(params, opt["method"])
    kw = {k: v for k, v in opt.items() if k != "method" and (method == "sampling" or k not in DMFT_SAMPLING_ONLY)}
    sol = solve_dmft(params, method=method, seed=_dynamics_rng(seed), **kw)
    d = sol.to_dict()
    err = d["C_h_error"][0] if d["C_h_error"] is not None else None
    return {"method": sol.method, "C_h0": d["C_h"][0], "C_h0_error": err, "C_phi0": d["C_phi"][0],
            **_pick(sol, ("converged", "residual", "iterations"))}


def _check_dmft(opt: dict, n) -> None:
    for name in ("tau_max", "t_window"):
        _whole(opt, name, "dt")
    _whole(opt, "t_burn", "dt", minimum=0)
    if opt["tau_max"] > opt["t_window"] / 2:
        raise ParameterError(f"spec field options.tau_max: tau_max = {opt['tau_max']!r} is out of range; "
                             f"allowed: tau_max <= t_window / 2 = {opt['t_window'] / 2:g}")


# --- the task function ------------------------------------------------------------------------

def versions() -> dict:
    import gatetheory
    return {"gatetheory": gatetheory.__version__, "numpy": np.__version__, "python": platform.python_version()}


_MISSING = {"f": None, "i": -1, "b": False, "s": ""}  # None: strict JSON in the journal, NaN in the store


def run_task(task) -> dict:
    """Run one task and return its record; a failing measurement is caught and recorded.

    The record holds the task's identity and parameters, ``status`` (``"ok"`` or
    ``"error"``), ``error`` (message and the last traceback line, empty when ok),
    ``outputs`` (every output key; on error the missing-value marker of its kind),
    ``wall_time`` (s), ``host``, ``pid`` and ``versions``.
    """
    meas = get_measurement(task.measurement)
    t0 = time.perf_counter()
    try:
        outputs = meas.func(GateParams(**task.params), task.n, task.seed, task.options)
        missing = set(meas.outputs) - set(outputs)
        if missing:
            raise RuntimeError(f"measurement {meas.name!r} returned no {sorted(missing)}")
        outputs = {k: outputs[k] for k in meas.outputs}
        status, error = "ok", ""
    except Exception as err:  # recorded, the sweep continues
        tb = traceback.extract_tb(err.__traceback__)[-1]
        outputs = {k: _MISSING[kind] for k, kind in meas.outputs.items()}
        status, error = "error", f"{type(err).__name__}: {err} ({os.path.basename(tb.filename)}:{tb.lineno})"
    return _record(task, status, error, outputs, time.perf_counter() - t0, socket.gethostname(), os.getpid())


def error_record(task, message: str) -> dict:
    """The record of a task that failed outside the measurement (its worker died): no wall time, no host."""
    outputs = {k: _MISSING[kind] for k, kind in get_measurement(task.measurement).outputs.items()}
    return _record(task, "error", message, outputs, None, "", -1)


def _record(task, status, error, outputs, wall_time, host, pid) -> dict:
    return {"task_id": task.task_id, "index": task.index, "measurement": task.measurement, "params": task.params,
            "n": task.n, "seed": task.seed, "options": task.options, "status": status, "error": error,
            "outputs": outputs, "wall_time": wall_time, "host": host, "pid": pid, "versions": versions()}
