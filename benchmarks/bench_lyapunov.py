"""Lyapunov spectra: gatetheory against the scheme of Engelken, Wolf & Abbott's published demo.

Their scheme (restated from arXiv:2006.02427, not copied): the classical rate network
dh/dt = -h + J tanh(h) with J ~ Normal(0, g^2/N), advanced by Euler steps of dt = 0.1 together
with the tangent map Q <- [(1 - dt) I + dt J diag(1 - tanh^2 h)] Q, and a QR re-orthonormalisation
every time unit. gatetheory runs the same network as the classical limit of the gated model
(alpha = 0, beta_z = beta_r = 30 so that both gates equal 1 - 1e-13; h -> h / g maps one onto the
other), RK4 on the joint flow at a larger step, QR every time unit.

Accuracy is the sum-rule defect |sum of the N h-sector exponents - time average of tr D_hh| / |tr|,
both along each method's own trajectory: the continuous-time identity that any consistent scheme
must approach as dt -> 0. Times are per simulated time unit, same N and k = N (the full h spectrum).

Usage: python benchmarks/bench_lyapunov.py [--n 200 500] [--t 100] [--g 2.0]
"""
from __future__ import annotations

import argparse
import time

import numpy as np

from gatetheory import GateParams
from gatetheory.network import Network, lyapunov_spectrum


def engelken_scheme(J, h0, T, t_transient, dt=0.1, rng=None):
    """Euler steps of dt, QR every time unit; returns exponents, mean continuous trace, wall time."""
    n = J.shape[0]
    rng = np.random.default_rng(0) if rng is None else rng
    h = h0.copy()
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    steps = int(round(1 / dt))
    lsum, trace_sum, n_avg = np.zeros(n), 0.0, 0
    diagJ = np.diagonal(J).copy()
    t0 = time.perf_counter()
    for unit in range(int(t_transient + T)):
        for _ in range(steps):
            th = np.tanh(h)
            dphi = 1 - th * th
            Q = (1 - dt) * Q + dt * (J @ (dphi[:, None] * Q))
            if unit >= t_transient:
                trace_sum += np.sum(diagJ * dphi) - n
            h = (1 - dt) * h + dt * (J @ th)
        Q, R = np.linalg.qr(Q)
        if unit >= t_transient:
            lsum += np.log(np.abs(np.diagonal(R)))
            n_avg += 1
    wall = time.perf_counter() - t0
    return np.sort(lsum / n_avg)[::-1], trace_sum / (n_avg * steps), wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[200, 500])
    ap.add_argument("--t", type=float, default=100.0)
    ap.add_argument("--transient", type=float, default=10.0)
    ap.add_argument("--g", type=float, default=2.0)
    ap.add_argument("--settings", nargs="+", default=["0.5:1", "0.5:2"],
                    help="gatetheory runs as dt:t_ons pairs")
    args = ap.parse_args()
    print(f"classical network g = {args.g}, k = N exponents, T = {args.t} after {args.transient}\n")
    print(f"{'N':>5s} {'method':<26s}{'s/tu':>10s}{'speed-up':>10s}{'sum-rule defect':>17s}{'lambda_max':>12s}")
    for n in args.n:
        p = GateParams(g_h=args.g, beta_z=30.0, beta_r=30.0)
        net = Network(p, n, seed=1)
        h0 = np.random.default_rng(2).standard_normal(n)
        # same couplings: the gated model's Jh with phi = tanh(g h) is the classical one for J = g Jh, x = g h
        ex, tr, wall = engelken_scheme(args.g * np.asarray(net.Jh), args.g * h0, args.t, args.transient)
        ref = wall / (args.t + args.transient)
        print(f"{n:5d} {'Engelken et al. Euler 0.1':<26s}{ref:10.3e}{1.0:10.2f}{abs(ex.sum() - tr) / abs(tr):17.2e}{ex[0]:12.4f}")
        for setting in args.settings:
            dt, t_ons = (float(v) for v in setting.split(":"))
            x0 = np.concatenate([h0, np.zeros(2 * n)])
            t0 = time.perf_counter()
            spec = lyapunov_spectrum(net, args.t, dt=dt, t_ons=t_ons, t_transient=args.transient, x0=x0, seed=0)
            wall = time.perf_counter() - t0
            per = wall / (args.t + args.transient)
            defect = abs(spec.exponents.sum() - spec.trace_mean) / abs(spec.trace_mean + 2 * n)  # h sector only
            print(f"{n:5d} {f'gatetheory RK4 {dt:g}, QR {t_ons:g}':<26s}{per:10.3e}{ref / per:10.2f}{defect:17.2e}{spec.lambda_max:12.4f}")


if __name__ == "__main__":
    main()
