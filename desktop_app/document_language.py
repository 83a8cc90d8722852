"""The journal's messages in the documents' language, Russian, without Qt: the report's notes and whatever else a
printed document says in the journal's words.

Documents are Russian (the PD-4 form is, whatever the window's language): a `journal.messages.Message` printed on
one is rendered from the same catalogue the window reads (resources/translations/journal_messages_ru.ts, contexts
"journal" and "journal-labels"), read once with ElementTree, and filled in the window's way — days as 29.11.2026,
months as «ноябрь 2026» (the nominative, as ui.texts.month_name writes them), a decimal comma, field names, zones,
plans and categories by their Russian names, what a person typed in «ёлочки». A template without a translation
stays English (tests/ui/test_quality.py fails on one).
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from journal.messages import Label, Message, MessageFormatter
from journal.periods import Period
from journal.zones import ConsumerCategory, TariffPlan, Zone
from resources import FOLDER as RESOURCES

DOCUMENT_LANGUAGE = "ru"
MESSAGES = "journal_messages_{lang}"  # the catalogue of the journal's messages (see ui.i18n)
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
          "ноябрь", "декабрь")


def read_catalogue(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, from a Qt Linguist .ts file; unfinished, obsolete or empty translations
    are left out; a missing file has none."""
    if not path.is_file():
        return {}
    import xml.etree.ElementTree as ET  # only when a catalogue is read, not at start-up

    root = ET.fromstring(path.read_bytes())
    entries: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "obsolete", "vanished"}:
                continue
            if translation.text:
                entries[(name, source)] = translation.text
    return entries


@functools.cache
def _catalogue() -> dict[tuple[str, str], str]:
    return read_catalogue(RESOURCES / "translations" / f"{MESSAGES.format(lang=DOCUMENT_LANGUAGE)}.ts")


def _decimal_comma(text: str) -> str:
    return text.replace(".", ",")


class DocumentFormatter(MessageFormatter):
    """A journal message as a Russian document prints it (see the module's text)."""

    quotes_of_language = True

    def template_of(self, template: str) -> str:
        return _catalogue().get(("journal", template), template)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Decimal) and format_spec:
            return _decimal_comma(format(value, format_spec))
        return super().format_field(value, format_spec)

    def text_of(self, value: Any) -> str:
        if isinstance(value, Period):
            return f"{MONTHS[value.month - 1]} {value.year}"
        if isinstance(value, datetime):
            return f"{value:%d.%m.%Y %H:%M}"
        if isinstance(value, date):
            return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
        if isinstance(value, Label):
            return self._label(value.text)
        if isinstance(value, Zone | TariffPlan | ConsumerCategory):  # inside a sentence: «ночь», «двухзонный»
            return self._label(value.value)
        if isinstance(value, Decimal):
            return _decimal_comma(format(value, "f"))
        return super().text_of(value)

    @staticmethod
    def _label(text: str) -> str:
        return _catalogue().get(("journal-labels", text), text)


def in_document_language(message: Message) -> str:
    """`message` as a document prints it: in Russian, days, months and numbers written the Russian way."""
    return DocumentFormatter().render(message)
