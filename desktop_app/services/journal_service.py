"""The journal service: every user action on accounts, meters and readings, one transaction each.

The CLI and the UI call these methods and get plain records back; a write returns `Done(record, changes)`, what it
changed (desktop_app.services.changes) beside the record. Saving, editing, deleting or undoing a reading also
updates the portal outbox (journal.outbox) inside the same transaction.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.paths import backups_dir
from desktop_app.services.changes import ACCOUNTS, EVERY_ACCOUNT, Changes, Done, meters_of, readings_of
from journal import accounts  # the others where used: a command imports what it needs
from journal.errors import Cancelled, InvalidInput, JournalFileError
from journal.messages import msg
from journal.records import AccountInfo, ChangeInfo, HistoryRow, MeterInfo, PeriodConsumption, ReadingInfo
from journal.storage.database import RESTORE_STOPPED, Journal, backup_file, open_journal, restore_into, save_copy
from journal.storage.files import SQLITE_HEADER, file_error, header_of, same_file, write_bytes_whole
from journal.storage.schema import inspect_file

if TYPE_CHECKING:  # imported on use: a command of the journal itself starts without them
    from desktop_app.services.billing_service import BillingService
    from desktop_app.services.receipt_service import ReceiptService

log = logging.getLogger(__name__)

Values = str | list[str] | tuple[int, ...]


class JournalService:
    """`command` names the command line's subcommand using the journal ("" for the window): another program
    that finds the journal busy tells whose work it waits for."""

    def __init__(self, path: Path, *, today: Callable[[], date] = date.today, command: str = "") -> None:
        self.path = path
        self.today = today
        self.command = command
        self.journal: Journal = open_journal(path, command=command)

    def close(self) -> None:
        self.journal.close()

    @property
    def billing(self) -> BillingService:
        """Prices, bills, payments and balances; made on use, so it follows the journal after a restore."""
        from desktop_app.services.billing_service import BillingService

        return BillingService(self.journal, self.today)

    @property
    def receipts(self) -> ReceiptService:
        """Payee details, PD-4 receipts, readings slips and yearly reports; made on use, like `billing`."""
        from desktop_app.services.receipt_service import ReceiptService

        return ReceiptService(self.journal, self.today)

    # Accounts and meters
    def add_account(self, number: str, holder: str, address: str, plan: str, category: str) -> Done[AccountInfo]:
        with self.journal.write() as session:
            info = accounts.add_account(session, number, holder, address, plan, category)
        log.info("Account %s added", info.number)
        return Done(info, ACCOUNTS)

    def create_account_with_meter(
        self, number: str, holder: str, address: str, plan: str, category: str, serial: str, digits: int | str,
        installed_on: date, initial: Values, *, next_verification_year: int | None = None,
    ) -> Done[AccountInfo]:
        """The first-start form: the account and its meter from the installation act, in one transaction."""
        from journal import meters

        with self.journal.write() as session:
            info = accounts.add_account(session, number, holder, address, plan, category)
            meters.add_meter(session, accounts.find_account(session, number), serial, digits, installed_on, initial,
                             today=self.today(), next_verification_year=next_verification_year)
        log.info("Account %s added with its meter", info.number)
        return Done(info, meters_of(info.number))

    def update_account(self, number: str, holder: str, address: str, plan: str, category: str
                       ) -> Done[AccountInfo]:
        with self.journal.write() as session:
            info = accounts.update_account(session, number, holder, address, plan, category)
        return Done(info, ACCOUNTS | readings_of(info.number, outbox=False))  # the plan prices its readings

    def list_accounts(self) -> list[AccountInfo]:
        with self.journal.read() as session:
            return accounts.list_accounts(session)

    def account(self, number: str) -> AccountInfo:
        with self.journal.read() as session:
            return accounts.account_info(accounts.find_account(session, number))

    def meters(self, number: str) -> list[MeterInfo]:
        from journal import meters

        with self.journal.read() as session:
            return meters.list_meters(session, accounts.find_account(session, number))

    def add_meter(self, number: str, serial: str, digits: int | str, installed_on: date, initial: Values,
                  *, verified_year: int | None = None, next_verification_year: int | None = None
                  ) -> Done[MeterInfo]:
        from journal import meters

        with self.journal.write() as session:
            account = accounts.find_account(session, number)
            info = meters.add_meter(session, account, serial, digits, installed_on, initial, today=self.today(),
                                    verified_year=verified_year, next_verification_year=next_verification_year)
        return Done(info, meters_of(number))

    def replace_meter(self, number: str, old_final: Values, serial: str, digits: int | str, installed_on: date,
                      initial: Values, *, rollover: bool = False, confirm: bool = False,
                      verified_year: int | None = None,
                      next_verification_year: int | None = None, plan: str | None = None) -> Done[MeterInfo]:
        from journal import meters

        with self.journal.write() as session:
            account = accounts.find_account(session, number)
            info = meters.replace_meter(session, account, old_final, serial, digits, installed_on, initial,
                                        today=self.today(), rollover=rollover, confirm=confirm,
                                        verified_year=verified_year,
                                        next_verification_year=next_verification_year, plan=plan)
        log.info("Meter of account %s replaced", number)
        return Done(info, meters_of(number))

    def change_plan(self, number: str, plan: str, changed_on: date, old_final: Values, initial: Values, *,
                    rollover: bool = False, confirm: bool = False) -> Done[MeterInfo]:
        """A new tariff plan with the same meter: its values on the day close the old plan and open the new."""
        from journal import meters

        with self.journal.write() as session:
            account = accounts.find_account(session, number)
            info = meters.change_plan(session, account, plan, changed_on, old_final, initial, today=self.today(),
                                      rollover=rollover, confirm=confirm)
        log.info("Tariff plan of account %s changed to %s", number, info.plan)
        return Done(info, meters_of(number))

    def correct_act(self, number: str, *, serial: str | None = None, digits: int | str | None = None,
                    installed_on: date | None = None, initial: Values | None = None) -> Done[MeterInfo]:
        """Correct the installation act of the account's meter in use (only what is given); undo takes it back."""
        from journal import meter_acts

        with self.journal.write() as session:
            account = accounts.find_account(session, number)
            info = meter_acts.correct_act(session, account, today=self.today(), serial=serial, digits=digits,
                                          installed_on=installed_on, initial=initial)  # type: ignore[arg-type]
        log.info("Installation act of account %s corrected", number)
        return Done(info, meters_of(number, outbox=False))

    # Readings
    def add_reading(self, number: str, taken_on: date, values: Values, *, serial: str | None = None,
                    replace: bool = False, rollover: bool = False, confirm: bool = False) -> Done[ReadingInfo]:
        from journal import outbox, readings

        with self.journal.write() as session:
            account = accounts.find_account(session, number)
            info = readings.add_reading(session, account, taken_on, values, today=self.today(), serial=serial,
                                        replace=replace, rollover=rollover, confirm=confirm)
            outbox.reading_saved(session, info.id, self.today())  # the portal submission, same transaction
        log.info("Reading for account %s, period %s saved", number, info.period)
        return Done(info, readings_of(number))

    def edit_reading(self, number: str, reading_id: int, taken_on: date, values: Values, *,
                     rollover: bool = False, confirm: bool = False) -> Done[ReadingInfo]:
        from journal import outbox, readings

        with self.journal.write() as session:
            account = accounts.find_account(session, number)
            info = readings.edit_reading(session, account, reading_id, taken_on, values, today=self.today(),
                                         rollover=rollover, confirm=confirm)
            outbox.reading_saved(session, info.id, self.today())
        return Done(info, readings_of(number))

    def delete_reading(self, number: str, reading_id: int) -> Done[ReadingInfo]:
        from journal import outbox, readings

        with self.journal.write() as session:
            info = readings.delete_reading(session, accounts.find_account(session, number), reading_id)
            outbox.reading_retired(session, info.id)
        return Done(info, readings_of(number))

    def last_change(self) -> ChangeInfo | None:
        """What `undo` would take back now."""
        from journal import readings

        with self.journal.read() as session:
            return readings.last_change(session)

    def undo(self, expected: int | None = None) -> Done[str]:
        """Undo the last change; with `expected` (a ChangeInfo's id) only if it is still the last one. The last
        change may be any account's: every account's readings count as changed."""
        from journal import meter_acts, outbox, readings

        with self.journal.write() as session:
            change_id = outbox.last_change_id(session)
            action = readings.undo_last(session, expected)
            outbox.after_undo(session, change_id, self.today())
        # an act's correction undone: the meters shown with the accounts change too
        return Done(action, readings_of(EVERY_ACCOUNT) | (ACCOUNTS if action == meter_acts.ACTION else Changes()))

    def history(self, number: str, *, include_retired: bool = True) -> list[HistoryRow]:
        from journal import history

        with self.journal.read() as session:
            account = accounts.find_account(session, number)
            return history.account_history(session, account, include_retired=include_retired)

    @contextmanager
    def history_rows(self, number: str) -> Iterator[tuple[AccountInfo, Iterator[HistoryRow]]]:
        """An account and its history read one row at a time, in one read transaction: a long output is written
        while it is read, never held whole."""
        from journal import history

        with self.journal.read() as session:
            account = accounts.find_account(session, number)
            yield accounts.account_info(account), history.history_rows(session.connection().connection, account.id)

    def monthly(self, number: str) -> list[PeriodConsumption]:
        from journal import history

        return history.monthly_consumption(self.history(number, include_retired=False))

    # Files
    def export_csv(self, out: Path, *, excel: bool = False) -> int:
        """All readings in force to a CSV file, written whole or not at all. `excel`: the dialect a Russian Excel
        opens as a table (UTF-8 with a BOM, semicolons, dates as 20.02.2025)."""
        from journal import exchange

        out = Path(out)
        if header_of(out).startswith(SQLITE_HEADER):
            raise JournalFileError(msg(
                "{out} is a database (perhaps the journal or a copy of it), not a table of readings, so it was not "
                "overwritten. Choose another name.",
                out=out,
            ))
        text = io.StringIO(newline="")
        with self.journal.read() as session:
            count = exchange.write_csv(session, text, excel=excel)
        write_bytes_whole(out, text.getvalue().encode("utf-8-sig" if excel else "utf-8"))
        return count

    def import_csv(self, source: Path, *, replace: bool = False, rollover: bool = False,
                   confirm: bool = False) -> Done[int]:
        """Readings from a CSV file (ours or Excel's: see journal.exchange), all or nothing; the file is read and
        decoded before the journal is touched."""
        from journal import exchange

        source = Path(source)
        try:
            if source.is_file() and source.stat().st_size > exchange.MAX_FILE_BYTES:
                raise InvalidInput(msg("The file {source} is too large to be a table of readings.", source=source),
                                   field="file")
            data = source.read_bytes()
        except OSError as exc:
            raise file_error(exc, source, writing=False) from exc
        text = exchange.decode_csv(data, source.name)
        with self.journal.write() as session:
            count = exchange.import_csv(session, text, today=self.today(), replace=replace, rollover=rollover,
                                        confirm=confirm)
        return Done(count, readings_of(EVERY_ACCOUNT))

    def backup(self, out: Path) -> Path:
        """A copy of the journal in a file the person names; an existing file that is not a journal copy is
        refused."""
        return save_copy(self.path, Path(out))

    def restore(self, source: Path, *, progress: Callable[[int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> Done[Path]:
        """Replace the journal by a backup copy after checking the copy (SQLite header, application id, full
        integrity check, a revision this version knows); the current journal is kept as a backup first. A refused
        copy or a failure (a full disk) changes nothing. Any thread: `progress(percent)` says how far it is;
        `cancelled()` True stops it before the journal is replaced (Cancelled; the copy kept first is removed)."""
        report = progress or (lambda _percent: None)
        stop = cancelled or (lambda: False)
        source = Path(source)
        if same_file(source, self.path):
            raise JournalFileError(msg(
                "{source} is the journal itself: choose a backup copy to restore.",
                source=source,
            ))
        inspect_file(source, copy=True)  # refuses an empty, corrupt, foreign or newer file before anything changes
        report(30)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = backup_file(self.path, backups_dir(self.path.parent) / f"journal-before-restore-{stamp}.sqlite3")
        report(50)
        self.journal.close()
        try:
            if stop():
                raise Cancelled(RESTORE_STOPPED)
            restore_into(source, self.path, progress=lambda percent: report(50 + percent * 45 // 100),
                         cancelled=stop)
        except Cancelled:
            kept.unlink(missing_ok=True)  # nothing was restored: no copy «made before a restore» either
            raise
        finally:
            self.journal = open_journal(self.path, command=self.command)  # upgraded if the copy is older
        report(100)
        log.info("Journal restored from a backup; the previous one kept as %s", kept.name)
        return Done(kept, Changes.everything())
