"""The self-test's checks of what only Windows and macOS have: their password stores and, on Windows, pdfium.

The installers' workflow runs `--self-test` in each frozen bundle on its own system; here the same checks run
against this machine's real keyring (no password store on a headless Linux) and real pdfium.
"""

from __future__ import annotations

import sys

import pytest

from desktop_app import self_test
from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.desktop_app.receipt_fixtures import make_receipt_household


def test_windows_and_macos_need_their_own_password_store() -> None:
    import keyring

    here = type(keyring.get_keyring())
    if here.__module__ + "." + here.__name__ in self_test.SYSTEM_KEYRING.values():
        pytest.skip("this machine has a system password store; the refusal needs one without")
    for platform, store in [("win32", "WinVaultKeyring"), ("darwin", "macOS.Keyring")]:
        with pytest.raises(RuntimeError, match=store):
            self_test._password_store(platform)
    assert self_test._password_store("linux")  # Linux: named, not required (a headless runner has none)


def test_windows_printing_check_rasterises_the_receipt_with_pdfium(service: JournalService,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    make_receipt_household(service)
    pdf = service.receipts.receipt_pdf(ACCOUNT, "2026-10")
    assert self_test._rasterise(pdf) == 1
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # a bundle without pdfium
    with pytest.raises(RuntimeError, match="pdfium"):
        self_test._rasterise(pdf)


def test_the_self_test_reads_the_receipts_qr_code_back_with_the_bill_reader(service: JournalService, tmp_path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    make_receipt_household(service)
    pdf = service.receipts.receipt_pdf(ACCOUNT, "2026-10")
    self_test._read_back(service.receipts, tmp_path / "receipt.pdf", pdf)  # the stored payee: no error
    monkeypatch.setitem(sys.modules, "zxingcpp", None)  # a build without zxing-cpp
    with pytest.raises(ImportError):
        self_test._read_back(service.receipts, tmp_path / "receipt.pdf", pdf)


def test_the_whole_self_test_passes_from_the_source(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What every bundle's `--self-test` runs, from the source in a child process (its own QApplication): a change
    of the product that breaks one of its steps fails here, not first in the bundle's build."""
    import os
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "METER_JOURNAL_DATA_DIR": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--self-test"], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0 and "self-test passed" in done.stdout, done.stdout + done.stderr


def test_the_self_tests_sample_makes_every_write_of_the_full_sample(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The self-test fills the sample household over a few months: the same writes as the two years a person looks
    around in (an account, a meter, readings, payments of the bills), fewer times."""
    from datetime import date

    from desktop_app.services.sample import SAMPLE_ACCOUNT, SAMPLE_MONTHS, create_sample

    today = date(2026, 11, 29)
    short = create_sample(tmp_path / "short.sqlite3", today, self_test.SAMPLE_MONTHS)
    full = create_sample(tmp_path / "full.sqlite3", today)
    try:
        assert len(short.history(SAMPLE_ACCOUNT)) == self_test.SAMPLE_MONTHS < SAMPLE_MONTHS
        assert len(full.history(SAMPLE_ACCOUNT)) == SAMPLE_MONTHS
        payments = short.billing.payments(SAMPLE_ACCOUNT)
        assert len(payments) == self_test.SAMPLE_MONTHS - 1
        # each month pays the previous month's bill, as in the full sample
        october = short.billing.bill(SAMPLE_ACCOUNT, "2026-10").charge.total
        assert october > 0 and payments[-1].amount == october and payments[-1].paid_on == date(2026, 11, 10)
        assert len(full.billing.payments(SAMPLE_ACCOUNT)) == SAMPLE_MONTHS - 1
    finally:
        short.close()
        full.close()
