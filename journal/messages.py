"""Messages for people as data: an English template and its values, rendered by each front end.

The journal and the services say *what* happened as a `Message`: its template is the English source text with
named placeholders (`"The reading {value} is below the previous one, {previous} of {day}."`) and also the key
of its translation (resources/translations/journal_messages_<lang>.ts, context "journal"); its values stay
what they are — dates, periods, `Decimal`s, zones, the names of fields (`Label`), other messages. No front end
ever parses a sentence back into its values.

- The command line prints `str(message)`: the English text, days and months in ISO (2026-11-29, 2026-11).
- The window renders it through Qt's translation system (`ui.i18n.render`): the translated template, days as
  29.11.2026, months as «ноябрь 2026», zones by their names.

Both go through `MessageFormatter`, which each front end specialises for its own way of writing a value.
Placeholders follow `str.format` (`{amount:.2f}`, `{name!r}`).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any


@dataclass(frozen=True, slots=True)
class Label:
    """The name of a field inside a message ("Please fill in the {label}."): translated on its own (context
    "journal-labels"), so the whole sentence reads in one language."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class ZoneNumber:
    """A zone by its number on the meter, T1, T2 or T3 (the command line's words): the window names it by its
    plan's zone («День», «Пик») when it knows the plan."""

    number: int

    def __str__(self) -> str:
        return f"T{self.number}"


@dataclass(frozen=True, slots=True)
class Message:
    """An English template with its named values. `str()` gives the English text (the command line's)."""

    template: str
    values: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        return MessageFormatter().render(self)

    @property
    def arguments(self) -> dict[str, Any]:
        return dict(self.values)

    def with_values(self, **values: Any) -> Message:
        """The same template with (more) values: a sentence chosen ahead, filled in where its values are known."""
        return Message(self.template, (*self.values, *values.items()))

    def value(self, name: str) -> Any:
        """One value by its placeholder's name (KeyError if the message has none of that name)."""
        return self.arguments[name]


def msg(template: str, /, **values: Any) -> Message:
    """A message for a person: `msg("Account {number} is not in the journal.", number=number)`.

    The template must be a string literal (`python -m ui.translations_update` collects it for the translators);
    values keep their own types."""
    return Message(template, tuple(values.items()))


def as_message(text: Message | str) -> Message:
    """A message from either a `Message` or words that already are text (an operating system's error, a reply
    of the portal): the latter is shown as it is."""
    return text if isinstance(text, Message) else Message(text)


def message_of(error: BaseException) -> Message:
    """What an exception says, as a message: a journal error's own message, a message raised as it is, or the
    exception's text."""
    text = getattr(error, "text", None)
    if isinstance(text, Message):
        return text
    if error.args and isinstance(error.args[0], Message):
        return error.args[0]
    return Message(str(error))


class MessageFormatter(string.Formatter):
    """Renders messages in English with ISO days; front ends override `template_of` and `text_of`."""

    def render(self, message: Message) -> str:
        template = self.template_of(message.template)
        if not message.values:
            return template  # literal braces in a value-less text stay as they are
        return self.vformat(template, (), message.arguments)

    def template_of(self, template: str) -> str:
        """The template in the front end's language (English: as written)."""
        return template

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            return self.render(value)
        if format_spec and not isinstance(value, (date, Enum, Label)):
            return format(value, format_spec)
        return self.text_of(value)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "r" and isinstance(value, str):
            return f"«{value}»" if self.quotes_of_language else repr(value)
        return super().convert_field(value, conversion)

    quotes_of_language = False

    def text_of(self, value: Any) -> str:
        """One value as text: ISO days and months, an enum by its value, a list as its items separated by commas,
        anything else by `str`."""
        if isinstance(value, list | tuple):
            return ", ".join(self.text_of(item) for item in value)
        if isinstance(value, datetime):
            return value.isoformat(sep=" ", timespec="minutes")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, Enum):
            return str(value.value)
        return str(value)

