"""The derivation notebook runs end to end (as a plain script, GATETHEORY_QUICK=1) and its own
closing assertions (fitted exponents and extrapolated limit against the derivation) hold."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "derivation_fp_bifurcation.py"


@pytest.mark.skipif(not NOTEBOOK.exists(), reason="notebooks/ not present")
def test_derivation_notebook_runs(tmp_path):
    env = {**os.environ, "GATETHEORY_QUICK": "1", "MPLBACKEND": "Agg"}
    r = subprocess.run([sys.executable, str(NOTEBOOK)], cwd=tmp_path, env=env, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "extrapolated limit" in r.stdout
