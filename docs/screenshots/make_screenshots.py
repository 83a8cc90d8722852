"""Regenerate the window screenshots in this folder: `python docs/screenshots/make_screenshots.py`.

The sample household (the same fixture the tests and the welcome use), in Russian, at 100 % and 200 %
text size, rendered offscreen. Nothing of the user's is read or written: a temporary folder holds the
journal and the settings.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop_app.services.sample import SAMPLE_ACCOUNT, create_sample  # noqa: E402
from ui.i18n import install_language  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.plan_change_dialog import ChangePlanDialog  # noqa: E402
from ui.reading_dialog import ReadingDialog  # noqa: E402
from ui.settings import Settings  # noqa: E402
from ui.settings_dialog import SettingsDialog  # noqa: E402
from ui.theme import apply_theme  # noqa: E402
from ui.welcome_dialog import WelcomeDialog  # noqa: E402

TODAY = date(2026, 11, 18)


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(HERE / f"{name}.png"))
    print(HERE / f"{name}.png")


def main() -> int:
    app = QApplication.instance() or QApplication([])
    install_language("ru")
    with tempfile.TemporaryDirectory() as folder:
        service = create_sample(Path(folder) / "journal.sqlite3", TODAY)
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        for scale in (100, 200):
            apply_theme(app, scale, False)  # type: ignore[arg-type]
            size = (1200, 800) if scale == 100 else (1900, 1250)
            window = MainWindow(service, settings)
            window.resize(*size)
            window.show()
            window.tasks.wait()
            QApplication.processEvents()
            for index, name in enumerate(["history", "charts", "payments", "account"]):
                window.tabs.setCurrentIndex(index)
                save(window, f"{name}-{scale}")
            dialog = ReadingDialog(service, SAMPLE_ACCOUNT, TODAY, window)
            dialog.show()
            for field, zone in zip(dialog.fields, dialog.form.fields, strict=True):
                field.setText(str(zone.previous + 214))
            save(dialog, f"reading-{scale}")
            dialog.close()
            settings_dialog = SettingsDialog(settings, service, SAMPLE_ACCOUNT, window)
            settings_dialog.show()
            save(settings_dialog, f"settings-{scale}")
            settings_dialog.close()
            welcome = WelcomeDialog(window)
            welcome.show()
            save(welcome, f"welcome-{scale}")
            welcome.close()
            plan = ChangePlanDialog(service, SAMPLE_ACCOUNT, window)
            plan.show()
            save(plan, f"plan-change-{scale}")
            plan.close()
            window.close()
        starting = MainWindow(None, settings)  # what the start paints before the journal is open
        starting.resize(1200, 800)
        starting.show()
        save(starting, "starting-100")
        starting.close()
        apply_theme(app, 100, True)  # type: ignore[arg-type]
        window = MainWindow(service, settings)
        window.resize(1200, 800)
        window.show()
        window.tasks.wait()
        save(window, "history-high-contrast")
        window.close()
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
