"""Getting a PDF onto paper. With pypdfium2 present (every install: it also reads the bills' QR codes) the pages
are rasterised and painted on the printer the person chose in Qt's print dialog (the window does that part).
Without it (an install from source without it), the PDF goes to CUPS with `lp`, which prints PDF natively, to
the printer chosen in the same dialog."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from journal.messages import msg

PRINT_DPI = 300


def can_rasterise() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def rasterise(pdf: bytes, dpi: int = PRINT_DPI) -> Iterator[Any]:
    """Each page as a PIL image at `dpi` (for painting on a printer)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        for page in document:
            yield page.render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def send_to_cups(path: Path, printer: str, copies: int = 1) -> None:
    """Print a PDF file through CUPS; raises OSError with a readable message when that is not possible."""
    lp = shutil.which("lp")
    if lp is None:
        raise OSError(msg(
            "There is no printing service (CUPS) on this computer. Open the receipt and print it from the PDF viewer "
            "instead.",
        ))
    command = [lp, "-n", str(max(1, copies))]
    if printer:
        command += ["-d", printer]
    result = subprocess.run([*command, str(path)], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        reason = result.stderr.strip().rstrip(".") or f"code {result.returncode}"
        raise OSError(msg("The printer did not accept the receipt: {reason}.", reason=reason))
