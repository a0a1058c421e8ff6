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
