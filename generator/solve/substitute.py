"""Substitution that keeps its working visible.

``shown_substitution(2*x + y, {x: 13/10, y: 27/5})`` is the expression
``2·1.3 + 5.4`` with the numbers held unevaluated, in the order the symbolic
expression is written, so the printer shows the arithmetic a student writes
before its result.  ``written_substitution`` does the same on an instructor's written
form (``converters.expression``), its terms in the spec's order.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import mpmath
import sympy
from sympy import Expr, UnevaluatedExpr

from .. import bounded
from ..numbers import WORKING_DIGITS
from .problems import finite_real

SIMPLIFY_OPS = 20  # exact values larger than this are not simplified
# An exact fraction stays exact while its numerator and denominator stay this short (in bits, about 300 digits):
# a value on a slide prints exactly only up to ``exact_digits`` digits, and exact arithmetic past this size
# only grows (a quartic's descent triples the digits at every step: 10^{323759} after 11 steps).
EXACT_BITS = 1000


class Held(UnevaluatedExpr):
    """A number kept as it is inside a larger expression (not folded into it).

    Unlike a bare ``UnevaluatedExpr`` it is commutative, so SymPy's ``fraction``
    (and with it the printer) still sees ``2·1 / cos²(1²)`` as a fraction.
    """

    is_commutative = True


def held(value: Expr) -> Expr:
    return Held(value)


def shown_substitution(expr: Expr, values: Iterable[tuple[sympy.Symbol, Expr]]) -> Expr:
    """``expr`` with each variable replaced by its held value, terms kept in printed order."""
    return _hold(expr, dict(values), as_written=False)


def written_substitution(written: Expr, values: Iterable[tuple[sympy.Symbol, Expr]]) -> Expr:
    """A written form with each variable replaced by its held value, terms and factors in the written order."""
    return _hold(written, dict(values), as_written=True)


def _hold(expr: Expr, values: dict, as_written: bool) -> Expr:
    if expr in values:
        return held(values[expr])
    if not expr.free_symbols & set(values):
        return expr
    if expr.is_Add:
        terms = expr.args if as_written else expr.as_ordered_terms()
        return sympy.Add(*(_hold(term, values, as_written) for term in terms), evaluate=False)
    if expr.is_Mul:
        factors = expr.args if as_written else expr.as_ordered_factors()
        return sympy.Mul(*(_hold(factor, values, as_written) for factor in factors), evaluate=False)
    if expr.is_Pow:
        return sympy.Pow(_hold(expr.base, values, as_written), _hold(expr.exp, values, as_written), evaluate=False)
    return expr.func(*(_hold(arg, values, as_written) for arg in expr.args), evaluate=False)


def evaluate(expr: Expr, values: Iterable[tuple[sympy.Symbol, Expr]]) -> Expr:
    """The exact value of ``expr`` at a point (a ``WORKING_DIGITS`` Float at a point of Floats)."""
    values = tuple(values)
    if any(isinstance(value, sympy.Float) for _, value in values):
        number = _at_floats(expr, values)
        if number is not None:
            return number
    result = expr.xreplace(dict(values))
    if result.is_Rational:
        return result
    if result.has(sympy.Float) and not result.free_symbols:  # an iterate left exact arithmetic already
        return settle(result)
    if sympy.count_ops(result) > SIMPLIFY_OPS:
        return result  # printed rounded anyway; simplifying it can take minutes
    try:
        return bounded.simplify(result)  # an exact irrational value in its simplest form
    except bounded.OutOfTime:
        return result


@functools.lru_cache(maxsize=512)
def _numeric(expr: Expr, variables: tuple[sympy.Symbol, ...]) -> Callable:
    """``expr`` as an mpmath function of ``variables`` (built once per expression: long runs call it often)."""
    return sympy.lambdify(variables, expr, modules="mpmath")


def _at_floats(expr: Expr, values: tuple[tuple[sympy.Symbol, Expr], ...]) -> Expr | None:
    """``expr`` at a point that left exact arithmetic, in mpmath at ``WORKING_DIGITS`` (+10 guard digits):
    a thousand steps in a second where SymPy's own Float arithmetic takes ten.  None when mpmath cannot say
    (a pole, a logarithm of 0): the caller's exact path then names the problem."""
    with mpmath.workdps(WORKING_DIGITS + 10):
        try:
            number = _numeric(expr, tuple(v for v, _ in values))(*(_mpmath_number(value) for _, value in values))
        except (ArithmeticError, ValueError, TypeError):
            return None
        if isinstance(number, mpmath.mpc):
            return None if number.imag == 0 else sympy.Float(number.real, WORKING_DIGITS) + sympy.I * \
                sympy.Float(number.imag, WORKING_DIGITS)
        if not isinstance(number, mpmath.mpf) or not mpmath.isfinite(number):
            return None
        return sympy.Float(number, WORKING_DIGITS)


def _mpmath_number(value: Expr) -> mpmath.mpf:
    if isinstance(value, sympy.Float):
        return mpmath.mpf(value._mpf_)
    return mpmath.mpf(int(value.p)) / int(value.q)  # (an exact coordinate beside a Float one)


def settle(value: Expr, digits: int = WORKING_DIGITS) -> Expr:
    """Small rationals stay exact; any other finite real number becomes a ``digits``-digit Float.

    The one rounding of the solvers: an iterate that left exact arithmetic (an irrational value, or a
    fraction longer than ``EXACT_BITS``) goes on with ``digits`` digits instead of growing into an ever
    longer exact expression.  A number that is not finite and real is returned evaluated but unrounded,
    for the caller to refuse in its own words.
    """
    if value.is_Rational:
        return value if is_small_rational(value) else sympy.Float(value, digits)
    number = sympy.N(value, digits)
    return sympy.Float(number, digits) if finite_real(number) else number


def is_small_rational(value: sympy.Rational) -> bool:
    """Whether exact arithmetic may go on with ``value`` (see ``EXACT_BITS``)."""
    return max(abs(int(value.p)).bit_length(), int(value.q).bit_length()) <= EXACT_BITS


def difference(left: Expr, right_factors: Iterable[Expr]) -> Expr:
    """``left − a·b·…`` as written: the subtraction and the product held in order."""
    product = sympy.Mul(*right_factors, evaluate=False)
    return sympy.Add(left, sympy.Mul(-1, product, evaluate=False), evaluate=False)


def held_sum(values: Iterable[Expr]) -> Expr:
    """``a + b + …`` as written, each number held."""
    return sympy.Add(*(held(value) for value in values), evaluate=False)
