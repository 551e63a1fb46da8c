"""The window's Team menu: who is labelling, handing reports out, bringing packages back, agreement,
adjudication and progress.  Functions of the window, as project_files.py's are (their words are in
the "MainWindow" translation context); the dialogs are in team_dialogs.py.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDialog, QDockWidget, QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox

from annotator.core.annotators import check_name, default_name
from annotator.core.model import AnnotatorError
from annotator.core.team import adjudicate, agreement, assign, merge, progress
from annotator.ui.adjudication import MAX_VERSIONS, AdjudicationPanel
from annotator.ui.team_dialogs import AgreementDialog, AssignDialog, ProgressDialog

NAME_KEY = "annotator/name"


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def setup(window) -> None:
    """The name in the status bar and the (hidden) adjudication dock; asks for the name on first start."""
    window.name_label = QLabel()
    window.statusBar().addPermanentWidget(window.name_label)
    window.adjudication = AdjudicationPanel(window)
    dock = QDockWidget(window, objectName="adjudication")
    dock.setWidget(window.adjudication)
    dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable | QDockWidget.DockWidgetClosable)
    window.addDockWidget(Qt.BottomDockWidgetArea, dock)  # the versions side by side need the width
    dock.hide()
    dock.visibilityChanged.connect(lambda shown: adjudication_shown(window, shown))
    window.docks["adjudication"] = dock
    name = os.environ.get("ANNOTATOR") or window.settings.value(NAME_KEY, "")
    try:
        if name:
            use_name(window, name)
    except AnnotatorError:  # a name spoilt in the settings file: ask again rather than not start
        name = ""
    if name:
        check_package(window)
    else:
        use_name(window, window.project.annotator, remember=False)
        QTimer.singleShot(0, window, lambda: ask_name(window))


def build_menu(window, bar) -> None:
    team = bar.addMenu(tr("&Team"))
    window._action(team, tr("Annotator name…"), lambda: ask_name(window))
    team.addSeparator()
    window._action(team, tr("Hand out reports…"), lambda: hand_out(window))
    window._action(team, tr("Merge packages…"), lambda: merge_packages(window))
    team.addSeparator()
    window._action(team, tr("Agreement…"), lambda: show_agreement(window), "Ctrl+Shift+A")
    window.adjudicate_action = window._action(team, tr("Adjudicate disagreements"), lambda: toggle_adjudication(window),
                                              "Ctrl+Shift+J", checkable=True)
    window._action(team, tr("Copy what all annotators agree on into gold"), lambda: take_agreed(window))
    window.take_actions = [window._action(None, tr("Take version %1").replace("%1", str(n)),
                                          lambda _=False, n=n: window.adjudication.take(n), f"Ctrl+{n}")
                           for n in range(0, MAX_VERSIONS + 1)]
    window.take_actions += [window._action(None, tr("Next disagreement"), lambda: window.adjudication.step(1), "F11"),
                            window._action(None, tr("Previous disagreement"), lambda: window.adjudication.step(-1),
                                           "Shift+F11")]
    dock = window.docks.get("adjudication")
    enable_takes(window, bool(dock and dock.isVisible()))
    team.addSeparator()
    window._action(team, tr("Progress…"), lambda: show_progress(window))


# who is labelling -----------------------------------------------------------------------------------

def use_name(window, name: str, remember: bool = True) -> None:
    name = check_name(name)
    os.environ["ANNOTATOR"] = name  # the training process the window starts labels under it too
    window.project.set_annotator(name)
    if remember:
        window.settings.setValue(NAME_KEY, name)
    window.name_label.setText(tr("Annotator: %1").replace("%1", name))


def ask_name(window) -> None:
    """Non-blocking: the name is used when the dialog is accepted."""
    dialog = QInputDialog(window)
    dialog.setWindowTitle(tr("Annotator name"))
    dialog.setLabelText(tr("Your name, stored with every label you make (as the team knows you):"))
    dialog.setTextEchoMode(QLineEdit.Normal)
    try:
        dialog.setTextValue(check_name(window.settings.value(NAME_KEY, "") or default_name()))
    except AnnotatorError:
        dialog.setTextValue(default_name())

    def chosen(text: str) -> None:
        try:
            use_name(window, text)
        except AnnotatorError as exc:
            window.error(str(exc))
    dialog.textValueSelected.connect(chosen)
    window.name_dialog = dialog
    dialog.open()


def check_package(window) -> None:
    """A package made for someone else: offer to label under that name (it is theirs to hand back)."""
    owner = window.project.team.package().get("annotator")
    if not owner or owner == window.project.annotator or window.project.read_only:
        return
    box = QMessageBox(QMessageBox.Question, tr("Annotator name"),
                      tr("This package was made for %1; you are labelling as %2. Label as %1?")
                      .replace("%1", owner).replace("%2", window.project.annotator),
                      QMessageBox.Yes | QMessageBox.No, window)
    yes = box.button(QMessageBox.Yes)
    box.finished.connect(lambda _: box.clickedButton() is yes and use_name(window, owner))
    window.package_question = box
    box.open()


# handing out and bringing back ---------------------------------------------------------------------

def hand_out(window) -> None:
    project = window.project
    free = assign.unassigned(project)
    beside = Path(project.path).parent if project.path else Path.home()  # packages next to the team file
    dialog = AssignDialog(len(free), beside / "packages", window)
    if dialog.exec() != QDialog.Accepted:
        return
    names, overlap, copies, folder = dialog.values()

    def work(progress_):
        plan = assign.plan(free, names, overlap=overlap, copies=copies)
        return plan, assign.make_packages(project, plan, folder, on_progress=progress_)
    done = window.ops.run_long(tr("Writing packages…"), work, cancellable=False)
    if done.ok:
        plan, files = done.value
        window.status(tr("%1 packages written to %2; %3 reports go to %4 annotators each").replace(
            "%1", str(len(files))).replace("%2", str(folder)).replace("%3", str(len(plan.shared)))
            .replace("%4", str(copies)), 0)


def merge_packages(window) -> None:
    files, _ = QFileDialog.getOpenFileNames(window, tr("Merge packages"), str(Path.home()), tr("Projects (*.db)"))
    if not files:
        return
    done = window.ops.run_long(tr("Merging…"), lambda _progress: merge.merge(window.project, [Path(f) for f in files]),
                               cancellable=False)
    if done.ok:
        said = [tr("%1: merged before, nothing new").replace("%1", r["annotator"]) if r.get("unchanged") else
                tr("%1: %2 reports, %3 spans").replace("%1", r["annotator"]).replace("%2", str(r["documents"]))
                .replace("%3", str(r["spans"])) for r in done.value]
        window.status("; ".join(said), 0)  # the list and the adjudication panel follow from the change itself


# seeing and settling --------------------------------------------------------------------------------

def show_agreement(window) -> None:
    window.agreement_dialog = AgreementDialog(agreement.measure(window.project), window)
    window.agreement_dialog.open()


def show_progress(window) -> None:
    colors = {label.key: label.color for label in window.project.schema.labels}
    window.progress_dialog = ProgressDialog(progress.progress(window.project), colors, window)
    window.progress_dialog.open()


def take_agreed(window) -> None:
    """Every place the annotators who finished a report agree on, copied into its gold layer."""
    done = window.ops.run_long(tr("Copying…"), lambda _progress: adjudicate.take_agreed(window.project),
                               cancellable=False)
    if done.ok:
        window.status(tr("%1 agreed spans copied into gold").replace("%1", str(done.value)), 0)


def toggle_adjudication(window) -> None:
    dock = window.docks["adjudication"]
    dock.setVisible(not dock.isVisible())


def enable_takes(window, shown: bool) -> None:
    window.adjudicate_action.setChecked(shown)
    for action in window.take_actions:  # the take keys mean something only while adjudicating
        action.setEnabled(shown)


def adjudication_shown(window, shown: bool) -> None:
    enable_takes(window, shown)
    if shown:
        dock = window.docks["adjudication"]
        dock.setWindowTitle(tr("Adjudication"))
        if not window.project.team.with_versions():
            window.status(tr("Nothing to adjudicate yet: merge the annotators' packages first (Team > Merge "
                             "packages…)"), 0)
        window.adjudication.show_document(window.doc_id)
