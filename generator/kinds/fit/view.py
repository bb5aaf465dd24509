"""View of a ``fit`` slide: the model, the data, the loss and its chain rule, then the descent.

A full batch is a ``gradient_descent`` on L = Σ L_k: its view is reused, with the loss introduced
by the fit's own slides and the gradient at step 1 written as the sum over the points.  A
stochastic or mini-batch fit writes the gradient of step t as ``g^{(t)}``, the sum over its batch,
so every step's arithmetic stays on the slides (and the checker can follow the iterates).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial

import sympy

from ...model import Method
from ...solve.substitute import difference, held, held_sum
from ...views.common import Context, Figure, Formula, as_written, inline
from ...vocabulary import Sigmoid, exact_sigmoids
from ..gradient_descent.methods_view import gradient_name, state_name
from ..gradient_descent.solve import DescentStep
from ..gradient_descent.view import DescentView, descent_view
from .model import PREDICTION, FitSlide, Loss, point_loss
from .solve import FitSolution

MODEL_NAME = "yhat"
GRADIENT_LINES_PER_PAGE = 4  # the later steps' gradients, a page each


@dataclass(frozen=True)
class FitView:
    template = "fit"
    id: str
    title: str
    model_lead: str
    model: str  # ŷ(x) = …, under σ(z) = 1/(1 + e^{−z}) when the model uses σ
    data_lead: str
    data: str  # (0.5, 0.2), (2.5, 0.9)
    loss_lead: str
    losses: tuple[str, ...]  # L_k(w, b) = ½(ŷ(x_k) − y_k)², then L = Σ L_k
    partials_title: str
    model_partials_lead: str
    model_partials: str  # ∂ŷ/∂w = …, ∂ŷ/∂b = …
    example_partials_lead: str
    example_partials: tuple[str, ...]  # ∂L_k/∂w = (ŷ(x_k) − y_k) · ∂ŷ/∂w(x_k)
    batches: str  # how the steps use the points
    descent: DescentView
    curve_title: str
    curve: Figure | None


def _model_line(slide: FitSlide, ctx: Context) -> str:
    """``ŷ(x) = σ(wx + b)``; a model with σ has the definition σ(z) = 1/(1 + e^{−z}) on the row above it (the
    checker reads σ by this definition, so it comes first)."""
    p = ctx.printer
    written = p.as_written(slide.shown_model) if slide.written_model is not None else \
        as_written(slide.model, slide, ctx)
    model = (p.call(MODEL_NAME, [slide.input]), written)
    if not slide.shown_model.has(Sigmoid):
        return p.chain(model[0], [model[1]])
    used = {s.name for s in slide.model.free_symbols}
    z = sympy.Symbol(next(name for name in ("z", "t", "u", "s") if name not in used), real=True)
    return p.aligned_equations([(p.call("sigma", [z]), exact_sigmoids(Sigmoid(z))), model])


def _loss_name(solution: FitSolution, index: int) -> str:
    """The loss of point k: ``L_1`` (``J_1`` for a loss named J in ``symbols``)."""
    return f"{solution.slide.descent.name}_{index + 1}"


def _losses(solution: FitSolution, ctx: Context) -> tuple[str, ...]:
    p, slide = ctx.printer, solution.slide
    params = slide.descent.variables
    model = sympy.Function(MODEL_NAME)
    losses = [p.chain(p.call(_loss_name(solution, k), params), [_loss_with_model(slide.loss, example.point, model)])
              for k, example in enumerate(solution.examples)]
    per_line = 1 if len(losses) <= 2 else 2  # more points: two losses side by side
    lines = [p.equations(losses[i:i + per_line]) for i in range(0, len(losses), per_line)]
    total = p.plus(p.call(_loss_name(solution, k), params) for k in range(len(solution.examples)))
    lines.append(p.chain(p.call(slide.descent.name, params), [total]))
    return tuple(lines)


def _loss_with_model(kind: Loss, point, model) -> sympy.Expr:
    """L_k written with the model's call ŷ(x_k): ½(ŷ(0.5) − 0.2)²."""
    return point_loss(kind, point[1]).xreplace({PREDICTION: model(point[0])})


def _example_partials(solution: FitSolution, ctx: Context) -> tuple[str, ...]:
    p, params = ctx.printer, solution.slide.descent.variables
    model = sympy.Function(MODEL_NAME)
    lines = []
    for k, example in enumerate(solution.examples):
        outer = example.outer.xreplace({PREDICTION: model(example.point[0])})
        name = _loss_name(solution, k)
        lines.append(p.equations(p.chain(p.partial(name, v), [p.chain_rule_product(outer, MODEL_NAME, v,
                                                                                  [example.point[0]])])
                                 for v in params))
    return tuple(lines)


def _examples_text(batch: tuple[int, ...], ctx: Context) -> str:
    indices = ", ".join(str(k + 1) for k in batch)
    return (ctx.words.example_one if len(batch) == 1 else ctx.words.example_many).format(indices=indices)


def batches_sentence(solution: FitSolution, ctx: Context) -> str:
    words, slide = ctx.words, solution.slide
    if slide.full_batch:
        return words.batches_full.format(count=len(slide.data))
    order = words.order_fixed if slide.seed is None else words.order_seeded.format(seed=slide.seed)
    if slide.batch_size == 1:
        return words.batches_stochastic.format(order=order)
    return words.batches_mini.format(size=slide.batch_size, order=order)


def _full_batch_lines(solution: FitSolution, ctx: Context) -> dict:
    """∂L/∂w = ∂L_1/∂w + ∂L_2/∂w in general, and at step 1 with the values of each point."""
    p, descent = ctx.printer, solution.descent
    params, name = descent.slide.variables, descent.slide.name
    count = len(solution.examples)
    partials = p.equations(p.chain(p.partial(name, v), [p.plus(p.partial(_loss_name(solution, k), v)
                                                                for k in range(count))])
                           for v in params)
    step = descent.steps[0]
    point = [value for _, value in (step.lookahead or step.point)]
    slopes = []
    for index, (v, slope) in enumerate(zip(params, step.slopes)):
        terms = p.plus(p.partial_at(_loss_name(solution, k), v, point) for k in range(count))
        rounded = _rounded_sum(solution, index, range(count), ctx) if solution.rounded else None
        slopes.append(p.rounded_chain(p.partial_at(name, v, point), [terms], rounded) if rounded else
                      p.chain(p.partial_at(name, v, point), [terms, solution.first_working[index]], slope.value))
    return {"partials": partials, "slopes": tuple(slopes)}


def _rounded_sum(solution: FitSolution, index: int, batch, ctx: Context) -> str | None:
    r"""``0.02372 + \left(-1.995\right) + \left(-2.999\right) \approx -4.97``: the points' partial derivatives by
    the ``index``-th parameter at step 1, rounded, and their sum."""
    values = [solution.examples[k].first[index].value for k in batch]
    return ctx.printer.rounded_working(held_sum, values, solution.descent.steps[0].slopes[index].value)


def _rounded_workings(solution: FitSolution, ctx: Context) -> tuple[Formula, ...]:
    """Step 1 as a teacher works it: the model's prediction at each point, then each point's partial
    derivatives as rounded numbers (the sum and the update follow with these numbers)."""
    p, words, descent = ctx.printer, ctx.words, solution.descent
    params, step = descent.slide.variables, descent.steps[0]
    point = [value for _, value in (step.lookahead or step.point)]
    model = sympy.Function(MODEL_NAME)
    predictions = [p.chain(p.expr(model(item.input)), [item.shown, item.exact], item.exact)
                   for item in solution.predictions]
    used = solution.batches[0] if solution.batches else range(len(solution.examples))
    partials = [p.equations(p.rounded_value(p.partial_at(_loss_name(solution, k), v, point),
                                            solution.examples[k].first[i].value)
                            for i, v in enumerate(params)) for k in used]
    at = p.chain(p.point(list(params)), [p.point(point)])
    lines = [Formula(line, lead=words.predictions.format(point=inline(at)) if i == 0 else "")
             for i, line in enumerate(predictions)]
    lines += [Formula(line, lead=words.example_values if k == 0 else "") for k, line in enumerate(partials)]
    return tuple(lines)


def _rounded_updates(solution: FitSolution, ctx: Context) -> tuple[str, ...] | None:
    r"""``w_{1} = -2 - 0.5 \cdot \frac{\partial L}{\partial w}\left(-2, -2\right) \approx -2 - 0.5 \cdot
    \left(-4.97\right) \approx 0.4852``: plain gradient descent's update with the rounded gradient."""
    p, descent = ctx.printer, solution.descent
    slide, step = descent.slide, descent.steps[0]
    if slide.method != Method.GD:
        return None  # the methods' states already print their values rounded
    point = [value for _, value in step.point]
    several = len(slide.variables) > 1
    lines = []
    for (variable, old), slope, update in zip(step.point, step.slopes, step.updates):
        slot = sympy.Dummy("slope")
        name = p.partial_at(slide.name, variable, point) if solution.slide.full_batch else \
            p.indexed(gradient_name(variable, several, ctx), step.index)  # a batch follows its own gradient g
        general = p.with_names(difference(held(old), [held(slide.learning_rate), slot]), {slot: name})
        working = p.rounded_working(partial(_update_working, old, slide.learning_rate), [slope.value], update.new)
        if working is None:
            return None
        lines.append(p.rounded_chain(p.indexed(variable, 1), [general], working))
    return tuple(lines)


def _update_working(old: sympy.Expr, rate: sympy.Expr, numbers: Sequence[sympy.Expr]) -> sympy.Expr:
    """``old − η·g`` with the rounded gradient g, every number held."""
    return difference(held(old), [held(rate), held(numbers[0])])


def _gradient_line(solution: FitSolution, step: DescentStep, batch: tuple[int, ...], ctx: Context,
                   first: bool) -> str:
    """``g_{w}^{(t)} = ∂L_k/∂w(w_t, b_t) + … ≈ value`` for every parameter of one step."""
    p, slide = ctx.printer, solution.descent.slide
    params, several = slide.variables, len(slide.variables) > 1
    values = [value for _, value in (step.lookahead or step.point)]
    names = [p.indexed(state_name("tilde", v, several, ctx) if step.lookahead else v, step.index) for v in params]
    lines = []
    for index, (v, slope) in enumerate(zip(params, step.slopes)):
        terms = p.plus(p.partial_at(_loss_name(solution, k), v, values) if first else
                       p.partial_at_names(_loss_name(solution, k), v, names) for k in batch)
        left = p.indexed(gradient_name(v, several, ctx), step.index)
        rounded = _rounded_sum(solution, index, batch, ctx) if first and solution.rounded and len(batch) > 1 else None
        if rounded:
            lines.append(p.rounded_chain(left, [terms], rounded))
            continue
        working = [terms]
        if first and len(batch) > 1:
            working.append(solution.first_working[index])
        lines.append(p.chain(left, working, slope.value if first else solution.gradients[step.index][index]))
    return p.equations(lines)


def _loss_values(solution: FitSolution, ctx: Context) -> tuple[str, ...]:
    """``L(w_0, b_0) = L_1(0, 0) + L_2(0, 0) = 0.045 + 0.08 = 0.125``, and the same after step 1."""
    p, descent = ctx.printer, solution.descent
    params, name, first = descent.slide.variables, descent.slide.name, descent.steps[0]
    lines = []
    for index, (point, value) in enumerate(((first.point, first.value), (first.new_point, first.new_value))):
        values = [v for _, v in point]
        exact = all(p.readable(v) for v in values)  # rounded numbers inside an "=" would not be equal
        terms = p.plus(p.call(_loss_name(solution, k), values) if exact
                       else p.value_at_step(_loss_name(solution, k), params, index)
                       for k in range(len(solution.examples)))
        lines.append(p.chain(p.value_at_step(name, params, index), [terms, solution.loss_working[index]], value))
    return tuple(lines)


def _batch_fields(solution: FitSolution, view: DescentView, ctx: Context) -> dict:
    words = ctx.words
    steps = solution.descent.steps
    lines = [Formula(_gradient_line(solution, step, batch, ctx, first=step.index == 0),
                     lead=words.batch_step.format(number=step.index + 1, examples=_examples_text(batch, ctx)))
             for step, batch in zip(steps, solution.batches)]
    pages = tuple(tuple(lines[i:i + GRADIENT_LINES_PER_PAGE]) for i in range(1, len(lines), GRADIENT_LINES_PER_PAGE))
    return {"partials": "", "slopes": (lines[0].latex,), "rule_lead": words.batch_rule,
            "later_title": words.later_steps_title.format(title=view.title), "later_pages": pages,
            "step_title": words.batch_heading.format(heading=view.step_title,
                                                     examples=_examples_text(solution.batches[0], ctx))}


def fit_view(solution: FitSolution, ctx: Context) -> FitView:
    p, words, slide = ctx.printer, ctx.words, solution.slide
    descent_slide = slide.descent
    params = descent_slide.variables
    title = slide.title or words.fit_title
    view = descent_view(solution.descent, ctx, batch=not slide.full_batch, title=title)
    given = p.equations([p.chain(p.learning_rate_symbol, [], descent_slide.learning_rate),
                         p.chain(p.point_at(params, 0), [p.point([v for _, v in descent_slide.start])])])
    extra = _full_batch_lines(solution, ctx) if slide.full_batch else _batch_fields(solution, view, ctx)
    view = replace(view, given=given, values=_loss_values(solution, ctx), **extra)
    if solution.rounded:
        view = replace(view, workings=_rounded_workings(solution, ctx),
                       updates=_rounded_updates(solution, ctx) or view.updates)
    figures = ctx.figures.get(slide.id, {})
    return FitView(
        id=slide.id,
        title=title,
        model_lead=words.model.format(input=inline(p.expr(slide.input)),
                                      params=", ".join(inline(p.expr(v)) for v in params)),
        model=_model_line(slide, ctx),
        data_lead=words.data.format(names=inline(p.point([slide.input, sympy.Symbol("y")]))),
        data=p.equations(p.point(point) for point in slide.data),
        loss_lead=words.loss_squared_error if slide.loss == Loss.SQUARED_ERROR else words.loss_cross_entropy,
        losses=_losses(solution, ctx),
        partials_title=words.continued.format(title=title),
        model_partials_lead=words.partials,
        model_partials=p.equations(p.chain(p.partial(MODEL_NAME, d.variable), [p.derivation_step(d.expr)])
                                   for d in solution.model_partials),
        example_partials_lead=words.example_partials,
        example_partials=_example_partials(solution, ctx),
        batches=batches_sentence(solution, ctx),
        descent=view,
        curve_title=words.fitted_title.format(title=title),
        curve=figures.get("curve"),
    )
