"""A descent as an exercise: the point after the last step (``fit`` asks the same way)."""
from __future__ import annotations

from ...exercises import Exercise, ExerciseKind, FinalAnswer
from ...views.common import Context, Formula, inline
from ..base import ExerciseHooks
from .methods_view import given_extras
from .solve import DescentSolution
from .view import given_line, stop_condition


def final_answer(solution: DescentSolution) -> FinalAnswer:
    iterates = [tuple(value for _, value in solution.steps[0].point)]
    iterates += [tuple(value for _, value in step.new_point) for step in solution.steps]
    return FinalAnswer(iterates[-1], False, solution.slide.variables, tuple(iterates))


def descent_sentence(exercise: Exercise, ctx: Context, plain: str, stopped: str) -> str:
    """The task: run the method for N steps, or until its stopping condition holds."""
    words, descent = ctx.words, exercise.descent
    method = getattr(words.methods, descent.slide.method)
    if descent.slide.stop is not None:
        return stopped.format(method=method, condition=inline(stop_condition(descent, ctx)))
    return plain.format(method=method, steps=words.steps(len(descent.steps)))


def method_formulas(exercise: Exercise, ctx: Context) -> tuple[Formula, ...]:
    """The method's hyper-parameters, when it has any."""
    extras = given_extras(exercise.descent, ctx)
    return (Formula(ctx.printer.equations(extras)),) if extras else ()


def task(exercise: Exercise, ctx: Context) -> dict:
    words = ctx.words.exercise
    return {"task": descent_sentence(exercise, ctx, words.descent, words.descent_stop),
            "given": (Formula(given_line(exercise.descent, ctx)),) + method_formulas(exercise, ctx), "notes": ()}


def asked(exercise: Exercise, ctx: Context, answered: bool = False) -> str:
    """(x_N, y_N) in the question of a run with a stopping rule; the step where it stopped in the key."""
    descent = exercise.descent.slide
    last = "N" if descent.stop is not None and not answered else len(exercise.answer.iterates) - 1
    return ctx.printer.point_at(descent.variables, last)


def answer_line(exercise: Exercise, ctx: Context) -> str:
    return ctx.printer.point_value(asked(exercise, ctx, answered=True), exercise.answer.values)


def key_task(exercise: Exercise, ctx: Context) -> str:
    return inline(given_line(exercise.descent, ctx))


HOOKS = ExerciseHooks(ExerciseKind.DESCENT, final_answer, task, asked, answer_line, key_task)
