"""Command-line front end of the mean-field solvers: ``fixed-point``, ``critical``, ``phase-diagram``.

``register(subparsers)`` adds the subcommands to the package's argparse parser; each
sets ``func(args) -> int`` (0 ok, 2 invalid input or outside a curve's range with one
line on stderr, 1 a solver failure). With ``--json`` high-precision numbers are strings
carrying the digits the solver trusts (``digits``: agreement between two working
precisions or two quadrature resolutions).
"""
from __future__ import annotations

import json
import sys

import mpmath

from ..params import GateParams, ParameterError, check_int

__all__ = ["register"]

MAX_DIGITS = 100


def _num(x, digits: int) -> str:
    """x printed with ``digits`` significant digits (at least 1)."""
    if isinstance(x, mpmath.mpf):
        return mpmath.nstr(x, max(1, digits), min_fixed=-mpmath.inf, max_fixed=mpmath.inf) if x != 0 else "0"
    x = float(x)
    return "0" if x == 0 else f"{x:.{max(1, min(digits, 17))}g}"


def _digits(d):
    d = check_int("--digits", d, 1)
    if d > MAX_DIGITS:
        raise ParameterError(f"--digits = {d} is out of range; allowed: 1 <= digits <= {MAX_DIGITS}")
    return d


def _fail(msg: str, code: int) -> int:
    print(f"gatetheory: {msg}", file=sys.stderr)
    return code


def _guard(fn):
    def run(args):
        from ..numerics.roots import ConvergenceError
        try:
            return fn(args)
        except ParameterError as exc:
            return _fail(str(exc), 2)
        except ConvergenceError as exc:
            return _fail(str(exc), 1)
    return run


@_guard
def _cmd_fixed_point(args) -> int:
    from .fixed_points import fixed_point_variances
    dps = _digits(args.digits)
    p = GateParams(g_h=args.g_h, beta_h=args.beta_h, alpha_r=args.alpha_r, beta_r=args.beta_r)
    sols = fixed_point_variances(p, input_std_h=args.input_std_h, input_std_z=args.input_std_z,
                                 input_std_r=args.input_std_r, dps=dps)
    digits = min([s.digits for s in sols] + [dps])
    rows = [{"delta_h": _num(s.Delta_h, s.digits), "delta_z": _num(s.Delta_z, s.digits),
             "delta_r": _num(s.Delta_r, s.digits), "edge": _num(s.edge, s.digits), "stable": s.stable,
             "digits": s.digits} for s in sols]
    if args.json:
        print(json.dumps({"solutions": rows, "digits": digits}))
    else:
        for r in rows:
            print(f"Delta_h = {r['delta_h']}  Delta_z = {r['delta_z']}  Delta_r = {r['delta_r']}  "
                  f"edge = {r['edge']}  {'stable' if r['stable'] else 'unstable'}  ({r['digits']} digits)")
    return 0


@_guard
def _cmd_fp_bifurcation(args) -> int:
    from .critical_lines import fp_bifurcation
    dps = _digits(args.digits)
    c = fp_bifurcation(args.g_h, beta_r=args.beta_r, dps=dps)
    out = {"alpha_r": _num(c.value, c.digits), "delta_h": _num(c.Delta_h, c.digits), "digits": c.digits}
    print(json.dumps(out) if args.json else f"alpha_r^FP = {out['alpha_r']}  Delta_h = {out['delta_h']}  "
                                             f"({c.digits} digits)")
    return 0


@_guard
def _cmd_dyn_bifurcation(args) -> int:
    from .dynamic_bifurcation import MAX_DIGITS as DYN_MAX, dyn_bifurcation
    d = check_int("--digits", args.digits, 1)
    if d > DYN_MAX:
        raise ParameterError(f"--digits = {d} is out of range for dyn-bifurcation (float64 nested quadrature); "
                             f"allowed: 1 <= digits <= {DYN_MAX}")
    c = dyn_bifurcation(args.g_h, beta_r=args.beta_r)
    dig = min(c.digits, d)
    out = {"alpha_r": _num(c.value, dig), "delta_h0": _num(c.Delta_h, dig), "digits": dig}
    print(json.dumps(out) if args.json else f"alpha_r^dyn = {out['alpha_r']}  C_h(0) = {out['delta_h0']}  "
                                             f"({dig} digits)")
    return 0


@_guard
def _cmd_stability(args) -> int:
    from .critical_lines import stability_g_h
    dps = _digits(args.digits)
    c = stability_g_h(args.alpha_r, beta_r=args.beta_r, beta_h=args.beta_h, input_std_h=args.input_std_h,
                      dps=dps)
    out = {"g_h": _num(c.value, c.digits), "delta_h": _num(c.Delta_h, c.digits), "digits": c.digits}
    print(json.dumps(out) if args.json else f"g_h = {out['g_h']}  Delta_h = {out['delta_h']}  ({c.digits} digits)")
    return 0


@_guard
def _cmd_marginal(args) -> int:
    from .critical_lines import marginal_stability_g_h
    c = marginal_stability_g_h(args.alpha_r, beta_r=args.beta_r, beta_h=args.beta_h)
    out = {"g_h": _num(c.value, c.digits), "delta_h": _num(c.Delta_h, c.digits), "digits": c.digits}
    print(json.dumps(out) if args.json else f"g_h = {out['g_h']}  ({c.digits} digits)")
    return 0


@_guard
def _cmd_phase_diagram(args) -> int:
    from .fixed_points import check_input_std
    from .phase_diagram import draw_phase_diagram, phase_diagram_curves
    s = check_input_std("--input-std-h", args.input_std_h)
    n = check_int("--points", args.points, 3)
    say = None if args.json else (lambda m: print(f"  {m} ...", file=sys.stderr, flush=True))
    pd = phase_diagram_curves(beta_h=args.beta_h, beta_r=args.beta_r, input_std_h=s, n_points=n,
                              alpha_r_max=args.alpha_r_max, progress=say)
    paths = draw_phase_diagram(pd, args.out)
    if args.json:
        print(json.dumps({"files": paths, "failed_points": {k: int((~c.ok).sum()) for k, c in pd.curves.items()}}))
    else:
        for k, v in paths.items():
            print(f"{k}: {v}")
    return 0


def _flags(parser, *, required=(), digits=None, **defaults) -> None:
    """Add ``--name`` float flags (``required`` ones without default), ``--digits`` and ``--json``."""
    for name in required:
        parser.add_argument(f"--{name.replace('_', '-')}", type=float, required=True)
    for name, default in defaults.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=float, default=default)
    if digits is not None:
        parser.add_argument("--digits", type=int, default=digits)
    parser.add_argument("--json", action="store_true")


def register(subparsers) -> None:
    """Add ``fixed-point``, ``critical`` and ``phase-diagram`` to an argparse subparsers object."""
    fp = subparsers.add_parser("fixed-point", help="all static mean-field fixed points with their stability")
    _flags(fp, g_h=1.0, beta_h=0.0, alpha_r=0.0, beta_r=0.0, input_std_h=0.0, input_std_z=0.0, input_std_r=0.0,
           digits=15)
    fp.set_defaults(func=_cmd_fixed_point)

    cr = subparsers.add_parser("critical", help="a point on a critical line")
    sub = cr.add_subparsers(dest="line", required=True)
    a = sub.add_parser("fp-bifurcation", help="alpha_r^FP(g_h), Eq. 12 (no biases)")
    _flags(a, required=("g_h",), beta_r=0.0, digits=15)
    a.set_defaults(func=_cmd_fp_bifurcation)
    b = sub.add_parser("dyn-bifurcation", help="alpha_r^dyn(g_h), Eq. 13, tau_r << 1 (float64)")
    _flags(b, required=("g_h",), beta_r=0.0, digits=8)
    b.set_defaults(func=_cmd_dyn_bifurcation)
    c = sub.add_parser("stability", help="g_h where the fixed point loses stability (biases, static input)")
    _flags(c, alpha_r=0.0, beta_r=0.0, beta_h=0.0, input_std_h=0.0, digits=15)
    c.set_defaults(func=_cmd_stability)
    m = sub.add_parser("marginal", help="g_h where marginal stability ends, alpha_z -> infinity (Eq. 8)")
    _flags(m, alpha_r=0.0, beta_r=0.0, beta_h=0.0)
    m.set_defaults(func=_cmd_marginal)

    pdp = subparsers.add_parser("phase-diagram", help="draw the (g_h, alpha_r) phase diagram (Fig. 7)")
    pdp.add_argument("--out", default="phase_diagram")
    pdp.add_argument("--beta-h", type=float, default=0.0)
    pdp.add_argument("--beta-r", type=float, default=0.0)
    pdp.add_argument("--input-std-h", type=float, default=0.3, help="static input of the red dashed line (0: none)")
    pdp.add_argument("--alpha-r-max", type=float, default=40.0)
    pdp.add_argument("--points", type=int, default=16)
    pdp.add_argument("--json", action="store_true")
    pdp.set_defaults(func=_cmd_phase_diagram)
