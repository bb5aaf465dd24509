"""View of a ``learning_rates`` slide: the rule with η, then for each rate where it ends and its regime.

Each rate is written ``η = 0.1`` before its results, so the checker redefines η and recomputes the
iterates with the printed update rule for every rate.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...views.common import Context, Figure, as_written, inline
from .solve import LearningRatesSolution, RateRun


@dataclass(frozen=True)
class RateItem:
    rate: str  # inline math: η = 0.1
    regime: str  # words
    results: str  # inline math: w_{10} ≈ 0.5369, L(w_{10}) ≈ 12.29


@dataclass(frozen=True)
class LearningRatesView:
    template = "learning_rates"
    id: str
    title: str
    given_lead: str
    given: str
    rule_lead: str
    rules: tuple[str, ...]
    runs_lead: str
    runs: tuple[RateItem, ...]
    figure_title: str
    figure_continued_title: str  # the heading of the second figure on (the panels continue)
    figures: tuple[Figure, ...]  # the panels, two rates to a figure


def _item(run: RateRun, ctx: Context) -> RateItem:
    p, descent = ctx.printer, run.descent
    slide, last = descent.slide, descent.last
    number = last.index + 1
    values = [value for _, value in last.new_point]
    return RateItem(
        rate=inline(p.chain(p.learning_rate_symbol, [], slide.learning_rate)),
        regime=ctx.words.regimes[run.regime],
        results=ctx.words.list_separator.join((
            inline(p.point_value(p.point_at(slide.variables, number), values)),
            inline(p.chain(p.value_at_step(slide.name, slide.variables, number), [], last.new_value)))),
    )


def learning_rates_view(solution: LearningRatesSolution, ctx: Context) -> LearningRatesView:
    p, words = ctx.printer, ctx.words
    first = solution.slide.runs[0]
    title = solution.slide.title or words.rates_title
    return LearningRatesView(
        id=solution.slide.id,
        title=title,
        given_lead=words.given,
        given=p.equations([p.chain(p.call(first.name, first.variables),
                                   [as_written(first.function, solution.slide, ctx)]),
                           p.chain(p.point_at(first.variables, 0), [p.point([v for _, v in first.start])])]),
        rule_lead=words.update_rule,
        rules=tuple(p.update_rule(first.name, v, first.variables) for v in first.variables),
        runs_lead=words.rates_lead.format(steps=words.steps(first.step_limit)),
        runs=tuple(_item(run, ctx) for run in solution.runs),
        figure_title=words.rates_figure_title.format(title=title),
        figure_continued_title=words.continued.format(title=words.rates_figure_title.format(title=title)),
        figures=tuple(ctx.figures.get(solution.slide.id, {}).values()),
    )
