"""The checker shares no code with what it checks: no solver, printer, view or template import."""
from __future__ import annotations

import ast
from pathlib import Path

CHECK = Path(__file__).resolve().parents[2] / "generator" / "check"
FORBIDDEN = ("solve", "latex", "views", "render", "build", "figures", "numbers")


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            prefix = "." * node.level + (node.module or "")
            modules.add(prefix)
            modules.update(f"{prefix}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_checker_never_imports_the_generator_side():
    offenders = []
    for path in sorted(CHECK.glob("*.py")):
        for module in imported_modules(path):
            parts = module.replace("generator.", "..").lstrip(".").split(".")
            if module.startswith("..") or module.startswith("generator"):
                if parts and parts[0] in FORBIDDEN:
                    offenders.append(f"{path.name}: {module}")
    assert offenders == []


def test_checker_reuses_only_the_expression_whitelist_the_time_limit_and_the_notation_table():
    """Input safety is shared (the function whitelist, the refusal of powers too large to compute, the time
    limit), and which languages write a decimal comma; nothing that computes or prints an answer is."""
    outside = {m for path in CHECK.glob("*.py") for m in imported_modules(path) if m.startswith("..")}
    allowed = {"..expr", "..expr.FUNCTIONS", "..expr.power_problem", "..bounded", "..bounded.OutOfTime", "..bounded.call",
               "..bounded.is_zero", "..notation", "..notation.LANGUAGES", "..notation.notation_for",
               "..notation.commas_as_latex"}
    assert outside <= allowed, outside
