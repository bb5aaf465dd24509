"""Bounded work: a worker process with a wall-clock limit, usable from any thread."""
from __future__ import annotations

import threading
import time

import pytest
import sympy

from generator import bounded
from generator.check import check_markdown
from generator.check import equality


def test_a_result_comes_back():
    x = sympy.Symbol("x")
    assert bounded.is_zero(sympy.sin(x) ** 2 + sympy.cos(x) ** 2 - 1) is True
    assert bounded.simplify((x**2 - 1) / (x - 1)) == x + 1


def test_work_over_its_time_is_stopped_and_the_next_call_works():
    started = time.monotonic()
    with pytest.raises(bounded.OutOfTime, match="no answer in 0.5 s"):
        bounded.call(time.sleep, 30, seconds=0.5)
    assert time.monotonic() - started < 5
    assert bounded.is_zero(sympy.Integer(0)) is True


def test_the_limit_works_outside_the_main_thread():
    outcome = {}

    def worker():
        try:
            bounded.call(time.sleep, 30, seconds=0.5)
        except bounded.OutOfTime:
            outcome["stopped"] = True

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)
    assert outcome == {"stopped": True}


def test_errors_of_the_work_reach_the_caller():
    with pytest.raises(ZeroDivisionError):
        bounded.call(divmod, 1, 0)


def test_the_checker_falls_back_to_sample_points_when_simplify_runs_out_of_time(monkeypatch):
    def never(expr, seconds=0):
        raise bounded.OutOfTime("no answer in 0 s")

    monkeypatch.setattr(equality, "is_zero", never)
    deck = "$$\n\\sin^{2} x + \\cos^{2} x = 1\n$$\n"
    report = check_markdown(deck)
    verified = [f for f in report.findings if f.kind == "verified"]
    assert verified and "could not simplify in time: checked at 8 sample points" in verified[-1].message
    wrong = check_markdown("$$\n\\sin^{2} x + \\cos x = 1\n$$\n")
    assert [f.kind for f in wrong.findings] == ["wrong"]


def test_an_exact_question_is_answered_once_and_a_float_one_every_time(monkeypatch):
    asked = []
    real_run = bounded._WORKER.run

    def counting_run(function, args, seconds):
        asked.append(args)
        return real_run(function, args, seconds)

    monkeypatch.setattr(bounded._WORKER, "run", counting_run)
    monkeypatch.setattr(bounded, "_ANSWERS", {})
    x = sympy.Symbol("x")
    exact = sympy.sin(x) ** 2 + sympy.cos(x) ** 2 + sympy.Rational(1, 3)
    assert bounded.simplify(exact) == bounded.simplify(exact) == sympy.Rational(4, 3)
    assert len(asked) == 1
    bounded.simplify(exact, seconds=10)  # a longer limit might find what a shorter one could not
    assert len(asked) == 2
    rounded = sympy.Float("0.1", 15) * x + sympy.Float("0.2", 30) * x
    bounded.simplify(rounded)
    bounded.simplify(rounded)
    assert len(asked) == 4  # Floats of one value but different precision are never taken for each other
