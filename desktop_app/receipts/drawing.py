"""What the documents share: the page and the PDF's settings, text that fits, wrapping, the «ОБРАЗЕЦ» mark."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop_app.receipts.data import SAMPLE_MARK
from desktop_app.receipts.fonts import BOLD, REGULAR, register_fonts

AUTHOR = "Журнал показаний"
# Every document: A4, compressed pages, the same bytes for the same data (invariant: no creation time), and the
# embedded font from the start (no Helvetica, which has no Cyrillic and is not embedded).
CANVAS_SETTINGS: dict[str, Any] = {"pagesize": A4, "pageCompression": 1, "invariant": 1, "initialFontName": REGULAR}


def document_settings(title: str) -> dict[str, Any]:
    """The settings of a platypus document (SimpleDocTemplate's keywords), with its title and author; the fonts
    registered."""
    register_fonts()
    return {**CANVAS_SETTINGS, "title": title, "author": AUTHOR}


def one_page(title: str, draw: Callable[[Canvas], None], subject: str = "") -> bytes:
    """A one-page document drawn by `draw` on a canvas of the shared settings, as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, **CANVAS_SETTINGS)
    c.setTitle(title)
    c.setAuthor(AUTHOR)
    if subject:
        c.setSubject(subject)
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


def width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def fitted_size(text: str, font: str, size: float, room: float, minimum: float = 5.5) -> float:
    """The largest size ≤ `size` (steps of 0.25 pt, down to `minimum`) at which `text` fits in `room`."""
    while size > minimum and width(text, font, size) > room:
        size -= 0.25
    return size


def clip(text: str, font: str, size: float, room: float) -> str:
    """`text` cut with an ellipsis to fit `room` (only when shrinking was not enough)."""
    if width(text, font, size) <= room:
        return text
    while text and width(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def clip_front(text: str, font: str, size: float, room: float) -> str:
    """`text` cut at its start with an ellipsis to fit `room`: "…0123456789" keeps a serial's number."""
    if width(text, font, size) <= room:
        return text
    while text and width("…" + text, font, size) > room:
        text = text[1:]
    return "…" + text.lstrip()


def wrap(text: str, font: str, size: float, room: float, max_lines: int = 3) -> list[str]:
    """Break `text` at spaces into lines no wider than `room`; the last allowed line is clipped."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if width(candidate, font, size) <= room or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1:])]
    return [clip(line, font, size, room) for line in lines] or [""]


def draw_fitted(c: Canvas | Any, text: str, x: float, y: float, room: float, font: str, size: float, *,
                align: str = "left", minimum: float = 5.5) -> float:
    """Draw one line of text in `room` points, shrinking (then clipping) it to fit; returns the size used."""
    used = fitted_size(text, font, size, room, minimum)
    text = clip(text, font, used, room)
    c.setFont(font, used)
    if align == "right":
        c.drawRightString(x + room, y, text)
    elif align == "center":
        c.drawCentredString(x + room / 2, y, text)
    else:
        c.drawString(x, y, text)
    return used


def sample_mark(c: Canvas, x: float, y: float, w: float, h: float, size: float = 80) -> None:
    """A large diagonal «ОБРАЗЕЦ» across the box (x, y, w, h), grey and half transparent, on top of it."""
    c.saveState()
    c.setFillColor(Color(0.45, 0.45, 0.45, alpha=0.33))
    c.setStrokeColor(Color(0.45, 0.45, 0.45, alpha=0.33))
    c.translate(x + w / 2, y + h / 2)
    c.rotate(18)
    size = min(size, 0.8 * w / (width(SAMPLE_MARK, BOLD, 1) or 1))
    c.setFont(BOLD, size)
    c.drawCentredString(0, -size * 0.35, SAMPLE_MARK)
    c.restoreState()
