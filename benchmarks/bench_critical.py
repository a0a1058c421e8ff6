"""Timing of one fixed-point-bifurcation point (issue 4 budget: 30 digits < 5 s, 15 digits < 0.5 s).

Each call includes the float64 seed, the solve at ``dps`` and the check at ``dps + 10``.
The baseline is the script a user would write: ``mpmath.findroot`` on ``(F, dF/dDelta)`` with
every Gaussian average an ``mpmath.quad`` over the real line and the derivative by ``mpmath.diff``,
started from a three-digit guess. Both are printed with their ratio and the number of digits on
which they agree.
Run: ``.venv/bin/python benchmarks/bench_critical.py [g_h ...]``; prints median of 3 runs (1 for
the baseline, which takes seconds).
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


def naive_fp_bifurcation(g_h: float, alpha_guess: float, delta_guess: float, dps: int):
    """The baseline: quad-based averages, numerical derivative, findroot on the pair (Delta_h, alpha_r)."""
    with mpmath.workdps(dps):
        g = mpmath.mpf(repr(g_h))  # the decimal typed, as the library does (mpf(float) moves the 16th digit)

        def avg(f):
            return mpmath.quad(lambda u: f(u) * mpmath.exp(-u * u / 2), [-mpmath.inf, 0, mpmath.inf]) / mpmath.sqrt(2 * mpmath.pi)

        def F(D, a):
            q = avg(lambda u: mpmath.tanh(g * mpmath.sqrt(D) * u) ** 2)
            return q * avg(lambda u: (1 / (1 + mpmath.exp(-a * mpmath.sqrt(q) * u))) ** 2) - D

        D, a = mpmath.findroot(lambda D, a: [F(D, a), mpmath.diff(lambda d: F(d, a), D)],
                               (mpmath.mpf(delta_guess), mpmath.mpf(alpha_guess)))
        return +a


def main(argv):
    gs = [float(a) for a in argv] or [1.9, 1.6]
    fp_bifurcation(1.8)  # warm caches (imports, registry, node tables)
    for g in gs:
        for d in (15, 30):
            t, c = bench(lambda: fp_bifurcation(g, dps=d))
            print(f"fp-bifurcation g_h={g} digits={d}: {t:.3f} s  alpha_r={mpmath.nstr(c.value, c.digits)} "
                  f"(trusted {c.digits})")
            guess = (float(mpmath.nstr(c.value, 3)), float(mpmath.nstr(c.Delta_h, 3)))
            t_naive, a_naive = bench(lambda: naive_fp_bifurcation(g, *guess, d), repeat=1)
            with mpmath.workdps(d + 10):
                agree = -float(mpmath.log10(abs(a_naive / c.value - 1) + mpmath.mpf(10) ** (-d - 5)))
            print(f"    naive findroot + quad: {t_naive:.3f} s ({t_naive / t:.1f}x slower), "
                  f"agrees to {agree:.1f} digits")
        lo, hi = dyn_bifurcation_range()
        if not lo < g < hi:
            print(f"dyn-bifurcation g_h={g}: outside its range ({lo:.4f}, {hi:.4f}), skipped")
            continue
        t, c = bench(lambda: dyn_bifurcation(g), repeat=1)
        print(f"dyn-bifurcation g_h={g} (float64, with resolution check): {t:.3f} s  alpha_r={c.value:.10g} "
              f"(trusted {c.digits})")


if __name__ == "__main__":
    main(sys.argv[1:])
