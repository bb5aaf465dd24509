"""The error a solver raises when the lesson asks for something that does not exist."""
from __future__ import annotations

import sympy


class MathError(ValueError):
    """The spec asks for undefined math (f'(a) where f is not differentiable, a step leaving the domain…).

    ``key`` names the slide key at fault (``at``, ``start``, ``forms[0]``); the build reports it as
    ``file:line: slides[i].key: message``.
    """

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


NUMERIC_DIGITS = 60  # the precision of the numeric decision where SymPy's assumptions answer "unknown"


def finite_real(value) -> bool:
    """Whether a SymPy value is a finite real number.

    SymPy's assumptions decide most values; where they answer "unknown" (is tan(ln 2) real?) a number
    without free symbols is evaluated: a real Float is finite and real, anything complex or infinite is not.
    """
    if value.is_real is True and value.is_finite is True:
        return True
    if value.is_real is False or value.is_finite is False or getattr(value, "free_symbols", True):
        return False
    number = value.evalf(NUMERIC_DIGITS)
    return isinstance(number, sympy.Float) and number.is_finite is True
