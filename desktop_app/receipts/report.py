"""The yearly report of an account: consumption and money per month and zone, payments, the balance.

A PDF (A4) with two charts drawn with reportlab graphics and the table, and the same table as CSV.
The charts are readable in greyscale and by people who do not tell colours apart: every zone and every
money series has its own pattern (solid dark, diagonal hatching, light with an outline), a legend with
the same swatches, and each bar carries its value as a label.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop_app.document_language import in_document_language
from desktop_app.receipts import drawing
from desktop_app.receipts.data import MONTHS, MONTHS_SHORT, ReportData, group_thousands, rub
from desktop_app.receipts.fonts import BOLD, REGULAR

PAGE_W, PAGE_H = A4
MARGIN = 12 * mm
CHART_W = PAGE_W - 2 * MARGIN
DARK = colors.Color(0.15, 0.15, 0.15)
LIGHT = colors.Color(0.82, 0.82, 0.82)
# Patterns by series: (fill, hatch) — hatch "diagonal" draws black diagonal lines over a white fill.
PATTERNS = [(DARK, None), (colors.white, "diagonal"), (LIGHT, None)]
NONE = "—"


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=12)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=15, leading=19, spaceAfter=2 * mm),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=3 * mm,
                             spaceAfter=1 * mm),
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
    }


# --- the charts -------------------------------------------------------------------------------------------


def _hatch(x: float, y: float, w: float, h: float, step: float = 3.0) -> Iterator[Line]:
    """Diagonal lines (45°) filling the rectangle, clipped to it."""
    t = -h
    while t < w:
        x0, y0 = (x, y - t) if t < 0 else (x + t, y)
        x1, y1 = (x + w, y + (w - t)) if t + h > w else (x + t + h, y + h)
        if x1 > x0:
            yield Line(x0, y0, x1, y1, strokeColor=colors.black, strokeWidth=0.6)
        t += step


def _bar(d: Drawing, x: float, y: float, w: float, h: float, pattern: int) -> None:
    fill, hatch = PATTERNS[pattern % len(PATTERNS)]
    d.add(Rect(x, y, w, h, fillColor=fill, strokeColor=colors.black, strokeWidth=0.6))
    if hatch and h > 0:
        for line in _hatch(x, y, w, h):
            d.add(line)


def _nice_top(value: float) -> tuple[float, float]:
    """An axis maximum ≥ value and a round step (1, 2, 2.5 or 5 × 10^n), about 4–6 gridlines."""
    if value <= 0:
        return 1.0, 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for factor in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        step = magnitude * factor
        if value / step <= 5:
            top = step * (int(value / step) + (0 if value % step == 0 else 1))
            return float(top), float(step)
    return float(value), float(value)


def _legend(d: Drawing, items: list[str], x: float, y: float) -> None:
    for index, label in enumerate(items):
        _bar(d, x, y - 1, 9, 7, index)
        d.add(String(x + 12, y, label, fontName=REGULAR, fontSize=7.5))
        x += 12 + stringWidth(label, REGULAR, 7.5) + 12


def _frame(d: Drawing, left: float, bottom: float, plot_w: float, plot_h: float, top: float, step: float,
           unit: str) -> None:
    value = 0.0
    while value <= top + 1e-9:
        y = bottom + plot_h * value / top
        d.add(Line(left, y, left + plot_w, y, strokeColor=colors.Color(0.6, 0.6, 0.6), strokeWidth=0.3,
                   strokeDashArray=[1, 2] if value else None))
        d.add(String(left - 3, y - 2.5, group_thousands(int(value)), fontName=REGULAR, fontSize=6.5,
                     textAnchor="end"))
        value += step
    d.add(String(left - 3, bottom + plot_h + 8, unit, fontName=REGULAR, fontSize=6.5, textAnchor="end"))
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=colors.black, strokeWidth=0.8))


def consumption_chart(data: ReportData, width: float = CHART_W, height: float = 70 * mm) -> Drawing:
    """kWh per month, one bar per month stacked by zone (T1 at the bottom), the month's total on top."""
    d = Drawing(width, height, initialFontName=REGULAR)
    left, bottom, right_pad, top_pad = 34, 16, 4, 26
    plot_w, plot_h = width - left - right_pad, height - bottom - top_pad
    totals = [sum(m.kwh) if m.kwh else 0 for m in data.months]
    top, step = _nice_top(max(totals) * 1.12 if any(totals) else 0)
    _frame(d, left, bottom, plot_w, plot_h, top, step, "кВт·ч")
    slot = plot_w / 12
    bar_w = slot * 0.56
    for index, month in enumerate(data.months):
        x = left + slot * index + (slot - bar_w) / 2
        d.add(String(x + bar_w / 2, bottom - 9, MONTHS_SHORT[index], fontName=REGULAR, fontSize=7,
                     textAnchor="middle"))
        if not month.kwh:
            d.add(String(x + bar_w / 2, bottom + 3, NONE, fontName=REGULAR, fontSize=7, textAnchor="middle"))
            continue
        y = bottom
        for zone_index, kwh in enumerate(month.kwh):
            h = plot_h * kwh / top
            _bar(d, x, y, bar_w, h, zone_index)
            if len(month.kwh) > 1 and h >= 9:  # the zone's value inside its segment, on a white label
                text = group_thousands(kwh)
                label_w = len(text) * 3.6 + 3
                d.add(Rect(x + bar_w / 2 - label_w / 2, y + h / 2 - 4, label_w, 8, fillColor=colors.white,
                           strokeColor=None))
                d.add(String(x + bar_w / 2, y + h / 2 - 2.3, text, fontName=REGULAR, fontSize=6,
                             textAnchor="middle"))
            y += h
        d.add(String(x + bar_w / 2, y + 3, group_thousands(sum(month.kwh)), fontName=BOLD, fontSize=7,
                     textAnchor="middle"))
    _legend(d, list(data.zone_labels), left, height - 9)
    return d


def money_chart(data: ReportData, width: float = CHART_W, height: float = 62 * mm) -> Drawing:
    """Roubles per month: the charge (solid dark) beside the payments (hatched), each with its value."""
    d = Drawing(width, height, initialFontName=REGULAR)
    left, bottom, right_pad, top_pad = 34, 16, 4, 30
    plot_w, plot_h = width - left - right_pad, height - bottom - top_pad
    values = [(m.charge or Decimal(0), m.paid) for m in data.months]
    peak = max((float(max(c, p)) for c, p in values), default=0.0)
    top, step = _nice_top(peak * 1.08)
    _frame(d, left, bottom, plot_w, plot_h, top, step, "руб.")
    slot = plot_w / 12
    bar_w = slot * 0.34
    for index, (month, (charge, paid)) in enumerate(zip(data.months, values, strict=True)):
        x = left + slot * index + slot / 2 - bar_w
        d.add(String(left + slot * index + slot / 2, bottom - 9, MONTHS_SHORT[index], fontName=REGULAR,
                     fontSize=7, textAnchor="middle"))
        for offset, value, pattern in ((0, charge, 0), (bar_w, paid, 1)):
            if pattern == 0 and month.charge is None:
                if month.kwh:  # a reading whose price is unknown
                    d.add(String(x + bar_w / 2, bottom + 3, "?", fontName=BOLD, fontSize=7, textAnchor="middle"))
                continue
            if not value:
                continue
            h = plot_h * float(value) / top
            _bar(d, x + offset, bottom, bar_w, h, pattern)
            label = String(0, 0, group_thousands(int(value.to_integral_value())), fontName=REGULAR, fontSize=5.8)
            d.add(_rotated(label, x + offset + bar_w / 2 + 2, bottom + h + 2))
    _legend(d, ["Начислено", "Оплачено"], left, height - 9)
    return d


def _rotated(label: String, x: float, y: float) -> Group:
    """The label turned 90° counter-clockwise, starting at (x, y): reads upwards from the bar's top."""
    group = Group(label)
    group.transform = (0, 1, -1, 0, x, y)
    return group


# --- the table ----------------------------------------------------------------------------------------------


def table_rows(data: ReportData) -> tuple[list[str], list[list[str]], list[str]]:
    """Head, one row per month and the year's total row, as printed (Russian notation)."""
    labels = data.zone_labels
    many = len(labels) > 1
    head = ["Месяц", *[f"{z},<br/>кВт·ч" for z in labels], *(["Всего,<br/>кВт·ч"] if many else []),
            *([f"{z},<br/>руб." for z in labels] if many else []), "Начислено,<br/>руб.", "Оплачено,<br/>руб.",
            "Баланс,<br/>руб.", "Примечание"]
    rows = []
    for index, m in enumerate(data.months):
        kwh = [group_thousands(v) for v in m.kwh] if m.kwh else [NONE] * len(labels)
        total = [group_thousands(sum(m.kwh)) if m.kwh else NONE] if many else []
        amounts = ([rub(a) for a in m.amounts] if m.amounts else [NONE] * len(labels)) if many else []
        rows.append([MONTHS[index], *kwh, *total, *amounts, rub(m.charge) if m.charge is not None else NONE,
                     rub(m.paid) if m.paid else NONE, rub(m.balance) if m.balance is not None else NONE, m.note])
    kwh_total = data.total_kwh
    zone_money = [sum((m.amounts[i] for m in data.months if m.amounts), Decimal("0.00")) for i in range(len(labels))]
    total_row = ["За год", *[group_thousands(v) for v in kwh_total],
                 *([group_thousands(sum(kwh_total))] if many else []), *([rub(v) for v in zone_money] if many else []),
                 rub(data.total_charge), rub(data.total_paid),
                 rub(data.closing) if data.closing is not None else NONE, "" if data.complete else "неполный"]
    return head, rows, total_row


def _table(data: ReportData) -> Table:
    head, rows, total = table_rows(data)
    zones = len(data.zone_labels)
    style = ParagraphStyle("cell", fontName=BOLD, fontSize=5.8, leading=7, alignment=1)
    cells = [[Paragraph(h, style) for h in head], *rows, total]
    numeric = len(head) - 2
    widths_raw = [1.25] + [1.0] * (numeric - 1) + [1.05, 1.2]
    if zones == 1:
        widths_raw = [1.4, 1.2, 1.3, 1.3, 1.3, 1.6]
    else:  # «Начислено,» whole on its line, even with the three zones of a plan change year
        widths_raw[head.index("Начислено,<br/>руб.")] = 1.15
    scale = (PAGE_W - 2 * MARGIN) / sum(widths_raw)
    table = Table(cells, colWidths=[w * scale for w in widths_raw], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, 6.8),
        ("FONT", (0, -1), (-1, -1), BOLD, 6.8),
        ("ALIGN", (1, 1), (-2, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("LINEABOVE", (0, -1), (-1, -1), 1.0, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.Color(0.95, 0.95, 0.95)]),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _nb(text: str) -> str:
    """Keep a number (or a short phrase) on one line in a paragraph."""
    return text.replace(" ", "\u00a0")


def _signed(value: Decimal) -> str:
    if value > 0:
        return _nb(f"{rub(value)} руб.") + " к оплате (задолженность)"
    if value < 0:
        return _nb(f"{rub(-value)} руб.") + " оплачено вперёд (аванс)"
    return _nb("0,00 руб.")


def _balance_text(data: ReportData) -> str:
    if data.closing is None:
        return ("Баланс не ведётся: введите начальный баланс из последнего счёта и отмечайте оплаты, "
                "и отчёт покажет задолженность или аванс.")
    start = f"на начало года {_signed(data.opening)}" if data.opening is not None else "в начале года не известен"
    return f"Баланс: {start}; на конец года {_signed(data.closing)}."


def render_report(data: ReportData) -> bytes:
    settings = drawing.document_settings(f"Отчёт за {data.year} год: лицевой счёт {data.account}")
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                            **settings)
    kwh = data.total_kwh
    zones = ", ".join(f"{label} {group_thousands(v)}" for label, v in zip(data.zone_labels, kwh, strict=True))
    story = [
        Paragraph(f"Отчёт за {data.year} год — лицевой счёт {data.account}", styles["title"]),
        Paragraph(f"{data.holder}, {data.address}", styles["body"]),
        Paragraph(f"Тариф: {data.plan_text}. Отчёт составлен {data.generated_on.strftime('%d.%m.%Y')} "
                  "программой «Журнал показаний».", styles["small"]),
        Spacer(1, 2 * mm),
        Paragraph(f"Расход за год: <b>{_nb(group_thousands(sum(kwh)) + ' кВт·ч')}</b>"
                  + (f" ({zones})" if len(kwh) > 1 else "")
                  + f". Начислено: <b>{_nb(rub(data.total_charge) + ' руб.')}</b>"
                  + f" Оплачено: <b>{_nb(rub(data.total_paid) + ' руб.')}</b>", styles["body"]),
        Paragraph(_balance_text(data), styles["body"]),
        Paragraph("Расход по месяцам, кВт·ч", styles["h2"]),
        consumption_chart(data),
        Paragraph("Начислено и оплачено по месяцам, руб.", styles["h2"]),
        money_chart(data),
        Paragraph("Таблица", styles["h2"]),
        _table(data),
    ]
    if not data.complete or data.warnings:
        story.append(Paragraph("Примечания", styles["h2"]))
        if not data.complete:
            story.append(Paragraph("Суммы неполные: для некоторых месяцев неизвестна цена. Введите цену из "
                                   "своего счёта, и отчёт её учтёт.", styles["small"]))
        story += [Paragraph(escape(in_document_language(w)), styles["small"]) for w in data.warnings]
    doc.build(story)
    return buffer.getvalue()


# --- CSV --------------------------------------------------------------------------------------------------


def csv_rows(data: ReportData) -> list[list[str]]:
    """The table for spreadsheets: one row per month and a "total" row; numbers with a dot, no grouping."""
    zones = [str(z) for z in data.zones]
    head = ["period", *[f"{z}_kwh" for z in zones], "kwh", *[f"{z}_rub" for z in zones], "charge_rub", "paid_rub",
            "balance_rub", "note"]
    rows = [head]

    def money(value: Decimal | None) -> str:
        return "" if value is None else f"{value:.2f}"

    for m in data.months:
        rows.append([m.period, *([str(v) for v in m.kwh] if m.kwh else [""] * len(zones)),
                     str(sum(m.kwh)) if m.kwh else "",
                     *([money(a) for a in m.amounts] if m.amounts else [""] * len(zones)),
                     money(m.charge), money(m.paid), money(m.balance), m.note])
    kwh = data.total_kwh
    zone_money = [sum((m.amounts[i] for m in data.months if m.amounts), Decimal("0.00")) for i in range(len(zones))]
    rows.append(["total", *[str(v) for v in kwh], str(sum(kwh)), *[money(v) for v in zone_money],
                 money(data.total_charge), money(data.total_paid), money(data.closing),
                 "" if data.complete else "incomplete"])
    return rows


def report_csv(data: ReportData) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(csv_rows(data))
    return out.getvalue()
