"""`sync` and `portal ...` from the command line against the emulator: exit 0 (nothing queued), 3 (readings remain
queued), 2 (a user error); and no secret in any log file or in the journal."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop_app.__main__ import main
from tests.conftest import ACCOUNT
from tests.portal.support import PASSWORD, MemoryKeyring
from tests.portal_emulator import PortalEmulator

DAY = date.today() - timedelta(days=3)  # the CLI's journal uses the real today


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("METER_JOURNAL_PORTAL_URL", raising=False)
    monkeypatch.delenv("METER_JOURNAL_PORTAL_LOGIN", raising=False)
    monkeypatch.delenv("METER_JOURNAL_PORTAL_PASSWORD", raising=False)
    d = ["--data-dir", str(tmp_path)]
    assert run(capsys, "account", "add", ACCOUNT, "--holder", "Иванова Мария Петровна", "--address",
               "Самара, ул. Ленина, 1", "--plan", "two-zone", "--category", "urban-gas", *d)[0] == 0
    assert run(capsys, "meter", "add", "--account", ACCOUNT, "--serial", "11712434", "--digits", "6",
               "--installed", "2025-01-10", "--initial", "1000,500", *d)[0] == 0
    assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", DAY.isoformat(), "1200,600", *d)[0] == 0
    return tmp_path


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_sync_exit_codes_0_3_and_2(folder: Path, emulator: PortalEmulator, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    d = ["--data-dir", str(folder)]
    # Unreachable: the reading stays queued → 3.
    gone = PortalEmulator()
    gone.stop()
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", PASSWORD)
    code, out, _err = run(capsys, "sync", "--portal-url", gone.url, *d)
    assert code == 3 and "Waiting: 1" in out and "cannot be reached" in out
    # A wrong password: a user error → 2, one line, nothing sent.
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", "not-the-password")
    code, out, err = run(capsys, "sync", "--portal-url", emulator.url, *d)
    assert code == 2 and "password again" in err and err.count("\n") == 1
    assert "not-the-password" not in err + out
    # The right one: sent, accepted, pulled → 0.
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", PASSWORD)
    code, out, _err = run(capsys, "sync", "--portal-url", emulator.url, *d)
    assert code == 0, out
    assert "Sent: 1" in out and "Accepted for billing: 1" in out and "Rejected: 0" in out and "Waiting: 0" in out
    assert "2 invoice(s)" in out and "Tariff update offered (not applied)" in out
    assert emulator.count(DAY, (1200, 600)) == 1
    code, out, _ = run(capsys, "portal", "status", "--account", ACCOUNT, *d)
    assert code == 0 and "accepted for billing" in out
    code, out, _ = run(capsys, "portal", "bills", "--account", ACCOUNT, *d)
    assert code == 0 and "300000000102" in out and "PDF" in out


def test_no_secret_in_logs_or_the_journal(folder: Path, emulator: PortalEmulator, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    d = ["--data-dir", str(folder)]
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", PASSWORD)
    emulator.fail("drop_after_store", method="POST")
    emulator.fail("csrf", method="POST")
    emulator.fail("500", method="GET", path="PaymentDocuments")
    code, out, err = run(capsys, "sync", "--portal-url", emulator.url, *d)
    assert code == 3 and "Not confirmed yet, being checked with the supplier: 1" in out, out + err  # no answer
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", PASSWORD + "-wrong")
    assert run(capsys, "sync", "--portal-url", emulator.url, *d)[0] == 2
    logs = list((folder / "logs").glob("*"))
    assert logs and "MeterReadingResults" in (folder / "logs" / "meter-journal.log").read_text(encoding="utf-8")
    from urllib.parse import quote, quote_plus

    secrets = [s.encode() for p in (PASSWORD, PASSWORD + "-wrong") for s in (p, quote(p, safe=""), quote_plus(p))]
    for path in [*logs, *folder.rglob("*.sqlite3*"), *folder.rglob("*.json")]:
        data = path.read_bytes()
        assert not any(secret in data for secret in secrets), path
        assert b"sap-password=" not in data or b"sap-password=***" in data
    assert not any(secret.decode() in out + err for secret in secrets)


def test_portal_login_stores_the_password_in_the_keyring(folder: Path, emulator: PortalEmulator,
                                                         memory_keyring: MemoryKeyring,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    d = ["--data-dir", str(folder)]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out, _ = run(capsys, "portal", "login", "--login", ACCOUNT, "--portal-url", emulator.url, *d)
    assert code == 0 and "keyring" in out
    assert list(memory_keyring.data.values()) == [PASSWORD]
    assert PASSWORD not in (folder / "portal.json").read_text(encoding="utf-8")
    code, out, _ = run(capsys, "sync", *d)  # the URL and login remembered, the password from the keyring
    assert code == 0 and "Sent: 1" in out


def test_portal_login_without_a_keyring_says_so(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code, _out, err = run(capsys, "portal", "login", "--login", ACCOUNT, "--data-dir", str(folder))
    finally:
        keyring.set_keyring(previous)
    assert code == 2 and "no password store" in err and "asked for each time" in err


def test_sync_without_any_password_is_a_user_error(folder: Path, emulator: PortalEmulator,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code, _out, err = run(capsys, "sync", "--portal-url", emulator.url, "--data-dir", str(folder))
    finally:
        keyring.set_keyring(previous)
    assert code == 2 and "METER_JOURNAL_PORTAL_PASSWORD" in err


def test_anonymous_sync_from_the_command_line(folder: Path, emulator: PortalEmulator,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sync", "--anonymous", "--portal-url", emulator.url, "--data-dir", str(folder))
    assert code == 0 and "Sent: 1" in out and "Pulled: nothing" in out
    assert emulator.count(DAY, (1200, 600)) == 1


def test_an_unconfirmed_send_is_not_called_sent_and_exits_3(folder: Path, emulator: PortalEmulator,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    d = ["--data-dir", str(folder)]
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", PASSWORD)
    emulator.fail("html", method="POST")  # a proxy's page instead of the stored reading
    code, out, _err = run(capsys, "sync", "--no-pull", "--portal-url", emulator.url, *d)
    assert code == 3, out
    assert "Sent: 0" in out and "Not confirmed yet, being checked with the supplier: 1" in out and "Waiting: 0" in out
    assert "sent to the supplier" not in out and "asked from " in out
    code, out, _ = run(capsys, "portal", "status", *d)
    assert code == 0 and "not confirmed yet: being checked with the supplier" in out
    code, out, _ = run(capsys, "sync", "--no-pull", "--portal-url", emulator.url, *d)  # at once: it still waits
    assert code == 3 and "Sent: 0" in out and emulator.posts == 1


QUOTING = "Ошибка обработки запроса {request}"


@pytest.mark.parametrize("kind", ["reject", "500"])
def test_a_portal_error_quoting_the_request_never_shows_the_password(kind: str, folder: Path,
                                                                     emulator: PortalEmulator,
                                                                     capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from urllib.parse import quote, quote_plus

    d = ["--data-dir", str(folder)]
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", PASSWORD)
    emulator.fail(kind, method="POST", message=QUOTING)
    code, out, err = run(capsys, "sync", "--no-pull", "--portal-url", emulator.url, *d)
    assert code == (0 if kind == "reject" else 3), out + err
    assert "Ошибка обработки запроса POST /sap/" in out and "sap-password=***" in out  # shown, redacted
    code, status, _ = run(capsys, "portal", "status", *d)
    assert "sap-password=***" in status
    secrets = [s.encode() for s in (PASSWORD, quote(PASSWORD, safe=""), quote_plus(PASSWORD))]
    files = [*(folder / "logs").glob("*"), *folder.rglob("*.sqlite3*")]
    assert any(b"sap-password=***" in p.read_bytes() for p in folder.rglob("*.sqlite3*"))  # stored, redacted
    for path in files:
        assert not any(secret in path.read_bytes() for secret in secrets), path
    assert not any(secret.decode() in out + err + status for secret in secrets)


@pytest.mark.parametrize("how", ["option", "environment"])
def test_plain_http_to_another_computer_is_refused(how: str, folder: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    d = ["--data-dir", str(folder)]
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", PASSWORD)
    journal = (folder / "journal.sqlite3").read_bytes()
    url = ["--portal-url", "http://lk.samaraenergo.ru"] if how == "option" else []
    if how == "environment":
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", "http://lk.samaraenergo.ru/")
    code, out, err = run(capsys, "sync", *url, *d)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("error: The portal address http://lk.samaraenergo.ru is not protected (http://)")
    assert "Use the https:// address" in err
    assert (folder / "journal.sqlite3").read_bytes() == journal
    code, _out, err = run(capsys, "portal", "login", "--login", ACCOUNT, *url, *d)
    assert code == 2 and "not protected (http://)" in err and not (folder / "portal.json").exists()
