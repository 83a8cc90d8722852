"""Risky questions, and saving with the journal's questions (a replacement for the same month, a rollover, an
unusual jump).

Every question whose yes would store something unusual or destroy something is asked through `ask_risky`
(or `risky_question` for more than one risky answer): Enter, Esc and the window's × choose the safe answer
(«Нет, вернуться к вводу»), which is the default button and has the focus; a risky answer needs a click or its
own Alt-letter («&Да, сохранить»).

The journal refuses an unusual value with a ConfirmationRequired carrying its figures; the window puts them
in words (`journal_question`), asks the person and, on yes, saves again with that answer given, so one action
may ask one or more questions before it goes through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.errors import ConfirmationKind, ConfirmationRequired, ConsumptionFigures, DigitSlip
from ui.i18n import render
from ui.screen_fit import ScreenFitBody
from ui.texts import zone_name

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # the name Qt Linguist's lupdate looks for


def go_back() -> str:
    """The safe answer to a question about what the person typed."""
    return translate("confirmations", "No, go back to typing")


def leave_it() -> str:
    """The safe answer to a question about something already in the journal."""
    return translate("confirmations", "No, leave it as it is")


@dataclass(frozen=True)
class Choice:
    """A risky answer: its text with an &-mnemonic («&Да, удалить») and, optionally, a longer accessible name."""

    text: str
    name: str | None = None


def _unique_mnemonics(choices: Sequence[Choice]) -> list[str]:
    """The choices' texts; a letter already taken by an earlier choice loses its & (logged: a translation to fix)."""
    taken: set[str] = set()
    texts = []
    for choice in choices:
        letter = QKeySequence.mnemonic(choice.text).toString()
        if letter and letter in taken:
            log.warning("Two answers share the key %s; %r keeps no Alt-letter", letter, choice.text)
            texts.append(choice.text.replace("&&", "\x00").replace("&", "").replace("\x00", "&&"))
            continue
        taken.add(letter)
        texts.append(choice.text)
    return texts


# The Russian layout (ЙЦУКЕН) and the Latin one (QWERTY) on the same physical keys: Д is where L is.
_RUSSIAN_KEYS = "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"
_LATIN_KEYS = "QWERTYUIOP[]ASDFGHJKL;'ZXCVBNM,.`"
SAME_KEY = {ord(russian): ord(latin) for russian, latin in zip(_RUSSIAN_KEYS, _LATIN_KEYS, strict=True)}


def answer_keys(text: str) -> set[int]:
    """The keys that, with Alt, choose an answer whose text is `text` («&Да, удалить»): its Alt-letter (Д), and
    for a Russian letter the Latin one on the same key (L), typed while the Latin layout is on.

    Qt's mnemonic is a shortcut of the letter the active layout gives, so with the Latin layout on, the key
    marked Д gives Alt+L and no answer. The key's scan code would name the physical key, but it differs on each
    system (X11's keycode 46, Windows' 0x26, macOS's 37) and is absent from synthetic events; the key's letter in
    the Latin layout is what every platform reports the same way (Windows' virtual key VK_L, macOS's key without
    its Option character, X11's keysym l all arrive as Qt's Key_L). So the question also takes Alt with the Latin
    letter of the same key, answering its key press itself; Qt's own mnemonic still answers Alt+Д (macOS, which
    has no mnemonics, gets both from the key press)."""
    sequence = QKeySequence.mnemonic(text)
    if sequence.isEmpty():
        return set()
    key = sequence[0].key().value
    return {key, SAME_KEY[key]} if key in SAME_KEY else {key}


class _AnswerButton(QPushButton):
    """A button with room around its text for the theme's 3 px focus frame, even at 200 % text."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self.fontMetrics().horizontalAdvance("MM"), hint.height())


class RiskyQuestion(QDialog):
    """A question whose yes is risky. The safe answer (by default «Нет, вернуться к вводу») is the default
    button and has the focus: Enter (even after Tab moved the focus: a risky button is never a default), Esc,
    Space and the window's × choose it. A risky answer needs a click, its Alt-letter, or Tab to it and Space.
    The text is as wide as the screen allows and scrolls when it is taller, so the buttons stay whole and in view
    at any text size."""

    def __init__(self, parent: QWidget | None, title: str, text: str, choices: Sequence[Choice], *,
                 safe: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.chosen: int | None = None
        em = self.fontMetrics().horizontalAdvance("M")
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(3 * em))
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(text)
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        room = screen.availableGeometry().width() - 8 * em if screen is not None else 40 * em
        self.label.setFixedWidth(max(16 * em, min(34 * em, room)))
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label)
        row.addStretch(1)
        self.risky: list[QPushButton] = []
        self._by_key: dict[int, QPushButton] = {}  # Alt with these keys: the answer (see answer_keys)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for index, (choice, label) in enumerate(zip(choices, _unique_mnemonics(choices), strict=True)):
            button = _AnswerButton(label)
            button.setAccessibleName(choice.name or label.replace("&", ""))
            button.setAutoDefault(False)  # Enter never falls on it, even when it has the focus
            button.clicked.connect(lambda _checked=False, index=index: self._choose(index))
            buttons.addWidget(button)
            self.risky.append(button)
            self._by_key.update(dict.fromkeys(answer_keys(label), button))
        self.safe = _AnswerButton(safe or go_back())
        self.safe.setAccessibleName(self.safe.text())
        self.safe.setDefault(True)
        self.safe.clicked.connect(self.reject)
        buttons.addWidget(self.safe)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.body = ScreenFitBody(body)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self.safe.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The text takes a Tab stop (arrows scroll it) only when it has to scroll.
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus if self.body.limit is None else Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt with a risky answer's letter in either layout (Alt+Д, Alt+L) chooses it when Qt's mnemonic did not;
        every other key as a dialog takes it (Enter, Esc: the safe answer)."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        button = self._by_key.get(event.key()) if modifiers in (
            Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier) \
            else None
        if button is not None and button.isEnabled():
            button.animateClick()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        return self.label.text()

    def _choose(self, index: int) -> None:
        self.chosen = index
        self.accept()


def risky_question(parent: QWidget | None, title: str, text: str, choices: Sequence[Choice], *,
                   safe: str | None = None) -> int | None:
    """Ask `text` (see RiskyQuestion); the index of the risky choice taken, or None for the safe answer."""
    question = RiskyQuestion(parent, title, text, choices, safe=safe)
    try:
        question.exec()
        return question.chosen
    finally:
        question.deleteLater()


def ask_risky(parent: QWidget | None, title: str, text: str, risky: str, *, name: str | None = None,
              safe: str | None = None) -> bool:
    """A yes/no question whose yes is risky: True only when the person chose `risky` deliberately."""
    return risky_question(parent, title, text, [Choice(risky, name)], safe=safe) == 0


# --- the journal's questions --------------------------------------------------------------------------------


def _kwh(value: int) -> str:
    return translate("confirmations", "{kwh} kWh").format(kwh=QLocale().toString(value))


def _usual(figures: ConsumptionFigures) -> str | None:
    """How the consumption compares with the person's usual month, in words (None: the usual month is unknown)."""
    months, monthly = figures.usual_months, figures.usual_monthly
    if months is None or monthly is None:
        return None
    usual = translate("confirmations", "you usually use about {kwh} a month").format(
        kwh=_kwh(int(monthly.quantize(Decimal(1), ROUND_HALF_UP))))
    if months < Decimal("0.75"):
        return translate("confirmations", "that is less than your usual month ({usual})").format(usual=usual)
    if months < Decimal("1.5"):
        return translate("confirmations", "that is about your usual month ({usual})").format(usual=usual)
    whole = int(months.quantize(Decimal(1), ROUND_HALF_UP))
    if whole >= 100:  # two significant digits: «примерно 5 000», not «4 999»
        step = 10 ** (len(str(whole)) - 2)
        whole = int((Decimal(whole) / step).quantize(Decimal(1), ROUND_HALF_UP)) * step
    return translate("confirmations", "that is about %Ln of your usual months ({usual})", None, whole).format(
        usual=usual)


def _stored(figures: ConsumptionFigures) -> str:
    """The consumption that would be stored: one figure, or each zone's and the sum."""
    if len(figures.kwh) == 1:
        return _kwh(figures.kwh[0])
    parts = ", ".join(translate("confirmations", "{zone} {kwh}").format(zone=zone_name(zone), kwh=_kwh(kwh))
                      for zone, kwh in zip(figures.zones, figures.kwh, strict=True))
    return translate("confirmations", "{parts}, in all {total}").format(parts=parts, total=_kwh(figures.total))


def _below(figures: ConsumptionFigures) -> str:
    """Which values are below the previous ones."""
    since = figures.since.strftime("%d.%m.%Y")
    lines = []
    for zone, before, now in zip(figures.zones, figures.previous, figures.values, strict=True):
        if now >= before:
            continue
        if len(figures.zones) == 1:
            lines.append(translate("confirmations", "The new reading {value} is less than the previous one, "
                                                    "{previous} of {date}.").format(value=now, previous=before,
                                                                                    date=since))
        else:
            lines.append(translate("confirmations", "{zone}: the new reading {value} is less than the previous "
                                                    "one, {previous} of {date}.").format(
                zone=zone_name(zone), value=now, previous=before, date=since))
    return " ".join(lines)


def _rollover_text(figures: ConsumptionFigures) -> str:
    since, stored, usual = figures.since.strftime("%d.%m.%Y"), _stored(figures), _usual(figures)
    if usual is None:
        consumption = " ".join((
            translate("confirmations", "If this is a rollover, the consumption since {date} will be {stored}.")
            .format(date=since, stored=stored),
            translate("confirmations", "How much you usually use in a month is not known yet: the journal has too "
                                       "few readings.")))
    else:
        consumption = translate("confirmations", "If this is a rollover, the consumption since {date} will be "
                                                 "{stored} — {usual}.").format(date=since, stored=stored, usual=usual)
    return "\n\n".join(part for part in (_below(figures), consumption, _typo(figures)) if part)


def _jump_text(figures: ConsumptionFigures) -> str:
    if figures.beyond_home is not None:  # no usual month yet: more than a home uses
        return _typo(figures)
    since, stored = figures.since.strftime("%d.%m.%Y"), _stored(figures)
    usual = _usual(figures) or ""  # a jump is measured against the usual month: it is known
    consumption = translate("confirmations", "The consumption since {date} will be {stored} — {usual}.").format(
        date=since, stored=stored, usual=usual)
    return "\n\n".join(part for part in (consumption, _typo(figures)) if part)


def _typo(figures: ConsumptionFigures) -> str:
    if figures.beyond_home is not None:
        return _beyond_home(figures, figures.beyond_home)
    return translate("confirmations", "Most likely the reading has a typo.") if figures.likely_mistake else ""


def _beyond_home(figures: ConsumptionFigures, index: int) -> str:
    """A zone's consumption more than a home uses in those days, and the value to check for its likely slip."""
    kwh, days = _kwh(figures.kwh[index]), translate("confirmations", "%n day(s)", None, figures.days)
    if len(figures.kwh) == 1:
        used = translate("confirmations", "The consumption of {kwh} in {days} is far more than a home uses.").format(
            kwh=kwh, days=days)
    else:
        used = translate("confirmations", "{zone}: the consumption of {kwh} in {days} is far more than a home "
                                          "uses.").format(zone=zone_name(figures.zones[index]), kwh=kwh, days=days)
    value = figures.values[index]
    if figures.slip is DigitSlip.EXTRA:
        advice = translate("confirmations", "Perhaps a digit too many: please check the reading {value}.")
    elif figures.slip is DigitSlip.MISSING:
        advice = translate("confirmations", "Perhaps a digit is missing: please check the reading {value}.")
    else:
        advice = translate("confirmations", "Perhaps a digit is wrong: please check the reading {value}.")
    return used + " " + advice.format(value=value)


def journal_question(question: ConfirmationRequired) -> tuple[str, str, str]:
    """The title, the text and the risky answer of a journal's question, in the window's language: a rollover
    or a jump in words from its figures (what would be stored, against the usual month)."""
    figures = question.figures
    save = translate("confirmations", "&Yes, save")
    if question.kind is ConfirmationKind.ROLLOVER and figures is not None:
        return translate("confirmations", "Is this a rollover?"), _rollover_text(figures), save
    if question.kind is ConfirmationKind.JUMP and figures is not None:
        return translate("confirmations", "Unusually large consumption"), _jump_text(figures), save
    if question.kind is ConfirmationKind.REPLACE:
        return (translate("confirmations", "Replace this month's reading?"), render(question),
                translate("confirmations", "&Yes, replace"))
    return translate("confirmations", "Please confirm"), render(question), save


def ask_journal_question(parent: QWidget | None) -> Callable[[ConfirmationRequired], bool]:
    def ask(question: ConfirmationRequired) -> bool:
        title, text, risky = journal_question(question)
        return ask_risky(parent, title, text, risky)

    return ask


@dataclass(frozen=True)
class Confirmed:
    """The questions the person has said yes to, by the journal's kinds."""

    replace: bool = False
    rollover: bool = False
    jump: bool = False


def save_with_confirmations(parent: QWidget, save: Callable[[Confirmed], object], *, given: Confirmed = Confirmed(),
                            ask: Callable[[ConfirmationRequired], bool] | None = None) -> bool:
    """Run `save` with the answers given so far; at each question the journal asks, ask the person (a risky
    question whose safe answer is no, unless `ask` is given) and run it again. True once it went through; False
    when the person said no. Any other JournalError is the caller's to show next to its field."""
    ask = ask or ask_journal_question(parent)
    confirmed = given
    while True:
        try:
            save(confirmed)
            return True
        except ConfirmationRequired as question:
            if getattr(confirmed, question.kind, True) or not ask(question):
                return False  # a question already answered yes comes back: do not loop
            confirmed = replace(confirmed, **{question.kind: True})
            figures = question.figures
            if question.kind is ConfirmationKind.ROLLOVER and figures is not None and figures.likely_mistake:
                # Its question showed the consumption as unusual already: the jump question would repeat it.
                confirmed = replace(confirmed, jump=True)
