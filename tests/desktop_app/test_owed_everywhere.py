"""One figure for what is owed: the receipt (its text and its QR code read back from the rendered page), `balance
--json`, `receipt --json` and the yearly report ask the very Decimal that journal.owed gives (the window's headline
and the receipt dialog: tests/ui/test_owed_window.py). The household pays 500 ₽ after its last period."""

from __future__ import annotations

import functools
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.services import journal_service
from desktop_app.services.journal_service import JournalService
from journal import accounts, billing
from journal.errors import InvalidInput
from tests.conftest import ACCOUNT, TODAY, make_household
from tests.desktop_app.receipt_fixtures import VALID_PAYEE, make_paid_after_household
from tests.desktop_app.test_cli import run
from tests.desktop_app.test_receipts import decoded_payload, flat, pdf_text
from tests.journal.test_billing import snapshot

OWED = Decimal("3709.60")  # see make_paid_after_household


def owed_today(service: JournalService) -> Decimal:
    with service.journal.read() as session:
        return billing.owed(session, accounts.find_account(session, ACCOUNT), TODAY).total


@pytest.fixture
def paid_after(service: JournalService) -> JournalService:
    make_paid_after_household(service)
    assert owed_today(service) == OWED
    return service


def test_the_receipt_and_its_qr_code_ask_what_is_owed(paid_after: JournalService, tmp_path: Path) -> None:
    pdf = paid_after.receipts.receipt_pdf(ACCOUNT, "2026-11")
    fields, _ = decoded_payload(pdf, tmp_path, "paid-after")
    assert fields["Sum"] == str(int(OWED * 100)) == "370960"  # not 420960: the 500 ₽ paid on 2026-11-27 counts
    text = flat(pdf_text(pdf))
    for line in ["Начислено за ноябрь 2026: 1 973,60", "Долг на начало периода: 2 236,00",
                 "Оплачено после периода: 500,00", "Итого к оплате: 3 709,60", "Сумма посчитана на 28.11.2026",
                 "Сумма платежа 3 709 руб. 60 коп."]:
        assert text.count(line) == 2, line  # once in each half


def test_a_receipt_for_an_earlier_period_says_the_day_its_sum_is_counted_to(paid_after: JournalService,
                                                                          tmp_path: Path) -> None:
    # October, counted to the day before November was billed (2026-11-20): 1834.00 owed at its start, 1902.00
    # charged, 1500.00 paid in it → 2236.00.
    pdf = paid_after.receipts.receipt_pdf(ACCOUNT, "2026-10")
    fields, _ = decoded_payload(pdf, tmp_path, "october")
    assert fields["Sum"] == "223600"
    text = flat(pdf_text(pdf))
    for line in ["Начислено за октябрь 2026: 1 902,00", "Долг на начало периода: 1 834,00",
                 "Оплачено в периоде: 1 500,00", "Итого к оплате: 2 236,00", "Сумма посчитана на 19.11.2026"]:
        assert text.count(line) == 2, line
    assert "Оплачено после периода" not in text


def test_the_yearly_report_closes_on_the_same_figure(paid_after: JournalService) -> None:
    report = paid_after.receipts.report_data(ACCOUNT, 2026)
    assert report.closing == OWED
    assert [m.balance for m in report.months[8:12]] == [Decimal("1834.00"), Decimal("2236.00"), Decimal("4209.60"),
                                                         OWED]
    assert report.opening is None  # the journal starts in 2026


@pytest.fixture
def d(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(journal_service, "JournalService", functools.partial(JournalService, today=lambda: TODAY))
    return ["--data-dir", str(tmp_path)]


def test_balance_and_receipt_json_give_the_same_figure(capsys: pytest.CaptureFixture[str], d: list[str],
                                                       tmp_path: Path) -> None:
    svc = JournalService(tmp_path / "journal.sqlite3", today=lambda: TODAY)
    make_paid_after_household(svc)
    svc.close()
    code, out, err = run(capsys, "balance", "--account", ACCOUNT, "--json", *d)
    assert code == 0, err
    owed = json.loads(out)["owed"]
    assert (owed["total"], owed["charge"], owed["carried"], owed["paid_after"], owed["as_of"]) == (
        "3709.60", "1973.60", "2236.00", "500.00", "2026-11-28")
    assert Decimal(owed["total"]) == OWED
    code, out, err = run(capsys, "receipt", "--account", ACCOUNT, "--period", "2026-11", "--out",
                         str(tmp_path / "r.pdf"), "--json", *d)
    assert code == 0, err
    receipt = json.loads(out)
    assert (receipt["amount"], receipt["owed"]) == ("3709.60", owed)


# --- a typed amount while prices are unknown ---------------------------------------------------------------------


def unknown_price_household(svc: JournalService) -> JournalService:
    """Two zones from 2025-05-10: 2025-08's charge spans 2025-07-01, whose two-zone night price is not known."""
    make_household(svc, installed=date(2025, 5, 10))
    svc.add_reading(ACCOUNT, date(2025, 8, 20), "1300,650")
    svc.receipts.set_payee(**VALID_PAYEE)
    return svc


def test_a_typed_amount_prints_while_prices_are_unknown(service: JournalService, tmp_path: Path) -> None:
    unknown_price_household(service)
    with pytest.raises(InvalidInput) as error:
        service.receipts.receipt_data(ACCOUNT, "2025-08")
    assert error.value.field == "amount" and "2025-08 is unknown" in error.value.message
    assert "paper bill" in error.value.message
    pdf = service.receipts.receipt_pdf(ACCOUNT, "2025-08", "1500,00")
    fields, _ = decoded_payload(pdf, tmp_path, "typed")
    assert fields["Sum"] == "150000"
    text = flat(pdf_text(pdf))
    for line in ["Т1 (день) 1000 1300 300 неизвестен —", "Т2 (ночь) 500 650 150 неизвестен —",
                 "Начислено за август 2025: цена неизвестна", "К оплате (указано плательщиком): 1 500,00",
                 "Сумма платежа 1 500 руб. 00 коп."]:
        assert text.count(line) == 2, line


def test_cli_receipt_with_an_amount_while_prices_are_unknown(capsys: pytest.CaptureFixture[str], d: list[str],
                                                             tmp_path: Path) -> None:
    svc = JournalService(tmp_path / "journal.sqlite3", today=lambda: TODAY)
    unknown_price_household(svc)
    svc.close()
    out_file = tmp_path / "kvitanciya.pdf"
    command = ["receipt", "--account", ACCOUNT, "--period", "2025-08", "--out", str(out_file)]
    before = snapshot(tmp_path / "journal.sqlite3")
    code, out, err = run(capsys, *command, *d)
    assert (code, out, err.count("\n")) == (2, "", 1) and "--amount" not in err and "paper bill" in err, err
    assert not out_file.exists() and snapshot(tmp_path / "journal.sqlite3") == before
    code, out, err = run(capsys, *command, "--amount", "1500,00", *d)
    assert code == 0, err
    assert out == (f"Receipt for account {ACCOUNT}, period 2025-08: 1500.00 ₽ (the amount you gave) written to "
                   f"{out_file}.\n")
    fields, _ = decoded_payload(out_file.read_bytes(), tmp_path, "cli-typed")
    assert fields["Sum"] == "150000"
    assert snapshot(tmp_path / "journal.sqlite3") == before
