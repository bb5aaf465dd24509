"""Problems in a formula that are not arithmetic: letters from another alphabet, unknown macros."""
from __future__ import annotations

import re
import unicodedata

from .texnotation import FUNCTIONS, GREEK, RECIPROCALS

# Macros KaTeX renders (the part of its table instructors use); anything else prints as red text.
KATEX_MACROS = set(FUNCTIONS) | set(GREEK) | {
    "frac", "dfrac", "tfrac", "cfrac", "cdot", "times", "div", "pm", "mp", "sqrt", "left", "right", "partial",
    "nabla", "approx", "le", "leq", "ge", "geq", "ne", "neq", "lt", "gt", "quad", "qquad", "text", "mathrm",
    "operatorname", "begin", "end", "lim", "to", "rightarrow", "infty", "sum", "int", "prod", "lvert", "rvert",
    "vert", "mid", "prime", "dots", "ldots", "cdots", "vdots", "ddots", "displaystyle", "textstyle", "limits",
    "hat", "bar", "vec", "tilde", "dot", "ddot", "overline", "underline", "mathbf", "mathit", "mathbb",
    "mathcal", "boldsymbol", "in", "notin", "subset", "cup", "cap", "forall", "exists", "max", "min", "arg",
    "sec", "csc", "coth", "det", "dim", "exp", "ln", "lg", "log", "circ", "star", "ast", "equiv", "sim",
    "propto", "leftarrow", "Rightarrow", "Leftarrow", "iff", "implies", "land", "lor", "neg", "varepsilon",
    "varphi", "vartheta", "ell", "hbar", "emptyset", "boxed", "color", "textbf", "textit", "underbrace",
    "overbrace", "binom", "choose", "not",
    "lbrace", "rbrace", "enspace", "thinspace", "medspace", "thickspace",
    "langle", "rangle", "lfloor", "rfloor", "lceil", "rceil",
    "big", "Big", "bigg", "Bigg", "colon", "therefore", "because", "checkmark", "degree", "arctg",
    "arcctg", "tg", "ctg", "sh", "ch", "th", "cth", "leqslant", "geqslant", "nolimits", "substack", "atop",
    "lVert", "rVert", "Vert", "aligned", "pmatrix", "bmatrix", "matrix", "cases", "hline", "phantom",
} | set(RECIPROCALS)
_TEXT = re.compile(r"\\(?:text|mathrm|textbf|textit|operatorname)\{[^{}]*\}")


def lint(latex: str) -> list[str]:
    problems = []
    without_text = _TEXT.sub("", latex)
    for char in sorted(set(without_text), key=without_text.index):
        if char.isalpha() and not char.isascii() and not _is_greek(char):
            script = unicodedata.name(char, "unknown").split(" ")[0].title()
            problems.append(f"{script} letter '{char}' (U+{ord(char):04X}) inside math: KaTeX shows it, "
                            "but it is not the Latin letter it looks like")
    for macro in re.findall(r"\\([A-Za-z]+)", latex):
        if macro not in KATEX_MACROS:
            problems.append(f"unknown macro \\{macro}: KaTeX cannot render it")
    return problems


def _is_greek(char: str) -> bool:
    return unicodedata.name(char, "").startswith("GREEK")
