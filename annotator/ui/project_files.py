"""The window's File menu: projects opened, made and remembered, reports imported, labels exported.

Functions of the window, as guidance.py's are; their words stay in the "MainWindow" translation
context, where the window's menus put them.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.core.importer import import_paths
from annotator.core.ingest.sources import SUFFIXES
from annotator.core.interchange import formats
from annotator.core.model import AnnotatorError
from annotator.core.store import Project
from annotator.ui import team
from annotator.ui.export_dialog import ExportDialog

RECENT = 8  # projects kept in File > Recent projects


def switch_project(window, path: Path) -> None:
    """The window on another project file (made if it does not exist); the current one is closed."""
    try:
        project = Project.open(path)
    except AnnotatorError as exc:
        window.error(str(exc))
        return
    window.training.stop()
    window.project.close()
    window.project, window.doc_id = project, None
    window.load_project_view()
    window.training.refresh()
    team.use_name(window, project.annotator, remember=False)
    team.check_package(window)
    window.adjudication.show_document(window.doc_id)


def remember_project(window) -> None:
    """The project opened last, and the recent ones in the File menu."""
    if window.project.path is None:
        return
    path = str(window.project.path.resolve())
    window.settings.setValue("last_project", path)
    recent = [p for p in window.settings.value("recent_projects", [], type=list) if p != path]
    recent = [path] + recent[:RECENT - 1]
    window.settings.setValue("recent_projects", recent)
    window.recent_menu.clear()
    for p in recent:
        action = window.recent_menu.addAction(p)
        action.triggered.connect(lambda _=False, p=p: switch_project(window, Path(p)))


def new_project(window) -> None:
    path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("MainWindow", "New project"),
                                          str(Path.home()), QCoreApplication.translate("MainWindow", "Projects (*.db)"))
    if path:
        switch_project(window, Path(path if path.endswith(".db") else path + ".db"))


def open_project(window) -> None:
    path, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("MainWindow", "Open project"),
                                          str(Path.home()), QCoreApplication.translate("MainWindow", "Projects (*.db)"))
    if path:
        switch_project(window, Path(path))


def import_files(window) -> None:
    reports = " ".join(f"*{suffix}" for suffix in sorted(SUFFIXES))  # the importer's own lists
    labelled = " ".join(f"*{suffix}" for suffix in formats.LABELLED_SUFFIXES)
    files, _ = QFileDialog.getOpenFileNames(
        window, QCoreApplication.translate("MainWindow", "Import reports"), str(Path.home()),
        QCoreApplication.translate("MainWindow", "Reports (%1);;Labelled data from other tools (%2);;All files (*)")
        .replace("%1", reports).replace("%2", labelled))
    if files:
        run_import(window, files)


def run_import(window, paths: list[str], add_labels: bool = False) -> None:
    """Import with progress and Cancel; labels the schema lacks are offered to be added (--add-labels)."""
    done = window.ops.run_long(QCoreApplication.translate("MainWindow", "Importing…"), lambda progress: import_paths(
        window.project, paths, on_progress=progress, worker=window.ops.off_thread, add_labels=add_labels))
    if not done.ok:
        return
    report = done.value
    if report.not_in_schema and not add_labels and QMessageBox.question(
            window, QCoreApplication.translate("MainWindow", "Import"), QCoreApplication.translate(
                "MainWindow", "Some reports use labels or attributes the schema lacks: %1.\n"
                              "Add them to the schema and import those reports?").replace(
                "%1", ", ".join(sorted(report.not_in_schema)))
    ) == QMessageBox.Yes:
        run_import(window, paths, add_labels=True)  # what came in the first time is skipped as a duplicate
        return
    summary = QCoreApplication.translate("MainWindow", "%1 imported, %2 duplicates skipped, %3 with errors skipped") \
        .replace("%1", str(len(report.imported))).replace("%2", str(len(report.duplicates))) \
        .replace("%3", str(len(report.problems)))
    if report.stopped:
        summary += "\n" + QCoreApplication.translate("MainWindow", "Stopped: %1 files not read").replace(
            "%1", str(report.stopped))
    lines = [summary] + [f"{p.where}: {p.reason}" for p in (report.problems + report.notes)[:20]]
    (QMessageBox.warning if report.problems else QMessageBox.information)(
        window, QCoreApplication.translate("MainWindow", "Import"), "\n".join(lines))
    if window.doc_id is None and report.imported:
        window.open_document(report.imported[0])


def export(window) -> None:
    """Every format the command line has, from the same table, with the options a window can offer."""
    dialog = ExportDialog(window.project, window)
    if dialog.exec() != ExportDialog.Accepted:
        return
    fmt, target, selection, options = dialog.choice()
    done = window.ops.run(lambda: formats.export(window.project, fmt, target, selection, **options))
    if done.ok:
        window.status(QCoreApplication.translate("MainWindow", "Exported %1 to %2")
                      .replace("%1", str(sum(n for _, n in done.value)))
                      .replace("%2", ", ".join(str(p) for p, _ in done.value)), 8000)
