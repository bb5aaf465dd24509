"""View of a ``plot`` slide: the figure, the functions it shows, the tangent line."""
from __future__ import annotations

from dataclasses import dataclass

from sympy import Symbol

from ...views.common import Context, Figure, Formula, as_written, inline
from .solve import FormulaName, PlotSolution


@dataclass(frozen=True)
class PlotView:
    template = "plot"
    id: str
    title: str
    figure: Figure
    functions: tuple[Formula, ...]  # label: formula
    tangent_lead: str
    tangent: str


def formula_left(name: FormulaName, x: Symbol, ctx: Context) -> str:
    r"""``\sigma\left(x\right)``, ``\sigma'\left(x\right)``, ``f_{1}\left(x\right)``: the left side of a formula."""
    return ctx.printer.prime(name.name, [x]) if name.primed else ctx.printer.call(name.name, [x])


def plot_view(solution: PlotSolution, ctx: Context) -> PlotView:
    p, words, slide = ctx.printer, ctx.words, solution.slide
    x = slide.variable
    names = [name.name for name in solution.names]
    functions = tuple(Formula(p.display_inline(p.chain(formula_left(name, x, ctx), [as_written(f, slide, ctx)])),
                              lead="" if name.from_label else f"{label}:")
                      for name, label, f in zip(solution.names, slide.labels, solution.functions))
    tangent, lead = "", ""
    if solution.tangent is not None:
        t = solution.tangent
        lead = words.tangent.format(point=inline(p.chain(p.expr(x), [], t.point)))
        tangent = p.display_inline(p.chain("y", [p.tangent_formula(names[0], x, t.point), t.shown, t.line]))
    return PlotView(id=slide.id, title=slide.title or words.plot_title, figure=ctx.figures[slide.id]["plot"],
                    functions=functions, tangent_lead=lead, tangent=tangent)
