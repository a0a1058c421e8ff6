"""Mean-field theory of the gated RNN: static fixed points, their stability, critical lines, phase diagram.

:func:`critical_curve` traces any critical line (:mod:`gatetheory.meanfield.curves`).
"""
from .curves import critical_curve  # noqa: F401

__all__ = ["critical_curve"]
