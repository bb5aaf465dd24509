"""A ``gradient`` slide as an exercise: find ∇f, or ∇f at a point."""
from __future__ import annotations

from ...exercises import Exercise, ExerciseKind, FinalAnswer
from ...views.common import Context, Formula, inline
from ...views.exercise import function_line
from ..base import ExerciseHooks
from .solve import GradientSolution


def final_answer(solution: GradientSolution) -> FinalAnswer:
    variables = solution.slide.variables
    if solution.at is not None:
        return FinalAnswer(tuple(v.value for v in solution.values), False, variables)
    return FinalAnswer(tuple(p.expr for p in solution.partials), True, variables)


def task(exercise: Exercise, ctx: Context) -> dict:
    p, words, slide = ctx.printer, ctx.words.exercise, exercise.solution.slide
    sentence = words.gradient if slide.at is None else \
        words.gradient_at.format(point=inline(p.point([value for _, value in slide.at])))
    return {"task": sentence, "given": (Formula(function_line(exercise, ctx)),), "notes": ()}


def asked(exercise: Exercise, ctx: Context, answered: bool = False) -> str:
    slide = exercise.solution.slide
    return ctx.printer.nabla(slide.name, None if slide.at is None else [value for _, value in slide.at])


def answer_line(exercise: Exercise, ctx: Context) -> str:
    return f"{asked(exercise, ctx)} = {ctx.printer.column(exercise.answer.values)}"


def key_task(exercise: Exercise, ctx: Context) -> str:
    return inline(function_line(exercise, ctx))


HOOKS = ExerciseHooks(ExerciseKind.GRADIENT, final_answer, task, asked, answer_line, key_task)
