"""Solver for ``fit`` slides: minimise a model's loss over its parameters with a descent method.

The loss is a sum over the examples, L = Σ_k L_k.  A full batch descends on L itself (the
``gradient_descent`` machinery, unchanged).  A stochastic or mini-batch fit follows, at step t,
the gradient of its batch's loss L_{B_t} = Σ_{k∈B_t} L_k, while the slide reports the full loss L
at every iterate.  Batches walk through the examples in their order, epoch after epoch; with a
``seed`` each epoch walks through a fresh shuffle (``random.Random(seed)``, reproducible).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

import sympy
from sympy import Expr

from ...solve.substitute import evaluate, held_sum, written_substitution
from ...vocabulary import Sigmoid
from ..gradient.solve import Partial, PartialAt, partial_derivatives, partials_at
from ..gradient_descent.solve import DescentSolution, settle_in_domain, solve_descent
from ..gradient_descent.solve import computed_values as descent_values
from ..gradient_descent.solve import figures as descent_figures
from .model import PREDICTION, FitSlide, example_losses, point_loss


@dataclass(frozen=True)
class ExampleLoss:
    """The loss of one data point, and its derivative by the chain rule: ∂L_k/∂p = ∂L_k/∂ŷ · ∂ŷ/∂p (x_k)."""

    point: tuple[Expr, Expr]  # (x_k, y_k)
    loss: Expr  # L_k over the parameters
    outer: Expr  # ∂L_k/∂ŷ as an expression in ``PREDICTION``
    partials: tuple[Partial, ...]  # ∂L_k/∂p over the parameters
    first: tuple[PartialAt, ...]  # ∂L_k/∂p where step 1 evaluates the gradient


@dataclass(frozen=True)
class Prediction:
    """The model's output at one data point where step 1 takes the gradient: ŷ(0.5) = σ(−2·0.5 − 2) = σ(−3)."""

    input: Expr  # x_k
    shown: Expr  # the model as written, with the numbers held
    exact: Expr  # its exact value, σ kept: σ(−3)


@dataclass(frozen=True)
class FitSolution:
    slide: FitSlide
    model_partials: tuple[Partial, ...]  # ∂ŷ/∂p in the input and the parameters
    examples: tuple[ExampleLoss, ...]
    batches: tuple[tuple[int, ...], ...]  # the examples (0-based) of each step; empty for a full batch
    descent: DescentSolution  # iterates, with the full loss L at each of them
    first_working: tuple[Expr, ...]  # per parameter: the points' values at step 1, held as a sum
    gradients: tuple[tuple[Expr, ...], ...]  # per step: the gradient followed, irrational values as Floats
    loss_working: tuple[Expr, Expr]  # L at the start and after step 1: the points' losses held as a sum
    # step 1 shown with rounded numbers (its values are irrational and the spec did not ask for ``exact``)
    rounded: bool = False
    predictions: tuple[Prediction, ...] = ()  # step 1's examples: the model's output, for a rounded step

    @property
    def final(self):
        return self.descent.last.new_point


def _example(slide: FitSlide, point: tuple[Expr, Expr], loss: Expr, first_point) -> ExampleLoss:
    partials = partial_derivatives(loss, slide.descent.variables)
    outer = sympy.diff(point_loss(slide.loss, point[1]), PREDICTION)
    return ExampleLoss(point, loss, outer, partials, partials_at(partials, first_point))


def batch_schedule(examples: int, size: int, steps: int, seed: int | None) -> tuple[tuple[int, ...], ...]:
    """The examples of each step: consecutive batches of ``size`` through each epoch's order."""
    shuffler = random.Random(seed) if seed is not None else None
    batches: list[tuple[int, ...]] = []
    while len(batches) < steps:
        order = list(range(examples))
        if shuffler is not None:
            shuffler.shuffle(order)
        batches += [tuple(sorted(order[start:start + size])) for start in range(0, examples, size)]
    return tuple(batches[:steps])


def solve_fit(slide: FitSlide) -> FitSolution:
    losses = example_losses(slide.loss, slide.model, slide.input, slide.data)
    descent, batches = _descend(slide, losses)
    first = descent.steps[0]
    examples = tuple(_example(slide, point, loss, first.lookahead or first.point)
                     for point, loss in zip(slide.data, losses))
    used = batches[0] if batches else range(len(examples))
    working = tuple(held_sum(examples[k].first[index].value for k in used)
                    for index in range(len(slide.descent.variables)))
    gradients = tuple(tuple(settle_in_domain(s.value, step.index + 1) for s in step.slopes) for step in descent.steps)
    loss_working = tuple(held_sum(settle_in_domain(evaluate(loss, point), index) for loss in losses)
                         for index, point in enumerate((first.point, first.new_point)))
    rounded = not slide.exact and any(not slope.value.is_Rational for slope in first.slopes)
    predictions = _predictions(slide, used, first.lookahead or first.point) if rounded else ()
    return FitSolution(slide, model_partials(slide), examples, batches[:len(descent.steps)], descent, working,
                       gradients, loss_working, rounded, predictions)


def model_partials(slide: FitSlide) -> tuple[Partial, ...]:
    """∂ŷ/∂p of the model as written; for ŷ = σ(u) the teaching form σ(u)·(1 − σ(u))·∂u/∂p, in that order."""
    model, params = slide.shown_model, slide.descent.variables
    if not isinstance(model, Sigmoid):
        return partial_derivatives(model, params)
    inner = model.args[0]
    partials = []
    for variable in params:
        factors = [model, 1 - model, *((inner_partial,) if (inner_partial := sympy.diff(inner, variable)) != 1
                                       else ())]
        partials.append(Partial(variable, sympy.Mul(*factors, evaluate=False)))
    return tuple(partials)


def _predictions(slide: FitSlide, used, point) -> tuple[Prediction, ...]:
    """ŷ(x_k) at the parameters of step 1's gradient, for the examples it uses."""
    model, x = slide.written_model or slide.written.of(slide.model), slide.input  # (σ(w x + b) as written)
    result = []
    for k in used:
        at = (*point, (x, slide.data[k][0]))
        result.append(Prediction(slide.data[k][0], written_substitution(model, at), model.xreplace(dict(at))))
    return tuple(result)


def _descend(slide: FitSlide, losses: tuple[Expr, ...]) -> tuple[DescentSolution, tuple[tuple[int, ...], ...]]:
    """The descent, and the batch of each step (none for a full batch)."""
    descent_slide = slide.descent
    if slide.full_batch:
        return solve_descent(descent_slide), ()
    limit = descent_slide.step_limit
    batches = batch_schedule(len(slide.data), slide.batch_size, limit, slide.seed)

    @cache
    def batch_partials(batch: tuple[int, ...]) -> tuple[Partial, ...]:
        return partial_derivatives(sympy.Add(*(losses[k] for k in batch)), descent_slide.variables)

    return solve_descent(descent_slide, lambda index: batch_partials(batches[index])), batches


def computed_values(solution: FitSolution):
    """Every value the slide prints, for the answer file: the descent's."""
    return descent_values(solution.descent)


def figures(solution: FitSolution) -> dict:
    """The descent's figures as its ``figure`` options ask, and the fitted curve when there is any figure."""
    if not solution.slide.descent.figure.drawn:
        return {}
    return {**descent_figures(solution.descent), "curve": ("fit.draw_fit_curve", solution)}
