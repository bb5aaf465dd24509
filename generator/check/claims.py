"""What a statement claims, and whether it holds.

A statement is a chain ``A = B ≈ C < D``.  Unless its first side defines something (see
``definitions``), every link is a claim, checked one by one: ``=`` as a symbolic identity or
exact arithmetic (decided by ``equality``), falling back to the values of the current point
(``∂f/∂x = 2·1.3 + 5.4`` after ``x = 1.3``); ``≈`` as correct rounding at the digits shown;
``<``, ``>`` numerically.  Each link gets an ``Outcome`` of one ``Kind``, with a message that
says what the left side really is when the claim fails.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

import sympy
from sympy import Expr

from .definitions import has_free_index, is_definition, record_definition, record_recurrence, restates
from .equality import entries, equal
from .evaluate import Context, Evaluator
from .teaching import read_notation
from .textree import (
    Abs,
    DerivOp,
    Func,
    Nabla,
    Neg,
    Node,
    Norm,
    Num,
    Op,
    Partial,
    Prime,
    Sqrt,
    Statement,
    TexError,
    Tuple,
    Vector,
)


class Kind(StrEnum):
    """What the checker says of a claim (and of a finding in a report)."""

    VERIFIED = "verified"
    WRONG = "wrong"
    WARNING = "warning"  # true, but written as if exact although rounded
    NOT_UNDERSTOOD = "not understood"  # never counted as verified
    SKIPPED = "skipped"  # marked ``% unchecked`` by its author: prose math, not a claim to check


@dataclass(frozen=True)
class Outcome:
    kind: Kind
    text: str  # the link as written
    message: str = ""


def check_statement(statement: Statement, context: Context, bindings: dict[str, int] | None = None) -> list[Outcome]:
    """Check one statement; ``bindings`` give index values (a table row's ``i``)."""
    if not statement.relations:
        return []
    if bindings:
        return _check_links(statement, context, start=0, bindings=bindings)
    first = statement.sides[0]
    if any(has_free_index(side) for side in statement.sides):
        record_recurrence(statement, context)
        return []
    notation = read_notation(statement, context)  # :=, c = \text{const}, the limit defining a derivative
    if notation is not None:
        return _check_links(statement, context, start=notation)
    rounded = statement.relations[0] == "≈" and restates(first, context)
    if statement.relations[0] in ("=", "≈") and is_definition(first, context, statement.sides[1]) and not rounded:
        outcomes = _check_links(statement, context, start=1)
        record_definition(statement, context, Evaluator(context))
        return outcomes
    return _check_links(statement, context, start=0)


def _check_links(statement: Statement, context: Context, start: int,
                 bindings: dict[str, int] | None = None) -> list[Outcome]:
    outcomes = []
    for position in range(start, len(statement.relations)):
        left, right = statement.sides[position], statement.sides[position + 1]
        relation = statement.relations[position]
        text = f"{statement.texts[position]} {_RELATION_TEXT[relation]} {statement.texts[position + 1]}"
        try:
            outcomes.append(_check_link(left, relation, right, context, text, bindings or {}))
        except TexError as error:
            outcomes.append(Outcome(Kind.NOT_UNDERSTOOD, text, str(error)))
        except (TypeError, ValueError, ZeroDivisionError, AttributeError, NotImplementedError) as error:
            outcomes.append(Outcome(Kind.NOT_UNDERSTOOD, text, f"could not evaluate ({type(error).__name__})"))
    return outcomes


_RELATION_TEXT = {"=": "=", "≈": r"\approx", "<": "<", ">": ">", "≤": r"\le", "≥": r"\ge", "≠": r"\ne",
                  "≔": r"\coloneqq"}


def _shape(node: Node) -> str | None:
    """"vector" or "number" when the notation says so; None when only the context knows."""
    if isinstance(node, (Vector, Nabla)):
        return "vector"
    if isinstance(node, (Partial, Num, Func, Prime, DerivOp, Sqrt, Abs, Norm)):
        return "number"
    if isinstance(node, Neg):
        return _shape(node.operand)
    if isinstance(node, Op):
        shapes = [_shape(node.left), _shape(node.right)]
        if node.op == "*" and shapes != ["vector", "number"] and shapes != ["number", "vector"]:
            return "number" if shapes == ["number", "number"] else None  # ∇L · u may be a dot product
        return "vector" if "vector" in shapes else ("number" if set(shapes) == {"number"} else None)
    return None


def _check_link(left: Node, relation: str, right: Node, context: Context, text: str,
                bindings: dict[str, int]) -> Outcome:
    shapes = (_shape(left), _shape(right))
    if None not in shapes and shapes[0] != shapes[1]:
        return Outcome(Kind.WRONG, text, f"the left side is a {shapes[0]}, the right side a {shapes[1]}")
    symbolic = Evaluator(context, bindings=bindings)
    at_point = Evaluator(context, at_point=True, bindings=bindings)
    if relation == "=":
        a, b = symbolic.value(left), symbolic.value(right)
        agreement = equal(a, b)
        if agreement:
            return Outcome(Kind.VERIFIED, text, agreement.note)
        a_point, b_point = at_point.value(left), at_point.value(right)
        if (a_point, b_point) != (a, b):
            agreement = equal(a_point, b_point)
            if agreement:
                return Outcome(Kind.VERIFIED, text, agreement.note)
        if agreement.undecided:
            return Outcome(Kind.NOT_UNDERSTOOD, text, agreement.note)
        rounded = _rounded_equal(a_point, b_point, left, right)
        if rounded:
            return Outcome(Kind.WARNING, text, f"{rounded} is rounded: use \\approx")
        shown = a if _free(a) else a_point  # a general identity that fails is shown in general
        return _unless_rounded(Outcome(Kind.WRONG, text, f"the left side is {_describe(shown)}"), at_point)
    if relation == "≈":
        working = rounded_parts(left, right) if not _is_rounded_literal(right) else None
        if working:
            return _unless_rounded(_check_rounded_working(working, at_point, text), at_point)
        return _unless_rounded(_check_approximation(at_point.value(left), right, text), at_point)
    if relation in ("<", ">", "≤", "≥", "≠"):
        a, b = (_number(_no_free_names(at_point.value(side))) for side in (left, right))
        holds = {"<": a < b, ">": a > b, "≤": a <= b, "≥": a >= b, "≠": a != b}[relation]
        if holds:
            return Outcome(Kind.VERIFIED, text)
        return Outcome(Kind.WRONG, text, f"the left side is {_describe(a)}")
    raise TexError(f"unsupported relation {relation}")


def _unless_rounded(outcome: Outcome, reader: Evaluator) -> Outcome:
    """A claim that fails only with a value known as rounded (w_1 ≈ 2.99, the rule that computes it not
    understood) is not understood: the exact value might make it true."""
    if outcome.kind != Kind.WRONG or not reader.rounded:
        return outcome
    names = ", ".join(sorted(reader.rounded))
    message = f"{outcome.message}, but it uses a value known only as rounded ({names})"
    return Outcome(Kind.NOT_UNDERSTOOD, outcome.text, message)


def _no_free_names(value):
    """``L'(w) > 0`` where w has no value: a condition (a hypothesis), not a claim about numbers."""
    free = getattr(value, "free_symbols", set())
    if free and not isinstance(value, (sympy.Tuple, sympy.MatrixBase)):
        names = ", ".join(sorted(str(s) for s in free))
        raise TexError(f"a condition on {names} (no value here), not a claim about numbers")
    return value


def _free(value) -> bool:
    return bool(getattr(value, "free_symbols", None))


def _number(value) -> Fraction:
    if isinstance(value, (sympy.Tuple, sympy.MatrixBase)) or value.free_symbols:
        raise TexError("the side is not a number")
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    number = sympy.N(value, 40)
    if not number.is_real:
        raise TexError("the side is not a real number")
    return Fraction(str(number))


def _literal_digits(node: Node) -> int | None:
    if isinstance(node, Num):
        return node.digits or 0
    if hasattr(node, "operand") and isinstance(node.operand, Num):
        return node.operand.digits or 0
    return None


def _check_approximation(value, right: Node, text: str) -> Outcome:
    """``A ≈ B``: B must be A rounded to the decimal places B shows."""
    if isinstance(right, Tuple) or isinstance(value, (sympy.Tuple, sympy.MatrixBase)):
        items = entries(value)
        if not isinstance(right, Tuple) or items is None or len(items) != len(right.items):
            raise TexError("the sides have different shapes")
        results = [_check_approximation(item, node, text) for item, node in zip(items, right.items)]
        wrong = [r for r in results if r.kind != Kind.VERIFIED]
        return wrong[0] if wrong else Outcome(Kind.VERIFIED, text)
    digits, scientific = _literal_digits(right), _scientific(right)
    if digits is None and scientific is None:
        raise TexError("the right side of ≈ must be a decimal number")
    shown = _number(Evaluator(Context()).value(right))
    exact = _number(value)
    if scientific is not None:  # 8.4856 \cdot 10^{-92}: four decimal places of the mantissa
        places, exponent = scientific
        unit = Fraction(10) ** (exponent - places)
        if abs(Fraction(exact) - shown) <= unit / 2:
            return Outcome(Kind.VERIFIED, text)
        mantissa = Decimal(exact.numerator) / Decimal(exact.denominator)  # (no float: 10^-400 is not 0)
        return Outcome(Kind.WRONG, text, f"the left side is {_describe(value)}, which rounds to {mantissa:.{places}e}")
    assert digits is not None
    unit = Fraction(1, 10**digits) if digits else Fraction(10) ** _trailing_zeros(right)
    if abs(Fraction(exact) - shown) <= unit / 2:
        return Outcome(Kind.VERIFIED, text)
    rounded = _round_text(exact, digits) if unit <= 1 else str(round(exact / unit) * unit)
    return Outcome(Kind.WRONG, text, f"the left side is {_describe(value)}, which rounds to {rounded}")


def _is_rounded_literal(node: Node) -> bool:
    """A side that ``_check_approximation`` reads as one rounded number (or a tuple of them)."""
    return isinstance(node, Tuple) or _literal_digits(node) is not None or _scientific(node) is not None


def rounded_parts(exact: Node, working: Node) -> list[tuple[Node, Node]] | None:
    """``A ≈ E`` where E is A written with some of its parts replaced by decimals (a working with rounded
    numbers: ``-2 - 0.5 \\cdot \\frac{\\partial L}{\\partial w}(-2, -2) \\approx -2 - 0.5 \\cdot (-4.97)``): each
    replaced part with its decimal; None when E is not A's shape with decimals in it.

    Both sides must have the same tree wherever E has no decimal standing in for a part of A, so the
    claim is exactly "each of these parts rounds to the decimal printed in its place".
    """
    if exact == working:
        return []
    if _literal_digits(working) is not None:
        return [(exact, working)]
    if isinstance(exact, Neg) and isinstance(working, Neg):
        return rounded_parts(exact.operand, working.operand)
    if isinstance(exact, Op) and isinstance(working, Op) and exact.op == working.op:
        left, right = rounded_parts(exact.left, working.left), rounded_parts(exact.right, working.right)
        return None if left is None or right is None else left + right
    return None


def _check_rounded_working(parts: list[tuple[Node, Node]], reader: Evaluator, text: str) -> Outcome:
    """Every part rounds to the decimal printed in its place (the rule of ``A ≈ 5.28``, part by part)."""
    for part, literal in parts:
        outcome = _check_approximation(reader.value(part), literal, text)
        if outcome.kind != Kind.VERIFIED:
            return outcome
    return Outcome(Kind.VERIFIED, text, "each rounded number of the working checked")


def _scientific(node: Node) -> tuple[int, int] | None:
    """``m \\cdot 10^{e}`` (or its negative) with a decimal m and a whole e: (decimal places of m, e)."""
    product = node.operand if isinstance(node, Neg) else node
    if not (isinstance(product, Op) and product.op == "*" and isinstance(product.left, Num)
            and isinstance(product.right, Op) and product.right.op == "^" and isinstance(product.right.left, Num)
            and product.right.left.text == "10"):
        return None
    exponent = product.right.right
    sign = -1 if isinstance(exponent, Neg) else 1
    exponent = exponent.operand if isinstance(exponent, Neg) else exponent
    if not (isinstance(exponent, Num) and exponent.digits is None and exponent.text.isdigit()):
        return None
    return product.left.digits or 0, sign * int(exponent.text)


def _trailing_zeros(node: Node) -> int:
    """The zeros that end a whole number as written: 22030 rounded to 4 significant digits is 22030 ± 5."""
    literal = node.operand if isinstance(node, Neg) else node
    text = literal.text if isinstance(literal, Num) and literal.digits is None else ""
    return len(text) - len(text.rstrip("0")) if text.isdigit() and text.strip("0") else 0


def _round_text(value, digits: int) -> str:
    return f"{float(value):.{digits}f}"


def _rounded_equal(a, b, left: Node, right: Node) -> str | None:
    """``A = 5.28`` where A is 5.279…: a rounded value written with ``=``."""
    for value, literal in ((a, right), (b, left)):
        digits = _literal_digits(literal)
        if digits is None or digits == 0 or isinstance(value, (sympy.Tuple, sympy.MatrixBase)) or value.free_symbols:
            continue
        try:
            exact, shown = _number(value), _number(Evaluator(Context()).value(literal))
        except TexError:
            continue
        if exact != shown and abs(Fraction(exact) - shown) <= Fraction(1, 2 * 10**digits):
            return _round_text(shown, digits)
    return None


def _describe(value) -> str:
    if isinstance(value, (Fraction, float)):
        value = sympy.Rational(str(value)) if isinstance(value, float) else sympy.Rational(value.numerator,
                                                                                           value.denominator)
    if isinstance(value, sympy.Rational) and not value.is_Integer:
        q = int(value.q)
        for prime in (2, 5):
            while q % prime == 0:
                q //= prime
        if q == 1 and len(str(value.p)) <= 15:
            return str(sympy.Float(value, 30)).rstrip("0")
        return f"{value} ≈ {float(value):.10g}" if q != 1 else f"≈ {float(value):.10g}"
    if isinstance(value, Expr) and not value.free_symbols and not value.is_Rational:
        try:
            return f"{sympy.simplify(value)} ≈ {sympy.N(value, 6)}"
        except TypeError:
            return str(value)
    return str(value)
