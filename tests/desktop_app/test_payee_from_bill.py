"""The payee's bank details taken from the bill's payment QR code: a PDF bill drawn by our own PD-4 renderer, a PNG
of it (rendered with pdfium), a photo-like JPEG (turned, smaller, compressed); and every refusal — a missing file,
not a bill, no QR code, another QR code, a code without the INN, a wrong digit — with exit code 2 and nothing
stored."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from desktop_app.services.journal_service import JournalService
from journal.payment_qr import payment_payload
from tests.conftest import ACCOUNT, TODAY
from tests.desktop_app.receipt_fixtures import VALID_PAYEE, make_receipt_household
from tests.desktop_app.test_cli import run
from tests.journal.test_billing import snapshot
from tests.portal_emulator import tiny_pdf


@pytest.fixture(scope="module")
def bill_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bill of the supplier: our PD-4 receipt for 2026-10, drawn from another journal with the real-looking
    details, so its QR code holds them (and the payer's own fields, the sum and the period)."""
    folder = tmp_path_factory.mktemp("supplier")
    supplier = JournalService(folder / "journal.sqlite3", today=lambda: TODAY)
    try:
        make_receipt_household(supplier)
        pdf = supplier.receipts.receipt_pdf(ACCOUNT, "2026-10")
    finally:
        supplier.close()
    path = folder / "schet-oktyabr.pdf"
    path.write_bytes(pdf)
    return path


def page_picture(pdf: Path, dpi: int) -> Image.Image:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


@pytest.fixture(scope="module")
def bill_png(bill_pdf: Path) -> Path:
    path = bill_pdf.with_name("skan.png")
    page_picture(bill_pdf, 150).save(path)
    return path


@pytest.fixture(scope="module")
def bill_photo(bill_pdf: Path) -> Path:
    """A phone photo of the paper bill, roughly: turned a quarter, smaller, JPEG-compressed."""
    picture = page_picture(bill_pdf, 200).rotate(90, expand=True)
    picture = picture.resize((picture.width * 3 // 4, picture.height * 3 // 4))
    path = bill_pdf.with_name("foto.jpg")
    picture.convert("RGB").save(path, quality=80)
    return path


def qr_picture(folder: Path, payload: bytes, name: str = "kod.png") -> Path:
    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    view = memoryview(code.to_image(scale=6))
    picture = Image.frombytes("L", (view.shape[1], view.shape[0]), bytes(view))
    framed = Image.new("L", (picture.width + 200, picture.height + 200), 255)
    framed.paste(picture, (100, 100))
    path = folder / name
    framed.save(path)
    return path


def payload(**changes: str) -> str:
    details = {"name": VALID_PAYEE["name"], "personal_acc": VALID_PAYEE["account"], "bank_name": VALID_PAYEE["bank"],
               "bic": VALID_PAYEE["bic"], "corresp_acc": VALID_PAYEE["corr"], "payee_inn": VALID_PAYEE["inn"],
               "kpp": VALID_PAYEE["kpp"], "purpose": "Оплата электроэнергии"}
    return payment_payload(**{**details, **changes})


# Another company's bill: valid details (the INN's check digits, the accounts' keys), but its payee is not the supplier.
FOREIGN_BILL = payload(name="ПАО Сбербанк", payee_inn="7707083893", kpp="773601001").encode()


def shown(capsys: pytest.CaptureFixture[str], d: list[str]) -> dict[str, object]:
    code, out, _ = run(capsys, "payee", "show", "--json", *d)
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize("bill", ["bill_pdf", "bill_png", "bill_photo"])
def test_the_details_come_from_the_bills_qr_code(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 request: pytest.FixtureRequest, bill: str) -> None:
    path: Path = request.getfixturevalue(bill)
    d = ["--data-dir", str(tmp_path)]
    code, out, err = run(capsys, "payee", "from-bill", str(path), *d)
    assert (code, err) == (0, "")
    assert out.splitlines()[:4] == [
        f"Payee details taken from the bill's QR code ({path}) and saved; every check passed.",
        "Payee of samaraenergo (entered from the bill):",
        f"  name      {VALID_PAYEE['name']}",
        f"  INN/KPP   {VALID_PAYEE['inn']} / {VALID_PAYEE['kpp']}",
    ]
    payee = shown(capsys, d)["payee"]
    assert {key: payee[key] for key in VALID_PAYEE} == VALID_PAYEE  # type: ignore[index]
    assert payee["source"] == "bill"  # type: ignore[index]


def test_a_windows_1251_code_with_lower_case_keys_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = payload().replace("ST00012|", "ST00011|").replace("PayeeINN=", "payeeinn=").replace("KPP=", "kpp=")
    path = qr_picture(tmp_path, text.encode("cp1251"))
    d = ["--data-dir", str(tmp_path / "j")]
    code, out, err = run(capsys, "payee", "from-bill", str(path), "--json", *d)
    assert (code, err) == (0, "")
    assert json.loads(out)["name"] == "ПАО «Самараэнерго»" and json.loads(out)["inn"] == "6315222985"


def _wrong_digit() -> str:
    account = VALID_PAYEE["account"]
    return account[:-1] + str((int(account[-1]) + 1) % 10)


@pytest.mark.parametrize(("make", "words"), [
    (lambda folder: folder / "net-takogo.pdf", "does not exist"),
    (lambda folder: folder, "is a folder, not a file"),
    (lambda folder: _write(folder / "schet.txt", "Счёт за октябрь".encode()), "is not a PDF, PNG or JPEG picture"),
    (lambda folder: _write(folder / "schet.pdf", b"%PDF-1.4\n" + b"\0" * 200), "damaged or protected"),
    (lambda folder: _write(folder / "pusto.pdf", tiny_pdf("Schet bez QR")), "No QR code was found on the pages"),
    (lambda folder: _write(folder / "plohoe.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50), "damaged or too large"),
    (lambda folder: qr_picture(folder, b"https://www.samaraenergo.ru/"), "is not a payment code"),
    (lambda folder: qr_picture(folder, payload(kpp="").encode()), "does not hold the payee's KPP"),
    (lambda folder: qr_picture(folder, payload(personal_acc=_wrong_digit()).encode()),
     "fail the bank's checks: The settlement account"),
    (lambda folder: qr_picture(folder, payload(payee_inn="6315222986").encode()), "fails its check digit"),
    (lambda folder: qr_picture(folder, FOREIGN_BILL), "This bill is not from ПАО «Самараэнерго»: its payment code is "
     "for ПАО Сбербанк, INN 7707083893 (ПАО «Самараэнерго» has INN 6315222985). Nothing was stored;"),
])
def test_a_file_without_valid_details_is_refused_and_nothing_is_stored(capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path, make, words: str) -> None:  # type: ignore[no-untyped-def]
    d = ["--data-dir", str(tmp_path / "j")]
    assert run(capsys, "payee", "set", *[f"--{k}={v}" for k, v in VALID_PAYEE.items()], "--name=Старые реквизиты",
               *d)[0] == 0
    before = snapshot(tmp_path / "j" / "journal.sqlite3")
    code, out, err = run(capsys, "payee", "from-bill", str(make(tmp_path)), *d)
    assert code == 2 and out == "" and err.count("\n") == 1 and words in err, err
    assert snapshot(tmp_path / "j" / "journal.sqlite3") == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_read_alone_touches_no_journal(service: JournalService, bill_png: Path) -> None:
    details = service.receipts.read_bill_payee(bill_png)
    assert (details.account, details.bic, details.corr) == (VALID_PAYEE["account"], VALID_PAYEE["bic"],
                                                            VALID_PAYEE["corr"])
    assert service.receipts.payee() is None
