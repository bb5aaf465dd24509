"""Views: solution → frozen dataclass of finished strings; each kind's view is in its folder."""
from __future__ import annotations

from dataclasses import dataclass

from .common import Context, Figure, slide_context


@dataclass(frozen=True)
class DeckView:
    lang: str
    title: str
    subtitle: str
    front_matter: str  # YAML lines between the --- fences
    slides: tuple  # the slide views, in order
    own_theme: bool = True  # the verideck theme, which sets the sizes itself (else the template's style does)
    # what the instructor added to each slide, parallel to ``slides`` (empty for none; the handout has none):
    notes: tuple[str, ...] = ()  # the presenter's notes after the slide
    directives: tuple[tuple[tuple[str, str], ...], ...] = ()  # scoped Marp directives: (``_class``, ``columns``)
    leads: tuple[str, ...] = ()  # a paragraph under the slide's heading
    afters: tuple[str, ...] = ()  # a paragraph at the end of its last page


def slide_view(solution, ctx: Context):
    """The view of one solution, by its kind's view; it names its kind's template."""
    from ..kinds import kind_of

    kind = kind_of(solution)
    view = kind.view(solution, slide_context(ctx, solution.slide))
    assert view.template == kind.template, f"the view of {kind.name} names the template {view.template!r}"
    return view


__all__ = ["Context", "DeckView", "Figure", "slide_view"]
