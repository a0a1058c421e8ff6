"""Mean-field theory of the gated RNN: static fixed points, their stability, critical lines, phase diagram.

:func:`critical_curve` traces any critical line (:mod:`gatetheory.meanfield.curves`); the
single-point solvers live in :mod:`~gatetheory.meanfield.critical_lines` (fixed-point
bifurcation), :mod:`~gatetheory.meanfield.dynamic_bifurcation` and
:mod:`~gatetheory.meanfield.stability`; the static solutions in
:mod:`~gatetheory.meanfield.fixed_points`.
"""
from .continuation import Curve
from .critical_lines import fp_bifurcation, fp_bifurcation_range
from .curves import critical_curve, critical_domain
from .dynamic_bifurcation import dyn_bifurcation, dyn_bifurcation_range
from .fixed_points import FixedPointVariances, fixed_point_variances
from .phase_diagram import PhaseDiagram, draw_phase_diagram, phase_diagram_curves
from .spectrum import spectral_curve_value
from .stability import CriticalPoint, RangeError, marginal_stability_g_h, stability_g_h, zero_fp_stability_g_h

__all__ = ["FixedPointVariances", "fixed_point_variances", "CriticalPoint", "RangeError", "fp_bifurcation",
           "fp_bifurcation_range", "dyn_bifurcation", "dyn_bifurcation_range", "stability_g_h",
           "zero_fp_stability_g_h", "marginal_stability_g_h", "Curve", "critical_curve", "critical_domain",
           "PhaseDiagram", "phase_diagram_curves", "draw_phase_diagram", "spectral_curve_value"]
