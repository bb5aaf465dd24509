"""How big KaTeX draws a formula, estimated from its TeX: height, depth and width in em.

The paginator needs the size of every formula before any browser sees the deck (``verideck build`` writes
Markdown without one).  This module reads the TeX verideck prints (and the instructor's) as a tree of
atoms and composes their boxes the way TeX does — fractions stack their parts around the math axis,
scripts shift and shrink, ``\\left…\\right`` delimiters grow in KaTeX's discrete sizes, aligned rows
add up — with KaTeX's font parameters.  It is an estimate meant to err on the large side: the test
``tests/pages/test_formula_sizes.py`` compares it with KaTeX's own struts for every formula of the
example decks.  Unknown commands count as one ordinary symbol.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|[{}^_&]|\s+|.", re.DOTALL)

AXIS = 0.25  # the math axis above the baseline (KaTeX's axisHeight)
SCRIPT = 0.7  # the size of scripts, relative to their base
SCRIPT_SCRIPT = 0.5

# KaTeX's delimiter sizes (total height in em), from an ordinary parenthesis to \Biggl
DELIMITER_SIZES = (1.0, 1.2, 1.8, 2.4, 3.0)

RELATIONS = {"=", "<", ">", r"\approx", r"\le", r"\leq", r"\ge", r"\geq", r"\ne", r"\neq", r"\to", r"\equiv",
             r"\sim", r"\mapsto", r"\leftarrow", r"\rightarrow", r"\Rightarrow", r"\iff", r"\implies", r"\in",
             r"\coloneqq", ":=", r"\propto", r"\ll", r"\gg", r"\subset"}
BINARY = {"+", "-", r"\cdot", r"\times", r"\pm", r"\mp", r"\div", r"\circ", r"\ast", r"\odot"}
SPACES = {r"\,": 0.17, r"\:": 0.22, r"\;": 0.28, r"\ ": 0.33, "~": 0.33, r"\quad": 1.0, r"\qquad": 2.0,
          r"\!": -0.17, r"\enspace": 0.5}
BIG_OPERATORS = {r"\sum", r"\prod", r"\int", r"\iint", r"\oint", r"\bigcup", r"\bigcap", r"\lim", r"\max",
                 r"\min", r"\sup", r"\inf", r"\limsup", r"\liminf", r"\argmin", r"\argmax"}
LIMITS_BELOW = {r"\sum", r"\prod", r"\lim", r"\max", r"\min", r"\sup", r"\inf", r"\limsup", r"\liminf",
                r"\bigcup", r"\bigcap"}
ACCENTS = {r"\hat", r"\bar", r"\tilde", r"\vec", r"\dot", r"\ddot", r"\overline", r"\widehat", r"\widetilde",
           r"\check", r"\breve", r"\acute", r"\grave", r"\overrightarrow", r"\overleftarrow"}
FONT_GROUPS = {r"\mathbf", r"\mathrm", r"\mathit", r"\mathcal", r"\mathbb", r"\boldsymbol", r"\mathsf",
               r"\mathtt", r"\mathfrak", r"\operatorname", r"\mathop", r"\mathrel", r"\mathbin", r"\mathord",
               r"\mathopen", r"\mathclose", r"\mathpunct", r"\bm", r"\pmb"}
TEXT_GROUPS = {r"\text", r"\textrm", r"\textbf", r"\textit", r"\mbox", r"\textsf", r"\texttt", r"\textnormal"}
SIZED_DELIMITERS = {r"\big": 1.2, r"\Big": 1.8, r"\bigg": 2.4, r"\Bigg": 3.0}
ENVIRONMENT_DELIMITERS = {"pmatrix": 2, "bmatrix": 2, "Bmatrix": 2, "vmatrix": 2, "Vmatrix": 2, "cases": 1}
ENVIRONMENT_JOT = {"aligned": 0.3, "align": 0.3, "align*": 0.3, "gathered": 0.3, "split": 0.3, "alignedat": 0.3}
IGNORED_ARGUMENTS = {r"\color": 1, r"\textcolor": 1, r"\tag": 1, r"\label": 1}  # arguments that draw nothing
STYLES = {r"\displaystyle": "D", r"\textstyle": "T", r"\scriptstyle": "S", r"\scriptscriptstyle": "SS"}
DESCENDERS = set("()[]|/") | {r"\lvert", r"\rvert", r"\vert", r"\lbrace", r"\rbrace", r"\{", r"\}", r"\|",
                              r"\langle", r"\rangle"}  # as tall and deep as a parenthesis
SHORT_DESCENDERS = set("gpqy") | {r"\gamma", r"\eta", r"\mu", r"\rho", r"\varphi", r"\chi"}  # x-height, a tail
TALL_DESCENDERS = set("fjQ") | {r"\beta", r"\phi", r"\psi", r"\xi", r"\zeta", r"\partial"}
OPERATOR_NAMES = {r"\sin", r"\cos", r"\tan", r"\cot", r"\sec", r"\csc", r"\tg", r"\ctg", r"\arctg", r"\arcctg",
                  r"\arcsin", r"\arccos", r"\arctan", r"\ln", r"\log", r"\lg", r"\exp", r"\sinh", r"\cosh", r"\tanh",
                  r"\sh", r"\ch", r"\th", r"\cth", r"\sgn", r"\det"}


@dataclass(frozen=True)
class Box:
    height: float  # above the baseline, em of the formula's font
    depth: float  # below it
    width: float

    @property
    def total(self) -> float:
        return self.height + self.depth

    def scaled(self, factor: float) -> Box:
        return Box(self.height * factor, self.depth * factor, self.width * factor)

    def beside(self, other: Box) -> Box:
        return Box(max(self.height, other.height), max(self.depth, other.depth), self.width + other.width)


EMPTY = Box(0.0, 0.0, 0.0)
ORDINARY = Box(0.69, 0.0, 0.6)  # a letter with an ascender, a capital, a Greek letter
SHORT = Box(0.45, 0.0, 0.55)  # a letter of x-height
WIDE = {"m": 0.88, "w": 0.72, "M": 1.0, "W": 1.05}  # letters much wider than the others
SHORT_LETTERS = set("acemnorsuvwxz") | {r"\alpha", r"\varepsilon", r"\epsilon", r"\iota", r"\kappa", r"\nu",
                                         r"\omega", r"\pi", r"\sigma", r"\tau", r"\upsilon", r"\cdot"}


def _scale(style: str) -> float:
    return {"D": 1.0, "T": 1.0, "S": SCRIPT, "SS": SCRIPT_SCRIPT}[style]


def _smaller(style: str) -> str:
    """The style of scripts of a formula in ``style``."""
    return {"D": "S", "T": "S", "S": "SS", "SS": "SS"}[style]


def _fraction_parts(style: str) -> str:
    return {"D": "T", "T": "S", "S": "SS", "SS": "SS"}[style]


class _Reader:
    """Reads a token list into boxes; ``position`` moves as atoms are consumed."""

    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.position = 0

    def peek(self) -> str | None:
        while self.position < len(self.tokens) and self.tokens[self.position].isspace():
            self.position += 1
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> str | None:
        token = self.peek()
        if token is not None:
            self.position += 1
        return token

    def group_tokens(self) -> list[str]:
        """The tokens of the next argument: a braced group, or one token."""
        token = self.take()
        if token != "{":
            return [token] if token is not None else []
        depth, start = 1, self.position
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            self.position += 1
            depth += {"{": 1, "}": -1}.get(token, 0)
            if depth == 0:
                return self.tokens[start:self.position - 1]
        return self.tokens[start:]

    def until_end(self, name: str) -> list[str]:
        """The tokens up to ``\\end{name}`` (nested environments of the same name included)."""
        depth, start = 1, self.position
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            self.position += 1
            if token in (r"\begin", r"\end"):
                argument = "".join(self.group_tokens())
                if argument == name:
                    depth += 1 if token == r"\begin" else -1
                    if depth == 0:
                        end = self.position
                        while self.tokens[end - 1] != r"\end":
                            end -= 1
                        return self.tokens[start:end - 1]
        return self.tokens[start:]


def _row(tokens: list[str], style: str) -> Box:
    """The box of a sequence of atoms set side by side."""
    reader, box = _Reader(tokens), EMPTY
    while reader.peek() is not None:
        token = reader.peek()
        if token in STYLES:
            reader.take()
            style = STYLES[token]
            continue
        if token == r"\left":
            box = box.beside(_delimited(reader, style))
            continue
        atom = _atom(reader, style)
        box = box.beside(_scripts(reader, atom, style, token))
    return box


def _atom(reader: _Reader, style: str) -> Box:
    token = reader.take()
    scale = _scale(style)
    if token is None or token == "}":
        return EMPTY
    if token == "{":
        reader.position -= 1
        return _row(reader.group_tokens(), style)
    if token in (r"\frac", r"\dfrac", r"\tfrac", r"\cfrac", r"\binom"):
        numerator, denominator = reader.group_tokens(), reader.group_tokens()
        inner = "D" if token == r"\dfrac" else ("T" if token == r"\tfrac" else style)
        return _fraction(numerator, denominator, inner)
    if token == r"\sqrt":
        if reader.peek() == "[":
            while reader.take() not in ("]", None):
                pass
        inside = _row(reader.group_tokens(), style)
        return _radical(inside, style)
    if token in ACCENTS:
        inside = _row(reader.group_tokens(), style)
        return Box(max(inside.height, 0.45 * scale) + 0.26 * scale, inside.depth, inside.width)
    if token in (r"\underbrace", r"\overbrace"):
        inside = _row(reader.group_tokens(), style)
        label = _label(reader, style)
        if token == r"\underbrace":
            return Box(inside.height, inside.depth + 0.55 * scale + label.total, max(inside.width, label.width))
        return Box(inside.height + 0.55 * scale + label.total, inside.depth, max(inside.width, label.width))
    if token in (r"\overset", r"\underset", r"\stackrel"):
        mark = _row(reader.group_tokens(), _smaller(style))
        base = _row(reader.group_tokens(), style)
        if token == r"\underset":
            return Box(base.height, base.depth + mark.total + 0.1 * scale, max(base.width, mark.width))
        return Box(base.height + mark.total + 0.1 * scale, base.depth, max(base.width, mark.width))
    if token in FONT_GROUPS:
        return _row(reader.group_tokens(), style)
    if token in TEXT_GROUPS:
        text = "".join(reader.group_tokens())
        return Box(0.75 * scale, 0.25 * scale, 0.5 * scale * len(text))
    if token in IGNORED_ARGUMENTS:
        for _ in range(IGNORED_ARGUMENTS[token]):
            reader.group_tokens()
        return EMPTY
    if token == r"\begin":
        name = "".join(reader.group_tokens())
        if name in ("array", "alignedat"):
            reader.group_tokens()  # the column specification
        return _environment(name, reader.until_end(name), style)
    if token in SIZED_DELIMITERS or token.rstrip("lrm") in SIZED_DELIMITERS:
        size = SIZED_DELIMITERS.get(token, SIZED_DELIMITERS.get(token.rstrip("lrm"), 1.2))
        reader.take()  # the delimiter itself
        return _delimiter_box(size, scale)
    if token in SPACES:
        return Box(0.0, 0.0, SPACES[token] * scale)
    if token in RELATIONS:
        return Box(0.58 * scale, 0.08 * scale, (0.78 + (0.56 if style in "DT" else 0.0)) * scale)
    if token in BINARY:
        return Box(0.58 * scale, 0.08 * scale, (0.78 + (0.44 if style in "DT" else 0.0)) * scale)
    if token in BIG_OPERATORS:
        if token in (r"\sum", r"\prod", r"\int", r"\iint", r"\oint", r"\bigcup", r"\bigcap") and style == "D":
            return Box(1.05, 0.55, 1.4)
        return Box(0.75 * scale, 0.25 * scale, (1.0 if token in (r"\sum", r"\prod", r"\int") else 1.8) * scale)
    if token in (",", ";", "."):
        return Box(0.1 * scale, 0.19 * scale, (0.45 if token != "." and style in "DT" else 0.28) * scale)
    if token in DESCENDERS:
        return Box(0.75 * scale, 0.25 * scale, 0.45 * scale)
    if token in SHORT_DESCENDERS:
        return Box(0.45 * scale, 0.2 * scale, 0.55 * scale)
    if token in TALL_DESCENDERS:
        return Box(0.71 * scale, 0.2 * scale, 0.55 * scale)
    if token in OPERATOR_NAMES:
        name = token[1:]
        tall = any(letter in "bdfhiklt" for letter in name)
        deep = any(letter in "gjpqy" for letter in name)
        return Box((0.69 if tall else 0.45) * scale, (0.2 if deep else 0.0) * scale,
                   (0.5 * len(name) + 0.17) * scale)
    if token.isdigit():
        return Box(0.65 * scale, 0.0, 0.5 * scale)
    if token in WIDE:
        return Box((0.69 if token.isupper() else 0.45) * scale, 0.0, WIDE[token] * scale)
    if token in SHORT_LETTERS:
        return SHORT.scaled(scale)
    if token in ("\\\\", "&"):
        return EMPTY
    return ORDINARY.scaled(scale)


def _radical(inside: Box, style: str) -> Box:
    """``\\sqrt``: a surd of KaTeX's next size that holds the inside, its clearance and its rule."""
    scale = _scale(style)
    clearance = (0.15 if style == "D" else 0.1) * scale
    needed = (inside.total + clearance + 0.04 * scale) / scale
    size = next((size for size in DELIMITER_SIZES if size >= needed), needed) * scale
    height = inside.height + clearance + 0.04 * scale + (size - needed * scale) / 2
    return Box(max(height, 0.8 * scale), max(size - height, inside.depth, 0.2 * scale), inside.width + 0.85 * scale)


def _label(reader: _Reader, style: str) -> Box:
    """An ``\\underbrace``'s or ``\\overbrace``'s label (``_{…}`` or ``^{…}``), if it has one."""
    if reader.peek() in ("_", "^"):
        reader.take()
        return _row(reader.group_tokens(), _smaller(style))
    return EMPTY


def _scripts(reader: _Reader, base: Box, style: str, token: str | None) -> Box:
    """``base`` with the superscript and subscript that follow it."""
    superscript = subscript = None
    while reader.peek() in ("^", "_", "'"):
        mark = reader.take()
        if mark == "'":
            superscript = (superscript or EMPTY).beside(Box(0.75 * SCRIPT, 0.0, 0.3 * SCRIPT))
            continue
        box = _row(reader.group_tokens(), _smaller(style))
        if mark == "^":
            superscript = box
        else:
            subscript = box
    if superscript is None and subscript is None:
        return base
    scale = _scale(style)
    if token in LIMITS_BELOW and style == "D":
        return _limits(base, superscript, subscript, scale)
    height, depth, width = base.height, base.depth, base.width
    if superscript is not None:
        shift = max((0.413 if style == "D" else 0.363) * scale, base.height - 0.27 * scale,
                    superscript.depth + 0.11 * scale)
        height = max(height, shift + superscript.height)
        width += superscript.width
    if subscript is not None:
        shift = max(0.15 * scale, base.depth + 0.05 * scale, subscript.height - 0.345 * scale)
        if superscript is not None:  # KaTeX keeps 0.16 em between the two scripts
            bottom_of_sup = max((0.413 if style == "D" else 0.363) * scale, base.height - 0.27 * scale) \
                - superscript.depth
            shift = max(shift, 0.247 * scale, subscript.height - bottom_of_sup + 0.16 * scale)
        depth = max(depth, shift + subscript.depth)
        width = max(width, base.width + subscript.width)
    return Box(height, depth, width)


def _limits(operator: Box, above: Box | None, below: Box | None, scale: float) -> Box:
    height = operator.height + ((above.total + 0.3 * scale) if above else 0.0)
    depth = operator.depth + ((below.total + 0.3 * scale) if below else 0.0)
    width = max(operator.width, above.width if above else 0.0, below.width if below else 0.0)
    return Box(height, depth, width)


def _fraction(numerator: list[str], denominator: list[str], style: str) -> Box:
    """A fraction set in ``style``: its parts one size smaller, stacked around the axis."""
    scale, parts = _scale(style), _fraction_parts(style)
    top, bottom = _row(numerator, parts), _row(denominator, parts)
    clearance = (0.14 if style == "D" else 0.06) * scale
    rise = max((0.677 if style == "D" else 0.394) * scale, AXIS * scale + clearance + top.depth)
    drop = max((0.686 if style == "D" else 0.345) * scale, bottom.height + clearance - AXIS * scale)
    return Box(rise + top.height, drop + bottom.depth, max(top.width, bottom.width) + 0.24 * scale)


def _delimiter_box(total: float, scale: float) -> Box:
    """A delimiter of ``total`` em, centred on the axis (an ordinary one sits like a parenthesis)."""
    if total <= DELIMITER_SIZES[0]:
        return Box(0.75 * scale, 0.25 * scale, 0.39 * scale)
    return Box((AXIS + total / 2) * scale, (total / 2 - AXIS) * scale, 0.46 * scale)


def _growing_delimiter(inside: Box, scale: float) -> float:
    """The size KaTeX picks for ``\\left``/``\\right`` around ``inside``: the smallest that covers it."""
    reach = max(inside.height - AXIS * scale, inside.depth + AXIS * scale) / scale
    needed = max(2 * reach * 0.901, 2 * reach - 0.5)
    return next((size for size in DELIMITER_SIZES if size >= needed), needed)


def _delimited(reader: _Reader, style: str) -> Box:
    """``\\left( … \\right)``: the inside, and delimiters as tall as it needs."""
    reader.take()  # \left
    reader.take()  # its delimiter
    depth, start = 1, reader.position
    while reader.position < len(reader.tokens):
        token = reader.tokens[reader.position]
        reader.position += 1
        depth += {r"\left": 1, r"\right": -1}.get(token, 0)
        if depth == 0:
            break
    inside_tokens = reader.tokens[start:reader.position - 1]
    reader.take()  # the closing delimiter
    scale = _scale(style)
    inside = _row([t for t in inside_tokens if t != r"\middle"], style)
    delimiter = _delimiter_box(_growing_delimiter(inside, scale), scale)
    box = Box(max(inside.height, delimiter.height), max(inside.depth, delimiter.depth),
              inside.width + 2 * delimiter.width)
    return _scripts(reader, box, style, None)


def _split(tokens: list[str], separator: str) -> list[list[str]]:
    """``tokens`` cut at ``separator`` on the top level (not inside braces or nested environments)."""
    parts: list[list[str]] = [[]]
    depth = 0
    for token in tokens:
        if token == "{" or token == r"\begin":
            depth += 1
        elif token == "}" or token == r"\end":
            depth -= 1
        if token == separator and depth == 0:
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _environment(name: str, tokens: list[str], style: str) -> Box:
    """An aligned, cases, matrix or array environment: its rows stacked, centred on the axis."""
    scale = _scale(style)
    inner = "T" if name in ("cases", "array") or name.endswith("matrix") else "D"
    if style not in "DT":
        inner = style
    jot = ENVIRONMENT_JOT.get(name, 0.0) * scale
    stretch = 1.2 if name in ("cases", "dcases") else 1.0  # KaTeX's \\arraystretch of the environment
    rows = [row for row in _split(tokens, "\\\\") if any(not t.isspace() for t in row)]
    total, width = 0.0, 0.0
    for row in rows:
        cells = [_row(cell, inner) for cell in _split(row, "&")]
        height = max([cell.height for cell in cells] + [0.7 * stretch * scale])
        depth = max([cell.depth for cell in cells] + [0.3 * stretch * scale])
        total += max(height + depth, 1.2 * stretch * scale) + jot
        width = max(width, sum(cell.width for cell in cells) + 0.5 * scale * (len(cells) - 1))
    total = max(total - jot, 1.0 * scale)
    box = Box(AXIS * scale + total / 2, total / 2 - AXIS * scale, width)
    sides = ENVIRONMENT_DELIMITERS.get(name, 0)
    if sides:
        delimiter = _delimiter_box(_growing_delimiter(box, scale), scale)
        box = Box(max(box.height, delimiter.height), max(box.depth, delimiter.depth),
                  box.width + sides * delimiter.width)
    return box


@lru_cache(maxsize=4096)
def formula_box(latex: str, display: bool) -> Box:
    """The estimated box of ``latex`` set as display math (``$$``) or inline (``$``), in em of its font."""
    tokens = [token for token in TOKEN.findall(latex) if token != "%"]
    return _row(tokens, "D" if display else "T")
