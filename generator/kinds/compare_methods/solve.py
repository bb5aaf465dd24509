"""Solver for ``compare_methods`` slides: each method from the same start for the same number of steps."""
from __future__ import annotations

from dataclasses import dataclass

from ..gradient_descent.solve import DescentSolution, final_values, solve_descent
from .model import CompareSlide


@dataclass(frozen=True)
class CompareSolution:
    slide: CompareSlide
    runs: tuple[DescentSolution, ...]  # in the order of the spec

    @property
    def best(self) -> DescentSolution:
        """The run that ends lowest."""
        return min(self.runs, key=lambda run: run.last.new_value)


def solve_compare(slide: CompareSlide) -> CompareSolution:
    return CompareSolution(slide, tuple(solve_descent(run) for run in slide.runs))


def computed_values(solution: CompareSolution):
    """The last point of every run, for the answer file."""
    for number, run in enumerate(solution.runs, start=1):
        yield from final_values(run, f"run {number} {run.slide.method}")


def figures(solution: CompareSolution) -> dict:
    if not solution.slide.runs[0].figure.path:
        return {}
    return {"paths": ("compare_methods.draw_compare", solution)}
