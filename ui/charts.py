"""A small bar chart drawn with QPainter: consumption per zone or money per month.

Readable in high contrast and in greyscale: every series has its own hatch pattern as well as a colour,
values are written on the axis, and the legend names each pattern.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PATTERNS = [Qt.BrushStyle.SolidPattern, Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.CrossPattern]
COLOURS = ["#1f5fbf", "#b35900", "#2e7d32"]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | int | None, ...]  # None: no data for that month (no bar, not a zero)


def round_ticks(top: Decimal | int, count: int = 4) -> list[Decimal]:
    """Round values for the axis, from 0 to at least `top`, about `count` steps: 0, 100, 200, 300, 400 kWh rather
    than 0, 77.5, 155, 232.5, 310. A step is 1, 2, 2.5 or 5 times a power of ten."""
    top = Decimal(top)
    if top <= 0:
        return [Decimal(0), Decimal(1)]
    raw = top / count
    power = Decimal(10) ** (raw.adjusted())
    step = next(power * m for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
                if power * m >= raw)
    steps = int((top / step).to_integral_value(rounding="ROUND_CEILING"))
    return [step * i for i in range(steps + 1)]


def _number(value: Decimal) -> str:
    """An axis value: 1 000, 2,5 (the language's separators), no trailing zeros."""
    text = f"{value.normalize():f}"
    whole, _, fraction = text.partition(".")
    return QLocale().toString(int(whole)) + (QLocale().decimalPoint() + fraction if fraction else "")


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.unit = ""
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: tuple[str, ...], series: tuple[Series, ...], unit: str) -> None:
        self.labels, self.series, self.unit = labels, series, unit
        names = ", ".join(s.name for s in series)
        none = self.tr("no data")
        self.setAccessibleDescription(f"{names}: " + "; ".join(  # a label's two lines read as one
            f"{' '.join(label.split())} " + " / ".join(none if s.values[i] is None else str(s.values[i])
                                                      for s in series)
            for i, label in enumerate(labels)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.windowText().color()
        painter.fillRect(self.rect(), palette.base())
        metrics = painter.fontMetrics()
        if not self.labels or not self.series:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No data for this period yet."))
            return
        ticks = round_ticks(max((v for s in self.series for v in s.values if v is not None), default=0))
        top = ticks[-1]
        left = max(metrics.horizontalAdvance(_number(tick) + " ") for tick in ticks) + 12
        legend_h = metrics.height() + 10
        bottom = metrics.height() * 2 + 8
        plot = QRectF(left, legend_h + 8, self.width() - left - 12, self.height() - legend_h - bottom - 8)
        painter.setPen(QPen(text, 1))
        for tick in ticks:
            y = plot.bottom() - plot.height() * float(tick / top)
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), _number(tick))
        group = plot.width() / len(self.labels)
        bar = group * 0.8 / len(self.series)
        for s_index, series in enumerate(self.series):
            colour = QColor(COLOURS[s_index % 3]) if not _dark(palette.base().color()) else QColor("#ffff00")
            brush = QBrush(colour, PATTERNS[s_index % 3])
            for i, value in enumerate(series.values):
                if value is None:
                    continue  # a month without data: a gap, not a bar
                height = plot.height() * float(value) / float(top)
                x = plot.left() + group * i + group * 0.1 + bar * s_index
                rect = QRectF(x, plot.bottom() - height, bar - 2, height)
                painter.fillRect(rect, brush)
                painter.setPen(QPen(text, 1))
                painter.drawRect(rect)
        widest = max(metrics.horizontalAdvance(line + " ") for label in self.labels for line in label.split("\n"))
        step = max(1, int(len(self.labels) * widest / max(plot.width(), 1)) + 1)
        for i, label in enumerate(self.labels):
            if i % step:
                continue
            x = plot.left() + group * i
            painter.drawText(QRectF(x - 10, plot.bottom() + 4, group * step + 20, metrics.height() * 2),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), label)
        x = plot.left()
        for s_index, series in enumerate(self.series):
            colour = QColor(COLOURS[s_index % 3]) if not _dark(palette.base().color()) else QColor("#ffff00")
            box = QRectF(x, 4, metrics.height() * 1.4, metrics.height())
            painter.fillRect(box, QBrush(colour, PATTERNS[s_index % 3]))
            painter.drawRect(box)
            painter.drawText(int(box.right() + 6), int(box.bottom() - 3), series.name)
            x = box.right() + 18 + metrics.horizontalAdvance(series.name)
        painter.drawText(QRectF(0, 4, self.width() - 8, metrics.height()),
                         int(Qt.AlignmentFlag.AlignRight), self.unit)


def _dark(colour: QColor) -> bool:
    return colour.lightness() < 80
