"""Root finding helpers shared by the mean-field solvers: sign-change scans, safeguarded
Newton/secant refinement at float64 or mpmath precision, and trusted-digit counts."""
from __future__ import annotations

import math
from dataclasses import dataclass

import mpmath
import numpy as np

from ..results import Result

__all__ = ["RootResult", "sign_changes", "refine_bracketed", "trusted_digits", "ConvergenceError"]


class ConvergenceError(ArithmeticError):
    """A solver did not converge; the message gives the last residual and what to change."""


@dataclass(frozen=True)
class RootResult(Result):
    """A root ``x`` with the residual ``f(x)`` and the iterations used (failures raise ConvergenceError)."""

    x: object
    residual: object
    iterations: int


def sign_changes(values) -> list[int]:
    """Indices i with ``values[i]`` and ``values[i+1]`` of opposite sign (or values[i] == 0)."""
    v = np.asarray(values, dtype=float)
    idx = np.nonzero((np.sign(v[:-1]) * np.sign(v[1:]) < 0) | (v[:-1] == 0))[0]
    return [int(i) for i in idx]


def refine_bracketed(f, a, b, *, fprime=None, dps: int | None = None, rtol=None, maxiter: int = 200,
                     name: str = "x") -> RootResult:
    """Root of ``f`` in ``[a, b]`` (signs differ at the ends).

    Newton steps when ``fprime`` is given and the step stays inside the bracket,
    Illinois (modified regula falsi) steps otherwise; the bracket shrinks every
    iteration, so it always converges. ``dps=None``: float64; otherwise mpmath at the
    caller's working precision (wrap the call in ``mpmath.workdps``). ``rtol``
    defaults to a few ulps of the precision used.
    """
    if dps is not None:
        a, b = mpmath.mpf(a), mpmath.mpf(b)
        rtol = rtol if rtol is not None else 8 * mpmath.eps
    else:
        a, b = float(a), float(b)
        rtol = rtol if rtol is not None else 1e-15
    fa, fb = f(a), f(b)
    if fa == 0:
        return RootResult(a, fa, 0)
    if fb == 0:
        return RootResult(b, fb, 0)
    if (fa > 0) == (fb > 0):
        raise ConvergenceError(f"{name}: no sign change in [{a}, {b}] (f = {fa}, {fb}); widen the bracket")
    x = (a * fb - b * fa) / (fb - fa)
    side = 0
    fx = fa
    for it in range(1, maxiter + 1):
        fx = f(x)
        if fx == 0:
            return RootResult(x, fx, it)
        if (fx > 0) == (fa > 0):
            a, fa = x, fx
            if side == -1:
                fb = fb / 2
            side = -1
        else:
            b, fb = x, fx
            if side == 1:
                fa = fa / 2
            side = 1
        xn = None
        if fprime is not None:
            d = fprime(x)
            if d != 0:
                xn = x - fx / d
                if not (min(a, b) < xn < max(a, b)):
                    xn = None
        if xn is None:
            xn = (a * fb - b * fa) / (fb - fa)
        if abs(xn - x) <= rtol * abs(xn) or abs(b - a) <= rtol * abs(xn):
            return RootResult(xn, fx, it)
        x = xn
    raise ConvergenceError(f"{name}: not converged after {maxiter} iterations (residual {fx}); raise maxiter")


def trusted_digits(x, x_ref, requested: int) -> int:
    """Significant decimal digits on which x and x_ref agree, at most ``requested``."""
    x, x_ref = mpmath.mpf(x), mpmath.mpf(x_ref)
    if x == x_ref:
        return requested
    scale = max(abs(x_ref), mpmath.mpf(10) ** (-requested - 20))
    rel = abs(x - x_ref) / scale
    return int(max(0, min(requested, math.floor(-float(mpmath.log10(rel))))))
