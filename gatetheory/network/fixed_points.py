"""Fixed points of a network realisation by damped Newton iteration.

At a fixed point z = Jz phi + Iz and r = Jr phi + Ir, and (sigma_z > 0) the
h bracket vanishes, so the search runs in h alone (N unknowns instead of 3N)::

    G(h) = -h + Jh (sigma_r(Jr phi(h) + Ir) * phi(h)) + Ih = 0

with the exact N x N Jacobian ``-1 + Jh diag(sr phi') + Jh diag(sr' phi) Jr diag(phi')``.
Only static inputs are allowed (a time-dependent input has no fixed point).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..params import ParameterError, check_int, check_positive
from ..results import Result
from .model import Network, dgate, dphi, gate, phi

__all__ = ["FixedPoint", "find_fixed_point"]


@dataclass(frozen=True)
class FixedPoint(Result):
    """A fixed point and its diagnostics.

    Attributes
    ----------
    x : ndarray, shape (3N,)
        The state ``[h, z, r]``.
    residual : float
        ``max |dx/dt|`` at x (units of 1/tau_h).
    iterations : int
        Newton iterations used.
    converged : bool
        Whether ``max|G| <= tol``.
    status, message : str
        ``"ok"`` when converged, else ``"not-converged"`` with the reason and what to change.
    """

    x: np.ndarray
    residual: float
    iterations: int
    converged: bool


def _static_inputs(net: Network):
    if net.time_dependent:
        raise ParameterError("inputs are time-dependent; fixed points need static inputs (None or arrays)")
    return [np.zeros(net.n) if I is None else np.asarray(I, dtype=np.float64) for I in (net.Ih, net.Iz, net.Ir)]


def _full_state(net: Network, h: np.ndarray) -> np.ndarray:
    p = net.params
    Ih, Iz, Ir = _static_inputs(net)
    ph = phi(h, p.g_h, p.beta_h)
    return np.concatenate([h, net.Jz @ ph + Iz, net.Jr @ ph + Ir])


def find_fixed_point(net: Network, x0: np.ndarray, *, tol: float = 1e-12, maxiter: int = 100) -> FixedPoint:
    """Newton's method with a backtracking line search on ``|G|`` from ``x0`` (shape (3N,)).

    Start from the end of a simulation to find the fixed point the dynamics
    approaches; any start may converge to an unstable one. Raises nothing on
    non-convergence: inspect ``converged`` and ``message``.
    """
    tol = check_positive("tol", tol)
    maxiter = check_int("maxiter", maxiter, 1)
    x0 = net.state("x0", x0)
    p = net.params
    Ih, Iz, Ir = _static_inputs(net)
    Jh, Jr = (np.asarray(M, dtype=np.float64) for M in (net.Jh, net.Jr))

    def G(h):
        ph = phi(h, p.g_h, p.beta_h)
        r = Jr @ ph + Ir
        return -h + Jh @ (gate(r, p.alpha_r, p.beta_r) * ph) + Ih

    h = x0[: net.n].copy()
    g = G(h)
    norm = np.linalg.norm(g)
    it = 0
    message = "converged"
    while np.max(np.abs(g)) > tol:
        if it >= maxiter:
            message = f"no convergence in maxiter = {maxiter} iterations (max|G| = {np.max(np.abs(g)):.3e}); raise maxiter or start closer"
            break
        it += 1
        ph, dph = phi(h, p.g_h, p.beta_h), dphi(h, p.g_h, p.beta_h)
        r = Jr @ ph + Ir
        sr, dsr = gate(r, p.alpha_r, p.beta_r), dgate(r, p.alpha_r, p.beta_r)
        A = Jh * (sr * dph)[None, :] + (Jh * (dsr * ph)[None, :]) @ (Jr * dph[None, :])
        A[np.diag_indices(net.n)] -= 1.0
        try:
            step = np.linalg.solve(A, -g)
        except np.linalg.LinAlgError:
            message = "singular Newton matrix (a bifurcation point?); perturb the start"
            break
        lam = 1.0
        while lam > 1e-8:  # backtracking: accept the first step that reduces |G|
            g_new = G(h + lam * step)
            if np.linalg.norm(g_new) < (1 - 1e-4 * lam) * norm:
                break
            lam *= 0.5
        else:
            message = f"line search failed at max|G| = {np.max(np.abs(g)):.3e}; start from a later simulated state"
            break
        h = h + lam * step
        g, norm = g_new, np.linalg.norm(g_new)
    x = _full_state(net, h)
    residual = float(np.max(np.abs(net.rhs(0.0, x.astype(net.dtype)))))
    converged = bool(np.max(np.abs(g)) <= tol)
    if not converged and message == "converged":  # the loop never ran: G was not finite at the start
        message = f"max|G| = {np.max(np.abs(g))} at the start is not below tol; start from a finite state"
    return FixedPoint(x=x, residual=residual, iterations=it, converged=converged,
                      status="ok" if converged else "not-converged", message="converged" if converged else message)
