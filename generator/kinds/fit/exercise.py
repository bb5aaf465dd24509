"""A ``fit`` as an exercise: the parameters after the last step, asked like a descent's last point."""
from __future__ import annotations

import sympy

from ...exercises import Exercise, ExerciseKind
from ...views.common import Context, Formula, as_written, inline
from ..base import ExerciseHooks
from ..gradient_descent.exercise import answer_line, asked, descent_sentence, method_formulas
from ..gradient_descent.exercise import final_answer as descent_answer
from .model import Loss
from .solve import FitSolution
from .view import MODEL_NAME, batches_sentence


def task(exercise: Exercise, ctx: Context) -> dict:
    p, words, fit = ctx.printer, ctx.words, exercise.solution
    slide, descent = fit.slide, fit.slide.descent
    given = (
        Formula(_model_line(exercise, ctx)),
        Formula(p.equations(p.point(point) for point in slide.data),
                lead=words.data.format(names=inline(p.point([slide.input, sympy.Symbol("y")])))),
        Formula(p.equations([p.chain(p.learning_rate_symbol, [], descent.learning_rate),
                             p.chain(p.point_at(descent.variables, 0), [p.point([v for _, v in descent.start])])])),
    ) + method_formulas(exercise, ctx)
    loss = words.loss_squared_error if slide.loss == Loss.SQUARED_ERROR else words.loss_cross_entropy
    return {"task": descent_sentence(exercise, ctx, words.exercise.fit, words.exercise.fit_stop),
            "given": given, "notes": (loss, batches_sentence(fit, ctx))}


def _model_line(exercise: Exercise, ctx: Context) -> str:
    fit, p = exercise.solution.slide, ctx.printer
    return p.chain(p.call(MODEL_NAME, [fit.input]), [as_written(fit.model, fit, ctx)])


def key_task(exercise: Exercise, ctx: Context) -> str:
    return inline(_model_line(exercise, ctx))


def final_answer(solution: FitSolution):
    return descent_answer(solution.descent)


HOOKS = ExerciseHooks(ExerciseKind.FIT, final_answer, task, asked, answer_line, key_task)
