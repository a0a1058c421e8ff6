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
from .comparison import FigureResult

# (module, function, steps for the progress bar in quick mode)
FIGURES = [
    ("gatetheory.validate.figures_theory", "fig_spectrum", 1),
    ("gatetheory.validate.figures_dynamics", "fig_integrator", 1),
    ("gatetheory.validate.figures_dynamics", "fig_lyapunov_spectra", 6),
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


def _html(results, meta) -> str:
    e = html.escape
    n_cmp = sum(len(r.comparisons) for r in results)
    n_ok = sum(c.passed for r in results for c in r.comparisons)
    parts = [f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>gatetheory validation report</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}}
table{{border-collapse:collapse;font-size:0.85em;margin:0.5em 0}}td,th{{border:1px solid #ccc;padding:2px 6px}}
.fail{{background:#fdd}}.ok{{background:#dfd}}img{{max-width:100%;border:1px solid #eee}}
pre{{background:#fee;padding:0.5em;white-space:pre-wrap}}</style></head><body>
<h1>gatetheory validation report</h1>
<p>Theory of gated RNNs (Krishnamurthy, Can &amp; Schwab, PRX 12, 011011, 2022) checked against simulations of
the network. {'Quick mode: small N, short runs.' if meta['quick'] else 'Full mode.'}
<b>{n_ok} of {n_cmp}</b> comparisons within their stated tolerance. Created {e(meta['created'])}.</p>
<h2>Contents</h2><ul>"""]
    for r in results:
        status = "failed to run" if r.error else f"{sum(c.passed for c in r.comparisons)}/{len(r.comparisons)} within tolerance"
        parts.append(f'<li><a href="#{e(r.key)}">{e(r.title)}</a> ({e(r.seed_figure)}): {status}</li>')
    parts.append("</ul>")
    for r in results:
        parts.append(f'<h2 id="{e(r.key)}">{e(r.title)} <small>({e(r.seed_figure)}, {r.seconds:.0f} s)</small></h2>')
        if r.error:
            parts.append(f"<pre>{e(r.error)}</pre>")
            continue
        parts.append(f'<img src="{e(r.png)}" alt="{e(r.title)}"><p>{e(r.caption)}</p>')
        if r.comparisons:
            parts.append("<table><tr><th>quantity</th><th>theory</th><th>measured</th><th>metric</th><th>error</th>"
                         "<th>tolerance</th><th>note</th></tr>")
            for c in r.comparisons:
                parts.append(f'<tr class="{"ok" if c.passed else "fail"}"><td>{e(c.name)}</td><td>{c.theory:.6g}</td>'
                             f"<td>{c.measured:.6g}</td><td>{c.metric}</td><td>{c.error:.3g}</td><td>{c.tolerance:.3g}</td>"
                             f"<td>{e(c.note)}</td></tr>")
            parts.append("</table>")
        parts.append(f"<p><small>parameters: {e(dumps(r.params))}</small></p>")
    parts.append("<h2>Versions</h2><table>" + "".join(f"<tr><td>{e(k)}</td><td>{e(str(v))}</td></tr>"
                                                      for k, v in meta["versions"].items()) + "</table></body></html>")
    return "\n".join(parts)
