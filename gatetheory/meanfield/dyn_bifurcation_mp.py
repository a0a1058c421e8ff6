"""The dynamical bifurcation (seed Eq. 13, G7-G9) at mpmath precision, refining the float64 point.

E(C0, alpha_r) = -C0^2/2 + C0 int_0^1 A(q) B(A(q)/A0) dq (see :mod:`.dynamic_bifurcation`), with
both two-point averages by the Mehler series of :mod:`gatetheory.numerics.bivariate` in fixed
point (A(q) = sum a_n^2 q^n, B(rho) = sum b_n^2 rho^n) and the q integral by Gauss-Legendre.
alpha_r*(C0) by the secant method; its minimum over C0 by symmetric parabolic steps of shrinking
size (the minimum value is insensitive to C0, so C0 has fewer trusted digits than alpha_r).
Trusted digits: agreement with the re-solve at dps + 10 (each quantity separately).
Experimental (issue 12): the Mehler tail near rho -> 1 is bounded by the Parseval deficit only.
"""
from __future__ import annotations

import math

import mpmath
import numpy as np
from mpmath.calculus.quadrature import GaussLegendre

from ..numerics.bivariate import _from_fix, _to_fix, hermite_coefficients, mehler_sum
from ..numerics.roots import trusted_digits

__all__ = ["energy_mp", "dyn_bifurcation_mp"]


def _gl(degree):
    nodes = GaussLegendre(mpmath.mp).calc_nodes(degree, mpmath.mp.prec)
    return [(x + 1) / 2 for x, _ in nodes], [w / 2 for _, w in nodes]


def energy_mp(C0, alpha_r, g_h, beta_r, dps, gl_degree):
    C0, a, g, b = (mpmath.mpf(v) for v in (C0, alpha_r, g_h, beta_r))
    s = mpmath.sqrt(C0)
    ca, _, bits = hermite_coefficients(lambda u: mpmath.tanh(g * s * u), width=float(mpmath.pi / (2 * g * s)), dps=dps)
    qs, ws = _gl(gl_degree)
    qfix = np.array([_to_fix(q, bits) for q in qs] + [1 << bits], dtype=object)
    Afix = mehler_sum(ca, ca, qfix, bits)
    A0 = _from_fix(Afix[-1], bits)
    lam = a * mpmath.sqrt(A0)
    cb, _, bits2 = hermite_coefficients(lambda u: 1 / (1 + mpmath.exp(-(lam * u + b))), width=float(mpmath.pi / lam),
                                        dps=dps)
    rfix = np.array([(int(A) << bits) // int(Afix[-1]) for A in Afix[:-1]], dtype=object)
    Bfix = mehler_sum(cb, cb, rfix, bits)
    tot = sum(w * _from_fix(A, bits) * _from_fix(B, bits) for w, A, B in zip(ws, Afix[:-1], Bfix))
    return -C0 * C0 / 2 + C0 * tot


def _solve(g_h, beta_r, C0, a, dps, gl_degree):
    with mpmath.workdps(dps + 5):
        tol = mpmath.mpf(10) ** (-(dps + 3))

        def astar(C, a0):
            x0, x1 = a0 * (1 - mpmath.mpf("1e-7")), a0
            f0, f1 = energy_mp(C, x0, g_h, beta_r, dps, gl_degree), energy_mp(C, x1, g_h, beta_r, dps, gl_degree)
            for _ in range(30):
                x2 = x1 - f1 * (x1 - x0) / (f1 - f0)
                if abs(x2 - x1) <= tol * abs(x2):
                    return x2
                x0, f0, x1 = x1, f1, x2
                f1 = energy_mp(C, x1, g_h, beta_r, dps, gl_degree)
            return x1
        C, al = mpmath.mpf(C0), astar(mpmath.mpf(C0), mpmath.mpf(a))
        for dl in ("1e-5", "1e-9", "1e-13", "1e-17")[: 2 + (dps > 20) + (dps > 40)]:
            d = C * mpmath.mpf(dl)
            am, ap = astar(C - d, al), astar(C + d, al)
            C = C - d * (ap - am) / (2 * (ap - 2 * al + am))
            al = astar(C, al)
        return C, al


def dyn_bifurcation_mp(g_h, *, beta_r=0.0, dps=30, start=None):
    """(alpha_r, digits_alpha, C0, digits_C0) at ``dps`` from the float64 point (or ``start``)."""
    from .dynamic_bifurcation import dyn_bifurcation
    if start is None:
        c = dyn_bifurcation(g_h, beta_r=beta_r, check=False)
        start = (c.Delta_h, c.value)
    g = mpmath.mpf(str(g_h))
    deg = max(4, math.ceil(math.log2(dps / 3)) + 2)
    C1, a1 = _solve(g, beta_r, start[0], start[1], dps, deg)
    C2, a2 = _solve(g, beta_r, C1, a1, dps + 10, deg + 1)
    return a1, trusted_digits(a1, a2, dps), C1, trusted_digits(C1, C2, dps)
