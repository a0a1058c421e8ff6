"""Dynamical mean-field theory: the steady state (moment equations or iterative sampling) and the DMFT
Lyapunov exponent."""
from .solution import DMFTSolution
from .solver import resolve_method, solve_dmft

__all__ = ["DMFTSolution", "solve_dmft", "resolve_method"]
