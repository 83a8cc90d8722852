"""The readings slip: a paper note of a period's readings for the supplier's boxes at post offices.

Two identical slips on an A4 sheet, separated by a dashed cut line: one for the box, one to keep. Each has
the account, the holder, the address, the meter number, the date the readings were taken, the period and
the readings per zone (digits before the comma only), large and clear, and lines for a signature and a
phone number.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.receipts import drawing
from desktop_app.receipts.data import SlipData, period_words
from desktop_app.receipts.fonts import BOLD, REGULAR

PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
SLIP_H = 125 * mm
COPIES = ("Экземпляр для ящика", "Экземпляр для себя")


def _field(c: Canvas, label: str, value: str, x: float, y: float, w: float, *, bold: bool = False) -> None:
    c.setFont(REGULAR, 9)
    c.drawString(x, y, label)
    start = x + drawing.width(label, REGULAR, 9) + 2 * mm
    drawing.draw_fitted(c, value, start + 0.5 * mm, y, x + w - start - 0.5 * mm, BOLD if bold else REGULAR, 11)
    c.setLineWidth(0.5)
    c.line(start, y - 2.5, x + w, y - 2.5)


def _slip(c: Canvas, data: SlipData, top: float, copy: str) -> None:
    x, w = MARGIN, PAGE_W - 2 * MARGIN
    c.setLineWidth(1)
    c.rect(x, top - SLIP_H, w, SLIP_H, stroke=1, fill=0)
    inner, room = x + 6 * mm, w - 12 * mm
    y = top - 11 * mm
    c.setFont(REGULAR, 7.5)
    c.drawRightString(inner + room, y + 4 * mm, copy)
    drawing.draw_fitted(c, "Показания прибора учёта электроэнергии", inner, y - 2 * mm, room, BOLD, 14)
    y -= 8 * mm
    supplier = f"Для {data.supplier_name}" if data.supplier_name else "Для поставщика электроэнергии"
    drawing.draw_fitted(c, supplier + " — ящик для показаний в отделении почты", inner, y, room, REGULAR, 9)
    y -= 11 * mm
    _field(c, "Лицевой счёт", data.account, inner, y, room * 0.5 - 4 * mm, bold=True)
    _field(c, "Прибор учёта №", data.meter, inner + room * 0.5, y, room * 0.5, bold=True)
    y -= 9 * mm
    _field(c, "Ф.И.О.", data.holder, inner, y, room)
    y -= 9 * mm
    _field(c, "Адрес", data.address, inner, y, room)
    y -= 9 * mm
    _field(c, "Дата снятия показаний", data.taken_on.strftime("%d.%m.%Y"), inner, y, room * 0.5 - 4 * mm,
           bold=True)
    _field(c, "Расчётный период", period_words(data.period), inner + room * 0.5, y, room * 0.5)
    # the readings table
    y -= 9 * mm
    widths = [room * 0.28, room * 0.42, room * 0.30]
    head_h, row_h = 7 * mm, 10 * mm
    c.setLineWidth(0.8)
    c.rect(inner, y - head_h - row_h * len(data.zones), room, head_h + row_h * len(data.zones), stroke=1, fill=0)
    cx = inner
    for head, cw in zip(("Зона", "Часы зоны", "Показания, кВт·ч"), widths, strict=True):
        c.setFont(BOLD, 8.5)
        c.drawCentredString(cx + cw / 2, y - head_h + 2.4 * mm, head)
        cx += cw
    c.line(inner, y - head_h, inner + room, y - head_h)
    ry = y - head_h
    for label, hours, value in data.zones:
        drawing.draw_fitted(c, label, inner + 2 * mm, ry - row_h + 3.5 * mm, widths[0] - 4 * mm, REGULAR, 11)
        drawing.draw_fitted(c, hours, inner + widths[0] + 2 * mm, ry - row_h + 3.6 * mm, widths[1] - 4 * mm,
                            REGULAR, 9)
        c.setFont(BOLD, 16)
        c.drawRightString(inner + room - 4 * mm, ry - row_h + 3 * mm, str(value))  # digits as on the drum
        ry -= row_h
        c.line(inner, ry, inner + room, ry)
    cx = inner
    for cw in widths[:-1]:
        cx += cw
        c.line(cx, y, cx, ry)
    c.setFont(REGULAR, 7)
    c.drawString(inner, ry - 4 * mm, "Показания записаны без цифр после запятой.")
    # signature and phone
    sy = top - SLIP_H + 8 * mm
    c.setFont(REGULAR, 9)
    c.drawString(inner, sy, "Подпись ____________________")
    c.drawRightString(inner + room, sy, "Телефон для связи ______________________")


def render_slip(data: SlipData) -> bytes:
    return drawing.one_page(f"Показания: лицевой счёт {data.account}, {period_words(data.period)}",
                            lambda c: _page(c, data))


def _page(c: Canvas, data: SlipData) -> None:
    """Two copies of the slip, one above the other, with the line to cut between them."""
    top = PAGE_H - MARGIN
    _slip(c, data, top, COPIES[0])
    cut = top - SLIP_H - 9 * mm
    c.saveState()
    c.setDash(4, 3)
    c.setLineWidth(0.6)
    c.line(8 * mm, cut, PAGE_W - 8 * mm, cut)
    c.restoreState()
    label = "✂  линия отреза"
    label_w = drawing.width(label, REGULAR, 8) + 4 * mm
    c.setFillColorRGB(1, 1, 1)
    c.rect(PAGE_W / 2 - label_w / 2, cut - 2.5 * mm, label_w, 5 * mm, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(REGULAR, 8)
    c.drawCentredString(PAGE_W / 2, cut - 1 * mm, label)
    _slip(c, data, cut - 9 * mm, COPIES[1])
