"""Messages of the journal and the services are data: the window renders each through its catalogue, the command
line prints its English; nothing in the window turns English sentences into Russian."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from journal import validation
from journal.errors import ConfirmationKind, ConfirmationRequired, InvalidInput, NotFound
from journal.messages import ZoneNumber, msg
from journal.periods import Period
from journal.zones import TariffPlan
from tests.conftest import ACCOUNT
from ui import translations_update
from ui.i18n import render

UI = Path(translations_update.ROOT) / "ui"
# Substitutions on what a person typed, not on messages (none now: the year word of a typed date, «10.01.2025 г.», is
# read by journal.validation).
ON_TYPED_INPUT: set[str] = set()


def test_a_refusal_with_a_day_and_an_amount_renders_in_russian_and_prints_in_english(home: JournalService,
                                                                                      russian) -> None:  # type: ignore[no-untyped-def]
    home.billing.add_payment(ACCOUNT, date(2026, 11, 9), "1250,5")
    with pytest.raises(ConfirmationRequired) as asked:
        home.billing.add_payment(ACCOUNT, date(2026, 11, 9), "1 250,50")  # the same payment typed again
    assert asked.value.kind is ConfirmationKind.DUPLICATE
    assert asked.value.message == str(asked.value.text) == (
        "A payment of 1250.50 ₽ on 2026-11-09 is already recorded for this account. Record it only if this is a "
        "second payment.")
    shown = render(asked.value)
    assert "09.11.2026" in shown and "1250,50" in shown and "2026-11-09" not in shown and "1250.50" not in shown
    assert shown.startswith("Оплата"), shown


def test_days_months_zones_and_plans_are_written_the_windows_way(russian) -> None:  # type: ignore[no-untyped-def]
    below = InvalidInput(msg("{zone}: {now} is below {before} from the reading of {day}.", zone=ZoneNumber(2),
                             now=700, before=780, day=date(2026, 11, 29)))
    assert below.message == "T2: 700 is below 780 from the reading of 2026-11-29."
    shown = render(below, TariffPlan.TWO_ZONE.zones)
    assert "«Ночь»" in shown and "29.11.2026" in shown and "T2" not in shown, shown
    assert "T2" in render(below)  # no plan given: the zone keeps its number
    missing = NotFound(msg("There is no reading for {period} on the account {number}. Add the period's reading "
                           "first (reading add), or choose a period shown in the history.",
                           period=Period(2026, 11), number=ACCOUNT))
    assert "2026-11" in missing.message and "ноябрь 2026" in render(missing), render(missing)


def test_english_renders_the_same_message_in_english(english) -> None:  # type: ignore[no-untyped-def]
    error = InvalidInput(msg("The date {day} is in the future.", day=date(2026, 11, 29)))
    assert render(error) == "The date 29.11.2026 is in the future."
    assert error.message == "The date 2026-11-29 is in the future."


def test_a_typed_value_is_quoted_in_the_windows_language(russian) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as refused:
        validation.zone_values("16x0,600", 2, 6)
    assert refused.value.message == "Type only the digits before the comma, without letters or symbols; got '16x0' " \
                                    "for T1."  # the command line: Python's quotes
    shown = render(refused.value, TariffPlan.TWO_ZONE.zones)
    assert shown == "Введите только цифры до запятой, без букв и других знаков; в поле «День» введено «16x0».", shown
    assert render(InvalidInput(msg("Unknown tariff plan {text!r}; choose one of: {options}.", text="двойной",
                                   options="single"))).startswith("Неизвестный тариф «двойной»;")


def test_english_keeps_pythons_quotes_in_the_window(english) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as refused:
        validation.account_number("12-34")
    assert render(refused.value) == refused.value.message == (
        "An account number is 6 to 14 digits, as printed on the bill; '12-34' is not.")


def test_every_message_template_in_the_code_has_its_russian_translation() -> None:
    calls = {context: set() for context in translations_update.MESSAGE_CALLS.values()}
    for path in translations_update.sources():
        for context, found in translations_update.message_calls(path).items():
            calls[context] |= set(found)
    assert len(calls["journal"]) > 200 and "Please fill in the {label}." in calls["journal"]
    assert "holder's full name" in calls["journal-labels"]
    root = ET.parse(translations_update.TRANSLATIONS / "journal_messages_ru.ts").getroot()
    translated = {(context.findtext("name"), m.findtext("source")) for context in root.iter("context")
                  for m in context.iter("message")
                  if (m.findtext("translation") or "").strip() and m.find("translation").get("type") is None}  # type: ignore[union-attr]
    for context, templates in calls.items():
        assert {t for t in templates if (context, t) not in translated} == set(), context


def test_a_message_whose_text_is_not_a_literal_is_refused_loudly(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text("from journal.messages import msg\n\ntext = 'The date {day}.'\nm = msg(text, day=1)\n",
                      encoding="utf-8")
    original = translations_update.ROOT
    try:
        translations_update.ROOT = tmp_path  # type: ignore[misc]
        with pytest.raises(translations_update.NotALiteral, match=r"bad.py:4"):
            translations_update.message_calls(source)
    finally:
        translations_update.ROOT = original  # type: ignore[misc]


def _substitutions(path: Path) -> list[int]:
    """Lines where a regular expression replaces text: re.sub/re.subn, or .sub/.subn on a compiled pattern."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    compiled = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call) and ast.unparse(node.value.func) == "re.compile"
                for target in node.targets if isinstance(target, ast.Name)}
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in {"sub", "subn"}
            and isinstance(node.func.value, ast.Name) and node.func.value.id in compiled | {"re"}]


def test_no_window_module_turns_english_sentences_into_russian_with_regular_expressions() -> None:
    found = {path.name: lines for path in sorted(UI.glob("*.py"))
             if path.name not in ON_TYPED_INPUT and (lines := _substitutions(path))}
    assert found == {}
    assert all(_substitutions(UI / name) for name in ON_TYPED_INPUT)  # still needed there, or leave the list
    i18n = ast.parse((UI / "i18n.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(i18n) if isinstance(node, ast.Import) for alias in node.names}
    assert "re" not in imported  # render fills templates; it parses nothing


def test_an_account_without_a_meter_is_said_in_words_not_a_stop_iteration(qtbot, data_dir: Path, settings,
                                                                        russian) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.reading_form import reading_form
    from tests.ui.conftest import MID_MONTH, click_in_next_modal
    from ui.main_window import MainWindow

    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    try:
        service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "two-zone", "urban-gas")
        with pytest.raises(NotFound) as refused:
            reading_form(service, ACCOUNT, MID_MONTH)
        assert refused.value.field == "meter"
        assert refused.value.message == (f"The account {ACCOUNT} has no meter yet. Add it from its installation act "
                                         "(meter add).")
        window = MainWindow(service, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.number == ACCOUNT, timeout=10000)
        seen = click_in_next_modal(qtbot, "OK")
        window.submit_readings()
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        assert ACCOUNT in seen[0] and "счётчик" in seen[0].lower() and "meter" not in seen[0], seen
        assert service.history(ACCOUNT) == []  # nothing written
    finally:
        service.close()
