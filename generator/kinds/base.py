"""What a slide kind is: one ``SlideKind`` record naming every piece of it.

A kind lives in one folder, ``generator/kinds/<name>/`` (the name is the YAML ``kind``), and
its template is ``templates/slides/<name>.md.j2``.  The folder holds the model (whose fields
declare the YAML keys), the builder that checks the fields together, the solver, the view, and
when the kind has them its figures, its computed answers and its exercise hooks.  The pipeline
reaches a kind only through this record (the answer file and the grader also name the exercise
kinds, ``ExerciseKind``, which are part of the answer-file format).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sympy import Expr

from ..exercises import ExerciseKind
from ..model import SlideBase
from ..schema import Field, Scope, fields_of
from ..yamltree import Node

# values of the slide's fields, its mapping node, the scope, the common fields → the slide
Builder = Callable[[dict, Node, Scope, dict], SlideBase]
Figures = Callable[[Any], Mapping[str, tuple[str, Any]]]  # role → (drawer in the kind's ``drawing``, what it draws)
Answers = Callable[[Any], Iterable[tuple[str, Expr]]]  # every computed value: (what, value)


def no_figures(solution) -> dict:
    return {}


def no_answers(solution) -> tuple:
    return ()


@dataclass(frozen=True)
class ExerciseHooks:
    """How a kind is posed as an exercise (``exercise: true``); see ``generator.exercises``."""

    kind: ExerciseKind  # what the answer file and the grader call it
    answer: Callable  # solution → ``FinalAnswer``
    task: Callable  # (exercise, ctx) → the question slide's task, given data and notes
    asked: Callable  # (exercise, ctx, answered) → the left side: f'(x), ∇f(1, 2), (x_3, y_3)
    answer_line: Callable  # (exercise, ctx) → the key's answer, display math
    key_task: Callable  # (exercise, ctx) → the key's one-line task, inline math


@dataclass(frozen=True)
class SlideKind:
    name: str  # the YAML ``kind``, the folder under ``kinds/``, the template ``slides/<name>.md.j2``
    model: type[SlideBase]  # the validated slide (a frozen dataclass whose ``spec_field``s are the YAML keys)
    build: Builder  # checks the fields together and makes the slide
    solve: Callable  # slide → solution (SymPy values, no text)
    view: Callable  # (solution, ctx) → the view the template places
    figures: Figures = no_figures
    answers: Answers = no_answers
    exercise: ExerciseHooks | None = None
    extra_fields: Mapping[str, Field] | None = None  # YAML keys that are not fields of the model

    @property
    def fields(self) -> dict[str, Field]:
        """The kind's YAML keys besides ``kind``: its model's ``spec_field``s and its extra fields."""
        return {**fields_of(self.model), **(self.extra_fields or {})}

    @property
    def template(self) -> str:
        return self.name

