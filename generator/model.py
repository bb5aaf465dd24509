"""The validated lesson: frozen dataclasses, SymPy values, no raw YAML.

``spec.load_deck`` is the only producer of these objects; solvers read them.  This module holds
what every kind shares — ``SlideBase`` (id, title, where the slide was written), the deck and its
parameters, the methods of the gradient-descent family; each kind's own slide dataclass is in its
folder (``generator/kinds/<kind>/model.py``).  Every slide keeps the ``Location`` of its YAML
entry so later stages can point a person at the line that caused a problem.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import sympy
from sympy import Expr, Rational

from .converters import boolean, identifier, one_line_text, speaker_notes
from .directives import SlideDirectives, slide_directives
from .errors import Location
from .instructor_text import InstructorText, paragraph
from .schema import spec_field
from .symbols import DEFAULT as DEFAULT_SYMBOLS
from .symbols import Symbols, symbol_choices

Point = tuple[tuple[sympy.Symbol, Expr], ...]  # ordered (variable, value) pairs


class Method(StrEnum):
    """The update rules a descent slide can use (``method:`` in a spec)."""

    GD = "gd"
    MOMENTUM = "momentum"
    NESTEROV = "nesterov"
    ADAGRAD = "adagrad"
    RMSPROP = "rmsprop"
    ADAM = "adam"


METHODS = tuple(Method)
DEFAULTS = {"beta": Rational(9, 10), "beta1": Rational(9, 10), "beta2": Rational(999, 1000), "eps": Rational(1, 10**8)}
HYPER_PARAMETERS = {Method.GD: (), Method.MOMENTUM: ("beta",), Method.NESTEROV: ("beta",), Method.ADAGRAD: ("eps",),
                    Method.RMSPROP: ("beta", "eps"), Method.ADAM: ("beta1", "beta2", "eps")}


@dataclass(frozen=True)
class Places:
    """Where each key of a slide was written, so later stages can point at the exact value."""

    keys: tuple[tuple[str, Location], ...]

    def of(self, key: str, default: Location) -> Location:
        """The place of ``key`` (``forms[1]`` → the place of ``forms``), else ``default``."""
        return dict(self.keys).get(key.split("[", 1)[0], default)


@dataclass(frozen=True)
class WrittenForms:
    """The slide's expressions as the instructor wrote them, beside the values the solvers compute with.

    Each pair is (evaluated, written): the written form is held (unevaluated sums and products in the
    spec's order, ``w^4 - 3w^2 + w``, ``w x + b``) and equal in value to the evaluated one.
    """

    pairs: tuple[tuple[Expr, Expr], ...] = ()

    def of(self, expr: Expr) -> Expr:
        """The written form of ``expr`` when the spec wrote it, else ``expr`` itself (a computed expression)."""
        written = self.get(expr)
        return expr if written is None else written

    def get(self, expr: Expr) -> Expr | None:
        """The written form of ``expr``, or None when the spec did not write it."""
        return next((written for evaluated, written in self.pairs if evaluated == expr), None)


@dataclass(frozen=True, kw_only=True)
class SlideBase:
    """What every slide has: its id and title (YAML keys), where it was written, its expressions as written."""

    id: str = spec_field(identifier)  # None until ``spec`` gives a slide without one its default id
    title: str | None = spec_field(one_line_text)
    # the notation the slide prints with: the deck's ``symbols`` with the slide's own (``spec`` resolves them)
    symbols: Symbols | None = spec_field(symbol_choices)
    notes: str | None = spec_field(speaker_notes)  # the presenter's notes (Marp's presenter view)
    marp: SlideDirectives | None = spec_field(slide_directives)  # Marp's local directives (``class: columns``)
    # a generated slide taller than the page continues on "(continued)" pages; false keeps it on its pages
    split: bool = spec_field(boolean, default=True)
    location: Location
    places: Places
    written: WrittenForms = WrittenForms()


# keys of every slide that only the instructor's deck shows: ``spec`` hands them to each kind's builder as given
PRESENTATION = ("notes", "marp", "lead", "after", "split")


@dataclass(frozen=True, kw_only=True)
class GeneratedSlide(SlideBase):
    """A slide verideck writes (every kind but ``markdown``): the instructor may add a paragraph above and below."""

    lead: InstructorText | None = spec_field(paragraph)  # right under the heading of the first page
    after: InstructorText | None = spec_field(paragraph)  # at the end of the last page


@dataclass(frozen=True)
class StopRule:
    """Stop when |f(p_{i+1}) - f(p_i)| < tolerance, or after max_steps steps."""

    tolerance: Rational
    max_steps: int


THEMES = ("verideck", "default", "gaia", "uncover")  # verideck's theme and the ones marp-core brings
DEFAULT_THEME = "verideck"


@dataclass(frozen=True)
class MarpSettings:
    """Marp global directives copied into the front matter, in spec order."""

    directives: tuple[tuple[str, str | bool], ...]

    @property
    def theme(self) -> str:
        """The deck's theme: the spec's ``theme``, else verideck's own."""
        return str(dict(self.directives).get("theme", DEFAULT_THEME))


@dataclass(frozen=True)
class Parameter:
    """A parameter of the deck that varies between students' variants: ``a: {choices: [1, 2, 3]}``."""

    name: str
    location: Location
    options: tuple[Rational, ...]  # every value a variant may draw, in order
    default: Rational  # the value of the instructor's own deck


@dataclass(frozen=True)
class Deck:
    source: Path
    stem: str  # output name: build/<stem>.md
    title: str
    subtitle: str | None
    lang: str  # "en" | "ru"
    precision: int  # significant digits of rounded values
    exact_digits: int  # longest exact decimal printed as is
    marp: MarpSettings
    slides: tuple[SlideBase, ...]
    parameters: tuple[Parameter, ...] = ()
    values: tuple[tuple[str, Rational], ...] = ()  # the value each parameter has in this deck
    symbols: Symbols = DEFAULT_SYMBOLS  # the deck's notation (each slide holds its own, this one with its overrides)
