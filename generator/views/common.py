"""What views share: the context they print with, and small Markdown pieces.

A view turns one solution into a frozen dataclass of finished strings (LaTeX
from the printer, words from ``i18n``), so the Jinja templates only loop and
place.  Inline math is ``$…$``; a line of display math is a ``Formula``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from sympy import Expr

from ..i18n import Words
from ..latex import SlideLatexPrinter
from ..model import SlideBase


@dataclass(frozen=True)
class Context:
    printer: SlideLatexPrinter
    words: Words
    figures: dict[str, dict[str, Figure]]  # slide id → role ("path", "loss", …) → its drawn figure
    pictures: dict[str, str] = field(default_factory=dict)  # a picture's address in the spec → its copy's


def slide_context(ctx: Context, slide) -> Context:
    """The context a slide is printed in: the deck's, its printer with the slide's own ``symbols``."""
    printer = ctx.printer.with_symbols(getattr(slide, "symbols", None))
    return ctx if printer is ctx.printer else replace(ctx, printer=printer)


@dataclass(frozen=True)
class Figure:
    """A drawn figure: its path relative to the deck's Markdown, and its alt text."""

    path: PurePosixPath
    alt: str
    size: str  # Marp image size keyword, e.g. "h:380"


@dataclass(frozen=True)
class Formula:
    """One display formula with an optional sentence before it."""

    latex: str
    lead: str = ""


def as_written(expr: Expr, slide: SlideBase, ctx: Context) -> str:
    """``expr`` as the spec wrote it when it is one of the slide's own expressions (``w^{4} - 3 w^{2} + w``,
    ``w x + b``, ``1.78 x^{2}``), else as the printer writes a computed expression."""
    written = slide.written.get(expr)
    return ctx.printer.expr(expr) if written is None else ctx.printer.as_written(written)


def inline(latex: str) -> str:
    """Inline math for a sentence."""
    return f"${latex}$"


def formulas(*latex: str) -> tuple[Formula, ...]:
    return tuple(Formula(text) for text in latex)
