"""The validated lesson: frozen dataclasses, SymPy values, no raw YAML.

``spec.load_deck`` is the only producer of these objects; solvers read them.
Every slide keeps the ``Location`` of its YAML entry so later stages can
point a person at the line that caused a problem.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import sympy
from sympy import Expr, Rational

from .errors import Location

Point = tuple[tuple[sympy.Symbol, Expr], ...]  # ordered (variable, value) pairs

class Method(StrEnum):
    """The update rules a descent slide can use (``method:`` in a spec)."""

    GD = "gd"
    MOMENTUM = "momentum"
    NESTEROV = "nesterov"
    ADAGRAD = "adagrad"
    RMSPROP = "rmsprop"
    ADAM = "adam"


class Loss(StrEnum):
    """The losses a fit slide can minimise (``loss:`` in a spec)."""

    SQUARED_ERROR = "squared_error"
    CROSS_ENTROPY = "cross_entropy"


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
class MarkdownSlide:
    id: str
    location: Location
    places: Places
    title: str
    body: str


@dataclass(frozen=True)
class DerivativeSlide:
    id: str
    location: Location
    places: Places
    title: str | None
    function: Expr
    variable: sympy.Symbol
    name: str  # how the function is called on the slide: "f", "y", "sigma", ...
    at: Expr | None
    forms: tuple[Expr, ...]  # instructor's equivalent forms of f', verified equal
    show_steps: bool  # print the derivation rule by rule
    exercise: bool = False  # pose it as a question first (the answer: f', or f'(at))


@dataclass(frozen=True)
class GradientSlide:
    id: str
    location: Location
    places: Places
    title: str | None
    function: Expr
    variables: tuple[sympy.Symbol, ...]
    name: str
    at: Point | None
    exercise: bool = False  # pose it as a question first (the answer: ∇f, or ∇f(at))


@dataclass(frozen=True)
class StopRule:
    """Stop when |f(p_{i+1}) - f(p_i)| < tolerance, or after max_steps steps."""

    tolerance: Rational
    max_steps: int


@dataclass(frozen=True)
class DescentSlide:
    id: str
    location: Location
    places: Places
    title: str | None
    function: Expr
    variables: tuple[sympy.Symbol, ...]
    name: str
    start: Point
    learning_rate: Rational
    steps: int | None  # a fixed number of steps ...
    stop: StopRule | None  # ... or a stopping rule (exactly one of the two)
    figure: bool
    method: Method = Method.GD
    beta: Rational = DEFAULTS["beta"]
    beta1: Rational = DEFAULTS["beta1"]
    beta2: Rational = DEFAULTS["beta2"]
    eps: Rational = DEFAULTS["eps"]
    exercise: bool = False  # pose it as a question first (the answer: the point after the last step)


@dataclass(frozen=True)
class PlotSlide:
    id: str
    location: Location
    places: Places
    title: str | None
    functions: tuple[Expr, ...]
    labels: tuple[str, ...]  # legend names, one per function
    variable: sympy.Symbol
    x_range: tuple[Rational, Rational]
    tangent_at: Expr | None


@dataclass(frozen=True)
class FitSlide:
    """Fit a model to data by minimising a loss over its parameters with a descent method."""

    id: str
    location: Location
    places: Places
    title: str | None
    model: Expr  # ŷ in the input and the parameters
    input: sympy.Symbol
    data: tuple[tuple[Expr, Expr], ...]  # (x_k, y_k)
    loss: Loss
    batch_size: int  # examples per step: 1 = stochastic, len(data) = full batch, otherwise mini-batch
    seed: int | None  # shuffle the examples every epoch with this seed; None: the order of ``data``
    descent: DescentSlide  # the descent on the loss L(parameters), with the method and stopping rule
    exercise: bool = False  # pose it as a question first (the answer: the parameters after the last step)

    @property
    def full_batch(self) -> bool:
        return self.batch_size >= len(self.data)


LOSSES = tuple(Loss)
PREDICTION = sympy.Symbol("yhat")  # ŷ, the model's output, in the loss of one point


def point_loss(kind: Loss, target: Expr) -> Expr:
    """The loss of one data point as an expression in ŷ: ½(ŷ − y)² or −[y ln ŷ + (1 − y) ln(1 − ŷ)]."""
    if kind == Loss.SQUARED_ERROR:
        return (PREDICTION - target) ** 2 / 2
    return -(target * sympy.log(PREDICTION) + (1 - target) * sympy.log(1 - PREDICTION))


def example_losses(kind: Loss, prediction: Expr, input_symbol: sympy.Symbol, data) -> tuple[Expr, ...]:
    """L_k over the parameters: the loss of each point with the model's output substituted."""
    return tuple(point_loss(kind, y).xreplace({PREDICTION: prediction.xreplace({input_symbol: x})}) for x, y in data)

@dataclass(frozen=True)
class LearningRatesSlide:
    """Plain gradient descent on one function from one start with several learning rates, side by side."""

    id: str
    location: Location
    places: Places
    title: str | None
    runs: tuple[DescentSlide, ...]  # the same descent, one per learning rate


@dataclass(frozen=True)
class CompareSlide:
    """Several methods of the family on one function from one start, for the same number of steps."""

    id: str
    location: Location
    places: Places
    title: str | None
    runs: tuple[DescentSlide, ...]  # one per method and its hyper-parameters


Slide = (MarkdownSlide | DerivativeSlide | GradientSlide | DescentSlide | PlotSlide | FitSlide | LearningRatesSlide
         | CompareSlide)


@dataclass(frozen=True)
class MarpSettings:
    """Marp global directives copied into the front matter, in spec order."""

    directives: tuple[tuple[str, str | bool], ...]


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
    slides: tuple[Slide, ...]
    parameters: tuple[Parameter, ...] = ()
    values: tuple[tuple[str, Rational], ...] = ()  # the value each parameter has in this deck
