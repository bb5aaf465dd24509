"""The layout probe: built HTML decks measured in headless Chromium, slide by slide.

Marp draws each slide as a ``<section>`` inside ``<svg data-marpit-svg>``; the page is shown as it prints
(every slide one below the other, each at the slide's own size: 1280×720, or 960×720 with ``size: 4:3``), so
positions and sizes come out in pixels of the slide page.  For every slide the probe finds

* **overflow**: drawn content (text, formulas, pictures) past the bottom of the slide's content area (the page
  without its bottom padding, the band a theme keeps for the footer and the page number) or past the right
  edge of the page — what collides with the footer or what a projector cuts off;
* **the smallest text**: the drawn size of each piece of text — its computed font size times the scale of
  every transform above it, Marp's auto-scaling (``<marp-auto-scaling>``, ``<svg data-marp-fitting>``)
  included.  A formula counts at the size of its ``.katex`` box (its exponents and indices are smaller by
  design); the running ``header`` and ``footer`` of the theme are left out.

One browser serves the whole build (:class:`LayoutProbe`); a page per HTML file.  Playwright drives the
Chromium that ``browser.py`` chooses, with the same flags and environment as the browser tests.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType

from .browser import LAUNCH_ARGS, Browser, find_browser
from .check.extract import slide_breaks
from .sources import Origin, SourceMap
from .toolchain import ToolchainError

TEXT_FLOOR = 20.0  # px on the slide page: the smallest text readable from the back of a lecture hall
OVERFLOW_TOLERANCE = 1.0  # px: sub-pixel rounding of glyph boxes is not overflow
PROBE_TIMEOUT_MS = 120_000

# Runs in the page: every slide's drawn extent past its section box and its smallest drawn text.
MEASURE_JS = r"""
async () => {
  await document.fonts.ready;
  const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
  await frame(); await frame(); await frame();  // Marp's auto-scaling settles on resize observers
  const DRAWN = new Set(['IMG', 'SVG', 'VIDEO', 'CANVAS', 'IFRAME', 'OBJECT', 'HR', 'svg', 'video', 'canvas']);
  const clipCache = new Map();
  const clipsOf = (element, section) => {  // ancestors that cut off what overflows them (overflow not visible)
    const clips = [];
    const up = node => node.assignedSlot || node.parentElement || node.getRootNode().host;  // the drawn tree
    for (let node = element; node && node !== section; node = up(node)) {
      if (!(node instanceof Element)) continue;
      if (!clipCache.has(node)) {
        const style = getComputedStyle(node);
        clipCache.set(node, [style.overflowX !== 'visible', style.overflowY !== 'visible']);
      }
      const [x, y] = clipCache.get(node);
      if (x || y) clips.push([node.getBoundingClientRect(), x, y]);
    }
    return clips;
  };
  const clipped = (rect, clips) => {
    let right = rect.right, bottom = rect.bottom, left = rect.left, top = rect.top;
    for (const [box, x, y] of clips) {
      if (x) { right = Math.min(right, box.right); left = Math.max(left, box.left); }
      if (y) { bottom = Math.min(bottom, box.bottom); top = Math.max(top, box.top); }
    }
    return right > left && bottom > top ? {right, bottom} : null;
  };
  const squeeze = text => text.replace(/\s+/g, ' ').trim();
  const tex = katex => {
    const source = katex.querySelector('annotation');
    return squeeze(source ? source.textContent : katex.textContent);
  };
  const plain = node => {  // the text as the instructor wrote it: a formula as its TeX between $…$
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (!(node instanceof Element) || node.classList.contains('katex-mathml')) return '';
    if (node.classList.contains('katex')) return `$${tex(node)}$`;
    return [...node.childNodes].map(plain).join('');
  };
  const describe = element => {
    const katex = element.closest('.katex');
    if (katex) return 'formula ' + tex(katex).slice(0, 60);
    const text = squeeze(plain(element));
    const alt = element.getAttribute && element.getAttribute('alt');
    const name = element.tagName.toLowerCase();
    return text ? `<${name}> "${text.slice(0, 60)}"` : (alt ? `<${name}> "${alt.slice(0, 60)}"` : `<${name}>`);
  };
  const scaleOf = element => {  // on-screen size per layout size, through every transform above it
    for (let node = element; node; node = node.parentElement) {
      if (node.offsetWidth > 0) return node.getBoundingClientRect().width / node.offsetWidth;
    }
    return 1;
  };
  const sections = [...document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')];
  return sections.map((section, index) => {
    const box = section.getBoundingClientRect();
    const page = box.width / section.offsetWidth;  // screen px per slide-page px
    const band = parseFloat(getComputedStyle(section).paddingBottom) || 0;  // the footer's band, page px
    const top = parseFloat(getComputedStyle(section).paddingTop) || 0;
    const reach = {bottom: [0, ''], right: [0, '']};
    let used = 0;  // how far down the content reaches, from the top of the content box
    const extend = (rect, element) => {
      const seen = clipped(rect, clipsOf(element, section));
      if (!seen) return;
      if (!element.closest('header, footer')) used = Math.max(used, (seen.bottom - box.top) / page - top);
      const bottom = (seen.bottom - box.bottom) / page + band, right = (seen.right - box.right) / page;
      if (bottom > reach.bottom[0]) reach.bottom = [bottom, describe(element)];
      if (right > reach.right[0]) reach.right = [right, describe(element)];
    };
    let smallest = null;
    const sized = new Map();
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const parent = text.parentElement;
      if (!parent || !text.textContent.trim() || parent.closest('.katex-mathml')) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
      if (!rects.length) continue;
      for (const rect of rects) extend(rect, parent);
      if (parent.closest('header, footer')) continue;
      const holder = parent.closest('.katex') || parent;
      if (!sized.has(holder)) {
        const size = parseFloat(getComputedStyle(holder).fontSize) * scaleOf(holder) / page;
        sized.set(holder, size);
        if (smallest === null || size < smallest[0] - 0.01) smallest = [size, describe(holder)];
      }
    }
    for (const element of section.querySelectorAll('*')) {
      if (!DRAWN.has(element.tagName) || element.closest('.katex-mathml')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) extend(rect, element.parentElement || element);
    }
    const heading = section.querySelector('h1, h2, h3, h4, h5, h6');
    return {index, width: section.offsetWidth, height: section.offsetHeight,
            heading: heading ? squeeze(plain(heading)) : '',
            bottom: reach.bottom, right: reach.right, band, used, smallest};
  });
}
"""

VIEWBOX_JS = r"""() => {
  const svg = document.querySelector('svg[data-marpit-svg]');
  const box = svg && svg.viewBox && svg.viewBox.baseVal;
  return box && box.width ? [box.width, box.height] : null;
}"""


@dataclass(frozen=True)
class Overflow:
    side: str  # "bottom" (of the content area) or "right" (of the page)
    pixels: float  # how far the content runs past that edge, in px of the slide page
    element: str  # what reaches furthest: '<p> "text"' or 'formula \frac{…}'
    band: float = 0.0  # the page's bottom band below the content area (footer, page number), px

    def describe(self) -> str:
        if self.side == "right":
            return f"{round(self.pixels)} px past the right edge"
        if self.pixels <= self.band:
            return f"{round(self.pixels)} px into the bottom margin (footer and page number)"
        return f"{round(self.pixels - self.band)} px past the bottom"


@dataclass(frozen=True)
class SlideLayout:
    """What the probe measured on one slide (``index`` counts from 0, in the order of the deck)."""

    index: int
    heading: str  # the slide's first heading as drawn ("" when it has none)
    size: tuple[int, int]  # the slide page in px (1280×720; 960×720 for 4:3)
    overflows: tuple[Overflow, ...]
    smallest_text: float | None  # px on the slide page (None: the slide has no text)
    smallest_element: str
    used_height: float = 0.0  # how far down the content reaches, from the top of the content box (px)

    def small_text(self, floor: float = TEXT_FLOOR) -> bool:
        return self.smallest_text is not None and round(self.smallest_text) < floor


def _slide(measured: dict) -> SlideLayout:
    """A slide's measurements as the page script returns them."""
    band = round(measured.get("band", 0.0), 1)
    overflows = tuple(Overflow(side, round(measured[side][0], 1), measured[side][1], band if side == "bottom" else 0.0)
                      for side in ("bottom", "right") if measured[side][0] > OVERFLOW_TOLERANCE)
    smallest = measured["smallest"]
    return SlideLayout(measured["index"], measured["heading"], (measured["width"], measured["height"]), overflows,
                       round(smallest[0], 1) if smallest else None, smallest[1] if smallest else "",
                       round(measured.get("used", 0.0), 1))


class LayoutProbe:
    """One headless Chromium, started on first use and kept for every deck of the build.

    ``with LayoutProbe() as probe: probe.measure(html)``; ``launches`` counts the browsers started by
    every probe of this process (the build starts at most one).
    """

    launches = 0

    def __init__(self, browser: Browser | None = None):
        self._chosen = browser
        self._playwright = None
        self._browser = None

    def __enter__(self) -> LayoutProbe:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _start(self):
        """The browser, launched once (Playwright drives verideck's Chromium; nothing is downloaded)."""
        if self._browser is not None:
            return self._browser
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise ToolchainError("the layout probe needs the Python package playwright "
                                 "(`pip install playwright`; no browser download: verideck brings its Chromium)") \
                from error
        chromium = self._chosen or find_browser()
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=str(chromium.path), args=list(LAUNCH_ARGS),
                                                             env={**os.environ, **chromium.environment()})
        except Exception as error:
            self.close()
            raise ToolchainError(f"the layout probe could not start Chromium ({chromium.path}): {error}") from error
        LayoutProbe.launches += 1
        return self._browser

    def measure(self, html: Path) -> list[SlideLayout]:
        """Every slide of one HTML deck, in order."""
        page = self._start().new_page(viewport={"width": 1280, "height": 720})
        try:
            page.set_default_timeout(PROBE_TIMEOUT_MS)
            page.emulate_media(media="print")  # Marp's print layout: every slide shown, each at the page size
            page.goto(html.resolve().as_uri())
            size = page.evaluate(VIEWBOX_JS)
            if size is not None and (round(size[0]), round(size[1])) != (1280, 720):
                page.set_viewport_size({"width": round(size[0]), "height": round(size[1])})
            return [_slide(measured) for measured in page.evaluate(MEASURE_JS)]
        finally:
            page.close()

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None


def probe(htmls: list[Path], browser: Browser | None = None) -> dict[Path, list[SlideLayout]]:
    """Every slide of every HTML deck, measured in one browser."""
    with LayoutProbe(browser) as layout:
        return {html: layout.measure(html) for html in htmls}


def slide_lines(markdown: str) -> list[int]:
    """For each slide of a Marp deck, in the order Marp draws them, the line (1-based) that names it: its first
    heading, else its first line of text (the title page: line 1)."""
    lines = markdown.splitlines()
    breaks = slide_breaks(markdown)
    named = [1]
    for start, end in zip(breaks, breaks[1:] + [len(lines) + 1]):
        own = [number for number in range(start + 1, end) if lines[number - 1].strip()]
        heading = next((number for number in own if lines[number - 1].lstrip().startswith("#")), None)
        named.append(heading or (own[0] if own else start))
    return named


def slide_origins(markdown: str, sources: SourceMap, layouts: list[SlideLayout]) -> list[Origin]:
    """Where each measured slide comes from in the spec: by the order of the slide breaks, or — when Marp split
    the deck otherwise (``headingDivider``) — by the slide's heading."""
    lines = slide_lines(markdown)
    if len(lines) == len(layouts):
        return [sources.origin(line) for line in lines]
    titles = {part.title: part.first_line for part in sources.parts}
    return [sources.origin(titles.get(layout.heading, 1)) for layout in layouts]


@dataclass(frozen=True)
class LayoutReport:
    """The probe's findings on one document, as lines for people (``file:line (slide "title"): …``)."""

    slides: int
    overflows: tuple[str, ...]
    small_text: tuple[str, ...]


def overflow_text(overflows: tuple[Overflow, ...]) -> str:
    """``content runs 85 px past the bottom of the slide`` (or into its bottom margin, and/or past its right edge)."""
    return f"content runs {' and '.join(o.describe() for o in overflows)} of the slide"


def report(markdown: str, sources: SourceMap, layouts: list[SlideLayout], document: str,
           floor: float = TEXT_FLOOR) -> LayoutReport:
    """The overflowing slides and the slides with text under ``floor`` px of one document (``document`` names it,
    e.g. ``lesson.md``), each with its spec line and slide title."""
    overflows, small = [], []
    for origin, layout in zip(slide_origins(markdown, sources, layouts), layouts):
        where = replace(origin, title=layout.heading or origin.title).describe()  # ("Adam: iterations", not "Adam")
        slide = f"slide {layout.index + 1} of {document}"
        if layout.overflows:
            overflows.append(f"{where}: overflow: {overflow_text(layout.overflows)} "
                             f"({slide}; furthest: {layout.overflows[0].element})")
        if layout.small_text(floor):
            small.append(f"{where}: smallest text {round(layout.smallest_text or 0)} px (floor {floor:g} px) "
                         f"({slide}: {layout.smallest_element})")
    return LayoutReport(len(layouts), tuple(overflows), tuple(small))
