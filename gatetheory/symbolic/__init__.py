"""Symbolic layer: results derived in SymPy under ``derivations/``, shipped as generated code.

Use :func:`gatetheory.symbolic.registry.get` and :func:`~gatetheory.symbolic.registry.names`.
"""
from .registry import Derived, get, names

__all__ = ["Derived", "get", "names"]
