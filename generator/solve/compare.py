"""Solver for ``compare_methods`` slides: each method from the same start for the same number of steps."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import CompareSlide
from .descent import DescentSolution, solve_descent


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
