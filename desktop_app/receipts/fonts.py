"""The Cyrillic font of every printed document: DejaVu Sans (free licence, resources/fonts/LICENSE-DejaVu.txt).

The TTF files ship in the `resources` package and are found with importlib.resources, so they work from a
source tree, a wheel and a frozen bundle; no system font is used. reportlab embeds the subset of the glyphs
a document uses. Registration happens once per process, under a lock (documents are drawn on worker
threads).
"""

from __future__ import annotations

import threading
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
LICENSE_FILE = "LICENSE-DejaVu.txt"

_lock = threading.Lock()
_registered = False


def font_dir() -> resources.abc.Traversable:
    return resources.files("resources") / "fonts"


def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans and DejaVu Sans Bold with reportlab (once); return their names."""
    global _registered
    with _lock:
        if not _registered:
            folder = font_dir()
            for name, file_name in FILES.items():
                with resources.as_file(folder / file_name) as path:
                    pdfmetrics.registerFont(TTFont(name, str(path)))
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
            _registered = True
    return REGULAR, BOLD
