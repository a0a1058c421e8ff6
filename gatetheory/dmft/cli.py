"""CLI subcommands ``dmft`` and ``dmft-lyapunov``."""
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


def register(sub) -> None:
    p = sub.add_parser("dmft", help="DMFT steady state by iterative sampling")
    _add_solver_flags(p)
    p.set_defaults(func=cmd_dmft)
    p = sub.add_parser("dmft-lyapunov", help="DMFT prediction of lambda_max (Eqs. 10-11)")
    _add_solver_flags(p)
    p.set_defaults(func=cmd_dmft_lyapunov)
