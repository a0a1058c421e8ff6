"""Matplotlib set-up shared by the report figures: a headless backend and PNG saving (every text of
a figure is written as mathtext first, :mod:`._notation`)."""
from __future__ import annotations

from pathlib import Path


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig, out, key) -> str:
    from ._notation import mathtext_figure

    mathtext_figure(fig)
    path = Path(out) / f"{key}.png"
    fig.savefig(path, dpi=100)
    _plt().close(fig)
    return path.name


