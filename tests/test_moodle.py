"""The Moodle XML export of the practice deck: well-formed, complete, right answers, honest distractors."""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
import sympy

from conftest import DECKS, ROOT
from generator.check.evaluate import Context, Evaluator
from generator.check.texparse import parse_formula
from generator.moodle import moodle_xml, rounded_with_tolerance

SPEC = DECKS / "practice.ru.yaml"
COMMON = ("name/text", "questiontext/text", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber")
CLOZE_BLANK = re.compile(r"\{1:NUMERICAL:=([-0-9.]+):([0-9.]+)\}")


@pytest.fixture(scope="module")
def quiz() -> ET.Element:
    return ET.fromstring(moodle_xml(SPEC))


def questions(quiz) -> dict[str, ET.Element]:
    return {q.findtext("idnumber"): q for q in quiz.findall("question") if q.get("type") != "category"}


def test_the_quiz_is_well_formed_with_a_category_first(quiz):
    assert quiz.tag == "quiz"
    first = quiz.find("question")
    assert first.get("type") == "category"
    assert first.findtext("category/text") == "$course$/top/Производные и градиентный спуск — практика"


def test_each_exercise_is_one_question_of_the_right_type(quiz):
    types = {identifier: q.get("type") for identifier, q in questions(quiz).items()}
    assert types == {"chain": "multichoice", "product-at": "numerical", "gradient-at": "cloze",
                     "two-steps": "cloze", "line-fit": "cloze"}
    for question in questions(quiz).values():
        for path in COMMON:
            assert question.find(path) is not None, (question.findtext("idnumber"), path)
        assert question.find("questiontext").get("format") == "html"
        text = question.findtext("questiontext/text")
        assert "$" not in text.replace("$course$", "") and (r"\(" in text or r"\[" in text)
        assert text.count(r"\(") == text.count(r"\)") and text.count(r"\[") == text.count(r"\]")
        assert float(question.findtext("defaultgrade")) > 0


def test_the_numerical_question_has_the_answer_within_its_tolerance(quiz):
    question = questions(quiz)["product-at"]
    (answer,) = question.findall("answer")
    assert answer.get("fraction") == "100"
    assert (answer.findtext("text"), answer.findtext("tolerance")) == ("0.9098", "0.00005")
    exact = Decimal(str(sympy.N(sympy.Rational(3, 2) * sympy.exp(-sympy.Rational(1, 2)), 30)))
    assert abs(Decimal(answer.findtext("text")) - exact) <= Decimal(answer.findtext("tolerance"))
    for tag in ("unitgradingtype", "unitpenalty", "showunits", "unitsleft"):
        assert question.find(tag) is not None


@pytest.mark.parametrize("identifier, values", [
    ("gradient-at", ["4", "9"]), ("two-steps", ["0.96", "0.36"]), ("line-fit", ["1.05", "0.66"])])
def test_cloze_questions_have_one_blank_per_coordinate(quiz, identifier, values):
    text = questions(quiz)[identifier].findtext("questiontext/text")
    blanks = CLOZE_BLANK.findall(text)
    assert [value for value, _ in blanks] == values
    assert all(0 < Decimal(tolerance) < Decimal("0.001") for _, tolerance in blanks)


def _option_value(option: ET.Element) -> sympy.Expr:
    latex = re.fullmatch(r"<p>\\\((.*)\\\)</p>", option.findtext("text"), re.DOTALL).group(1)
    (statement,) = parse_formula(latex.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    value = Evaluator(Context()).value(statement.sides[0])
    return value.xreplace({s: sympy.Symbol(s.name, real=True) for s in value.free_symbols})


def test_the_multichoice_has_one_right_answer_and_distractors_that_are_wrong(quiz):
    question = questions(quiz)["chain"]
    assert [question.findtext(tag) for tag in ("single", "shuffleanswers")] == ["true", "true"]
    options = question.findall("answer")
    fractions = [float(option.get("fraction")) for option in options]
    assert fractions.count(100) == 1 and sum(f for f in fractions if f > 0) == 100
    assert all(f in (0, 100) for f in fractions) and 4 <= len(options) <= 5
    x = sympy.Symbol("x", real=True)
    right = sympy.diff(sympy.sin(2 * x) ** 3, x)  # computed here, not by verideck
    values = [_option_value(option) for option in options]
    for value, fraction in zip(values, fractions):
        differences = [abs(sympy.N((value - right).subs(x, point))) for point in (0.3, 0.7, 1.1)]
        assert (max(differences) < 1e-12) == (fraction == 100), (value, fraction)
    assert len({sympy.srepr(v) for v in values}) == len(values)


def test_rounding_and_tolerance_follow_the_shown_digits():
    assert rounded_with_tolerance(sympy.Rational(24, 25), 4) == ("0.96", "0.00005")
    assert rounded_with_tolerance(sympy.Integer(4), 4) == ("4", "0.0005")
    assert rounded_with_tolerance(sympy.pi * 100, 3) == ("314", "0.5")


def test_the_command_writes_the_quiz(tmp_path):
    out = tmp_path / "quiz.xml"
    result = subprocess.run([sys.executable, "-m", "generator", "export", "moodle", str(SPEC), "-o", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out} (5 question(s))"
    ET.parse(out)


def test_a_deck_without_exercises_has_no_quiz(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "export", "moodle",
                             str(DECKS / "gd-first-step.en.yaml"), "-o", str(tmp_path / "q.xml")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "the deck has no exercises" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "q.xml").exists()
