"""Draw docs/screenshots/receipt-sample.png: the PD-4 receipt of the sample household, sample payee details.

Usage (from the project's root, with the project's virtualenv and its test extras)::

    python docs/screenshots/make_receipt_sample.py [--out PATH] [--dpi 110]

The household comes from the tests' fixtures (tests/desktop_app/receipt_fixtures.py): account
050900691990, three-zone, readings for 2026-08…2026-10, an opening debt and a payment; the payee details are
journal.payees.sample_payee() — obviously fake, so the receipt carries the «ОБРАЗЕЦ» mark. The journal is
made in a temporary folder and thrown away. The page is rasterised with pypdfium2 and saved as greyscale PNG.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEFAULT_OUT = ROOT / "docs" / "screenshots" / "receipt-sample.png"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args(argv)

    import pypdfium2 as pdfium

    from desktop_app.services.journal_service import JournalService
    from tests.conftest import ACCOUNT, TODAY
    from tests.desktop_app.receipt_fixtures import make_receipt_household

    with tempfile.TemporaryDirectory() as folder:
        service = JournalService(Path(folder) / "journal.sqlite3", today=lambda: TODAY)
        try:
            make_receipt_household(service, "three-zone", sample=True)
            pdf = service.receipts.receipt_pdf(ACCOUNT, "2026-10")
        finally:
            service.close()
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=args.dpi / 72, grayscale=True).to_pil().convert("L")
        page.close()
    finally:
        document.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    image.save(args.out, optimize=True)
    print(f"{args.out}: {image.width}×{image.height} px, {args.out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
