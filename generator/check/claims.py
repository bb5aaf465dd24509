"""What a statement claims, and whether it holds.

A statement is a chain ``A = B ≈ C < D``.  Its first side may *define* something
instead of claiming it:

* a name that nothing computes yet (``x_1 = …``, ``\\eta = 0.1``, ``u = x^2``) becomes a value;
* a function head with plain parameters (``f(x, y) = …``) becomes a function;
* a name with a general index (``w_{i+1} = w_i − η ∂L/∂w(w_i)``) becomes a recurrence;
* a tuple of such names (``(x_0, y_0) = (1.3, 5.4)``) defines each.

Every other link is a claim, checked one by one: ``=`` as a symbolic identity (simplify,
cross-checked at random points) or exact arithmetic, falling back to the values of the
current point (``∂f/∂x = 2·1.3 + 5.4`` after ``x = 1.3``); ``≈`` as correct rounding at the
digits shown; ``<``, ``>`` numerically.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

import sympy
from sympy import Expr

from ..bounded import OutOfTime, is_zero
from .evaluate import Context, Evaluator, Recurrence, is_symbolic, symbol
from .texparse import (
    Abs,
    Call,
    DerivOp,
    Func,
    Nabla,
    Name,
    Neg,
    Node,
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

RANDOM_POINTS = 6
TOLERANCE = 1e-9
SIMPLIFY_OPS = 400  # larger differences are checked numerically only
FLOAT_TOLERANCE = sympy.Rational(1, 10**30)  # for values computed with 50-digit floats
PRECISE_DIGITS = 80  # exact irrational constants are compared at this precision


class Kind(StrEnum):
    """What the checker says of a claim (and of a finding in a report)."""

    VERIFIED = "verified"
    WRONG = "wrong"
    WARNING = "warning"  # true, but written as if exact although rounded
    NOT_UNDERSTOOD = "not understood"  # never counted as verified


@dataclass(frozen=True)
class Outcome:
    kind: Kind
    text: str  # the link as written
    message: str = ""


# -- definitions ------------------------------------------------------------------

def _has_free_index(node: Node) -> bool:
    """Whether a name in the tree carries a general index such as ``i`` or ``i+1``."""
    if isinstance(node, Name):
        return node.sub is not None and not isinstance(node.sub, Num) and _index_variable(node) is not None
    return any(_has_free_index(child) for child in _children(node))


def _children(node: Node):
    for value in getattr(node, "__dict__", {}).values():
        if isinstance(value, Node):
            yield value
        elif isinstance(value, tuple):
            yield from (item for item in value if isinstance(item, Node))


def _index_variable(name: Name) -> tuple[str, int] | None:
    """``w_{i+1}`` → ("i", 1); ``w_i`` → ("i", 0); ``w_{i-1}`` → ("i", -1); ``x_{new}`` → None."""
    sub = name.sub
    if isinstance(sub, Name) and len(sub.base) == 1 and sub.base in "ijkmnt" and not sub.sub_text:
        return sub.base, 0
    if isinstance(sub, Op) and sub.op == "+" and isinstance(sub.left, Name) and len(sub.left.base) == 1:
        right = sub.right
        if isinstance(right, Num) and right.value.denominator == 1:
            return sub.left.base, int(right.value)
        if hasattr(right, "operand") and isinstance(right.operand, Num):
            return sub.left.base, -int(right.operand.value)
    return None


def _computable(name: Name, context: Context) -> bool:
    """Whether a recurrence computes ``name`` (``x_3`` from ``x_{i+1} = …``; not the start ``x_0``)."""
    return computable_key(name.key, context)


def computable_key(key: str, context: Context) -> bool:
    base, _, index = key.rpartition("_")
    recurrence = context.recurrences.get(base)
    return recurrence is not None and index.isdigit() and int(index) >= recurrence.shift


def _definable(node: Node, context: Context) -> bool:
    return isinstance(node, Name) and not _computable(node, context) and node.key not in ("e", "pi")


def _define(first: Node, value, context: Context) -> None:
    if isinstance(first, Name):
        context.define_value(first.key, value)
    elif isinstance(first, Tuple):
        items = list(value) if isinstance(value, (sympy.Tuple, sympy.MatrixBase)) else None
        if items is None or len(items) != len(first.items):
            raise TexError("the tuples have different lengths")
        for name, item in zip(first.items, items):
            if not isinstance(name, Name):
                raise TexError("only names can be given values")
            context.define_value(name.key, item)


def _function_head(node: Node, context: Context) -> bool:
    """``f(x, y)`` with plain, distinct, value-less parameters: a function being defined."""
    if not isinstance(node, Call) or node.primes:
        return False
    if not all((isinstance(arg, Name) and arg.sub is None) or (isinstance(arg, Name) and isinstance(arg.sub, Num))
               for arg in node.args):
        return False
    keys = [arg.key for arg in node.args if isinstance(arg, Name)]  # (all of them, checked above)
    if len(set(keys)) != len(keys) or any(computable_key(key, context) for key in keys):
        return False
    known = context.functions.get(node.name.key)
    if known is not None and [p.name for p in known.params] == keys:
        return True  # f(x, y) = … again, with f's own parameters: a (re)definition
    # a parameter with a number (x_1 = 1.2) makes f(x_1, y_1) a value; a name that only stands for an
    # expression (y = u^3 of an earlier chain rule) does not stop a new definition f(x, y) = …
    return known is None or not any(key in context.values and not is_symbolic(context.values[key]) for key in keys)


# -- checking -----------------------------------------------------------------------

def check_statement(statement: Statement, context: Context, bindings: dict[str, int] | None = None) -> list[Outcome]:
    """Check one statement; ``bindings`` give index values (a table row's ``i``)."""
    if not statement.relations:
        return []
    if bindings:
        return _check_links(statement, context, start=0, bindings=bindings)
    first = statement.sides[0]
    if any(_has_free_index(side) for side in statement.sides):
        return _general_statement(statement, context)
    if statement.relations[0] in ("=", "≈") and _is_definition(first, context):
        outcomes = _check_links(statement, context, start=1)
        _record_definition(statement, context, Evaluator(context))
        return outcomes
    return _check_links(statement, context, start=0)


def _is_definition(first: Node, context: Context) -> bool:
    if _definable(first, context):
        return True
    if isinstance(first, Tuple):
        return all(_definable(item, context) for item in first.items)
    return _function_head(first, context)


def _record_definition(statement: Statement, context: Context, evaluator: Evaluator) -> None:
    first, second = statement.sides[0], statement.sides[1]
    if isinstance(first, Call):
        params = tuple(symbol(arg.key) for arg in first.args if isinstance(arg, Name))  # (a function head's)
        context.define_function(first.name.key, params, evaluator.build(second))
        return
    _define(first, evaluator.build(second), context)


def _general_statement(statement: Statement, context: Context) -> list[Outcome]:
    """A rule about step i: a recurrence ``x_{i+1} = …`` is recorded; other general statements are read only."""
    first = statement.sides[0]
    if statement.relations == ("=",) and isinstance(first, Name) and first.sub is not None:
        index = _index_variable(first)
        if index is not None:
            context.define_recurrence(Recurrence(first.base, index[0], index[1], statement.sides[1]))
    return []


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


_RELATION_TEXT = {"=": "=", "≈": r"\approx", "<": "<", ">": ">", "≤": r"\le", "≥": r"\ge", "≠": r"\ne"}


def _shape(node: Node) -> str | None:
    """"vector" or "number" when the notation says so; None when only the context knows."""
    if isinstance(node, (Vector, Nabla)):
        return "vector"
    if isinstance(node, (Partial, Num, Func, Prime, DerivOp, Sqrt, Abs)):
        return "number"
    if isinstance(node, Neg):
        return _shape(node.operand)
    if isinstance(node, Op):
        shapes = {_shape(node.left), _shape(node.right)}
        return "vector" if "vector" in shapes else ("number" if shapes == {"number"} else None)
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
        agreement = _equal(a, b)
        if agreement:
            return Outcome(Kind.VERIFIED, text, agreement.note)
        a_point, b_point = at_point.value(left), at_point.value(right)
        if (a_point, b_point) != (a, b):
            agreement = _equal(a_point, b_point)
            if agreement:
                return Outcome(Kind.VERIFIED, text, agreement.note)
        rounded = _rounded_equal(a_point, b_point, left, right)
        if rounded:
            return Outcome(Kind.WARNING, text, f"{rounded} is rounded: use \\approx")
        shown = a if _free(a) else a_point  # a general identity that fails is shown in general
        return Outcome(Kind.WRONG, text, f"the left side is {_describe(shown)}")
    if relation == "≈":
        return _check_approximation(at_point.value(left), right, text)
    if relation in ("<", ">", "≤", "≥", "≠"):
        a, b = _number(at_point.value(left)), _number(at_point.value(right))
        holds = {"<": a < b, ">": a > b, "≤": a <= b, "≥": a >= b, "≠": a != b}[relation]
        if holds:
            return Outcome(Kind.VERIFIED, text)
        return Outcome(Kind.WRONG, text, f"the left side is {_describe(a)}")
    raise TexError(f"unsupported relation {relation}")


def _free(value) -> bool:
    return bool(getattr(value, "free_symbols", None))


@dataclass(frozen=True)
class Agreement:
    """Whether two sides are equal, and how that was decided when not by exact means."""

    holds: bool
    note: str = ""

    def __bool__(self) -> bool:
        return self.holds


PROVEN, DIFFERENT = Agreement(True), Agreement(False)


def _equal(a, b) -> Agreement:
    if isinstance(a, (sympy.Tuple, sympy.MatrixBase)) or isinstance(b, (sympy.Tuple, sympy.MatrixBase)):
        items_a, items_b = _items(a), _items(b)
        if items_a is None or items_b is None or len(items_a) != len(items_b):
            return DIFFERENT
        agreements = [_equal(x, y) for x, y in zip(items_a, items_b)]
        notes = sorted({agreement.note for agreement in agreements if agreement.note})
        return Agreement(all(agreements), "; ".join(notes))
    difference = sympy.expand(a - b) if not (a.has(sympy.Derivative) or b.has(sympy.Derivative)) else a - b
    if difference == 0:
        return PROVEN
    if not difference.free_symbols:
        return _equal_numbers(a, b, difference)
    return _equal_functions(a, b, difference)


def _equal_numbers(a: Expr, b: Expr, difference: Expr) -> Agreement:
    """Two constants: exact when rational; otherwise decided at high precision (no simplify, which can hang)."""
    if difference.is_Rational:
        return Agreement(difference == 0)
    digits = 40 if (a.has(sympy.Float) or b.has(sympy.Float)) else PRECISE_DIGITS
    value = sympy.N(difference, digits)
    if not value.is_Number:
        return DIFFERENT
    if value == 0:
        return PROVEN
    scale = max(1, abs(sympy.N(a, digits)), abs(sympy.N(b, digits)))
    # values computed with 50-digit floats agree to 30 digits; exact constants to 60 of 80
    tolerance = FLOAT_TOLERANCE if digits == 40 else sympy.Rational(1, 10**(PRECISE_DIGITS - 20))
    return Agreement(bool(abs(value) <= tolerance * scale))


def _equal_functions(a: Expr, b: Expr, difference: Expr) -> Agreement:
    """An identity in free variables: simplify within a time limit, cross-checked at random points."""
    if sympy.count_ops(difference) > SIMPLIFY_OPS:
        note = "too large to simplify"
    else:
        try:
            if is_zero(difference):
                return Agreement(_agrees_at_random_points(a, b) is not False)
            note = ""
        except OutOfTime:
            note = "could not simplify in time"
    agrees = _agrees_at_random_points(a, b) is True
    return Agreement(agrees, f"{note}: checked at {RANDOM_POINTS} random points" if agrees and note else "")


def _items(value):
    if isinstance(value, sympy.Tuple):
        return list(value)
    if isinstance(value, sympy.MatrixBase):
        return list(value)
    return None


def _agrees_at_random_points(a: Expr, b: Expr) -> bool | None:
    """True/False from numeric evaluation at random points; None when too few points are defined."""
    if a.has(sympy.Function) and any(isinstance(f, sympy.core.function.AppliedUndef) for f in
                                     (a - b).atoms(sympy.Function)):
        return None
    generator = random.Random(20261123)
    free = sorted((a - b).free_symbols, key=lambda s: s.name)
    checked = 0
    for _ in range(RANDOM_POINTS * 3):
        point = {s: sympy.Rational(generator.randint(11, 190), 100) for s in free}
        try:
            x, y = complex(sympy.N(a.xreplace(point), 30)), complex(sympy.N(b.xreplace(point), 30))
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if any(map(_bad, (x, y))) or abs(x.imag) > TOLERANCE or abs(y.imag) > TOLERANCE:
            continue
        if abs(x - y) > TOLERANCE * max(1.0, abs(x), abs(y)):
            return False
        checked += 1
        if checked >= RANDOM_POINTS:
            return True
    return None if checked < 3 else True


def _bad(value: complex) -> bool:
    return value != value or abs(value) == float("inf")


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
        items = _items(value)
        if not isinstance(right, Tuple) or items is None or len(items) != len(right.items):
            raise TexError("the sides have different shapes")
        results = [_check_approximation(item, node, text) for item, node in zip(items, right.items)]
        wrong = [r for r in results if r.kind != Kind.VERIFIED]
        return wrong[0] if wrong else Outcome(Kind.VERIFIED, text)
    digits = _literal_digits(right)
    if digits is None:
        raise TexError("the right side of ≈ must be a decimal number")
    shown = _number(Evaluator(Context()).value(right))
    exact = _number(value)
    half_unit = Fraction(1, 2 * 10**digits)
    if abs(Fraction(exact) - shown) <= half_unit:
        return Outcome(Kind.VERIFIED, text)
    return Outcome(Kind.WRONG, text, f"the left side is {_describe(value)}, which rounds to "
                                  f"{_round_text(exact, digits)}")


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
            return f"{sympy.simplify(value)} ≈ {float(value):.6g}"
        except TypeError:
            return str(value)
    return str(value)
