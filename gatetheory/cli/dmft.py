"""Subcommands of the DMFT: ``dmft``, ``dmft-lyapunov``, ``dmft-rmt``."""
from __future__ import annotations

import argparse
import inspect

import numpy as np

from ..dmft.moments import solve_moment_equations
from ..dmft.sampling import solve_by_sampling
from ..params import ParameterError
from .errors import fail_unless_done
from .flags import (add_alias, add_output_flags, add_param_flags, add_run_flags, check_multiple, int_at_least,
                    nonneg_float, params_from_args, positive_float, progress_enabled)
from .output import emit, fmt

__all__ = ["register", "add_solver_flags", "check_solver_flags"]


def _defaults(solver, names) -> dict:
    """The solver's own defaults for these options (one home: the function's signature)."""
    sig = inspect.signature(solver)
    return {n: sig.parameters[n].default for n in names}


SAMPLING_DEFAULTS = _defaults(solve_by_sampling, ("n_paths", "n_replicas", "t_window", "t_burn", "maxiter"))
MOMENTS_DEFAULTS = _defaults(solve_moment_equations, ("maxiter",))


def add_solver_flags(p) -> None:
    """The model parameters and the settings of :func:`gatetheory.dmft.solve_dmft`.

    The sampling settings default to None here and are filled in by :func:`check_solver_flags` once the
    method is known, so that a sampling flag given to the moment route is refused, not ignored.
    """
    add_param_flags(p, {"g_h": 4.0})
    p.add_argument("--method", choices=("auto", "moments", "sampling"), default="auto",
                   help="moments: noise-free moment equations, exact at alpha_z = 0; sampling: iterative sampling "
                        "with replica error bars; auto (default): moments where exact, else sampling")
    p.add_argument("--n-replicas", type=int_at_least(1), default=None,
                   help="sampling: independent replicas, whose spread is the error bar (default 8)")
    p.add_argument("--n-paths", type=int_at_least(10), default=None,
                   help="sampling: paths per replica and iteration (default 500)")
    add_run_flags(p, n=None, dt=0.1, seed_help="seed of the sampled paths")
    p.add_argument("--tau-max", type=positive_float, default=50.0, help="largest lag, a multiple of --dt (default 50)")
    p.add_argument("--t-window", type=positive_float, default=None,
                   help="sampling: estimation window, >= 2 tau_max, a multiple of --dt (default 200)")
    add_alias(p, "--window", "t_window", type=positive_float)
    p.add_argument("--t-burn", type=nonneg_float, default=None,
                   help="sampling: discarded burn-in before each window, a multiple of --dt (default 50)")
    p.add_argument("--maxiter", type=int_at_least(1), default=None,
                   help="iterations at most (default 40 per replica for sampling, 2000 for moments)")
    add_output_flags(p)
    p.set_defaults(memory_hint="reduce --n-paths or --t-window")


def check_solver_flags(args) -> str:
    """Resolve the method and refuse, before any work, what solve_dmft would round, reject or not use.

    Fills in the chosen method's defaults on ``args`` and returns the method.
    """
    from ..dmft.solver import resolve_method

    method = resolve_method(params_from_args(args), args.method)
    check_multiple("--tau-max", args.tau_max, args.dt, "--dt")
    if method == "moments":
        given = [k for k in SAMPLING_DEFAULTS if k not in MOMENTS_DEFAULTS and getattr(args, k) is not None]
        if given:
            flags = ", ".join("--" + k.replace("_", "-") for k in given)
            raise ParameterError(f"{flags} = {', '.join(repr(getattr(args, k)) for k in given)} does not apply to "
                                 f"the moment route (--method {args.method} runs moments here: h is Gaussian at "
                                 f"alpha_z = 0); allowed: drop it, or pass --method sampling")
        defaults = MOMENTS_DEFAULTS
    else:
        defaults = SAMPLING_DEFAULTS
    for k, v in defaults.items():
        if getattr(args, k) is None:
            setattr(args, k, v)
    if method == "sampling":
        check_multiple("--t-window", args.t_window, args.dt, "--dt")
        check_multiple("--t-burn", args.t_burn, args.dt, "--dt", minimum=0)
        if args.tau_max > args.t_window / 2:
            raise ParameterError(f"--tau-max = {args.tau_max!r} is out of range; allowed: tau_max <= t_window / 2 = "
                                 f"{args.t_window / 2:g} (raise --t-window)")
    return method


def _solve(args):
    """solve_dmft with the settings of the method that runs (check_solver_flags has resolved it)."""
    from ..dmft.solver import solve_dmft

    method = check_solver_flags(args)
    extra = ({k: getattr(args, k) for k in SAMPLING_DEFAULTS} if method == "sampling" else
             {"maxiter": args.maxiter})
    return solve_dmft(params_from_args(args), method=method, dt=args.dt, tau_max=args.tau_max, seed=args.seed,
                      progress=progress_enabled(args), **extra)


def cmd_dmft(args) -> int:
    sol = _solve(args)

    def lines():
        how = (f"{sol.n_replicas} replicas x {sol.n_paths} paths" if sol.method == "sampling" else "noise-free")
        yield (f"DMFT steady state, method {sol.method} ({how}; {'converged' if sol.converged else 'NOT converged'} "
               f"after {sol.iterations} iterations, residual {sol.residual:.3g})")
        err = sol.C_h_error
        pm = (lambda j: f" +- {fmt(err[j], '.1e')}") if err is not None else (lambda j: "")
        yield (f"  C_h(0) = {sol.variance_h:.5f}{pm(0)}   relaxation time (1/e) = "
               f"{fmt(sol.relaxation_time, '.3f')}")
        for t in (0, 1, 2, 5, 10, 20):
            j = int(np.argmin(np.abs(sol.tau - t)))
            yield (f"  tau = {sol.tau[j]:5.1f}  C_h = {sol.C_h[j]:.5f}{pm(j)}  C_h/C_h(0) = "
                   f"{fmt(sol.C_h[j] / sol.C_h[0], '.4f')}  C_phi = {sol.C_phi[j]:.4f}")
    emit(args, sol.to_dict(), lines)
    fail_unless_done(sol)
    return 0


def cmd_dmft_lyapunov(args) -> int:
    from ..dmft.lyapunov import dmft_lambda_max

    sol = _solve(args)
    lam = dmft_lambda_max(sol)
    data = {**lam.to_dict(), "dmft_status": sol.status, "dmft_converged": sol.converged, "params": sol.params}
    emit(args, data, [f"DMFT lambda_max = {fmt(lam.lambda_max)} +- {fmt(lam.error, '.1e')} (method {sol.method}; "
                      f"discretisation {fmt(lam.error_discretisation, '.1e')}, solution "
                      f"{fmt(lam.error_solution, '.1e')})" + ("  [approximate: alpha_z > 0]" if lam.approximate else "")])
    fail_unless_done(sol, lam)
    return 0


def cmd_dmft_rmt(args) -> int:
    from ..dmft.rmt_bound import rmt_lyapunov

    params = params_from_args(args)
    if params.alpha_z != 0:
        raise ParameterError(f"--alpha-z = {params.alpha_z!r} is out of range for dmft-rmt; allowed: 0 "
                             f"(App. F assumes a constant update gate)")
    sol = _solve(args)
    r = rmt_lyapunov(sol)
    data = {**r.to_dict(), "dmft_status": sol.status, "dmft_converged": bool(sol.converged), "method": sol.method}

    def lines():
        vb = "n/a (alpha_r != 0)" if r.variational_bound is None else fmt(r.variational_bound)
        yield (f"RMT (App. F, reconstructed) lambda_inf = {fmt(r.lambda_inf)}   variational bound = {vb}   "
               f"(error {fmt(r.error, '.1e')})")
        yield f"  relaxation times tau_A = {fmt(r.tau_A, '.3f')}  tau_Q = {fmt(r.tau_Q, '.3f')}  tau_P = {fmt(r.tau_P, '.3f')}"
        for t in (1, 10, 100, 1000):
            j = int(np.argmin(np.abs(r.t - t)))
            yield f"  t = {r.t[j]:7.1f}  lambda(t) = {fmt(r.lambda_t[j])}"
        if data["message"]:
            yield f"  note: {data['message']}"
    emit(args, data, lines)
    fail_unless_done(sol, r)
    return 0


def register(sub) -> None:
    p = sub.add_parser("dmft", help="DMFT steady state (moment equations or iterative sampling)")
    add_solver_flags(p)
    p.set_defaults(func=cmd_dmft)
    p = sub.add_parser("dmft-lyapunov", help="DMFT prediction of lambda_max (Eqs. 10-11)")
    add_solver_flags(p)
    p.set_defaults(func=cmd_dmft_lyapunov)
    p = sub.add_parser("dmft-rmt", help="RMT estimate of lambda_max from relaxation times (App. F, alpha_z = 0)")
    add_solver_flags(p)
    p.add_argument("--sampling", dest="method", action="store_const", const="sampling", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_dmft_rmt)
