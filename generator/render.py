"""Jinja rendering of a deck view into Marp Markdown.

Templates only loop and place: every string they print is finished by the
views.  The environment runs with ``StrictUndefined`` so a misspelled field is
an error, and before rendering each generated string is checked for text that
would change the deck's structure (a ``---`` line starts a new Marp slide).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from importlib import resources
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .bounded import OutOfTime, call
from .errors import RenderError, TemplateInputError
from .kinds.markdown.spec import SLIDE_BREAK
from .views import DeckView


def template_folder() -> Path:
    """The default templates, ``generator/templates/``.

    In a source checkout that is a link to the top-level ``templates/`` folder the project layout
    asks for; a wheel carries the files themselves there.
    """
    return Path(str(resources.files("generator"))) / "templates"


def environment(overrides: Path | None = None) -> jinja2.Environment:
    """Our templates, with an instructor's folder of templates in front of them (same names replace ours).

    Always Jinja's ``ImmutableSandboxedEnvironment``: a template may read the views it is given and
    loop over them, never reach Python internals (``__class__``, ``__globals__``) or change a value —
    so a template downloaded with a course can shape the slides but cannot run code.
    """
    loaders = [jinja2.FileSystemLoader(str(overrides))] if overrides is not None else []
    loaders.append(jinja2.FileSystemLoader(str(template_folder())))
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["lead"] = ""  # the instructor's paragraph under a slide's heading (the deck template sets it)
    return env


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
        if getattr(slide, "instructor_text", False):
            continue  # the instructor's own text; the spec already refused slide breaks in it
        for where, text in _generated_strings(slide, slide.id):
            if SLIDE_BREAK.search(text):
                raise RenderError(f"{where}: generated text contains a slide break: {text!r}")


TEMPLATE_SECONDS = 20.0  # an instructor's templates render in the bounded worker, within this time


def render_deck(deck: DeckView, overrides: Path | None = None) -> str:
    """The deck's Marp Markdown; with ``overrides`` (an instructor's templates) rendered in the sandbox,
    in the bounded worker, so a template that loops forever or fails is a clean error."""
    check_generated(deck)
    if overrides is None:
        try:
            text = _default_environment().get_template("deck.md.j2").render(deck=deck)
        except jinja2.TemplateError as error:
            raise RenderError(f"template error: {error}") from error
    else:
        try:
            text = call(_render_with, deck, overrides, seconds=TEMPLATE_SECONDS)
        except OutOfTime:
            raise TemplateInputError(f"{overrides}: the templates did not finish within {TEMPLATE_SECONDS:g} s") \
                from None
        except Exception as error:  # anything an instructor's template can do wrong
            lineno, filename = getattr(error, "lineno", None), getattr(error, "filename", None)
            where = f"{filename}:{lineno}: " if lineno and filename else f"{overrides}: "
            message = str(error).splitlines()[0] if str(error) else ""
            raise TemplateInputError(f"{where}template error: {type(error).__name__}: {message}") from None
    return re.sub(r"\n{3,}", "\n\n", text)


def _render_with(deck: DeckView, overrides: Path) -> str:
    return environment(overrides).get_template("deck.md.j2").render(deck=deck)


@functools.lru_cache(maxsize=1)
def _default_environment() -> jinja2.Environment:
    return environment()
