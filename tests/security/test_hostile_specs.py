"""A corpus of hostile lesson specs: each ends in a clean error — exit 2, ``file:line`` messages, no traceback —
within a generous time limit, and nothing is written outside the output folder (nor anything executed).

The specs run through the real command, each in its own process (so a regression to "hangs" fails on the
time limit instead of hanging the suite), all started at once.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

CEILING = 90  # seconds per spec; they take one or two
PLANTED = "pwned"  # the file an executed injection would create

HEAD = "title: Hostile\nslides:\n"
INJECT = "__import__('os').system('touch pwned')"


def slide(body: str) -> str:
    return HEAD + "  - " + body.strip().replace("\n", "\n    ") + "\n"


def laughs() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        refs = ",".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\ntitle: T\nslides: *a8\n"


CORPUS: dict[str, tuple[str | bytes, str]] = {
    # code injection through every field that takes an expression or a number
    "function": (slide(f'kind: derivative\nfunction: "{INJECT}"'), "names cannot start with '_'"),
    "dunder-attribute": (slide('kind: derivative\nfunction: "x.__class__"'), "attribute access is not allowed"),
    "lambda": (slide('kind: derivative\nfunction: "lambda x: x"'), "unexpected"),
    "string-literal": (slide("kind: derivative\nfunction: \"'abc'\""), "strings are not allowed"),
    "indexing": (slide('kind: derivative\nfunction: "x[0]"'), "use round brackets"),
    "at": (slide(f'kind: derivative\nfunction: x**2\nat: "{INJECT}"'), "expected a number"),
    "forms": (slide(f'kind: derivative\nfunction: x**2\nforms: ["{INJECT}"]'), "names cannot start with '_'"),
    "gradient-at": (slide(f'kind: gradient\nfunction: x*y\nat: {{x: "{INJECT}", y: 1}}'), "expected a number"),
    "start": (slide(f'kind: gradient_descent\nfunction: x**2\nstart: {{x: "{INJECT}"}}\nlearning_rate: 0.1\n'
                    'steps: 1'), "expected a number"),
    "learning-rate": (slide('kind: gradient_descent\nfunction: x**2\nstart: {x: 1}\nlearning_rate: "exec(\'1\')"\n'
                            'steps: 1'), "expected a number"),
    "tolerance": (slide(f'kind: gradient_descent\nfunction: x**2\nstart: {{x: 1}}\nlearning_rate: 0.1\n'
                        f'stop: {{tolerance: "{INJECT}"}}'), "expected a number"),
    "beta": (slide(f'kind: gradient_descent\nfunction: x**2\nstart: {{x: 1}}\nlearning_rate: 0.1\nsteps: 1\n'
                   f'method: momentum\nbeta: "{INJECT}"'), "expected a number"),
    "variable-name": (slide(f'kind: derivative\nfunction: x**2\nvariable: "{INJECT}"'), "expected a variable name"),
    "function-name": (slide('kind: derivative\nfunction: x**2\nname: "os.system"'), "expected a function name"),
    "model": (slide(f'kind: fit\nmodel: "{INJECT}"\nparams: {{w: 0}}\ndata: [[1, 2]]\nlearning_rate: 0.1\n'
                    'steps: 1'), "names cannot start with '_'"),
    "data": (slide(f'kind: fit\nmodel: w*x\nparams: {{w: 0}}\ndata: [[1, "{INJECT}"]]\nlearning_rate: 0.1\n'
                   'steps: 1'), "expected a number"),
    "plot-functions": (slide(f'kind: plot\nfunctions: ["{INJECT}"]\nrange: [0, 1]'), "names cannot start with '_'"),
    "plot-range": (slide(f'kind: plot\nfunctions: [x]\nrange: [0, "{INJECT}"]'), "expected a number"),
    "learning-rates": (slide(f'kind: learning_rates\nfunction: x**2\nstart: {{x: 1}}\n'
                             f'learning_rates: [0.1, "{INJECT}"]'), "expected a number"),
    "param-choices": (HEAD.replace("slides:", f'params:\n  a: {{choices: ["{INJECT}"]}}\nslides:') +
                      "  - kind: derivative\n    function: a*x**2\n", "expected a number"),
    # work too large to do
    "power-tower": (slide('kind: derivative\nfunction: "9**9**9**9"'), "too large"),
    "huge-exponent": (slide('kind: derivative\nfunction: "x**(10**6)"'), "too large"),
    "factorial": (slide('kind: derivative\nfunction: "factorial(10**9)"'), "unknown function 'factorial'"),
    "huge-point": (slide('kind: derivative\nfunction: x**2\nat: "10**10**10"'), "expected a number"),
    "e-notation-point": (slide("kind: derivative\nfunction: x**2\nat: 1e999999999"), "too large to write out"),
    "e-notation-rate": (slide("kind: gradient_descent\nfunction: x**2\nstart: {x: 1}\nlearning_rate: 1e-999999999\n"
                              "steps: 1"), "too large to write out"),
    "e-notation-function": (slide('kind: derivative\nfunction: "x + 1e999999999"'), "too large to write out"),
    "deep-nesting": (slide('kind: derivative\nfunction: "' + "(" * 400 + "x" + ")" * 400 + '"'), "nested more than"),
    "long-input": (slide('kind: derivative\nfunction: "' + "x+" * 1500 + 'x"'), "longer than 2000 characters"),
    "many-steps": (slide("kind: gradient_descent\nfunction: x**2\nstart: {x: 1}\nlearning_rate: 0.1\n"
                         "steps: 1000000000"), "expected a whole number from 1 to 1000"),
    "many-points": (slide("kind: fit\nmodel: w*x\nparams: {w: 0}\ndata: [" + ", ".join(["[1, 2]"] * 5000) +
                          "]\nlearning_rate: 0.1\nsteps: 1"), "expected at most 50 items"),
    # look-alikes
    "cyrillic-x": (slide('kind: derivative\nfunction: "х**2"'), "U+0445"),
    "greek-omicron": (slide('kind: derivative\nfunction: "ο**2 + 1"'), "U+03BF"),
    # paths
    "id-traversal": (slide('kind: derivative\nid: "../../etc/x"\nfunction: x**2'), "an id uses lower-case"),
    "id-absolute": (slide('kind: derivative\nid: "/tmp/x"\nfunction: x**2'), "an id uses lower-case"),
    "id-nul": (slide('kind: derivative\nid: "a\\0b"\nfunction: x**2'), "an id uses lower-case"),
    # YAML
    "billion-laughs": (laughs(), "expands to more than"),
    "duplicate-keys": ("title: A\ntitle: B\nslides:\n  - kind: derivative\n    function: x\n", "duplicate key 'title'"),
    "python-tag": ('title: !!python/object/apply:os.system ["touch pwned"]\nslides: []\n', "YAML tags"),
    "binary-garbage": (bytes(range(256)) * 4, "not UTF-8 text"),
    "latin-1": ("title: Caf\xe9\nslides: []\n".encode("latin-1"), "not UTF-8 text"),
    "empty": ("", "the file is empty"),
    "not-a-mapping": ("- a\n- b\n", "a lesson spec is a mapping"),
    "tabs": ("title: T\nslides:\n\t- kind: derivative\n", "indent with spaces, not tabs"),
    "slide-break": (slide("kind: markdown\ntitle: M\nbody: |\n  one\n  ---\n  two"), "is a slide break"),
    "too-large-file": ("title: T\n# " + "x" * 2_100_000 + "\nslides: []\n", "larger than 2 MB"),
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, float, Path]]:
    started = {}
    for name, (content, _) in CORPUS.items():
        work = tmp_path_factory.mktemp(f"hostile-{name}")
        spec = work / "spec.yaml"
        spec.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        process = subprocess.Popen([sys.executable, "-m", "generator", "build", str(spec), "-o", str(work / "out")],
                                   cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "PYTHONPATH": str(ROOT)})
        started[name] = (process, time.monotonic(), work)
    results = {}
    for name, (process, start, work) in started.items():
        try:
            stdout, stderr = process.communicate(timeout=max(1.0, CEILING - (time.monotonic() - start)))
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        results[name] = (subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr),
                         time.monotonic() - start, work)
    return results


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("name", list(CORPUS))
def test_a_hostile_spec_ends_in_a_clean_error(outcomes, name):
    result, elapsed, work = outcomes[name]
    assert elapsed < CEILING, f"{name} took {elapsed:.0f} s"
    assert result.returncode == 2, (name, result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{work / 'spec.yaml'}:"), first  # file:line: …
    assert CORPUS[name][1] in result.stderr, result.stderr[:2000]


@pytest.mark.parametrize("name", list(CORPUS))
def test_nothing_is_written_outside_the_output_folder_or_executed(outcomes, name):
    _, _, work = outcomes[name]
    written = sorted(str(p.relative_to(work)) for p in work.rglob("*"))
    assert all(path == "spec.yaml" or path == "out" or path.startswith("out/") for path in written), written
    assert not any(PLANTED in path for path in written)
    assert not (ROOT / PLANTED).exists()
    out = work / "out"
    assert not out.exists() or not any(out.iterdir())  # a failed deck leaves nothing, not even a staging folder
