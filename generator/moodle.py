"""``verideck export moodle``: a deck's exercises as a Moodle XML quiz.

A numeric answer becomes a ``numerical`` question whose tolerance is half a unit of the last
digit shown (the deck's precision); a point becomes a ``cloze`` question with one NUMERICAL
blank per coordinate; a symbolic answer (f'(x), ∇f) a ``multichoice`` question whose distractors
are common mistakes (a missing chain factor, a power not lowered, the sign), each checked to be
*not* equal to the answer.  Question texts are the question slides' words, with math as ``\\( … \\)``
for Moodle's MathJax.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

from sympy import Expr

from .build import solve_deck, write_atomically
from .errors import Location, Problem, SpecError
from .exercises import Exercise, collect_exercises
from .grade.compare import agree_at_points
from .grade.mistakes import derivative_mistakes
from .i18n import words_for
from .latex import SlideLatexPrinter, printer_for
from .notation import notation_for
from .numbers import decimal_text, round_significant
from .spec import load_deck
from .views import Context
from .views.exercise import QuestionView, question_view

MIN_DISTRACTORS, MAX_DISTRACTORS = 3, 4
PENALTY = "0.3333333"
_INLINE = re.compile(r"\$([^$]+)\$")
_CODE = re.compile(r"`([^`]+)`")


def _sentence(text: str) -> str:
    """A view's sentence as HTML: ``$…$`` → ``\\( … \\)``, ``code`` → <code>, the rest escaped."""
    parts, position = [], 0
    for match in _INLINE.finditer(text):
        parts.append(_CODE.sub(r"<code>\1</code>", html.escape(text[position:match.start()], quote=False)))
        parts.append(rf"\({html.escape(match.group(1), quote=False)}\)")
        position = match.end()
    parts.append(_CODE.sub(r"<code>\1</code>", html.escape(text[position:], quote=False)))
    return "".join(parts)


def _display(latex: str) -> str:
    return rf"<p>\[{html.escape(latex, quote=False)}\]</p>"


def question_html(view: QuestionView, with_question: bool = True) -> str:
    """The question slide as HTML: the task, the data, and (unless a cloze supplies it) the question."""
    parts = [f"<p>{_sentence(view.task)}</p>"]
    for formula in view.given:
        if formula.lead:
            parts.append(f"<p>{_sentence(formula.lead)}</p>")
        parts.append(_display(formula.latex))
    parts += [f"<p>{_sentence(note)}</p>" for note in view.notes]
    if with_question:
        parts.append(_display(view.question))
    return "".join(parts)


# -- XML helpers --------------------------------------------------------------------------------

def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _question(quiz: ET.Element, kind: str, exercise: Exercise, view: QuestionView, text: str) -> ET.Element:
    question = ET.SubElement(quiz, "question", {"type": kind})
    _text(question, "name", view.title)
    _text(question, "questiontext", text, "html")
    _text(question, "generalfeedback", "", "html")
    ET.SubElement(question, "defaultgrade").text = "1.0000000"
    ET.SubElement(question, "penalty").text = PENALTY
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = exercise.id
    return question


# -- numbers --------------------------------------------------------------------------------------

def rounded_with_tolerance(value: Expr, precision: int) -> tuple[str, str]:
    """The value to ``precision`` significant digits and half a unit of its last digit: ("0.9098", "0.00005")."""
    shown = round_significant(value, precision)
    last_digit = (shown.adjusted() if shown else 0) - (precision - 1)
    return decimal_text(shown), decimal_text(Decimal(5).scaleb(last_digit - 1))


def _numerical(quiz: ET.Element, exercise: Exercise, view: QuestionView, precision: int) -> None:
    question = _question(quiz, "numerical", exercise, view, question_html(view))
    value, tolerance = rounded_with_tolerance(exercise.answer.values[0], precision)
    answer = ET.SubElement(question, "answer", {"fraction": "100", "format": "moodle_auto_format"})
    ET.SubElement(answer, "text").text = value
    _text(answer, "feedback", "", "html")
    ET.SubElement(answer, "tolerance").text = tolerance
    for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0.1000000"), ("showunits", "3"),
                       ("unitsleft", "0")):
        ET.SubElement(question, tag).text = value


def _cloze(quiz: ET.Element, exercise: Exercise, view: QuestionView, precision: int, lang: str) -> None:
    """A point: the question's left side, then one NUMERICAL blank per coordinate."""
    blanks = []
    for value in exercise.answer.values:
        shown, tolerance = rounded_with_tolerance(value, precision)
        blanks.append(f"{{1:NUMERICAL:={shown}:{tolerance}}}")
    asked = view.question.rsplit("=", 1)[0].strip()
    separator = notation_for(lang).list_separator
    line = f"<p>\\({html.escape(asked, quote=False)} =\\) ({separator.join(blanks)})</p>"
    _question(quiz, "cloze", exercise, view, question_html(view, with_question=False) + line)


# -- expressions ----------------------------------------------------------------------------------

def _different_from_all(candidate: tuple[Expr, ...], others: list[tuple[Expr, ...]]) -> bool:
    """Numerically different from each of ``others`` in some component: certainly not equal to any."""
    return all(any(agree_at_points(a, b) is False for a, b in zip(candidate, other)) for other in others)


def distractors(exercise: Exercise) -> list[tuple[Expr, ...]]:
    """Wrong answers from common mistakes, each verified to differ from the answer and from each other."""
    answer = exercise.answer.values
    variables = exercise.answer.variables
    candidates: list[tuple[Expr, ...]] = []
    for index, variable in enumerate(variables):
        for mistake in derivative_mistakes(exercise.function, variable):
            candidates.append(answer[:index] + (mistake.value,) + answer[index + 1:])
    if len(answer) > 1 and answer[0] != answer[1]:
        candidates.append((answer[1], answer[0]) + answer[2:])  # the partial derivatives swapped
    candidates += [tuple(2 * value for value in answer), tuple(value / 2 for value in answer)]
    chosen: list[tuple[Expr, ...]] = []
    for candidate in candidates:
        if len(chosen) < MAX_DISTRACTORS and _different_from_all(candidate, [answer] + chosen):
            chosen.append(candidate)
    return chosen


def _option_latex(values: tuple[Expr, ...], printer: SlideLatexPrinter) -> str:
    return printer.expr(values[0]) if len(values) == 1 else printer.column(values)


def _multichoice(quiz: ET.Element, exercise: Exercise, view: QuestionView, printer: SlideLatexPrinter) -> None:
    question = _question(quiz, "multichoice", exercise, view, question_html(view))
    options = [(exercise.answer.values, "100")] + [(wrong, "0") for wrong in distractors(exercise)]
    for values, fraction in options:
        answer = ET.SubElement(question, "answer", {"fraction": fraction, "format": "html"})
        ET.SubElement(answer, "text").text = rf"<p>\({html.escape(_option_latex(values, printer), quote=False)}\)</p>"
        _text(answer, "feedback", "", "html")
    for tag, value in (("single", "true"), ("shuffleanswers", "true"), ("answernumbering", "abc")):
        ET.SubElement(question, tag).text = value


# -- the quiz --------------------------------------------------------------------------------------

def moodle_xml(spec: Path) -> str:
    deck = load_deck(spec)
    exercises = collect_exercises(solve_deck(deck))
    if not exercises:
        raise SpecError([Problem(Location(spec, 1), "slides", "the deck has no exercises: mark slides with "
                                                              "'exercise: true'")])
    printer = printer_for(deck.lang, deck.precision, deck.exact_digits, mathjax=True, symbols=deck.symbols)
    context = Context(printer, words_for(deck.lang), {})
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    _text(category, "category", f"$course$/top/{deck.title}")
    for exercise in exercises:
        view = question_view(exercise, context)
        if exercise.answer.symbolic:
            _multichoice(quiz, exercise, view, printer)
        elif len(exercise.answer.values) == 1:
            _numerical(quiz, exercise, view, deck.precision)
        else:
            _cloze(quiz, exercise, view, deck.precision, deck.lang)
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def export_moodle(spec: Path, out: Path) -> tuple[Path, int]:
    """Write the quiz; the number of questions with it."""
    text = moodle_xml(spec)
    write_atomically(out, text)
    return out, text.count('<question type="') - 1
