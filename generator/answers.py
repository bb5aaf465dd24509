"""The answer file: every computed answer of a deck, exact and as printed.

``build/<stem>.answers.json`` lists, per slide, what was computed (``derivative``,
``partial x``, ``step 1 x`` …), the exact SymPy value (``str`` and ``srepr``) and
the LaTeX printed for it — the key for grading and for reviewing a deck.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import sympy

from .latex import SlideLatexPrinter
from .model import MarkdownSlide
from .solve import (CompareSolution, DerivativeSolution, DescentSolution, FitSolution, GradientSolution,
                    LearningRatesSolution, PlotSolution)


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


_ANSWERS = {DerivativeSolution: _derivative, GradientSolution: _gradient, DescentSolution: _descent,
            PlotSolution: _plot, FitSolution: lambda s: _descent(s.descent), LearningRatesSolution: _learning_rates,
            CompareSolution: _compare, MarkdownSlide: lambda s: ()}


def collect_answers(solutions) -> list[Answer]:
    answers = []
    for solution in solutions:
        slide_id = solution.id if isinstance(solution, MarkdownSlide) else solution.slide.id
        answers += [Answer(slide_id, what, value) for what, value in _ANSWERS[type(solution)](solution)]
    return answers


def answers_json(answers: list[Answer], printer: SlideLatexPrinter) -> str:
    entries = [{"slide": a.slide, "what": a.what, "value": str(a.value), "srepr": sympy.srepr(a.value),
                "latex": printer.expr(a.value)} for a in answers]
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
