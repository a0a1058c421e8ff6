"""Every notebook source (jupytext percent format) runs to completion as a script with GATETHEORY_QUICK=1,
including the assertions it ends with. The derivation notebook has its own test."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.py"))
OWN_TEST = {"derivation_fp_bifurcation.py"}


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name not in OWN_TEST], ids=lambda p: p.stem)
def test_notebook_runs(path, tmp_path):
    env = {**os.environ, "GATETHEORY_QUICK": "1", "MPLBACKEND": "Agg"}
    r = subprocess.run([sys.executable, str(path)], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-3000:]
