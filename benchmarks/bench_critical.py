"""Timing of one fixed-point-bifurcation point (issue 4 budget: 30 digits < 5 s, 15 digits < 0.5 s).

Each call includes the float64 seed, the solve at ``dps`` and the check at ``dps + 10``.
Run: ``.venv/bin/python benchmarks/bench_critical.py [g_h ...]``; prints median of 3 runs.
"""
from __future__ import annotations

import statistics
import sys
import time

import mpmath

from gatetheory.meanfield.critical_lines import fp_bifurcation
from gatetheory.meanfield.dynamic_bifurcation import dyn_bifurcation, dyn_bifurcation_range


def bench(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main(argv):
    gs = [float(a) for a in argv] or [1.9, 1.6]
    fp_bifurcation(1.8)  # warm caches (imports, registry, node tables)
    for g in gs:
        for d in (15, 30):
            t, c = bench(lambda: fp_bifurcation(g, dps=d))
            print(f"fp-bifurcation g_h={g} digits={d}: {t:.3f} s  alpha_r={mpmath.nstr(c.value, c.digits)} "
                  f"(trusted {c.digits})")
        lo, hi = dyn_bifurcation_range()
        if not lo < g < hi:
            print(f"dyn-bifurcation g_h={g}: outside its range ({lo:.4f}, {hi:.4f}), skipped")
            continue
        t, c = bench(lambda: dyn_bifurcation(g), repeat=1)
        print(f"dyn-bifurcation g_h={g} (float64, with resolution check): {t:.3f} s  alpha_r={c.value:.10g} "
              f"(trusted {c.digits})")


if __name__ == "__main__":
    main(sys.argv[1:])
