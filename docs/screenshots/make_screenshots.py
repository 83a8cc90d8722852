"""Regenerate the window screenshots in this folder: `python docs/screenshots/make_screenshots.py`.

The sample household (the same fixture the tests and the welcome use), in Russian, on a 1366×768 laptop's screen
(1366×698 px less the task bar and a title bar, as tests/ui/laptop_screen.py), each window at the size it opens
with there: at 100 % display scale (<name>-100.png), at 150 % display scale (<name>-scale150.png, drawn in the
screen's own pixels) and at 200 % text (<name>-200.png). Qt reads the display scale once, before the application
starts: each is drawn by a child process of this script. Nothing of the user's is read or written: a temporary
folder holds the journal and the settings.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 18)
# (display scale, text size, the files' suffix)
SCREENS = (("1", 100, "100"), ("1.5", 100, "scale150"), ("1", 200, "200"))


def save(widget: object, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    for _round in range(4):  # the layouts settle (a line that wraps, a row that moves)
        QApplication.processEvents()
    widget.grab().save(str(HERE / f"{name}.png"))  # type: ignore[attr-defined]
    print(HERE / f"{name}.png")


def render(text: int, suffix: str) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.services.sample import SAMPLE_ACCOUNT, create_sample
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.none_references import keep_none_alive
    from ui.plan_change_dialog import ChangePlanDialog
    from ui.reading_dialog import ReadingDialog
    from ui.settings import Settings
    from ui.settings_dialog import SettingsDialog
    from ui.theme import apply_theme
    from ui.welcome_dialog import WelcomeDialog

    app = QApplication.instance() or QApplication([])
    keep_none_alive()
    install_language("ru")
    with tempfile.TemporaryDirectory() as folder:
        service = create_sample(Path(folder) / "journal.sqlite3", TODAY)
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        settings.text_scale = text
        apply_theme(app, text, False)  # type: ignore[arg-type]
        window = MainWindow(service, settings)  # at its first size on this screen
        window.show()
        window.tasks.wait()
        for index, name in enumerate(["history", "charts", "payments", "account"]):
            window.tabs.setCurrentIndex(index)
            save(window, f"{name}-{suffix}")
        window.tabs.setCurrentIndex(0)
        dialog = ReadingDialog(service, SAMPLE_ACCOUNT, TODAY, window)
        dialog.show()
        for field, zone in zip(dialog.fields, dialog.form.fields, strict=True):
            field.setText(str(zone.previous + 214))
        save(dialog, f"reading-{suffix}")
        for field in dialog.fields:
            field.clear()
        dialog.close()
        settings_dialog = SettingsDialog(settings, service, SAMPLE_ACCOUNT, window)
        settings_dialog.show()
        save(settings_dialog, f"settings-{suffix}")
        settings_dialog.close()
        welcome = WelcomeDialog(window)
        welcome.show()
        save(welcome, f"welcome-{suffix}")
        welcome.close()
        plan = ChangePlanDialog(service, SAMPLE_ACCOUNT, window)
        plan.show()
        save(plan, f"plan-change-{suffix}")
        plan.close()
        window.close()
        if suffix == "100":
            starting = MainWindow(None, settings)  # what the start paints before the journal is open
            starting.show()
            save(starting, "starting-100")
            starting.close()
            apply_theme(app, 100, True)  # type: ignore[arg-type]
            window = MainWindow(service, settings)
            window.show()
            window.tasks.wait()
            save(window, "history-high-contrast")
            window.close()
        service.close()
    return 0


def main() -> int:
    from tests.ui.laptop_screen import screen_config

    with tempfile.TemporaryDirectory() as folder:
        screen = screen_config(Path(folder))
        for scale, text, suffix in SCREENS:
            env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
            env.pop("METER_JOURNAL_DATA_DIR", None)
            subprocess.run([sys.executable, __file__, "--render", str(text), suffix], check=True, cwd=ROOT, env=env)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--render"]:
        sys.exit(render(int(sys.argv[2]), sys.argv[3]))
    sys.exit(main())
