"""Simulator throughput against the naive script and the machine's limits, in one run.

For N in (500, 1000, 2000), per trajectory and per simulated time unit, at matched accuracy:

(a) naive: scipy solve_ivp RK45, rtol 1e-6, a Python right-hand side with three separate products;
(b) gatetheory fixed-step rk4 and rk8, single trajectory and batches of 16 and 64, float64 and
    float32, each at the largest dt in a ladder whose global error (against DOP853 at rtol 1e-12,
    over T time units) does not exceed that of (a); the method with fewer rhs per time unit is used;
(c) the machine bound for one right-hand side: bytes of the couplings / measured memory bandwidth
    (single trajectory) and 2 * 3N * N * B flops / measured GEMM peak (batch).

Usage: python benchmarks/bench_simulator.py [--n 500 1000 2000] [--t 6] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import time

import numpy as np
from scipy.integrate import solve_ivp
from scipy.special import expit

from gatetheory import GateParams
from gatetheory.network import Network, simulate

PARAMS = GateParams(g_h=3.0, alpha_z=2.0, alpha_r=2.0)  # chaotic regime, gates active
DT_LADDER = (1.0, 0.75, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.075, 0.05)
STAGES = {"rk4": 4, "rk8": 12}


def best_of(f, repeat=3):
    best = np.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return best


def naive_run(net: Network, x0, T, rtol=1e-6):
    """What a user writes: three products in a Python rhs, RK45 at rtol 1e-6."""
    n, p = net.n, net.params
    Jh, Jz, Jr = (np.array(M) for M in (net.Jh, net.Jz, net.Jr))

    def rhs(t, x):
        h, z, r = x[:n], x[n:2 * n], x[2 * n:]
        ph = np.tanh(p.g_h * h)
        sz = 1 / (1 + np.exp(-(p.alpha_z * z + p.beta_z)))
        sr = 1 / (1 + np.exp(-(p.alpha_r * r + p.beta_r)))
        return np.concatenate([sz * (-h + Jh @ (sr * ph)), (-z + Jz @ ph) / p.tau_z, (-r + Jr @ ph) / p.tau_r])

    sol = solve_ivp(rhs, (0, T), x0, method="RK45", rtol=rtol, t_eval=[T])
    return sol.y[:, -1], sol.nfev


def memory_bandwidth():
    """Read bandwidth in bytes/s: best of a streaming sum over 512 MB (numpy, one thread) and a gemv
    over a matrix bigger than cache (BLAS, all cores)."""
    a = np.ones(64 * 2 ** 20)
    t_sum = best_of(lambda: a.sum(), 3)
    M = np.ones((8000, 8000))
    v = np.ones(8000)
    t_gemv = best_of(lambda: M @ v, 3)
    return max(a.nbytes / t_sum, M.nbytes / t_gemv)


def gemm_peak(dtype):
    n = 2500
    A = np.ones((n, n), dtype=dtype)
    t = best_of(lambda: A @ A, 3)
    return 2 * n ** 3 / t


def rhs_time(net, B):
    x = net.initial_state(0) if B == 1 else net.initial_state(0, batch=B)
    return best_of(lambda: net.rhs(0.0, x), 5)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[500, 1000, 2000])
    ap.add_argument("--t", type=float, default=6.0, help="simulated time per measurement (a multiple of every dt in the ladder)")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()

    bw = memory_bandwidth()
    peak = {np.float64: gemm_peak(np.float64), np.float32: gemm_peak(np.float32)}
    print(f"machine: read bandwidth {bw / 1e9:.1f} GB/s, GEMM peak {peak[np.float64] / 1e9:.1f} GFLOP/s (f64), "
          f"{peak[np.float32] / 1e9:.1f} GFLOP/s (f32)\n")
    rows, T = [], args.t
    for n in args.n:
        net = Network(PARAMS, n, seed=1)
        x0 = net.initial_state(2)
        ref = simulate(net, x0, T, method="DOP853", rtol=1e-12, atol=1e-12, record_every=T).final
        t_naive = best_of(lambda: naive_run(net, x0, T), 2)
        x_naive, nfev = naive_run(net, x0, T)
        err_naive = np.abs(x_naive - ref).max()
        per_tu_naive = t_naive / T
        # per method, the largest dt in the ladder at least as accurate as the naive run
        choice = {}
        for m in STAGES:
            for dt in DT_LADDER:
                err = np.abs(simulate(net, x0, T, dt=dt, method=m, record_every=T).final - ref).max()
                if err <= err_naive:
                    choice[m] = (STAGES[m] / dt, dt, err)
                    break
        line = ", ".join(f"{m} dt = {dt} ({r:.0f} rhs/tu, error {e:.2e})" for m, (r, dt, e) in choice.items())
        method = min(choice, key=lambda m: choice[m][0])
        _, dt_match, err_ours = choice[method]
        print(f"N = {n}: naive RK45 {nfev / T:.1f} rhs/time unit, error {err_naive:.2e}; {line}; using {method}")
        print(f"  {'variant':<22s}{'s/(traj*tu)':>14s}{'vs naive':>10s}{'rhs s/traj':>14s}{'bound s/traj':>14s}{'rhs/bound':>11s}")
        print(f"  {'(a) naive RK45':<22s}{per_tu_naive:14.3e}{1.0:10.2f}")
        for dtype in (np.float64, np.float32):
            netd = Network(PARAMS, n, seed=1, dtype=dtype)
            jbytes = netd.J.nbytes
            for B in (1, 16, 64):
                xb = (x0 if B == 1 else np.tile(x0, (B, 1))).astype(dtype)
                t_run = best_of(lambda: simulate(netd, xb, T, dt=dt_match, method=method, record_every=T), 2)
                per = t_run / (T * B)
                t_rhs = rhs_time(netd, B) / B
                bound = (jbytes / bw) if B == 1 else 2 * 3 * n * n * B / peak[dtype] / B
                name = f"(b) {np.dtype(dtype).name} B={B}"
                print(f"  {name:<22s}{per:14.3e}{per_tu_naive / per:10.2f}{t_rhs:14.3e}{bound:14.3e}{t_rhs / bound:11.2f}")
                rows.append({"n": n, "variant": name, "s_per_traj_tu": per, "speedup_vs_naive": per_tu_naive / per,
                             "rhs_s_per_traj": t_rhs, "bound_s_per_traj": bound, "dt": dt_match, "method": method,
                             "err_naive": err_naive, "err_ours": err_ours})
        print()
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"bandwidth": bw, "gemm_peak_f64": peak[np.float64], "gemm_peak_f32": peak[np.float32],
                       "rows": rows}, fh, indent=1)


if __name__ == "__main__":
    main()
