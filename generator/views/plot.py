"""View of a ``plot`` slide: the figure, the functions it shows, the tangent line."""
from __future__ import annotations

from dataclasses import dataclass

from ..solve.plot import PlotSolution
from .common import Context, Figure, Formula, inline


@dataclass(frozen=True)
class PlotView:
    template = "plot"
    id: str
    title: str
    figure: Figure
    functions: tuple[Formula, ...]  # label: formula
    tangent_lead: str
    tangent: str


def plot_view(solution: PlotSolution, ctx: Context) -> PlotView:
    p, words, slide = ctx.printer, ctx.words, solution.slide
    functions = tuple(Formula(p.display_inline(p.expr(f)), lead=f"{label}:")
                      for label, f in zip(slide.labels, solution.functions))
    tangent, lead = "", ""
    if solution.tangent is not None:
        t = solution.tangent
        lead = words.tangent.format(point=inline(p.chain(p.expr(slide.variable), [], t.point)))
        tangent = p.display_inline(p.chain("y", [t.shown, t.line]))
    return PlotView(id=slide.id, title=slide.title or words.plot_title, figure=ctx.figures[slide.id],
                    functions=functions, tangent_lead=lead, tangent=tangent)
