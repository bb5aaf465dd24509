"""Every formula goes through the KaTeX copy marp-core renders with, in strict mode."""
from __future__ import annotations

import pytest

from conftest import DECKS
from generator.export import validate_formulas
from generator.toolchain import Toolchain, ToolchainError, require_toolchain
from generator.pipeline import build_decks


@pytest.fixture(scope="module")
def toolchain() -> Toolchain:
    try:
        return require_toolchain()
    except ToolchainError as error:
        pytest.fail(f"{error} — `make test` installs it with `npm ci`")


def test_strict_katex_refuses_what_would_render_red(toolchain):
    formulas = [{"id": "broken", "latex": r"\frac{1}{", "display": True},
                {"id": "macro", "latex": r"\foo x", "display": False},
                {"id": "cyrillic", "latex": "\u0435^{x}", "display": False},
                {"id": "russian", "latex": r"\tg x + \ctg x + \arctg x + \arcctg x", "display": False},
                {"id": "ours", "latex": r"\left\lvert x \right\rvert + \operatorname{arccot}{\left(x \right)}",
                 "display": True}]
    failures = {f["id"]: f["error"] for f in validate_formulas(toolchain, formulas)}
    assert set(failures) == {"broken", "macro", "cyrillic"}
    assert "Undefined control sequence: \\foo" in failures["macro"]
    assert "Unicode text character" in failures["cyrillic"]


def test_example_decks_render_in_strict_mode(example_build):
    _, run = example_build
    assert [error.lines() for error in run.errors] == []
    assert len(run.built) == len(list(DECKS.glob("*.yaml")))


def test_a_broken_formula_fails_the_build_with_file_and_line(tmp_path, write_spec):
    spec = write_spec("""
        title: Broken
        slides:
          - kind: markdown
            title: A fraction
            body: |
              The half is $\\frac{1}{$ of it.
    """)
    run = build_decks([spec], tmp_path / "out")
    (error,) = run.errors
    lines = error.lines()
    assert lines[0].startswith(f"{tmp_path / 'out' / 'lesson.md'}:") and "KaTeX cannot render" in lines[0]
    assert error.exit_code == 1
    assert not (tmp_path / "out" / "lesson.md").exists()


def test_a_cyrillic_letter_in_math_fails_the_build(tmp_path, write_spec):
    spec = write_spec("""
        title: Look-alike
        slides:
          - kind: markdown
            title: Exponent
            body: |
              We write $\u0435^{x}$ here.
    """)
    (error,) = build_decks([spec], tmp_path / "out").errors
    assert "U+0435" in "\\n".join(error.lines())
    assert not (tmp_path / "out" / "lesson.md").exists()


def test_missing_toolchain_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("VERIDECK_ROOT", str(tmp_path))  # authoritative: the checkout's node_modules is not used
    with pytest.raises(ToolchainError, match=f"run `npm ci` in {tmp_path}"):
        require_toolchain()
