"""Run a sweep: skip finished tasks, execute the rest locally or on Dask, record each as it finishes.

Executors
---------
* ``workers = 1``: in-process, one task after another.
* ``workers > 1``: a :class:`concurrent.futures.ProcessPoolExecutor` with that many processes.
* ``scheduler`` (an address such as ``"tcp://10.0.0.1:8786"``, or a ``distributed.Client``):
  the same task function submitted to a Dask distributed cluster.

Whatever the executor, only this (parent) process writes the journal, one
fsynced record per finished task. The first SIGINT or SIGTERM stops new tasks
from starting, records those already running locally (Dask ones are cancelled),
writes the store and returns ``interrupted = True``; a second one stops at once.
At most ``workers`` tasks are submitted at a time, so none starts after the signal.
Pool workers die with the parent (a parent-death signal on Linux, a poll elsewhere)
and close their inherited copy of the journal, so a killed parent leaves no process
holding the lock. Anything lost to a hard kill is re-run on restart.
"""
from __future__ import annotations

import concurrent.futures as cf
from concurrent.futures.process import BrokenProcessPool
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..params import ParameterError, check_int
from ..results import Result
from .spec import SweepSpec
from .store import Journal, build_dataset, load_results, write_dataset
from .tasks import error_record, get_measurement, run_task

__all__ = ["SweepResult", "run_sweep"]


@dataclass(frozen=True)
class SweepResult(Result):
    """What a run of :func:`run_sweep` did.

    Attributes
    ----------
    out : Path
        The output folder (``journal.jsonl``, ``results.nc``).
    n_tasks : int
        Tasks in the spec.
    n_skipped : int
        Finished before this run (found in the journal).
    n_run : int
        Finished and recorded by this run.
    n_ok, n_error, n_pending : int
        Status counts in the store after this run.
    interrupted : bool
        Stopped by a signal before all tasks ran.
    executor : str
        ``"in-process"``, ``"processes(k)"`` or ``"dask(ADDRESS)"``.
    wall_time : float
        Seconds.
    status, message : str
        ``"ok"`` when every task is ok, ``"failed"`` when some recorded an error (the message
        counts them), ``"interrupted"`` when a signal stopped the run (rerun to resume).
    """

    out: Path
    n_tasks: int
    n_skipped: int
    n_run: int
    n_ok: int
    n_error: int
    n_pending: int
    interrupted: bool
    executor: str
    wall_time: float

    def dataset(self):
        """The store as an xarray Dataset."""
        return load_results(self.out)


class _Stop:
    """Set by the first SIGINT/SIGTERM, which also restores the default handlers."""

    def __init__(self):
        self.flag = False

    @contextmanager
    def installed(self):
        if threading.current_thread() is not threading.main_thread():
            yield self
            return
        old = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}

        def handler(signum, frame):
            self.flag = True
            for s, h in old.items():
                signal.signal(s, h)
        for s in old:
            signal.signal(s, handler)
        try:
            yield self
        finally:
            for s, h in old.items():
                signal.signal(s, h)


def _progress_bar(total: int, initial: int, enabled: bool):
    from tqdm.auto import tqdm
    return tqdm(total=total, initial=initial, unit="task", desc="sweep", file=sys.stderr, disable=not enabled,
                dynamic_ncols=True, smoothing=0.1)


def _run_in_process(todo, record, stop):
    for task in todo:
        if stop.flag:
            return
        record(run_task(task))


def _worker_init(parent_pid: int) -> None:
    """In each pool worker: die with the parent, and leave SIGINT to it.

    A worker outliving a killed parent wastes its core. On Linux the kernel delivers SIGKILL
    when the parent dies (prctl PR_SET_PDEATHSIG); elsewhere a daemon thread polls the parent
    id. SIGINT (a Ctrl-C reaches the whole process group) is ignored here so the parent's
    first-signal drain lets running tasks finish.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent_pid:  # the parent died before the watch was set
        os._exit(1)
    if not armed:
        def watch():
            while os.getppid() == parent_pid:
                time.sleep(0.5)
            os._exit(1)
        threading.Thread(target=watch, daemon=True).start()


def _run_processes(todo, record, stop, workers):
    """At most ``workers`` tasks are ever submitted, so after a stop signal no new task starts
    (the executor would otherwise have queued more than it runs)."""
    queue = list(reversed(todo))
    pool = cf.ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),))
    clean = False
    try:
        pending = set()
        while queue or pending:
            while queue and len(pending) < workers and not stop.flag:
                pending.add(pool.submit(run_task, queue.pop()))  # raises once the pool is broken
            if not pending:
                break  # stopped: the rest stays pending in the store
            done, pending = cf.wait(pending, timeout=0.2, return_when=cf.FIRST_COMPLETED)
            for fut in sorted(done, key=lambda f: isinstance(f.exception(), BrokenProcessPool)):
                record(fut.result())  # run_task catches measurement errors; a broken pool raises here
        clean = True
    except BrokenProcessPool:
        raise RuntimeError("a worker process died (killed, or out of memory?); the finished tasks are "
                           "recorded: rerun to resume, with fewer workers if memory ran out") from None
    finally:
        if not clean:  # a second signal or a failure: do not wait for running tasks
            for proc in list(getattr(pool, "_processes", {}).values()):
                proc.kill()
        pool.shutdown(wait=clean, cancel_futures=True)


def _run_dask(todo, record, stop, client):
    from distributed import as_completed

    futures = client.map(run_task, todo, key=[f"gatetheory-sweep-{t.task_id}" for t in todo])
    by_key = {f.key: t for f, t in zip(futures, todo)}
    ac = as_completed(futures)
    del futures
    while not ac.is_empty():
        if stop.flag:
            client.cancel(list(ac.futures))
            return
        batch = ac.next_batch(block=False)
        if not batch:
            time.sleep(0.05)
            continue
        for fut in batch:
            if fut.status == "finished":
                record(fut.result())
            elif fut.status == "error":  # the worker died under the task (KilledWorker) and the like
                err = fut.exception()
                record(error_record(by_key[fut.key], f"{type(err).__name__}: {err} (on the cluster)"))
            fut.release()


def run_sweep(spec: SweepSpec, out, *, workers: int | None = None, scheduler=None, progress: bool = False,
              retry_errors: bool = False) -> SweepResult:
    """Run every task of ``spec`` not yet in ``out``'s journal, then write ``out/results.nc``.

    Parameters
    ----------
    spec : SweepSpec
    out : path
        Output folder; created if needed. Rerunning with the same spec resumes.
    workers : int, optional
        Local worker processes (default: the spec's, else ``os.cpu_count()``); 1 runs in-process.
    scheduler : str or distributed.Client, optional
        A Dask scheduler address or a connected client (default: the spec's); overrides ``workers``.
    progress : bool
        A tqdm bar on stderr: tasks done, rate, estimated time left.
    retry_errors : bool
        Re-run tasks recorded with status ``"error"`` (otherwise they count as finished).
    """
    t0 = time.perf_counter()
    try:
        import xarray  # noqa: F401  (the store)
    except ModuleNotFoundError:
        raise ParameterError("sweeps need xarray for their store; allowed: pip install 'gatetheory[sweep]'") from None
    out = Path(out)
    workers = check_int("workers", workers if workers is not None else spec.workers or os.cpu_count() or 1, 1)
    scheduler = scheduler if scheduler is not None else spec.scheduler
    tasks = spec.tasks()
    stop = _Stop()
    client, own = _client(scheduler) if scheduler is not None else (None, False)  # fail before writing
    try:
        with Journal(out) as journal:
            records = journal.records(get_measurement(spec.measurement).outputs)
            finished = {tid for tid, r in records.items() if not (retry_errors and r["status"] == "error")}
            todo = [t for t in tasks if t.task_id not in finished]
            n_skipped = len(tasks) - len(todo)
            counts = {"run": 0}

            def record(rec):
                journal.append(rec)
                records[rec["task_id"]] = rec
                counts["run"] += 1
                counts[rec["status"]] = counts.get(rec["status"], 0) + 1
                bar.update(1)
                if counts.get("error"):
                    bar.set_postfix_str(f"{counts['error']} failed", refresh=False)

            with _progress_bar(len(tasks), n_skipped, progress) as bar, stop.installed():
                try:
                    if not todo:
                        executor = "none"
                    elif client is not None:
                        executor = f"dask({client.scheduler.address})"
                        _run_dask(todo, record, stop, client)
                    elif workers == 1:
                        executor = "in-process"
                        _run_in_process(todo, record, stop)
                    else:
                        executor = f"processes({workers})"
                        _run_processes(todo, record, stop, workers)
                finally:  # whatever happened, the store shows what is recorded
                    ds = build_dataset(spec, records)
                    write_dataset(ds, out)
    finally:
        if own:
            client.close()
    status = [str(s) for s in ds["status"].values]
    interrupted, n_error = stop.flag and status.count("pending") > 0, status.count("error")
    outcome = ("interrupted", f"stopped by a signal with {status.count('pending')} tasks pending; rerun to resume") \
        if interrupted else ("failed", f"{n_error} of {len(tasks)} tasks recorded an error (the error column of "
                                       f"{out / 'results.nc'} says why)") if n_error else ("ok", "")
    return SweepResult(out=out, n_tasks=len(tasks), n_skipped=n_skipped, n_run=counts["run"],
                       n_ok=status.count("ok"), n_error=n_error, n_pending=status.count("pending"),
                       interrupted=interrupted, executor=executor, wall_time=time.perf_counter() - t0,
                       status=outcome[0], message=outcome[1])


def _client(scheduler):
    """A distributed.Client for an address (owned: closed after the run) or the client given."""
    try:
        from distributed import Client
    except ModuleNotFoundError:
        raise ParameterError("scheduler given but dask.distributed is not installed; "
                             "allowed: pip install 'gatetheory[sweep]'") from None
    if isinstance(scheduler, Client):
        return scheduler, False
    if not isinstance(scheduler, str):
        raise ParameterError(f"scheduler = {scheduler!r} is not an address; allowed: 'tcp://HOST:PORT'")
    try:
        return Client(scheduler, timeout="20s"), True
    except (OSError, TimeoutError) as err:
        raise ParameterError(f"scheduler = {scheduler!r} cannot be reached ({err}); "
                             f"allowed: the address of a running Dask scheduler") from None
