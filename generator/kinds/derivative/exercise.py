"""A ``derivative`` slide as an exercise: find f'(x), or f'(a)."""
from __future__ import annotations

from ...exercises import Exercise, ExerciseKind, FinalAnswer
from ...views.common import Context, Formula, inline
from ...views.exercise import function_line
from ..base import ExerciseHooks
from .solve import DerivativeSolution


def final_answer(solution: DerivativeSolution) -> FinalAnswer:
    if solution.at is not None:
        return FinalAnswer((solution.at.value,), False, (solution.variable,))
    return FinalAnswer((solution.derivative,), True, (solution.variable,))


def task(exercise: Exercise, ctx: Context) -> dict:
    p, words, slide = ctx.printer, ctx.words.exercise, exercise.solution.slide
    sentence = words.derivative if slide.at is None else words.derivative_at.format(point=inline(p.expr(slide.at)))
    return {"task": sentence, "given": (Formula(function_line(exercise, ctx)),), "notes": ()}


def asked(exercise: Exercise, ctx: Context, answered: bool = False) -> str:
    p, slide = ctx.printer, exercise.solution.slide
    return p.prime(slide.name, [slide.variable]) if slide.at is None else p.prime_at(slide.name, slide.at)


def answer_line(exercise: Exercise, ctx: Context) -> str:
    p, answer = ctx.printer, exercise.answer
    if answer.symbolic:
        return f"{asked(exercise, ctx)} = {p.expr(answer.values[0])}"
    return p.chain(asked(exercise, ctx), [], answer.values[0])


def key_task(exercise: Exercise, ctx: Context) -> str:
    return inline(function_line(exercise, ctx))


HOOKS = ExerciseHooks(ExerciseKind.DERIVATIVE, final_answer, task, asked, answer_line, key_task)
