"""Languages: Russian by default, English available, through Qt's translation system.

Widget texts are English source strings passed through `tr()`; their Russian translations live in
`resources/translations/meter_journal_ru.ts` (Qt Linguist). A compiled `.qm` next to it is used when
present (the installers build it); otherwise the `.ts` is compiled once with the `lrelease` that ships
inside PySide6 into the user's cache folder, so a source checkout or an installed wheel needs no build step.
(A Python subclass of QTranslator would avoid the compiler, but PySide6 mishandles the reference count of
its `None` arguments and the interpreter aborts at exit.)

Messages of the journal and the services (errors, warnings, questions) arrive as data, a `journal.messages.Message`:
an English template and its typed values. `python -m ui.translations_update` collects every template (the string
literal of each `msg("...")` call) into their own catalogue, journal_messages_<lang>.ts (context "journal"; the
names of fields, `Label("...")`, in context "journal-labels"); `render` looks the template up there and fills it
with the values written the window's way (29.11.2026, «ноябрь 2026», zones and plans by their names, a decimal
comma). Nothing is parsed back out of an English sentence.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QStandardPaths, QTranslator

from desktop_app import APP_ID
from desktop_app.document_language import MESSAGES, read_catalogue
from journal.errors import JournalError
from journal.messages import Label, Message, MessageFormatter, ZoneNumber
from journal.periods import Period
from journal.zones import ConsumerCategory, TariffPlan, Zone
from resources import FOLDER as RESOURCES
from ui.texts import day_text, month_name, zone_name

LANGUAGES = {"ru": "Русский", "en": "English"}
DEFAULT_LANGUAGE = "ru"
CATALOGUE = "meter_journal_{lang}"  # the window's texts (pyside6-lupdate over ui/)


def catalogue_entries(lang: str, catalogue: str = CATALOGUE) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, from the .ts file; unfinished or empty translations are left out."""
    return read_catalogue(RESOURCES / "translations" / f"{catalogue.format(lang=lang)}.ts")


def qt_tool(tool: str) -> Path:
    """A Qt Linguist tool (lrelease, lupdate) as shipped inside the PySide6 package."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in (tool, f"{tool}.exe", f"Qt/libexec/{tool}", f"Qt/bin/{tool}"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{tool} is not part of this PySide6 installation")


def compiled_catalogue(lang: str, catalogue: str = CATALOGUE) -> Path | None:
    """The .qm of `lang`: shipped beside the .ts (frozen bundles), or compiled into the cache once."""
    folder = RESOURCES / "translations"
    name = catalogue.format(lang=lang)
    shipped = folder / f"{name}.qm"
    source = folder / f"{name}.ts"
    if shipped.is_file() and (getattr(sys, "frozen", False) or not source.is_file()
                              or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped  # built by the installer step, and not older than its source
    if not source.is_file():
        return None
    # Keyed by the source's size and modification time: no hashing, no extra imports at start-up.
    stat = source.stat()
    cache_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation))
    cache_dir = cache_dir / APP_ID / "translations"
    target = cache_dir / f"{name}-{stat.st_size}-{stat.st_mtime_ns}.qm"
    if not target.is_file():
        _compile(source, target)
    return target


def _compile(source: Path, target: Path) -> None:
    """`lrelease` from `source` into `target`; its failures are raised as OSError."""
    import subprocess  # only when the catalogue is not compiled yet: 4 ms at start-up otherwise

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    try:
        subprocess.run([str(qt_tool("lrelease")), "-silent", str(source), "-qm", str(partial)], check=True,
                       capture_output=True, timeout=60)
    except subprocess.SubprocessError as exc:
        raise OSError(f"lrelease failed on {source.name}: {exc}") from exc
    partial.replace(target)


_installed: list[QTranslator] = []


def install_language(lang: str) -> str:
    """Install the catalogue of `lang` (English needs none: it is the source language)."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    if lang != "en":  # Qt's own first: Qt asks the last installed first, so the window's words over Qt's (QT_WORDS)
        qt_base = QTranslator()
        if qt_base.load(QLocale(lang), "qtbase", "_", _qt_translations_dir()):
            app.installTranslator(qt_base)
            _installed.append(qt_base)
    for catalogue in (CATALOGUE, MESSAGES) if lang != "en" else ():
        translator = QTranslator()
        try:
            qm = compiled_catalogue(lang, catalogue)
        except OSError as exc:
            import logging  # only on this rare path: not at start-up

            logging.getLogger(__name__).warning("The %s translation could not be prepared: %s", lang, exc)
            qm = None
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.English))
    return lang


# Two labels of Qt's own file dialog that its Russian catalogue (qtbase_ru, below) lacks in this version of Qt: the
# window's catalogue has them.
QT_CATALOGUE_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))
# Words of Qt's own that its Russian catalogue leaves in Latin letters: every message box's and button box's «OK».
QT_WORDS = (QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),)


def _qt_translations_dir() -> str:
    """Qt's catalogues as PySide6 ships them (PySide6/Qt/translations, on Windows PySide6/translations; also in a
    frozen bundle: the spec keeps qtbase_ru), else where this Qt was built to look."""
    import PySide6

    package = Path(PySide6.__file__).parent
    for shipped in (package / "Qt" / "translations", package / "translations"):
        if (shipped / "qtbase_ru.qm").is_file():
            return str(shipped)
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class WindowFormatter(MessageFormatter):
    """A journal message as the window writes it: the template from the catalogue (context "journal"), days as
    29.11.2026, months as «ноябрь 2026», zones, plans and categories by their names within a sentence (context
    "journal-labels"; T1, T2, T3 by the names of `zones`, the plan's zones the message is about), field names
    translated, decimals with the language's decimal point; what the person typed (`{text!r}`) in the language's
    quotes: «16x0» in Russian, '16x0' in English."""

    def __init__(self, zones: Sequence[Zone] = ()) -> None:
        super().__init__()
        self.zones = tuple(zones)

    @property
    def quotes_of_language(self) -> bool:  # type: ignore[override]
        """Russian quotes a typed value in «ёлочки»; English keeps Python's quotes, as the command line prints."""
        return QLocale().language() != QLocale.Language.English

    def template_of(self, template: str) -> str:
        return QCoreApplication.translate("journal", template)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Decimal) and format_spec:
            return format(value, format_spec).replace(".", QLocale().decimalPoint())
        return super().format_field(value, format_spec)

    def text_of(self, value: Any) -> str:
        if isinstance(value, Period):
            return month_name(str(value))
        if isinstance(value, datetime):
            return f"{day_text(value.date())} {value:%H:%M}"
        if isinstance(value, date):
            return day_text(value)
        if isinstance(value, Label):
            return QCoreApplication.translate("journal-labels", value.text)
        if isinstance(value, ZoneNumber):
            return zone_name(self.zones[value.number - 1]) if value.number <= len(self.zones) else str(value)
        if isinstance(value, Zone | TariffPlan | ConsumerCategory):  # inside a sentence: «ночь», «двухзонный»
            return QCoreApplication.translate("journal-labels", value.value)
        if isinstance(value, Decimal):
            return format(value, "f").replace(".", QLocale().decimalPoint())
        return super().text_of(value)


def render(message: Message | JournalError | str, zones: Sequence[Zone] = ()) -> str:
    """A message of the journal or a service in the window's language. `zones`: the plan's zones the message is
    about, named in place of the command line's T1, T2, T3. Plain text (an operating system's or the portal's own
    words) is shown as it is."""
    if isinstance(message, JournalError):
        message = message.text
    if isinstance(message, str):
        message = Message(message)  # an operating system's or the portal's own words
    return WindowFormatter(zones).render(message)  # words that are no template are shown as they are
