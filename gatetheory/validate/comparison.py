"""Records of theory-against-simulation checks, shared by the report and the tests."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..results import Result


@dataclass(frozen=True)
class Comparison(Result):
    """One quantified agreement between theory and an independent computation.

    Attributes
    ----------
    name : str
        What is compared, e.g. ``"lambda_max, g_h=4, alpha_r=2"``.
    theory, measured : float
        The two numbers.
    metric : str
        How they are compared (``"abs"``, ``"rel"``, or a description).
    error : float
        The value of that metric.
    tolerance : float
        The budget the error is held to, with its reason in ``note``.
    note : str
    uncertainty : float or None
        The measured number's error bar (a standard error, say), where it has one; shown
        as ``measured ± uncertainty``.

    A one-sided check (:func:`claim`) has ``metric = "> bound"`` and ``theory = bound``
    (:attr:`one_sided`); its ``error`` is the shortfall and its ``tolerance`` 0.

    ``to_dict()`` adds ``passed``; a comparison whose numbers are not finite fails, and
    its NaNs are written as null.
    """

    name: str
    theory: float
    measured: float
    metric: str
    error: float
    tolerance: float
    note: str = ""
    uncertainty: float | None = None

    derived = ("passed",)

    @property
    def passed(self) -> bool:
        return bool(self.error <= self.tolerance)

    @property
    def one_sided(self) -> bool:
        """Whether this is a :func:`claim` (``measured > theory``) rather than a two-sided agreement."""
        return self.metric.startswith("> ")


def _unc(uncertainty):
    return None if uncertainty is None else float(uncertainty)


def compare(name: str, theory: float, measured: float, *, rel: float | None = None, abs_: float | None = None,
            note: str = "", uncertainty: float | None = None) -> Comparison:
    """A Comparison with a relative (``rel``) or absolute (``abs_``) tolerance."""
    theory, measured = float(theory), float(measured)
    if rel is not None:
        err = abs(theory - measured) / max(abs(theory), 1e-300)
        return Comparison(name, theory, measured, "rel", err, rel, note, _unc(uncertainty))
    err = abs(theory - measured)
    return Comparison(name, theory, measured, "abs", err, float(abs_ if abs_ is not None else 0.0), note,
                      _unc(uncertainty))


def claim(name: str, measured: float, *, greater_than: float, note: str = "",
          uncertainty: float | None = None) -> Comparison:
    """A one-sided check: ``measured > greater_than``; the error is the shortfall (0 when it holds)."""
    measured = float(measured)
    return Comparison(name, float(greater_than), measured, f"> {greater_than:g}",
                      max(0.0, greater_than - measured) if measured != greater_than else 1e-300, 0.0, note,
                      _unc(uncertainty))


@dataclass(frozen=True)
class FigureResult(Result):
    """A report figure: its file, caption, the seed figure it reproduces and its agreement numbers.

    Frozen like every result: a figure function appends to ``comparisons`` and ``params`` and
    sets the rest with ``dataclasses.replace``. A figure that raised has ``status = "failed"``,
    the first line of the exception as ``message`` and the traceback in ``error``.
    """

    key: str
    title: str
    seed_figure: str
    png: str = ""
    caption: str = ""
    comparisons: list = field(default_factory=list)
    params: dict = field(default_factory=dict)
    seconds: float = 0.0
    error: str = ""
