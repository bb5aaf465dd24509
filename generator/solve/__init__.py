"""The calculus the slide kinds share: derivations rule by rule, teaching forms, substitutions shown.

Each kind's solver lives in its folder (``generator/kinds/<kind>/solve.py``); ``solve_slide``
finds it.  A solver is a pure function slide → solution (SymPy values and ordered steps, no text).
"""
from __future__ import annotations

from typing import Any

from ..model import SlideBase
from .problems import MathError


def solve_slide(slide: SlideBase) -> Any:
    """The solution of one slide, by its kind's solver."""
    from ..kinds import kind_of

    return kind_of(slide).solve(slide)


__all__ = ["MathError", "solve_slide"]
