"""Regenerate ``gatetheory/symbolic/_generated/`` from ``derivations/`` (PyDy's seam: derive once, ship code).

Run from the repository root::

    python -m gatetheory.symbolic.codegen            # rewrite the shipped modules
    python -m gatetheory.symbolic.codegen --check    # exit 1 if any shipped module is stale
    python -m gatetheory.symbolic.codegen --docs docs/derivations.md   # also render the results page

Each derivation file ``derivations/NAME.py`` that defines ``RESULTS`` becomes
``_generated/NAME.py``, holding for every result: its SymPy expression (as ``srepr``), LaTeX,
assumptions, the argument tuple (fixed order, never a set) and two plain callables written by
``lambdify(..., cse=True)``: a NumPy one and an mpmath one (exact rationals kept exact). The
header records the source file, the SymPy version and a SHA-256 hash of the expressions.

This module is the only place (with the staleness test) that imports ``derivations/``.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import inspect
import pprint
import re
import sys
from pathlib import Path

import sympy as sp
from sympy.printing.numpy import SciPyPrinter
from sympy.printing.pycode import MpmathPrinter

GENERATED = Path(__file__).resolve().parent / "_generated"
REPO_ROOT = Path(__file__).resolve().parents[2]
DERIVATIONS = REPO_ROOT / "derivations"

__all__ = ["load_results", "derivation_files", "expression_hash", "render_module", "generate", "render_docs", "main", "overflow_free", "expit"]


def derivation_files(root: Path = DERIVATIONS) -> list[Path]:
    """Derivation files (those defining RESULTS), sorted by name."""
    return sorted(p for p in root.glob("*.py") if "RESULTS" in p.read_text())


def load_results(path: Path) -> dict:
    """Import one derivation file (with its folder on sys.path) and return its RESULTS."""
    root = str(path.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    spec = importlib.util.spec_from_file_location(f"_derivation_{path.stem}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.RESULTS


def expression_hash(results: dict) -> str:
    """SHA-256 of the srepr of every expression with its name and args (order-stable)."""
    h = hashlib.sha256()
    for name in sorted(results):
        r = results[name]
        h.update(f"{name}|{','.join(r['args'])}|{sp.srepr(sp.sympify(r['expr']))}\n".encode())
    return h.hexdigest()


def _symbols_for(expr, args):
    by_name = {s.name: s for s in expr.free_symbols}
    missing = set(by_name) - set(args)
    if missing:
        raise ValueError(f"free symbols {sorted(missing)} are not in args {args}")
    return [by_name.get(a, sp.Symbol(a)) for a in args]


class expit(sp.Function):
    """The logistic 1/(1 + exp(-w)), printed as ``scipy.special.expit`` (no overflow at any finite w)."""
    nargs = 1


def _is_one_plus_exp(e) -> bool:
    return e.is_Add and len(e.args) == 2 and sp.S.One in e.args and any(isinstance(a, sp.exp) for a in e.args)


def overflow_free(expr):
    """``expr`` with every ``(1 + exp(w))**(-k)`` (k > 0) written ``expit(-w)**k``: equal as functions,
    but float64 never forms exp(w) > 1.8e308 on the way to a number in [0, 1] (inf * 0 = NaN otherwise).
    For the NumPy callables only; mpmath has no overflow to avoid."""
    def is_logistic(e):
        return e.is_Pow and _is_one_plus_exp(e.base) and e.exp.is_negative

    def to_expit(e):
        w = next(a for a in e.base.args if isinstance(a, sp.exp)).args[0]
        return expit(-w) ** (-e.exp)

    return expr.replace(is_logistic, to_expit)


def _function_source(expr, args, module: str, fname: str) -> str | None:
    """Source of a lambdified function, renamed; None where the printer cannot print it."""
    syms = _symbols_for(expr, args)
    if module == "numpy":
        expr = overflow_free(expr)
    target = tuple(expr) if isinstance(expr, sp.Tuple) else expr
    printer_cls = SciPyPrinter if module == "numpy" else MpmathPrinter  # SciPy for erfinv and friends
    extra = {"erfinv": "scipy.special.erfinv" if module == "numpy" else "mpmath.erfinv",  # not in SymPy's tables
             "expit": "scipy.special.expit"}
    printer = printer_cls({"fully_qualified_modules": True, "inline": True, "allow_unknown_functions": False,
                           "user_functions": extra})
    # CSE would hoist an integrand out of the lambda of mpmath.quad (its bound variable escapes).
    cse = not expr.has(sp.Integral)
    try:
        modules = ["scipy", "numpy"] if module == "numpy" else module
        f = sp.lambdify(syms, target, modules=modules, printer=printer, cse=cse, docstring_limit=0)
        src = inspect.getsource(f)
    except Exception:  # e.g. NumPy cannot print an unevaluated Integral
        return None
    if module == "numpy" and "Integral" in src:
        return None
    src = re.sub(r"def _lambdifygenerated\(", f"def {fname}(", src, count=1)
    if module == "numpy" and expr.has(sp.Piecewise):
        src = _guard_branches(src)
    return src


def _guard_branches(src: str) -> str:
    """Wrap a NumPy body holding ``numpy.select`` in errstate: select evaluates every branch everywhere,
    so a branch that is discarded at a point (e.g. 0/0 where an exact branch was chosen) warns there
    although the returned value is exact. Only functions with a Piecewise get this."""
    head, body = src.split("\n", 1)
    body = "".join("    " + line if line.strip() else line for line in body.splitlines(keepends=True))
    guard = ('    # numpy.select evaluates discarded branches too; their 0/0 is not in the result\n'
             '    with numpy.errstate(divide="ignore", invalid="ignore"):\n')
    return head + "\n" + guard + body


def _ident(name: str) -> str:
    return re.sub(r"\W", "_", name)


def render_module(path: Path, results: dict) -> str:
    """The text of ``_generated/<stem>.py`` for one derivation file."""
    digest = expression_hash(results)
    rel = path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path
    out = [f'"""Machine-written by gatetheory.symbolic.codegen from {rel}; do not edit.',
           "", f"Source: {rel}", f"SymPy version: {sp.__version__}", f"Expression hash: {digest}", '"""',
           "import mpmath", "import numpy", "import scipy.special", "",
           f"SOURCE = {str(rel)!r}", f"SYMPY_VERSION = {sp.__version__!r}", f"HASH = {digest!r}", ""]
    entries = {}
    for name in sorted(results):
        r = results[name]
        expr = sp.sympify(r["expr"])
        args = tuple(r["args"])
        fn = {}
        for module in (("numpy", "mpmath") if r.get("numeric", True) else ()):
            fname = f"{_ident(name)}__{module}"
            src = _function_source(expr, args, module, fname)
            if src is not None:
                out.append(src)
                fn[module] = fname
        entries[name] = dict(args=args, assumptions=list(r.get("assumptions", [])),
                             srepr=sp.srepr(expr), latex=sp.latex(expr),
                             numpy=fn.get("numpy"), mpmath=fn.get("mpmath"),
                             value_kind=r.get("value_kind"))
    out.append("ENTRIES = " + pprint.pformat(entries, width=110, sort_dicts=True))
    out.append("FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or ''))"
               " for n, e in ENTRIES.items()}")
    return "\n".join(out) + "\n"


def generate(root: Path = DERIVATIONS, target: Path = GENERATED, check: bool = False) -> list[str]:
    """Write (or, with ``check``, compare) every generated module; returns the stale/written names."""
    target.mkdir(exist_ok=True)
    changed = []
    stems = []
    for path in derivation_files(root):
        text = render_module(path, load_results(path))
        dest = target / f"{path.stem}.py"
        stems.append(path.stem)
        if not dest.exists() or dest.read_text() != text:
            changed.append(path.stem)
            if not check:
                dest.write_text(text)
    init = "\n".join(['"""Machine-written by gatetheory.symbolic.codegen; do not edit."""',
                      f"MODULES = {tuple(stems)!r}", ""])
    if not check:
        (target / "__init__.py").write_text(init)
    return changed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a shipped module differs from a fresh one")
    ap.add_argument("--docs", metavar="PATH", help="also write the markdown page of all results to PATH")
    args = ap.parse_args(argv)
    changed = generate(check=args.check)
    verb = "stale" if args.check else "written"
    print(f"{verb}: {', '.join(changed) if changed else 'none'}")
    if args.docs:
        Path(args.docs).write_text(render_docs())
    return 1 if (args.check and changed) else 0


def render_docs() -> str:
    """Markdown page listing every registered result (reads the shipped registry, not derivations/)."""
    from . import registry
    lines = ["# Derived results", "",
             "Generated by `python -m gatetheory.symbolic.codegen --docs` from the shipped registry; do not edit.",
             "Each result is derived in SymPy under `derivations/` and available as "
             "`gatetheory.symbolic.get(NAME)` and `gatetheory derive NAME --json`.", ""]
    by_source = {}
    for n in registry.names():
        by_source.setdefault(registry.get(n).source, []).append(n)
    for src in sorted(by_source):
        lines += [f"## `{src}`", ""]
        for n in by_source[src]:
            d = registry.get(n)
            lines += [f"### {n}", "", f"args: `{', '.join(d.args) or '-'}`", "", f"$$ {d.latex} $$", ""]
            lines += [f"- {a}" for a in d.assumptions]
            if not d.args and d.mpmath is not None:
                v = d.value_str(32)
                lines += ["", f"value: `{', '.join(v) if isinstance(v, list) else v}`"]
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
