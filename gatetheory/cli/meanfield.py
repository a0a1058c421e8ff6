"""Subcommands of the mean-field solvers: ``fixed-point``, ``critical LINE``, ``phase-diagram``.

``critical LINE --g-h X`` (or ``--alpha-r X``) solves one point; ``--g-h-range LO HI --points N``
traces the line by :func:`gatetheory.meanfield.curves.critical_curve` (``--out FILE.csv``, a
progress bar when stderr is a terminal).

High-precision numbers go into JSON as strings carrying the digits the solver trusts
(``digits``: agreement between two working precisions or two quadrature resolutions).
``--dps`` is the working precision (``--digits`` is its old spelling).
"""
from __future__ import annotations

import dataclasses
import sys

from .flags import (add_alias, add_output_flags, add_param_flags, finite_float, int_at_least, int_in,
                    nonempty_path, nonneg_float, output_folder, params_from_args, positive_float)
from .output import emit

__all__ = ["register", "MAX_DPS"]

MAX_DPS = 100   # beyond this the quadratures take minutes per point


def _text(x, digits: int) -> str:
    """A value as JSON shows it (a string at the trusted digits, or a float)."""
    from ..results import jsonable

    v = jsonable(x, digits=max(1, digits))
    return "n/a" if v is None else str(v)


def cmd_fixed_point(args) -> int:
    from ..meanfield.fixed_points import fixed_point_variances

    sols = fixed_point_variances(params_from_args(args), input_std_h=args.input_std_h,
                                 input_std_z=args.input_std_z, input_std_r=args.input_std_r, dps=args.dps)
    data = {"solutions": [s.to_dict() for s in sols], "digits": min([s.digits for s in sols] + [args.dps])}

    def lines():
        for s in sols:
            yield (f"Delta_h = {_text(s.Delta_h, s.digits)}  Delta_z = {_text(s.Delta_z, s.digits)}  "
                   f"Delta_r = {_text(s.Delta_r, s.digits)}  edge = {_text(s.edge, s.digits)}  "
                   f"{'stable' if s.stable else 'unstable'}  ({s.digits} digits)")
    emit(args, data, lines)
    return 0


def _emit_point(args, c, label: str, variance: str = "Delta_h") -> int:
    emit(args, c.to_dict(), [f"{label} = {_text(c.value, c.digits)}  {variance} = {_text(c.Delta_h, c.digits)}  "
                             f"({c.digits} digits)"])
    return 0


def _curve_lines(cur):
    """Text rows of a traced curve: coordinate, solved value, variance, digits, status."""
    (solved, values), (variance, var) = cur.data.items()
    yield f"{cur.coord:>12}  {solved:>24}  {variance:>24}  digits  status"
    for i, x in enumerate(cur.coords[cur.coord]):
        ok = cur.point_status[i] == "ok"
        d = int(cur.digits[i])
        v = _text(values[i], d) if ok else "-"
        w = _text(var[i], d) if ok else "-"
        note = "" if ok else f"  {cur.point_message[i]}"
        yield f"{x:12.8g}  {v:>24}  {w:>24}  {d:6d}  {cur.point_status[i]}{note}"
    if cur.message:
        yield cur.message


def _sweep_or_point(args, kind: str, point, label: str, variance: str = "Delta_h", dps=None, **curve_kw) -> int:
    """``--X`` (one point: ``point(x)``) or ``--X-range LO HI --points N`` (a curve by
    :func:`gatetheory.meanfield.curves.critical_curve`, JSON, text rows or ``--out`` CSV)."""
    from ..meanfield.curves import LINES, critical_curve, critical_domain
    from ..params import GateParams, ParameterError
    from .errors import fail_unless_done
    from .flags import output_file, progress_enabled

    coord = LINES[kind].coord
    flag = "--" + coord.replace("_", "-")
    x, rng = getattr(args, coord), args.sweep_range
    if x is None and rng is None:
        if coord == "alpha_r":
            x = 0.0
        else:
            raise ParameterError(f"the following arguments are required: {flag} (or {flag}-range LO HI); "
                                 f"allowed: one of them")
    if rng is None:
        if args.out is not None:
            raise ParameterError(f"--out = {args.out!r} writes a curve; allowed: with {flag}-range LO HI")
        return _emit_point(args, point(x), label, variance)
    params = GateParams(beta_r=args.beta_r, beta_h=getattr(args, "beta_h", 0.0))
    lo, hi, text = critical_domain(kind, params, input_std_h=curve_kw.get("input_std_h", 0.0))
    if not all(lo <= v <= hi for v in rng):   # the ends themselves are recorded as out-of-range points
        raise ParameterError(f"{flag}-range = {rng[0]!r} {rng[1]!r} leaves the domain of the {kind} line; "
                             f"allowed: {text} (ends on the boundary are kept as out-of-range points)")
    out = None if args.out is None else output_file("--out", args.out, suffix=".csv")
    cur = critical_curve(kind, params, **{coord: (rng[0], rng[1], args.points)}, dps=dps,
                         progress=progress_enabled(args), **curve_kw)
    if out is not None:
        cur.to_csv(out)
    emit(args, {**cur.to_dict(), **({"file": str(out)} if out else {})},
         (lambda: [f"wrote {out} ({len(cur.point_status)} points; {cur.message or 'all found'})"]) if out
         else (lambda: _curve_lines(cur)))
    fail_unless_done(cur)
    return 0


def cmd_fp_bifurcation(args) -> int:
    from ..meanfield.critical_lines import fp_bifurcation

    return _sweep_or_point(args, "fp-bifurcation", lambda g: fp_bifurcation(g, beta_r=args.beta_r, dps=args.dps),
                           "alpha_r^FP", dps=args.dps)


def cmd_dyn_bifurcation(args) -> int:
    from ..meanfield.dynamic_bifurcation import dyn_bifurcation

    def point(g):
        c = dyn_bifurcation(g, beta_r=args.beta_r)
        return dataclasses.replace(c, digits=min(c.digits, args.digits))  # a claim of fewer digits, never more
    return _sweep_or_point(args, "dyn-bifurcation", point, "alpha_r^dyn", "C_h(0)", dps=args.digits)


def cmd_stability(args) -> int:
    from ..meanfield.stability import stability_g_h

    return _sweep_or_point(args, "stability",
                           lambda a: stability_g_h(a, beta_r=args.beta_r, beta_h=args.beta_h,
                                                   input_std_h=args.input_std_h, dps=args.dps),
                           "g_h", dps=args.dps, input_std_h=args.input_std_h)


def cmd_marginal(args) -> int:
    from ..meanfield.stability import marginal_stability_g_h

    return _sweep_or_point(args, "marginal",
                           lambda a: marginal_stability_g_h(a, beta_r=args.beta_r, beta_h=args.beta_h), "g_h")


def cmd_phase_diagram(args) -> int:
    from ..meanfield.phase_diagram import draw_phase_diagram, phase_diagram_curves

    out = output_folder("--out", args.out)
    say = None if args.json else (lambda m: print(f"  {m} ...", file=sys.stderr, flush=True))
    pd = phase_diagram_curves(beta_h=args.beta_h, beta_r=args.beta_r, input_std_h=args.input_std_h,
                              n_points=args.points, alpha_r_max=args.alpha_r_max, progress=say)
    paths = draw_phase_diagram(pd, str(out))
    emit(args, {**pd.to_dict(), "files": paths}, [f"{k}: {v}" for k, v in paths.items()])
    return 0


def _dps_flag(p, default: int) -> None:
    p.add_argument("--dps", type=int_in(1, MAX_DPS), default=default,
                   help=f"working precision in decimal digits, 1 <= dps <= {MAX_DPS} (default {default})")
    add_alias(p, "--digits", "dps", type=int_in(1, MAX_DPS))


def _sweep_flags(p, coord: str) -> None:
    """``--X`` (one point) or ``--X-range LO HI`` with ``--points`` (a curve), mutually exclusive;
    ``--out FILE.csv`` writes the curve."""
    flag = "--" + coord.replace("_", "-")
    g = p.add_mutually_exclusive_group()
    g.add_argument(flag, dest=coord, type=finite_float, default=None,
                   help=f"{coord} of one point" + (" (default 0)" if coord == "alpha_r" else ""))
    g.add_argument(f"{flag}-range", dest="sweep_range", nargs=2, type=finite_float, metavar=("LO", "HI"),
                   default=None, help=f"trace the line for {coord} from LO to HI (inside the line's domain)")
    p.add_argument("--points", type=int_at_least(2), default=11, help="points of the range, >= 2 (default 11)")
    p.add_argument("--out", type=nonempty_path, default=None,
                   help="write the traced curve to this .csv file (with the range)")


def register(sub) -> None:
    from ..meanfield.dynamic_bifurcation import MAX_DIGITS as DYN_MAX

    fp = sub.add_parser("fixed-point", help="all static mean-field fixed points with their stability")
    add_param_flags(fp, names=("g_h", "beta_h", "alpha_r", "beta_r"))
    for k in "hzr":
        fp.add_argument(f"--input-std-{k}", type=nonneg_float, default=0.0,
                        help=f"standard deviation of the static input to {k} (default 0)")
    _dps_flag(fp, 15)
    add_output_flags(fp, progress=False)
    fp.set_defaults(func=cmd_fixed_point)

    cr = sub.add_parser("critical", help="a point on a critical line, or the line traced over a range")
    lines = cr.add_subparsers(dest="line", required=True)
    a = lines.add_parser("fp-bifurcation", help="alpha_r^FP(g_h), Eq. 12 (no biases)")
    _sweep_flags(a, "g_h")
    add_param_flags(a, names=("beta_r",))
    _dps_flag(a, 15)
    add_output_flags(a)
    a.set_defaults(func=cmd_fp_bifurcation)
    b = lines.add_parser("dyn-bifurcation", help="alpha_r^dyn(g_h), Eq. 13, tau_r << 1 (float64)")
    _sweep_flags(b, "g_h")
    add_param_flags(b, names=("beta_r",))
    b.add_argument("--digits", type=int_in(1, DYN_MAX), default=8,
                   help=f"digits to claim at most, 1 <= digits <= {DYN_MAX} (float64 nested quadrature; default 8)")
    add_output_flags(b)
    b.set_defaults(func=cmd_dyn_bifurcation)
    c = lines.add_parser("stability", help="g_h where the fixed point loses stability (biases, static input)")
    _sweep_flags(c, "alpha_r")
    add_param_flags(c, names=("beta_r", "beta_h"))
    c.add_argument("--input-std-h", type=nonneg_float, default=0.0, help="static input to h (default 0)")
    _dps_flag(c, 15)
    add_output_flags(c)
    c.set_defaults(func=cmd_stability)
    m = lines.add_parser("marginal", help="g_h where marginal stability ends, alpha_z -> infinity (Eq. 8)")
    _sweep_flags(m, "alpha_r")
    add_param_flags(m, names=("beta_r", "beta_h"))
    add_output_flags(m)
    m.set_defaults(func=cmd_marginal)

    pd = sub.add_parser("phase-diagram", help="draw the (g_h, alpha_r) phase diagram (Fig. 7)")
    pd.add_argument("--out", type=nonempty_path, default="phase_diagram",
                    help="output folder (default phase_diagram/)")
    add_param_flags(pd, names=("beta_h", "beta_r"))
    pd.add_argument("--input-std-h", type=nonneg_float, default=0.3,
                    help="static input of the red dashed line (0: none; default 0.3)")
    pd.add_argument("--alpha-r-max", type=positive_float, default=40.0, help="top of the diagram (default 40)")
    pd.add_argument("--points", type=int_at_least(3), default=16, help="points per curve, >= 3 (default 16)")
    add_output_flags(pd, progress=False)
    pd.set_defaults(func=cmd_phase_diagram)
