"""View of a ``plot`` slide: the figure, the functions it shows, the tangent line."""
from __future__ import annotations

from dataclasses import dataclass

from ...views.common import Context, Figure, Formula, inline
from .solve import PlotSolution


@dataclass(frozen=True)
class PlotView:
    template = "plot"
    id: str
    title: str
    figure: Figure
    functions: tuple[Formula, ...]  # label: formula
    tangent_lead: str
    tangent: str


def function_names(count: int) -> tuple[str, ...]:
    """``f`` for one function, ``f_1, f_2, …`` for several."""
    return ("f",) if count == 1 else tuple(f"f_{index + 1}" for index in range(count))


def plot_view(solution: PlotSolution, ctx: Context) -> PlotView:
    p, words, slide = ctx.printer, ctx.words, solution.slide
    x = slide.variable
    names = function_names(len(solution.functions))
    functions = tuple(Formula(p.display_inline(p.chain(p.call(name, [x]), [f])), lead=f"{label}:")
                      for name, label, f in zip(names, slide.labels, solution.functions))
    tangent, lead = "", ""
    if solution.tangent is not None:
        t = solution.tangent
        lead = words.tangent.format(point=inline(p.chain(p.expr(x), [], t.point)))
        tangent = p.display_inline(p.chain("y", [p.tangent_formula(names[0], x, t.point), t.shown, t.line]))
    return PlotView(id=slide.id, title=slide.title or words.plot_title, figure=ctx.figures[slide.id]["plot"],
                    functions=functions, tangent_lead=lead, tangent=tangent)
