"""Saving with the journal's questions: a replacement for the same month, a rollover, an unusual jump.

The journal refuses such a value with a ConfirmationRequired; the window asks the person and, on yes, saves
again with that answer given, so one action may ask one or more questions before it goes through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from journal.errors import ConfirmationRequired
from ui.i18n import translate_message


@dataclass(frozen=True)
class Confirmed:
    """The questions the person has said yes to, by the journal's kinds."""

    replace: bool = False
    rollover: bool = False
    jump: bool = False


def ask_yes_no(parent: QWidget) -> Callable[[ConfirmationRequired], bool]:
    def ask(question: ConfirmationRequired) -> bool:
        answer = QMessageBox.question(parent, QCoreApplication.translate("common", "Please confirm"),
                                      translate_message(question.message))
        return answer == QMessageBox.StandardButton.Yes

    return ask


def save_with_confirmations(parent: QWidget, save: Callable[[Confirmed], object], *, given: Confirmed = Confirmed(),
                            ask: Callable[[ConfirmationRequired], bool] | None = None) -> bool:
    """Run `save` with the answers given so far; at each question the journal asks, ask the person (a yes/no
    box unless `ask` is given) and run it again. True once it went through; False when the person said no.
    Any other JournalError is the caller's to show next to its field."""
    ask = ask or ask_yes_no(parent)
    confirmed = given
    while True:
        try:
            save(confirmed)
            return True
        except ConfirmationRequired as question:
            if getattr(confirmed, question.kind, True) or not ask(question):
                return False  # a question already answered yes comes back: do not loop
            confirmed = replace(confirmed, **{question.kind: True})
