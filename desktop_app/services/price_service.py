"""Asking the supplier's online calculator for the prices the journal needs: what the command line's
`tariff update` and the window's «Узнать цены на сайте поставщика» call.

One run: read which months to ask (journal.supplier_prices.months_to_ask, one short read), ask the calculator
each zone of each month (newest month first within a category and plan; no transaction is open meanwhile), then
store every answer in one write transaction — or nothing, when the calculator could not be asked to the end (a
fault, or the person cancelled). So a run never leaves part of its answers behind.

Politeness. A month asked before is not asked again unless `force`. A refused zone ends its month (its other zones
are not asked). After REFUSALS_IN_A_ROW refused months of a category and plan, its older months are not asked in
this run and are stored as skipped. A run stops asking after MAX_REQUESTS (the rest waits for the next run), and
pauses PAUSE seconds between requests to the supplier's site (not to this computer: the emulator).

Threading. `update` does network work: the window calls it in a worker thread with a cancel event and a progress
callback (called in that thread). Cancelling takes effect between requests.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import httpx

from desktop_app.price_calculator import TIMEOUT, CalculatorClient, CalculatorError, calculator_url, is_local
from desktop_app.services.journal_service import JournalService
from journal import accounts, billing, supplier_prices
from journal.messages import Message
from journal.storage.models import Account
from journal.supplier_prices import ANSWERED, REFUSED, SKIPPED, MonthAnswer, MonthQuestion, UnknownRun
from journal.tariffs import ListedPrice, PriceEntry
from journal.zones import Zone

log = logging.getLogger(__name__)

REFUSALS_IN_A_ROW = 2
MAX_REQUESTS = 400
PAUSE = 0.3  # seconds between two requests to the supplier's site

Progress = Callable[[int, int, str], None]  # (requests done, requests planned at most, what is asked)


@dataclass(frozen=True)
class PriceLookupReport:
    url: str
    asked_on: date
    requests: int
    answered: tuple[MonthAnswer, ...] = ()
    refused: tuple[MonthQuestion, ...] = ()
    skipped: tuple[MonthQuestion, ...] = ()  # not asked: the calculator refused the later months
    left: tuple[MonthQuestion, ...] = ()  # not asked in this run: the request limit was reached
    found: tuple[PriceEntry, ...] = ()  # the calculator's prices now in the list, for the months of this run
    differing: tuple[ListedPrice, ...] = ()  # shipped prices the calculator contradicts: the calculator's is used
    unknown: tuple[UnknownRun, ...] = ()  # days the journal needs a price for and still has none
    error: Message | None = None  # why the calculator could not be asked to the end: then nothing was stored
    cancelled: bool = False

    @property
    def reached(self) -> bool:
        """The run finished: every answer was stored (even refusals). False: nothing changed."""
        return self.error is None and not self.cancelled

    @property
    def asked(self) -> int:
        return len(self.answered) + len(self.refused)


class _Stopped(Exception):
    pass


class PriceLookupService:
    def __init__(self, journal_service: JournalService, *, url: str | None = None,
                 timeout: httpx.Timeout | float = TIMEOUT, http_transport: httpx.BaseTransport | None = None,
                 pause: float | None = None, max_requests: int = MAX_REQUESTS) -> None:
        self.journals = journal_service
        self.max_requests = max_requests
        self._url = url
        self.timeout = timeout
        self.http_transport = http_transport
        self._pause = pause

    @property
    def url(self) -> str:
        """The calculator's address (InvalidInput for one that is not https:// or this computer)."""
        return calculator_url(self._url)

    @property
    def journal(self):  # type: ignore[no-untyped-def]  # follows JournalService after a restore
        return self.journals.journal

    def _accounts(self, session, number: str | None) -> list[Account]:  # type: ignore[no-untyped-def]
        if number:
            return [accounts.find_account(session, number)]
        return [accounts.find_account(session, info.number) for info in accounts.list_accounts(session)]

    def questions(self, number: str | None = None, *, force: bool = False) -> list[MonthQuestion]:
        """The months a run would ask about now (nothing is asked)."""
        with self.journal.read() as session:
            found = self._accounts(session, number)
            base = billing.price_book(session, supplier=False)
            return supplier_prices.months_to_ask(session, found, base, self.journals.today(), force=force)

    def unknown(self, number: str | None = None) -> list[UnknownRun]:
        """The days the journal needs a price for and has none (shipped, the calculator's or the user's)."""
        with self.journal.read() as session:
            book = billing.price_book(session)
            today = self.journals.today()
            return [run for account in self._accounts(session, number)
                    for run in supplier_prices.still_unknown(session, account, book, today)]

    # --- a run --------------------------------------------------------------------------------------------------

    def update(self, number: str | None = None, *, force: bool = False, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> PriceLookupReport:
        url = self.url
        today = self.journals.today()
        questions = self.questions(number, force=force)
        cancel = cancel or threading.Event()
        report = _Asking(url, questions, cancel, progress, self._pause_for(url), self.max_requests)
        if questions:
            log.info("Asking the supplier's calculator about %d month(s)", len(questions))
            with CalculatorClient(url, timeout=self.timeout, http_transport=self.http_transport) as client:
                report.run(client)
        if report.error is None and not report.cancelled and report.answers:
            with self.journal.write() as session:
                supplier_prices.store_answers(session, report.answers, today)
            log.info("Calculator answers stored: %d month(s) answered, %d refused, %d skipped",
                     len(report.of(ANSWERED)), len(report.of(REFUSED)), len(report.of(SKIPPED)))
        return self._report(number, url, today, report)

    def _pause_for(self, url: str) -> float:
        if self._pause is not None:
            return self._pause
        return 0.0 if is_local(url) else PAUSE

    def _report(self, number: str | None, url: str, today: date, asking: _Asking) -> PriceLookupReport:
        stored = asking.error is None and not asking.cancelled
        found: list[PriceEntry] = []
        differing: list[ListedPrice] = []
        if stored:
            months = {(a.question.category, a.question.plan, a.question.month) for a in asking.of(ANSWERED)}
            with self.journal.read() as session:
                book = billing.price_book(session)
            for row in book.listing():
                entry = row.entry
                key = (entry.category, entry.plan, entry.valid_from.replace(day=1))
                if entry.supplier and key in months:
                    found.append(entry)
                elif (not entry.supplier and not entry.user and entry.price is not None and row.replaced_by is not None
                      and row.replaced_by.supplier and entry.price != row.replaced_by.price):
                    differing.append(row)
        kept = asking.answers if stored else []  # answers of a run that did not finish are not kept
        return PriceLookupReport(
            url=url, asked_on=today, requests=asking.requests,
            answered=tuple(a for a in kept if a.outcome == ANSWERED),
            refused=tuple(a.question for a in kept if a.outcome == REFUSED),
            skipped=tuple(a.question for a in kept if a.outcome == SKIPPED), left=tuple(asking.left if stored else ()),
            found=tuple(found),
            differing=tuple(differing), unknown=tuple(self.unknown(number)), error=asking.error,
            cancelled=asking.cancelled)


class _Asking:
    """One run's questions and answers, in memory until the run is over."""

    def __init__(self, url: str, questions: list[MonthQuestion], cancel: threading.Event, progress: Progress | None,
                 pause: float, max_requests: int) -> None:
        self.url, self.questions, self.cancel, self.pause = url, questions, cancel, pause
        self.max_requests = max_requests
        self.progress = progress or (lambda _done, _total, _text: None)
        self.answers: list[MonthAnswer] = []
        self.left: list[MonthQuestion] = []
        self.requests = 0
        self.error: Message | None = None
        self.cancelled = False
        self.total = min(max_requests, sum(len(q.plan.zones) for q in questions))

    def of(self, outcome: str) -> list[MonthAnswer]:
        return [a for a in self.answers if a.outcome == outcome]

    def run(self, client: CalculatorClient) -> None:
        refusals: dict[tuple[str, str], int] = {}
        try:
            for index, question in enumerate(self.questions):
                group = (question.category.value, question.plan.value)
                if refusals.get(group, 0) >= REFUSALS_IN_A_ROW:
                    self.answers.append(MonthAnswer(question, SKIPPED))
                    continue
                if self.requests + len(question.plan.zones) > self.max_requests:
                    self.left = [q for q in self.questions[index:]
                                 if refusals.get((q.category.value, q.plan.value), 0) < REFUSALS_IN_A_ROW]
                    self.answers += [MonthAnswer(q, SKIPPED) for q in self.questions[index:] if q not in self.left]
                    break
                answer = self._ask(client, question)
                self.answers.append(answer)
                refusals[group] = refusals.get(group, 0) + 1 if answer.outcome == REFUSED else 0
        except CalculatorError as exc:
            self.error = exc.text
        except _Stopped:
            self.cancelled = True

    def _ask(self, client: CalculatorClient, question: MonthQuestion) -> MonthAnswer:
        prices: dict[Zone, Decimal] = {}
        for zone in question.plan.zones:
            self.progress(self.requests, self.total, f"{question.month:%Y-%m}/{question.plan}/{zone}")
            if (self.requests and self.cancel.wait(self.pause)) or self.cancel.is_set():
                raise _Stopped
            self.requests += 1
            price = client.zone_price(question.category, question.plan, zone, question.month)
            if price is None:
                return MonthAnswer(question, REFUSED)
            prices[zone] = price
        return MonthAnswer(question, ANSWERED, prices)
