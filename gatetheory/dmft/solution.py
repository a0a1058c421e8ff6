"""The one result type of the DMFT steady state, whichever method solved it."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..params import GateParams
from ..results import Result

__all__ = ["DMFTSolution", "METHODS", "implausibility"]

METHODS = ("moments", "sampling")


@dataclass(frozen=True)
class DMFTSolution(Result):
    """Steady-state correlation functions of the DMFT, on ``tau = 0, dt, ..., tau_max`` (units of tau_h).

    Attributes
    ----------
    tau : ndarray, shape (m,)
    C_h, C_z, C_r : ndarray, shape (m,)
        Correlations ``<x(t) x(t + tau)>`` of the single-site variables.
    C_phi, C_sigma_r, C_sigma_z : ndarray, shape (m,)
        Correlations of ``phi(h)``, ``sigma_r(r)``, ``sigma_z(z)``.
    C_dphi, C_dsigma_r : ndarray, shape (m,)
        Correlations of the derivatives ``phi'(h)`` and ``sigma_r'(r)`` (for the Lyapunov exponent).
    method : str
        ``"moments"`` (noise-free moment equations, exact for Gaussian h, i.e. alpha_z = 0) or
        ``"sampling"`` (iterative sampling of the single-site process, no Gaussian assumption).
    params : GateParams
    iterations : int
        Iterations of the self-consistency loop (sampling: summed over replicas).
    residual : float
        Moments: ``max |C_new - C_old| / C_h(0)`` of the last update. Sampling: the largest over the
        replicas of ``max |C_new - C_old| / C_phi(0)`` (sampling noise sets its floor).
    converged : bool
    C_h_error : ndarray, shape (m,), or None
        Sampling: standard error of ``C_h`` from the spread of independent replicas, as the half-width of
        the 68 % Student-t interval (so ``2 x`` error covers about 90 % with 4 replicas). None for the
        moment route, which has no sampling noise (its residual and grid set its accuracy).
    n_replicas : int
        Independent replicas averaged (1 for the moment route).
    replicas : tuple of DMFTSolution
        The replicas themselves (sampling), so that any function of a solution gets its error bar from
        their spread (:func:`gatetheory.dmft.lyapunov.dmft_lambda_max` does). Not serialised.
    C_inv_sigma_z : ndarray, shape (m,), or None
        Moments: the separation closure's correlation of ``1 / sigma_z``.
    n_paths : int
        Sampling: paths per replica per iteration.
    h_samples : ndarray, shape (n_paths,), or None
        Sampling: one-time samples of h at the end of the last window (non-Gaussian for alpha_z > 0).
    history, history_tau : list of float
        Sampling: residual and integrated correlation time ``sum_tau C_phi dt / C_phi(0)`` (connected) per
        iteration of the first replica; a drift shows an iteration still creeping.
    tail_fraction : float or None
        Sampling: connected ``C_phi`` at the end of the field lag range as a fraction of its value at 0 (the
        sampler treats it as static beyond; it should be < 0.1, else raise ``t_window``).
    clipped : float
        Sampling: largest fraction of spectral weight the circulant-embedding sampler clipped.
    options : dict
        The solver's settings (``dt``, ``tau_max``, ...), so that the solution can be re-solved, e.g. at
        half the step to estimate its discretisation error.
    """

    tau: np.ndarray
    C_h: np.ndarray
    C_z: np.ndarray
    C_r: np.ndarray
    C_phi: np.ndarray
    C_sigma_r: np.ndarray
    C_sigma_z: np.ndarray
    C_dphi: np.ndarray
    C_dsigma_r: np.ndarray
    method: str = "sampling"
    params: GateParams = None
    iterations: int = 0
    residual: float = np.inf
    converged: bool = False
    C_h_error: np.ndarray | None = None
    n_replicas: int = 1
    replicas: tuple = field(default=(), repr=False, metadata={"serialize": False})
    C_inv_sigma_z: np.ndarray | None = None
    n_paths: int = 0
    h_samples: np.ndarray | None = field(default=None, repr=False, metadata={"serialize": False})
    history: list = field(default_factory=list, repr=False)
    history_tau: list = field(default_factory=list, repr=False)
    tail_fraction: float | None = None
    clipped: float = 0.0
    options: dict = field(default_factory=dict)

    derived = ("variance_h", "relaxation_time")

    def __post_init__(self):
        super().__post_init__()
        if self.method not in METHODS:
            raise ValueError(f"method = {self.method!r} is not a DMFT method; allowed: {', '.join(METHODS)}")

    @property
    def variance_h(self) -> float:
        """``C_h(0)``: the variance of h (its mean is zero: the recurrent field has zero mean)."""
        return float(self.C_h[0])

    @property
    def relaxation_time(self) -> float:
        """Time at which the connected ``C_h`` first falls to 1/e of its value at 0 (inf if it never does)."""
        c = self.C_h - self.C_h[-1]
        below = np.nonzero(c < c[0] / np.e)[0]
        return float(self.tau[below[0]]) if below.size else float("inf")

    @property
    def chaotic(self) -> bool:
        """Whether the solution is nonzero (time-dependent), not the trivial fixed point."""
        return bool(self.C_h[0] > 1e-8)


def implausibility(arrays: dict, input_var_h: float = 0.0) -> str:
    """Why a computed state cannot be a DMFT solution, or "" when it can.

    Every correlation must be finite, and ``0 <= C_h(0) <= 1 + s_h^2``: h is a running average of its drive
    (``dh/dt = sigma_z (eta_h - h)`` with positive weights summing to 1), so its variance is at most
    ``<eta_h^2> = C_phi(0) C_sigma_r(0) + s_h^2 <= 1 + s_h^2`` (a 10 % margin allows for sampling noise).
    A solver that ends outside this reports status "failed", never ``converged = True``.
    """
    bad = [k for k, v in arrays.items() if not np.all(np.isfinite(v))]
    if bad:
        return f"{', '.join(bad)} not finite"
    c0 = float(arrays["C_h"][0])
    if not -1e-12 <= c0 <= 1.1 * (1.0 + input_var_h):
        return f"C_h(0) = {c0:.3g} outside its bound [0, 1 + s_h^2 = {1 + input_var_h:g}]"
    return ""
