"""No code path evaluates input text: the package never calls eval/exec/sympify/parse_expr."""
from __future__ import annotations

import re

from conftest import ROOT

FORBIDDEN = re.compile(r"\b(eval|exec|sympify|parse_expr|S)\s*\(")


def test_package_never_evaluates_text():
    offenders = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if FORBIDDEN.search(code):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_yaml_is_only_read_safely():
    for path in sorted((ROOT / "generator").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "yaml.load(" not in text and "yaml.unsafe_load" not in text and "FullLoader" not in text, path
