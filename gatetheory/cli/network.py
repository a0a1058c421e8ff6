"""Subcommands on the simulated network: ``simulate``, ``lyapunov``, ``lyapunov-scaling``, ``demo``."""
from __future__ import annotations

import numpy as np

from ..params import ParameterError
from .errors import fail_unless_done
from .flags import (SEED_MAX, add_alias, add_output_flags, add_param_flags, add_run_flags, check_multiple,
                    int_at_least, nonempty_path, nonneg_float, output_file, output_folder, params_from_args,
                    positive_float, progress_enabled)
from .output import emit, fmt

__all__ = ["register"]

_MEMORY = "reduce --n (the couplings take 24 N^2 bytes)"


def _network(args):
    from ..network import Network

    return Network(params_from_args(args), args.n, seed=args.seed,
                   dtype=np.float32 if args.float32 else np.float64)


# ----------------------------------------------------------------------------- simulate

def _check_simulate(args) -> None:
    params_from_args(args)
    steps = check_multiple("--t", args.t, args.dt, "--dt")
    if args.record_every is None:  # about 200 records, the last one at --t
        stride = max(1, steps // 200)
        while steps % stride:
            stride -= 1
        args.record_every = stride * args.dt
    else:
        check_multiple("--record-every", args.record_every, args.dt, "--dt")
        check_multiple("--t", args.t, args.record_every, "--record-every")
    if args.out is not None:
        args.out = output_file("--out", args.out, suffix=".npz", overwrite=args.overwrite)


def cmd_simulate(args) -> int:
    from ..network import simulate

    _check_simulate(args)
    net = _network(args)
    tr = simulate(net, net.initial_state(args.seed), args.t, dt=args.dt, record_every=args.record_every,
                  progress=progress_enabled(args))
    h = tr.x[:, : net.n]
    summary = {"var_h_final": float(np.var(h[-1])),
               "var_h_mean_second_half": float(np.mean(np.var(h[len(h) // 2:], axis=1)))}
    if args.out is not None:
        np.savez_compressed(args.out, t=tr.t, x=tr.x, n=net.n, seed=args.seed,
                            **{k: np.asarray(v) for k, v in net.params.as_dict().items()})
    data = {**tr.to_dict(), "t": args.t, **summary, "params": net.params, "n": net.n, "seed": args.seed,
            "out": None if args.out is None else str(args.out)}

    def lines():
        for key in ("t", "n_rhs", "var_h_final", "var_h_mean_second_half"):
            yield f"{key:>24s}  {data[key]}"
        if args.out is not None:
            yield f"{'saved':>24s}  {args.out} (arrays t (T,), x (T, 3N))"
    emit(args, data, lines)
    return 0


# ----------------------------------------------------------------------------- lyapunov

def _check_lyapunov(args) -> None:
    """Everything lyapunov_spectrum would refuse, refused before the couplings are drawn."""
    params_from_args(args)
    if args.k is not None and args.k > 3 * args.n:
        raise ParameterError(f"--k = {args.k} is out of range; allowed: 1 <= k <= 3N = {3 * args.n}")
    check_multiple("--t-ons", args.t_ons, args.dt, "--dt")
    check_multiple("--t-total", args.t_total, args.t_ons, "--t-ons")
    check_multiple("--t-transient", args.t_transient, args.t_ons, "--t-ons", minimum=0)


def _spectrum(args):
    from ..network import lyapunov_spectrum

    _check_lyapunov(args)
    net = _network(args)
    return net, lyapunov_spectrum(net, args.t_total, k=args.k, dt=args.dt, t_ons=args.t_ons,
                                  t_transient=args.t_transient, seed=args.seed, progress=progress_enabled(args))


def _table(spec, rows: int):
    yield f"{'i':>4s} {'lambda_i':>12s} {'stderr':>10s}"
    for i, (lam, err) in enumerate(zip(spec.exponents[:rows], spec.stderr[:rows]), 1):
        yield f"{i:4d} {lam:12.5f} {fmt(err, '10.5f')}"


def _kaplan_yorke_line(spec) -> str:
    try:
        return f"Kaplan-Yorke dimension = {spec.kaplan_yorke:.3f}"
    except ParameterError as err:
        return f"Kaplan-Yorke dimension: {err}"


def cmd_lyapunov(args) -> int:
    net, spec = _spectrum(args)
    data = {**spec.to_dict(), "n": net.n}

    def lines():
        yield (f"Lyapunov spectrum, N = {net.n}, averaged over t = {spec.t:g} after a transient of "
               f"{args.t_transient:g}")
        yield from _table(spec, 20)
        if len(spec.exponents) > 20:
            yield f"   ... {len(spec.exponents) - 20} more"
        yield f"lambda_max = {spec.lambda_max:.5f} +- {fmt(spec.stderr[0])}"
        yield _kaplan_yorke_line(spec)
    emit(args, data, lines)
    fail_unless_done(spec)
    return 0


# ----------------------------------------------------------------------------- lyapunov-scaling

def cmd_lyapunov_scaling(args) -> int:
    """lambda_max at each --n over --seeds networks, extrapolated to N = infinity (lambda_inf + a / N)."""
    from ..network import lyapunov_finite_size

    params_from_args(args)
    if len(set(args.n)) != len(args.n) or len(args.n) < 2:
        raise ParameterError(f"--n = {' '.join(map(str, args.n))} is out of range; allowed: at least 2 distinct "
                             f"integers >= 2, e.g. --n 256 512 1024")
    check_multiple("--t-ons", args.t_ons, args.dt, "--dt")
    check_multiple("--t-total", args.t_total, args.t_ons, "--t-ons", minimum=2)
    check_multiple("--t-transient", args.t_transient, args.t_ons, "--t-ons", minimum=0)
    if args.seed + args.seeds > SEED_MAX:
        raise ParameterError(f"--seed + --seeds = {args.seed + args.seeds} is out of range; allowed: <= 2**32")
    res = lyapunov_finite_size(params_from_args(args), ns=args.n, seeds=list(range(args.seed, args.seed + args.seeds)),
                               t_total=args.t_total, t_transient=args.t_transient, dt=args.dt, t_ons=args.t_ons,
                               progress=progress_enabled(args))
    data = res.to_dict()

    def lines():
        yield (f"lambda_max over N, {args.seeds} seed(s) each, t_total = {args.t_total:g} after a transient of "
               f"{args.t_transient:g}")
        yield f"{'N':>7s} {'mean':>10s} {'stderr':>10s}  values"
        for row in res.per_n:
            yield (f"{row['n']:7d} {row['mean']:10.5f} {fmt(row['stderr'], '10.5f')}  "
                   + " ".join(f"{v:.4f}" for v in row["values"]))
        fit, alt = res.fit, res.fit["alternative"]
        yield (f"lambda_inf = {res.lambda_inf:.5f} +- {fmt(res.stderr)}  (fit lambda_inf + a/N: a = {fit['a']:.4g} "
               f"+- {fmt(fit['a_err'], '.2g')}, chi2 = {fit['chi2']:.3g} for {fit['dof']} dof)")
        yield (f"  1/sqrt(N) fit: lambda_inf = {alt['lambda_inf']:.5f} +- {fmt(alt['stderr'])}, "
               f"chi2 = {alt['chi2']:.3g}")
        if res.message:
            yield f"note: {res.message}"
    emit(args, data, lines)
    fail_unless_done(res)
    return 0


def cmd_demo(args) -> int:
    """A simulation plus its Lyapunov spectrum: a table, a plot and demo.json."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ..network import simulate
    from ..results import dumps

    out = output_folder("--out", args.out)
    net, spec = _spectrum(args)
    t_plot = args.dt * max(1, round(50.0 / args.dt))  # the plotted stretch: about 50, whole steps of --dt
    tr = simulate(net, net.initial_state(args.seed), t_plot, dt=args.dt)
    data = {**spec.to_dict(), "n": net.n}

    def lines():
        yield f"gatetheory demo: N = {net.n}, {net.params}"
        yield from _table(spec, 10)
        yield (f"lambda_max = {spec.lambda_max:.5f} +- {fmt(spec.stderr[0])};  sum of all {len(spec.exponents)} = "
               f"{spec.exponents.sum():.5f},  time-averaged trace = {spec.trace_mean:.5f}")
        yield _kaplan_yorke_line(spec)
    emit(args, data, lines)
    ky = data["kaplan_yorke"]
    fig, ax = plt.subplots(1, 3, figsize=(14, 4))
    ax[0].plot(tr.t, tr.x[:, :5])
    ax[0].set(xlabel="t / tau_h", ylabel="h_i(t)", title="five units")
    ax[1].plot(np.arange(1, len(spec.exponents) + 1), spec.exponents, ".")
    ax[1].axhline(0, color="k", lw=0.5)
    ax[1].set(xlabel="index i", ylabel="lambda_i",
              title=f"Lyapunov spectrum (D_KY = {ky:.2f})" if ky is not None else "Lyapunov spectrum")
    ax[2].plot(np.arange(1, spec.n_renorm + 1) * args.t_ons, spec.history[:, :3])
    ax[2].set(xlabel="averaging time", ylabel="running estimate", title="convergence of the top 3")
    fig.tight_layout()
    out.mkdir(parents=True, exist_ok=True)
    fig.savefig(out / "demo.png", dpi=110)
    plt.close(fig)
    (out / "demo.json").write_text(dumps(data, indent=1))
    if not args.json:
        print(f"wrote {out / 'demo.png'} and {out / 'demo.json'}")
    fail_unless_done(spec)
    return 0


# ----------------------------------------------------------------------------- registration

def _lyapunov_flags(p, defaults: dict, t_total: float, n: int) -> None:
    add_param_flags(p, defaults)
    add_run_flags(p, n=n, t=t_total, t_name="t_total", dt=0.1, float32=True)
    p.add_argument("--t-transient", type=nonneg_float, default=50.0,
                   help="discarded transient, a multiple of --t-ons (default 50)")
    add_alias(p, "--transient", "t_transient", type=nonneg_float)
    p.add_argument("--k", type=int_at_least(1), default=None, help="number of exponents, 1 <= k <= 3N (default 3N)")
    p.add_argument("--t-ons", type=positive_float, default=1.0,
                   help="re-orthonormalisation interval, a multiple of --dt (default 1)")
    p.set_defaults(memory_hint=_MEMORY + " or --k")


def register(sub) -> None:
    p = sub.add_parser("simulate", help="integrate the N-unit network (RK4)")
    add_param_flags(p, {"g_h": 3.0})
    add_run_flags(p, n=200, t=100.0, dt=0.05, float32=True)
    p.add_argument("--record-every", type=positive_float, default=None,
                   help="recording interval, a multiple of --dt (default: about t/200)")
    p.add_argument("--out", type=nonempty_path, default=None, help="save t and x to this new .npz file (its folder must exist)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing --out file")
    add_output_flags(p)
    p.set_defaults(func=cmd_simulate, memory_hint=_MEMORY + " or --t / --record-every (the recorded states)")

    p = sub.add_parser("lyapunov", help="Lyapunov spectrum by the QR method")
    _lyapunov_flags(p, {"g_h": 3.0}, 200.0, 200)
    add_output_flags(p)
    p.set_defaults(func=cmd_lyapunov)

    p = sub.add_parser("lyapunov-scaling", help="lambda_max across N and seeds, extrapolated to N = infinity")
    add_param_flags(p, {"g_h": 3.0})
    p.add_argument("--n", type=int_at_least(2), nargs="+", default=[100, 200, 400],
                   help="network sizes, at least 2 distinct integers >= 2 (default 100 200 400)")
    p.add_argument("--seeds", type=int_at_least(1), default=3,
                   help="networks per size, seeded --seed, --seed + 1, ... (default 3)")
    add_run_flags(p, n=None, t=200.0, t_name="t_total", dt=0.1, seed_help="first seed of couplings and initial states")
    p.add_argument("--t-transient", type=nonneg_float, default=50.0,
                   help="discarded transient, a multiple of --t-ons (default 50)")
    p.add_argument("--t-ons", type=positive_float, default=1.0,
                   help="re-orthonormalisation interval, a multiple of --dt (default 1)")
    add_output_flags(p)
    p.set_defaults(func=cmd_lyapunov_scaling, memory_hint=_MEMORY)

    p = sub.add_parser("demo", help="simulation + Lyapunov spectrum, table and plot")
    _lyapunov_flags(p, {"g_h": 3.0, "alpha_z": 5.0, "alpha_r": 2.0}, 200.0, 100)
    p.add_argument("--out", type=nonempty_path, default="results", help="output folder (default results/)")
    add_output_flags(p)
    p.set_defaults(func=cmd_demo)
