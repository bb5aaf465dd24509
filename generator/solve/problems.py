"""The error a solver raises when the lesson asks for something that does not exist."""
from __future__ import annotations


class MathError(ValueError):
    """The spec asks for undefined math (f'(a) where f is not differentiable, a step leaving the domain…).

    ``key`` names the slide key at fault (``at``, ``start``, ``forms[0]``); the build reports it as
    ``file:line: slides[i].key: message``.
    """

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


def finite_real(value) -> bool:
    """Whether a SymPy value is a finite real number."""
    return value.is_real is True and value.is_finite is True
