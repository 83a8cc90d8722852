"""The buttons every dialog ends with: one place for their texts, accessible names and default."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def ok_cancel(dialog: QDialog, ok_text: str, on_ok: Callable[[], object], ok_name: str | None = None
              ) -> QDialogButtonBox:
    """An OK button (the default, with the dialog's own wording) and Cancel (closes the dialog). The box is the
    dialog's child from the start: a button made default before it is in its dialog is forgotten as such, and on
    show the dialog makes the first button after the focus its default (in Settings, a hidden tab's «Выбрать…»:
    Enter in the text size did nothing)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_name or ok_text)
    ok.setDefault(True)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("common", "Cancel"))
    cancel.setAccessibleName(QCoreApplication.translate("common", "Cancel"))
    box.accepted.connect(on_ok)
    box.rejected.connect(dialog.reject)
    return box


def ok_button(box: QDialogButtonBox) -> QPushButton:
    return box.button(QDialogButtonBox.StandardButton.Ok)


def close_button(dialog: QDialog) -> QPushButton:
    button = QPushButton(QCoreApplication.translate("common", "Close"), dialog)  # the dialog's default (see ok_cancel)
    button.setAccessibleName(QCoreApplication.translate("common", "Close"))
    button.setDefault(True)
    button.clicked.connect(dialog.accept)
    return button
