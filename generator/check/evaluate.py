"""Meaning for parsed formulas: SymPy values in the deck's running context (``context``).

Letters are real variables (calculus in class is real-valued: |x|′ = sign x).  What a letter
means where notation alone does not say — ``y (2x − 1)`` a product or a call, by which variable a
prime differentiates — is decided by ``readings``.

This module shares no code with the generator's solvers or printer: it knows only
the printed formula and the expression whitelist (``generator.expr.FUNCTIONS``).
"""
from __future__ import annotations

import dataclasses
import math

import sympy
from sympy import Expr

from ..expr import FUNCTIONS as WHITELIST
from ..expr import power_problem
from .calculus import derivative
from .context import Context, Function, is_symbolic, split_index
from .context import Recurrence as Recurrence  # (where definitions.py finds it)
from .readings import EXTRA_FUNCTIONS, FUNCTION_LETTERS, function_letters, is_quantity, variable_of
from .teachingvalues import TeachingValues
from .textree import (
    Abs,
    Call,
    DerivOp,
    EvalAt,
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
    TexError,
    Tuple,
    Vector,
)
from .vectors import negative

MAX_POWER = 10_000
MAX_RECURRENCE = 2000
SETTLE_DIGITS = 100  # the working precision of computed sequence members
EXACT_RECURRENCE_BITS = 1000  # a computed member stays an exact fraction while its terms are this short


def _power(base: Expr, exponent: Expr) -> Expr:
    """``base ** exponent``, refusing powers too large to compute (``9^{9^{9^{9}}}``)."""
    if exponent.is_Number and abs(exponent) > MAX_POWER:
        raise TexError("the power is too large")
    problem = power_problem(base, exponent)
    if problem is not None:
        raise TexError(problem)
    return base**exponent


def symbol(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, real=True)


class Evaluator(TeachingValues):
    """Turns syntax trees into SymPy under a context.

    ``at_point`` also replaces variables that have values (x = 1.3) by those values —
    the reading of ``∂f/∂x = 2·1.3 + 5.4`` at the current point.
    """

    def __init__(self, context: Context, at_point: bool = False, bindings: dict[str, int] | None = None,
                 defining: tuple[str, ...] | None = None):
        self.context = context
        self.at_point = at_point
        self.bindings = bindings or {}
        self.defining = defining  # the variables of a function whose body this reads
        self.rounded: set[str] = set()  # the names known only as rounded that this reading used

    # -- entry points -------------------------------------------------------
    def value(self, node: Node) -> Expr:
        value = self.resolve(self.build(node))
        if isinstance(value, Expr) and value.has(sympy.Derivative, sympy.core.function.AppliedUndef):
            value = self.with_function_letters(value)
        return value

    def resolve(self, expr):
        """Replace defined names by their definitions (variables only ``at_point``)."""
        if isinstance(expr, (sympy.Tuple, sympy.MatrixBase)):
            return expr.applyfunc(self.resolve) if isinstance(expr, sympy.MatrixBase) else \
                sympy.Tuple(*(self.resolve(item) for item in expr))
        variables = self.context.variables()
        for _ in range(40):
            replacements = {}
            for free in expr.free_symbols:
                replacement = self.lookup(free.name, variables)
                if replacement is not None:
                    replacements[free] = replacement
            if not replacements:
                return expr
            expr = expr.xreplace(replacements)
        raise TexError("the definitions refer to each other in a circle")

    def lookup(self, key: str, variables: set[str]) -> Expr | None:
        if key in self.context.values:
            if key in variables and not self.at_point:
                return None
            if key in self.context.rounded:
                self.rounded.add(key)
            return self.context.values[key]
        return self.computed(key)

    # -- recurrences ----------------------------------------------------------
    def computed(self, key: str) -> Expr | None:
        """``x_17`` from the recurrence of ``x``; sequences that depend on each other advance together.

        Members are computed step by step from the bottom (so recursion stays shallow), each from its
        rule with the index bound; a member whose rule still has undefined names is not computable.
        """
        split = split_index(key)
        if split is None or split[0] not in self.context.recurrences:
            return None
        target = split[1]
        if target > MAX_RECURRENCE or target < 0:
            return None
        member = f"{split[0]}_{target}"
        if member in self.context._cache:  # computed before, in this context: the walk up would change nothing
            return self.context._cache[member]
        own_slide = self.context.recurrences[split[0]].slide
        partners = [family for family in self.context.recurrences.values() if family.slide == own_slide]
        for step in range(target):  # (the rules printed together advance together; an earlier slide's wait)
            for family in partners:
                try:
                    self._member(family.base, step)
                except TexError:  # a sequence of an earlier slide that no longer fits: not ours
                    self.context._cache[f"{family.base}_{step}"] = None
        return self._member(split[0], target)

    def _member(self, base: str, index: int) -> Expr | None:
        key = f"{base}_{index}"
        cache = self.context._cache
        if key in cache:
            return cache[key]
        if key in self.context.values:
            return self.context.values[key]
        family = self.context.recurrences.get(base)
        if family is None:
            return None
        cache[key] = None  # a member that needs itself is not computable
        value = Evaluator(self.context, True, {family.index: index - family.shift}).value(family.rule)
        cache[key] = _settle(value) if not getattr(value, "free_symbols", True) else None
        return cache[key]

    # -- building ---------------------------------------------------------------
    def build(self, node: Node):
        method = getattr(self, "_" + type(node).__name__)
        return method(node)

    def _Num(self, node: Num) -> Expr:
        return sympy.Rational(node.value.numerator, node.value.denominator)

    def _Name(self, node: Name) -> Expr:
        key = self.name_key(node)
        if key == "e" and "e" not in self.context.values:
            return sympy.E
        if key == "pi":
            return sympy.pi
        function = self._function(key)
        if function is not None and len(function.params) <= 1:
            return function.body  # a bare f stands for f(x) in (f + g)' = f' + g'
        if key in self.bindings:
            return sympy.Integer(self.bindings[key])
        return symbol(key)

    def name_key(self, node: Name) -> str:
        if node.sub is None or (isinstance(node.sub, (Num, Name)) and not self._index_name(node.sub)):
            return node.key
        index = self.build(node.sub)
        if index.is_Integer:
            return f"{node.base}_{int(index)}"
        return node.key

    def _index_name(self, sub: Node) -> bool:
        return isinstance(sub, Name) and sub.key in self.bindings

    def _Op(self, node: Op) -> Expr:
        if node.op == "^" and isinstance(node.left, Call) and self.is_product(node.left) and not node.enclosed:
            return self.build(node.left.name) * _power(self.build(node.left.args[0]), self.build(node.right))
        left, right = self.build(node.left), self.build(node.right)
        if node.op == "+":
            return self.plus(left, right)
        if node.op == "*":
            return self.times(left, right, node.written)
        if node.op == "/":
            if right == 0:
                raise TexError("division by zero")
            return left / right
        return _power(left, right)

    def _Neg(self, node: Neg) -> Expr:
        return negative(self.build(node.operand))

    def _Sqrt(self, node: Sqrt) -> Expr:
        radicand = self.build(node.radicand)
        return sympy.root(radicand, self.build(node.index)) if node.index is not None else sympy.sqrt(radicand)

    def _Abs(self, node: Abs) -> Expr:
        return sympy.Abs(self.build(node.operand))

    def _Vector(self, node: Vector) -> Expr:
        return sympy.Matrix([self.build(item) for item in node.items])

    def _Tuple(self, node: Tuple) -> Expr:
        return sympy.Tuple(*(self.build(item) for item in node.items))

    def _Func(self, node: Func) -> Expr:
        argument = self.build(node.arg)
        if node.name == "lg":
            result = sympy.log(argument, 10)
        elif node.name == "log" and node.base is not None:
            result = sympy.log(argument, self.build(node.base))
        else:
            result = EXTRA_FUNCTIONS[node.name](argument) if node.name in EXTRA_FUNCTIONS else \
                WHITELIST[node.name].build(argument)
        return result if node.power is None else _power(result, self.build(node.power))

    def _Call(self, node: Call) -> Expr:
        key = self.name_key(node.name)
        args = [self.build(arg) for arg in node.args]
        function = self._function(key)
        if function is not None:
            return self.apply(function, args, node.primes)
        if key in self.context.values and is_symbolic(self.context.values[key]):
            return self.apply(self.as_function(key, node.args), args, node.primes)
        if self.is_product(node):
            return self.build(node.name) * args[0]  # y (2x − 1) with y a variable or constant
        if node.name.base in FUNCTION_LETTERS and not node.name.sub_text:
            undefined = sympy.Function(key)
            if node.primes:
                if len(args) != 1:
                    raise TexError("a prime needs a function of one variable")
                dummy = symbol("xi_")
                return derivative(undefined(dummy), dummy, node.primes).subs(dummy, args[0])
            return undefined(*args)
        if node.primes or len(args) != 1:
            raise TexError(f"{key} is not a defined function")
        return symbol(key) * args[0]  # x(x + 1) is a product

    def is_product(self, node: Call) -> bool:
        """``y (2x − 1)``: a quantity times a bracket (a power or prime after it belongs to the bracket)."""
        key = self.name_key(node.name)
        if node.primes or len(node.args) != 1 or self._function(key) is not None:
            return False
        if key in self.context.values and is_symbolic(self.context.values[key]):
            return False  # y(2) with y = x^2: y as a function
        if node.name.base in FUNCTION_LETTERS and not node.name.sub_text:
            return is_quantity(key, self.context, self.defining)
        return True

    def _function(self, key: str) -> Function | None:
        """The function ``key`` names — none while it is a variable of the function being defined: y in
        ``f(x; y) = 2 x y (3 y − 1)`` after an earlier slide's function y(w_1; w_2; w_3)."""
        return None if self.defining and key in self.defining else self.context.functions.get(key)

    def as_function(self, key: str, args: tuple[Node, ...] = ()) -> Function:
        """An expression name used as a function: ``y(2)`` with ``y = x^2``; with several variables, only
        at members of their sequences, one for each: ``y(w_1^{(1)}; w_2^{(1)})`` with ``y = w_1^4 w_2``."""
        body = self.resolve(symbol(key))
        variables = sorted(body.free_symbols, key=lambda s: s.name)
        if len(variables) == 1:
            return Function((variables[0],), body)
        split = [split_index(self.name_key(arg)) if isinstance(arg, Name) else None for arg in args]
        bases = [part[0] for part in split if part is not None]
        if len(bases) == len(args) == len(set(bases)) and set(bases) == {v.name for v in variables}:
            return Function(tuple(symbol(base) for base in bases), body)
        raise TexError(f"{key} is not a function of one variable")

    def apply(self, function: Function, args: list, primes: int = 0) -> Expr:
        body = function.body
        if primes:
            if len(function.params) != 1:
                raise TexError("a prime needs a function of one variable")
            body = derivative(self.resolve_symbolic(body), function.params[0], primes)
        if len(args) != len(function.params):
            raise TexError("wrong number of arguments")
        return body.xreplace(dict(zip(function.params, args)))

    def resolve_symbolic(self, expr: Expr) -> Expr:
        return Evaluator(self.context, False, self.bindings).resolve(expr)

    def _Prime(self, node: Prime) -> Expr:
        target = node.target
        if isinstance(target, Call) and self.is_product(target) and not node.enclosed:  # x (e^x)': the bracket's
            return self.build(target.name) * self.differentiate(target.args[0], node.order)
        if isinstance(target, Name):
            key = self.name_key(target)
            if key in self.context.functions:
                function = self.context.functions[key]
                if len(function.params) != 1:
                    raise TexError("a prime needs a function of one variable")
                return derivative(self.resolve_symbolic(function.body), function.params[0], node.order)
            if key not in self.context.values and key != "x" and key not in self.context.variables():
                if target.base in FUNCTION_LETTERS and not target.sub_text and not is_quantity(key, self.context, None):
                    x = symbol("x")
                    return derivative(sympy.Function(key)(x), x, node.order)  # y' with y = y(x)
                return sympy.Integer(0)  # c' = 0 for a constant
        return self.differentiate(target, node.order)

    def differentiate(self, target: Node, order: int) -> Expr:
        expr = self.with_function_letters(self.resolve_symbolic(self.build(target)))
        return derivative(expr, variable_of(expr, self.context), order)

    def with_function_letters(self, expr: Expr) -> Expr:
        return function_letters(expr, self.context)

    def _DerivOp(self, node: DerivOp) -> Expr:
        expr = self.resolve_symbolic(self.build(node.target))
        return derivative(expr, symbol(node.variable.key), node.order, *_orders(node.rest))

    def _EvalAt(self, node: EvalAt) -> Expr:
        r"""``\left. (x^2)' \right|_{x=3}``: the expression read with x a variable, then x = 3."""
        key = node.variable.key
        free = dataclasses.replace(self.context, values={k: v for k, v in self.context.values.items() if k != key},
                                   _cache={})
        reader = Evaluator(free, False, self.bindings)
        inner = reader.resolve(reader.build(node.target))
        return inner.xreplace({symbol(key): self.build(node.point)})

    def _Partial(self, node: Partial) -> Expr:
        key = self.name_key(node.function)
        variable = symbol(node.variable.key)
        function = self.context.functions.get(key)
        if function is None:
            if key not in self.context.values:
                raise TexError(f"{key} is not defined")
            function = Function(tuple(sorted(self.resolve_symbolic(symbol(key)).free_symbols, key=lambda s: s.name)),
                                self.resolve_symbolic(symbol(key)))
        body = self.resolve_symbolic(function.body)
        for name in (variable, *(symbol(name.key) for name, _ in node.rest)):
            if name not in function.params and name not in body.free_symbols:
                raise TexError(f"{key} does not depend on {name}")  # (a model ŷ(x) depends on its parameters)
        partial = derivative(body, variable, node.order, *_orders(node.rest))
        if node.args is None:
            return partial
        args = [self.build(arg) for arg in node.args]
        if len(args) != len(function.params):
            raise TexError("wrong number of arguments")
        return partial.xreplace(dict(zip(function.params, args)))

    def _Nabla(self, node: Nabla) -> Expr:
        key = self.name_key(node.function)
        function = self.context.functions.get(key)
        if function is None:
            return self.recorded_gradient(key, node.args)
        body = self.resolve_symbolic(function.body)
        partials = [derivative(body, p) for p in function.params]
        if node.args is not None:
            args = [self.build(arg) for arg in node.args]
            if len(args) != len(function.params):
                raise TexError("wrong number of arguments")
            partials = [p.xreplace(dict(zip(function.params, args))) for p in partials]
        return sympy.Matrix(partials)


def _orders(rest: tuple[tuple[Name, int], ...]) -> list:
    """The further variables of a mixed derivative as ``sympy.diff`` takes them: y, 1, z, 2."""
    return [item for name, order in rest for item in (symbol(name.key), order)]


def _settle(value: Expr) -> Expr:
    """Short rationals stay exact; anything else becomes a 100-digit Float (recurrences stay fast — an exact
    quartic descent triples its digits at every step — and an iterate that moves by 10^-46 still keeps its
    digits)."""
    if value.is_Rational and max(abs(int(value.p)).bit_length(), int(value.q).bit_length()) <= EXACT_RECURRENCE_BITS:
        return value
    number = sympy.N(value, SETTLE_DIGITS)
    if number.is_Number and math.isfinite(float(number)):
        return number
    raise TexError("a recurrence left the real numbers")
