"""The payment receipt, form PD-4, with the GOST R 56042-2014 payment QR code (docs/DOMAIN.md).

An A4 sheet holds the form's two equal halves, «Извещение» (top) and «Квитанция» (bottom), each framed:
a left column (52 mm) with the half's title and «Кассир» — the Извещение's also holds the QR code, 44 mm
wide, error correction M — and the right part with, in order: "Форма № ПД-4"; the payee's name; INN/KPP
and settlement account; bank and BIC; correspondent account; purpose and the payer's personal account
number; the payer's full name and address; the period and the meter number; the per-zone table (previous
and current reading, kWh, price, amount) and under it, in plain words, what the sum is made of (the
period's charge, the debt or overpayment at its start, the payments in and after it, «Итого к оплате»)
and the day it is counted to; "Сумма платежа … руб. … коп." and the bank's fee to fill in; "Итого" and
the date to fill in; the consent sentence; the payer's signature line. Receipts from sample payee details
carry a large «ОБРАЗЕЦ».

`render_receipt(data)` returns the PDF's bytes; it touches no database, so it runs on any thread.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QR8bitByte
from reportlab.lib.colors import black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.receipts import drawing
from desktop_app.receipts.data import SAMPLE_NOTE, ReceiptData, period_words, price_text, rub, rub_kop
from desktop_app.receipts.fonts import BOLD, REGULAR
from desktop_app.receipts.qr_mask import make_with_best_mask

PAGE_W, PAGE_H = A4
MARGIN_X = 12 * mm
MARGIN_TOP = 10 * mm
HALF_H = 130 * mm
LEFT_W = 52 * mm
FORM_W = PAGE_W - 2 * MARGIN_X
RIGHT_W = FORM_W - LEFT_W
PAD = 3 * mm
QR_SIZE = 44 * mm
QR_LEVEL = "M"
MAX_GAP = 2.0
QR_BORDER = 4  # modules of quiet zone

CONSENT = ("С условиями приема указанной в платежном документе суммы, в т.ч. с суммой взимаемой платы за услуги "
           "банка, ознакомлен и согласен.")
SIZE = 8.5  # the values
CAPTION = 5.5  # the small captions under the lines
TITLE = "Извещение", "Квитанция"


class _Dry:
    """A canvas that draws nothing: the first pass measures the right part's height."""

    def __getattr__(self, _name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


class _Flow:
    """Draws the right part top-down; `gap` scales the space between rows so that the content fits."""

    def __init__(self, c: Canvas | _Dry, x: float, top: float, w: float, gap: float) -> None:
        self.c, self.x, self.y, self.w, self.gap = c, x, top, w, gap

    def space(self, points: float) -> None:
        self.y -= points * self.gap

    def wide(self, value: str, caption: str, *, bold: bool = False) -> None:
        """A value across the whole width on an underlined line (two lines when it is long), captioned."""
        font = BOLD if bold else REGULAR
        size, lines = SIZE, [value]
        if drawing.width(value, font, SIZE) > self.w:
            size = drawing.fitted_size(value, font, SIZE, self.w, minimum=7)
            if drawing.width(value, font, size) > self.w:
                for size in (7.5, 7.0, 6.5):
                    lines = drawing.wrap(value, font, size, self.w - 1 * mm, max_lines=2)
                    if not lines[-1].endswith("…"):
                        break
        for line in lines:
            self.y -= size + 1
            self.c.setFont(font, size)
            self.c.drawString(self.x + 0.5 * mm, self.y, line)
            self.c.setLineWidth(0.5)
            self.c.line(self.x, self.y - 2, self.x + self.w, self.y - 2)
        self.c.setFont(REGULAR, CAPTION)
        self.c.drawCentredString(self.x + self.w / 2, self.y - 2 - CAPTION - 0.5, caption)
        self.y -= 2 + CAPTION + 1.5

    def field(self, columns: list[tuple[float, str, str, str]]) -> None:
        """Values on underlined lines with small captions below. columns: (share of width, label, value,
        caption); the label, if any, is printed before the value on the same line."""
        c = self.c
        self.y -= SIZE + 1
        x = self.x
        for index, (share, label, value, caption) in enumerate(columns):
            room = self.w * share - (3 * mm if index < len(columns) - 1 else 0)
            start = x
            if label:
                c.setFont(REGULAR, 7)
                c.drawString(x, self.y, label)
                start = x + drawing.width(label, REGULAR, 7) + 1.5 * mm
            drawing.draw_fitted(c, value, start + 0.5 * mm, self.y, x + room - start - 0.5 * mm, REGULAR, SIZE)
            c.setLineWidth(0.5)
            c.line(start, self.y - 2, x + room, self.y - 2)
            if caption:
                c.setFont(REGULAR, CAPTION)
                c.drawCentredString((start + x + room) / 2, self.y - 2 - CAPTION - 0.5, caption)
            x += self.w * share
        self.y -= 2 + CAPTION + 1.5 if any(col[3] for col in columns) else 3

    def labelled(self, label: str, value: str, *, lines: int = 1) -> None:
        """A label followed by a value on underlined lines: shrunk to fit, then wrapped onto up to `lines`."""
        c = self.c
        label_w = drawing.width(label, REGULAR, 7) + 1.5 * mm
        room = self.w - label_w - 1 * mm
        size = drawing.fitted_size(value, REGULAR, SIZE, room, minimum=7)
        parts = [value]
        if drawing.width(value, REGULAR, size) > room:
            for size in (7.5, 7.0, 6.5, 6.0):
                parts = drawing.wrap(value, REGULAR, size, room, max_lines=lines)
                if not parts[-1].endswith("…"):
                    break
        for index, part in enumerate(parts):
            self.y -= size + 2 if index == 0 else size + 1.5
            if index == 0:
                c.setFont(REGULAR, 7)
                c.drawString(self.x, self.y, label)
            drawing.draw_fitted(c, part, self.x + label_w + 0.5 * mm, self.y, room, REGULAR, size)
            c.setLineWidth(0.5)
            c.line(self.x + label_w, self.y - 2, self.x + self.w, self.y - 2)
        self.y -= 3

    def text(self, parts: list[tuple[str, str, float]], *, size_after: float = 2,
             right: list[tuple[str, str, float]] | None = None) -> None:
        """One line of runs (text, font, size) from the left; `right` runs end at the right edge (left out
        when they would meet the left runs)."""
        c = self.c
        height = max(size for _, _, size in parts + (right or []))
        self.y -= height + 1
        x = self.x
        for text, font, size in parts:
            c.setFont(font, size)
            c.drawString(x, self.y, text)
            x += drawing.width(text, font, size)
        if right:
            right_w = sum(drawing.width(text, font, size) for text, font, size in right)
            if x + 3 * mm <= self.x + self.w - right_w:
                rx = self.x + self.w - right_w
                for text, font, size in right:
                    c.setFont(font, size)
                    c.drawString(rx, self.y, text)
                    rx += drawing.width(text, font, size)
        self.y -= size_after

    def paragraph(self, text: str, size: float) -> None:
        for line in drawing.wrap(text, REGULAR, size, self.w, max_lines=3):
            self.y -= size + 1.5
            self.c.setFont(REGULAR, size)
            self.c.drawString(self.x, self.y, line)
        self.y -= 2


def _table(flow: _Flow, data: ReceiptData) -> None:
    """The per-zone table, then what the amount to pay is made of (ReceiptData.composition) under it."""
    c, x, w = flow.c, flow.x, flow.w
    several = len(data.meters) > 1
    heads = ["Зона", *(["Счётчик"] if several else []), "Предыдущие показания", "Текущие показания",
             "Расход, кВт·ч", "Тариф, руб./кВт·ч", "Сумма, руб."]
    shares = [0.17, *([0.15] if several else []), 0.16, 0.16, 0.14, 0.18, 0.19]
    scale = 1 / sum(shares)
    widths = [w * s * scale for s in shares]
    row_size = 7.5
    head_size = min(drawing.fitted_size(max(h.split(), key=lambda word: drawing.width(word, BOLD, 6)), BOLD, 6,
                                        cw - 2 * mm, minimum=4.5) for h, cw in zip(heads, widths, strict=True))
    head_lines = [drawing.wrap(h, BOLD, head_size, cw - 2 * mm, max_lines=2) for h, cw in zip(heads, widths,
                                                                                           strict=True)]
    head_h = max(len(lines) for lines in head_lines) * (head_size + 1.5) + 3
    row_h = row_size + 4.5
    top = flow.y
    c.setLineWidth(0.5)
    # header
    cx = x
    for lines, cw in zip(head_lines, widths, strict=True):
        ty = top - (head_h - len(lines) * (head_size + 1.5)) / 2 - head_size
        for line in lines:
            c.setFont(BOLD, head_size)
            c.drawCentredString(cx + cw / 2, ty, line)
            ty -= head_size + 1.5
        cx += cw
    y = top - head_h
    for line in data.lines:
        cells = [line.zone, *([line.meter] if several else []), str(line.previous), str(line.current),
                 str(line.kwh), price_text(line.prices) or "неизвестен",
                 rub(line.amount) if line.amount is not None else "—"]
        cx = x
        for index, (cell, cw) in enumerate(zip(cells, widths, strict=True)):
            room = cw - 2.4 * mm
            if several and index == 1:  # a long serial: its end (the number) matters
                size = drawing.fitted_size(cell, REGULAR, row_size, room, minimum=5.5)
                c.setFont(REGULAR, size)
                c.drawString(cx + 1.2 * mm, y - row_size - 1.8, drawing.clip_front(cell, REGULAR, size, room))
            else:
                drawing.draw_fitted(c, cell, cx + 1.2 * mm, y - row_size - 1.8, room, REGULAR, row_size,
                                    align="left" if index == 0 else "right")
            cx += cw
        y -= row_h
    # the grid
    c.rect(x, y, w, top - y, stroke=1, fill=0)
    c.line(x, top - head_h, x + w, top - head_h)
    for index in range(1, len(data.lines)):
        c.line(x, top - head_h - index * row_h, x + w, top - head_h - index * row_h)
    cx = x
    for cw in widths[:-1]:
        cx += cw
        c.line(cx, top, cx, y)
    # what the sum is made of, under the amount column
    amount_x = x + w - widths[-1]
    for label, value, bold in data.composition():
        y -= row_size + 3.5
        font = BOLD if bold else REGULAR
        c.setFont(font, row_size)
        if value:
            c.drawRightString(amount_x - 1.5 * mm, y, label + ":")
            c.drawRightString(x + w - 1.2 * mm, y, value)
        else:  # the day the sum is counted to
            c.drawRightString(x + w - 1.2 * mm, y, label)
    flow.y = y - 3


def _period_line(flow: _Flow, data: ReceiptData) -> None:
    """The period, then the meter number(s) in the room left on the line (shrunk, then cut at the front)."""
    c = flow.c
    flow.y -= SIZE + 1
    x = flow.x
    # The month in words only («октябрь 2026 г.»): a code like 2026-10 means nothing on a paper form.
    for text, font, size in (("Период: ", REGULAR, 7), (period_words(data.period), BOLD, SIZE),
                             ("     Прибор учёта № ", REGULAR, 7)):
        c.setFont(font, size)
        c.drawString(x, flow.y, text)
        x += drawing.width(text, font, size)
    meters = data.meters[-1] if len(data.meters) == 1 else f"{data.meters[-1]} (после замены)"
    room = flow.x + flow.w - x
    size = drawing.fitted_size(meters, BOLD, SIZE, room, minimum=6)
    c.setFont(BOLD, size)
    c.drawString(x, flow.y, drawing.clip_front(meters, BOLD, size, room))
    flow.y -= 2


def _right_part(c: Canvas | _Dry, data: ReceiptData, x: float, top: float, w: float, gap: float) -> float:
    """Draw the right part of one half from `top` down; return the height used."""
    flow = _Flow(c, x, top, w, gap)
    payee = data.payee
    c.setFont(REGULAR, 7)
    c.drawRightString(x + w, top - 8, "Форма № ПД-4")
    if data.is_sample:
        c.setFont(BOLD, 6.5)
        c.drawString(x, top - 8, drawing.clip(SAMPLE_NOTE, BOLD, 6.5, w - 25 * mm))
    flow.y -= 9
    flow.space(3)
    flow.wide(payee.name, "(наименование получателя платежа)", bold=True)
    flow.space(2)
    flow.field([(0.42, "", f"{payee.inn} / {payee.kpp}", "(ИНН / КПП получателя платежа)"),
                (0.58, "", payee.account, "(номер счёта получателя платежа)")])
    flow.space(2)
    flow.field([(0.68, "в", payee.bank, "(наименование банка получателя платежа)"),
                (0.32, "БИК", payee.bic, "")])
    flow.space(2)
    flow.field([(1.0, "Номер кор./сч. банка получателя платежа", payee.corr, "")])
    flow.space(2)
    flow.field([(0.64, "", f"Электроэнергия за {period_words(data.period)}", "(наименование платежа)"),
                (0.36, "", data.account, "(номер лицевого счёта плательщика)")])
    flow.space(2)
    flow.labelled("Ф.И.О. плательщика", data.holder)
    flow.space(1)
    flow.labelled("Адрес плательщика", data.address, lines=2)
    flow.space(2)
    _period_line(flow, data)
    flow.space(3)
    _table(flow, data)
    flow.space(3)
    roubles, kopecks = rub_kop(data.amount)
    flow.text([("Сумма платежа ", REGULAR, 8), (roubles, BOLD, 9), (" руб. ", REGULAR, 8), (kopecks, BOLD, 9),
               (" коп.", REGULAR, 8)], right=[("Сумма платы за услуги ______ руб. ____ коп.", REGULAR, 8)])
    flow.space(4)
    flow.text([("Итого ____________ руб. ____ коп.", REGULAR, 8)],
              right=[("«____» ________________ 20____ г.", REGULAR, 8)])
    flow.space(3)
    flow.paragraph(CONSENT, 6.5)
    flow.space(4)
    flow.text([("Подпись плательщика ", REGULAR, 8), ("______________________________", REGULAR, 8)],
              size_after=0)
    return top - flow.y


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code's matrix: the payload's UTF-8 bytes in byte mode, error correction M, version as needed
    (reportlab.graphics.barcode.qr does the encoding; its mask is chosen by qr_mask, as reportlab would)."""
    widget = QrCodeWidget([QR8bitByte(payload)], barLevel=QR_LEVEL)
    make_with_best_mask(widget.qr)
    return [[bool(module) for module in row] for row in widget.qr.modules]


def _qr(c: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The payment QR code on a white square with its 4-module quiet zone, dark modules as one filled path
    (one rectangle per run of dark modules in a row: far cheaper than a shape per module)."""
    modules = qr_modules(payload)
    count = len(modules)
    box = size / (count + 2 * QR_BORDER)
    c.setFillColor(white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    path = c.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (r + QR_BORDER + 1) * box
        col = 0
        while col < count:
            if row[col]:
                start = col
                while col < count and row[col]:
                    col += 1
                path.rect(x + (start + QR_BORDER) * box, top, (col - start) * box, box)
            else:
                col += 1
    c.setFillColor(black)
    c.drawPath(path, stroke=0, fill=1)


def _half(c: Canvas, data: ReceiptData, top: float, index: int, gap: float) -> None:
    left = MARGIN_X
    bottom = top - HALF_H
    c.setLineWidth(1)
    c.rect(left, bottom, FORM_W, HALF_H, stroke=1, fill=0)
    c.line(left + LEFT_W, bottom, left + LEFT_W, top)
    if index == 0:
        drawing.draw_fitted(c, TITLE[0], left, top - 9 * mm, LEFT_W, BOLD, 13, align="center")
        qr_y = top - 14 * mm - QR_SIZE
        _qr(c, data.qr_payload, left + (LEFT_W - QR_SIZE) / 2, qr_y, QR_SIZE)
        c.setFont(REGULAR, 6)
        c.drawCentredString(left + LEFT_W / 2, qr_y - 3 * mm, "Оплата по QR-коду:")
        c.drawCentredString(left + LEFT_W / 2, qr_y - 5.5 * mm, "наведите камеру приложения банка")
    else:
        drawing.draw_fitted(c, TITLE[1], left, bottom + 26 * mm, LEFT_W, BOLD, 13, align="center")
    c.setFont(BOLD, 10)
    c.drawCentredString(left + LEFT_W / 2, bottom + 10 * mm, "Кассир")
    _right_part(c, data, left + LEFT_W + PAD, top - 1.5 * mm, RIGHT_W - 2 * PAD, gap)
    if data.is_sample:
        drawing.sample_mark(c, left, bottom, FORM_W, HALF_H, size=90)


def _gap(data: ReceiptData) -> float:
    """The factor of the space between rows that makes the right part fill its half (ending 6 mm above the
    bottom): above 1 spreads a short receipt evenly, below 1 (down to 0.2) fits a long table."""
    room = HALF_H - 1.5 * mm - 6 * mm
    used = _right_part(_Dry(), data, 0, 0, RIGHT_W - 2 * PAD, 1.0)
    fixed = _right_part(_Dry(), data, 0, 0, RIGHT_W - 2 * PAD, 0.0)
    return min(MAX_GAP, max(0.2, (room - fixed) / (used - fixed)))


def render_receipt(data: ReceiptData) -> bytes:
    """The PD-4 receipt of `data` as PDF bytes (A4, the font embedded)."""

    def draw(c: Canvas) -> None:
        gap = _gap(data)
        top = PAGE_H - MARGIN_TOP
        for index in range(2):
            _half(c, data, top - index * HALF_H, index, gap)
        c.setFont(REGULAR, 6)
        c.drawString(MARGIN_X, PAGE_H - MARGIN_TOP - 2 * HALF_H - 4 * mm,
                     "Квитанция подготовлена программой «Журнал показаний» по данным журнала и счёта поставщика.")

    return drawing.one_page(f"Квитанция ПД-4: лицевой счёт {data.account}, {period_words(data.period)}", draw,
                            subject=data.payee.name)

