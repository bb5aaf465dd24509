"""Views of exercises: the question slide (the task, ending in "?") and the pages of an answer key.

A question slide states everything a student needs — the function, the point, the learning
rate, the method — and nothing that gives the answer away; the handout is made of these slides
only.  The key lists each exercise's task and final answer, a few per page.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy

from ..exercises import Exercise, ExerciseKind
from ..model import Loss
from .common import Context, Formula, inline
from .descent import given_line, stop_condition
from .fit import MODEL_NAME, batches_sentence
from .methods import given_extras

QUESTION = r"\;?"
KEY_ENTRIES_PER_PAGE = 3


@dataclass(frozen=True)
class QuestionView:
    template = "question"
    id: str
    title: str  # "Exercise 2: The chain rule"
    code: str  # the id students use in their answers
    task: str  # what to do, one sentence
    given: tuple[Formula, ...]  # the data of the task
    notes: tuple[str, ...]  # sentences about the data (the loss, the batches)
    question: str  # f'(x) = ?


@dataclass(frozen=True)
class KeyEntry:
    heading: str  # "1. `chain-rule`"
    task: str  # inline math: f(x) = …
    answer: str  # display math: f'(x) = …


@dataclass(frozen=True)
class KeyPageView:
    template = "key"
    id: str
    title: str
    entries: tuple[KeyEntry, ...]


def _title(exercise: Exercise, ctx: Context) -> str:
    words, title = ctx.words.exercise, exercise.solution.slide.title
    if title:
        return words.heading_titled.format(number=exercise.number, title=title)
    return words.heading.format(number=exercise.number)


def _function_line(exercise: Exercise, ctx: Context) -> str:
    p, slide = ctx.printer, exercise.solution.slide
    variables = (slide.variable,) if exercise.kind == ExerciseKind.DERIVATIVE else slide.variables
    return f"{p.call(slide.name, variables)} = {p.expr(exercise.solution.function)}"


def _asked(exercise: Exercise, ctx: Context, answered: bool = False) -> str:
    """The left side of the question and of the key's answer: f'(x), ∇f(1, 2), (x_3, y_3); a descent with a
    stopping rule is asked for (x_N, y_N) and answered with the step where it stopped."""
    p, slide = ctx.printer, exercise.solution.slide
    if exercise.kind == ExerciseKind.DERIVATIVE:
        return p.prime(slide.name, [slide.variable]) if slide.at is None else p.prime_at(slide.name, slide.at)
    if exercise.kind == ExerciseKind.GRADIENT:
        return p.nabla(slide.name, None if slide.at is None else [value for _, value in slide.at])
    descent = exercise.descent.slide
    last = "N" if descent.stop is not None and not answered else len(exercise.answer.iterates) - 1
    return p.point_at(descent.variables, last)


def _derivative_task(exercise: Exercise, ctx: Context) -> dict:
    p, words, slide = ctx.printer, ctx.words.exercise, exercise.solution.slide
    task = words.derivative if slide.at is None else \
        words.derivative_at.format(point=inline(p.expr(slide.at)))
    return {"task": task, "given": (Formula(_function_line(exercise, ctx)),), "notes": ()}


def _gradient_task(exercise: Exercise, ctx: Context) -> dict:
    p, words, slide = ctx.printer, ctx.words.exercise, exercise.solution.slide
    task = words.gradient if slide.at is None else \
        words.gradient_at.format(point=inline(p.point([value for _, value in slide.at])))
    return {"task": task, "given": (Formula(_function_line(exercise, ctx)),), "notes": ()}


def _descent_sentence(exercise: Exercise, ctx: Context, plain: str, stopped: str) -> str:
    words, descent = ctx.words, exercise.descent
    method = getattr(words.methods, descent.slide.method)
    if descent.slide.stop is not None:
        return stopped.format(method=method, condition=inline(stop_condition(descent, ctx)))
    return plain.format(method=method, steps=words.steps(len(descent.steps)))


def _method_formulas(exercise: Exercise, ctx: Context) -> tuple[Formula, ...]:
    extras = given_extras(exercise.descent, ctx)
    return (Formula(ctx.printer.equations(extras)),) if extras else ()


def _descent_task(exercise: Exercise, ctx: Context) -> dict:
    words = ctx.words.exercise
    return {"task": _descent_sentence(exercise, ctx, words.descent, words.descent_stop),
            "given": (Formula(given_line(exercise.descent, ctx)),) + _method_formulas(exercise, ctx), "notes": ()}


def _fit_task(exercise: Exercise, ctx: Context) -> dict:
    p, words, fit = ctx.printer, ctx.words, exercise.solution
    slide, descent = fit.slide, fit.slide.descent
    given = (
        Formula(p.chain(p.call(MODEL_NAME, [slide.input]), [slide.model])),
        Formula(p.equations(p.point(point) for point in slide.data),
                lead=words.data.format(names=inline(p.point([slide.input, sympy.Symbol("y")])))),
        Formula(p.equations([p.chain(p.learning_rate_symbol, [], descent.learning_rate),
                             p.chain(p.point_at(descent.variables, 0), [p.point([v for _, v in descent.start])])])),
    ) + _method_formulas(exercise, ctx)
    loss = words.loss_squared_error if slide.loss == Loss.SQUARED_ERROR else words.loss_cross_entropy
    return {"task": _descent_sentence(exercise, ctx, words.exercise.fit, words.exercise.fit_stop),
            "given": given, "notes": (loss, batches_sentence(fit, ctx))}


_TASKS = {ExerciseKind.DERIVATIVE: _derivative_task, ExerciseKind.GRADIENT: _gradient_task,
          ExerciseKind.DESCENT: _descent_task, ExerciseKind.FIT: _fit_task}


def question_view(exercise: Exercise, ctx: Context) -> QuestionView:
    return QuestionView(id=f"{exercise.id}-question", title=_title(exercise, ctx),
                        code=ctx.words.exercise.code.format(id=exercise.id),
                        question=f"{_asked(exercise, ctx)} = {QUESTION}", **_TASKS[exercise.kind](exercise, ctx))


def _answer(exercise: Exercise, ctx: Context) -> str:
    p, answer = ctx.printer, exercise.answer
    asked = _asked(exercise, ctx, answered=True)
    if exercise.kind == ExerciseKind.GRADIENT:
        return f"{asked} = {p.column(answer.values)}"
    if exercise.kind == ExerciseKind.DERIVATIVE and answer.symbolic:
        return f"{asked} = {p.expr(answer.values[0])}"
    if exercise.kind == ExerciseKind.DERIVATIVE:
        return p.chain(asked, [], answer.values[0])
    return p.point_value(asked, answer.values)


def _key_task(exercise: Exercise, ctx: Context) -> str:
    if exercise.kind in (ExerciseKind.DERIVATIVE, ExerciseKind.GRADIENT):
        return inline(_function_line(exercise, ctx))
    if exercise.kind == ExerciseKind.DESCENT:
        return inline(given_line(exercise.descent, ctx))
    fit = exercise.solution.slide
    return inline(ctx.printer.chain(ctx.printer.call(MODEL_NAME, [fit.input]), [fit.model]))


def key_entry(exercise: Exercise, ctx: Context) -> KeyEntry:
    return KeyEntry(heading=f"{exercise.number}. `{exercise.id}`", task=_key_task(exercise, ctx),
                    answer=_answer(exercise, ctx))


def key_pages(exercises: tuple[Exercise, ...], ctx: Context) -> tuple[KeyPageView, ...]:
    pages = []
    for start in range(0, len(exercises), KEY_ENTRIES_PER_PAGE):
        chunk = exercises[start:start + KEY_ENTRIES_PER_PAGE]
        numbers = f"{chunk[0].number}–{chunk[-1].number}" if len(chunk) > 1 else str(chunk[0].number)
        title = ctx.words.exercise.key_heading.format(numbers=numbers)
        pages.append(KeyPageView(id=f"key-{start // KEY_ENTRIES_PER_PAGE + 1}", title=title,
                                 entries=tuple(key_entry(e, ctx) for e in chunk)))
    return tuple(pages)
