"""The validated lesson: frozen dataclasses, SymPy values, no raw YAML.

``spec.load_deck`` is the only producer of these objects; solvers read them.
Every slide keeps the ``Location`` of its YAML entry so later stages can
point a person at the line that caused a problem.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Union

import sympy
from sympy import Expr, Rational

from .errors import Location

Point = tuple[tuple[sympy.Symbol, Expr], ...]  # ordered (variable, value) pairs

METHODS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
DEFAULTS = {"beta": Rational(9, 10), "beta1": Rational(9, 10), "beta2": Rational(999, 1000), "eps": Rational(1, 10**8)}
HYPER_PARAMETERS = {"gd": (), "momentum": ("beta",), "nesterov": ("beta",), "adagrad": ("eps",),
                    "rmsprop": ("beta", "eps"), "adam": ("beta1", "beta2", "eps")}


@dataclass(frozen=True)
class Places:
    """Where each key of a slide was written, so later stages can point at the exact value."""

    keys: tuple[tuple[str, Location], ...]

    def of(self, key: str, default: Location) -> Location:
        """The place of ``key`` (``forms[1]`` → the place of ``forms``), else ``default``."""
        return dict(self.keys).get(key.split("[", 1)[0], default)


@dataclass(frozen=True)
class MarkdownSlide:
    id: str
    location: Location
    places: "Places"
    title: str
    body: str


@dataclass(frozen=True)
class DerivativeSlide:
    id: str
    location: Location
    places: "Places"
    title: str | None
    function: Expr
    variable: sympy.Symbol
    name: str  # how the function is called on the slide: "f", "y", "sigma", ...
    at: Expr | None
    forms: tuple[Expr, ...]  # instructor's equivalent forms of f', verified equal
    show_steps: bool  # print the derivation rule by rule


@dataclass(frozen=True)
class GradientSlide:
    id: str
    location: Location
    places: "Places"
    title: str | None
    function: Expr
    variables: tuple[sympy.Symbol, ...]
    name: str
    at: Point | None


@dataclass(frozen=True)
class StopRule:
    """Stop when |f(p_{i+1}) - f(p_i)| < tolerance, or after max_steps steps."""

    tolerance: Rational
    max_steps: int


@dataclass(frozen=True)
class DescentSlide:
    id: str
    location: Location
    places: "Places"
    title: str | None
    function: Expr
    variables: tuple[sympy.Symbol, ...]
    name: str
    start: Point
    learning_rate: Rational
    steps: int | None  # a fixed number of steps ...
    stop: StopRule | None  # ... or a stopping rule (exactly one of the two)
    figure: bool
    method: str = "gd"  # one of METHODS
    beta: Rational = DEFAULTS["beta"]
    beta1: Rational = DEFAULTS["beta1"]
    beta2: Rational = DEFAULTS["beta2"]
    eps: Rational = DEFAULTS["eps"]


@dataclass(frozen=True)
class PlotSlide:
    id: str
    location: Location
    places: "Places"
    title: str | None
    functions: tuple[Expr, ...]
    labels: tuple[str, ...]  # legend names, one per function
    variable: sympy.Symbol
    x_range: tuple[Rational, Rational]
    tangent_at: Expr | None


Slide = Union[MarkdownSlide, DerivativeSlide, GradientSlide, DescentSlide, PlotSlide]


@dataclass(frozen=True)
class MarpSettings:
    """Marp global directives copied into the front matter, in spec order."""

    directives: tuple[tuple[str, Union[str, bool]], ...]


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
    slides: tuple[Slide, ...]
