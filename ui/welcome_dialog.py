"""First start: create the account and meter from the installation act, or look at a sample household; at the end,
the reminders."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from ui.screen_fit import ScreenFitBody


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
        layout.addWidget(ScreenFitBody(text))  # scrolls on a small screen at large text; the choices stay in view
        layout.addWidget(create)
        layout.addWidget(sample)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()


class RemindersOfferDialog(QDialog):
    """The first start's last step: reminders that reach the person when the window is closed — on, unless they
    say no (desktop_app.autostart)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from journal.periods import DEFAULT_CUTOFF_DAY, READINGS_FROM_DAY

        super().__init__(parent)
        self.setWindowTitle(self.tr("Your journal is ready"))
        text = QLabel(self.tr("Meter Journal can remind you to submit the readings (from day {first} to day {last} of "
                              "the month) and to pay the bill even when its window is closed: a reminder appears in "
                              "the corner of the screen. You can change this later in Settings.").format(
            first=READINGS_FROM_DAY, last=DEFAULT_CUTOFF_DAY))
        text.setWordWrap(True)
        self.remind = QCheckBox(self.tr("Remind me about readings and payments"))
        self.remind.setChecked(True)
        self.remind.setAccessibleName(self.tr("Remind me about readings and payments"))
        done = QPushButton(self.tr("Done"))
        done.setObjectName("primary")
        done.setAccessibleName(self.tr("Done"))
        done.setDefault(True)
        done.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(text)
        layout.addWidget(self.remind)
        layout.addWidget(done)
