"""The ``gatetheory`` command line: parse, build GateParams, call the library, print.

Every subcommand prints a readable table by default and JSON with ``--json``.
Invalid input exits with status 2 and one line naming the parameter, its value
and the allowed range.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

import numpy as np

from .params import GateParams, ParameterError

# Subcommand modules that provide ``register(subparsers)``; each sets ``func``.
_PLUGINS = ("gatetheory.symbolic.cli", "gatetheory.meanfield.cli", "gatetheory.dmft.cli",
            "gatetheory.validate.cli", "gatetheory.sweep.cli")

PARAM_FLAGS = {  # flag -> (GateParams field, default, help)
    "--g-h": ("g_h", 1.0, "gain of phi = tanh(g_h x + beta_h)"),
    "--beta-h": ("beta_h", 0.0, "bias of phi"),
    "--alpha-z": ("alpha_z", 0.0, "sensitivity of the update gate"),
    "--beta-z": ("beta_z", 0.0, "bias of the update gate (positive opens it)"),
    "--alpha-r": ("alpha_r", 0.0, "sensitivity of the output gate"),
    "--beta-r": ("beta_r", 0.0, "bias of the output gate (positive opens it)"),
    "--tau-z": ("tau_z", 1.0, "update-gate time constant, units of tau_h (> 0)"),
    "--tau-r": ("tau_r", 1.0, "output-gate time constant, units of tau_h (> 0)"),
}


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message):  # one line, status 2
        self.exit(2, f"{self.prog}: error: {message}\n")


def add_param_flags(parser: argparse.ArgumentParser, defaults: dict | None = None) -> None:
    """Add one flag per GateParams field (``--g-h`` ... ``--tau-r``)."""
    defaults = defaults or {}
    for flag, (name, default, help_) in PARAM_FLAGS.items():
        parser.add_argument(flag, dest=name, type=float, default=defaults.get(name, default),
                            help=f"{help_} (default {defaults.get(name, default)})")


def params_from_args(args) -> GateParams:
    return GateParams(**{name: getattr(args, name) for name, *_ in PARAM_FLAGS.values()})


def _add_run_flags(p: argparse.ArgumentParser, t: float, dt: float) -> None:
    p.add_argument("--n", type=int, default=200, help="number of units N >= 1 (default 200)")
    p.add_argument("--t", type=float, default=t, help=f"duration, units of tau_h (default {t})")
    p.add_argument("--dt", type=float, default=dt, help=f"RK4 step (default {dt})")
    p.add_argument("--seed", type=int, default=0, help="seed of couplings and initial state (default 0)")
    p.add_argument("--float32", action="store_true", help="single precision couplings and state")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")


def _progress(args) -> bool:
    return sys.stderr.isatty() if args.progress is None else args.progress


def _network(args):
    from .network import Network

    return Network(params_from_args(args), args.n, seed=args.seed,
                   dtype=np.float32 if args.float32 else np.float64)


def cmd_simulate(args) -> int:
    from .network import simulate

    net = _network(args)
    x0 = net.initial_state(args.seed)
    tr = simulate(net, x0, args.t, dt=args.dt, record_every=args.record_every, progress=_progress(args))
    h = tr.x[:, : net.n]
    summary = {"t": float(tr.t[-1]), "n_rhs": tr.n_rhs, "var_h_final": float(np.var(h[-1])),
               "var_h_mean_second_half": float(np.mean(np.var(h[len(h) // 2:], axis=1))),
               "params": net.params.as_dict(), "n": net.n, "seed": args.seed, "dt": args.dt}
    if args.out:
        np.savez_compressed(args.out, t=tr.t, x=tr.x, **{k: np.asarray(v) for k, v in net.params.as_dict().items()},
                            n=net.n, seed=args.seed)
        summary["out"] = str(args.out)
    if args.json:
        print(json.dumps(summary))
    else:
        for key in ("t", "n_rhs", "var_h_final", "var_h_mean_second_half"):
            print(f"{key:>24s}  {summary[key]}")
        if args.out:
            print(f"{'saved':>24s}  {args.out} (arrays t (T,), x (T, 3N))")
    return 0


def _lyapunov(args):
    from .network import lyapunov_spectrum

    net = _network(args)
    return net, lyapunov_spectrum(net, args.t, k=args.k, dt=args.dt, t_ons=args.t_ons,
                                  t_transient=args.transient, seed=args.seed, progress=_progress(args))


def _kaplan_yorke(spec):
    try:
        return spec.kaplan_yorke, None
    except ParameterError as err:
        return None, str(err)


def cmd_lyapunov(args) -> int:
    net, spec = _lyapunov(args)
    ky, ky_note = _kaplan_yorke(spec)
    out = {"exponents": spec.exponents.tolist(), "lambda_max": spec.lambda_max, "kaplan_yorke": ky,
           "stderr": float(spec.stderr[0]), "stderr_all": spec.stderr.tolist(), "trace_mean": spec.trace_mean,
           "t": spec.t, "n_renorm": spec.n_renorm, "params": net.params.as_dict(), "n": net.n, "seed": args.seed}
    if ky_note:
        out["kaplan_yorke_note"] = ky_note
    if args.json:
        print(json.dumps(out))
        return 0
    print(f"Lyapunov spectrum, N = {net.n}, averaged over t = {spec.t:g} after a transient of {args.transient:g}")
    print(f"{'i':>4s} {'lambda_i':>12s} {'stderr':>10s}")
    for i, (lam, err) in enumerate(zip(spec.exponents[:20], spec.stderr[:20]), 1):
        print(f"{i:4d} {lam:12.5f} {err:10.5f}")
    if len(spec.exponents) > 20:
        print(f"   ... {len(spec.exponents) - 20} more")
    print(f"lambda_max = {spec.lambda_max:.5f} +- {spec.stderr[0]:.5f}")
    print(f"Kaplan-Yorke dimension = {ky:.3f}" if ky is not None else ky_note)
    return 0


def cmd_demo(args) -> int:
    """Main job for now: a simulation plus its Lyapunov spectrum, a table and a plot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .network import simulate

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    net, spec = _lyapunov(args)
    tr = simulate(net, net.initial_state(args.seed), 50.0, dt=args.dt,
                  record_every=0.2)
    ky, ky_note = _kaplan_yorke(spec)
    print(f"gatetheory demo: N = {net.n}, {net.params}")
    print(f"{'i':>4s} {'lambda_i':>12s} {'stderr':>10s}")
    for i, (lam, err) in enumerate(zip(spec.exponents[:10], spec.stderr[:10]), 1):
        print(f"{i:4d} {lam:12.5f} {err:10.5f}")
    print(f"lambda_max = {spec.lambda_max:.5f} +- {spec.stderr[0]:.5f};  sum of all {len(spec.exponents)} = "
          f"{spec.exponents.sum():.5f},  time-averaged trace = {spec.trace_mean:.5f}")
    print(f"Kaplan-Yorke dimension = {ky:.3f}" if ky is not None else ky_note)
    fig, ax = plt.subplots(1, 3, figsize=(14, 4))
    ax[0].plot(tr.t, tr.x[:, :5])
    ax[0].set(xlabel="t / tau_h", ylabel="h_i(t)", title="five units")
    ax[1].plot(np.arange(1, len(spec.exponents) + 1), spec.exponents, ".")
    ax[1].axhline(0, color="k", lw=0.5)
    ax[1].set(xlabel="index i", ylabel="lambda_i", title=f"Lyapunov spectrum (D_KY = {ky:.2f})" if ky else "Lyapunov spectrum")
    ax[2].plot(np.arange(1, spec.n_renorm + 1) * args.t_ons, spec.history[:, :3])
    ax[2].set(xlabel="averaging time", ylabel="running estimate", title="convergence of the top 3")
    fig.tight_layout()
    fig.savefig(out / "demo.png", dpi=110)
    (out / "demo.json").write_text(json.dumps({"exponents": spec.exponents.tolist(), "lambda_max": spec.lambda_max,
                                               "kaplan_yorke": ky, "stderr": spec.stderr.tolist(),
                                               "trace_mean": spec.trace_mean, "params": net.params.as_dict(),
                                               "n": net.n, "seed": args.seed}, indent=1))
    print(f"wrote {out / 'demo.png'} and {out / 'demo.json'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="gatetheory", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_ArgumentParser)

    p = sub.add_parser("simulate", help="integrate the N-unit network (RK4)")
    add_param_flags(p, {"g_h": 3.0})
    _add_run_flags(p, t=100.0, dt=0.05)
    p.add_argument("--record-every", type=float, default=None, help="recording interval (default t/200)")
    p.add_argument("--out", type=Path, default=None, help="save t and x to this .npz file")
    p.set_defaults(func=cmd_simulate)

    for name, func, t, help_ in (("lyapunov", cmd_lyapunov, 200.0, "Lyapunov spectrum by the QR method"),
                                 ("demo", cmd_demo, 200.0, "simulation + Lyapunov spectrum, table and plot")):
        p = sub.add_parser(name, help=help_)
        add_param_flags(p, {"g_h": 3.0, "alpha_z": 5.0 if name == "demo" else 0.0,
                            "alpha_r": 2.0 if name == "demo" else 0.0})
        _add_run_flags(p, t=t, dt=0.1)
        p.add_argument("--transient", type=float, default=50.0, help="discarded transient (default 50)")
        p.add_argument("--k", type=int, default=None, help="number of exponents (default 3N)")
        p.add_argument("--t-ons", type=float, default=1.0, help="re-orthonormalisation interval (default 1)")
        if name == "demo":
            p.set_defaults(n=100)
            p.add_argument("--out", default="results", help="output folder (default results/)")
        p.set_defaults(func=func)

    for mod in _PLUGINS:
        try:
            module = importlib.import_module(mod)
        except ModuleNotFoundError as err:
            if err.name and mod.startswith(err.name):
                continue  # that part of the toolkit is not installed yet
            raise
        module.register(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ParameterError as err:
        print(f"gatetheory {args.command}: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
