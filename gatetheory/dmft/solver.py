"""``solve_dmft``: the one entry point of the DMFT steady state, choosing the method that is exact where it can."""
from __future__ import annotations

import inspect

from ..params import GateParams, ParameterError
from .moments import solve_moment_equations
from .sampling import solve_by_sampling
from .solution import DMFTSolution, METHODS

__all__ = ["solve_dmft", "resolve_method", "method_options"]

_SOLVERS = {"moments": solve_moment_equations, "sampling": solve_by_sampling}
_COMMON = ("dt", "tau_max", "input_std_h", "input_std_z", "input_std_r")


def method_options(method: str) -> tuple[str, ...]:
    """Names of the options that ``method`` (``"moments"`` or ``"sampling"``) accepts beyond the common ones."""
    sig = inspect.signature(_SOLVERS[method])
    return tuple(n for n in sig.parameters if n not in ("params", *_COMMON, "seed", "progress"))


def resolve_method(params: GateParams, method: str = "auto") -> str:
    """The method ``solve_dmft`` runs: ``"auto"`` takes the noise-free moment equations wherever they are
    exact, i.e. where h is Gaussian (alpha_z = 0, any alpha_r, biases, tau_r and static inputs), and
    sampling only where it must (alpha_z != 0)."""
    if method == "auto":
        return "moments" if params.alpha_z == 0 else "sampling"
    if method not in METHODS:
        raise ParameterError(f"method = {method!r} is out of range; allowed: 'auto', "
                             f"{', '.join(map(repr, METHODS))}")
    return method


def solve_dmft(params: GateParams, *, method: str = "auto", dt: float = 0.1, tau_max: float = 50.0,
               input_std_h: float = 0.0, input_std_z: float = 0.0, input_std_r: float = 0.0, seed=0,
               progress: bool = False, **options) -> DMFTSolution:
    """The DMFT steady state (App. C) by the method that is exact where it can be.

    Parameters
    ----------
    params : GateParams
    method : {"auto", "moments", "sampling"}
        ``"moments"``: the noise-free moment equations C22-C24
        (:func:`gatetheory.dmft.moments.solve_moment_equations`), exact for Gaussian h (alpha_z = 0); at
        alpha_z > 0 they rest on the Gaussian and separation closures (an approximation). ``"sampling"``:
        iterative sampling of the single-site process (:func:`gatetheory.dmft.sampling.solve_by_sampling`),
        no closure, with an error bar from independent replicas. ``"auto"`` (default): moments where exact,
        sampling elsewhere (:func:`resolve_method`). ``DMFTSolution.method`` says which ran.
    dt, tau_max : float
        Lag spacing and largest lag (units of tau_h), for both methods.
    input_std_h, input_std_z, input_std_r : float
        Standard deviations of static Gaussian inputs.
    seed : int, sequence of int, or Generator
        Random stream of the sampling method (unused by the moment route).
    progress : bool
        Progress bar of the sampling iterations.
    **options
        Options of the chosen method (:func:`method_options`): sampling ``n_paths``, ``n_replicas``,
        ``t_window``, ``t_burn``, ``tol``, ``maxiter``, ... ; moments ``damping``, ``tol``, ``maxiter``,
        ``C_h0``. An option the chosen method does not take raises ParameterError (no option is ignored).
    """
    chosen = resolve_method(params, method)
    allowed = method_options(chosen)
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        why = " (auto chose it: h is Gaussian at alpha_z = 0; pass method='sampling' to sample)" \
            if method == "auto" and chosen == "moments" else ""
        raise ParameterError(f"{', '.join(unknown)} = {', '.join(repr(options[k]) for k in unknown)} does not apply "
                             f"to method {chosen!r}{why}; allowed: {', '.join(allowed)}")
    common = dict(dt=dt, tau_max=tau_max, input_std_h=input_std_h, input_std_z=input_std_z, input_std_r=input_std_r)
    if chosen == "moments":
        return solve_moment_equations(params, **common, **options)
    return solve_by_sampling(params, **common, seed=seed, progress=progress, **options)
