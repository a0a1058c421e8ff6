"""Sphinx configuration: Markdown pages (MyST) and the API reference from numpydoc docstrings.

Build (warnings are errors):  .venv/bin/python -m sphinx -W -b html docs docs/_build/html
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

project = "gatetheory"
author = "the gatetheory developers"
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.mathjax"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
napoleon_numpy_docstring = True
napoleon_google_docstring = False
autodoc_member_order = "bysource"
autodoc_typehints = "none"
myst_heading_anchors = 3
myst_enable_extensions = ["dollarmath", "amsmath"]  # $...$ and $$...$$ in the derivation pages
html_theme = "alabaster"
suppress_warnings = ["myst.header"]
