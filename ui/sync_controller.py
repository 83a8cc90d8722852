"""Talking to the supplier's portal from the window: «Отправить и обновить» on demand and a quiet sync in the
background. All network work runs in a worker thread; the window stays fluid even if the portal takes
30 seconds to answer. The password is asked for when needed and kept only in the OS keyring."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop_app.portal.errors import AuthError, CredentialsRequired, InsecurePortalAddress
from desktop_app.portal.lock import SyncBusy
from desktop_app.services.changes import EVERY_ACCOUNT, Done, after_sync
from desktop_app.services.journal_service import JournalService
from desktop_app.services.sync_service import SyncReport, SyncService
from journal.errors import JournalError
from journal.messages import Message, message_of
from ui.dialog_buttons import ok_cancel
from ui.i18n import render
from ui.screen_fit import ScreenFitBody, room
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from journal.portal_data import InvoiceInfo

log = logging.getLogger(__name__)
BACKGROUND_MINUTES = 10


class PasswordDialog(QDialog):
    def __init__(self, login: str, message: str, can_remember: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password of the personal account"))
        text = QLabel(message or self.tr("Enter the password of the supplier's personal account for {login}.")
                      .format(login=login))
        text.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.remember = QCheckBox(self.tr("Remember it in this computer's protected password store"))
        self.remember.setAccessibleName(self.tr("Remember the password"))
        self.remember.setChecked(can_remember)
        self.remember.setVisible(can_remember)
        no_store = QLabel(self.tr("This computer has no protected password store: the password will be asked "
                                  "each time."))
        no_store.setWordWrap(True)
        no_store.setProperty("role", "hint")
        no_store.setVisible(not can_remember)
        buttons = ok_cancel(self, self.tr("Connect"), self.accept)
        fields = QWidget()
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (text, self.password, self.remember, no_store):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(ScreenFitBody(fields))  # on a small screen at large text it scrolls; the buttons stay
        layout.addWidget(buttons)


class SyncController(QObject):
    """The window's way to the portal: it asks the controller, never the SyncService behind it."""

    finished = Signal(object)  # the SyncReport
    changed = Signal(object)  # the Changes a sync made (submissions' states, what it pulled), from its report
    status = Signal(str)

    def __init__(self, service: JournalService, tasks: TaskRunner, parent: QWidget,
                 ask_password: Callable[[str, str, bool], tuple[str, bool] | None] | None = None) -> None:
        super().__init__(parent)
        self.window, self.tasks = parent, tasks
        self.sync_service = SyncService(service)
        self.ask_password = ask_password or self._ask_password
        self.running = False
        self._cancel: threading.Event | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(BACKGROUND_MINUTES * 60 * 1000)
        self.timer.timeout.connect(self.background_sync)

    def start_background(self) -> None:
        self.timer.start()
        QTimer.singleShot(5000, self.background_sync)

    # --- on demand --------------------------------------------------------------------------------------
    def sync_now(self, number: str | None, password: str | None = None) -> None:
        if self.running:
            return
        progress = self.progress_dialog()
        cancel = threading.Event()
        progress.canceled.connect(cancel.set)
        progress.show()  # at once, not when Qt's progress dialog would decide to (4 s without a value)
        self._run(number, password, background=False, cancel=cancel, progress=progress)

    def progress_dialog(self) -> QProgressDialog:
        progress = QProgressDialog(self.tr("Connecting to the supplier's personal account…"), self.tr("Cancel"),
                                   0, 0, self.window)
        progress.setWindowTitle(self.tr("Sending readings"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)  # it ends with the report, until the person closes it
        progress.setAutoReset(False)
        label = QLabel(progress.labelText())
        label.setWordWrap(True)  # a long step or the report wraps instead of widening the dialog off the screen
        label.setMaximumWidth(min(room(self.window).width() - 80, label.fontMetrics().horizontalAdvance("M") * 34))
        progress.setLabel(label)
        return progress

    def background_sync(self, number: str | None = None) -> None:
        """Quietly, only when there is something to do and a password is at hand (never asks). `number`: the
        account whose login to look for (else the only account's)."""
        if self.running:
            return
        service = self.sync_service
        try:
            info = service.credential_info(service.login_for(number))
        except JournalError:
            return
        if not (info.stored or info.from_environment):
            return
        self._run(None, None, background=True, cancel=threading.Event(), progress=None)

    def _run(self, number: str | None, password: str | None, *, background: bool, cancel: threading.Event,
             progress: QProgressDialog | None) -> None:
        self.running = True
        self._cancel = cancel
        service = self.sync_service

        def work(_token: object, report: Callable[[int, Message | None], None]) -> object:
            return service.sync(number, password=password, background=background, cancel=cancel,
                                progress=lambda p: report(0, None if p.step == "done" else p.message))

        def on_progress(_percent: int, message: Message | None) -> None:
            if progress is not None:
                progress.setLabelText(render(message) if message is not None else self.tr("Done."))

        def done(result: object) -> None:
            self.running = False
            if progress is not None:  # asked for: what it did, whole, in the dialog, until the person closes it
                progress.setRange(0, 1)
                progress.setValue(1)
                progress.setLabelText(self.report_text(result))  # type: ignore[arg-type]
                progress.setCancelButtonText(self.tr("Close"))
            self.finished.emit(result)
            self.changed.emit(after_sync(result, frozenset({number}) if number else frozenset({EVERY_ACCOUNT})))

        def failed(error: BaseException) -> None:
            self.running = False
            if progress is not None:
                progress.close()
            if background:
                log.info("Background sync did not run: %s", type(error).__name__)
                return
            if isinstance(error, AuthError | CredentialsRequired):
                login = getattr(error, "login", None) or service.login_for(number)
                can_remember = service.credential_info(login).keyring.available
                # A missing password is asked for in the window's own words (the message names the command line's
                # ways); a refused one says so.
                message = render(error) if isinstance(error, AuthError) else ""
                answer = self.ask_password(login, message, can_remember)
                if answer is not None:
                    typed, remember = answer
                    if remember and can_remember:
                        service.save_password(login, typed)
                    self.sync_now(number, typed)
                return
            if isinstance(error, InsecurePortalAddress):
                QMessageBox.warning(self.window, self.tr("Address of the personal account"),
                                    render(error))
                return
            if isinstance(error, SyncBusy):
                self.status.emit(self.tr("Another sync is already running."))
                return
            message = render(message_of(error))
            self.status.emit(message)

        self.tasks.run(work, done, failed, on_progress)

    def report_text(self, report: SyncReport) -> str:
        """The status line after a sync, what needs attention first: an unconfirmed send is never called sent."""
        parts = []
        if report.expired:
            parts.append(self.tr("The exchange stopped at its time limit: the personal account answers too slowly. "
                                 "Nothing is lost; the rest is done next time."))
        elif report.unreachable:
            parts.append(self.tr("The personal account cannot be reached now; the readings stay queued and will be "
                                 "sent later."))
        if report.checking:
            parts.append(self.tr("Not confirmed yet: {count}; they are checked later and never sent twice.").format(
                count=len(report.checking)))
        if report.withdrawn:
            parts.append(self.tr("Not sent, as they were deleted or corrected in the journal: {count}.").format(
                count=len(report.withdrawn)))
        parts.append(self.tr("Sent: {sent}; accepted: {accepted}; rejected: {rejected}; waiting: {waiting}.").format(
            sent=len(report.sent), accepted=len(report.accepted), rejected=len(report.rejected),
            waiting=len(report.queued)))
        if report.pulled is not None:  # what it brought: shown in the payments tab
            parts.append(self.tr("From the personal account: bills {bills} (new: {new_bills}), payments {payments} "
                                 "(new: {new_payments}).").format(
                bills=report.pulled.invoices, new_bills=report.pulled.new_invoices,
                payments=report.pulled.payments, new_payments=report.pulled.new_payments))
        return " ".join(parts)

    def _ask_password(self, login: str, message: str, can_remember: bool) -> tuple[str, bool] | None:
        dialog = PasswordDialog(login, message, can_remember, self.window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
                return None
            return dialog.password.text(), dialog.remember.isChecked()
        finally:
            dialog.deleteLater()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def open_portal(self) -> None:
        QDesktopServices.openUrl(QUrl(self.sync_service.portal_web_url()))

    def invoice_pdf(self, invoice: InvoiceInfo) -> Path | None:
        return self.sync_service.invoice_pdf(invoice)

    def password_stored(self, number: str | None) -> bool:
        service = self.sync_service
        return service.credential_info(service.login_for(number)).stored

    def forget_password(self, number: str | None) -> bool:
        service = self.sync_service
        return service.forget_password(service.login_for(number))

    def decide_offer(self, number: str, offer_id: int, accept: bool, valid_from: date) -> Done[object]:
        """The person's answer to the supplier's new prices: used from `valid_from`, or ignored."""
        if accept:
            return self.sync_service.accept_tariff_offer(number, offer_id, valid_from)  # type: ignore[return-value]
        return self.sync_service.dismiss_tariff_offer(number, offer_id)  # type: ignore[return-value]
