"""Validation: theory against simulation, as Comparison records, figures and an HTML report."""
from .comparison import Comparison, FigureResult, compare

__all__ = ["Comparison", "FigureResult", "compare"]
