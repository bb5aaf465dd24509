"""Views of exercises: the question slide (the task, ending in "?") and the pages of an answer key.

A question slide states everything a student needs — the function, the point, the learning
rate, the method — and nothing that gives the answer away; the handout is made of these slides
only.  The key lists each exercise's task and final answer, a few per page.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..exercises import Exercise, ExerciseKind
from .common import Context, Formula, as_written, slide_context

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


def function_line(exercise: Exercise, ctx: Context) -> str:
    """f(x) = … of a derivative or gradient exercise."""
    p, slide = ctx.printer, exercise.solution.slide
    function = as_written(exercise.solution.function, slide, ctx)
    if exercise.kind == ExerciseKind.DERIVATIVE:
        return f"{p.dependent(slide.name, [slide.variable])} = {function}"
    return f"{p.call(slide.name, slide.variables)} = {function}"


def question_view(exercise: Exercise, ctx: Context) -> QuestionView:
    ctx = slide_context(ctx, exercise.solution.slide)
    return QuestionView(id=f"{exercise.id}-question", title=_title(exercise, ctx),
                        code=ctx.words.exercise.code.format(id=exercise.id),
                        question=f"{exercise.hooks.asked(exercise, ctx)} = {QUESTION}",
                        **exercise.hooks.task(exercise, ctx))


def key_entry(exercise: Exercise, ctx: Context) -> KeyEntry:
    ctx = slide_context(ctx, exercise.solution.slide)
    return KeyEntry(heading=f"{exercise.number}. `{exercise.id}`", task=exercise.hooks.key_task(exercise, ctx),
                    answer=exercise.hooks.answer_line(exercise, ctx))


def key_pages(exercises: tuple[Exercise, ...], ctx: Context) -> tuple[KeyPageView, ...]:
    pages = []
    for start in range(0, len(exercises), KEY_ENTRIES_PER_PAGE):
        chunk = exercises[start:start + KEY_ENTRIES_PER_PAGE]
        numbers = f"{chunk[0].number}–{chunk[-1].number}" if len(chunk) > 1 else str(chunk[0].number)
        title = ctx.words.exercise.key_heading.format(numbers=numbers)
        pages.append(KeyPageView(id=f"key-{start // KEY_ENTRIES_PER_PAGE + 1}", title=title,
                                 entries=tuple(key_entry(e, ctx) for e in chunk)))
    return tuple(pages)
