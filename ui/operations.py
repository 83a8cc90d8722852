"""Journal operations from the window, off the UI thread (Anki's CollectionOp/QueryOp).

`read` and `write` run a service call in a TaskRunner worker: no SQL statement runs on the UI thread. The caller
waits for the outcome handling the UI thread's events, so the window keeps painting, its timers tick and input is
handled, even while another program holds the journal busy for seconds; the caller's code reads on as if the
call were direct (a JournalError is raised where it was called). A write returns `Done(result, changes)`; its
caller hands the `Changes` to the window's one slot (`MainWindow.apply_changes`), where each view decides whether
it shows any of them.

The journal's questions (ConfirmationRequired) are asked on the UI thread between two runs of the write, as
`ui.confirmations.save_with_confirmations` does for a direct call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QWidget

from journal.errors import ConfirmationRequired
from ui.confirmations import Confirmed, save_with_confirmations
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the window imports this module before its journal's libraries load
    from desktop_app.services.changes import Done

T = TypeVar("T")
NONE_GIVEN = Confirmed()


def read(tasks: TaskRunner, call: Callable[[], T]) -> T:
    """`call()` run in a worker; the UI thread handles its events meanwhile (paints, timers, input, signals —
    not deferred deletions, which wait for the event loop as they would without the call). Its result, or its
    exception raised here."""
    outcome: list[tuple[bool, object]] = []
    tasks.run(lambda _token, _progress: call(), lambda value: outcome.append((True, value)),
              lambda error: outcome.append((False, error)))
    while not outcome:  # the outcome arrives as a queued signal, which wakes the wait
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents
                                       | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    ok, value = outcome[0]
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]


def write(parent: QWidget, tasks: TaskRunner, action: Callable[[Confirmed], Done[T]], *,
          given: Confirmed = NONE_GIVEN,
          ask: Callable[[ConfirmationRequired], bool] | None = None,
          busy: Callable[[bool], None] | None = None) -> Done[T] | None:
    """Run the write `action(confirmed)` in a worker, asking the journal's questions on the UI thread and running it
    again with each yes. Its Done once it went through; None when the person said no. Any other JournalError is
    raised for the caller to show beside its field. `busy(True)` and `busy(False)` are called around each run (not
    while a question is asked): a dialog shows that it is saving."""
    done: list[Done[T]] = []

    def run(confirmed: Confirmed) -> None:
        if busy is not None:
            busy(True)
        try:
            done.append(read(tasks, lambda: action(confirmed)))
        finally:
            if busy is not None:
                busy(False)

    if save_with_confirmations(parent, run, given=given, ask=ask):
        return done[-1]
    return None


def runner(widget: QWidget) -> TaskRunner:
    """The TaskRunner of the window `widget` is in (its `tasks`), else one of the widget's own (a dialog opened
    alone, as tests do)."""
    current: object | None = widget
    while current is not None:
        tasks = getattr(current, "tasks", None)
        if isinstance(tasks, TaskRunner):
            return tasks
        current = current.parent() if isinstance(current, QWidget) else None  # type: ignore[union-attr]
    own = TaskRunner(widget)
    widget.tasks = own  # type: ignore[attr-defined]
    return own
