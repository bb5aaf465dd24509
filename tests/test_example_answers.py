"""The two example decks, built for real, print the hand-verified answers.

Hand check of the English deck (f = x² + xy + y², start (1.3, 5.4), η = 0.01):
∂f/∂x = 2·1.3 + 5.4 = 8, ∂f/∂y = 1.3 + 2·5.4 = 12.1,
x₁ = 1.3 − 0.01·8 = 1.22, y₁ = 5.4 − 0.01·12.1 = 5.279,
f(x₁, y₁) = 1.4884 + 6.44038 + 27.867841 = 35.796621.
The hand-typed seed deck had 7, 12.7, 1.226, 5.273 and 5.27 instead: none of them may appear.
"""
from __future__ import annotations

import json
import re
from fractions import Fraction
from pathlib import Path

import pytest
import sympy
import yaml

from generator.expr import parse_expression


ROOT = Path(__file__).resolve().parent.parent
DECKS = ROOT / "decks"
EN = DECKS / "gd-first-step.en.yaml"
RU = DECKS / "derivatives-gd.ru.yaml"
ANSWER_KEYS = {"slide", "what", "value", "latex"}


@pytest.fixture(scope="module")
def built(example_build):
    _, run = example_build
    by_stem = {result.deck.stem: result for result in run.built}
    decks = {}
    for lang, spec in (("en", EN), ("ru", RU)):
        result = by_stem[spec.stem]
        decks[lang] = {
            "result": result,
            "markdown": result.markdown.read_text(encoding="utf-8"),
            "answers_text": result.answers.read_text(encoding="utf-8"),
            "spec": yaml.safe_load(spec.read_text(encoding="utf-8")),
        }
    return decks


def slides_of(markdown: str) -> list[str]:
    """The slides of a Marp deck (front matter dropped), split at '---' lines."""
    parts = re.split(r"^---[ \t]*$", markdown, flags=re.MULTILINE)
    assert parts[0].strip() == "" and len(parts) > 3, "expected front matter between the first two '---'"
    return [part for part in parts[2:] if part.strip()]


def math_of(text: str) -> list[str]:
    """Every $$…$$ display and $…$ inline formula of a Markdown text."""
    display = re.findall(r"\$\$(.+?)\$\$", text, flags=re.DOTALL)
    rest = re.sub(r"\$\$(.+?)\$\$", " ", text, flags=re.DOTALL)
    inline = re.findall(r"\$([^$\n]+)\$", rest)
    return display + inline


def display_math(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"^\$\$\n(.*?)\n\$\$$", text, flags=re.DOTALL | re.MULTILINE)]


def instructor_titles(spec: dict) -> set[str]:
    return {slide["title"] for slide in spec["slides"] if slide["kind"] == "markdown"}


def generated_slides(deck: dict) -> list[str]:
    """Slides the generator wrote (not the instructor's markdown slides, not the title slide)."""
    titles = instructor_titles(deck["spec"])
    slides = []
    for slide in slides_of(deck["markdown"]):
        heading = re.search(r"^## (.+)$", slide, flags=re.MULTILINE)
        if "<!-- _class: lead -->" in slide:
            continue
        assert heading, f"slide without a heading:\n{slide}"
        if heading.group(1).strip() not in titles:
            slides.append(slide)
    return slides


def answers(deck: dict) -> list[dict]:
    return json.loads(deck["answers_text"])["answers"]


def answer(deck: dict, slide: str, what: str) -> dict:
    matches = [a for a in answers(deck) if a["slide"] == slide and a["what"] == what]
    assert len(matches) == 1, f"{len(matches)} answers for {slide!r} / {what!r}"
    return matches[0]


def has_result(markdown: str, text: str) -> bool:
    """``text`` occurs, and is not merely the start of a longer number (``= 8`` is not ``= 80``)."""
    return re.search(re.escape(text) + r"(?![\d.{])", markdown) is not None


# -- the English deck ---------------------------------------------------------------

@pytest.mark.parametrize("line", [
    r"2 \cdot 1.3 + 5.4 = 8",
    r"1.3 + 2 \cdot 5.4 = 12.1",
    r"x_{1} = 1.3 - 0.01 \cdot 8 = 1.22",
    r"y_{1} = 5.4 - 0.01 \cdot 12.1 = 5.279",
    r"1.22^{2} + 1.22 \cdot 5.279 + 5.279^{2} = 35.796621",
    r"\left(x_{1}, y_{1}\right) = \left(1.22, 5.279\right)",
])
def test_english_deck_prints_the_hand_verified_lines(built, line):
    assert has_result(built["en"]["markdown"], line), line


def test_english_deck_gradient_at_the_start(built):
    markdown = built["en"]["markdown"]
    assert has_result(markdown, r"\frac{\partial f}{\partial x}\left(1.3, 5.4\right) = 2 \cdot 1.3 + 5.4 = 8")
    assert has_result(markdown, r"\frac{\partial f}{\partial y}\left(1.3, 5.4\right) = 1.3 + 2 \cdot 5.4 = 12.1")
    assert r"\frac{\partial f}{\partial x} = 2 x + y" in markdown
    assert r"\frac{\partial f}{\partial y} = x + 2 y" in markdown


@pytest.mark.parametrize("wrong", [
    r"=\s*7(?![\d.,])",  # ∂f/∂x is 8, not 7
    r"12\.7",
    r"1\.226",
    r"5\.273",
    r"5\.27(?!\d)",  # y₁ is 5.279, not 5.27
])
def test_english_deck_has_none_of_the_seed_deck_numbers(built, wrong):
    for formula in math_of(built["en"]["markdown"]):
        assert not re.search(wrong, formula), f"{wrong!r} in {formula!r}"
    for entry in answers(built["en"]):
        assert not re.fullmatch(wrong.replace(r"=\s*", ""), entry["latex"]), entry


def test_english_deck_keeps_the_instructor_slides(built):
    markdown = built["en"]["markdown"]
    for slide in built["en"]["spec"]["slides"]:
        if slide["kind"] == "markdown":
            assert f"## {slide['title']}" in markdown
            for line in slide["body"].strip().splitlines():
                assert line in markdown


def test_english_deck_stopping_rule_fires_after_step_33(built):
    markdown = built["en"]["markdown"]
    assert "after step 33" in markdown  # checked independently with fractions in test_solve_descent


# -- the Russian deck -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    r"0{,}1",  # η = 0,1
    r"0{,}01",  # the tolerance
    r"0{,}25",  # σ'(0) = 1/4
    r"\tg",
    r"\arctg",
    "Ответ",
    "Производная",
    "Градиентный спуск для L(w) = w² + 12: шаг 1",
])
def test_russian_deck_uses_russian_notation(built, text):
    assert text in built["ru"]["markdown"]


@pytest.mark.parametrize("text", [r"\tan", r"\arctan", "Answer", "Step", "Given"])
def test_russian_deck_has_no_english_notation(built, text):
    assert text not in built["ru"]["markdown"]


def test_russian_deck_hand_verified_lines(built):
    markdown = built["ru"]["markdown"]
    assert has_result(markdown, r"w_{1} = 5 - 0{,}1 \cdot 10 = 4")  # 5 − 0,1·2·5
    assert has_result(markdown, r"L\left(w_{1}\right) = 4^{2} + 12 = 28")
    assert has_result(markdown, r"\sigma'\left(0\right) = \frac{e^{- 0}}{\left(1 + e^{- 0}\right)^{2}} = 0{,}25")
    # the last link of each derivation (on one line or in an aligned block)
    assert r"= \frac{2 x}{\cos^{2}{\left(x^{2} \right)}}" in markdown
    assert r"= \frac{6 x^{2} \arctg{\left(x^{3} \right)}}{x^{6} + 1}" in markdown
    assert r"= - \frac{\cos{\left(\sqrt{x} \right)} \tg{\left(\sin{\left(\sqrt{x} \right)} \right)}}{\sqrt{x}}" in markdown
    assert r"= \frac{e^{- x}}{\left(1 + e^{- x}\right)^{2}}" in markdown
    assert "17" in markdown and r"L\left(w_{17}\right)" in markdown


def test_russian_generated_formulas_use_decimal_commas(built):
    generated = generated_slides(built["ru"])
    assert len(generated) >= 8
    formulas = [formula for slide in generated for formula in math_of(slide)]
    assert len(formulas) > 20
    assert any("{,}" in formula for formula in formulas)
    offending = [formula for formula in formulas if re.search(r"\d\.\d", formula)]
    assert offending == []
    # the display formulas between $$ lines, explicitly
    blocks = [block for slide in generated for block in display_math(slide)]
    assert len(blocks) > 10
    assert not [block for block in blocks if re.search(r"\d\.\d", block)]


def test_russian_generated_text_has_no_decimal_point(built):
    for slide in generated_slides(built["ru"]):
        text = re.sub(r"\]\([^)]*\)", "]", slide)  # figure paths may contain dots
        assert not re.search(r"\d\.\d", text), text


def test_russian_instructor_slides_are_copied_verbatim(built):
    markdown = built["ru"]["markdown"]
    for slide in built["ru"]["spec"]["slides"]:
        if slide["kind"] == "markdown":
            assert f"## {slide['title']}" in markdown
            for line in slide["body"].strip().splitlines():
                assert line in markdown


# -- answers.json -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ru"])
def test_answers_json_lists_complete_entries(built, lang):
    document = json.loads(built[lang]["answers_text"])
    assert document["deck"] == built[lang]["result"].deck.stem and document["lang"] == lang
    assert document["exercises"] == []  # these decks pose no exercises
    entries = answers(built[lang])
    assert isinstance(entries, list) and entries
    for entry in entries:
        assert isinstance(entry, dict)
        assert set(entry) == ANSWER_KEYS
        assert all(isinstance(entry[key], str) and entry[key] for key in ANSWER_KEYS)
    pairs = [(e["slide"], e["what"]) for e in entries]
    assert len(pairs) == len(set(pairs))
    spec_ids = {slide.get("id") for slide in built[lang]["spec"]["slides"]}
    assert {e["slide"] for e in entries} <= spec_ids


@pytest.mark.parametrize("slide, what, value, latex", [
    ("first-step", "step 1 x", Fraction(122, 100), "1.22"),
    ("first-step", "step 1 y", Fraction(5279, 1000), "5.279"),
    ("first-step", "step 1 f", Fraction(35796621, 1000000), "35.796621"),
    ("first-step", "step 1 partial x", Fraction(8), "8"),
    ("first-step", "step 1 partial y", Fraction(121, 10), "12.1"),
    ("gradient-at-start", "partial x at point", Fraction(8), "8"),
    ("gradient-at-start", "partial y at point", Fraction(121, 10), "12.1"),
    ("many-steps", "step 1 x", Fraction(1, 2), "0.5"),  # 1.3 − 0.1·8
    ("many-steps", "step 1 y", Fraction(419, 100), "4.19"),  # 5.4 − 0.1·12.1
])
def test_english_answers(built, slide, what, value, latex):
    entry = answer(built["en"], slide, what)
    assert entry["value"] == str(value)  # "61/50" for 1.22: the exact value in the expression grammar
    assert entry["latex"] == latex
    assert parse_expression(entry["value"]) == sympy.Rational(value.numerator, value.denominator)


def test_english_answer_for_step_1_x_is_61_over_50(built):
    entry = answer(built["en"], "first-step", "step 1 x")
    assert entry["value"] == "61/50"
    assert entry["latex"] == "1.22"


def test_english_partials_answers(built):
    assert answer(built["en"], "first-step", "partial x")["latex"] == "2 x + y"
    assert answer(built["en"], "first-step", "partial y")["latex"] == "x + 2 y"


def test_russian_answers(built):
    deck = built["ru"]
    entry = answer(deck, "sigmoid", "derivative at point")
    assert (entry["value"], entry["latex"]) == ("1/4", "0{,}25")
    # w_{k+1} = 0,8·w_k from 5: w₂ = 3,2, L(w₂) = 22,24
    assert answer(deck, "descent-w", "step 2 w")["latex"] == "3{,}2"
    assert answer(deck, "descent-w", "step 2 L")["value"] == str(Fraction(2224, 100))
    last = Fraction(5) * Fraction(4, 5) ** 17
    assert answer(deck, "descent-w", "step 17 w")["value"] == str(last)
    assert answer(deck, "descent-w", "step 17 L")["value"] == str(last * last + 12)
    assert not [a for a in answers(deck) if a["slide"] == "descent-w" and a["what"].startswith("step 18")]
    assert r"\arctg" in answer(deck, "exercise-arctg", "derivative")["latex"]
    assert r"\tg" in answer(deck, "exercise-ln-cos", "derivative")["latex"]
    for entry in answers(deck):
        assert not re.search(r"\d\.\d", entry["latex"]), entry
        assert r"\tan" not in entry["latex"] and r"\arctan" not in entry["latex"]


def test_russian_tangent_answers(built):
    deck = built["ru"]
    assert answer(deck, "tangent-sin", "tangent value")["value"] == "sin(1)"
    assert answer(deck, "tangent-sin", "tangent slope")["value"] == "cos(1)"
    assert answer(deck, "sigmoid-plot", "tangent value")["value"] == "1/2"
    assert answer(deck, "sigmoid-plot", "tangent slope")["value"] == "1/4"


def test_figures_are_written_next_to_the_decks(built):
    en, ru = built["en"]["result"], built["ru"]["result"]
    assert [p.name for p in en.figures] == ["many-steps-loss.svg", "many-steps.svg"]
    assert sorted(p.name for p in ru.figures) == ["descent-w-loss.svg", "descent-w.svg", "rates-w-panels-2.svg",
                                                  "rates-w-panels.svg", "sigmoid-plot.svg", "tangent-sin.svg"]
    for figure in (*en.figures, *ru.figures):
        assert figure.is_file() and figure.stat().st_size > 0
    assert "](gd-first-step.en/many-steps.svg)" in built["en"]["markdown"]
