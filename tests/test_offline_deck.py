"""A deck with the instructor's pictures, an emoji, formulas and a figure, exported to HTML and opened in Chromium
with the network cut off: the one file must draw everything by itself."""
from __future__ import annotations

import os
import textwrap

import pytest

from generator.browser import LAUNCH_ARGS, find_browser
from generator.pipeline import build_decks

pytestmark = pytest.mark.browser

DECK_URL = "http://deck.invalid/lesson.html"  # served by the test itself: every other request is refused
SPEC = """
    title: Offline
    slides:
      - kind: markdown
        title: Pictures and formulas
        body: |
          A dot ![dot](img/dot.png "a dot") and a square ![square](img/square.svg), happy 😀 :tada:,
          and $f(x) = x^2 + \\sqrt{y}$.

          $$g(x) = \\frac{x^2}{2} + \\sqrt{x}$$

          ![bg right:30%](img/square.svg)
      - kind: plot
        id: parabola
        title: A parabola
        functions: ["x**2"]
        range: [-2, 2]
"""


@pytest.fixture(scope="module")
def offline_html(tmp_path_factory) -> tuple[str, object]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder = tmp_path_factory.mktemp("offline")
    (folder / "img").mkdir()
    figure = plt.figure(figsize=(0.5, 0.5))
    figure.savefig(folder / "img" / "dot.png")
    plt.close(figure)
    (folder / "img" / "square.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
                                               '<rect width="40" height="40" fill="teal"/></svg>', encoding="utf-8")
    (folder / "lesson.yaml").write_text(textwrap.dedent(SPEC).lstrip(), encoding="utf-8")
    run = build_decks([folder / "lesson.yaml"], folder / "out", formats=("html",))
    assert run.errors == [], [line for error in run.errors for line in error.lines()]
    return (folder / "out" / "lesson.html").read_text(encoding="utf-8"), folder / "out"


def test_the_pictures_are_copied_next_to_the_markdown(offline_html):
    out = offline_html[1]
    assert (out / "lesson" / "img" / "dot.png").is_file() and (out / "lesson" / "img" / "square.svg").is_file()
    assert "![dot](lesson/img/dot.png \"a dot\")" in (out / "lesson.md").read_text(encoding="utf-8")


def test_the_html_draws_everything_with_the_network_cut_off(offline_html):
    from playwright.sync_api import sync_playwright

    html = offline_html[0]
    requests: list[str] = []

    def serve_only_the_deck(route) -> None:
        if route.request.url == DECK_URL:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
        else:
            route.abort()

    chromium = find_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium.path), args=list(LAUNCH_ARGS),
                                             env={**os.environ, **chromium.environment()})
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.on("request", lambda request: requests.append(request.url))
            page.route("**/*", serve_only_the_deck)
            page.goto(DECK_URL, wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            check_the_page(page)
        finally:
            browser.close()
    assert [url for url in requests if not url.startswith("data:")] == [DECK_URL]


def check_the_page(page) -> None:
    images = page.evaluate("[...document.images].map(i => [i.alt, i.complete && i.naturalWidth > 0, "
                           "i.src.slice(0, 30)])")
    assert {alt for alt, _, _ in images} >= {"dot", "square", "😀", "🎉"}, images
    assert all(drawn for _, drawn, _ in images), images
    assert all(src.startswith("data:image/") for _, _, src in images), images
    backgrounds = page.evaluate("""Promise.all([...document.querySelectorAll('figure[style*="background-image"]')]
        .map(f => new Promise(done => { const image = new Image(); const url = getComputedStyle(f).backgroundImage;
            image.onload = () => done(url.startsWith('url("data:') && image.naturalWidth > 0);
            image.onerror = () => done(false); image.src = url.slice(5, -2); })))""")
    assert backgrounds == [True], backgrounds
    assert page.evaluate("document.querySelectorAll('.katex').length") >= 2
    assert page.evaluate("document.querySelectorAll('.katex-error').length") == 0
    katex_faces = """[...document.fonts].filter(f => f.family.replace(/['"]/g, '').startsWith('KaTeX_'))"""
    used = page.evaluate(f"{katex_faces}.map(f => [f.family.replace(/['\"]/g, ''), f.status])")
    assert "error" not in {status for _, status in used}, used
    assert {family for family, status in used if status == "loaded"} >= {"KaTeX_Main", "KaTeX_Math"}, used
    # every KaTeX face the deck carries loads without the network, not only the ones this slide used
    every = page.evaluate(f"Promise.all({katex_faces}.map(f => f.load().then(() => f.status, () => 'error')))")
    assert every and set(every) == {"loaded"}, every
