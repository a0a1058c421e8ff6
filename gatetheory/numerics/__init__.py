"""Precision-aware numerical building blocks (float64 NumPy and mpmath at any precision).

One Gaussian average (:mod:`~gatetheory.numerics.gaussian`), one bivariate-Gaussian primitive
(:mod:`~gatetheory.numerics.bivariate`), one set of gate functions
(:mod:`~gatetheory.numerics.gates`) and bracketed roots with trusted digits
(:mod:`~gatetheory.numerics.roots`).
"""
from .bivariate import BivariateAverage, bivariate_average, gaussian_correlation
from .gaussian import GaussianAverage, gaussian_average, pole_width
from .roots import ConvergenceError, RootResult, refine_bracketed, sign_changes, trusted_digits

__all__ = ["GaussianAverage", "gaussian_average", "pole_width", "BivariateAverage", "bivariate_average",
           "gaussian_correlation", "RootResult", "refine_bracketed", "sign_changes", "trusted_digits",
           "ConvergenceError"]
