"""The independent checker: read a finished Marp deck and verify every printed equality.

It parses the math as printed (``extract`` → ``texparse``), gives it meaning in a running
context (``evaluate``), and checks each claim (``claims``).  It never imports the
generator's solvers or its printer, so a generator bug cannot verify itself.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..notation import LANGUAGES, commas_as_latex, notation_for
from .claims import Kind, Outcome, check_statement
from .evaluate import Context
from .extract import Table, extract, front_matter_language, slide_breaks
from .lints import lint
from .texparse import parse_formula
from .textree import Statement, TexError

KINDS = tuple(Kind)
INDEX_LETTERS = ("i", "t", "k", "n")  # the row number of a sequence table binds the index of its headers
_PLAIN_CANDIDATE = re.compile(r"^[\w\s.,*/+\-^()=δ∂·²³]+$")
_COMMENT = re.compile(r"(?<!\\)%.*$", re.MULTILINE)  # a TeX comment: KaTeX shows nothing of it
_UNCHECKED = re.compile(r"^%\s*unchecked\b", re.IGNORECASE)  # the author's opt-out for one formula


@dataclass(frozen=True)
class Finding:
    line: int
    kind: Kind
    text: str
    message: str = ""

    def format(self, path: str) -> str:
        detail = f" — {self.message}" if self.message else ""
        return f"{path}:{self.line}: {self.kind}: {self.text}{detail}"


@dataclass
class Report:
    path: str
    findings: list[Finding] = field(default_factory=list)

    def count(self, kind: Kind) -> int:
        return sum(1 for f in self.findings if f.kind == kind)

    @property
    def ok(self) -> bool:
        return self.count(Kind.WRONG) == 0

    def problems(self, verbose: bool = False) -> list[Finding]:
        shown = {Kind.WRONG, Kind.WARNING} | ({Kind.NOT_UNDERSTOOD} if verbose else set())
        return [f for f in self.findings if f.kind in shown]

    def summary(self) -> str:
        skipped = f", {self.count(Kind.SKIPPED)} skipped (% unchecked)" if self.count(Kind.SKIPPED) else ""
        return (f"{self.path}: {self.count(Kind.VERIFIED)} verified, {self.count(Kind.WRONG)} wrong, "
                f"{self.count(Kind.WARNING)} warning(s), {self.count(Kind.NOT_UNDERSTOOD)} not understood{skipped}")

    def to_json(self) -> dict:
        return {"path": self.path, "summary": {kind: self.count(kind) for kind in KINDS},
                "findings": [asdict(f) for f in self.findings if f.kind != Kind.VERIFIED]}


def check_markdown(text: str, path: str = "<deck>", plain: bool = False) -> Report:
    """Check every formula of a Marp Markdown deck, in reading order."""
    lang = front_matter_language(text)
    spans, lines, tables = extract(text)
    items: list[tuple[int, int, str | Table, str]] = [(span.line, 0, span.latex, "math") for span in spans]
    if plain:
        items += [(line.line, 0, latex, "plain") for line in lines for latex in _plain_formulas(line.text)]
    items += [(line, 1, table, "table") for line, table in tables]  # after the math of its own lines
    items.sort(key=lambda item: (item[0], item[1]))
    report = Report(path)
    context = Context()
    breaks = slide_breaks(text)
    for line, _, content, kind in items:
        while breaks and breaks[0] < line:  # a new slide: its own meanings replace the last slide's
            breaks.pop(0)
            context.new_slide()
        if isinstance(content, Table):
            report.findings += _check_table(content, lang, context)
            continue
        if kind == "math":
            shown, comments = _without_comments(content)
            report.findings += [Finding(line, Kind.WRONG, content.strip(), problem) for problem in lint(shown)]
            if any(_UNCHECKED.match(comment) for comment in comments):
                report.findings.append(Finding(line, Kind.SKIPPED, content.strip(), "marked % unchecked"))
                continue
            content = shown
            if _is_cell_value(content):
                continue  # "≈ 0.1759" in a table: checked with its row and column below
        report.findings += _check_formula(content, line, lang, context)
    return report


def _without_comments(latex: str) -> tuple[str, list[str]]:
    """The formula as KaTeX shows it, and its ``%`` comments."""
    return _COMMENT.sub("", latex), _COMMENT.findall(latex)


def _is_cell_value(latex: str) -> bool:
    return bool(re.match(r"\\approx\b|=", latex.strip()))


def _check_table(table: Table, lang: str, context: Context) -> list[Finding]:
    """A table of a sequence: column headers in ``i`` (``x_{i}``), rows numbered by ``i`` in the first column.

    Each cell is the claim ``header(i = row) = cell`` (``≈`` where the cell says so).
    """
    comma = _decimal_comma(lang)
    headers = []
    for cell in table.header:
        try:
            statements = parse_formula(cell.math, comma) if cell.math else []
        except TexError:
            statements = []
        headers.append(statements[0].sides[0] if len(statements) == 1 and not statements[0].relations else None)
    if not any(headers):
        return []
    findings = []
    for line, cells in table.rows:
        index = _row_index(cells[0]) if cells else None
        if index is None:
            continue
        for header, header_cell, cell in zip(headers, table.header, cells):
            if header is None or header_cell.math is None or not cell.math or cell is cells[0]:
                continue
            findings += _check_cell(header, header_cell.math, cell.math, index, line, comma, context)
    return findings


def _row_index(cell) -> int | None:
    text = (cell.math or cell.text).strip()
    return int(text) if text.isdigit() else None


def _check_cell(header, header_text: str, latex: str, index: int, line: int, comma: bool,
                context: Context) -> list[Finding]:
    relation = "≈" if latex.strip().startswith("\\approx") else "="
    value_text = latex.strip().removeprefix("\\approx").strip()
    try:
        (value,) = parse_formula(value_text, comma)
        statement = Statement((header, value.sides[0]), (relation,), (f"{header_text} (i = {index})", value_text))
        outcomes = check_statement(statement, context, bindings={letter: index for letter in INDEX_LETTERS})
    except (TexError, ValueError) as error:
        outcomes = [Outcome(Kind.NOT_UNDERSTOOD, latex, str(error))]
    return [Finding(line, o.kind, o.text, o.message) for o in outcomes]


def _check_formula(latex: str, line: int, lang: str, context: Context) -> list[Finding]:
    if "?" in latex:
        return []  # an exercise prompt (y' = ?), not a claim
    try:
        statements = parse_formula(latex, decimal_comma=_decimal_comma(lang))
    except TexError as error:
        return [Finding(line, Kind.NOT_UNDERSTOOD, latex, str(error))] if _has_relation(latex) else []
    except Exception as error:  # a bug of the checker: this formula is not understood, the others are checked
        return [Finding(line, Kind.NOT_UNDERSTOOD, latex, _checker_bug(error))]
    findings = []
    for statement in statements:
        try:
            outcomes = check_statement(statement, context)
        except TexError as error:
            outcomes = [Outcome(Kind.NOT_UNDERSTOOD, " ".join(statement.texts), str(error))]
        except Exception as error:  # (as above; RecursionError included)
            outcomes = [Outcome(Kind.NOT_UNDERSTOOD, " ".join(statement.texts), _checker_bug(error))]
        findings += [Finding(_line_of(o.text, latex, line), o.kind, o.text, o.message) for o in outcomes]
    return findings


def _checker_bug(error: Exception) -> str:
    return f"the checker failed on it ({type(error).__name__}: {error}); this is a verideck bug, please report it"


def _line_of(text: str, latex: str, first_line: int) -> int:
    """The file line of a link inside a multi-line formula (an ``aligned`` row, or after ``$$``)."""
    def squeeze(value: str) -> str:
        return re.sub(r"\s|&", "", value)

    rows = latex.split("\n")
    if len(rows) == 1:
        return first_line
    for relation in ("=", "\\approx", "<", ">"):
        _, found, right = text.partition(f" {relation} ")
        if found:
            wanted = squeeze(right)[:24]
            for offset, row in enumerate(rows):
                if wanted and wanted in squeeze(row):
                    return first_line + offset
    for offset, row in enumerate(rows):
        if row.strip():
            return first_line + offset
    return first_line


def _has_relation(latex: str) -> bool:
    return bool(re.search(r"=|\\approx|<|>|\\le|\\ge|\\ne|\\coloneqq|\\equiv|\\triangleq", latex))


_STOPWORDS = frozenset("if is so at on to of in by as or be we it an no do and the with for then thus "
                       "и в с на по к от до то а".split())
_PLAIN_FUNCTIONS = frozenset("sin cos tan tg cot ctg exp log ln sqrt arctg arctan".split())


def _plain_formulas(text: str) -> list[str]:
    """Equations written as plain text in prose (``δf/δx = 2 * 1.3 + 5.4 = 7``), turned into LaTeX.

    A line is cut at words (stop words and words of three letters or more, other than
    function names), at sentence punctuation outside brackets, and between equations
    written side by side (``x=2.5 y=6.25``); each piece with an ``=`` between two
    operands is one equation.
    """
    formulas = []
    for piece in _plain_pieces(text):
        piece = piece.strip()
        while piece.startswith("(") and piece.endswith(")") and piece.count("(") == 1:
            piece = piece[1:-1].strip()
        if piece.count("(") != piece.count(")") or not _PLAIN_CANDIDATE.match(piece):
            continue
        if re.search(r"[\w)]\s*=\s*[-\w(δ∂]", piece):
            formulas.append(_plain_to_latex(piece))
    return formulas


def _plain_pieces(text: str) -> list[str]:
    pieces, current, depth = [], "", 0
    for word in re.split(r"(\s+)", text):
        bare = word.strip(".,:;!?")
        is_word = bare.isalpha() and (bare.lower() in _STOPWORDS or
                                      (len(bare) >= 3 and bare.lower() not in _PLAIN_FUNCTIONS))
        if is_word and depth == 0:
            pieces.append(current)
            current = ""
            continue
        depth += word.count("(") - word.count(")")
        if depth == 0 and re.search(r"[:;!?]$|[.,]$", word) and not re.search(r"\d[.,]$", word[:-1] + "x"):
            current += word[:-1]
            pieces.append(current)
            current = ""
            continue
        current += word
    pieces.append(current)
    return [part for piece in pieces for part in re.split(r"(?<=\d)\s+(?=[A-Za-z]\w*\s*=)", piece)]


def _plain_to_latex(piece: str) -> str:
    latex = re.sub(r"[δ∂d](\w)\s*/\s*[δ∂d](\w)", r"\\frac{\\partial \1}{\\partial \2}", piece)
    latex = commas_as_latex(latex)  # 1,3 is a decimal comma in plain text
    latex = re.sub(r"_(\w+)", r"_{\1}", latex)
    return latex.replace("·", r" \cdot ").replace("²", "^2").replace("³", "^3")


def check_file(path: Path, plain: bool = False) -> Report:
    return check_markdown(path.read_text(encoding="utf-8"), str(path), plain)


def reports_json(reports: list[Report]) -> str:
    return json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=2)


def _decimal_comma(lang: str) -> bool:
    """Whether the deck's language writes 1,3 for 1.3 (a language we do not know: no)."""
    return lang in LANGUAGES and notation_for(lang).decimal_comma


__all__ = ["KINDS", "Finding", "Kind", "Report", "check_file", "check_markdown", "reports_json"]
