"""Jinja rendering of a deck view into Marp Markdown.

Templates only loop and place: every string they print is finished by the
views.  The environment runs with ``StrictUndefined`` so a misspelled field is
an error, and before rendering each generated string is checked for text that
would change the deck's structure (a ``---`` line starts a new Marp slide).
"""
from __future__ import annotations

import dataclasses
import re
from importlib import resources
from pathlib import Path

import jinja2

from .errors import RenderError
from .views import DeckView

SLIDE_BREAK = re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$", re.MULTILINE)


def template_folder() -> Path:
    """The default templates.

    In a source checkout they are the top-level ``templates/`` folder; an
    installed wheel carries the same files as ``generator/templates/``
    (``pyproject.toml`` maps one onto the other).
    """
    packaged = Path(str(resources.files("generator"))) / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "templates"


def environment(folder: Path | None = None) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder or template_folder())),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _generated_strings(value, path: str):
    """Every string inside a view (dataclasses, tuples), with where it sits."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _generated_strings(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _generated_strings(item, f"{path}[{index}]")


def check_generated(deck: DeckView) -> None:
    for slide in deck.slides:
        if slide.template == "markdown":
            continue  # the instructor's text; the spec already refused slide breaks in it
        for where, text in _generated_strings(slide, slide.id):
            if SLIDE_BREAK.search(text):
                raise RenderError(f"{where}: generated text contains a slide break: {text!r}")


def render_deck(deck: DeckView, env: jinja2.Environment | None = None) -> str:
    check_generated(deck)
    env = env or environment()
    try:
        text = env.get_template("deck.md.j2").render(deck=deck)
    except jinja2.TemplateError as error:
        raise RenderError(f"template error: {error}") from error
    return re.sub(r"\n{3,}", "\n\n", text)
