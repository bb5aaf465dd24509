"""How tall a picture of a slide is drawn: its own size (SVG ``width``/``height``, a PNG's header) in px,
shrunk to the content box's width as the theme's ``max-width: 100%`` does."""
from __future__ import annotations

import re
import struct
from pathlib import Path
from urllib.parse import unquote

from .blocks import ImageHeight
from .geometry import Geometry

SVG_SIZE = re.compile(rb'<svg[^>]*?\swidth="([0-9.]+)(pt|px)?"[^>]*?\sheight="([0-9.]+)(pt|px)?"', re.DOTALL)
PX_PER = {b"pt": 96 / 72, b"px": 1.0, None: 1.0}


def picture_size(path: Path) -> tuple[float, float] | None:
    """(width, height) in CSS px of an SVG or PNG file, None when unknown."""
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return float(width), float(height)
    match = SVG_SIZE.search(head)
    if match:
        return (float(match.group(1)) * PX_PER[match.group(2)], float(match.group(3)) * PX_PER[match.group(4)])
    return None


def image_heights(folder: Path, page: Geometry) -> ImageHeight:
    """The drawn height of a picture referenced from a deck in ``folder`` (None for one of unknown size)."""

    def drawn(source: str) -> float | None:
        if ":" in source:
            return None
        size = picture_size(folder / unquote(source))
        if size is None or size[0] <= 0:
            return None
        width, height = size
        return height * min(1.0, page.width / width)

    return drawn
