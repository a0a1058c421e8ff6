"""The simulator of the N-unit gated network: the independent oracle for the theory.

It shares nothing with the theory modules except :class:`gatetheory.params.GateParams`.
"""
from .model import Network, phi, dphi, gate, dgate
from .integrate import Trajectory, simulate, rk4_step
from .jacobian import jacobian, jacobian_trace, linearise, apply_jacobian

__all__ = ["Network", "phi", "dphi", "gate", "dgate", "Trajectory", "simulate", "rk4_step",
           "jacobian", "jacobian_trace", "linearise", "apply_jacobian"]
from .fixed_points import FixedPoint, find_fixed_point
from .spectra import jacobian_eigenvalues, leading_eigenvalue
from .lyapunov import LyapunovSpectrum, lyapunov_spectrum, kaplan_yorke_dimension, ks_entropy

__all__ += ["FixedPoint", "find_fixed_point", "jacobian_eigenvalues", "leading_eigenvalue",
            "LyapunovSpectrum", "lyapunov_spectrum", "kaplan_yorke_dimension", "ks_entropy"]
from .transients import Transient, transient_time

__all__ += ["Transient", "transient_time"]
from .finite_size import FiniteSizeLyapunov, lyapunov_finite_size, fit_finite_size

__all__ += ["FiniteSizeLyapunov", "lyapunov_finite_size", "fit_finite_size"]
