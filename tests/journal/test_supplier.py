"""The supplier profile: its facts live in journal/supplier.py alone, and a second supplier's profile is what the
outbox, the SMS text, the register matching, the calculator form and the shipped prices read."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest

from desktop_app.portal.zones import zone_of_text
from desktop_app.price_calculator import form
from desktop_app.services.journal_service import JournalService
from journal import outbox, supplier
from journal.storage.models import Account
from journal.supplier import SAMARAENERGO, SupplierProfile, ZoneWords
from journal.tariffs import PriceBook, load_price_csv, shipped_entries
from journal.zones import ConsumerCategory, TariffPlan, Zone
from tests.conftest import ACCOUNT

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("journal", "desktop_app", "ui", "resources")
MIGRATIONS = ROOT / "journal" / "storage" / "migrations" / "versions"

# A made-up second supplier: no portal, other SMS command, other register words, other calculator codes.
VOLGA = dataclasses.replace(
    SAMARAENERGO, code="volga-test", name="АО «Волжская тестовая»", inn="7700000000", sms_number="5555",
    sms_readings="П {values}", sms_separator=" ", portal_origin=None, portal_hotline=None,
    calculator_url="https://calc.example.test/", calculator_plans={**SAMARAENERGO.calculator_plans,
                                                                  TariffPlan.SINGLE: "S1"},
    register_zones=(ZoneWords(Zone.DAY, ("светл",)), ZoneWords(Zone.NIGHT, ("темн",))),
)


@pytest.fixture
def volga(monkeypatch: pytest.MonkeyPatch) -> SupplierProfile:
    monkeypatch.setitem(supplier.SUPPLIERS, VOLGA.code, VOLGA)
    return VOLGA


def test_the_suppliers_facts_are_written_in_its_profile_alone() -> None:
    facts = {"code": SAMARAENERGO.code, "INN": SAMARAENERGO.inn, "SMS number": rf"\b{SAMARAENERGO.sms_number}\b",
             "call centre": SAMARAENERGO.call_centre, "portal hotline": str(SAMARAENERGO.portal_hotline),
             "portal": SAMARAENERGO.portal_host}
    found = []
    for top in PRODUCT:
        for path in sorted((ROOT / top).rglob("*.py")):
            if path == ROOT / "journal" / "supplier.py" or MIGRATIONS in path.parents:
                continue  # the profile; the migrations are history
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(ROOT)}: {what}" for what, pattern in facts.items()
                      if re.search(pattern if what == "SMS number" else re.escape(pattern), text)]
    assert found == []


def test_the_profiles_derived_facts() -> None:
    assert SAMARAENERGO.readings_sms((1200, 600)) == "001#1200;600"
    assert SAMARAENERGO.keyring_service == "Meter Journal: lk.samaraenergo.ru"  # stored passwords keep their name
    assert SAMARAENERGO.calculator_host == "samaraenergo.ru"
    assert supplier.supplier_name("samaraenergo") == "ПАО «Самараэнерго»" and supplier.supplier_name("x") == ""
    assert VOLGA.readings_sms((1200, 600)) == "П 1200 600"


def test_the_outbox_queues_the_readings_of_a_supplier_with_a_portal(household: JournalService,
                                                                    volga: SupplierProfile,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    with household.journal.write() as session:
        session.query(Account).filter_by(number=ACCOUNT).one().supplier = volga.code
    first = household.add_reading(ACCOUNT, date(2026, 11, 10), "1200,600").result
    with household.journal.read() as session:
        assert outbox.submissions(session) == []  # no portal: nothing to send
    monkeypatch.setitem(supplier.SUPPLIERS, volga.code,
                        dataclasses.replace(volga, portal_origin="https://lk.example.test"))
    second = household.add_reading(ACCOUNT, date(2026, 11, 26), "1250,610").result  # the next period's
    with household.journal.read() as session:
        assert [(s.reading_id, s.status) for s in outbox.submissions(session)] == [(second.id, "queued")]
    assert first.id != second.id
    with household.journal.write() as session:
        session.query(Account).filter_by(number=ACCOUNT).one().supplier = "unknown-supplier"
    household.add_reading(ACCOUNT, date(2026, 11, 27), "1260,615", replace=True)
    with household.journal.read() as session:  # the replaced one's submission cancelled, the new one not queued
        assert [(s.reading_id, s.status) for s in outbox.submissions(session)] == [(second.id, "cancelled")]


def test_register_words_and_calculator_codes_are_the_suppliers(volga: SupplierProfile) -> None:
    assert zone_of_text("Светлое время", TariffPlan.TWO_ZONE, volga) == Zone.DAY
    assert zone_of_text("Тёмное", TariffPlan.TWO_ZONE, volga) == Zone.NIGHT
    assert zone_of_text("День", TariffPlan.TWO_ZONE, volga) is None
    assert zone_of_text("Т2", TariffPlan.TWO_ZONE, volga) == Zone.NIGHT  # numbers for every supplier
    assert zone_of_text("Ночь", TariffPlan.TWO_ZONE) == Zone.NIGHT  # the default supplier's words
    day = date(2026, 1, 1)
    assert form(ConsumerCategory.RURAL, TariffPlan.SINGLE, Zone.SINGLE, day, volga)["UF_TARIF"] == "S1"
    assert form(ConsumerCategory.RURAL, TariffPlan.SINGLE, Zone.SINGLE, day)["UF_TARIF"] == "7"


def test_the_price_table_keeps_the_rows_of_the_accounts_supplier() -> None:
    table = ("supplier,category,plan,zone,band,valid_from,price,source\n"
             "samaraenergo,urban-gas,single,single,1,2026-01-01,6.25,a.ru от 01.01.2026\n"
             "volga-test,urban-gas,single,single,1,2026-01-01,9.99,b.ru от 01.01.2026\n")
    (ours,) = load_price_csv(table)
    (theirs,) = load_price_csv(table, supplier="volga-test")
    assert (str(ours.price), str(theirs.price)) == ("6.25", "9.99")
    shipped = shipped_entries()
    assert shipped and shipped_entries("volga-test") == () and PriceBook.shipped("volga-test").entries() == []
    with (ROOT / "resources" / "tariffs.csv").open(encoding="utf-8") as table_file:
        rows = table_file.read().splitlines()[1:]
    assert len(rows) == len(shipped) and all(row.startswith("samaraenergo,") for row in rows)
