"""Whether two values are equal, and how that was decided.

Rational numbers are compared exactly and other constants at high precision (never with
``simplify``, which can hang); identities in free variables are simplified within a time limit
and cross-checked at sample points, or decided at sample points alone when the difference is
too large or too slow to simplify; an identity that simplification leaves non-zero but no sample
point refutes is undecided ("not understood").  The ``Agreement`` carries that qualification into the
claim's message.  Kept apart from ``claims`` because deciding equality is numerical work with
its own tolerances, whatever relation or statement asked for it.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

import sympy
from sympy import Expr
from sympy.core.function import AppliedUndef

from ..bounded import OutOfTime, is_zero

SAMPLE_POINTS = 8  # half near 1, half of both signs
SAMPLE_DIGITS = 50
SAMPLE_TOLERANCE = sympy.Rational(1, 10**30)  # relative, at 50 digits
GRID = tuple(sympy.Rational(v) for v in ("-2", "1/2", "-1/2", "2", "3", "-3/2", "3/2", "-3"))
GRID_SIZES = (8, 8, 6)  # how much of the grid each variable takes, with 1, 2, 3 variables (none beyond 3)
SIMPLIFY_OPS = 400  # larger differences are checked numerically only
FLOAT_TOLERANCE = sympy.Rational(1, 10**30)  # for values computed with 50-digit floats
PRECISE_DIGITS = 80  # exact irrational constants are compared at this precision


@dataclass(frozen=True)
class Agreement:
    """Whether two sides are equal, and how that was decided when not by exact means."""

    holds: bool
    note: str = ""
    undecided: bool = False  # neither proven nor refuted: the claim is "not understood", never verified

    def __bool__(self) -> bool:
        return self.holds


PROVEN, DIFFERENT = Agreement(True), Agreement(False)


def equal(a, b) -> Agreement:
    """Entry by entry for tuples and vectors; exactly or at high precision for constants; else as an identity."""
    if isinstance(a, (sympy.Tuple, sympy.MatrixBase)) or isinstance(b, (sympy.Tuple, sympy.MatrixBase)):
        items_a, items_b = entries(a), entries(b)
        if items_a is None or items_b is None or len(items_a) != len(items_b):
            return DIFFERENT
        agreements = [equal(x, y) for x, y in zip(items_a, items_b)]
        notes = sorted({agreement.note for agreement in agreements if agreement.note})
        return Agreement(all(agreements), "; ".join(notes))
    difference = sympy.expand(a - b) if not (a.has(sympy.Derivative) or b.has(sympy.Derivative)) else a - b
    if difference == 0:
        return PROVEN
    if any(isinstance(f, AppliedUndef) for f in difference.atoms(sympy.Function)):
        return _equal_for_any_functions(difference)
    if not difference.free_symbols:
        return _equal_numbers(a, b, difference)
    return _equal_functions(a, b, difference)


def _equal_for_any_functions(difference: Expr) -> Agreement:
    """An identity about functions not defined here (the quotient rule for any f, g): proven, or undecided —
    never refuted, since values of f are unknown (``f(2) = 4``)."""
    try:
        if is_zero(_over_the_reals(difference)):
            return PROVEN
    except OutOfTime:
        pass
    return Agreement(False, "it involves a function not defined here", undecided=True)


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
    """An identity in free variables: proven by simplification (cross-checked at sample points), refuted at a
    sample point, or — when simplification runs out of time or size — decided at the sample points with a note.

    When simplification ends with a difference it cannot reduce to zero, agreement at sample points is not
    enough (``|x| = x`` holds at every positive point): the claim is undecided, never verified.
    """
    if sympy.count_ops(difference) > SIMPLIFY_OPS:
        note: str | None = "too large to simplify"
    else:
        try:
            if is_zero(_over_the_reals(difference)):
                return Agreement(_agrees_at_sample_points(a, b) is not False)
            note = None
        except OutOfTime:
            note = "could not simplify in time"
    agrees = _agrees_at_sample_points(a, b)
    if agrees is False:
        return DIFFERENT
    if agrees is None:
        return Agreement(False, "the sides are defined at too few sample points to compare them", undecided=True)
    if note is None:
        return _for_positive_values(a, b, difference)
    return Agreement(True, f"{note}: checked at {SAMPLE_POINTS} sample points")


def _for_positive_values(a: Expr, b: Expr, difference: Expr) -> Agreement:
    """An identity of positive values (``\\ln(xy) = \\ln x + \\ln y``): proven for positive variables, and
    true at every point of a grid of both signs where both sides are defined (``(a^b)^c = a^{bc}`` is not:
    a = -2, b = 2, c = 1/2)."""
    free = sorted(difference.free_symbols, key=lambda s: s.name)
    undecided = Agreement(False, f"not proven: the difference simplifies to {_short(difference)}, although the "
                                 f"sides agree at {SAMPLE_POINTS} sample points", undecided=True)
    try:
        if len(free) > len(GRID_SIZES) or not is_zero(difference.xreplace(
                {s: sympy.Symbol(s.name, positive=True) for s in free})):
            return undecided
    except OutOfTime:
        return undecided
    grid = GRID[:GRID_SIZES[len(free) - 1]]
    if any(_agree_at(a, b, dict(zip(free, values))) is False for values in itertools.product(grid, repeat=len(free))):
        return DIFFERENT
    return Agreement(True, "proven for positive values; true wherever both sides are defined on a grid of both signs")


def _over_the_reals(value: Expr) -> Expr:
    """The variables of a lesson are real: ``|x|^2 = x^2`` holds."""
    return value.xreplace({s: sympy.Symbol(s.name, real=True) for s in value.free_symbols if not s.is_real})


def _short(value: Expr) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def entries(value):
    """The entries of a tuple or matrix, in order; None for a single value."""
    if isinstance(value, sympy.Tuple):
        return list(value)
    if isinstance(value, sympy.MatrixBase):
        return list(value)
    return None


def _agrees_at_sample_points(a: Expr, b: Expr) -> bool | None:
    """True/False from evaluation at sample points; None when too few points are defined.

    Half of the points lie in (0.11, 1.9), where logarithms and roots are defined; the rest anywhere in
    [-4, 4], integers among them, so that a claim true only for positive values (``\\sqrt{x^2} = x``) or only
    near 1 (``(x - 1)^{100} = 0``) is refuted; sides defined nowhere near 1 need all their points elsewhere.
    Rational values are compared exactly, others at 50 digits with a relative tolerance far below any rounding
    a slide shows.
    """
    if any(isinstance(f, AppliedUndef) for f in (a - b).atoms(sympy.Function)):
        return None
    generator = random.Random(20261123)
    free = sorted((a - b).free_symbols, key=lambda s: s.name)
    positive = mixed = 0
    for attempt in range(SAMPLE_POINTS * 4):
        near_one = attempt % 2 == 0
        if (positive if near_one else mixed) >= SAMPLE_POINTS // 2:
            continue
        point = {s: _sample(generator, near_one) for s in free}
        verdict = _agree_at(a, b, point)
        if verdict is False:
            return False
        if verdict:
            positive, mixed = (positive + 1, mixed) if near_one else (positive, mixed + 1)
    if positive + mixed == SAMPLE_POINTS:
        return True
    if positive < SAMPLE_POINTS // 2:  # defined little or nowhere near 1 (√(−2x³ + 2x² + x − 2) lives left of
        for _ in range(SAMPLE_POINTS * 8):  # −0.87, (−t³ − 4t² − 4t + 1)^{3/2} left of 0.2): the rest elsewhere
            verdict = _agree_at(a, b, {s: _sample(generator, False) for s in free})
            if verdict is False:
                return False
            mixed += bool(verdict)
            if positive + mixed >= SAMPLE_POINTS:
                return True
    return None if positive < SAMPLE_POINTS // 2 else True


def _sample(generator: random.Random, near_one: bool) -> sympy.Rational:
    if near_one:
        return sympy.Rational(generator.randint(11, 190), 100)
    if generator.random() < 0.4:
        return sympy.Integer(generator.choice([-4, -3, -2, -1, 1, 2, 3, 4]))
    return sympy.Rational(generator.choice([-1, 1]) * generator.randint(5, 400), 100)


def _agree_at(a: Expr, b: Expr, point: dict) -> bool | None:
    """Whether both sides agree at ``point``; None where either is undefined or not real."""
    try:
        if not (_defined_over_the_reals(a, point) and _defined_over_the_reals(b, point)):
            return None
        x, y = a.xreplace(point), b.xreplace(point)
        if x.is_Rational and y.is_Rational:
            return bool(x == y)
        x, y = sympy.N(x, SAMPLE_DIGITS), sympy.N(y, SAMPLE_DIGITS)
    except (TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None
    if not (_real_number(x) and _real_number(y)):
        return None
    scale = max(abs(x), abs(y))
    return bool(abs(x - y) <= SAMPLE_TOLERANCE * scale + sympy.Float(10) ** (-2 * SAMPLE_DIGITS // 3))


def _defined_over_the_reals(value: Expr, point: dict) -> bool:
    """Every root, power and function inside ``value`` is a real number at ``point``: ``\\sqrt{-2/3}`` is not
    defined in a calculus lesson, even where two such roots multiply to a real number."""
    for part in sympy.preorder_traversal(value):
        if isinstance(part, sympy.Function) or (isinstance(part, sympy.Pow) and not part.exp.is_Integer):
            at_point = part.xreplace(point)
            if at_point.is_extended_real is False or not _real_number(sympy.N(at_point, 15)):
                return False
    return True


def _real_number(value) -> bool:
    return bool(value.is_Number and value.is_finite and value.is_real)
