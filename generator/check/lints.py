"""Problems in a formula that are not arithmetic: letters from another alphabet, unknown macros."""
from __future__ import annotations

import re
import unicodedata
from importlib import resources

# Every command the KaTeX copy of marp-core knows, listed from that KaTeX itself (``make katex-commands``;
# a test compares the list with the installed KaTeX): the checker runs no Node, yet knows what renders.
KATEX_COMMANDS = frozenset(
    line for line in resources.files(__package__).joinpath("katex_commands.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("#"))
_TEXT = re.compile(r"\\(?:text|mathrm|textbf|textit|operatorname)\{[^{}]*\}")


def lint(latex: str) -> list[str]:
    problems = []
    without_text = _TEXT.sub("", latex)
    for char in sorted(set(without_text), key=without_text.index):
        if char.isalpha() and not char.isascii() and not _is_greek(char):
            script = unicodedata.name(char, "unknown").split(" ")[0].title()
            problems.append(f"{script} letter '{char}' (U+{ord(char):04X}) inside math: KaTeX shows it, "
                            "but it is not the Latin letter it looks like")
    for macro in dict.fromkeys(re.findall(r"\\([A-Za-z]+)", latex)):
        if macro not in KATEX_COMMANDS:
            problems.append(f"unknown macro \\{macro}: KaTeX cannot render it")
    return problems


def _is_greek(char: str) -> bool:
    return unicodedata.name(char, "").startswith("GREEK")
