"""Solver for ``gradient_descent`` slides: every step of the slide's method (``methods.RULES``), exactly.

Arithmetic stays exact (Rationals) as long as the gradient at the iterates is
rational; once a value is irrational (exp, sin, …) the iterates continue as
SymPy Floats with ``WORKING_DIGITS`` digits and print as approximations.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import sympy
from sympy import Expr

from ...model import Method, Point
from ...numbers import WORKING_DIGITS
from ...solve.problems import MathError, finite_real
from ...solve.substitute import evaluate, settle, shown_substitution, written_substitution
from ..gradient.solve import Partial, PartialAt, partial_derivatives, partials_at
from .methods import STATES, Hyper, Worked, advance, initial_states, lookahead
from .model import DescentSlide

DIVERGENCE_BOUND = sympy.Integer(10) ** 30
# A step whose numbers pass this bound cannot be printed for a student (nor checked): the run is refused.
PRINTABLE_EXPONENT = 100
PRINTABLE_BOUND = sympy.Integer(10) ** PRINTABLE_EXPONENT


@dataclass(frozen=True)
class Update:
    """x_{i+1} = x_i − η·slope, with the arithmetic held for printing."""

    variable: sympy.Symbol
    shown: Expr  # x_i − η·slope with numbers held
    new: Expr


@dataclass(frozen=True)
class DescentStep:
    index: int  # i: this step goes from p_i to p_{i+1}
    point: Point  # p_i
    slopes: tuple[PartialAt, ...]  # ∇f(p_i), component by component
    updates: tuple[Update, ...]
    new_point: Point  # p_{i+1}
    value: Expr  # f(p_i)
    new_value_shown: Expr  # f(p_{i+1}) with the numbers held
    new_value: Expr  # f(p_{i+1})
    states: tuple[Worked, ...] = ()  # the method's state values at this step (momentum u, adam m, v, …)
    lookahead: Point | None = None  # nesterov: where the gradient was taken

    @property
    def change(self) -> Expr:
        """|f(p_{i+1}) − f(p_i)|"""
        return abs(self.new_value - self.value)


class StopReason(StrEnum):
    """Why a descent ended."""

    STEPS = "steps"  # the number of steps the spec asked for
    TOLERANCE = "tolerance"  # the stop rule's tolerance was reached
    MAX_STEPS = "max_steps"  # the stop rule's step limit was reached first
    STATIONARY = "stationary"  # the point no longer moves
    DIVERGED = "diverged"  # the values grew past any use


@dataclass(frozen=True)
class DescentSolution:
    slide: DescentSlide
    function: Expr
    partials: tuple[Partial, ...]
    start_value_shown: Expr  # f(p_0) with the numbers held
    steps: tuple[DescentStep, ...]
    stop_reason: StopReason

    @property
    def last(self) -> DescentStep:
        return self.steps[-1]


def settle_in_domain(value: Expr, step: int) -> Expr:
    """``settle`` (rationals exact, any other number a high-precision Float), refusing a value that
    is not a finite real number: the descent left the function's domain at ``step``."""
    number = settle(value)
    if not finite_real(number):
        where = "at the start" if step == 0 else f"after step {step}"
        raise MathError("start", f"the descent leaves the domain of the function {where} ({number})")
    return number


def _step(slide: DescentSlide, partials: tuple[Partial, ...], index: int, point: Point, value: Expr,
          previous: dict) -> tuple[DescentStep, dict]:
    """One step of the slide's method: the look-ahead (nesterov), the gradient, the states, the update.

    A method with states settles the gradient first, since the states carry it into every later
    step; plain gd uses it as it is, so its working shows an exact gradient (1 − 0.1·e) when there is one.
    """
    hyper = Hyper(slide.learning_rate, slide.beta, slide.beta1, slide.beta2, slide.eps)
    states: list[Worked] = []
    evaluation_point, ahead = point, None
    if slide.method == Method.NESTEROV:
        tilde = [lookahead(v, old, previous[v], hyper, WORKING_DIGITS) for v, old in point]
        states += tilde
        ahead = tuple((w.variable, w.value) for w in tilde)
        evaluation_point = ahead
    slopes = partials_at(partials, evaluation_point)
    updates, following = [], {}
    for (variable, old), slope in zip(point, slopes):
        gradient = settle_in_domain(slope.value, index + 1) if STATES[slide.method] else slope.value
        worked = advance(slide.method, variable, old, gradient, previous[variable], index, hyper, WORKING_DIGITS)
        new = settle_in_domain(worked[-1].value, index + 1)
        states += worked[:-1]
        updates.append(Update(variable, worked[-1].shown, new))
        following[variable] = {w.kind: w.value for w in worked[:-1] if w.kind in previous[variable]}
    new_point = tuple((u.variable, u.new) for u in updates)
    new_value = settle_in_domain(evaluate(slide.function, new_point), index + 1)
    step = DescentStep(index, point, slopes, tuple(updates), new_point, value,
                       shown_value(slide, new_point), new_value, tuple(states), ahead)
    return step, following


def shown_value(slide: DescentSlide, point: Point) -> Expr:
    """f at ``point`` with the numbers held: in the order the spec wrote f (a computed f: as printed)."""
    written = slide.written.get(slide.function)
    return shown_substitution(slide.function, point) if written is None else written_substitution(written, point)


def _refuse_unprintable(step: DescentStep) -> None:
    """A run whose values grow past ``PRINTABLE_BOUND`` in one step (10^(10^18) after e^(k·x)) cannot be
    shown: the spec must lower its learning rate (a milder divergence is shown, and stops the run)."""
    numbers = [step.new_value, *(value for _, value in step.new_point), *(slope.value for slope in step.slopes),
               *(state.value for state in step.states)]
    if any(abs(settle(number)) > PRINTABLE_BOUND for number in numbers):
        raise MathError("learning_rate", f"the descent diverges at step {step.index + 1}: its values grow past "
                                         f"10^{PRINTABLE_EXPONENT} (lower learning_rate)")


def solve_descent(slide: DescentSlide, step_partials: Callable[[int], tuple[Partial, ...]] | None = None
                  ) -> DescentSolution:
    """Run the descent; ``step_partials(i)`` gives the gradient used at step i when it is not that of
    ``slide.function`` (a stochastic fit follows the loss of one batch per step)."""
    partials = partial_derivatives(slide.function, slide.variables)
    gradient_of = step_partials or (lambda index: partials)
    limit = slide.step_limit
    point, value = slide.start, settle_in_domain(evaluate(slide.function, slide.start), 0)
    steps: list[DescentStep] = []
    reason = StopReason.STEPS if slide.steps is not None else StopReason.MAX_STEPS
    previous = {variable: initial_states(slide.method) for variable in slide.variables}
    while len(steps) < limit:
        step, previous = _step(slide, gradient_of(len(steps)), len(steps), point, value, previous)
        if not steps and slide.exercise and all(s.value == 0 for s in step.slopes):
            raise MathError("start", "the gradient is zero at the start: the exercise would have nothing to "
                                     "compute (choose another start)")
        _refuse_unprintable(step)
        steps.append(step)
        point, value = step.new_point, step.new_value
        if step_partials is None and all(s.value == 0 for s in step.slopes) and \
                slide.method in (Method.GD, Method.ADAGRAD, Method.RMSPROP):
            reason = StopReason.STATIONARY  # (with momentum the point moves on although the gradient is zero)
            break
        if abs(value) > DIVERGENCE_BOUND:
            reason = StopReason.DIVERGED
            break
        if slide.stop is not None and step.change < slide.stop.tolerance:
            reason = StopReason.TOLERANCE
            break
    return DescentSolution(slide, slide.function, partials, shown_value(slide, slide.start),
                           tuple(steps), reason)


def computed_values(solution: DescentSolution):
    """Every value the slide prints, for the answer file: (what, value)."""
    for partial in solution.partials:
        yield f"partial {partial.variable.name}", partial.expr
    for step in solution.steps:
        number = step.index + 1
        for slope in step.slopes:
            yield f"step {number} partial {slope.variable.name}", slope.value
        for variable, value in step.new_point:
            yield f"step {number} {variable.name}", value
        yield f"step {number} {solution.slide.name}", step.new_value


def final_values(run: DescentSolution, label: str):
    """The last point of a run and the function's value there, for the answer file."""
    for variable, value in run.last.new_point:
        yield f"{label} {variable.name}", value
    yield f"{label} {run.slide.name}", run.last.new_value


def figures(solution: DescentSolution) -> dict:
    """The path and the loss chart, as the slide's ``figure`` options ask."""
    options = solution.slide.figure
    drawers = {"path": "gradient_descent.draw_descent", "loss": "gradient_descent.draw_loss"}
    return {role: (drawer, solution) for role, drawer in drawers.items() if getattr(options, role)}
