"""Receipts, slips and reports: drawn, rasterised, read back with a real QR decoder and a PDF text extractor.

Every page is rendered to PNG in the test's folder (pypdfium2 at 200 dpi); the QR code is decoded from that
image with zxing-cpp and each field is compared with the journal.
"""

from __future__ import annotations

import csv
import io
import math
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from desktop_app.receipts.pd4 import QR_SIZE
from desktop_app.services import journal_service
from desktop_app.services.journal_service import JournalService
from journal.errors import InvalidInput, NotFound
from journal.payees import sample_payee
from journal.payment_qr import parse_payload, split_full_name
from journal.storage.models import Payee
from tests.conftest import ACCOUNT, TODAY
from tests.desktop_app.receipt_fixtures import VALID_ACCOUNT, VALID_PAYEE, make_receipt_household
from tests.desktop_app.test_cli import run

DPI = 200
ROOT = Path(__file__).resolve().parents[2]


# --- helpers ----------------------------------------------------------------------------------------------


def render(pdf: bytes, folder: Path, name: str) -> list[Image.Image]:
    """Each page as an image (also saved as PNG in `folder`, to look at after a failure)."""
    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=DPI / 72)
            image = bitmap.to_pil().convert("RGB")
            bitmap.close()
            page.close()
            path = folder / f"{name}-{index + 1}.png"
            image.save(path)
            assert path.stat().st_size > 10_000
            images.append(image)
    finally:
        document.close()
    return images


def qr_codes(image: Image.Image) -> list[zxingcpp.Barcode]:
    return [code for code in zxingcpp.read_barcodes(image) if code.format == zxingcpp.BarcodeFormat.QRCode]


def decoded_payload(pdf: bytes, folder: Path, name: str) -> tuple[dict[str, str], zxingcpp.Barcode]:
    (page,) = render(pdf, folder, name)
    (code,) = qr_codes(page)
    text = code.bytes.decode("utf-8")
    assert text.startswith("ST00012|")
    return parse_payload(text), code


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font of every page."""
    found = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
                          if "/DescendantFonts" in font else font.get("/FontDescriptor"))
            found.append((str(font["/BaseFont"]), descriptor is not None and "/FontFile2" in descriptor.get_object()))
    return found


@pytest.fixture
def household(service: JournalService) -> JournalService:
    return make_receipt_household(service)


# --- the receipt ------------------------------------------------------------------------------------------


def test_the_qr_code_read_from_the_page_matches_the_journal(household: JournalService, tmp_path: Path) -> None:
    fields, code = decoded_payload(household.receipts.receipt_pdf(ACCOUNT, "2026-10"), tmp_path, "receipt")
    account = household.account(ACCOUNT)
    bill = household.billing.bill(ACCOUNT, "2026-10")
    owed = household.billing.balance(ACCOUNT).owed  # the headline's figure
    payee = household.receipts.payee()
    assert payee is not None
    # Charge 2853.00 (see test_cli_billing) + debt 236.10 carried from September (500 + 2236.10 − 2500).
    assert bill.charge.total == Decimal("2853.00") and owed.total == Decimal("3089.10")
    name = split_full_name(account.holder)
    assert fields == {
        "Name": payee.name, "PersonalAcc": payee.account, "BankName": payee.bank, "BIC": payee.bic,
        "CorrespAcc": payee.corr, "PayeeINN": payee.inn, "KPP": payee.kpp,
        "Purpose": f"Оплата электроэнергии за октябрь 2026 г., лицевой счёт {ACCOUNT}",
        "Sum": str(int(owed.total * 100)),
        "lastName": name.last, "firstName": name.first, "middleName": name.middle,
        "payerAddress": account.address, "persAcc": account.number, "paymPeriod": "102026", "techCode": "02",
    }
    assert (fields["Sum"], fields["lastName"], fields["firstName"], fields["middleName"]) == (
        "308910", "Иванова", "Мария", "Петровна")
    assert (fields["PersonalAcc"], fields["PayeeINN"]) == (VALID_ACCOUNT, "6315222985")
    assert code.ec_level == "M"
    # Printed at least 30 mm wide (the symbol alone, without its quiet zone).
    p = code.position
    side = math.dist((p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y))
    assert side / DPI * 25.4 >= 30
    assert QR_SIZE >= 40 * 72 / 25.4


def test_the_pdf_text_holds_the_form_in_cyrillic(household: JournalService) -> None:
    text = flat(pdf_text(household.receipts.receipt_pdf(ACCOUNT, "2026-10")))
    assert text.startswith("Извещение ") and " Квитанция Кассир " in text
    assert "2026-10" not in text  # the period in words only, no code on a paper form
    for expected in ["Кассир", "Форма № ПД-4", ACCOUNT, "Период: октябрь 2026 г. Прибор учёта",
                     "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "Прибор учёта № 11712434",
                     "ПАО «Самараэнерго»", "6315222985 / 631501001", VALID_ACCOUNT, "Поволжский банк ПАО Сбербанк",
                     "043601607", "30101810200000000607", "Электроэнергия за октябрь 2026 г.",
                     "Т1 (день) 2150 2450 300 7,29 / 8,20 2 369,00", "Т2 (ночь) 1010 1130 120 3,76 / 4,17 484,00",
                     "Начислено за октябрь 2026: 2 853,00", "Долг на начало периода: 236,10",
                     "Итого к оплате: 3 089,10", "Сумма посчитана на 28.11.2026",
                     "Сумма платежа 3 089 руб. 10 коп.", "Сумма платы за услуги",
                     "Итого ____________ руб. ____ коп.", "«____» ________________ 20____ г.",
                     "С условиями приема указанной в платежном документе суммы, в т.ч. с суммой взимаемой платы "
                     "за услуги банка, ознакомлен и согласен.", "Подпись плательщика"]:
        assert text.count(expected) == 2, expected  # once in each half
    assert "ОБРАЗЕЦ" not in text


def test_the_font_is_embedded_in_every_document(household: JournalService) -> None:
    for pdf in (household.receipts.receipt_pdf(ACCOUNT, "2026-10"), household.receipts.slip_pdf(ACCOUNT, "2026-10"),
                household.receipts.report_pdf(ACCOUNT, 2026)):
        used = fonts(pdf)
        assert used and all(embedded for _, embedded in used), used
        assert {name.split("+")[-1] for name, _ in used} <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_the_person_may_give_another_amount(household: JournalService, tmp_path: Path) -> None:
    pdf = household.receipts.receipt_pdf(ACCOUNT, "2026-10", "3 000,50")
    fields, _ = decoded_payload(pdf, tmp_path, "amount")
    assert fields["Sum"] == "300050"
    text = flat(pdf_text(pdf))
    assert "Сумма платежа 3 000 руб. 50 коп." in text and "Сумма по журналу: 3 089,10" in text
    with pytest.raises(InvalidInput) as error:
        household.receipts.receipt_data(ACCOUNT, "2026-10", "-5")
    assert error.value.field == "amount"


def test_an_advance_is_subtracted_and_nothing_due_is_refused(household: JournalService) -> None:
    household.billing.add_payment(ACCOUNT, TODAY.replace(month=10, day=10), "1000")  # counts in 2026-10
    data = household.receipts.receipt_data(ACCOUNT, "2026-10")
    assert data.owed is not None
    assert (data.charge, data.owed.carried, data.owed.paid_in_period, data.amount) == (
        Decimal("2853.00"), Decimal("236.10"), Decimal("1000.00"), Decimal("2089.10"))
    assert "Sum=208910|" in data.qr_payload
    household.billing.add_payment(ACCOUNT, TODAY.replace(month=10, day=11), "5000")
    with pytest.raises(InvalidInput) as error:
        household.receipts.receipt_data(ACCOUNT, "2026-10")
    assert error.value.field == "amount" and "Nothing to pay for 2026-10" in error.value.message
    assert household.receipts.receipt_data(ACCOUNT, "2026-10", "100").amount == Decimal("100.00")


def test_without_payments_the_receipt_asks_the_debt_the_headline_shows(service: JournalService) -> None:
    make_receipt_household(service, balance=False)  # no opening balance, no payment: every month is owed
    data = service.receipts.receipt_data(ACCOUNT, "2026-10")
    charges = [service.billing.bill(ACCOUNT, p).charge.total for p in ("2026-08", "2026-09", "2026-10")]
    assert charges == [Decimal("2236.10"), Decimal("2236.10"), Decimal("2853.00")]  # 250 + 110 kWh twice, then 2853
    assert data.owed is not None
    assert (data.charge, data.owed.carried, data.amount) == (Decimal("2853.00"), Decimal("4472.20"), Decimal("7325.20"))
    assert data.amount == service.billing.balance(ACCOUNT).owed.total
    assert "Долг на начало периода: 4 472,20" in flat(pdf_text(service.receipts.receipt_pdf(ACCOUNT, "2026-10")))


def test_a_receipt_is_refused_without_payee_details(service: JournalService) -> None:
    make_receipt_household(service, payee=False)
    with pytest.raises(InvalidInput) as error:
        service.receipts.receipt_pdf(ACCOUNT, "2026-10")
    assert error.value.field == "payee"
    assert "not entered yet" in error.value.message and "paper bill" in error.value.message
    problem = service.receipts.payee_problem()
    assert problem is not None and problem.field == "payee"


def test_a_receipt_is_refused_while_stored_details_are_wrong(service: JournalService) -> None:
    make_receipt_household(service, payee=False)
    with service.journal.write() as session:
        details = VALID_PAYEE | {"corr": "30101810200000000617"}
        session.add(Payee(supplier="samaraenergo", source="portal", updated_at=TODAY, **details))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as error:
        service.receipts.receipt_pdf(ACCOUNT, "2026-10")
    assert error.value.field == "corr"
    assert "30101810200000000617" in error.value.message and "payee set" in error.value.message


def test_a_period_without_reading_or_price(household: JournalService) -> None:
    with pytest.raises(NotFound):
        household.receipts.receipt_pdf(ACCOUNT, "2026-11")
    with pytest.raises(InvalidInput) as error:
        household.receipts.receipt_pdf(ACCOUNT, "2026-13")
    assert error.value.field == "period"


def test_sample_details_print_a_large_obrazets(service: JournalService, tmp_path: Path) -> None:
    make_receipt_household(service, sample=True)
    pdf = service.receipts.receipt_pdf(ACCOUNT, "2026-10")
    text = pdf_text(pdf)
    assert text.count("ОБРАЗЕЦ: реквизиты не настоящие, не для оплаты") == 2
    assert flat(text).count("ОБРАЗЕЦ") >= 6  # the two marks, the two notes, the name and bank twice
    fields, _ = decoded_payload(pdf, tmp_path, "sample")  # still readable under the mark
    assert fields["PersonalAcc"] == sample_payee().account and fields["Sum"] == "308910"
    # The mark is large and grey: many mid-grey pixels, where a real receipt has almost none.
    (real,) = render(make_receipt_pdf_real(tmp_path), tmp_path, "real")
    (marked,) = render(pdf, tmp_path, "marked")
    assert grey_share(marked) > 0.03 > 0.01 > grey_share(real), (grey_share(marked), grey_share(real))


def make_receipt_pdf_real(folder: Path) -> bytes:
    svc = JournalService(folder / "real" / "journal.sqlite3", today=lambda: TODAY)
    try:
        return make_receipt_household(svc).receipts.receipt_pdf(ACCOUNT, "2026-10")
    finally:
        svc.close()


def grey_share(image: Image.Image) -> float:
    """The share of pixels in the mark's light grey (≈ 209 of 255: grey 0.45 at 33 % over white)."""
    histogram = image.convert("L").histogram()
    return sum(histogram[200:216]) / (image.width * image.height)


def test_a_period_with_a_meter_replacement_lists_both_meters(service: JournalService, tmp_path: Path) -> None:
    make_receipt_household(service)
    service.replace_meter(ACCOUNT, "2600,1200", "22334455", 6, TODAY.replace(month=11, day=5), "0,0")
    service.add_reading(ACCOUNT, TODAY.replace(month=11, day=20), "80,40")
    data = service.receipts.receipt_data(ACCOUNT, "2026-11")
    assert data.meters == ("11712434", "22334455")
    assert [(line.meter, line.previous, line.current, line.kwh) for line in data.lines] == [
        ("11712434", 2450, 2600, 150), ("11712434", 1130, 1200, 70), ("22334455", 0, 80, 80), ("22334455", 0, 40, 40)]
    assert sum(line.amount for line in data.lines) == service.billing.bill(ACCOUNT, "2026-11").charge.total
    pdf = service.receipts.receipt_pdf(ACCOUNT, "2026-11")
    fields, _ = decoded_payload(pdf, tmp_path, "replacement")
    assert fields["paymPeriod"] == "112026" and fields["Sum"] == str(int(data.amount * 100))
    assert "22334455 (после замены)" in pdf_text(pdf)


def test_documents_are_made_on_worker_threads(household: JournalService, tmp_path: Path) -> None:
    """No ORM object is shared: three documents drawn at once equal those drawn one after another."""
    receipts = household.receipts
    jobs = [lambda: receipts.receipt_pdf(ACCOUNT, "2026-10"), lambda: receipts.slip_pdf(ACCOUNT, "2026-10"),
            lambda: receipts.report_pdf(ACCOUNT, 2026), lambda: receipts.receipt_pdf(ACCOUNT, "2026-09")]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = [future.result() for future in [pool.submit(job) for job in jobs]]
    assert parallel == [job() for job in jobs]


def test_write_receipt_leaves_no_partial_file(household: JournalService, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "r.pdf"
    data = household.receipts.write_receipt(ACCOUNT, "2026-10", out)
    assert out.read_bytes().startswith(b"%PDF") and data.amount == Decimal("3089.10")
    assert [p.name for p in out.parent.iterdir()] == ["r.pdf"]


# --- the slip and the report ------------------------------------------------------------------------------


def test_the_readings_slip(household: JournalService, tmp_path: Path) -> None:
    pdf = household.receipts.slip_pdf(ACCOUNT, "2026-10")
    assert len(render(pdf, tmp_path, "slip")) == 1
    text = flat(pdf_text(pdf))
    for expected in [f"Лицевой счёт {ACCOUNT}", "Прибор учёта № 11712434", "Иванова Мария Петровна",
                     "Самара, ул. Ленина, 1", "Дата снятия показаний 20.10.2026", "октябрь 2026 г.",
                     "Т1 (день) 07:00–23:00 2450", "Т2 (ночь) 23:00–07:00 1130", "ПАО «Самараэнерго»"]:
        assert text.count(expected) == 2, expected  # the copy for the box and the one to keep
    with pytest.raises(NotFound) as error:
        household.receipts.slip_pdf(ACCOUNT, "2026-11")
    assert error.value.field == "period"


def test_the_yearly_report_and_its_csv(household: JournalService, tmp_path: Path) -> None:
    pdf = household.receipts.report_pdf(ACCOUNT, 2026)
    assert len(render(pdf, tmp_path, "report")) >= 1
    text = flat(pdf_text(pdf))
    for expected in [f"Отчёт за 2026 год — лицевой счёт {ACCOUNT}", "Расход по месяцам, кВт·ч",
                     "Начислено и оплачено по месяцам, руб.", "Т1 (день)", "Т2 (ночь)",
                     "октябрь 300 120 420 2 369,00 484,00 2 853,00 — 3 089,10",
                     "За год 800 340 1 140 6 014,00 1 311,20 7 325,20 2 500,00 3 089,10"]:
        assert expected in text, expected
    rows = list(csv.reader(io.StringIO(household.receipts.report_csv(ACCOUNT, 2026))))
    assert rows[0] == ["period", "day_kwh", "night_kwh", "kwh", "day_rub", "night_rub", "charge_rub", "paid_rub",
                       "balance_rub", "note"]
    by_period = {row[0]: row for row in rows[1:]}
    assert len(rows) == 14 and list(by_period)[:12] == [f"2026-{m:02d}" for m in range(1, 13)]
    balance = {r.period: r for r in household.billing.balance(ACCOUNT).rows}
    for period in ("2026-08", "2026-09", "2026-10"):
        bill = household.billing.bill(ACCOUNT, period)
        row = by_period[period]
        assert row[1:4] == [str(z.kwh) for z in bill.charge.zones] + [str(sum(z.kwh for z in bill.charge.zones))]
        assert row[4:7] == [f"{z.amount:.2f}" for z in bill.charge.zones] + [f"{bill.charge.total:.2f}"]
        if period in balance:
            assert row[7:9] == [f"{balance[period].payments:.2f}", f"{balance[period].balance:.2f}"]
    assert by_period["2026-08"][8] == ""  # before the opening balance's date
    assert by_period["2026-03"][1:7] == [""] * 6
    assert by_period["total"] == ["total", "800", "340", "1140", "6014.00", "1311.20", "7325.20", "2500.00",
                                  "3089.10", ""]


def test_a_report_with_an_unknown_price_says_so(service: JournalService) -> None:
    from datetime import date

    from tests.conftest import make_household

    make_household(service, installed=date(2025, 5, 10))
    service.add_reading(ACCOUNT, date(2025, 8, 20), "1300,600")  # over 2025-07-01, two-zone prices unknown
    data = service.receipts.report_data(ACCOUNT, 2025)
    august = data.months[7]
    assert (august.kwh, august.charge, august.note) == ((300, 100), None, "цена неизвестна")
    assert not data.complete and any("2025-07-01" in str(w) for w in data.warnings)
    text = flat(pdf_text(service.receipts.report_pdf(ACCOUNT, 2025)))
    assert "Суммы неполные" in text
    # The warning in the document's language: the month and the day the Russian way, the plan and zone named.
    assert ("август 2025: Неизвестна цена на 01.07.2025: категория «городской дом с газовой плитой», тариф "
            "«двухзонный», зона «ночь». Введите цену из квитанции") in text, text
    assert "No price" not in text and "2025-07-01" not in text and "tariff set" not in text
    assert service.receipts.report_csv(ACCOUNT, 2025).splitlines()[-1].endswith(",incomplete")
    with pytest.raises(InvalidInput):
        service.receipts.report_data(ACCOUNT, 1999)


# --- the command line -------------------------------------------------------------------------------------


@pytest.fixture
def d(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import functools

    monkeypatch.setattr(journal_service, "JournalService", functools.partial(JournalService, today=lambda: TODAY))
    svc = JournalService(tmp_path / "journal.sqlite3", today=lambda: TODAY)
    make_receipt_household(svc, payee=False)
    svc.close()
    return ["--data-dir", str(tmp_path)]


def payee_cli(**changes: str) -> list[str]:
    args = VALID_PAYEE | changes
    return ["payee", "set", "--supplier", "samaraenergo", *[x for key, value in args.items()
                                                            for x in (f"--{key}", value)]]


def test_cli_payee_set_names_the_wrong_field(capsys: pytest.CaptureFixture[str], d: list[str]) -> None:
    for field, wrong in [("account", "40702810154400012346"), ("corr", "30101810200000000617"),
                         ("bic", "043601608"), ("inn", "6315222986"), ("kpp", "63150100")]:
        code, out, err = run(capsys, *payee_cli(**{field: wrong}), *d)
        assert (code, out, err.count("\n")) == (2, "", 1), (field, err)
        assert err.startswith(f"error: --{field}: ") and wrong in err, err
    code, out, err = run(capsys, "payee", "show", *d)
    assert code == 0 and out.startswith("No payee details for samaraenergo yet.")
    code, out, err = run(capsys, *payee_cli(), *d)
    assert code == 0 and out.startswith("Payee details saved; every check passed.")
    code, out, _ = run(capsys, "payee", "show", *d)
    assert code == 0 and f"account   {VALID_ACCOUNT}" in out and "entered from the bill" in out


def test_cli_receipt(capsys: pytest.CaptureFixture[str], d: list[str], tmp_path: Path) -> None:
    out_file = tmp_path / "r.pdf"
    command = ["receipt", "--account", ACCOUNT, "--period", "2026-10", "--out", str(out_file)]
    code, out, err = run(capsys, *command, *d)
    assert code == 2 and out == "" and "payee set" in err and err.count("\n") == 1
    assert not out_file.exists()
    assert run(capsys, *payee_cli(), *d)[0] == 0
    code, out, err = run(capsys, *command, *d)
    assert code == 0, err
    assert out.splitlines() == [
        f"Receipt for account {ACCOUNT}, period 2026-10: 3089.10 ₽ (owed on 2026-11-28) written to {out_file}.",
        "  charge for 2026-10          2853.00",
        "  debt at the period's start   236.10"]
    assert "Sum=308910" in parse_qr_text(out_file)
    code, out, err = run(capsys, *command, "--amount", "1500", *d)
    assert code == 0 and "1500.00 ₽ (the amount you gave)" in out
    code, out, err = run(capsys, *command, "--amount", "1 500,50 ₽", *d)  # written as on the paper bill
    assert code == 0 and "1500.50 ₽ (the amount you gave)" in out and "Sum=150050" in parse_qr_text(out_file)
    code, _, err = run(capsys, *command, "--amount", "abc", *d)
    assert code == 2 and err.count("\n") == 1
    code, _, err = run(capsys, "receipt", "--account", ACCOUNT, "--period", "2026-11", "--out", str(out_file), *d)
    assert code == 2 and "There is no reading for 2026-11" in err


def parse_qr_text(path: Path) -> str:
    (image,) = render(path.read_bytes(), path.parent, path.stem)
    (code,) = qr_codes(image)
    return code.bytes.decode("utf-8")


def test_cli_sample_payee_report_and_slip(capsys: pytest.CaptureFixture[str], d: list[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "payee", "sample", *d)
    assert code == 0 and "not real" in out
    code, out, _ = run(capsys, "receipt", "--account", ACCOUNT, "--period", "2026-10", "--out",
                       str(tmp_path / "s.pdf"), *d)
    assert code == 0 and "ОБРАЗЕЦ" in out and "ОБРАЗЕЦ" in pdf_text((tmp_path / "s.pdf").read_bytes())
    code, out, err = run(capsys, "report", "--account", ACCOUNT, "--year", "2026", "--out", str(tmp_path / "y.pdf"),
                         "--csv", str(tmp_path / "y.csv"), *d)
    assert code == 0, err
    assert out == (f"Report 2026 for account {ACCOUNT}: 1140 kWh, charged 7325.20 ₽, paid 2500.00 ₽; written to "
                   f"{tmp_path / 'y.pdf'} and {tmp_path / 'y.csv'}.\n")
    assert (tmp_path / "y.csv").read_text(encoding="utf-8").startswith("period,day_kwh,")
    code, _, err = run(capsys, "report", "--account", ACCOUNT, "--year", "20x6", "--out", str(tmp_path / "z.pdf"), *d)
    assert code == 2 and "--year" not in err and "YYYY" in err
    code, out, _ = run(capsys, "slip", "--account", ACCOUNT, "--period", "2026-10", "--out", str(tmp_path / "l.pdf"),
                       *d)
    assert code == 0 and "Т1 (день) 2450, Т2 (ночь) 1130" in out
    code, out, _ = run(capsys, "receipt", "--account", ACCOUNT, "--period", "2026-10", "--out",
                       str(tmp_path / "s.pdf"), "--json", *d)
    assert code == 0 and '"amount": "3089.10"' in out and '"sample": true' in out


def test_the_screenshot_script_draws_the_sample_receipt(tmp_path: Path) -> None:
    out = tmp_path / "receipt-sample.png"
    result = subprocess.run([sys.executable, str(ROOT / "docs" / "screenshots" / "make_receipt_sample.py"),
                             "--out", str(out), "--dpi", "150"], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    image = Image.open(out)
    assert image.size == (1241, 1754)
    (code,) = qr_codes(image.convert("RGB"))
    assert "ОБРАЗЕЦ" in code.bytes.decode("utf-8")


# --- a tariff plan change inside the period ---------------------------------------------------------------


def test_a_plan_change_month_prints_each_plans_zones(service: JournalService, tmp_path: Path) -> None:
    make_receipt_household(service, "single", balance=False)  # single-rate readings up to 2026-10-20: 2450
    service.billing.set_opening_balance(ACCOUNT, "0", TODAY.replace(month=10, day=21))  # earlier months settled
    service.change_plan(ACCOUNT, "two-zone", TODAY.replace(day=5), "2500", "2500,0")
    service.add_reading(ACCOUNT, TODAY.replace(day=20), "2580,30")
    pdf = service.receipts.receipt_pdf(ACCOUNT, "2026-11")
    text = flat(pdf_text(pdf))
    # single 50 kWh over the 16 days after 2026-10-20 at 6.95 = 347.50; then day 80 × 8.20 = 656.00 and
    # night 30 × 4.17 = 125.10: 1,128.60 in all
    for expected in ["Т1 (сутки) 2450 2500 50 6,95 347,50", "Т1 (день) 2500 2580 80 8,20 656,00",
                     "Т2 (ночь) 0 30 30 4,17 125,10", "Начислено за ноябрь 2026: 1 128,60"]:
        assert text.count(expected) == 2, expected
    payload, _ = decoded_payload(pdf, tmp_path, "plan-change")
    assert payload["Sum"] == "112860"
    report = service.receipts.report_data(ACCOUNT, 2026)
    assert [z.value for z in report.zones] == ["single", "day", "night"]
    november = report.months[10]
    assert (november.kwh, november.amounts) == ((50, 80, 30), (Decimal("347.50"), Decimal("656.00"),
                                                              Decimal("125.10")))
    assert report.months[9].kwh == (300, 0, 0)
    rows = list(csv.reader(io.StringIO(service.receipts.report_csv(ACCOUNT, 2026))))
    assert rows[0][:5] == ["period", "single_kwh", "day_kwh", "night_kwh", "kwh"]


def test_the_report_of_a_plan_change_year_names_both_plans(service: JournalService) -> None:
    make_receipt_household(service, "single", balance=False)
    before = service.receipts.report_data(ACCOUNT, 2026)
    assert before.plans == ((before.plan, None),) and before.plan_text == "однотарифный"
    service.change_plan(ACCOUNT, "two-zone", TODAY.replace(day=5), "2500", "2500,0")
    service.add_reading(ACCOUNT, TODAY.replace(day=20), "2580,30")
    report = service.receipts.report_data(ACCOUNT, 2026)
    assert report.plan_text == f"однотарифный; с {TODAY.replace(day=5):%d.%m.%Y} — двухзонный (день, ночь)"
    text = flat(pdf_text(service.receipts.report_pdf(ACCOUNT, 2026)))
    assert f"Тариф: однотарифный; с {TODAY.replace(day=5):%d.%m.%Y} — двухзонный (день, ночь)." in text
    empty = service.receipts.report_data(ACCOUNT, 2027)  # no readings yet: the account's plan
    assert empty.plans == () and empty.plan_text == "двухзонный (день, ночь)"


def test_a_document_writes_the_journals_messages_in_russian() -> None:
    from datetime import date
    from decimal import Decimal

    from desktop_app.document_language import in_document_language
    from journal.messages import Label, msg
    from journal.periods import Period

    assert in_document_language(msg("Please fill in the {label}.", label=Label("payee's name"))) == (
        "Пожалуйста, заполните поле «наименование получателя».")
    assert in_document_language(msg("Unknown tariff plan {text!r}; choose one of: {options}.", text="двойной",
                                    options="single")).startswith("Неизвестный тариф «двойной»;")
    shown = in_document_language(msg("{period}: {warning}", period=Period(2026, 11), warning=msg(
        "A payment of {value:.2f} ₽ on {paid_on} is already recorded for this account. Record it only if this is a "
        "second payment.", value=Decimal("1250.5"), paid_on=date(2026, 11, 9))))
    assert shown.startswith("ноябрь 2026: ") and "09.11.2026" in shown and "1250,50 ₽" in shown, shown
    assert in_document_language(msg("Words without a translation.")) == "Words without a translation."
