#!/usr/bin/env python3
"""Set-up and entry points for gatetheory that need nothing but Python 3.10+.

    python3 dev.py setup  # create .venv if missing and install (with test extras); nothing else
    python3 dev.py run    # create .venv if missing, install, run the main job
    python3 dev.py test   # create .venv if missing, install with test extras, run the quick tests
                          # (RuntimeWarnings are errors)
    python3 dev.py slow   # the long validations (marked `slow`)

The virtual environment is (re)installed when pyproject.toml is newer than its stamp.
"""
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"


def ensure_venv() -> None:
    if sys.version_info < (3, 10):
        sys.exit(f"gatetheory needs Python >= 3.10; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        print("installing gatetheory and its dependencies into .venv", flush=True)
        subprocess.check_call([str(BIN / "python"), "-m", "pip", "install", "-q",
                               "--disable-pip-version-check", "-e", f"{ROOT}[test]"])
        STAMP.touch()


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "test"
    rest = argv[1:]
    if task not in ("setup", "run", "test", "slow"):
        sys.exit(f"unknown task {task!r}; use one of: setup, run, test, slow")
    ensure_venv()
    py = str(BIN / "python")
    if task == "setup":
        print(f"ready: {py} -m gatetheory --help", flush=True)
        return 0
    if task == "run":
        return subprocess.call([py, "-m", "gatetheory", "report", "--quick", *rest], cwd=ROOT)
    if task == "test":
        # warnings of overflow or invalid values are errors: no silent NaN reaches a passing test
        return subprocess.call([py, "-m", "pytest", "-q", "-W", "error::RuntimeWarning", *rest], cwd=ROOT)
    if task == "slow":
        return subprocess.call([py, "-m", "pytest", "-q", "-m", "slow", *rest], cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
