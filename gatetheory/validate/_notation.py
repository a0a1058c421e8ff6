"""One notation for the report: plain symbol names (``alpha_r``, ``g_h``, ``lambda_max``, ``C_h(tau)``)
written as matplotlib mathtext in the figures and as HTML (Greek letters, sub- and superscripts) in the page.

The figure code and the comparison names keep the plain spelling of docs/conventions.md; the
conversion happens once, here, when a figure is saved (:func:`mathtext_figure`) and when the page is
written (:func:`html_symbols`). Text already inside ``$...$`` is left as it is.
"""
from __future__ import annotations

import html
import re

_GREEK = ("alpha", "beta", "gamma", "delta", "Delta", "lambda", "tau", "sigma", "phi", "mu", "rho", "omega",
          "chi", "epsilon", "theta", "Lambda", "Sigma")
_SCRIPT = r"(?:_(?P<sub>[A-Za-z0-9]+))?(?:\^(?P<sup>[A-Za-z0-9]+|\{[^}]*\}))?"
#: multi-letter subscripts a Latin letter may carry (D_KY, h_KS, t_max); others (n_paths, t_window) are code names
_LATIN_SUBS = ("KY", "KS", "max", "min", "eff")
#: a Greek name with optional sub/superscript, a Latin letter with a one-character or listed subscript
#: (g_h, C_h, D_KY), or N; never inside a longer identifier (phase_diagram_beta_r_1 stays as it is)
_TOKEN = re.compile(r"(?<![A-Za-z0-9\\_])(?:(?P<greek>" + "|".join(_GREEK) + r")" + _SCRIPT.replace("sub", "gsub")
                    .replace("sup", "gsup") + r"|(?P<latin>[A-Za-z])_(?P<lsub>[A-Za-z0-9]|" + "|".join(_LATIN_SUBS)
                    + r")(?:\^(?P<lsup>[A-Za-z0-9]+|\{[^}]*\}))?|(?P<size>N))(?![A-Za-z0-9_])")
_FUNCS = {"max", "min"}


def _parts(m):
    if m.group("size"):  # the network size, the one bare letter the report uses as a symbol
        return "N", None, None, False
    base = m.group("greek") or m.group("latin")
    sub = m.group("gsub") if m.group("greek") else m.group("lsub")
    sup = m.group("gsup") if m.group("greek") else m.group("lsup")
    return base, sub, (sup.strip("{}") if sup else None), bool(m.group("greek"))


def _tex_script(s: str) -> str:
    if s in _FUNCS:
        return "\\" + s
    return s if len(s) == 1 or s.isdigit() else r"\mathrm{" + s + "}"


def _tex(m) -> str:
    base, sub, sup, greek = _parts(m)
    out = ("\\" + base) if greek else base
    if sub:
        out += "_{" + _tex_script(sub) + "}"
    if sup:
        out += "^{" + _tex_script(sup) + "}"
    return "$" + out + "$"


def mathtext(text: str) -> str:
    """``"alpha_r = 2, lambda_max"`` -> ``"$\\alpha_{r}$ = 2, $\\lambda_{\\max}$"``; ``$...$`` kept as is."""
    if not text or text.count("$") % 2:
        return text
    pieces = text.split("$")
    for i in range(0, len(pieces), 2):  # even pieces lie outside $...$
        pieces[i] = _TOKEN.sub(_tex, pieces[i])
    return "$".join(pieces).replace("$$", "")


def mathtext_figure(fig) -> None:
    """Rewrite every text of ``fig`` (titles, axis labels, legends, annotations) with :func:`mathtext`."""
    from matplotlib.mathtext import MathTextParser
    from matplotlib.text import Text

    parser = MathTextParser("path")
    for t in fig.findobj(Text):
        s = t.get_text()
        new = mathtext(s)
        if new == s:
            continue
        try:  # a label the converter cannot make valid mathtext stays as it was, never breaks the figure
            parser.parse(new)
        except ValueError:
            continue
        t.set_text(new)


_HTML_GREEK = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "lambda": "λ", "tau": "τ",
               "sigma": "σ", "phi": "φ", "mu": "μ", "rho": "ρ", "omega": "ω", "chi": "χ", "epsilon": "ε",
               "theta": "θ", "Lambda": "Λ", "Sigma": "Σ"}


def _html(m) -> str:
    base, sub, sup, greek = _parts(m)
    out = _HTML_GREEK[base] if greek else f"<i>{base}</i>"
    if sub:
        out += f"<sub>{sub}</sub>"
    if sup:
        out += f"<sup>{sup}</sup>"
    return out


def html_symbols(text: str) -> str:
    """``text`` HTML-escaped, with symbol names as HTML: ``"alpha_r^dyn"`` -> ``"α<sub>r</sub><sup>dyn</sup>"``."""
    return _TOKEN.sub(_html, html.escape(str(text)))
