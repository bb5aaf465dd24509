"""What a letter means where notation alone does not say: a function, a variable or a constant.

``y \\left(2 x - 1\\right)`` is a product when y is a variable or a constant of the slide's function,
and a call when y is a function; ``(x y)'`` differentiates by the function's declared variable and
keeps its constants constant.  These readings depend on the running context (``evaluate.Context``):
the functions defined so far, their declared variables (parameters) and the other letters of their
bodies (constants, such as y in ``f(x) = x y``).  Where the context does not decide, the letters that
usually name functions (f, g, h, …) stay functions and the checker says "not understood" rather than
guess.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Expr

from .textree import TexError

if TYPE_CHECKING:
    from .evaluate import Context

# letters that name a function even when undefined: f(u) is a call, (f + g)' = f' + g'
FUNCTION_STYLE = frozenset("f g h F G H phi psi sigma varphi".split())
# letters that may name a function (y = f(u), u' …) or a quantity (y in f(x) = x y)
FUNCTION_LETTERS = FUNCTION_STYLE | frozenset("u v y z L Q".split())
# functions the checker reads beyond the expression whitelist (the inverse hyperbolic functions)
EXTRA_FUNCTIONS = {"asinh": sympy.asinh, "acosh": sympy.acosh, "atanh": sympy.atanh}


def constants(context: Context) -> set[str]:
    """The letters of the latest function's body that are neither its variables nor defined: y in f(x) = x y."""
    function = context.functions.get(context.latest or "")
    if function is None:
        return set()
    params = {p.name for p in function.params}
    return {s.name for s in function.body.free_symbols
            if s.name not in params and s.name not in context.values and s.name not in context.functions}


def quantities(context: Context) -> set[str]:
    """Letters that stand for a number, never for a function: variables, constants, names with a number."""
    numeric = {key for key, value in context.values.items() if not value.free_symbols}
    return context.variables() | constants(context) | numeric


def is_quantity(key: str, context: Context, defining: tuple[str, ...] | None) -> bool:
    """Whether ``key(…)`` multiplies: a quantity, or (inside a function's definition) any letter that does
    not usually name a function — y in ``f(x) = y (2x − 1)`` is a constant of f."""
    if defining is not None and key in defining:
        return True  # a variable of the function being defined, whatever it named before
    if key in context.functions:
        return False
    if key in quantities(context):
        return True
    return defining is not None and key not in FUNCTION_STYLE


def function_letters(expr: Expr, context: Context) -> Expr:
    """In ``(f + g)'`` the undefined letters f, g stand for functions of x — but not a slide's variables or
    constants, nor the arguments of an undefined function of several variables (∂f/∂x treats them as
    independent: in d/dx f(x, y), y is not y(x))."""
    x = sympy.Symbol("x", real=True)
    keep = quantities(context) | set(context.values)
    for applied in expr.atoms(sympy.core.function.AppliedUndef):
        if len(applied.args) > 1:
            keep |= {s.name for s in applied.free_symbols}
    replacements = {s: sympy.Function(s.name)(x) for s in expr.free_symbols
                    if s.name in FUNCTION_LETTERS and s.name not in keep}
    return expr.xreplace(replacements)


def variable_of(expr: Expr, context: Context) -> sympy.Symbol:
    """The variable a prime differentiates by: the one free letter that is not a constant of the slide's
    function, else x when present."""
    free = sorted(expr.free_symbols, key=lambda s: s.name)
    x = sympy.Symbol("x", real=True)
    if not free:
        return x
    varying = [s for s in free if s.name not in constants(context)]
    if len(varying) == 1:
        return varying[0]
    if x in free:
        return x
    raise TexError("it is not clear by which variable to differentiate")
