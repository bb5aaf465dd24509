"""Bounded work: SymPy computations that may not finish run in a worker process with a wall-clock limit.

``simplify`` and its relatives can run for minutes on innocent-looking input (a heuristic gcd
inside ``cancel``), and a spec or a deck is untrusted text.  SIGALRM only works in the main
thread, so the work goes to a forked worker process: when it does not answer in time, the worker
is killed (a fresh one is forked for the next call) and the caller gets ``OutOfTime`` — and
falls back to a numeric check, saying so.

The worker is forked once and reused; each call sends a module-level function and its arguments
through a pipe (SymPy expressions pickle), so a call costs about a millisecond more than running
it in place.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

import sympy

SIMPLIFY_SECONDS = 4.0  # per call; a reasonable simplification takes well under a second


class OutOfTime(Exception):
    """The computation did not finish within its time limit."""


def _serve(connection) -> None:  # pragma: no cover - runs in the worker process
    while True:
        try:
            function, args = connection.recv()
        except EOFError:
            return
        try:
            connection.send((True, function(*args)))
        except Exception as error:  # the caller re-raises it
            try:
                connection.send((False, error))
            except Exception:
                connection.send((False, RuntimeError(f"{type(error).__name__}: {error}")))


class _Worker:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._owner: int | None = None  # the pid that forked the worker (a forked child needs its own)

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs,), daemon=True, name="verideck-bounded")
        self._process.start()
        theirs.close()
        self._connection, self._owner = ours, os.getpid()

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None

    def run(self, function: Callable, args: tuple, seconds: float) -> Any:
        with self._lock:
            if self._owner != os.getpid():
                self._process = self._connection = None  # inherited from the parent process: not ours
            if self._process is None or not self._process.is_alive():
                self._stop()
                self._start()
            connection = self._connection
            assert connection is not None  # (started just above)
            try:
                connection.send((function, args))
            except (TypeError, AttributeError, RecursionError, pickle.PicklingError) as error:  # cannot be pickled
                raise OutOfTime(f"cannot hand the work to the worker ({type(error).__name__})") from error
            if not connection.poll(seconds):
                self._stop()
                raise OutOfTime(f"no answer in {seconds:g} s")
            try:
                ok, result = connection.recv()
            except EOFError:  # the worker died (memory, a crash)
                self._stop()
                raise OutOfTime("the worker stopped") from None
        if not ok:
            raise result
        return result


_WORKER = _Worker()


MAX_REMEMBERED = 20_000  # answers kept per process
_ANSWERS: dict[tuple, Any] = {}


def call(function: Callable, *args, seconds: float = SIMPLIFY_SECONDS) -> Any:
    """``function(*args)`` in the worker, or ``OutOfTime`` after ``seconds``.

    The same question gets the same answer without asking again (the Russian and English decks of a lesson
    simplify the same values): SymPy's answer depends only on the expression.  Only exact arguments are
    remembered — two Floats equal in value but not in precision could deserve different answers.
    """
    key = (function, args, seconds) if _exact(args) else None  # a longer limit may give another answer
    if key is not None and key in _ANSWERS:
        return _ANSWERS[key]
    answer = _WORKER.run(function, args, seconds)
    if key is not None and len(_ANSWERS) < MAX_REMEMBERED:
        _ANSWERS[key] = answer
    return answer


def _exact(args: tuple) -> bool:
    return bool(args) and all(isinstance(arg, sympy.Basic) and not arg.has(sympy.Float) for arg in args)


def _simplifies_to_zero(expr: sympy.Expr) -> bool:
    """``simplify`` proves it zero — trigonometric expressions also written through cos, where ``simplify``
    alone misses 2 tg²(2t − 1) + 2 − 2/cos²(2t − 1), hyperbolic ones through exp (3 th²(3w − 1) − 3 + 3/ch²(3w − 1))."""
    sin_cos = _through_sin_cos(expr)  # tg u as sin u / cos u: much faster to simplify than tg itself
    if sin_cos.has(sympy.sin, sympy.cos) and sympy.simplify(_free_arguments(sin_cos)) == 0:
        return True
    if expr.has(sympy.tan, sympy.cot) and sympy.simplify(sin_cos) == 0:
        return True
    if sympy.simplify(expr) == 0:
        return True
    if expr.has(sympy.tan, sympy.cot, sympy.sec, sympy.csc) and sympy.simplify(expr.rewrite(sympy.cos)) == 0:
        return True
    hyperbolic = (sympy.sinh, sympy.cosh, sympy.tanh, sympy.coth, sympy.sech, sympy.csch)
    return expr.has(*hyperbolic) and sympy.simplify(expr.rewrite(sympy.exp)) == 0


def _through_sin_cos(expr: sympy.Expr) -> sympy.Expr:
    return expr.replace(sympy.tan, lambda u: sympy.sin(u) / sympy.cos(u)).replace(
        sympy.cot, lambda u: sympy.cos(u) / sympy.sin(u))


def _free_arguments(expr: sympy.Expr) -> sympy.Expr:
    """Every compound argument of sin and cos replaced by a symbol of its own: zero for any values of those
    symbols is zero for the arguments too (u'/cos²u − u'(tg²u + 1) in 0.3 s where u = (−t³ − 4t² − 4t + 1)^{3/2}
    takes 15 s)."""
    calls = [call for call in expr.atoms(sympy.sin, sympy.cos) if not call.args[0].is_Symbol]
    arguments = sorted({call.args[0] for call in calls}, key=sympy.default_sort_key)
    names = {argument: sympy.Symbol(f"_argument_{index}") for index, argument in enumerate(arguments)}
    return expr.xreplace({call: call.func(names[call.args[0]]) for call in calls})


def is_zero(expr: sympy.Expr, seconds: float = SIMPLIFY_SECONDS) -> bool:
    """Whether ``simplify`` proves ``expr`` zero; ``OutOfTime`` when it cannot decide in time."""
    return call(_simplifies_to_zero, expr, seconds=seconds)


def simplify(expr: sympy.Expr, seconds: float = SIMPLIFY_SECONDS) -> sympy.Expr:
    """``sympy.simplify(expr)``, or ``OutOfTime``."""
    return call(sympy.simplify, expr, seconds=seconds)
