"""Every formula goes through the KaTeX copy marp-core renders with, with marp-core's settings: what it would draw
as red source text fails the build, and nothing else does."""
from __future__ import annotations

import subprocess

import pytest

from conftest import DECKS, ROOT
from generator.check.lints import KATEX_COMMANDS
from generator.export import validate_formulas
from generator.toolchain import Toolchain, ToolchainError, require_toolchain
from generator.pipeline import build_decks


@pytest.fixture(scope="module")
def toolchain() -> Toolchain:
    try:
        return require_toolchain()
    except ToolchainError as error:
        pytest.fail(f"{error} — `make test` installs it with `npm ci`")


def failures_of(toolchain, formulas, display=False) -> dict[str, str]:
    return {f["id"]: f["error"] for f in validate_formulas(toolchain, [
        {"id": name, "latex": latex, "display": display, "document": document}
        for name, latex, document in formulas])}


def test_katex_refuses_what_would_render_red(toolchain):
    failures = failures_of(toolchain, [("broken", r"\frac{1}{", 0), ("macro", r"\foo x", 0),
                                       ("untrusted", r"\href{https://example.org}{x}", 0)], display=True)
    assert failures == {"broken": "Unexpected end of input in a macro argument, expected '}' at end of input: "
                                  "\\frac{1}{",
                        "macro": "Undefined control sequence: \\foo",
                        "untrusted": "KaTeX draws part of it in its error colour (a command it does not run with "
                                     "marp-core's settings)"}


def test_katex_renders_with_marp_cores_settings_not_stricter(toolchain):
    """No false alarms: what marp-core draws correctly passes, warnings of KaTeX's strict mode included."""
    renders = [r"\tg x + \ctg x + \arctg x + \arcctg x",
               r"\left\lvert x \right\rvert + \operatorname{arccot}{\left(x \right)}",
               r"f \coloneqq x^2", r"f \overset{\text{def}}{=} x^2", r"a \stackrel{\text{def}}{=} b",
               r"a \mathrel{:=} b", r"{a \over b}", r"\Re z + \R", r"x \tag{1}",
               "f'(x) > 0 % unchecked",  # a comment at the end: a warning in strict mode, drawn fine
               "\u0435^{x}"]  # drawn; the checker's lint reports the look-alike letter
    assert failures_of(toolchain, [(str(i), latex, 0) for i, latex in enumerate(renders)], display=True) == {}


def test_a_global_macro_serves_the_later_formulas_of_its_deck_only(toolchain):
    failures = failures_of(toolchain, [("define", r"\gdef\RR{\mathbb{R}} x \in \RR", 0),
                                       ("same deck", r"y \in \RR", 0), ("other deck", r"y \in \RR", 1)])
    assert failures == {"other deck": "Undefined control sequence: \\RR"}


def test_the_checkers_list_of_katex_commands_is_the_installed_katexs(toolchain):
    """The checker runs no Node; its macro lint reads generator/check/katex_commands.txt (`make katex-commands`)."""
    listed = subprocess.run(["node", str(toolchain.validator.with_name("katex-commands.js"))], env=toolchain.environment(),
                            capture_output=True, text=True, check=True, timeout=120).stdout
    stored = (ROOT / "generator" / "check" / "katex_commands.txt").read_text(encoding="utf-8")
    assert listed == stored, "run `make katex-commands` after updating marp-cli"
    assert {"frac", "coloneqq", "stackrel", "oint", "over", "tg"} <= KATEX_COMMANDS
    assert not {"mleft", "arccot", "sech"} & KATEX_COMMANDS


def test_example_decks_render_with_katex(example_build):
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
    assert lines[0] == (f'{spec}:6 (slide "A fraction"): KaTeX cannot render: \\frac{{1}}{{ — Unexpected end of '
                        "input in a macro argument, expected '}' at end of input: \\frac{1}{")
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
