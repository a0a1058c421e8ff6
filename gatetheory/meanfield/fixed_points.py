"""Fixed points of the static mean-field theory with biases and static inputs
(seed App. C, Eqs. C26-C30; docs/conventions.md section 3).

    Delta_h = <phi^2>_{Delta_h} <sigma_r^2>_{Delta_r} + s_h^2
    Delta_z = <phi^2>_{Delta_h} + s_z^2,   Delta_r = <phi^2>_{Delta_h} + s_r^2

The map from the Gaussian averages to the variances and the stability
condition at lambda = 0 (seed Eq. 6; stable while
``<phi'^2>(<sigma_r^2> + <phi^2><sigma_r'^2>) < 1``) come from the derivation
registry (``fp-variance``, ``fp-stability``); this module supplies the
averages (:mod:`gatetheory.numerics.gaussian`) and finds *all* solutions of the
closed equation ``F(Delta_h) = Delta_h - <phi^2><sigma_r^2> - s_h^2 = 0`` in
``[0, 1 + s_h^2]`` (``F > 0`` beyond, as ``phi^2, sigma_r^2 <= 1``) by a
sign-change scan refined by safeguarded Newton steps. ``F'`` uses Price's
theorem, ``d<f>_D/dD = <f''>_D / 2``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import mpmath
import numpy as np

from ..numerics.gates import mp_phi_family, mp_sigma_family, np_phi_family, np_sigma_family
from ..numerics.gaussian import gaussian_average, pole_width
from ..numerics.roots import refine_bracketed, sign_changes, trusted_digits
from ..params import GateParams, ParameterError, check_finite, check_int
from ..results import Result

__all__ = ["FixedPointVariances", "averages_h", "averages_r", "fixed_point_residual",
           "fixed_point_variances", "to_mp", "check_input_std"]


G_H_MAX = 1e3  # measured: g_h = 1e4 already exhausts the quadrature's finest step (exit 1 after 15 s)


def _registry(name):
    from ..symbolic import registry
    return registry.get(name)


def to_mp(x):
    """A float parameter as the decimal its shortest repr shows (``1.8`` -> ``mpf('1.8')``), exactly."""
    return mpmath.mpf(repr(float(x)))


def check_input_std(name: str, value) -> float:
    v = check_finite(name, value)
    if v < 0:
        raise ParameterError(f"{name} = {value!r} is out of range; allowed: {name} >= 0")
    return v


# ----------------------------------------------------------------------------- averages

def averages_h(g_h, beta_h, Delta_h, *, dps=None):
    """``(<phi^2>, <phi'^2>, d<phi^2>/dDelta_h)`` over ``h ~ N(0, Delta_h)``.

    float64 path broadcasts over arrays of the three arguments; mpmath path takes scalars.
    ``d<phi^2>/dD = <(phi^2)''>/2 = <phi'^2> + <phi phi''>`` (Price).
    """
    if dps is None:
        g, b, D = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (g_h, beta_h, Delta_h)))

        def f(y):
            p, d1, d2 = np_phi_family(y, g[..., None], b[..., None])
            return p * p, d1 * d1, d1 * d1 + p * d2
        with np.errstate(divide="ignore", invalid="ignore"):
            width = np.where(g != 0, np.pi / (2 * np.abs(g)), np.inf)
            center = np.where(g != 0, -b / np.where(g != 0, g, 1.0), 0.0)
        return gaussian_average(f, D, center=center, width=width).value
    g = g_h if isinstance(g_h, mpmath.mpf) else to_mp(g_h)
    b = beta_h if isinstance(beta_h, mpmath.mpf) else to_mp(beta_h)

    def fm(y):
        p, d1, d2 = mp_phi_family(y, g, b)
        return p * p, d1 * d1, d1 * d1 + p * d2
    center = -b / g if g != 0 else 0
    return gaussian_average(fm, Delta_h, center=center, width=pole_width("tanh", g, mp=True), dps=dps).value


def averages_r(alpha_r, beta_r, Delta_r, *, dps=None):
    """``(<sigma^2>, <sigma'^2>, d<sigma^2>/dDelta_r, d<sigma^2>/dalpha_r)`` over ``r ~ N(0, Delta_r)``."""
    if dps is None:
        a, b, D = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (alpha_r, beta_r, Delta_r)))

        def f(y):
            s, d1, d2, da = np_sigma_family(y, a[..., None], b[..., None])
            return s * s, d1 * d1, d1 * d1 + s * d2, 2 * s * da
        with np.errstate(divide="ignore", invalid="ignore"):
            width = np.where(a != 0, np.pi / np.abs(np.where(a != 0, a, 1.0)), np.inf)
            center = np.where(a != 0, -b / np.where(a != 0, a, 1.0), 0.0)
        return gaussian_average(f, D, center=center, width=width).value
    a = alpha_r if isinstance(alpha_r, mpmath.mpf) else to_mp(alpha_r)
    b = beta_r if isinstance(beta_r, mpmath.mpf) else to_mp(beta_r)

    def fm(y):
        s, d1, d2, da = mp_sigma_family(y, a, b)
        return s * s, d1 * d1, d1 * d1 + s * d2, 2 * s * da
    center = -b / a if a != 0 else 0
    return gaussian_average(fm, Delta_r, center=center, width=pole_width("sigmoid", a, mp=True), dps=dps).value


# ----------------------------------------------------------------------------- the closed equation

def fixed_point_residual(params: GateParams, Delta_h, *, s_h2=0.0, s_r2=0.0, dps=None, alpha_r=None,
                         derivatives=False):
    """``F(Delta_h) = Delta_h - [fp-variance]_h`` and, with ``derivatives``, ``(F, dF/dDelta_h, dF/dalpha_r)``
    plus the averages ``(A, P, S, Q)`` used (for the stability value).

    float64: ``Delta_h`` may be an array. ``alpha_r`` overrides ``params.alpha_r`` (fold solvers).
    """
    fpv = _registry("fp-variance")
    ar = params.alpha_r if alpha_r is None else alpha_r
    if dps is None:
        A, P, A1 = averages_h(params.g_h, params.beta_h, Delta_h)
        Dh, _, Dr = fpv.numpy(A, 0.0 * A, s_h2, 0.0, s_r2)
        S, Q, S1, Sa = averages_r(ar, params.beta_r, Dr)
        Dh, _, _ = fpv.numpy(A, S, s_h2, 0.0, s_r2)
    else:
        A, P, A1 = averages_h(params.g_h, params.beta_h, Delta_h, dps=dps)
        Dh, _, Dr = fpv.mpmath(A, 0, s_h2, 0, s_r2)
        S, Q, S1, Sa = averages_r(ar, params.beta_r, Dr, dps=dps)
        Dh, _, _ = fpv.mpmath(A, S, s_h2, 0, s_r2)
    F = Delta_h - Dh
    if not derivatives:
        return F
    # TODO(registry): dF/dDelta_h and dF/dalpha_r by Price's theorem, derived here by hand:
    # d(A S)/dD = A' S + A S_R A' with dDelta_r/dD = A'; d(A S)/dalpha = A S_alpha.
    dF = 1 - A1 * S - A * S1 * A1
    dFa = -A * Sa
    return F, dF, dFa, (A, P, S, Q, Dr)


@dataclass(frozen=True)
class FixedPointVariances(Result):
    """One solution of the static mean-field equations.

    Attributes
    ----------
    Delta_h, Delta_z, Delta_r : float or mpf
        Variances of h, z, r at the fixed point (full working precision on the mpmath path).
    edge : float or mpf
        Left side of the stability condition at lambda = 0 (registry ``fp-stability``):
        ``<phi'^2>(<sigma_r^2> + <phi^2><sigma_r'^2>)``; the fixed point is stable while < 1.
    stable : bool
    digits : int
        Digits of Delta_h agreeing between working precisions dps and dps + 10; on the float64
        path a nominal 14 (unchecked; pass ``dps`` for a checked count).
    residual : float or mpf
    iterations : int
    params : GateParams
    input_std : tuple
        ``(s_h, s_z, s_r)``.
    """

    Delta_h: object
    Delta_z: object
    Delta_r: object
    edge: object
    stable: bool
    digits: int
    residual: object
    iterations: int
    params: GateParams
    input_std: tuple


def _scan_grid(Dmax):
    return np.unique(np.concatenate([np.geomspace(1e-12, 1e-2, 120), np.linspace(1e-2, Dmax, 400)]))


def _brackets(params, s_h2, s_r2):
    Dmax = 1.0 + s_h2 + 1e-9
    grid = _scan_grid(Dmax)
    F = fixed_point_residual(params, grid, s_h2=s_h2, s_r2=s_r2)
    zero_root = params.beta_h == 0 and s_h2 == 0
    return [(grid[i], grid[i + 1]) for i in sign_changes(F)], zero_root


def _solve_one(params, a, b, s_h2, s_r2, dps):
    def F(D):
        return fixed_point_residual(params, D, s_h2=s_h2, s_r2=s_r2, dps=dps)

    def dF(D):
        return fixed_point_residual(params, D, s_h2=s_h2, s_r2=s_r2, dps=dps, derivatives=True)[1]
    if dps is None:
        F1 = lambda D: float(F(np.asarray(D)))  # noqa: E731
        dF1 = lambda D: float(dF(np.asarray(D)))  # noqa: E731
        return refine_bracketed(F1, a, b, fprime=dF1, name="Delta_h")
    return refine_bracketed(F, a, b, fprime=dF, dps=dps, name="Delta_h")


def _finish(params, D, s, dps, digits, residual, iterations):
    s_h, s_z, s_r = s
    fpv, stab = _registry("fp-variance"), _registry("fp-stability")
    if dps is None:
        _, _, _, (A, P, S, Q, Dr) = fixed_point_residual(params, np.asarray(D), s_h2=s_h ** 2, s_r2=s_r ** 2,
                                                         derivatives=True)
        A, P, S, Q = (float(v) for v in (A, P, S, Q))
        Dh, Dz, Dr = (float(v) for v in fpv.numpy(A, S, s_h ** 2, s_z ** 2, s_r ** 2))
        edge = float(stab.numpy(P, S, A, Q))
        # TODO(issue 12): measure the float64 digits instead of the nominal count passed in
        return FixedPointVariances(float(D), Dz, Dr, edge, bool(edge < 1), digits, residual, iterations,
                                   params, s, message="" if D == 0 else "digits nominal (float64, not measured; "
                                                                        "pass dps for a checked count)")
    sh2, sz2, sr2 = (to_mp(v) ** 2 for v in s)
    _, _, _, (A, P, S, Q, Dr) = fixed_point_residual(params, D, s_h2=sh2, s_r2=sr2, dps=dps, derivatives=True)
    Dh, Dz, Dr = fpv.mpmath(A, S, sh2, sz2, sr2)
    edge = stab.mpmath(P, S, A, Q)
    return FixedPointVariances(D, Dz, Dr, edge, bool(edge < 1), digits, residual, iterations, params, s)


def fixed_point_variances(params: GateParams, *, input_std_h=0.0, input_std_z=0.0, input_std_r=0.0,
                          dps: int | None = None) -> list[FixedPointVariances]:
    """All solutions of the static mean-field equations (zero included when it is one),
    sorted by ``Delta_h``, each with its stability.

    ``dps=None``: float64 (about 14 digits). ``dps=int``: each root is re-solved with mpmath at
    ``dps`` and ``dps + 10`` digits; ``digits`` counts the agreeing ones. Roots are bracketed
    by a float64 sign-change scan of ``F`` on ``(1e-12, 1 + s_h^2]`` (a double root at an exact
    fold can be missed).
    """
    s = tuple(check_input_std(n, v) for n, v in
              (("input_std_h", input_std_h), ("input_std_z", input_std_z), ("input_std_r", input_std_r)))
    if params.g_h > G_H_MAX:
        raise ParameterError(f"g_h = {params.g_h!r} is beyond the static solver's range; allowed: g_h <= "
                             f"{G_H_MAX:g} (the quadrature resolves the tanh's width 1/g_h down to 1e-3)")
    s_h2, s_r2 = s[0] ** 2, s[2] ** 2
    brackets, zero_root = _brackets(params, s_h2, s_r2)
    out = []
    if zero_root:
        if dps is None:
            out.append(_finish(params, 0.0, s, None, 16, 0.0, 0))
        else:
            with mpmath.workdps(dps):
                out.append(_finish(params, mpmath.mpf(0), s, dps, dps, mpmath.mpf(0), 0))
    for a, b in brackets:
        r = _solve_one(params, a, b, s_h2, s_r2, None)
        if dps is None:
            out.append(_finish(params, r.x, s, None, 14, r.residual, r.iterations))
            continue
        dps = check_int("dps", dps, 1)
        lo, hi = _tight_bracket(params, r.x, a, b, s_h2, s_r2)
        with mpmath.workdps(dps + 10):
            ref = _solve_one(params, lo, hi, to_mp(s[0]) ** 2, to_mp(s[2]) ** 2, dps + 10)
        with mpmath.workdps(dps):
            rr = _solve_one(params, lo, hi, to_mp(s[0]) ** 2, to_mp(s[2]) ** 2, dps)
            fp = _finish(params, rr.x, s, dps, trusted_digits(rr.x, ref.x, dps), rr.residual, rr.iterations)
        out.append(fp)
    return out


def _tight_bracket(params, x, a, b, s_h2, s_r2):
    """A bracket of relative width ~1e-9 around the float64 root when the signs allow it."""
    lo, hi = x * (1 - 1e-9), x * (1 + 1e-9)
    F = fixed_point_residual(params, np.array([lo, hi]), s_h2=s_h2, s_r2=s_r2)
    if np.sign(F[0]) * np.sign(F[1]) < 0:
        return lo, hi
    return a, b
