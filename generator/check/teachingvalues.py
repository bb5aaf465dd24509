r"""Values of teaching notation: limits, norms, products with vectors, a gradient printed as a vector.

A limit is computed by SymPy's ``limit`` in the bounded worker (``generator.bounded``), with the limit's
variable bound (``x = 5`` earlier does not enter ``\lim_{x \to 0}``); a limit that does not exist, is
infinite, oscillates or takes too long is "not understood", and one with other free symbols is
cross-checked at random values of them.  ``Evaluator`` (``evaluate``) inherits these methods.
"""
from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

import sympy

from ..bounded import OutOfTime, call
from .textree import Constant, Limit, Name, Node, Norm, TexError
from .vectors import add, is_vector, length, product

if TYPE_CHECKING:
    from .evaluate import Context

LIMIT_SECONDS = 4.0
CROSS_CHECKS = 2  # random values of the other free symbols at which a general limit is computed again
_NOT_FINITE = (sympy.oo, -sympy.oo, sympy.zoo, sympy.nan)


def gradient_key(function_key: str) -> str:
    """Where a gradient printed as a vector (``\\nabla L = (2, 6)``) is kept among the context's values."""
    return f"∇{function_key}"


class TeachingValues:
    """The ``Evaluator``'s methods for teaching notation (the stubs below are the ``Evaluator``'s own)."""

    context: Context
    bindings: dict[str, int]

    def build(self, node: Node) -> Any:
        raise NotImplementedError

    def resolve(self, expr: Any) -> Any:
        raise NotImplementedError

    def name_key(self, node: Name) -> str:
        raise NotImplementedError

    # -- limits -------------------------------------------------------------------------------
    def _Limit(self, node: Limit) -> sympy.Expr:
        key = self.name_key(node.variable)
        bound = sympy.Symbol(f"{key}_lim_", real=True)
        body = self.resolve(self.build(node.body).xreplace({sympy.Symbol(key, real=True): bound}))
        if is_vector(body) or body.has(sympy.Derivative, sympy.Subs, sympy.core.function.AppliedUndef):
            raise TexError("a limit of a function that is not defined")
        if node.point is None:
            point, side = (sympy.oo if node.side == "+" else -sympy.oo), "+"
        else:
            point, side = self.resolve(self.build(node.point)), node.side
        result = _limit(body, bound, point, side)
        _cross_check(result, body, bound, point, side)
        return result

    def _Constant(self, node: Constant) -> sympy.Expr:
        raise TexError("\\text{const} says that a name is constant; it is not a value")

    # -- vectors ------------------------------------------------------------------------------
    def _Norm(self, node: Norm) -> sympy.Expr:
        value = self.resolve(self.build(node.operand))
        if not is_vector(value) and value.free_symbols:
            raise TexError("the norm of something that is not a known vector")
        return length(value)

    def times(self, left, right, written: str):
        """``left · right``: a dot product, a vector scaled by a number, or a plain product."""
        left, right = self._vector_or_self(left), self._vector_or_self(right)
        if is_vector(left) != is_vector(right):
            self._require_number(right if is_vector(left) else left)
        return product(left, right, written)

    def plus(self, left, right):
        """``left + right``: entry by entry for vectors (a name of a vector, ``w``, stands for it)."""
        return add(self._vector_or_self(left), self._vector_or_self(right))

    def _vector_or_self(self, value):
        if isinstance(value, sympy.Symbol) and value.name in self.context.values:
            resolved = self.resolve(value)
            if is_vector(resolved):
                return resolved
        return value

    def _require_number(self, value) -> None:
        """A factor of a vector must be a number: free names must be known (η = 0.1, a function's variable)."""
        known = self.context.variables()
        for free in value.free_symbols:
            if free.name not in known and free.name not in self.context.values:
                raise TexError(f"{free.name} is not known to be a number (or a vector)")

    def recorded_gradient(self, key: str, args) -> sympy.Matrix:
        """``\\nabla L`` of an undefined L: the vector printed for it earlier (``\\nabla L = (2, 6)``)."""
        recorded = self.context.values.get(gradient_key(key))
        if recorded is None or args is not None:
            raise TexError(f"{key} is not a defined function")
        return recorded


def _limit(body, variable: sympy.Symbol, point, side: str):
    try:
        result = call(sympy.limit, body, variable, point, side, seconds=LIMIT_SECONDS)
    except OutOfTime as error:
        raise TexError(f"the limit could not be computed in time ({error})") from None
    except Exception as error:  # SymPy: the one-sided limits differ, or it cannot compute this limit
        raise TexError(f"the limit does not exist or could not be computed ({type(error).__name__})") from None
    if not isinstance(result, sympy.Expr) or result.has(sympy.Limit, sympy.AccumBounds, *_NOT_FINITE):
        raise TexError("the limit does not exist as a number (it is infinite, oscillates or is unknown)")
    return result


def _cross_check(result, body, variable: sympy.Symbol, point, side: str) -> None:
    """A limit with other free symbols (x_0, a) must agree with the limit computed at random values of them."""
    free = sorted((body.free_symbols | getattr(point, "free_symbols", set())) - {variable}, key=lambda s: s.name)
    if not free:
        return
    generator = random.Random(20261124)
    for attempt in range(CROSS_CHECKS):
        sign = 1 if attempt % 2 == 0 else -1  # a limit true for positive values only is not a general one
        values = {s: sign * sympy.Rational(generator.randint(11, 190), 100) for s in free}
        at_values = _limit(body.xreplace(values), variable, point.xreplace(values), side)
        difference = sympy.N(result.xreplace(values) - at_values, 30)
        if not difference.is_Number or abs(difference) > 1e-20:
            raise TexError("the limit depends on the values of " + ", ".join(s.name for s in free))
