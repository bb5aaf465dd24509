"""The built HTML deck in a real browser (Debian's Chromium via Playwright): every formula renders."""
from __future__ import annotations

import re
import shutil
import sys

import pytest

from conftest import DECKS, ROOT
from generator.pipeline import build_decks

sys.path.insert(0, str(ROOT / "tools"))
from screenshot import first_math_slide, open_deck, photograph  # noqa: E402

ARTIFACTS = ROOT / "tests" / "artifacts"
SPECS = sorted(DECKS.glob("*.yaml"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.fail("Chromium is not installed: apt-get install -y chromium (.ci/run installs it)")
    out = tmp_path_factory.mktemp("html")
    run = build_decks(SPECS, out, formats=("html",))
    assert run.errors == []
    return out


def expected_pages(markdown: str) -> int:
    """Slides the Markdown declares: the title slide plus one per slide break after the front matter."""
    body = markdown.split("\n---\n", 1)[1]
    return 1 + len(re.findall(r"^---$", body, re.MULTILINE))


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.name)
def test_every_formula_renders_in_chromium(built, spec):
    stem = spec.name.removesuffix(".yaml")
    html = built / f"{stem}.html"
    with open_deck(html) as page:
        assert page.evaluate("document.querySelectorAll('.katex').length") > 20
        assert page.evaluate("document.querySelectorAll('.katex-error').length") == 0
        red = page.evaluate("""[...document.querySelectorAll('.katex *')]
            .filter(e => getComputedStyle(e).color === 'rgb(204, 0, 0)').length""")
        assert red == 0
        widths = page.evaluate("[...document.images].map(i => i.complete ? i.naturalWidth : 0)")
        assert widths and all(width > 0 for width in widths)
        sections = page.evaluate("document.querySelectorAll('section').length")
        assert sections == expected_pages((built / f"{stem}.md").read_text(encoding="utf-8"))
        fonts = page.evaluate("""[...document.fonts].filter(f => f.family.replace(/['"]/g, '') === 'KaTeX_Main')
            .map(f => f.status)""")
        assert "loaded" in fonts, fonts
        assert "error" not in fonts, fonts
        photograph(page, first_math_slide(page), ARTIFACTS / f"{stem}.first-math-slide.png")
    assert (ARTIFACTS / f"{stem}.first-math-slide.png").stat().st_size > 10_000


def test_html_is_self_contained(built):
    text = (built / "gd-first-step.en.html").read_text(encoding="utf-8")
    assert "file://" not in text and "cdn.jsdelivr" not in text
    assert "data:font/woff2;base64," in text and "data:image/svg+xml;base64," in text
