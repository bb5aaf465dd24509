"""Solver for ``learning_rates`` slides: one descent per learning rate, and the regime each one shows.

The regime is read from the iterates, not guessed from the rate:

* ``diverges`` — the function ends higher than it started (or the iterates ran away);
* ``oscillates`` — it goes down, but the moves keep reversing (consecutive moves point against
  each other: a negative dot product), the iterates jump across the minimum;
* ``converges`` — it goes down and every move continues in the direction of the one before.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from ..gradient_descent.solve import DescentSolution, StopReason, final_values, solve_descent
from .model import LearningRatesSlide

REGIMES = ("converges", "oscillates", "diverges")


@dataclass(frozen=True)
class RateRun:
    descent: DescentSolution
    regime: str  # one of REGIMES


@dataclass(frozen=True)
class LearningRatesSolution:
    slide: LearningRatesSlide
    runs: tuple[RateRun, ...]


def _moves(solution: DescentSolution) -> list[list]:
    return [[new - old for (_, old), (_, new) in zip(step.point, step.new_point)] for step in solution.steps]


def regime(solution: DescentSolution) -> str:
    first, last = solution.steps[0].value, solution.last.new_value
    if solution.stop_reason == StopReason.DIVERGED or last > first:
        return "diverges"
    moves = _moves(solution)
    reversals = sum(1 for a, b in pairwise(moves) if sum(x * y for x, y in zip(a, b)) < 0)
    return "oscillates" if reversals * 2 >= len(moves) - 1 and reversals else "converges"


def solve_learning_rates(slide: LearningRatesSlide) -> LearningRatesSolution:
    runs = []
    for run in slide.runs:
        descent = solve_descent(run)
        runs.append(RateRun(descent, regime(descent)))
    return LearningRatesSolution(slide, tuple(runs))


def computed_values(solution: LearningRatesSolution):
    """The last point of every run, for the answer file."""
    for run in solution.runs:
        yield from final_values(run.descent, f"rate {run.descent.slide.learning_rate}")


PANELS_PER_FIGURE = 2  # each panel 575 px wide on the slide: three or four rates take two figures


def figures(solution: LearningRatesSolution) -> dict:
    """The panels of the rates, two to a figure: ``panels``, then ``panels-2``."""
    if not solution.slide.runs[0].figure.path:
        return {}
    groups = [solution.runs[start:start + PANELS_PER_FIGURE]
              for start in range(0, len(solution.runs), PANELS_PER_FIGURE)]
    return {panels_role(number): ("learning_rates.draw_rates", replace(solution, runs=group))
            for number, group in enumerate(groups, start=1)}


def panels_role(number: int) -> str:
    return "panels" if number == 1 else f"panels-{number}"
