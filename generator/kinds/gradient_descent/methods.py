"""The gradient-descent family: one step of gd, momentum, nesterov, adagrad, rmsprop and adam.

Each method is written once, in ``RULES``: its update formulas, in the order they are applied, as
SymPy expressions over placeholder symbols (``Slot``s: a state or parameter at step t, t−1 or t+1,
the partial derivative at the point the method evaluates it, a hyper-parameter).  Everything else
is read from that table, so the printed rule and the arithmetic cannot drift apart:

* ``rules(method, variable)`` — the formulas as the slide prints them;
* ``advance(...)`` (and nesterov's ``lookahead``) — one step for one coordinate: each formula's
  working, its slots replaced by the step's numbers held (``0.9 \\cdot 0 + 0.01 \\cdot 8``), and
  its value, the same slots replaced by the same numbers and the arithmetic done.  Values stay
  exact where the method allows; square roots leave the rationals, and the caller continues with
  high-precision floats.

A working is written the way a student substitutes into the rule (``worked_form``): each product
is one fraction, its factors first and the divisors last (η·g / sqrt(v + ε) for the printed
η/sqrt(v + ε) · g), and a part of the rule that only involves hyper-parameters (1 − β,
1 − β₁^{t+1}) appears as its value.  The value follows the same form, so a rounded float is the
result of exactly the operations the slide shows, in their order, with one division per fraction.

Conventions follow the lecture notes: momentum u_t = β u_{t−1} + η ∇f(w_t), w_{t+1} = w_t − u_t;
nesterov evaluates the gradient at the look-ahead w_t − β u_{t−1}; adagrad v_t = v_{t−1} + g_t²;
rmsprop v_t = β v_{t−1} + (1−β) g_t²; adam with bias correction m̂_t = m_t / (1 − β₁^{t+1})
(steps are counted from t = 0).  Every state starts at 0 (u_{−1} = v_{−1} = m_{−1} = 0).
"""
from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import cache, reduce

import sympy
from sympy import Expr, Rational

from ...model import DEFAULTS, HYPER_PARAMETERS, Method
from ...solve.substitute import held, settle

COORDINATE_KINDS = ("param", "grad", "u", "v", "m", "mhat", "vhat", "tilde")  # one per coordinate
CONSTANT_KINDS = ("rate", "beta", "beta1", "beta2", "eps", "t")  # the same for the whole run


@dataclass(frozen=True)
class Hyper:
    rate: Expr
    beta: Expr = DEFAULTS["beta"]
    beta1: Expr = DEFAULTS["beta1"]
    beta2: Expr = DEFAULTS["beta2"]
    eps: Expr = DEFAULTS["eps"]


@dataclass(frozen=True)
class Slot:
    """A placeholder in a rule: what it stands for is decided by the view's names (printing) or by
    the step's numbers (arithmetic)."""

    kind: str  # "param", a state kind, "grad", or a hyper-parameter name ("rate", "beta", …, "t")
    offset: int = 0  # step t + offset

    def symbol(self, variable: sympy.Symbol | None = None) -> sympy.Symbol:
        suffix = f"_{variable.name}" if variable is not None else ""
        return sympy.Symbol(f"slot_{self.kind}_{self.offset}{suffix}".replace("-", "m"))

    def coordinate_symbol(self, variable: sympy.Symbol) -> sympy.Symbol:
        """The symbol in ``variable``'s rules: per-coordinate slots carry the variable's name."""
        return self.symbol(variable if self.kind in COORDINATE_KINDS else None)


_SLOT_OF = {slot.symbol(): slot for slot in (Slot(kind, offset) for kind in COORDINATE_KINDS + CONSTANT_KINDS
                                             for offset in (-1, 0, 1))}


# -- the notation the rules are written in: unevaluated, so the printed order is the written one --

def _s(kind: str, offset: int = 0) -> sympy.Symbol:
    return Slot(kind, offset).symbol()


def _add(*terms: Expr) -> Expr:
    return sympy.Add(*terms, evaluate=False)


def _mul(*factors: Expr) -> Expr:
    return sympy.Mul(*factors, evaluate=False)


def _neg(term: Expr) -> Expr:
    return sympy.Mul(-1, term, evaluate=False)


def _over(top: Expr, bottom: Expr) -> Expr:
    return _mul(top, sympy.Pow(bottom, -1, evaluate=False))


def _one_minus(term: Expr) -> Expr:
    return _add(1, _neg(term))


def _square(term: Expr) -> Expr:
    return sympy.Pow(term, 2, evaluate=False)


def _root(term: Expr) -> Expr:
    return sympy.Pow(term, Rational(1, 2), evaluate=False)


def _bias(beta: Expr) -> Expr:
    """1 − β^{t+1}: adam's bias correction."""
    return _one_minus(sympy.Pow(beta, _add(_s("t"), 1), evaluate=False))


_HEAVY_BALL = (Slot("u"), _add(_mul(_s("beta"), _s("u", -1)), _mul(_s("rate"), _s("grad"))))
_MOVE_BY_U = (Slot("param", 1), _add(_s("param"), _neg(_s("u"))))
_SCALED_MOVE = (Slot("param", 1), _add(_s("param"),
                                       _neg(_mul(_over(_s("rate"), _root(_add(_s("v"), _s("eps")))), _s("grad")))))
LOOKAHEAD = Slot("tilde")

# Each method's update rules for one coordinate, in the order they are applied: (target, rhs over the
# generic ``Slot`` symbols).  The one description of the methods: rules, workings and values come from it.
RULES: dict[Method, tuple[tuple[Slot, Expr], ...]] = {
    Method.GD: ((Slot("param", 1), _add(_s("param"), _neg(_mul(_s("rate"), _s("grad"))))),),
    Method.MOMENTUM: (_HEAVY_BALL, _MOVE_BY_U),
    Method.NESTEROV: ((LOOKAHEAD, _add(_s("param"), _neg(_mul(_s("beta"), _s("u", -1))))), _HEAVY_BALL, _MOVE_BY_U),
    Method.ADAGRAD: ((Slot("v"), _add(_s("v", -1), _square(_s("grad")))), _SCALED_MOVE),
    Method.RMSPROP: ((Slot("v"), _add(_mul(_s("beta"), _s("v", -1)),
                                      _mul(_one_minus(_s("beta")), _square(_s("grad"))))), _SCALED_MOVE),
    Method.ADAM: ((Slot("m"), _add(_mul(_s("beta1"), _s("m", -1)), _mul(_one_minus(_s("beta1")), _s("grad")))),
                  (Slot("v"), _add(_mul(_s("beta2"), _s("v", -1)),
                                   _mul(_one_minus(_s("beta2")), _square(_s("grad"))))),
                  (Slot("mhat"), _over(_s("m"), _bias(_s("beta1")))),
                  (Slot("vhat"), _over(_s("v"), _bias(_s("beta2")))),
                  (Slot("param", 1), _add(_s("param"), _neg(_over(_mul(_s("rate"), _s("mhat")),
                                                                  _add(_root(_s("vhat")), _s("eps"))))))),
}

STATES = {method: tuple(target.kind for target, _ in table if target.kind != "param")
          for method, table in RULES.items()}


# -- the printed rule -------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """``target = rhs`` for one coordinate; ``rhs`` uses ``Slot`` symbols of that coordinate."""

    target: Slot
    rhs: Expr
    slots: tuple[Slot, ...]  # every slot the rhs uses (for the view's names)


def rules(method: Method, variable: sympy.Symbol) -> tuple[Rule, ...]:
    """The update formulas of ``method`` for one coordinate, in the order they are applied."""
    return tuple(Rule(target, _rebuild(rhs, lambda symbol: _SLOT_OF[symbol].coordinate_symbol(variable)),
                      _slots_in(method, rhs))
                 for target, rhs in RULES[method])


def _slots_in(method: Method, rhs: Expr) -> tuple[Slot, ...]:
    """The slots ``rhs`` uses, in a fixed order (the view names each of them)."""
    kinds = ("param", "grad", "rate", "t") + STATES[method] + HYPER_PARAMETERS[method]
    return tuple(slot for slot in (Slot(kind, offset) for kind in kinds for offset in (-1, 0, 1))
                 if slot.symbol() in rhs.free_symbols)


def _rebuild(expr: Expr, leaf: Callable[[sympy.Symbol], Expr]) -> Expr:
    """``expr`` with each symbol replaced by ``leaf(symbol)``, its written structure kept."""
    if isinstance(expr, sympy.Symbol):
        return leaf(expr)
    if not expr.args:
        return expr
    return expr.func(*(_rebuild(arg, leaf) for arg in expr.args), evaluate=False)


# -- the working form: how a student substitutes into a rule ---------------------------------------

def _is_negation(expr: Expr) -> bool:
    return isinstance(expr, sympy.Mul) and len(expr.args) == 2 and expr.args[0] == -1


def _is_reciprocal(expr: Expr) -> bool:
    return isinstance(expr, sympy.Pow) and expr.exp == -1


def _opened_factors(product: Expr) -> list[Expr]:
    """The factors of a product with nested products opened (a negation stays a factor)."""
    factors: list[Expr] = []
    for factor in product.args:
        nested = isinstance(factor, sympy.Mul) and not _is_negation(factor)
        factors += _opened_factors(factor) if nested else [factor]
    return factors


@cache
def worked_form(rhs: Expr) -> Expr:
    """``rhs`` with every product written as one fraction: its factors in order, the divisors last.

    The printed rule reads η/sqrt(v + ε) · g; its working (and its arithmetic) is η·g / sqrt(v + ε).
    """
    if not rhs.args:
        return rhs
    if isinstance(rhs, sympy.Mul) and not _is_negation(rhs):
        factors = [worked_form(factor) for factor in _opened_factors(rhs)]
        return _mul(*[f for f in factors if not _is_reciprocal(f)], *[f for f in factors if _is_reciprocal(f)])
    return rhs.func(*(worked_form(arg) for arg in rhs.args), evaluate=False)


def _is_constant(expr: Expr) -> bool:
    """Whether ``expr`` involves only hyper-parameters and the step number (1 − β, 1 − β₁^{t+1})."""
    return all(_SLOT_OF[symbol].kind in CONSTANT_KINDS for symbol in expr.free_symbols)


def _shown(form: Expr, numbers: dict[Slot, Expr]) -> Expr:
    r"""The working: each slot a held number, each constant part held as its value (a divisor stays one);
    a coefficient that is 1 is not written (η = 1: ``w_1 = -2 - (-4)``, not ``-2 - 1 \cdot (-4)``)."""
    if isinstance(form, sympy.Symbol):
        return held(numbers[_SLOT_OF[form]])
    if not form.free_symbols:
        return form
    if _is_constant(form) and not _is_reciprocal(form):
        return held(_value(form, numbers))
    if isinstance(form, sympy.Mul) and not _is_negation(form):
        return _shown_product(form, numbers)
    return form.func(*(_shown(arg, numbers) for arg in form.args), evaluate=False)


def _shown_product(form: sympy.Mul, numbers: dict[Slot, Expr]) -> Expr:
    """The working of a product, without its coefficients equal to 1 (a hyper-parameter or 1 − β that is 1);
    a factor that is the step's own number (a gradient of 1) stays: it is what was substituted."""
    kept = [factor for factor in form.args if not _unit_coefficient(factor, numbers)]
    if not kept or all(_is_reciprocal(factor) for factor in kept):
        kept = list(form.args)  # 1 · 1, or 1 over something: nothing to leave out
    factors = [_shown(factor, numbers) for factor in kept]
    return factors[0] if len(factors) == 1 else _mul(*factors)


def _unit_coefficient(factor: Expr, numbers: dict[Slot, Expr]) -> bool:
    """Whether a factor of a product is a coefficient (only hyper-parameters) whose value is 1."""
    return bool(factor.free_symbols) and _is_constant(factor) and not _is_reciprocal(factor) \
        and _value(factor, numbers) == 1


def _value(form: Expr, numbers: dict[Slot, Expr]) -> Expr:
    """The arithmetic of a working form, operation by operation in its written order."""
    if isinstance(form, sympy.Symbol):
        return numbers[_SLOT_OF[form]]
    if not form.free_symbols:
        return form
    if _is_negation(form):
        return -_value(form.args[1], numbers)
    if isinstance(form, sympy.Add):
        return reduce(operator.add, (_value(term, numbers) for term in form.args))
    if isinstance(form, sympy.Mul):
        top = _multiply((f for f in form.args if not _is_reciprocal(f)), numbers)
        bottom = [f.base for f in form.args if _is_reciprocal(f)]
        return top / _multiply(bottom, numbers) if bottom else top
    if isinstance(form, sympy.Pow):
        return _value(form.base, numbers) ** _value(form.exp, numbers)
    raise ValueError(f"no arithmetic for {form.func.__name__} in an update rule")


def _multiply(factors: Iterable[Expr], numbers: dict[Slot, Expr]) -> Expr:
    """The factors' values multiplied left to right (a fraction then divides once, as it is printed)."""
    return reduce(operator.mul, (_value(factor, numbers) for factor in factors))


# -- one step --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Worked:
    """One computed value of a step: a state or the new parameter, with its working held."""

    kind: str  # a state kind, or "param" for the updated coordinate
    variable: sympy.Symbol
    shown: Expr
    value: Expr


def _work(target: Slot, rhs: Expr, numbers: dict[Slot, Expr], variable: sympy.Symbol, digits: int) -> Worked:
    form = worked_form(rhs)
    return Worked(target.kind, variable, _shown(form, numbers), settle(_value(form, numbers), digits))


def _numbers(old: Expr, previous: dict[str, Expr], hyper: Hyper) -> dict[Slot, Expr]:
    """What the slots of a step stand for before its gradient: x_t, the states at t−1, the hyper-parameters."""
    numbers = {Slot(field.name): getattr(hyper, field.name) for field in fields(hyper)}
    numbers |= {Slot(kind, -1): value for kind, value in previous.items()}
    return numbers | {Slot("param"): old}


def lookahead(variable: sympy.Symbol, old: Expr, previous: dict[str, Expr], hyper: Hyper, digits: int) -> Worked:
    """Nesterov's look-ahead coordinate x̃_t = x_t − β u_{t−1} (before the gradient, which is taken there)."""
    return _work(LOOKAHEAD, dict(RULES[Method.NESTEROV])[LOOKAHEAD], _numbers(old, previous, hyper), variable,
                 digits)


def advance(method: Method, variable: sympy.Symbol, old: Expr, gradient: Expr, previous: dict[str, Expr], t: int,
            hyper: Hyper, digits: int) -> list[Worked]:
    """The states and the new value of one coordinate after step t (``previous``: states at t−1)."""
    numbers = _numbers(old, previous, hyper) | {Slot("grad"): gradient, Slot("t"): sympy.Integer(t)}
    worked: list[Worked] = []
    for target, rhs in RULES[method]:
        if target == LOOKAHEAD:
            continue  # computed by ``lookahead`` before the gradient
        worked.append(_work(target, rhs, numbers, variable, digits))
        numbers[target] = worked[-1].value
    return worked


def initial_states(method: Method) -> dict[str, Expr]:
    """The states a step reads at t−1, all 0 before the first step."""
    read = {_SLOT_OF[symbol].kind for _, rhs in RULES[method] for symbol in rhs.free_symbols
            if _SLOT_OF[symbol].offset == -1}
    return {kind: sympy.Integer(0) for kind in STATES[method] if kind in read}
