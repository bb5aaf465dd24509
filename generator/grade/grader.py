"""The verdict on one answer: correct, incorrect or unreadable, with a diagnosis where one can be made.

Diagnoses: ``unsimplified`` (correct), ``unproven``, ``chain_rule``, ``wrong_power``, ``product_rule``,
``quotient_rule``, ``sign``, ``constant_factor``, ``close``, ``too_few_digits``, ``wrong_step``,
``wrong_shape`` (incorrect),
``parse``, ``empty``, ``too_long``, ``too_large``, ``unknown_exercise``, ``unknown_variant``, ``error``
(unreadable; ``error`` is a bug of verideck's, kept to its row).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy
from sympy import Expr

from ..bounded import OutOfTime, call
from ..expr import expression_text
from ..i18n import words_for
from .compare import agree_at_points, equal_numbers, equivalent, match_decimal, relatively_close
from .key import KeyExercise
from .mistakes import derivative_mistakes
from .reading import Item, Reading, Unreadable, read_answer

MISTAKES_SECONDS = 20.0  # making the common mistakes of one exercise (once per exercise)
UNSIMPLIFIED_OPS = 1  # an equivalent form this many operations longer than the key's "can be simplified"


@dataclass(frozen=True)
class Verdict:
    verdict: str  # correct | incorrect | unreadable
    diagnosis: str = ""
    feedback: str = ""
    read_as: str = ""  # the answer as read, in the expression grammar (for the summary of wrong answers)


def grade_answer(exercise: KeyExercise, text: str, lang: str) -> Verdict:
    """Grade one answer; never raises for bad input.

    Time is bounded piece by piece: reading is linear in the (bounded) length and refuses huge
    powers, numeric checks work on bounded expressions, and every simplification runs in the
    bounded worker with its own time limit, falling back to numbers when it runs out.
    """
    words = words_for(lang).feedback
    names = tuple(v.name for v in exercise.variables) if exercise.symbolic else ()
    try:
        reading = read_answer(text, lang, names)
    except Unreadable as problem:
        return Verdict("unreadable", problem.diagnosis, words.unreadable.format(reason=problem.message))
    read_as = ", ".join(str(item.decimal) if item.decimal is not None else expression_text(item.value)
                        for item in reading.items)
    if len(reading.items) != len(exercise.answer):
        count = len(exercise.answer)
        expected = words.one_value if count == 1 else words.coordinates.format(count=count)
        return Verdict("incorrect", "wrong_shape", words.wrong_shape.format(expected=expected), read_as)
    grade = _symbolic if exercise.symbolic else _numeric
    verdict, diagnosis, details = grade(exercise, reading)
    feedback = getattr(words, diagnosis).format(**details) if diagnosis else ""
    return Verdict(verdict, diagnosis, feedback, read_as)


# -- expressions: f'(x), ∇f(x, y) -------------------------------------------------------------

def _symbolic(exercise: KeyExercise, reading: Reading) -> tuple[str, str, dict]:
    results = [equivalent(item.value, key) for item, key in zip(reading.items, exercise.answer)]
    if all(r.holds for r in results):
        longer = any(_ops(item) > sympy.count_ops(key) + UNSIMPLIFIED_OPS
                     for item, key in zip(reading.items, exercise.answer))
        return "correct", "unsimplified" if longer else "", {}
    if all(r.holds or r.agrees for r in results):
        note = next(r.note for r in results if not r.holds)
        return "incorrect", "unproven", {"note": note}
    index = next(i for i, r in enumerate(results) if not r.agrees)
    return ("incorrect",) + _diagnose_expression(exercise, index, reading.items[index].value)


def _ops(item: Item) -> int:
    return sympy.count_ops(item.form if item.form is not None else item.value)


@lru_cache(maxsize=64)
def _mistakes(function: Expr, variable: sympy.Symbol):
    try:
        return call(derivative_mistakes, function, variable, seconds=MISTAKES_SECONDS)
    except OutOfTime:
        return ()


def _diagnose_expression(exercise: KeyExercise, index: int, value: Expr) -> tuple[str, dict]:
    """What went wrong in component ``index`` (the derivative, or one partial derivative)."""
    key = exercise.answer[index]
    for mistake in _mistakes(exercise.function, exercise.variables[index]):
        if agree_at_points(value, mistake.value):
            return mistake.kind, {}
    factor = _constant_factor(value, key)
    return ("constant_factor", {"factor": factor}) if factor else ("", {})


def _constant_factor(value: Expr, key: Expr) -> str:
    """``value / key`` when it is a constant other than 0 and ±1 (as text), else ""."""
    try:
        ratio = call(sympy.simplify, value / key)
    except (OutOfTime, ZeroDivisionError):
        return ""
    if ratio.free_symbols or ratio in (0, 1, -1) or not ratio.is_finite:
        return ""
    return expression_text(ratio) if agree_at_points(value, ratio * key) else ""


# -- numbers: f'(a), ∇f(a, b), the last point of a descent -------------------------------------

def _number_match(item: Item, target: Expr) -> str:
    """``ok`` | ``too_few`` | ``close`` | ``wrong`` for one value against one number of the key."""
    if item.value.free_symbols or not item.value.is_number:
        return "wrong"
    if item.decimal is None:  # written exactly: 3/2*e^(-1/2), 1/3
        if equal_numbers(item.value, target):
            return "ok"
        return "close" if relatively_close(item.value, target) else "wrong"
    match = match_decimal(item.decimal, target)
    if match.rounds_right:
        return "ok" if match.significant >= 3 or equal_numbers(item.value, target) else "too_few"
    return "close" if match.close else "wrong"


def _matches(items: tuple[Item, ...], targets: tuple[Expr, ...]) -> list[str]:
    return [_number_match(item, target) for item, target in zip(items, targets)]


def _numeric(exercise: KeyExercise, reading: Reading) -> tuple[str, str, dict]:
    items = reading.items
    matches = _matches(items, exercise.answer)
    if all(m == "ok" for m in matches):
        return "correct", "", {}
    last = len(exercise.iterates) - 1
    for step, point in enumerate(exercise.iterates[:-1]):
        if all(m == "ok" for m in _matches(items, point)):
            return "incorrect", "wrong_step", {"step": step, "last": last}
    if any(target != 0 for target in exercise.answer) and \
            all(m == "ok" for m in _matches(items, tuple(-t for t in exercise.answer))):
        return "incorrect", "sign", {}
    mistake = _numeric_mistake(exercise, items)
    if mistake:
        return "incorrect", mistake, {}
    factor = _common_factor(items, exercise.answer)
    if factor:
        return "incorrect", "constant_factor", {"factor": factor}
    if all(m in ("ok", "too_few") for m in matches):
        return "incorrect", "too_few_digits", {}
    if all(m in ("ok", "too_few", "close") for m in matches):
        return "incorrect", "close", {}
    return "incorrect", "", {}


def _common_factor(items: tuple[Item, ...], answer: tuple[Expr, ...]) -> str:
    """A vector that is the key times one constant other than ±1 (a single number always is one: not said)."""
    if len(items) < 2 or any(target == 0 for target in answer):
        return ""
    ratios = [item.value / target for item, target in zip(items, answer)]
    if not all(ratio.is_number for ratio in ratios) or not all(equal_numbers(r, ratios[0]) for r in ratios):
        return ""
    return "" if ratios[0] in (0, 1, -1) else expression_text(ratios[0])


def _numeric_mistake(exercise: KeyExercise, items: tuple[Item, ...]) -> str:
    """A derivative or gradient at a point computed with a common mistake (chain rule, power rule)."""
    if exercise.kind not in ("derivative", "gradient") or not exercise.at:
        return ""
    point = dict(zip(exercise.variables, exercise.at))
    for index, item in enumerate(items):
        if _number_match(item, exercise.answer[index]) == "ok":
            continue
        for mistake in _mistakes(exercise.function, exercise.variables[index]):
            if _number_match(item, mistake.value.xreplace(point)) == "ok":
                return mistake.kind
        return ""
    return ""
