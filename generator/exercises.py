"""Exercises: the final answer of every exercise slide, typed.

An exercise is a ``derivative``, ``gradient``, ``gradient_descent`` or ``fit`` slide with
``exercise: true``.  Its final answer is f'(x) (or f'(a)), the gradient (or its value at a
point), or the point after the last step of a descent or a fit.  Question slides, handouts,
answer keys, grading and Moodle quizzes all read this one record.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import sympy
from sympy import Expr

if TYPE_CHECKING:
    from .kinds.base import ExerciseHooks
    from .kinds.gradient_descent.solve import DescentSolution


class ExerciseKind(StrEnum):
    """What an exercise asks for; the answer file and the grader name the kinds this way."""

    DERIVATIVE = "derivative"
    GRADIENT = "gradient"
    DESCENT = "descent"  # a gradient_descent slide
    FIT = "fit"


@dataclass(frozen=True)
class FinalAnswer:
    """What a student must give: one value or a vector of them, symbolic or numeric."""

    values: tuple[Expr, ...]  # f' | the partials | the coordinates of the last point
    symbolic: bool  # expressions in ``variables`` (f'(x), ∇f(x, y)); otherwise numbers
    variables: tuple[sympy.Symbol, ...]  # the function's variables, or the point's coordinates
    iterates: tuple[tuple[Expr, ...], ...] = ()  # p_0 … p_N of a descent, to recognise a wrong step


@dataclass(frozen=True)
class Exercise:
    number: int  # 1, 2, … in the order of the deck
    hooks: ExerciseHooks  # how its kind is asked and answered
    solution: Any  # the solution of a derivative, gradient, gradient_descent or fit slide
    answer: FinalAnswer

    @property
    def kind(self) -> ExerciseKind:
        return self.hooks.kind

    @property
    def id(self) -> str:
        return self.solution.slide.id

    @property
    def function(self) -> Expr:
        """The function the exercise is about (a fit: its loss over the parameters)."""
        if self.kind in (ExerciseKind.DESCENT, ExerciseKind.FIT):
            return self.descent.slide.function
        return self.solution.function

    @property
    def at(self) -> tuple[Expr, ...]:
        """Where a derivative or a gradient is asked (empty when the answer is the expression)."""
        slide = self.solution.slide
        if self.kind not in (ExerciseKind.DERIVATIVE, ExerciseKind.GRADIENT) or slide.at is None:
            return ()
        return (slide.at,) if self.kind == ExerciseKind.DERIVATIVE else tuple(value for _, value in slide.at)

    @property
    def descent(self) -> DescentSolution:
        return self.solution.descent if self.kind == ExerciseKind.FIT else self.solution


def is_exercise(solution) -> bool:
    from .kinds import kind_of

    return kind_of(solution).exercise is not None and solution.slide.exercise


def collect_exercises(solutions) -> tuple[Exercise, ...]:
    """The deck's exercises, numbered in order."""
    from .kinds import kind_of

    exercises: list[Exercise] = []
    for solution in solutions:
        hooks = kind_of(solution).exercise
        if hooks is not None and solution.slide.exercise:
            exercises.append(Exercise(len(exercises) + 1, hooks, solution, hooks.answer(solution)))
    return tuple(exercises)
