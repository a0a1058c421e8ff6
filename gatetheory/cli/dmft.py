"""Subcommands of the DMFT: ``dmft``, ``dmft-lyapunov``, ``dmft-rmt``."""
from __future__ import annotations

import numpy as np

from ..params import ParameterError
from .errors import fail_unless_done
from .flags import (add_alias, add_output_flags, add_param_flags, add_run_flags, check_multiple, int_at_least,
                    nonneg_float, params_from_args, positive_float, progress_enabled)
from .output import emit, fmt

__all__ = ["register", "add_solver_flags", "check_solver_flags"]


def add_solver_flags(p) -> None:
    """The model parameters and the settings of :func:`gatetheory.dmft.solve_dmft`."""
    add_param_flags(p, {"g_h": 4.0})
    p.add_argument("--n-paths", type=int_at_least(10), default=500, help="sample paths per iteration (default 500)")
    add_run_flags(p, n=None, dt=0.1, seed_help="seed of the sampled paths")
    p.add_argument("--tau-max", type=positive_float, default=50.0, help="largest lag, a multiple of --dt (default 50)")
    p.add_argument("--t-window", type=positive_float, default=200.0,
                   help="estimation window, >= 2 tau_max, a multiple of --dt (default 200)")
    add_alias(p, "--window", "t_window", type=positive_float)
    p.add_argument("--t-burn", type=nonneg_float, default=50.0,
                   help="discarded burn-in before each window, a multiple of --dt (default 50)")
    p.add_argument("--maxiter", type=int_at_least(1), default=40, help="damped iterations at most (default 40)")
    add_output_flags(p)
    p.set_defaults(memory_hint="reduce --n-paths or --t-window")


def check_solver_flags(args) -> None:
    """Refuse, before any work, what solve_dmft would round or reject."""
    params_from_args(args)
    check_multiple("--tau-max", args.tau_max, args.dt, "--dt")
    check_multiple("--t-window", args.t_window, args.dt, "--dt")
    check_multiple("--t-burn", args.t_burn, args.dt, "--dt", minimum=0)
    if args.tau_max > args.t_window / 2:
        raise ParameterError(f"--tau-max = {args.tau_max!r} is out of range; allowed: tau_max <= t_window / 2 = "
                             f"{args.t_window / 2:g} (raise --t-window)")


def _solve(args):
    from ..dmft.solver import solve_dmft

    return solve_dmft(params_from_args(args), dt=args.dt, tau_max=args.tau_max, t_window=args.t_window,
                      t_burn=args.t_burn, n_paths=args.n_paths, maxiter=args.maxiter, seed=args.seed,
                      progress=progress_enabled(args))


def cmd_dmft(args) -> int:
    check_solver_flags(args)
    sol = _solve(args)

    def lines():
        yield (f"DMFT steady state ({'converged' if sol.converged else 'NOT converged'} after {sol.iterations} "
               f"iterations, residual {sol.residual:.3g}, {sol.n_paths} paths)")
        yield f"  C_h(0) = {sol.variance_h:.5f}   relaxation time (1/e) = {fmt(sol.relaxation_time, '.3f')}"
        for t in (0, 1, 2, 5, 10, 20):
            j = int(np.argmin(np.abs(sol.tau - t)))
            yield (f"  tau = {sol.tau[j]:5.1f}  C_h/C_h(0) = {fmt(sol.C_h[j] / sol.C_h[0], '.4f')}  "
                   f"C_phi = {sol.C_phi[j]:.4f}")
    emit(args, sol.to_dict(), lines)
    fail_unless_done(sol)
    return 0


def cmd_dmft_lyapunov(args) -> int:
    from ..dmft.lyapunov import dmft_lambda_max

    check_solver_flags(args)
    sol = _solve(args)
    lam = dmft_lambda_max(sol)
    data = {**lam.to_dict(), "dmft_status": sol.status, "dmft_converged": sol.converged, "params": sol.params}
    emit(args, data, [f"DMFT lambda_max = {fmt(lam.lambda_max)} (discretisation error {fmt(lam.error, '.1e')})"
                      + ("  [approximate: alpha_z > 0]" if lam.approximate else "")])
    fail_unless_done(sol, lam)
    return 0


def cmd_dmft_rmt(args) -> int:
    from ..dmft.moments import solve_moment_equations
    from ..dmft.rmt_bound import rmt_lyapunov

    params = params_from_args(args)
    if params.alpha_z != 0:
        raise ParameterError(f"--alpha-z = {params.alpha_z!r} is out of range for dmft-rmt; allowed: 0 "
                             f"(App. F assumes a constant update gate)")
    if args.sampling:
        check_solver_flags(args)
    else:
        if params.beta_h != 0:
            raise ParameterError(f"--beta-h = {params.beta_h!r} is out of range for the moment equations; "
                                 f"allowed: 0 (or pass --sampling)")
        check_multiple("--tau-max", args.tau_max, args.dt, "--dt")
    sol = _solve(args) if args.sampling else solve_moment_equations(params, d_tau=args.dt, tau_max=args.tau_max)
    r = rmt_lyapunov(sol)
    data = {**r.to_dict(), "dmft_status": sol.status, "dmft_converged": bool(sol.converged),
            "method": "sampling" if args.sampling else "moments"}

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
    p = sub.add_parser("dmft", help="DMFT steady state by iterative sampling")
    add_solver_flags(p)
    p.set_defaults(func=cmd_dmft)
    p = sub.add_parser("dmft-lyapunov", help="DMFT prediction of lambda_max (Eqs. 10-11)")
    add_solver_flags(p)
    p.set_defaults(func=cmd_dmft_lyapunov)
    p = sub.add_parser("dmft-rmt", help="RMT estimate of lambda_max from relaxation times (App. F, alpha_z = 0)")
    add_solver_flags(p)
    p.add_argument("--sampling", action="store_true",
                   help="solve the DMFT by iterative sampling (default: noise-free moment equations)")
    p.set_defaults(func=cmd_dmft_rmt)
