"""First start: create the account and meter from the installation act, or look at a sample household."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget


class WelcomeDialog(QDialog):
    CREATE, SAMPLE = 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = 0
        self.setWindowTitle(self.tr("Welcome to Meter Journal"))
        text = QLabel(self.tr("<h2>Welcome!</h2><p>Meter Journal keeps your electricity meter readings, counts "
                              "what each month costs and reminds you to submit them.</p><p>To start, you need "
                              "your bill (for the personal account number) and the meter's installation act "
                              "(for its first readings).</p>"))
        text.setWordWrap(True)
        create = QPushButton(self.tr("Start my journal"))
        create.setObjectName("primary")
        create.setAccessibleName(self.tr("Start my journal: add the account and the meter"))
        create.setDefault(True)
        sample = QPushButton(self.tr("Look around with a sample household first"))
        sample.setAccessibleName(self.tr("Open a sample household"))
        create.clicked.connect(lambda: self._choose(self.CREATE))
        sample.clicked.connect(lambda: self._choose(self.SAMPLE))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # as big as its texts need at any text size
        layout.addWidget(text)
        layout.addWidget(create)
        layout.addWidget(sample)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()
