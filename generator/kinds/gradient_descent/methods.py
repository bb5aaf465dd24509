"""The gradient-descent family: one step of gd, momentum, nesterov, adagrad, rmsprop and adam.

Each method is data and arithmetic:

* ``rules(method)`` — its update formulas as SymPy expressions over placeholder symbols
  (``Slot``s: a state or parameter at step t, t−1 or t+1, a partial derivative at the point
  the method evaluates it, a hyper-parameter), for the slide to print;
* ``advance(...)`` — one step for one coordinate, every value with its working held
  (``0.9 \\cdot 0 + 0.01 \\cdot 8``) and exact where the method allows; square roots leave the
  rationals, and the caller continues with high-precision floats.

Conventions follow the lecture notes: momentum u_t = β u_{t−1} + η ∇f(w_t), w_{t+1} = w_t − u_t;
nesterov evaluates the gradient at the look-ahead w_t − β u_{t−1}; adagrad v_t = v_{t−1} + g_t²;
rmsprop v_t = β v_{t−1} + (1−β) g_t²; adam with bias correction m̂_t = m_t / (1 − β₁^{t+1})
(steps are counted from t = 0).  Every state starts at 0 (u_{−1} = v_{−1} = m_{−1} = 0).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, Rational

from ...model import DEFAULTS, HYPER_PARAMETERS, Method
from ...solve.substitute import held

STATES = {Method.GD: (), Method.MOMENTUM: ("u",), Method.NESTEROV: ("tilde", "u"), Method.ADAGRAD: ("v",),
          Method.RMSPROP: ("v",), Method.ADAM: ("m", "v", "mhat", "vhat")}


@dataclass(frozen=True)
class Hyper:
    rate: Expr
    beta: Expr = DEFAULTS["beta"]
    beta1: Expr = DEFAULTS["beta1"]
    beta2: Expr = DEFAULTS["beta2"]
    eps: Expr = DEFAULTS["eps"]


@dataclass(frozen=True)
class Slot:
    """A placeholder in a printed rule: what it stands for is decided by the view's names."""

    kind: str  # "param", a state kind, "grad", or a hyper-parameter name ("rate", "beta", …, "t")
    offset: int = 0  # step t + offset

    def symbol(self, variable: sympy.Symbol | None = None) -> sympy.Symbol:
        suffix = f"_{variable.name}" if variable is not None else ""
        return sympy.Symbol(f"slot_{self.kind}_{self.offset}{suffix}".replace("-", "m"))


@dataclass(frozen=True)
class Rule:
    """``target = rhs`` for one coordinate; ``rhs`` uses ``Slot`` symbols of that coordinate."""

    target: Slot
    rhs: Expr
    slots: tuple[Slot, ...]  # every slot the rhs uses (for the view's names)


def _rules(method: Method, v: sympy.Symbol) -> list[tuple[Slot, Expr]]:
    def s(kind: str, offset: int = 0) -> sympy.Symbol:
        return Slot(kind, offset).symbol(v if kind in ("param", "grad", "u", "v", "m", "mhat", "vhat", "tilde")
                                         else None)

    add = lambda *terms: sympy.Add(*terms, evaluate=False)  # noqa: E731
    mul = lambda *factors: sympy.Mul(*factors, evaluate=False)  # noqa: E731
    neg = lambda term: sympy.Mul(-1, term, evaluate=False)  # noqa: E731
    over = lambda top, bottom: mul(top, sympy.Pow(bottom, -1, evaluate=False))  # noqa: E731
    one_minus = lambda term: add(1, neg(term))  # noqa: E731
    square = lambda term: sympy.Pow(term, 2, evaluate=False)  # noqa: E731
    root = lambda term: sympy.Pow(term, Rational(1, 2), evaluate=False)  # noqa: E731
    rate, beta, eps = s("rate"), s("beta"), s("eps")
    if method == Method.GD:
        return [(Slot("param", 1), add(s("param"), neg(mul(rate, s("grad")))))]
    if method == Method.MOMENTUM:
        return [(Slot("u"), add(mul(beta, s("u", -1)), mul(rate, s("grad")))),
                (Slot("param", 1), add(s("param"), neg(s("u"))))]
    if method == Method.NESTEROV:
        return [(Slot("tilde"), add(s("param"), neg(mul(beta, s("u", -1))))),
                (Slot("u"), add(mul(beta, s("u", -1)), mul(rate, s("grad")))),
                (Slot("param", 1), add(s("param"), neg(s("u"))))]
    if method == Method.ADAGRAD:
        return [(Slot("v"), add(s("v", -1), square(s("grad")))),
                (Slot("param", 1), add(s("param"), neg(mul(over(rate, root(add(s("v"), eps))), s("grad")))))]
    if method == Method.RMSPROP:
        return [(Slot("v"), add(mul(beta, s("v", -1)), mul(one_minus(beta), square(s("grad"))))),
                (Slot("param", 1), add(s("param"), neg(mul(over(rate, root(add(s("v"), eps))), s("grad")))))]
    if method == Method.ADAM:
        beta1, beta2, t = s("beta1"), s("beta2"), s("t")
        power = lambda base: sympy.Pow(base, add(t, 1), evaluate=False)  # noqa: E731
        return [(Slot("m"), add(mul(beta1, s("m", -1)), mul(one_minus(beta1), s("grad")))),
                (Slot("v"), add(mul(beta2, s("v", -1)), mul(one_minus(beta2), square(s("grad"))))),
                (Slot("mhat"), over(s("m"), one_minus(power(beta1)))),
                (Slot("vhat"), over(s("v"), one_minus(power(beta2)))),
                (Slot("param", 1), add(s("param"), neg(over(mul(rate, s("mhat")), add(root(s("vhat")), eps)))))]
    raise ValueError(f"unknown method {method}")


def rules(method: Method, variable: sympy.Symbol) -> tuple[Rule, ...]:
    """The update formulas of ``method`` for one coordinate, in the order they are applied."""
    result = []
    for target, rhs in _rules(method, variable):
        names = {symbol.name for symbol in rhs.free_symbols}
        slots = tuple(slot for slot in _all_slots(method) if slot.symbol(variable).name in names
                      or slot.symbol().name in names)
        result.append(Rule(target, rhs, slots))
    return tuple(result)


def _all_slots(method: Method) -> tuple[Slot, ...]:
    kinds = ("param", "grad", "rate", "t") + STATES[method] + HYPER_PARAMETERS[method]
    return tuple(Slot(kind, offset) for kind in kinds for offset in (-1, 0, 1))


@dataclass(frozen=True)
class Worked:
    """One computed value of a step: a state or the new parameter, with its working held."""

    kind: str  # a state kind, or "param" for the updated coordinate
    variable: sympy.Symbol
    shown: Expr
    value: Expr


def settle(value: Expr, digits: int) -> Expr:
    """Rationals stay exact; any other number becomes a ``digits``-digit Float."""
    return value if value.is_Rational else sympy.Float(sympy.N(value, digits), digits)


def lookahead(variable: sympy.Symbol, old: Expr, previous: dict[str, Expr], hyper: Hyper, digits: int) -> Worked:
    """Nesterov's look-ahead coordinate x̃_t = x_t − β u_{t−1}."""
    shown = sympy.Add(held(old), sympy.Mul(-1, held(hyper.beta), held(previous["u"]), evaluate=False),
                      evaluate=False)
    return Worked("tilde", variable, shown, settle(old - hyper.beta * previous["u"], digits))


def advance(method: Method, variable: sympy.Symbol, old: Expr, gradient: Expr, previous: dict[str, Expr], t: int,
            hyper: Hyper, digits: int) -> list[Worked]:
    """The states and the new value of one coordinate after step t (``previous``: states at t−1)."""
    g, rate = gradient, hyper.rate
    H = held
    worked: list[Worked] = []

    def record(kind: str, shown: Expr, value: Expr) -> Expr:
        value = settle(value, digits)
        worked.append(Worked(kind, variable, shown, value))
        return value

    def minus(a: Expr, b: Expr) -> Expr:
        return sympy.Add(a, sympy.Mul(-1, b, evaluate=False), evaluate=False)

    def times(*factors: Expr) -> Expr:
        return sympy.Mul(*factors, evaluate=False)

    if method == Method.GD:
        record("param", minus(H(old), times(H(rate), H(g))), old - rate * g)
    elif method in (Method.MOMENTUM, Method.NESTEROV):
        u = record("u", sympy.Add(times(H(hyper.beta), H(previous["u"])), times(H(rate), H(g)), evaluate=False),
                   hyper.beta * previous["u"] + rate * g)
        record("param", minus(H(old), H(u)), old - u)
    elif method in (Method.ADAGRAD, Method.RMSPROP):
        if method == Method.ADAGRAD:
            v = record("v", sympy.Add(H(previous["v"]), sympy.Pow(H(g), 2, evaluate=False), evaluate=False),
                       previous["v"] + g**2)
        else:
            v = record("v", sympy.Add(times(H(hyper.beta), H(previous["v"])),
                                      times(H(1 - hyper.beta), sympy.Pow(H(g), 2, evaluate=False)), evaluate=False),
                       hyper.beta * previous["v"] + (1 - hyper.beta) * g**2)
        root = sympy.Pow(sympy.Add(H(v), H(hyper.eps), evaluate=False), Rational(1, 2), evaluate=False)
        shown = minus(H(old), times(H(rate), H(g), sympy.Pow(root, -1, evaluate=False)))
        record("param", shown, old - rate * g / sympy.sqrt(v + hyper.eps))
    elif method == Method.ADAM:
        m = record("m", sympy.Add(times(H(hyper.beta1), H(previous["m"])), times(H(1 - hyper.beta1), H(g)),
                                  evaluate=False), hyper.beta1 * previous["m"] + (1 - hyper.beta1) * g)
        v = record("v", sympy.Add(times(H(hyper.beta2), H(previous["v"])),
                                  times(H(1 - hyper.beta2), sympy.Pow(H(g), 2, evaluate=False)), evaluate=False),
                   hyper.beta2 * previous["v"] + (1 - hyper.beta2) * g**2)
        m_hat = record("mhat", times(H(m), sympy.Pow(H(1 - hyper.beta1 ** (t + 1)), -1, evaluate=False)),
                       m / (1 - hyper.beta1 ** (t + 1)))
        v_hat = record("vhat", times(H(v), sympy.Pow(H(1 - hyper.beta2 ** (t + 1)), -1, evaluate=False)),
                       v / (1 - hyper.beta2 ** (t + 1)))
        bottom = sympy.Add(sympy.Pow(H(v_hat), Rational(1, 2), evaluate=False), H(hyper.eps), evaluate=False)
        shown = minus(H(old), times(H(rate), H(m_hat), sympy.Pow(bottom, -1, evaluate=False)))
        record("param", shown, old - rate * m_hat / (sympy.sqrt(v_hat) + hyper.eps))
    else:
        raise ValueError(f"unknown method {method}")
    return worked


def initial_states(method: Method) -> dict[str, Expr]:
    return {kind: sympy.Integer(0) for kind in STATES[method] if kind not in ("tilde", "mhat", "vhat")}
