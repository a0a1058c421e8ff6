"""Transient times: how long a trajectory takes to reach a fixed point (seed Fig. 11)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..params import ParameterError, check_positive
from ..results import Result
from .integrate import simulate
from .model import Network

__all__ = ["Transient", "transient_time"]


@dataclass(frozen=True)
class Transient(Result):
    """Attributes: ``time`` (first check time with the criterion below threshold, or ``t_max``),
    ``reached`` (bool), ``final_value`` (the criterion at the end), ``x`` (final state, (3N,), not in
    ``to_dict()``). ``status`` is ``"ok"`` either way: not reaching the threshold by ``t_max`` is a
    measurement (the message says so)."""

    time: float
    reached: bool
    final_value: float
    x: np.ndarray = field(metadata={"serialize": False})


def transient_time(net: Network, x0: np.ndarray, *, criterion: str = "variance", threshold: float = 1e-6,
                   t_max: float = 1000.0, check_every: float = 1.0, dt: float = 0.05) -> Transient:
    """First time the criterion falls below ``threshold``, checked every ``check_every`` time units.

    ``criterion = "variance"``: the population variance of h (decay to the zero fixed point);
    ``"speed"``: the rms over units of dh/dt (arrival at any fixed point). Not reached by ``t_max``:
    ``reached = False`` and ``time = t_max``.
    """
    if criterion not in ("variance", "speed"):
        raise ParameterError(f"criterion = {criterion!r} is unknown; allowed: variance, speed")
    threshold, t_max = check_positive("threshold", threshold), check_positive("t_max", t_max)
    check_every, dt = check_positive("check_every", check_every), check_positive("dt", dt)
    n = net.n

    def value(x, t):
        if criterion == "variance":
            return float(np.var(x[:n]))
        return float(np.sqrt(np.mean(net.rhs(t, x)[:n] ** 2)))

    x, t = np.asarray(net.state("x0", x0), dtype=net.dtype), 0.0
    v = value(x, t)
    while v >= threshold and t < t_max - 1e-9 * t_max:
        span = min(check_every, t_max - t)
        x = simulate(net, x, span, dt=dt, record_every=span, t0=t).final
        t += span
        v = value(x, t)
    reached = v < threshold
    return Transient(time=t if reached else t_max, reached=bool(reached), final_value=v, x=x,
                     message="" if reached else f"{criterion} still >= threshold = {threshold:g} at t_max = {t_max:g}")
