"""The file dialogs the window opens fit the screen at 200 % text: Qt's own dialog (where the system has none of
its own) is no larger than the screen's available area, whole on it, «Отмена» in view, and it still answers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QWidget

from tests.ui import laptop_screen
from tests.ui.conftest import click_in_next_modal
from ui import file_actions, file_dialogs
from ui.main_window import MainWindow
from ui.screen_fit import FRAME, TITLE_BAR
from ui.theme import apply_theme


@pytest.fixture
def large_text(qapp: QApplication, russian: None) -> Iterator[None]:
    apply_theme(qapp, 200, False)
    yield
    apply_theme(qapp, 100, False)


def on_screen(dialog: QWidget) -> list[str]:
    """What of `dialog` the screen does not show: its size with a title bar and frame, its place, its buttons."""
    area = dialog.screen().availableGeometry()
    problems = []
    if dialog.width() + FRAME > area.width() or dialog.height() + TITLE_BAR > area.height():
        problems.append(f"{dialog.width()}×{dialog.height()} on {area.width()}×{area.height()}")
    if not area.contains(dialog.frameGeometry()):
        problems.append(f"at {dialog.frameGeometry().getRect()}, off {area.getRect()}")
    for button in dialog.findChild(QDialogButtonBox).buttons():
        if laptop_screen.shown_rect(button, dialog).size() != button.size():
            problems.append(f"«{button.text()}» cut")
        if not area.contains(QRect(button.mapToGlobal(QPoint(0, 0)), button.size())):
            problems.append(f"«{button.text()}» off the screen")
    return problems


def cancel_in_next_file_dialog(qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    """When the next file dialog opens: what of it is off the screen, then its «Отмена» clicked."""
    seen: list[str] = []

    def measure_and_cancel(dialog: QWidget) -> None:
        QApplication.processEvents()
        seen.extend(on_screen(dialog))
        cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        seen.append("title: " + dialog.windowTitle())
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    click_in_next_modal(qtbot, action=measure_and_cancel, kind=QFileDialog)
    return seen


ACTIONS: dict[str, Callable[[MainWindow], object]] = {
    "Сохранить копию журнала": file_actions.save_copy,
    "Восстановить журнал из копии": file_actions.restore_from_file,
    "Загрузка показаний из файла": file_actions.import_csv,
    "Сохранение отчёта за год": file_actions.save_report,
}


@pytest.mark.parametrize("title", list(ACTIONS))
def test_at_200_percent_text_the_file_dialogs_fit_the_screen_and_cancel_in_view(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, large_text, title: str, tmp_path: Path) -> None:
    before = sorted(tmp_path.parent.rglob("*.sqlite3"))
    seen = cancel_in_next_file_dialog(qtbot)
    ACTIONS[title](window)
    assert seen == [f"title: {title}"]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    assert sorted(tmp_path.parent.rglob("*.sqlite3")) == before  # cancelled: nothing saved, nothing restored


def test_the_qt_dialog_is_no_larger_than_the_screen_and_answers(qtbot, window: MainWindow, large_text,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path) -> None:
    (tmp_path / "readings.csv").write_text("")
    chosen = []

    def choose(dialog: QWidget) -> None:
        QApplication.processEvents()
        chosen.extend(on_screen(dialog))
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        qtbot.keyClicks(name, "readings.csv")  # typed, as a person at the keyboard does
        qtbot.keyClick(name, Qt.Key.Key_Return)

    click_in_next_modal(qtbot, action=choose, kind=QFileDialog)
    path, kind = file_dialogs.open_file_name(window, "Импорт показаний", str(tmp_path), "CSV (*.csv)")
    assert chosen == []
    assert (Path(path), kind) == (tmp_path / "readings.csv", "CSV (*.csv)")


def test_a_copy_is_offered_a_russian_name_and_the_next_dialog_opens_where_it_went(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    """«Копия журнала 30.11.2026.sqlite3», not «zhurnal-kopiya-2026-11-30»; and restoring it opens the folder it was
    saved in, not the home folder again — in this session and the next (the folder is kept in the settings)."""
    from datetime import date

    from ui.texts import day_text

    folder = tmp_path / "Документы" / "Копии"
    folder.mkdir(parents=True)
    seen: list[str] = []

    def save_into_folder(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        seen.append(name.text())
        name.setText(str(folder / name.text()))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    click_in_next_modal(qtbot, action=save_into_folder, kind=QFileDialog)
    click_in_next_modal(qtbot)  # «Копия сохранена…»: OK
    file_actions.save_copy(window)
    expected = f"Копия журнала {day_text(date.today())}.sqlite3"
    assert seen == [expected] and (folder / expected).is_file()
    assert window.settings.last_folder == str(folder)

    def look_and_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append(Path(dialog.directory().absolutePath()).name)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    click_in_next_modal(qtbot, action=look_and_cancel, kind=QFileDialog)
    file_actions.restore_from_file(window)
    assert seen[1:] == ["Копии"]
