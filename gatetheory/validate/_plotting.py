"""Matplotlib set-up shared by the report figures: a headless backend and PNG saving."""
from __future__ import annotations

from pathlib import Path


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig, out, key) -> str:
    path = Path(out) / f"{key}.png"
    fig.savefig(path, dpi=100)
    _plt().close(fig)
    return path.name


