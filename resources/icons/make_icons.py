"""Draw the app icon at the usual sizes: `python resources/icons/make_icons.py`.

A meter's window with black drums and one red drum, on a blue rounded square: recognisable at 16 px,
high-contrast. Writes meter-journal-<size>.png (16…512), meter-journal.ico (Windows) and
meter-journal.icns (macOS, via Pillow); and check-mark.png, the tick of a ticked box in high contrast (ui/theme.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64
    path = QPainterPath()
    path.addRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
    p.fillPath(path, QColor("#1f5fbf"))
    p.fillRect(QRectF(8 * s, 20 * s, 48 * s, 22 * s), QColor("#ffffff"))
    drums = 4 if size < 32 else 5
    width = 46 * s / (drums + 1)
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, int(15 * s)))
    font.setBold(True)
    p.setFont(font)
    for i in range(drums + 1):
        rect = QRectF(9 * s + i * width, 22 * s, width - 1.5 * s, 18 * s)
        p.fillRect(rect, QColor("#c00000") if i == drums else QColor("#111111"))
        if size >= 48:
            p.setPen(QColor("#ffffff"))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "7" if i == drums else str((i * 3) % 10))
    p.fillRect(QRectF(14 * s, 48 * s, 36 * s, 5 * s), QColor("#ffffff"))
    p.end()
    return image


def draw_check_mark(size: int = 128) -> QImage:
    """A thick black tick on a transparent square, drawn over the yellow of a ticked box."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.moveTo(0.18 * size, 0.52 * size)
    path.lineTo(0.42 * size, 0.76 * size)
    path.lineTo(0.84 * size, 0.24 * size)
    p.setPen(QPen(QColor("#000000"), 0.14 * size, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.drawPath(path)
    p.end()
    return image


def main() -> int:
    QGuiApplication.instance() or QGuiApplication([])
    draw_check_mark().save(str(HERE / "check-mark.png"))
    for size in SIZES:
        draw(size).save(str(HERE / f"meter-journal-{size}.png"))
    from PIL import Image

    big = Image.open(HERE / "meter-journal-256.png")
    big.save(HERE / "meter-journal.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    Image.open(HERE / "meter-journal-512.png").save(HERE / "meter-journal.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
