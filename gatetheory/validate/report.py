"""The validation report: runs the figures, writes a self-contained HTML page with PNGs and tables."""
from __future__ import annotations

import html
import platform
import time
import traceback
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from .._progress import progress_bar
from ..results import dumps
from ._notation import html_symbols
from .comparison import FigureResult

# (module, function, steps for the progress bar in quick mode)
FIGURES = [
    ("gatetheory.validate.figures_theory", "fig_spectrum", 1),
    ("gatetheory.validate.figures_dynamics", "fig_integrator", 1),
    ("gatetheory.validate.figures_dynamics", "fig_lyapunov_spectra", 6),
    ("gatetheory.validate.figures_dynamics", "fig_lyapunov_collapse", 10),
    ("gatetheory.validate.figures_dmft", "fig_dmft_lambda", 6),
    ("gatetheory.validate.figures_theory", "fig_bifurcations", 1),
    ("gatetheory.validate.figures_functions", "fig_input_chaos", 2),
    ("gatetheory.validate.figures_functions", "fig_reset", 1),
    ("gatetheory.validate.figures_theory", "fig_phase_diagram", 1),
    ("gatetheory.validate.figures_functions", "fig_biases", 1),
    ("gatetheory.validate.figures_correlations", "fig_dmft_correlations", 2),
    ("gatetheory.validate.figures_dynamics", "fig_transients", 2),
    ("gatetheory.validate.figures_marginal", "fig_marginal_pinching", 1),
]


def versions() -> dict:
    import matplotlib
    import mpmath
    import numpy
    import scipy
    import sympy

    from .. import __version__

    return {"gatetheory": __version__, "python": platform.python_version(), "numpy": numpy.__version__,
            "scipy": scipy.__version__, "sympy": sympy.__version__, "mpmath": mpmath.__version__,
            "matplotlib": matplotlib.__version__, "machine": platform.platform()}


def build_report(out: str | Path = "report", *, quick: bool = True, only: list[str] | None = None,
                 progress: bool = True) -> Path:
    """Run every figure (or those named in ``only``) and write ``out/index.html`` and ``out/report.json``.

    A figure that raises is reported with its error in the page (and in report.json) rather than
    silently dropped; the function still returns the page's path.
    """
    return run_report(out, quick=quick, only=only, progress=progress)[0]


def run_report(out: str | Path = "report", *, quick: bool = True, only: list[str] | None = None,
               progress: bool = True) -> tuple[Path, list[FigureResult]]:
    """:func:`build_report`, also returning the figures' results (``report.json`` holds their ``to_dict()``)."""
    import importlib

    out = Path(out)
    known = [name.removeprefix("fig_") for _, name, _ in FIGURES]
    unknown = [k for k in (only or []) if k.removeprefix("fig_") not in known]
    if unknown:  # before the folder is made: bad input leaves nothing behind
        from ..params import ParameterError

        raise ParameterError(f"only = {unknown} names no figure; allowed: {', '.join(known)}")
    out.mkdir(parents=True, exist_ok=True)
    todo = [f for f in FIGURES if only is None or f[1] in only or f[1].removeprefix("fig_") in only]
    results: list[FigureResult] = []
    with progress_bar(sum(s for *_, s in todo), progress, "report", unit="step") as bar:
        for module, name, _ in todo:
            t0 = time.perf_counter()
            try:
                res = getattr(importlib.import_module(module), name)(out, quick=quick, bar=bar)
            except Exception as err:  # the report shows the failure instead of hiding the figure
                first = f"{type(err).__name__}: {err}"
                res = FigureResult(name.removeprefix("fig_"), name, "", error=first + "\n"
                                   + traceback.format_exc(limit=3), status="failed", message=" ".join(first.split()))
            results.append(replace(res, seconds=time.perf_counter() - t0))
    meta = {"quick": quick, "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "versions": versions()}
    (out / "report.json").write_text(dumps({"meta": meta, "figures": [r.to_dict() for r in results]}, indent=1))
    (out / "index.html").write_text(_html(results, meta))
    return out / "index.html", results


def _num(x) -> str:
    return "null" if x is None else f"{x:.4g}"


def agreement(c) -> str:
    """One line for a person: ``"0.12 ± 0.01 > 0"`` for a one-sided check, ``"0.51 vs 0.50: rel. error
    0.02 ≤ 0.05"`` (measured vs theory or reference, as the check's name says) for a two-sided one
    (HTML-escaped)."""
    unc = "" if c.uncertainty is None else f" ± {c.uncertainty:.2g}"
    if c.one_sided:
        rel = ">" if c.passed else "≯"
        return html.escape(f"{c.measured:.4g}{unc} {rel} {c.theory:g}")
    rel = "≤" if c.passed else ">"
    metric = {"rel": "rel. error", "abs": "abs. error"}.get(c.metric, c.metric)
    return html.escape(f"{c.measured:.4g}{unc} vs {c.theory:.4g}: {metric} {c.error:.2g} {rel} "
                       f"{c.tolerance:.2g}")


def _value(v, nested: bool = False) -> str:
    """A parameter value for a person: numbers to 4 digits, lists comma-separated, dicts as ``k = v; ...``
    (nested ones in parentheses, so levels stay apart)."""
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, (list, tuple)):
        inner = ", ".join(_value(x, True) for x in v)
        return f"[{inner}]" if nested else inner
    if isinstance(v, dict):
        inner = "; ".join(f"{k}: {_value(x, True)}" if isinstance(x, dict) else f"{k} = {_value(x, True)}"
                          for k, x in v.items())
        return f"({inner})" if nested else inner
    return str(v)


def _params_table(params: dict) -> str:
    if not params:
        return ""
    rows = "".join(f"<tr><th>{html_symbols(k)}</th><td>{html_symbols(_value(v))}</td></tr>"
                   for k, v in params.items())
    return f'<table class="params"><caption>parameters</caption>{rows}</table>'


def _summary_rows(results):
    """(failed?, row HTML) for every comparison and every figure that did not run; failures first."""
    rows = []
    for r in results:
        link = f'<a href="#{html.escape(r.key)}">{html.escape(r.seed_figure or r.key)}</a>'
        if r.error:
            rows.append((True, f'<tr class="fail"><td>{html.escape(r.title)}</td><td>{link}</td>'
                               f"<td>{html.escape(r.message)}</td><td>did not run</td></tr>"))
        for c in r.comparisons:
            rows.append((not c.passed, f'<tr class="{"ok" if c.passed else "fail"}"><td>{html_symbols(c.name)}</td>'
                                       f"<td>{link}</td><td>{agreement(c)}</td>"
                                       f'<td>{"pass" if c.passed else "FAIL"}</td></tr>'))
    return [row for failed, row in sorted(rows, key=lambda fr: not fr[0])]


def _html(results, meta) -> str:
    e = html.escape
    n_cmp = sum(len(r.comparisons) for r in results)
    n_ok = sum(c.passed for r in results for c in r.comparisons)
    failed = [(r, c) for r in results for c in r.comparisons if not c.passed]
    broken = [r for r in results if r.error]
    nav = "".join(f'<a class="{"fail" if r.error or not all(c.passed for c in r.comparisons) else ""}" '
                  f'href="#{e(r.key)}" title="{e(r.title)}">{e(r.seed_figure or r.key)}</a>' for r in results)
    parts = [f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>gatetheory validation report</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:0 auto 2em;color:#222}}
nav{{position:sticky;top:0;background:#f4f4f4;border-bottom:1px solid #ccc;padding:0.4em;z-index:1}}
nav a{{margin-right:0.8em;text-decoration:none;white-space:nowrap}}nav a.fail{{color:#b00;font-weight:bold}}
table{{border-collapse:collapse;font-size:0.85em;margin:0.5em 0}}td,th{{border:1px solid #ccc;padding:2px 6px}}
table.params th{{text-align:left;font-weight:normal;background:#f8f8f8}}caption{{text-align:left;font-size:0.9em}}
.fail{{background:#fdd}}.ok{{background:#dfd}}img{{max-width:100%;border:1px solid #eee}}
.failures{{border:2px solid #b00;background:#fee;color:#800;padding:0.5em}}
h2{{scroll-margin-top:2.5em}}pre{{background:#fee;padding:0.5em;white-space:pre-wrap}}</style></head><body>
<nav id="nav"><a href="#summary"><b>Summary</b></a>{nav}<a href="#versions">Versions</a></nav>
<h1>gatetheory validation report</h1>
<p>Theory of gated RNNs (Krishnamurthy, Can &amp; Schwab, PRX 12, 011011, 2022) checked against simulations of
the network. {'Quick mode: small N, short runs.' if meta['quick'] else 'Full mode.'}
<b>{n_ok} of {n_cmp}</b> comparisons within their stated tolerance. Created {e(meta['created'])}.</p>"""]
    if failed or broken:
        items = [f'<li><a href="#{e(r.key)}">{e(r.seed_figure or r.key)}</a>: {e(r.title)} did not run: '
                 f"{e(r.message)}</li>" for r in broken]
        items += [f'<li><a href="#{e(r.key)}">{e(r.seed_figure or r.key)}</a>: {html_symbols(c.name)}: '
                  f"{agreement(c)}</li>" for r, c in failed]
        parts.append(f'<div class="failures" id="failures"><b>{len(failed)} comparison(s) outside tolerance, '
                     f'{len(broken)} figure(s) failed to run</b><ul>{"".join(items)}</ul></div>')
    parts.append('<h2 id="summary">Summary</h2><table class="summary"><tr><th>claim</th><th>figure</th>'
                 "<th>agreement</th><th>verdict</th></tr>" + "".join(_summary_rows(results)) + "</table>")
    for r in results:
        parts.append(f'<section id="{e(r.key)}"><h2>{e(r.seed_figure)}: {html_symbols(r.title)} '
                     f"<small>({r.seconds:.0f} s)</small></h2>")
        if r.error:
            parts.append(f"<pre>{e(r.error)}</pre></section>")
            continue
        parts.append(f'<img src="{e(r.png)}" alt="{e(r.title)}"><p>{html_symbols(r.caption)}</p>')
        if r.comparisons:
            parts.append("<table><tr><th>quantity</th><th>agreement</th><th>verdict</th><th>note</th></tr>")
            for c in r.comparisons:
                parts.append(f'<tr class="{"ok" if c.passed else "fail"}"><td>{html_symbols(c.name)}</td>'
                             f'<td>{agreement(c)}</td><td>{"pass" if c.passed else "FAIL"}</td>'
                             f"<td>{html_symbols(c.note)}</td></tr>")
            parts.append("</table>")
        parts.append(_params_table(r.params) + "</section>")
    parts.append('<h2 id="versions">Versions</h2><table>' + "".join(f"<tr><td>{e(k)}</td><td>{e(str(v))}</td></tr>"
                                                      for k, v in meta["versions"].items()) + "</table></body></html>")
    return "\n".join(parts)
