"""A ``fit`` slide: a model fitted to data by a descent method on its loss over the parameters."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import sympy
from sympy import Expr

from ...converters import boolean, choice, data_point, expression_with_sigmoid, integer_between, list_of, variable_name
from ...expr import symbol
from ...model import GeneratedSlide
from ...schema import spec_field
from ..gradient_descent.model import DescentSlide

MAX_DATA = 50


class Loss(StrEnum):
    """The losses a fit slide can minimise (``loss:`` in a spec)."""

    SQUARED_ERROR = "squared_error"
    CROSS_ENTROPY = "cross_entropy"


LOSSES = tuple(Loss)
PREDICTION = sympy.Symbol("yhat")  # ŷ, the model's output, in the loss of one point


@dataclass(frozen=True, kw_only=True)
class FitSlide(GeneratedSlide):
    """Fit a model to data by minimising a loss over its parameters with a descent method."""

    # ŷ in the input and the parameters, as written: ``sigmoid(u)`` stays σ(u) (``vocabulary.Sigmoid``);
    # ``build_fit`` turns it into ``model``'s exact form and keeps this one as ``written_model`` for printing
    model: Expr = spec_field(expression_with_sigmoid, required=True)
    input: sympy.Symbol = spec_field(variable_name, default=symbol("x"))
    data: tuple[tuple[Expr, Expr], ...] = spec_field(list_of(data_point, 1, MAX_DATA), required=True)  # (x_k, y_k)
    loss: Loss = spec_field(choice(*LOSSES), default=Loss.SQUARED_ERROR)
    # examples per step: 1 = stochastic, len(data) = full batch (the default), otherwise mini-batch
    batch_size: int = spec_field(integer_between(1, MAX_DATA))
    # shuffle the examples every epoch with this seed; None: the order of ``data``
    seed: int | None = spec_field(integer_between(0, 2**31 - 1))
    exercise: bool = spec_field(boolean, default=False)  # pose it as a question first (the answer: the parameters)
    # step 1 in exact closed forms; without it a step whose values are irrational (exp, sin, σ) shows its
    # substitution with rounded numbers, as a teacher does (ŷ(0.5) = σ(−3) ≈ 0.04743, the partials, the sum)
    exact: bool = spec_field(boolean, default=False)
    descent: DescentSlide  # the descent on the loss L(parameters), with the method and stopping rule

    written_model: Expr | None = None  # the model with σ kept (None: the same as ``model``)

    @property
    def shown_model(self) -> Expr:
        """The model as printed: σ(wx + b) where the spec wrote ``sigmoid(w*x + b)``."""
        return self.model if self.written_model is None else self.written_model

    @property
    def full_batch(self) -> bool:
        return self.batch_size >= len(self.data)


def point_loss(kind: Loss, target: Expr) -> Expr:
    """The loss of one data point as an expression in ŷ: ½(ŷ − y)² or −[y ln ŷ + (1 − y) ln(1 − ŷ)]."""
    if kind == Loss.SQUARED_ERROR:
        return (PREDICTION - target) ** 2 / 2
    return -(target * sympy.log(PREDICTION) + (1 - target) * sympy.log(1 - PREDICTION))


def example_losses(kind: Loss, prediction: Expr, input_symbol: sympy.Symbol, data) -> tuple[Expr, ...]:
    """L_k over the parameters: the loss of each point with the model's output substituted."""
    return tuple(point_loss(kind, y).xreplace({PREDICTION: prediction.xreplace({input_symbol: x})}) for x, y in data)
