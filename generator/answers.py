"""The answer file: every computed answer of a deck, exact and as printed.

``build/<stem>.answers.json`` holds the deck's exercises — each final answer as plain text
in the expression grammar (``expr.parse_expression`` reads it back; nothing is evaluated),
with the function and the iterates that grading needs to diagnose mistakes — and, per
slide, every computed value (``derivative``, ``partial x``, ``step 1 x`` …) with the LaTeX
printed for it, for reviewing a deck.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import sympy

from .exercises import Exercise
from .expr import expression_text
from .kinds import kind_of
from .latex import SlideLatexPrinter
from .model import Deck


@dataclass(frozen=True)
class Answer:
    slide: str
    what: str
    value: sympy.Expr


def collect_answers(solutions) -> list[Answer]:
    """Every computed value of the deck's slides, as each kind lists them."""
    return [Answer(solution.slide.id, what, value) for solution in solutions
            for what, value in kind_of(solution).answers(solution)]


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
