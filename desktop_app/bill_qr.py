"""Finding the payment QR code on the supplier's bill: a PDF (as e-mailed, or pulled from the portal) or a scan or
photo of the paper one (PNG, JPEG). PDF pages are rendered with pdfium (pypdfium2), pictures opened with Pillow
(turned upright by their EXIF note), and the codes decoded with zxing-cpp. The first code that is a payment code
(GOST R 56042, "ST0001…") gives its bytes; journal.payment_qr_parser reads the details from them.

Every failure is an InvalidInput naming the file in plain words (missing, unreadable, not a PDF or a picture,
damaged, no QR code, a QR code that is not a payment code): the command line prints it and exits with 2.
Reading takes a second or two on a large scan: the window calls it from a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from journal.errors import InvalidInput
from journal.messages import msg
from journal.payment_qr_parser import is_payment_code

log = logging.getLogger(__name__)

PDF_DPI = 300  # a bill's QR code of 25 mm is then about 300 pixels: 4 or more per module
MAX_PDF_PAGES = 10
MAX_FILE_BYTES = 50 * 1024 * 1024
SMALL_PICTURE = 1200  # pixels: a smaller picture is also tried at twice its size
KINDS = {b"%PDF": "pdf", b"\x89PNG": "png", b"\xff\xd8\xff": "jpeg"}


def _kind(head: bytes) -> str | None:
    return next((kind for magic, kind in KINDS.items() if head.startswith(magic)), None)


def _read(path: Path) -> bytes:
    shown = path.name or str(path)
    if not path.exists():
        raise InvalidInput(msg("The file {path} does not exist. Choose the bill's PDF or a photo of it.", path=path),
                           field="file")
    if path.is_dir():
        raise InvalidInput(msg("{path} is a folder, not a file. Choose the bill's PDF or a photo of it.", path=path),
                           field="file")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput(msg("The file {shown} is too large for a bill (over 50 MB).", shown=shown), field="file")
        return path.read_bytes()
    except PermissionError:
        raise InvalidInput(msg("The file {path} cannot be read: access is denied.", path=path), field="file") from None
    except OSError as exc:
        raise InvalidInput(msg("The file {path} cannot be read: {reason}.", path=path, reason=exc.strerror or str(exc)),
                           field="file") from None


def _pdf_pages(data: bytes, shown: str) -> Iterator[object]:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise InvalidInput(msg(
            "The PDF {shown} is damaged or protected by a password: it cannot be opened.",
            shown=shown,
        ),
                           field="file") from None
    try:
        for index in range(min(len(document), MAX_PDF_PAGES)):
            page = document[index]
            try:
                yield page.render(scale=PDF_DPI / 72, grayscale=True).to_pil()
            finally:
                page.close()
    finally:
        document.close()


def _pictures(data: bytes, shown: str) -> Iterator[object]:
    import io

    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            picture = ImageOps.exif_transpose(opened).convert("L")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise InvalidInput(msg("The picture {shown} is damaged or too large: it cannot be opened.", shown=shown),
                           field="file") from None
    yield picture
    if max(picture.size) < SMALL_PICTURE:
        yield picture.resize((picture.width * 2, picture.height * 2), Image.Resampling.LANCZOS)


def find_payment_code(path: Path) -> bytes:
    """The bytes of the first payment QR code in the bill's file."""
    import zxingcpp

    data = _read(path)
    shown = path.name
    kind = _kind(data[:8])
    if kind is None:
        raise InvalidInput(msg(
            "The file {shown} is not a PDF, PNG or JPEG picture. Choose the bill's PDF, or a scan or photo of the "
            "paper bill.",
            shown=shown,
        ), field="file")
    images = _pdf_pages(data, shown) if kind == "pdf" else _pictures(data, shown)
    other_codes = 0
    for image in images:
        for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
            raw = bytes(code.bytes)
            if is_payment_code(raw):
                log.info("Payment QR code found in a %s file", kind)
                return raw
            other_codes += 1
    if other_codes:
        raise InvalidInput(msg(
            "The QR code in {shown} is not a payment code (GOST R 56042). Choose the bill of Samaraenergo, or type "
            "the details from the paper bill.",
            shown=shown,
        ), field="file")
    if kind == "pdf":
        raise InvalidInput(msg(
            "No QR code was found on the pages of {shown}. Use the bill's own PDF, or a clear photo of the paper "
            "bill; or type the details from the paper bill.",
            shown=shown,
        ), field="file")
    raise InvalidInput(msg(
        "No QR code was found in the picture {shown}. Take a clear photo of the whole bill, straight and in good "
        "light, or use the bill's PDF; or type the details from the paper bill.",
        shown=shown,
    ),
                       field="file")
