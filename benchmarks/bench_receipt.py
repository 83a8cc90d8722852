"""Benchmark: a PD-4 receipt PDF, warm. Goal: under 150 ms.

Usage (from the project's root, with the project's virtualenv and its test extras)::

    python benchmarks/bench_receipt.py [--runs 30] [--warmup 3] [--plan three-zone]

A journal in a temporary folder gets the receipts tests' household (tests/desktop_app/receipt_fixtures.py:
one account, three months of readings, an opening balance, a payment) and valid payee details. After the
warm-up runs (imports done, the font registered, the file in the OS cache), each step is timed `--runs`
times in this process and the median, minimum and 90th percentile are printed:

* baseline — a blank one-page reportlab PDF with the same embedded font (one line of Cyrillic text): the
  floor of any PDF this program writes;
* QR matrix — encoding the payment payload (reportlab.graphics.barcode.qr, level M), no drawing;
* read — ReceiptService.receipt_data: the journal read in one short transaction (bill, balance, payee);
* draw — desktop_app.receipts.pd4.render_receipt on those plain data;
* receipt_pdf — the service call the window and the CLI make: read + draw.

The exit status is 1 when the median of receipt_pdf is over the goal.
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 0.150


def blank_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from desktop_app.receipts.fonts import REGULAR, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1, initialFontName=REGULAR)
    c.setFont(REGULAR, 12)
    c.drawString(72, 720, "Квитанция")
    c.showPage()
    c.save()
    return buffer.getvalue()


def timed(step: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PD-4 receipt PDF generation, warm")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--plan", default="three-zone", choices=["single", "two-zone", "three-zone"])
    args = parser.parse_args(argv)

    from desktop_app.receipts.pd4 import qr_modules, render_receipt
    from desktop_app.services.journal_service import JournalService
    from tests.conftest import ACCOUNT, TODAY
    from tests.desktop_app.receipt_fixtures import make_receipt_household

    with tempfile.TemporaryDirectory() as folder:
        service = JournalService(Path(folder) / "journal.sqlite3", today=lambda: TODAY)
        try:
            make_receipt_household(service, args.plan)
            receipts = service.receipts
            data = receipts.receipt_data(ACCOUNT, "2026-10")
            steps: dict[str, Callable[[], object]] = {
                "baseline: blank 1-page PDF, same font": blank_pdf,
                "QR matrix (level M)": lambda: qr_modules(data.qr_payload),
                "read: receipt_data": lambda: receipts.receipt_data(ACCOUNT, "2026-10"),
                "draw: render_receipt": lambda: render_receipt(data),
                "receipt_pdf (read + draw)": lambda: receipts.receipt_pdf(ACCOUNT, "2026-10"),
            }
            for step in steps.values():
                timed(step, args.warmup)
            results = {name: timed(step, args.runs) for name, step in steps.items()}
            size = len(receipts.receipt_pdf(ACCOUNT, "2026-10"))
        finally:
            service.close()

    print(f"PD-4 receipt, {args.plan}, {args.runs} runs after {args.warmup} warm-up runs; PDF {size / 1024:.0f} KiB")
    print(f"Python {platform.python_version()}, {platform.machine()}, {platform.system()} {platform.release()}")
    print(f"{'step':<40} {'median':>9} {'min':>9} {'p90':>9}")
    for name, times in results.items():
        ordered = sorted(times)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        print(f"{name:<40} {statistics.median(times) * 1000:>7.1f}ms {ordered[0] * 1000:>7.1f}ms {p90 * 1000:>7.1f}ms")
    median = statistics.median(results["receipt_pdf (read + draw)"])
    verdict = "within" if median <= GOAL_SECONDS else "OVER"
    print(f"receipt_pdf median {median * 1000:.1f} ms: {verdict} the {GOAL_SECONDS * 1000:.0f} ms goal")
    return 0 if median <= GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
