"""View of a ``compare_methods`` slide: one table of where each method is after N steps, one figure."""
from __future__ import annotations

from dataclasses import dataclass

from ...model import HYPER_PARAMETERS
from ...views.common import Context, Figure, as_written, inline
from ..gradient_descent.methods_view import HYPER_NAMES
from ..gradient_descent.solve import DescentSolution
from ..gradient_descent.view import Row
from .solve import CompareSolution


@dataclass(frozen=True)
class CompareView:
    template = "compare_methods"
    id: str
    title: str
    given: str  # f(x, y) = …
    lead: str  # every method starts at … and makes N steps
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    best: str
    figure_title: str
    figure: Figure | None


def run_label(run: DescentSolution, ctx: Context) -> str:
    return getattr(ctx.words.methods, run.slide.method)


def _settings(run: DescentSolution, ctx: Context) -> str:
    p, slide = ctx.printer, run.slide
    parts = [p.chain(p.learning_rate_symbol, [], slide.learning_rate)]
    parts += [p.chain(p.name(HYPER_NAMES[kind]), [], getattr(slide, kind)) for kind in HYPER_PARAMETERS[slide.method]]
    return inline(p.compact_equations(parts))


def _row(run: DescentSolution, ctx: Context) -> Row:
    p = ctx.printer
    values = [value for _, value in run.last.new_point]
    return Row((run_label(run, ctx), _settings(run, ctx), inline(p.point_rounded(values)),
                inline(p.value(run.last.new_value))))


def compare_view(solution: CompareSolution, ctx: Context) -> CompareView:
    p, words = ctx.printer, ctx.words
    first = solution.runs[0].slide
    title = solution.slide.title or words.compare_title
    steps = first.step_limit
    return CompareView(
        id=solution.slide.id,
        title=title,
        given=p.chain(p.call(first.name, first.variables), [as_written(first.function, solution.slide, ctx)]),
        lead=words.compare_lead.format(start=inline(p.point([v for _, v in first.start])), steps=words.steps(steps)),
        header=(words.method_column, words.settings_column, inline(p.point_at(first.variables, steps)),
                inline(p.value_at_step(first.name, first.variables, steps))),
        rows=tuple(_row(run, ctx) for run in solution.runs),
        best=words.compare_best.format(steps=words.after_steps(steps), method=run_label(solution.best, ctx)),
        figure_title=words.compare_figure_title.format(title=title),
        figure=ctx.figures.get(solution.slide.id, {}).get("paths"),
    )
