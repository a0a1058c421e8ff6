"""CLI subcommands ``dmft``, ``dmft-lyapunov`` and ``dmft-rmt``."""
from __future__ import annotations

import json
import sys

import numpy as np


def _add_solver_flags(p):
    from ..cli import add_param_flags

    add_param_flags(p, {"g_h": 4.0})
    p.add_argument("--n-paths", type=int, default=500, help="sample paths per iteration (default 500)")
    p.add_argument("--dt", type=float, default=0.1, help="time step (default 0.1)")
    p.add_argument("--tau-max", type=float, default=50.0, help="largest lag (default 50)")
    p.add_argument("--window", type=float, default=200.0, help="estimation window (default 200)")
    p.add_argument("--maxiter", type=int, default=40, help="damped iterations at most (default 40)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true")


def _solve(args):
    from ..cli import params_from_args
    from .solver import solve_dmft

    return solve_dmft(params_from_args(args), dt=args.dt, tau_max=args.tau_max, t_window=args.window,
                      n_paths=args.n_paths, maxiter=args.maxiter, seed=args.seed, progress=sys.stderr.isatty())


def cmd_dmft(args) -> int:
    sol = _solve(args)
    out = {"variance_h": sol.variance_h, "relaxation_time": sol.relaxation_time, "converged": sol.converged,
           "iterations": sol.iterations, "residual": sol.residual, "n_paths": sol.n_paths,
           "params": sol.params.as_dict(), "tau": sol.tau.tolist()}
    for name in ("C_h", "C_z", "C_r", "C_phi", "C_sigma_r", "C_sigma_z"):
        out[name] = getattr(sol, name).tolist()
    if args.json:
        print(json.dumps(out))
    else:
        print(f"DMFT steady state ({'converged' if sol.converged else 'NOT converged'} after {sol.iterations} "
              f"iterations, residual {sol.residual:.3g}, {sol.n_paths} paths)")
        print(f"  C_h(0) = {sol.variance_h:.5f}   relaxation time (1/e) = {sol.relaxation_time:.3f}")
        for t in (0, 1, 2, 5, 10, 20):
            j = int(np.argmin(np.abs(sol.tau - t)))
            print(f"  tau = {sol.tau[j]:5.1f}  C_h/C_h(0) = {sol.C_h[j] / sol.C_h[0]:.4f}  C_phi = {sol.C_phi[j]:.4f}")
    return 0


def cmd_dmft_lyapunov(args) -> int:
    from .lyapunov import dmft_lambda_max

    sol = _solve(args)
    lam = dmft_lambda_max(sol)
    out = {"lambda_max": lam.lambda_max, "error": lam.error, "approximate": lam.approximate,
           "dmft_converged": sol.converged, "params": sol.params.as_dict()}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"DMFT lambda_max = {lam.lambda_max:.5f} (discretisation error {lam.error:.1e})"
              + ("  [approximate: alpha_z > 0]" if lam.approximate else ""))
    return 0


def cmd_dmft_rmt(args) -> int:
    from ..cli import params_from_args
    from .moments import solve_moment_equations
    from .rmt_bound import rmt_lyapunov

    params = params_from_args(args)
    sol = _solve(args) if args.sampling else solve_moment_equations(params, d_tau=args.dt, tau_max=args.tau_max)
    r = rmt_lyapunov(sol)
    out = {"lambda_inf": r.lambda_inf, "variational_bound": r.variational_bound, "error": r.error,
           "relaxation_coefficient": r.relaxation_coefficient, "tau_A": r.tau_A, "tau_Q": r.tau_Q, "tau_P": r.tau_P,
           "plateaus": r.plateaus, "commuting": r.commuting, "dmft_converged": bool(sol.converged),
           "method": "sampling" if args.sampling else "moments", "t": r.t.tolist(), "lambda_t": r.lambda_t.tolist(),
           "params": params.as_dict()}
    if args.json:
        print(json.dumps(out))
    else:
        vb = "n/a (alpha_r != 0)" if r.variational_bound is None else f"{r.variational_bound:.5f}"
        print(f"RMT (App. F, reconstructed) lambda_inf = {r.lambda_inf:.5f}   variational bound = {vb}   "
              f"(error {r.error:.1e})")
        print(f"  relaxation times tau_A = {r.tau_A:.3f}  tau_Q = {r.tau_Q:.3f}  tau_P = {r.tau_P:.3f}")
        for t in (1, 10, 100, 1000):
            j = int(np.argmin(np.abs(r.t - t)))
            print(f"  t = {r.t[j]:7.1f}  lambda(t) = {r.lambda_t[j]:.5f}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("dmft", help="DMFT steady state by iterative sampling")
    _add_solver_flags(p)
    p.set_defaults(func=cmd_dmft)
    p = sub.add_parser("dmft-lyapunov", help="DMFT prediction of lambda_max (Eqs. 10-11)")
    _add_solver_flags(p)
    p.set_defaults(func=cmd_dmft_lyapunov)
    p = sub.add_parser("dmft-rmt", help="RMT estimate of lambda_max from relaxation times (App. F, alpha_z = 0)")
    _add_solver_flags(p)
    p.add_argument("--sampling", action="store_true",
                   help="solve the DMFT by iterative sampling (default: noise-free moment equations)")
    p.set_defaults(func=cmd_dmft_rmt)
