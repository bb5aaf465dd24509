"""View of a ``gradient`` slide: partial derivatives, the gradient, values at a point."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...views.common import Context, as_written, inline
from .solve import GradientSolution, Partial, PartialAt


@dataclass(frozen=True)
class GradientView:
    template = "gradient"
    id: str
    title: str
    function: str
    partials_lead: str
    partials: tuple[str, ...]
    gradient_lead: str
    gradient: str
    at_lead: str  # "At the point (1.3, 5.4):" (empty without a point)
    values: tuple[str, ...]
    gradient_at: str


def partial_lines(name: str, partials: tuple[Partial, ...], ctx: Context) -> tuple[str, ...]:
    p = ctx.printer
    return tuple(p.chain(p.partial(name, d.variable), [d.expr]) for d in partials)


def value_lines(name: str, point: Sequence, values: tuple[PartialAt, ...], ctx: Context) -> tuple[str, ...]:
    p = ctx.printer
    return tuple(p.chain(p.partial_at(name, v.variable, point), [v.substituted], v.value) for v in values)


def gradient_view(solution: GradientSolution, ctx: Context) -> GradientView:
    p, words, slide = ctx.printer, ctx.words, solution.slide
    variables = slide.variables
    values: tuple[str, ...] = ()
    gradient_at = ""
    at_lead = ""
    if solution.at is not None:
        point = [value for _, value in solution.at]
        values = value_lines(slide.name, point, solution.values, ctx)
        gradient_at = f"{p.nabla(slide.name, point)} = {p.column([v.value for v in solution.values])}"
        at_lead = words.at_point.format(point=inline(p.point(point)))
    return GradientView(
        id=slide.id,
        title=slide.title or words.gradient_title,
        function=f"{p.call(slide.name, variables)} = {as_written(solution.function, slide, ctx)}",
        partials_lead=words.partials if len(variables) > 1 else words.derivative,
        partials=partial_lines(slide.name, solution.partials, ctx),
        gradient_lead=words.gradient_vector,
        gradient=f"{p.nabla(slide.name, variables)} = {p.column([d.expr for d in solution.partials])}",
        at_lead=at_lead,
        values=values,
        gradient_at=gradient_at,
    )
