"""Dynamical mean-field theory: iterative sampling solver and the DMFT Lyapunov exponent."""
from .solver import DMFTSolution, solve_dmft

__all__ = ["DMFTSolution", "solve_dmft"]
