"""Exercises: the final answer of every exercise slide, typed.

An exercise is a ``derivative``, ``gradient``, ``gradient_descent`` or ``fit`` slide with
``exercise: true``.  Its final answer is f'(x) (or f'(a)), the gradient (or its value at a
point), or the point after the last step of a descent or a fit.  Question slides, handouts,
answer keys, grading and Moodle quizzes all read this one record.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import sympy
from sympy import Expr

from .solve import DerivativeSolution, DescentSolution, FitSolution, GradientSolution


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
    kind: ExerciseKind
    solution: DerivativeSolution | GradientSolution | DescentSolution | FitSolution
    answer: FinalAnswer

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


def _derivative(solution: DerivativeSolution) -> FinalAnswer:
    if solution.at is not None:
        return FinalAnswer((solution.at.value,), False, (solution.variable,))
    return FinalAnswer((solution.derivative,), True, (solution.variable,))


def _gradient(solution: GradientSolution) -> FinalAnswer:
    variables = solution.slide.variables
    if solution.at is not None:
        return FinalAnswer(tuple(v.value for v in solution.values), False, variables)
    return FinalAnswer(tuple(p.expr for p in solution.partials), True, variables)


def _descent(solution: DescentSolution) -> FinalAnswer:
    iterates = [tuple(value for _, value in solution.steps[0].point)]
    iterates += [tuple(value for _, value in step.new_point) for step in solution.steps]
    return FinalAnswer(iterates[-1], False, solution.slide.variables, tuple(iterates))


_KINDS = {DerivativeSolution: (ExerciseKind.DERIVATIVE, _derivative),
          GradientSolution: (ExerciseKind.GRADIENT, _gradient),
          DescentSolution: (ExerciseKind.DESCENT, _descent),
          FitSolution: (ExerciseKind.FIT, lambda s: _descent(s.descent))}


def is_exercise(solution) -> bool:
    return type(solution) in _KINDS and solution.slide.exercise


def collect_exercises(solutions) -> tuple[Exercise, ...]:
    """The deck's exercises, numbered in order."""
    exercises = []
    for solution in solutions:
        if is_exercise(solution):
            kind, answer = _KINDS[type(solution)]
            exercises.append(Exercise(len(exercises) + 1, kind, solution, answer(solution)))
    return tuple(exercises)
