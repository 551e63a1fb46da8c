"""Starting the window: Qt application, translations, settings, error handling, screenshots."""
from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFontDatabase, QIcon, QTextLayout
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core import paths, segment
from annotator.core.store import Project

log = logging.getLogger("annotator")


def settings() -> QSettings:
    """Window settings live in the user config folder (a file, the same on every platform)."""
    return QSettings(str(paths.user_config_dir() / "annotator.ini"), QSettings.IniFormat)


def language(store: QSettings) -> str:
    chosen = store.value("language", "")
    return chosen or ("zh_CN" if QLocale.system().name().startswith("zh") else "en")


def install_translations(app: QApplication, code: str) -> list[QTranslator]:
    translators = []
    if code != "en":
        for directory, name in ((str(paths.resource_path("translations")), f"annotator_{code}"),
                                (QLibraryInfo.path(QLibraryInfo.TranslationsPath), f"qtbase_{code}")):
            translator = QTranslator(app)
            if translator.load(name, directory):
                app.installTranslator(translator)
                translators.append(translator)
            else:
                log.warning("translation %s not found in %s", name, directory)
    return translators


def _timing(stage: str) -> None:
    """With ANNOTATOR_TIMING=1, seconds since the entry point to each start-up stage, on stderr."""
    if os.environ.get("ANNOTATOR_TIMING"):
        from annotator.__main__ import START

        print(f"{time.perf_counter() - START:6.3f} s  {stage}", file=sys.stderr)


def _excepthook(kind, value, tb) -> None:
    """A bug shows a plain message and goes to the log with its traceback."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    app = QApplication.instance()
    if app is not None:
        QMessageBox.critical(None, "Report annotator",
                             QApplication.translate("app", "Something went wrong and was written to the log:")
                             + f"\n{paths.log_file()}\n\n{value}")


def _line_height(text: str, font) -> float:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.height()


def chinese_font(app: QApplication) -> None:
    """Put a Chinese font first in the application's font when the system's default draws Chinese from
    a taller fallback (an English desktop): Qt measures lines with the default font, so the second line
    of a report-list entry (its status) fell out of sight under a Chinese title."""
    font = app.font()
    if _line_height("政府工作报告", font) <= _line_height("Report", font):
        return
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if families:
        font.setFamilies([families[0], *font.families()])
        app.setFont(font)


def run(project_path: Path, *, open_document: int | None = None, screenshot: Path | None = None,
        quit_when_shown: bool = False) -> int:
    from annotator.ui.main_window import MainWindow

    _timing("imports")
    paths.setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Report annotator")
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "annotator.png"))))
    chinese_font(app)
    store = settings()
    code = language(store)
    app._translators = install_translations(app, code)  # keep them alive
    sys.excepthook = _excepthook
    _timing("application and translations")
    project = Project.open(project_path)
    _timing("project open")
    window = MainWindow(project, store, english=(code == "en"))
    _timing("window built")
    zoom = store.value("zoom", None)
    if zoom is not None:
        window.view.set_point_size(float(zoom))
    if open_document is not None:
        window.open_document(open_document)
    if screenshot is not None:
        window.remember_layout = False  # a picture for the README must not move the user's windows
        window.resize(1280, 800)
    window.show()
    _timing("window shown")
    # jieba loads once the window is up: reading its dictionary holds Python's lock for a second or so,
    # which would otherwise delay the first window (measured in benchmarks/bench_start.py)
    QTimer.singleShot(0, segment.start)
    if quit_when_shown:  # the window is painted once, then the process ends (benchmarks/bench_start.py)
        QTimer.singleShot(0, app.quit)
    if screenshot is not None:
        def shoot() -> None:
            window.grab().save(str(screenshot))
            window.close()
            app.quit()
        QTimer.singleShot(300, shoot)
    result = app.exec()
    project.close()
    return result
