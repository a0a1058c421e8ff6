"""Sampling DMFT against the exact moment route at 8 alpha_z = 0 points, default settings: deviation, reported
error and time (docs/dmft.md, "Sampling without bias"). Run: python benchmarks/dmft_sampling_acceptance.py"""
import numpy as np, time, json, warnings
from gatetheory.params import GateParams
from gatetheory.dmft import solve_dmft
from gatetheory.dmft.lyapunov import dmft_lambda_max
points = [dict(g_h=3.0), dict(g_h=4.0), dict(g_h=6.0), dict(g_h=8.0), dict(g_h=4.0, alpha_r=2.0),
          dict(g_h=5.0, alpha_r=5.0, tau_r=2.0), dict(g_h=3.5, beta_z=1.0), dict(g_h=4.0, beta_h=0.3)]
rows = []
for i, kw in enumerate(points):
    p = GateParams(**kw)
    t = time.time(); m = solve_dmft(p); lm = dmft_lambda_max(m); tm = time.time() - t
    t = time.time(); s = solve_dmft(p, method="sampling", seed=100 + i); ls = dmft_lambda_max(s); ts = time.time() - t
    j = min(np.nonzero(m.C_h - m.C_h[-1] < 0.5 * (m.C_h[0] - m.C_h[-1]))[0][0], len(m.tau) - 1)
    err = float(np.hypot(lm.error, ls.error))
    row = dict(point=kw, lam_moments=lm.lambda_max, lam_moments_err=lm.error, lam_sampling=ls.lambda_max,
               lam_sampling_err=ls.error, rel_dev=(ls.lambda_max - lm.lambda_max) / lm.lambda_max,
               dev_over_err=(ls.lambda_max - lm.lambda_max) / err,
               C0_rel_dev=(s.C_h[0] - m.C_h[0]) / m.C_h[0], C0_dev_over_err=(s.C_h[0] - m.C_h[0]) / s.C_h_error[0],
               Chalf_rel_dev=(s.C_h[j] - m.C_h[j]) / m.C_h[j], Chalf_dev_over_err=(s.C_h[j] - m.C_h[j]) / s.C_h_error[j],
               max_rel_dev_C=float(np.max(np.abs(s.C_h - m.C_h)) / m.C_h[0]),
               t_moments=tm, t_sampling=ts, converged=s.converged)
    rows.append(row); print(json.dumps(row), flush=True)
print("lambda covered (|dev| <= 2 err):", sum(abs(r["dev_over_err"]) <= 2 for r in rows), "of", len(rows))
print("C_h(0) covered:", sum(abs(r["C0_dev_over_err"]) <= 2 for r in rows), "of", len(rows))
