"""What the first side of a statement defines, and how the definition enters the context.

A statement's first side may *define* something instead of claiming it: a name that
nothing computes yet (``x_1 = …``, ``\\eta = 0.1``, ``u = x^2``) becomes a value; a function
head with plain parameters (``f(x, y) = …``) becomes a function; a name with a general index
(``w_{i+1} = w_i − η ∂L/∂w(w_i)``) becomes a recurrence; a tuple of such names
(``(x_0, y_0) = (1.3, 5.4)``) defines each.  Which it is depends on what the running context
already computes, so these rules live here, apart from the checking of claims (``claims``).
"""
from __future__ import annotations

import sympy

from .evaluate import Context, Evaluator, Recurrence, is_symbolic, split_index, symbol
from .textree import Call, Name, Node, Num, Op, Statement, TexError, Tuple, children


def has_free_index(node: Node) -> bool:
    """Whether a name in the tree carries a general index such as ``i`` or ``i+1``."""
    if isinstance(node, Name):
        return node.sub is not None and not isinstance(node.sub, Num) and _index_variable(node) is not None
    return any(has_free_index(child) for child in children(node))


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


def _define(first: Node, value, context: Context, rounded: bool) -> None:
    if isinstance(first, Name):
        context.define_value(first.key, value, rounded)
    elif isinstance(first, Tuple):
        items = list(value) if isinstance(value, (sympy.Tuple, sympy.MatrixBase)) else None
        if items is None or len(items) != len(first.items):
            raise TexError("the tuples have different lengths")
        for name, item in zip(first.items, items):
            if not isinstance(name, Name):
                raise TexError("only names can be given values")
            context.define_value(name.key, item, rounded)


def _function_head(node: Node, context: Context, body: Node | None = None) -> bool:
    """``f(x, y)`` with plain, distinct, value-less parameters: a function being defined."""
    if not isinstance(node, Call) or node.primes:
        return False
    if not all((isinstance(arg, Name) and arg.sub is None) or (isinstance(arg, Name) and isinstance(arg.sub, Num))
               for arg in node.args):
        return False
    keys = [arg.key for arg in node.args if isinstance(arg, Name)]  # (all of them, checked above)
    if len(set(keys)) != len(keys):
        return False
    known = context.functions.get(node.name.key)
    # a member of a sequence (x_1 of x_{i+1} = …) has a value: f(x_1) is f there; but a name that is no
    # function of that many variables, with members of an earlier slide's sequence (w_1 of a fit's update
    # rule), defines a new function g(w_1; w_2; w_3) = …
    # y = t/(t^2 + 1): y(t_1) is its value; but ŷ(x) = … of ŷ = σ(w x + b) (in prose) is a function of x
    value = context.values.get(node.name.key)
    expression = value is not None and is_symbolic(value) and not set(keys) <= {s.name for s in value.free_symbols}
    applicable = expression or (known is not None and len(known.params) == len(keys)
                                and not _redefined_later(node, known, context, body))
    if any(computable_key(key, context) and (applicable or context.earlier_recurrence(key) is None) for key in keys):
        return False
    if known is not None and [p.name for p in known.params] == keys:
        return True  # f(x, y) = … again, with f's own parameters: a (re)definition
    # a parameter with a number (x_1 = 1.2) makes f(x_1, y_1) a value — of a function, or of a name that
    # stands for an expression (y(w_1^{(0)}; w_2^{(0)}) with y = w_1^4 w_2); a name that only stands for an
    # expression (y = u^3 of an earlier chain rule) does not stop a new definition f(x, y) = …
    # — unless the number was given on an earlier slide and the right side is written in the letter: after a
    # fit's (w, b) = (−2, −2), a new slide's f(w) = w^4 − 3w^2 + w defines f again
    written_in = _mentioned(body, context) if body is not None else set()
    at_point = any(key in context.values and not is_symbolic(context.values[key])
                   and not (key in written_in and context.defined_on.get(key, context.slide) < context.slide)
                   for key in keys)
    return (known is None and not expression) or not at_point


def _redefined_later(node: Call, known, context: Context, body: Node | None) -> bool:
    """A function of an earlier slide printed again on a later slide with plain variables as arguments defines
    a new function there; it does not evaluate the old one at members of an earlier slide's sequence (w_1, w_2
    of a fit's ``w_{t+1} = …``).  The arguments are variables when they are the old function's own parameters,
    or the coordinates w_1, w_2, … of one letter (a point of a sequence is (w_1; b_1): one index, other letters).
    None may have a value of this slide, and the right side must be written in them: ``y(w_1; w_2) = 5`` stays a
    claim about the old y."""
    keys = [arg.key for arg in node.args if isinstance(arg, Name)]
    splits = [split_index(key) for key in keys]
    coordinates = len(keys) > 1 and all(splits) and len({split[0] for split in splits if split}) == 1 \
        and len({split[1] for split in splits if split}) == len(keys)
    return (body is not None and bool(set(keys) & _mentioned(body, context))
            and context.defined_on.get(node.name.key, 0) < context.slide
            and ([p.name for p in known.params] == keys or coordinates)
            and all(context.earlier_recurrence(key) is not None and context.defined_on.get(key, -1) < context.slide
                    for key in keys if computable_key(key, context)))


def _mentioned(node: Node, context: Context) -> set[str]:
    """The names a side is written in, with the letters of the functions and expressions it uses: w_1 in
    ``L_1(w_1; w_2) = (ŷ(−1.5) + 0.9)²/2`` with ŷ(x) = w_1 x + w_2 x²."""
    names = _names_in(node)
    for name in list(names):
        function = context.functions.get(name)
        value = function.body if function is not None else context.values.get(name)
        names |= {s.name for s in value.free_symbols} if value is not None else set()
    return names


def restates(first: Node, context: Context) -> bool:
    """``(w_1^{(1)}; w_2^{(1)}) ≈ (-0.95; 0.15)`` after this slide computed them: a claim about the values,
    not a new (rounded) definition."""
    names = first.items if isinstance(first, Tuple) else (first,)
    return all(isinstance(name, Name) and name.key in context.values and not is_symbolic(context.values[name.key])
               and context.defined_on.get(name.key) == context.slide for name in names)


def is_definition(first: Node, context: Context, second: Node | None = None) -> bool:
    if _definable(first, context):
        return True
    if isinstance(first, Tuple):
        return all(_definable(item, context) for item in first.items)
    return _function_head(first, context, second)


def record_definition(statement: Statement, context: Context, evaluator: Evaluator) -> None:
    first, second = statement.sides[0], statement.sides[1]
    if isinstance(first, Call):
        params = tuple(symbol(arg.key) for arg in first.args if isinstance(arg, Name))  # (a function head's)
        # y in f(x) = y (2x − 1) is a constant of f, not a function (nor the y = x eˣ of an earlier slide)
        context.forget_earlier(_names_in(second))
        body = Evaluator(context, defining=tuple(p.name for p in params)).build(second)
        context.define_function(first.name.key, params, body)
        return
    _define(first, evaluator.build(second), context, rounded=statement.relations[0] == "≈")


def _names_in(node: Node) -> set[str]:
    names = {node.key} if isinstance(node, Name) else set()
    return names.union(*(_names_in(child) for child in children(node)))


def record_recurrence(statement: Statement, context: Context) -> None:
    """A rule about step i: a recurrence ``x_{i+1} = …`` is recorded; other general statements are read only."""
    first = statement.sides[0]
    if statement.relations == ("=",) and isinstance(first, Name) and first.sub is not None:
        index = _index_variable(first)
        if index is not None:
            context.define_recurrence(Recurrence(first.base, index[0], index[1], statement.sides[1]))

