"""The ``markdown`` kind: a slide of the instructor's own Markdown."""
from ..base import SlideKind
from .model import MarkdownSlide, solve_markdown
from .spec import build_markdown
from .view import markdown_view

KIND = SlideKind("markdown", MarkdownSlide, build_markdown, solve_markdown, markdown_view)
