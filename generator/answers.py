"""The answer file: every computed answer of a deck, exact and as printed.

``build/<stem>.answers.json`` holds the deck's exercises — each final answer as plain text
in the expression grammar (``expr.parse_expression`` reads it back; nothing is evaluated),
with the function and the iterates that grading needs to diagnose mistakes — and, per
slide, every computed value (``derivative``, ``partial x``, ``step 1 x`` …) with the LaTeX
printed for it, for reviewing a deck.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sympy

from .exercises import Exercise
from .expr import expression_text
from .latex import SlideLatexPrinter
from .model import Deck, MarkdownSlide
from .solve import (
    CompareSolution,
    DerivativeSolution,
    DescentSolution,
    FitSolution,
    GradientSolution,
    LearningRatesSolution,
    PlotSolution,
)


@dataclass(frozen=True)
class Answer:
    slide: str
    what: str
    value: sympy.Expr


def _derivative(s: DerivativeSolution):
    yield "derivative", s.derivative
    if s.at is not None:
        yield "derivative at point", s.at.value


def _gradient(s: GradientSolution):
    for partial in s.partials:
        yield f"partial {partial.variable.name}", partial.expr
    for value in s.values:
        yield f"partial {value.variable.name} at point", value.value


def _descent(s: DescentSolution):
    for partial in s.partials:
        yield f"partial {partial.variable.name}", partial.expr
    for step in s.steps:
        number = step.index + 1
        for slope in step.slopes:
            yield f"step {number} partial {slope.variable.name}", slope.value
        for variable, value in step.new_point:
            yield f"step {number} {variable.name}", value
        yield f"step {number} {s.slide.name}", step.new_value


def _plot(s: PlotSolution):
    if s.tangent is not None:
        yield "tangent value", s.tangent.value
        yield "tangent slope", s.tangent.slope
        yield "tangent line", s.tangent.line


def _final(run: DescentSolution, label: str):
    for variable, value in run.last.new_point:
        yield f"{label} {variable.name}", value
    yield f"{label} {run.slide.name}", run.last.new_value


def _learning_rates(s: LearningRatesSolution):
    for run in s.runs:
        yield from _final(run.descent, f"rate {run.descent.slide.learning_rate}")


def _compare(s: CompareSolution):
    for number, run in enumerate(s.runs, start=1):
        yield from _final(run, f"run {number} {run.slide.method}")


AnswersOf = Callable[[Any], Iterable[tuple[str, sympy.Expr]]]
_ANSWERS: dict[type, AnswersOf] = {
    DerivativeSolution: _derivative, GradientSolution: _gradient, DescentSolution: _descent,
    PlotSolution: _plot, FitSolution: lambda s: _descent(s.descent), LearningRatesSolution: _learning_rates,
    CompareSolution: _compare, MarkdownSlide: lambda s: ()}


def collect_answers(solutions) -> list[Answer]:
    answers = []
    for solution in solutions:
        slide_id = solution.id if isinstance(solution, MarkdownSlide) else solution.slide.id
        answers += [Answer(slide_id, what, value) for what, value in _ANSWERS[type(solution)](solution)]
    return answers


def exercise_entry(exercise: Exercise, answer_latex: str) -> dict:
    answer = exercise.answer
    return {
        "id": exercise.id,
        "number": exercise.number,
        "kind": exercise.kind,
        "function": expression_text(exercise.function),
        "variables": [v.name for v in answer.variables],
        "symbolic": answer.symbolic,
        "answer": [expression_text(value) for value in answer.values],
        "at": [expression_text(value) for value in exercise.at],
        "latex": answer_latex,
        "iterates": [[expression_text(value) for value in point] for point in answer.iterates],
    }


def answers_json(deck: Deck, answers: list[Answer], exercises: Sequence[tuple[Exercise, str]],
                 printer: SlideLatexPrinter) -> str:
    """The answer file; ``exercises`` pairs each exercise with the LaTeX of its answer in the key."""
    document = {
        "deck": deck.stem,
        "title": deck.title,
        "lang": deck.lang,
        "precision": deck.precision,
        "parameters": {name: expression_text(value) for name, value in deck.values},
        "exercises": [exercise_entry(exercise, latex) for exercise, latex in exercises],
        "answers": [{"slide": a.slide, "what": a.what, "value": expression_text(a.value),
                     "latex": printer.expr(a.value)} for a in answers],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
