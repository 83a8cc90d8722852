"""A stopgap, to be deleted: the Russian of the sentences the portal sync (desktop_app/portal/sync.py) and the
outbox (journal/outbox.py, journal/portal_data.py) still write as English f-strings rather than as messages
(`journal.messages.msg`). Their templates are collected from those files alone (ui/translations_update.py,
LEGACY_SOURCES); a sentence is recognised by its template and the translated template is filled with the same
values. Every other message of the journal and the services is data, rendered by ui.i18n.render without parsing.
When those files write their messages with msg(), this module, LEGACY_SOURCES and the matching go.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from functools import cache

from PySide6.QtCore import QCoreApplication

from resources import FOLDER as RESOURCES
from ui.texts import day_text, month_name

LEGACY_FILES = ("desktop_app/portal/sync.py", "journal/outbox.py", "journal/portal_data.py")
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_VALUE = r"((?:(?!\. [A-ZА-ЯЁ]).)*?)"  # a value stays within its sentence
_REST = r"(.*)"  # a value that ends the template takes the rest: a message of its own


@cache
def _templates() -> list[tuple[re.Pattern[str], str, list[str]]]:
    path = RESOURCES / "translations" / "journal_messages_ru.ts"
    if not path.is_file():
        return []
    templates = []
    for context in ET.fromstring(path.read_bytes()).iter("context"):
        if context.findtext("name", "") != "journal":
            continue
        for message in context.iter("message"):
            location = message.find("location")
            if location is not None and location.get("filename") in LEGACY_FILES:
                templates.append(message.findtext("source", ""))
    compiled = []
    for template in sorted(templates, key=len, reverse=True):
        names = _PLACEHOLDER.findall(template)
        parts = _PLACEHOLDER.split(template)
        pattern = "".join(
            (_REST if i == len(parts) - 2 and parts[-1] == "" else _VALUE) if i % 2 else re.escape(part)
            for i, part in enumerate(parts)
        )
        compiled.append((re.compile(f"^{pattern}$", re.DOTALL), template, names))
    return compiled


def forget() -> None:
    """After a change of language."""
    _templates.cache_clear()


def translated(text: str) -> str:
    """`text` in the window's language when it is one of the legacy sentences (or a value-less template); else as
    it is (an operating system's or the portal's own words)."""
    exact = QCoreApplication.translate("journal", text)
    if exact != text:
        return exact
    for pattern, template, names in _templates():
        match = pattern.match(text)
        if match is not None:
            values = {name: _value(value) for name, value in zip(names, match.groups(), strict=True)}
            return _PLACEHOLDER.sub(lambda m, v=values: v.get(m.group(1), m.group(0)),
                                    QCoreApplication.translate("journal", template))
    return text


def _value(value: str) -> str:
    """A value inside a legacy sentence: a message of its own (translated in turn), or data whose ISO days and
    months are written the window's way."""
    return plain_dates(translated(value)) if value else value


_ISO_DAY = re.compile(r"(?<![\w./-])(\d{4})-(\d{2})-(\d{2})(?![\w/-]|\.\w)")
_ISO_MONTH = re.compile(r"(?<![\w./-])(\d{4})-(\d{2})(?![\w/-]|\.\w)")


def plain_dates(text: str) -> str:
    """ISO days (2025-03-20) and months (2025-03) inside a text — the values of a journal message — written as the
    window writes them: 20.03.2025, «март 2025». Anything that is not a real day or month stays as it is."""

    def day(match: re.Match[str]) -> str:
        try:
            return day_text(date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            return match[0]

    def month(match: re.Match[str]) -> str:
        return month_name(match[0]) if 1 <= int(match[2]) <= 12 else match[0]

    return _ISO_MONTH.sub(month, _ISO_DAY.sub(day, text))
