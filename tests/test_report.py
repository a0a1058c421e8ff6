"""The validation report: every image the HTML references exists and is not blank; failures are shown,
not hidden. The default suite builds two fast figures; the whole quick report is a slow test."""
import json
import re
from pathlib import Path

import numpy as np
import pytest

from gatetheory.validate.report import build_report


def _check_page(page: Path):
    html = page.read_text()
    images = re.findall(r'<img src="([^"]+)"', html)
    assert images, "the report shows no figure"
    import matplotlib.image as mpimg

    for name in images:
        path = page.parent / name
        assert path.exists(), f"{name} is referenced but missing"
        pixels = mpimg.imread(path)[..., :3]
        assert pixels.std() > 0.02, f"{name} looks blank"
    return html


def test_report_quick_subset(tmp_path):
    page = build_report(tmp_path, quick=True, only=["integrator", "spectrum"], progress=False)
    html = _check_page(page)
    data = json.loads((tmp_path / "report.json").read_text())
    assert {f["key"] for f in data["figures"]} == {"integrator", "spectrum"}
    assert all(not f["error"] for f in data["figures"])
    assert all(c["passed"] for f in data["figures"] for c in f["comparisons"]), data
    assert "gatetheory" in data["meta"]["versions"] and "within their stated tolerance" in html
    assert "<nav" in html and 'href="#integrator"' in html and 'href="#spectrum"' in html
    assert '<table class="summary">' in html and '<table class="params">' in html
    assert "parameters: {" not in html  # parameters are a table, not a JSON dump


def test_report_shows_a_failing_figure(tmp_path, monkeypatch):
    """A figure that raises appears in the page with its error instead of vanishing."""
    import gatetheory.validate.figures_dynamics as fd

    def broken(out, quick=True, bar=None):
        raise RuntimeError("deliberate failure")

    monkeypatch.setattr(fd, "fig_integrator", broken)
    page = build_report(tmp_path, quick=True, only=["integrator"], progress=False)
    assert "deliberate failure" in page.read_text()


@pytest.mark.slow
def test_report_quick_full(tmp_path):
    page = build_report(tmp_path, quick=True, progress=False)
    _check_page(page)
    data = json.loads((tmp_path / "report.json").read_text())
    assert all(not f["error"] for f in data["figures"]), [f["error"] for f in data["figures"] if f["error"]]


def test_report_renders_in_a_real_browser(tmp_path):
    """Headless Chromium (Debian's package, when installed) opens the page and its screenshot is not blank."""
    import shutil
    import subprocess

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    page = build_report(tmp_path, quick=True, only=["integrator"], progress=False)
    shot = tmp_path / "shot.png"
    r = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri()],
                       capture_output=True, text=True, timeout=120)
    assert shot.exists(), r.stderr[-2000:]
    import matplotlib.image as mpimg

    assert mpimg.imread(shot)[..., :3].std() > 0.02


def test_unknown_figure_rejected(tmp_path):
    from gatetheory import ParameterError

    with pytest.raises(ParameterError, match="names no figure"):
        build_report(tmp_path, only=["nosuch"], progress=False)


def _fake_results():
    from gatetheory.validate.comparison import FigureResult, claim, compare

    good = FigureResult("good", "A figure with alpha_r", "Fig. 1", png="", params={"g_h": 2.0, "sizes": [100, 200],
                                                                                      "nested": {"a": 1}})
    good.comparisons.append(claim("lambda_max at g_h = 5", 0.12, greater_than=0.0, uncertainty=0.01))
    good.comparisons.append(compare("C_h(0)", 1.0, 1.01, rel=0.05))
    bad = FigureResult("bad", "A failing figure", "Fig. 2")
    bad.comparisons.append(compare("D_KY/N, broken", 0.1, 0.5, abs_=0.01))
    return [good, bad]


def test_page_layout_nav_summary_failures_first():
    """The page opens with a nav bar (one link per figure), a red failure box and a summary table whose
    first row is the failure; parameters are a table, not JSON; symbols are HTML, not plain names."""
    from gatetheory.validate.report import _html

    results = _fake_results()
    page = _html(results, {"quick": True, "created": "now", "versions": {"gatetheory": "x"}})
    nav = re.search(r"<nav.*?</nav>", page, re.S).group(0)
    assert 'href="#good"' in nav and '<a class="fail" href="#bad"' in nav
    assert page.index('class="failures"') < page.index('id="summary"') < page.index('<section id="good"')
    summary = re.search(r'<table class="summary">(.*?)</table>', page, re.S).group(1)
    rows = re.findall(r"<tr class=\"(\w+)\">", summary)
    assert rows == ["fail", "ok", "ok"], rows  # failures first
    assert "<th>claim</th><th>figure</th><th>agreement</th><th>verdict</th>" in summary
    assert "0.12 ± 0.01 &gt; 0" in page  # one-sided: value, error bar, bound; no theory = tolerance = 0
    assert "λ<sub>max</sub>" in page and "<i>g</i><sub>h</sub>" in page and "lambda_max" not in page
    assert '<table class="params">' in page and "100, 200" in page and "a = 1" in page
    assert "parameters: {" not in page and '{"' not in page


def test_agreement_text():
    from gatetheory.validate.comparison import claim, compare
    from gatetheory.validate.report import agreement

    assert agreement(claim("x", 0.12, greater_than=0.0, uncertainty=0.01)) == "0.12 ± 0.01 &gt; 0"
    assert agreement(claim("x", -0.2, greater_than=0.0)) == "-0.2 ≯ 0"
    assert agreement(compare("x", 2.0, 2.02, rel=0.05)) == "2.02 vs 2: rel. error 0.01 ≤ 0.05"


def test_mathtext_labels():
    """Plain names become mathtext; text already in $...$ is kept; every result parses."""
    from matplotlib.mathtext import MathTextParser

    from gatetheory.validate._notation import mathtext

    cases = {"alpha_r = 2": r"$\alpha_{r}$ = 2", "lambda_max": r"$\lambda_{\max}$", "C_h(tau)": r"$C_{h}$($\tau$)",
             "D_KY/N": r"$D_{\mathrm{KY}}$/$N$", "alpha_r^dyn": r"$\alpha_{r}^{\mathrm{dyn}}$",
             r"$\beta$ and g_h": r"$\beta$ and $g_{h}$", "fp_bifurcation": "fp_bifurcation", "i / 3N": "i / 3N",
             "n_paths": "n_paths", "phase_diagram_beta_r_1": "phase_diagram_beta_r_1", "t_max": r"$t_{\max}$"}
    parser = MathTextParser("path")
    for plain, tex in cases.items():
        assert mathtext(plain) == tex
        parser.parse(tex)


def test_lyapunov_collapse_renders(tmp_path, monkeypatch):
    """The spectrum-collapse figure at toy size (N = 20, 40; t = 20): renders, reports D_KY/N and h_KS/N."""
    import gatetheory.validate.figures_dynamics as fd

    monkeypatch.setitem(fd.COLLAPSE_SETTINGS, True, ((20, 40), {20: (1, 2), 40: (1, 2)}, 20.0))
    page = build_report(tmp_path, quick=True, only=["lyapunov_collapse"], progress=False)
    _check_page(page)
    fig = json.loads((tmp_path / "report.json").read_text())["figures"][0]
    assert not fig["error"], fig["error"]
    names = [c["name"] for c in fig["comparisons"]]
    assert len(names) == 4 and sum("D_KY/N" in n for n in names) == 2 and sum("h_KS/N" in n for n in names) == 2
    assert all(c["uncertainty"] is not None for c in fig["comparisons"])


def test_dmft_correlations_renders(tmp_path, monkeypatch):
    """Fig. 9 at toy size (alpha_z = 0 by the exact moment route, one N = 100 network, short window)."""
    import gatetheory.validate.figures_correlations as fc

    monkeypatch.setattr(fc, "SETTINGS_QUICK", {0.0: (0.5, 20.0, 60.0, 10.0, fc.DMFT_SHORT, (100, 1, 2))})
    page = build_report(tmp_path, quick=True, only=["dmft_correlations"], progress=False)
    _check_page(page)
    fig = json.loads((tmp_path / "report.json").read_text())["figures"][0]
    assert not fig["error"], fig["error"]
    assert len(fig["comparisons"]) == 2
