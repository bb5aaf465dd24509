"""Cross-field checks the calculus kinds share: which variables a function has, and points over them."""
from __future__ import annotations

import sympy
from sympy import Expr

from ..schema import Invalid


def single_variable(function: Expr, given: sympy.Symbol | None, key: str) -> sympy.Symbol:
    """The one variable of ``function`` (or the ``given`` one, which it must use)."""
    free = sorted(function.free_symbols, key=lambda s: s.name)
    if given is not None:
        if free and given not in free:
            names = ", ".join(s.name for s in free)
            raise Invalid(f"{key} {given.name!r} does not occur in the function (it uses {names})")
        return given
    if len(free) == 1:
        return free[0]
    if not free:
        raise Invalid("the function is constant: give 'variable' to say what it depends on")
    names = ", ".join(s.name for s in free)
    raise Invalid(f"the function has several variables ({names}): say which with 'variable'")


def variables_of(function: Expr, given: tuple | None) -> tuple[sympy.Symbol, ...]:
    """The variables of ``function``, or the ``given`` list, which must name every one of them."""
    free = sorted(function.free_symbols, key=lambda s: s.name)
    if given is None:
        if not free:
            raise Invalid("the function is constant: it has no variables to differentiate by")
        return tuple(free)
    missing = [s.name for s in free if s not in given]
    if missing:
        raise Invalid(f"the function also depends on {', '.join(missing)}: list every variable")
    return tuple(given)


def matching_point(pairs, variables: tuple, key: str) -> tuple:
    """The point ``pairs`` ordered like ``variables``: a value for each variable, no other."""
    names = [v.name for v, _ in pairs]
    missing = [v.name for v in variables if v.name not in names]
    extra = [n for n in names if n not in {v.name for v in variables}]
    if missing:
        raise Invalid(f"{key} has no value for {', '.join(missing)}")
    if extra:
        raise Invalid(f"{key} gives {', '.join(extra)}, which the function does not use")
    by_name = dict(pairs)
    return tuple((v, by_name[v]) for v in variables)


def distinct_name(name: str, function: Expr, variables: tuple = ()) -> str:
    """``name`` when it names none of the function's letters: ``name: x`` for a function of x would print
    x(x) = … and make every printed line ambiguous."""
    letters = {s.name for s in function.free_symbols} | {v.name for v in variables}
    if name in letters:
        free = [other for other in ("f", "g", "h", "y", "F") if other not in letters]
        raise Invalid(f"{name!r} is also a letter of the function: call the function by another name "
                      f"({' or '.join(free[:2])})")
    return name
