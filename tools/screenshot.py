"""Open a built HTML deck in headless Chromium with Playwright, and inspect or photograph it.

    python tools/screenshot.py build/gd-first-step.en.html docs/slide.png [--slide N]

Without --slide it photographs the first slide that shows display math. The same helpers serve
the browser tests; the Chromium is the one generator/browser.py chooses.
"""
from __future__ import annotations

import argparse
import os
from contextlib import contextmanager
from pathlib import Path

from generator.browser import LAUNCH_ARGS, Browser, find_browser

VIEWPORT = {"width": 1280, "height": 720}


@contextmanager
def open_deck(html: Path, chromium: Browser | None = None):
    """A Playwright page showing ``html`` once its fonts have loaded, in ``chromium`` (default: verideck's choice)."""
    from playwright.sync_api import sync_playwright

    chromium = chromium or find_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium.path), args=list(LAUNCH_ARGS),
                                             env={**os.environ, **chromium.environment()})
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(html.resolve().as_uri())
            page.evaluate("document.fonts.ready.then(() => true)")
            yield page
        finally:
            browser.close()


def first_math_slide(page) -> int:
    return page.evaluate("""[...document.querySelectorAll('section')]
        .findIndex(s => s.querySelector('.katex-display'))""")


def photograph(page, slide: int, target: Path) -> None:
    """Show slide ``slide`` (0-based) full screen and save it as PNG."""
    page.evaluate(f"location.hash = '#{slide + 1}'")
    page.add_style_tag(content=".bespoke-marp-osc { display: none !important; }")  # the on-screen controls
    page.wait_for_timeout(300)
    page.evaluate("document.fonts.ready.then(() => true)")
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--slide", type=int, help="1-based slide number (default: the first with display math)")
    args = parser.parse_args()
    with open_deck(args.html) as page:
        slide = args.slide - 1 if args.slide else first_math_slide(page)
        photograph(page, slide, args.png)
    print(f"wrote {args.png} (slide {slide + 1})")


if __name__ == "__main__":
    main()
