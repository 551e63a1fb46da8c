"""The main window: menus, docks and keyboard labelling, all through annotator.core."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QInputDialog, QMainWindow, QMessageBox

from annotator import __version__
from annotator.core import segment
from annotator.core.model import Span
from annotator.core.schema import choices
from annotator.core.store import Project
from annotator.core.store.changes import Changes
from annotator.ui.attribute_panel import LINK_KEYS, AttributePanel
from annotator.ui import guidance, project_files, team
from annotator.ui.find_bar import FindBar
from annotator.ui.operations import Operations
from annotator.ui.panels import DocumentPanel, LabelPalette, SpanTable
from annotator.ui.report_view import ReportView
from annotator.ui.training import Training

log = logging.getLogger("annotator")
POLL_MS = 500  # how often the window looks for what other programs wrote to the project

class MainWindow(QMainWindow):
    def __init__(self, project: Project, settings: QSettings, english: bool = False):
        super().__init__()
        self.project = project
        self.settings = settings
        self.english = english
        self.doc_id: int | None = None
        self.character_precision = False  # Alt held while selecting with the mouse
        self.pending_link: str | None = None  # an attribute waiting for the next span clicked
        self.remember_layout = True
        self.view = ReportView()
        self.setCentralWidget(self.view)
        self.documents = DocumentPanel()
        self.palette = LabelPalette()
        self.span_table = SpanTable()
        self.attributes = AttributePanel(english=english)
        self.docks = {name: self._dock(widget, area, name) for widget, area, name in (
            (self.documents, Qt.LeftDockWidgetArea, "reports"), (self.palette, Qt.RightDockWidgetArea, "labels"),
            (self.span_table, Qt.RightDockWidgetArea, "spans"),
            (self.attributes, Qt.RightDockWidgetArea, "attributes"))}
        self.find_toolbar = FindBar(self)
        self.find_bar = self.find_toolbar.edit
        self.addToolBar(Qt.BottomToolBarArea, self.find_toolbar)
        self.training = Training(self)
        team.setup(self)
        self._build_menus()
        self.hint = guidance.first_run_hint(self)
        self._texts()
        self.documents.order.setCurrentIndex(1 if settings.value("reports/unsure_first", False, bool) else 0)
        self.documents.order.currentIndexChanged.connect(
            lambda: settings.setValue("reports/unsure_first", self.documents.unsure_first()))
        self.documents.document_chosen.connect(self.open_document)
        self.palette.label_chosen.connect(self.apply_label)
        self.span_table.span_chosen.connect(lambda sid: self.select_span(self.view.spans.get(sid)))
        self.view.span_clicked.connect(self.span_clicked)
        self.attributes.edited.connect(self.edit_attributes)
        self.attributes.link_requested.connect(self.start_link)
        self.attributes.accept_requested.connect(self.accept_proposals)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.ops = Operations(self)
        self.poll_timer = QTimer(self, interval=POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()
        self.load_project_view()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        else:
            self.resize(1280, 800)

    # building ------------------------------------------------------------------

    def _dock(self, widget, area, name: str) -> QDockWidget:
        dock = QDockWidget(self, objectName=name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _texts(self) -> None:
        """The window's own texts in the current language (menus are made in it: _build_menus)."""
        for name, title in (("reports", self.tr("Reports")), ("labels", self.tr("Labels")),
                            ("spans", self.tr("Spans")), ("attributes", self.tr("Attributes")),
                            ("adjudication", self.tr("Adjudication"))):
            self.docks[name].setWindowTitle(title)
        self.find_toolbar.retranslate()
        guidance.hint_texts(self, self.hint)

    def _action(self, menu, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.WindowShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(file, self.tr("New project…"), lambda: project_files.new_project(self), QKeySequence.New)
        self._action(file, self.tr("Open project…"), lambda: project_files.open_project(self), QKeySequence.Open)
        self.recent_menu = file.addMenu(self.tr("Recent projects"))
        file.addSeparator()
        self._action(file, self.tr("Import reports…"), self.import_files, "Ctrl+I")
        self._action(file, self.tr("Export…"), self.export, "Ctrl+E")
        self._action(file, self.tr("Merge packages…"), lambda: team.merge_packages(self))
        file.addSeparator()
        self._action(file, self.tr("Quit"), self.close, QKeySequence.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(edit, self.tr("Undo"), self.undo, ["Ctrl+Z"])
        self.redo_action = self._action(edit, self.tr("Redo"), self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        edit.addSeparator()
        self._action(edit, self.tr("Find…"), self.find_toolbar.open, QKeySequence.Find)
        edit.addSeparator()
        self._action(edit, self.tr("Delete span"), self.delete_span, [Qt.Key_Delete])
        self._action(edit, self.tr("Label all occurrences in this report"), lambda: self.label_all(False), "Ctrl+L")
        self._action(edit, self.tr("Label all occurrences in all reports"), lambda: self.label_all(True),
                     "Ctrl+Shift+L")
        self._action(edit, self.tr("Move end left"), lambda: self.move_edge("end", -1), "Ctrl+Shift+Left")
        self._action(edit, self.tr("Move end right"), lambda: self.move_edge("end", 1), "Ctrl+Shift+Right")
        self._action(edit, self.tr("Move start left"), lambda: self.move_edge("start", -1), "Alt+Shift+Left")
        self._action(edit, self.tr("Move start right"), lambda: self.move_edge("start", 1), "Alt+Shift+Right")
        edit.addSeparator()
        self._action(edit, self.tr("Link the metric's subject (then click a region or organisation)"),
                     lambda: self.start_link("subject"), LINK_KEYS["subject"])
        self._action(edit, self.tr("Link the metric's period (then click a date)"),
                     lambda: self.start_link("period"), LINK_KEYS["period"])
        self._action(edit, self.tr("Accept the proposed attributes"), self.accept_proposals, "F9")
        self._action(edit, self.tr("Note on the selected span…"), self.note_span, "F3")
        self._action(edit, self.tr("Note on this report…"), self.note_report, "Shift+F3")
        self._action(edit, self.tr("Choose the indicator"), self.focus_indicator, "F2")
        edit.addSeparator()
        self._action(edit, self.tr("Mark done and go to next"), self.mark_done, ["Ctrl+Return", "Ctrl+Enter"])
        self._action(edit, self.tr("Skip this report…"), self.skip, "Ctrl+K")
        suggest = bar.addMenu(self.tr("&Suggestions"))
        self._action(suggest, self.tr("Suggest labels for this report"), lambda: self.run_suggest(False), "Ctrl+G")
        self._action(suggest, self.tr("Suggest labels for all reports"), lambda: self.run_suggest(True),
                     "Ctrl+Shift+G")
        suggest.addSeparator()
        # Enter and Backspace act in the report only (see eventFilter): the find bar and the
        # attribute fields need them for themselves.
        self._action(suggest, self.tr("Accept the selected suggestion (Enter)"), self.accept_suggestion)
        self._action(suggest, self.tr("Reject the selected suggestion (Backspace)"), self.reject_suggestion)
        self._action(suggest, self.tr("Accept all suggestions of the selected span's label here"),
                     lambda: self.accept_many(by_label=True), "Ctrl+Shift+Return")
        self._action(suggest, self.tr("Accept all suggestions here above a confidence…"),
                     lambda: self.accept_many(by_label=False))
        self._action(suggest, self.tr("Reject all suggestions of the selected span's label here"),
                     self.reject_label, "Ctrl+Shift+Backspace")
        self._action(suggest, self.tr("Next pending suggestion"), lambda: self.step_suggestion(True), "F4")
        self._action(suggest, self.tr("Previous pending suggestion"), lambda: self.step_suggestion(False),
                     "Shift+F4")
        suggest.addSeparator()
        self._action(suggest, self.tr("Train the learnt source now"), lambda: self.training.start(), "Ctrl+Shift+T")
        self._action(suggest, self.tr("Suggest again for this report (replaces pending suggestions)"),
                     lambda: self.run_suggest(False, again=True), "Ctrl+Alt+G")
        suggest.addSeparator()
        self._action(suggest, self.tr("Add a word list for a label…"), lambda: self.add_lexicon("name"))
        self._action(suggest, self.tr("Add patterns for a label…"), lambda: self.add_lexicon("pattern"))
        team.build_menu(self, bar)
        self.label_menu = bar.addMenu(self.tr("&Labels"))
        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("Zoom in"), lambda: self.zoom(1), ["Ctrl+=", "Ctrl++"])
        self._action(view, self.tr("Zoom out"), lambda: self.zoom(-1), "Ctrl+-")
        self.snap_action = self._action(view, self.tr("Snap selections to words"), self.toggle_snap, "F6",
                                        checkable=True)
        self.snap_action.setChecked(self.settings.value("snap", True, type=bool))
        self.suggestions_action = self._action(view, self.tr("Show suggestions"), self.show_hidden, "Ctrl+Shift+H",
                                               checkable=True)
        self.suggestions_action.setChecked(True)
        self.shown_menu = view.addMenu(self.tr("Show labels"))
        language = view.addMenu(self.tr("Language"))
        for code, name in (("zh_CN", "中文"), ("en", "English")):
            self._action(language, name, lambda _=False, c=code: self.set_language(c))
        help_ = bar.addMenu(self.tr("&Help"))
        self._action(help_, self.tr("User guide"), self.show_guide, "Shift+F1")
        self._action(help_, self.tr("Keyboard shortcuts"), self.show_shortcuts, "F1")
        self._action(help_, self.tr("About"), self.show_about)

    def _label_actions(self) -> None:
        """The label menu and its shortcuts, made again when the schema changes (the old actions leave
        the window: two actions on one key would make the key do nothing)."""
        for action in getattr(self, "label_actions", []):
            self.removeAction(action)
            action.deleteLater()
        self.label_menu.clear()
        self.label_actions = []
        for label in self.project.schema.labels:
            name = label.name_en if self.english else label.name_zh
            self.label_actions.append(self._action(self.label_menu, f"{name} ({label.key})",
                                                   lambda _=False, k=label.key: self.apply_label(k), label.shortcut))
        self.label_menu.addSeparator()
        self.label_actions.append(self._action(self.label_menu, self.tr("Indicators…"), self.edit_indicators))

    # project and documents -------------------------------------------------------

    def load_project_view(self) -> None:
        self.load_project_view_texts()
        for message in self.project.repairs:
            self.error(self.tr("The project file was repaired on opening: %1").replace("%1", message))
        if self.project.read_only:
            self.status(self.tr("Read-only: %1. Viewing, searching and exporting work; labelling does not.")
                        .replace("%1", self.project.read_only), 0)
        ids = self.project.document_ids()
        last = self.settings.value(f"last_document/{self.project.path}", None)
        first = int(last) if last is not None and int(last) in ids else (ids[0] if ids else None)
        self.refresh_documents(first)
        if first is not None:
            self.open_document(first)
        else:  # a new project: nothing of the previous one stays on screen
            self.view.show_document("", [])
            self.span_table.set_spans([])
            self.attributes.show_span(None, None)
            self.status(self.tr("No reports yet: File > Import reports (Ctrl+I)"), 0)
        self._update_undo()

    def load_schema(self) -> None:
        self.shown_menu.clear()
        for label in self.project.schema.labels:
            action = self.shown_menu.addAction(f"{label.key}  {label.name_en if self.english else label.name_zh}")
            action.setCheckable(True)
            action.setChecked(label.key not in self.view.hidden)
            action.setData(label.key)
            action.toggled.connect(self.show_hidden)
        self.view.set_schema(self.project.schema)
        self.palette.set_schema(self.project.schema, self.english)
        self.span_table.set_labels([label.key for label in self.project.schema.labels])
        self._label_actions()

    def refresh_documents(self, current: int | None = None) -> None:
        self.documents.set_rows(self.project.progress(), self.project.text,
                                current if current is not None else self.doc_id)

    def open_document(self, doc_id: int) -> None:
        if doc_id == self.doc_id:
            return
        self.doc_id = doc_id
        self.view.show_document(self.project.text(doc_id), self.project.spans(doc_id))
        self.span_table.set_spans(self.view.order)
        self.attributes.show_span(None, None)
        self.settings.setValue(f"last_document/{self.project.path}", doc_id)
        self.documents.select(doc_id)
        note = self.project.note(doc_id)
        self.statusBar().showMessage(self.project.document(doc_id).title + (f"  — {note}" if note else ""),
                                     8000 if note else 3000)
        if self.docks["adjudication"].isVisible():
            self.adjudication.show_document(doc_id)

    # what changed, shown ---------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Show what a write (ours, or another program's) changed, and nothing else."""
        if not changes:
            return
        if changes.schema:
            self.load_schema()
        doc_id, selected = self.doc_id, self.view.selected_id
        if doc_id is not None:
            if doc_id in changes.reload or changes.schema:
                self.view.replace_spans(self.project.spans(doc_id))
                self.span_table.set_spans(self.view.order)
            else:
                gone, new = changes.spans_of(doc_id)
                if gone or new:
                    self.span_table.apply(self.view.update_spans(gone, new), new)
            if selected is not None and (selected in changes.spans_updated or selected in changes.spans_removed
                                         or doc_id in changes.reload):
                self.show_attributes(self.selected_span())
        if changes.model:
            self.training.refresh()
        if changes.documents_added or changes.model:  # a new model judged the reports: the order may change
            self.refresh_documents()
        elif changes.documents:
            self.documents.update_rows(self.project.progress(changes.documents))
        if changes.undo:
            self._update_undo()
        if changes.team:
            self.adjudication.changed()
        elif doc_id is not None and doc_id in changes.documents:
            self.adjudication.gold_changed()
        if changes.team:
            self.refresh_documents()

    def poll(self) -> None:
        """Show what other programs and windows wrote to the project since the last look."""
        try:
            changes = self.project.poll()
        except Exception:  # the file went away: the next write says so plainly
            log.warning("polling the project failed", exc_info=True)
            return
        if changes:
            self.apply(changes)

    def switch_project(self, path: Path) -> None:
        project_files.switch_project(self, path)

    # labelling -------------------------------------------------------------------

    def selected_span(self) -> Span | None:
        return self.view.spans.get(self.view.selected_id) if self.view.selected_id else None

    def apply_label(self, label: str) -> None:
        """With text selected: create a span.  With a span selected: relabel it."""
        if self.doc_id is None:
            self.status(self.tr("No report is open: import reports first (Ctrl+I)"))
            return
        selection = self.view.selection()
        if selection is None:
            span = self.selected_span()
            if span is None:
                self.status(self.tr("Select some text first"))
            elif span.label != label:
                self.ops.run(lambda: self.project.update_span(span.id, label=label))
            return
        snapped = segment.snap(self.view.text, *selection,
                               words=self.snap_action.isChecked() and not self.character_precision)
        if snapped is None:
            self.status(self.tr("Only spaces are selected"))
            return
        done = self.ops.run(lambda: self.project.add_span(self.doc_id, *snapped, label))
        if done.ok:
            self.select_span(self.view.spans.get(done.value.id))

    def edit_indicators(self) -> None:
        """The project's indicators, one per line: add, remove, reorder."""
        current = "\n".join(i.key for i in self.project.schema.indicators)
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Indicators"),
                                                 self.tr("The project's indicators, one per line:"), current)
        if ok and text != current and self.ops.run(lambda: self.project.set_indicators(text.splitlines())).ok:
            self.status(self.tr("Indicators saved: %1").replace("%1", str(len(self.project.schema.indicators))))

    def show_attributes(self, span: Span | None) -> None:
        names = {v: self.view.spans[v].text for v in (span.attrs.values() if span else ())
                 if isinstance(v, int) and not isinstance(v, bool) and v in self.view.spans}
        self.attributes.show_span(span, self.project.schema, names)

    def select_span(self, span: Span | None, scroll: bool = True) -> None:
        self.view.select_span(span, scroll=scroll)
        self.show_attributes(span)
        if span is not None:  # the label's guideline beside it, from the schema
            label = self.project.schema.label(span.label)
            guideline = f"  — {label.guideline}" if label is not None and label.guideline else ""
            self.status(f"{span.label}: {span.text}  ({span.start}–{span.end}){guideline}", 8000)

    # suggestions -----------------------------------------------------------------------

    def run_suggest(self, everywhere: bool, again: bool = False) -> None:
        if self.doc_id is None:
            return
        doc_ids = None if everywhere else [self.doc_id]
        warnings: list[str] = []
        done = self.ops.run_long(self.tr("Suggesting labels…"), lambda progress: self.project.suggest(
            doc_ids, progress, on_warning=warnings.append, worker=self.ops.off_thread, again=again))
        if done.ok:
            self.status(self.tr("%1 suggestions added").replace("%1", str(done.value)))
        if warnings:
            QMessageBox.warning(self, self.tr("Suggestions"), "\n\n".join(warnings[:10]))

    def add_lexicon(self, kind: str) -> None:
        """A team's names (or patterns) for a label, one per line in a text file; suggested from now on."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Word list") if kind == "name" else self.tr("Patterns"),
                                              str(Path.home()), self.tr("Text files (*.txt);;All files (*)"))
        if not path:
            return
        labels = [label.key for label in self.project.schema.labels]
        label, ok = QInputDialog.getItem(self, self.tr("Label"), self.tr("Which label do these lines get?"),
                                         labels, 0, False)
        if not ok:
            return
        done = self.ops.run(lambda: self.project.add_lexicon_file(path, label, kind))
        if not done.ok:
            return
        report = done.value
        lines = [self.tr("%1 added, %2 already there. Suggest labels (Ctrl+G) to use them.")
                 .replace("%1", str(report.added)).replace("%2", str(report.already))] + report.problems[:20]
        (QMessageBox.warning if report.problems else QMessageBox.information)(
            self, self.tr("Word list"), "\n".join(lines))

    def accept_suggestion(self) -> None:
        span = self.selected_span()
        if span is None or span.origin != "suggested":
            self.status(self.tr("Select a suggestion first (Tab moves to the next)"))
            return
        if self.ops.run(lambda: self.project.accept(span.id)).ok:
            self.step_span(True)

    def reject_suggestion(self) -> None:
        span = self.selected_span()
        if span is None or span.origin != "suggested":
            self.status(self.tr("Select a suggestion first (Tab moves to the next)"))
            return
        following = self.view.neighbour(span, True)
        if self.ops.run(lambda: self.project.reject(span.id)).ok:
            self.select_span(self.view.spans.get(following.id) if following else None)

    def accept_many(self, by_label: bool) -> None:
        if self.doc_id is None:
            return
        if by_label:
            span = self.selected_span()
            if span is None:
                self.status(self.tr("Select a span first: its label is the one accepted"))
                return
            options = {"label": span.label}
        else:
            value, ok = QInputDialog.getDouble(self, self.tr("Accept suggestions"),
                                               self.tr("Accept suggestions at least this sure (0–1):"), 0.9, 0, 1, 2)
            if not ok:
                return
            options = {"min_confidence": value}
        done = self.ops.run_long(self.tr("Accepting suggestions…"),
                                 lambda progress: self.project.accept_all(self.doc_id, on_progress=progress, **options))
        if done.ok:
            self.status(self.tr("%1 suggestions accepted").replace("%1", str(len(done.value))))

    # metric attributes -------------------------------------------------------------

    def edit_attributes(self, attrs: dict) -> None:
        """New attributes for the selected span; an indicator typed that the project lacks joins the
        project's list in the same change."""
        span = self.selected_span()
        if span is None:
            return
        label = self.project.schema.label(span.label)
        new = [attrs[a.key] for a in (label.attributes if label else ()) if a.type == "choice"
               and "@indicators" in a.choices and attrs.get(a.key) not in (None, *choices(self.project.schema, a))]

        def edit():
            with self.project.change():
                if new:
                    self.project.add_indicators(new)
                return self.project.update_span(span.id, attrs=attrs)
        if self.ops.run(edit).ok:
            self.select_span(self.view.spans.get(span.id), scroll=False)
            if new:
                self.status(self.tr("%1 added to the project's indicators").replace("%1", ", ".join(new)))

    def accept_proposals(self) -> None:
        span = self.selected_span()
        if span is not None and span.attrs.get("proposed") and self.ops.run(
                lambda: self.project.confirm_span(span.id)).ok:
            self.select_span(self.view.spans.get(span.id), scroll=False)

    def start_link(self, key: str) -> None:
        span = self.selected_span()
        label = self.project.schema.label(span.label) if span else None
        attribute = next((a for a in label.attributes if a.key == key), None) if label else None
        if attribute is None:
            self.status(self.tr("Select a metric first"))
            return
        self.pending_link = key
        self.status(self.tr("Click the span to link as %1 (%2); Esc cancels")
                    .replace("%1", key).replace("%2", ", ".join(attribute.targets)), 0)

    def span_clicked(self, span_id: int) -> None:
        target = self.view.spans.get(span_id)
        metric = self.selected_span()
        if self.pending_link and metric is not None and target is not None and target.id != metric.id:
            key, self.pending_link = self.pending_link, None
            self.edit_attributes({**metric.attrs, key: target.id})
            return
        self.pending_link = None
        self.select_span(target, scroll=False)

    def focus_indicator(self) -> None:
        editor = self.attributes.editors.get("indicator")
        if editor is not None:
            editor.setFocus()
            if hasattr(editor, "lineEdit") and editor.lineEdit():
                editor.lineEdit().selectAll()

    def note_span(self) -> None:
        """A note on the selected span (a question to the team): kept in its attributes, so every export
        carries it."""
        span = self.selected_span()
        if span is None:
            self.status(self.tr("Select a span first (click it or press Tab)"))
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Note"), self.tr("Note on %1:").replace(
            "%1", f"{span.label} {span.text}"), span.attrs.get("note", ""))
        if ok:
            attrs = {k: v for k, v in span.attrs.items() if k != "note"}
            if text.strip():
                attrs["note"] = text.strip()
            self.edit_attributes(attrs)

    def note_report(self) -> None:
        if self.doc_id is None:
            return
        doc_id = self.doc_id
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Note"), self.tr("Note on this report:"),
                                                 self.project.note(doc_id))
        if ok and self.ops.run(lambda: self.project.set_note(doc_id, text)).ok:
            self.status(self.tr("Note saved"))

    def show_hidden(self, *_) -> None:
        """Show or hide suggestions and labels, as View > Show suggestions / Show labels say."""
        hidden = {a.data() for a in self.shown_menu.actions() if not a.isChecked()}
        self.view.set_hidden(hidden, not self.suggestions_action.isChecked())
        if self.selected_span() is not None and (self.selected_span().label in hidden or (
                not self.suggestions_action.isChecked() and self.selected_span().origin == "suggested")):
            self.select_span(None)

    def step_suggestion(self, forward: bool) -> None:
        """The next (previous) suggestion still pending, skipping annotations, wrapping round."""
        order = self.view.order
        current = self.selected_span()
        if current is not None:
            i = order.index(current) if current in order else 0
        elif self.view.map is not None:
            i = self.view.at_or_after(self.view.map.from_qt(self.view.textCursor().position()), True)
            i = order.index(i) - (1 if forward else 0) if i is not None else 0
        else:
            return
        step = 1 if forward else -1
        for k in range(1, len(order) + 1):
            span = order[(i + step * k) % len(order)]
            if span.origin == "suggested":
                self.select_span(span)
                return
        self.status(self.tr("No suggestion is pending in this report"))

    def reject_label(self) -> None:
        span = self.selected_span()
        if span is None:
            self.status(self.tr("Select a span first: its label is the one rejected"))
            return
        done = self.ops.run(lambda: self.project.reject_all(self.doc_id, label=span.label))
        if done.ok:
            self.status(self.tr("%1 suggestions rejected").replace("%1", str(done.value)))

    def step_span(self, forward: bool) -> None:
        current = self.selected_span()
        if current is None:
            if self.view.map is None:
                return
            target = self.view.at_or_after(self.view.map.from_qt(self.view.textCursor().position()), forward)
        else:
            target = self.view.neighbour(current, forward)
        if target is not None:
            self.select_span(target)

    def delete_span(self) -> None:
        span = self.selected_span()
        if span is None:
            return
        if self.ops.run(lambda: self.project.delete_span(span.id)).ok:
            self.view.select_span(None)
            self.attributes.show_span(None, None)

    def move_edge(self, edge: str, step: int) -> None:
        span = self.selected_span()
        if span is None:
            self.status(self.tr("Select a span first (click it or press Tab)"))
            return
        moved = segment.move_edge(self.view.text, span.start, span.end, edge, step)
        if moved is None or moved == (span.start, span.end):
            self.status(self.tr("The span cannot shrink or grow further that way"))
            return
        start, end = moved
        if self.ops.run(lambda: self.project.update_span(span.id, start=start, end=end)).ok:
            self.select_span(self.view.spans.get(span.id), scroll=False)

    def label_all(self, everywhere: bool) -> None:
        span = self.selected_span()
        if span is None:
            self.status(self.tr("Select a span first: its text is what gets labelled"))
            return
        doc_ids = self.project.document_ids() if everywhere else [self.doc_id]
        done = self.ops.run_long(self.tr("Labelling every occurrence…"), lambda progress: self.project.label_occurrences(
            doc_ids, span.text, span.label, progress))
        if done.ok:
            self.status(self.tr("%1 more spans labelled").replace("%1", str(len(done.value))))

    def undo(self) -> None:
        self._history(self.project.undo, True)

    def redo(self) -> None:
        self._history(self.project.redo, False)

    def _history(self, fn, undone: bool) -> None:
        """Undo or redo, and say what: a change in another report opens that report."""
        done = self.ops.run(fn)
        if not done.ok:
            return
        if not done.value:
            self.status(self.tr("Nothing to undo or redo"))
            return
        elsewhere = self.doc_id not in done.value
        if elsewhere:
            self.open_document(done.value[0])
        action, what, text, count = self.project.history.last
        names = {"add_span": self.tr("add"), "update_span": self.tr("change"), "delete_span": self.tr("delete"),
                 "set_status": self.tr("status"), "add_relation": self.tr("link"), "delete_relation": self.tr("unlink"),
                 "reject": self.tr("reject")}
        message = (self.tr("Undone: %1") if undone else self.tr("Redone: %1")).replace(
            "%1", " ".join(filter(None, (names.get(action, action), what, text))))
        if count > 1:
            message += " " + self.tr("(%1 changes)").replace("%1", str(count))
        if elsewhere:
            message += " — " + self.tr("in %1").replace("%1", self.project.document(done.value[0]).title)
        self.status(message, 8000)

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(self.project.can_undo())
        self.redo_action.setEnabled(self.project.can_redo())

    def mark_done(self) -> None:
        """Done, then the next unfinished report; pending suggestions are not left behind without a word."""
        if self.doc_id is None:
            return
        doc_id = self.doc_id
        pending = sum(1 for s in self.view.spans.values() if s.origin == "suggested")
        choice = self.ask_pending(pending) if pending else "keep"
        if choice == "cancel":
            return

        def finish():
            with self.project.change():
                if choice == "reject":
                    self.project.reject_all(doc_id)
                self.project.set_status(doc_id, "done")
        if self.ops.run(finish).ok:
            self.training.maybe_start()
            self._next_unfinished()
            if choice == "reject":
                then = self.statusBar().currentMessage()
                self.status(self.tr("%1 suggestions rejected").replace("%1", str(pending)) + (f"; {then}" if then else ""))

    def ask_pending(self, count: int) -> str:
        """"reject", "keep" or "cancel": what to do with a report's pending suggestions when it is marked done."""
        choice = guidance.ask_pending(self, count)
        self.activateWindow()  # the keys go back to the report, whatever the window manager does
        self.view.setFocus()
        return choice

    def skip(self) -> None:
        if self.doc_id is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Skip this report"), self.tr("Why is it skipped?"))
        if ok and self.ops.run(lambda: self.project.set_status(self.doc_id, "skipped", reason)).ok:
            self._next_unfinished()

    def _next_unfinished(self) -> None:
        target = self.project.next_unfinished(self.doc_id, unsure_first=self.documents.unsure_first())
        if target is None or target == self.doc_id:
            self.status(self.tr("Every report is done or skipped"))
        else:
            self.open_document(target)

    # find, view, files ------------------------------------------------------------

    def zoom(self, steps: int) -> None:
        self.view.zoom(steps)
        self.settings.setValue("zoom", self.view.font().pointSizeF())

    def toggle_snap(self) -> None:
        self.settings.setValue("snap", self.snap_action.isChecked())
        self.status(self.tr("Snapping to words is on") if self.snap_action.isChecked()
                    else self.tr("Snapping to words is off"))

    def set_language(self, code: str) -> None:
        """Switch the window's language now (and for the next start)."""
        from annotator.ui.app import install_translations  # the application's, not the window's

        self.settings.setValue("language", code)
        app = QCoreApplication.instance()
        for translator in getattr(app, "_translators", []):
            app.removeTranslator(translator)
        app._translators = install_translations(app, code)
        self.english = self.attributes.english = code == "en"
        hide_suggestions = self.view.hide_suggestions
        for action in self.actions():  # the menus are made again in the new language
            self.removeAction(action)
            action.deleteLater()
        self.label_actions = []
        self.menuBar().clear()
        self._build_menus()
        self.suggestions_action.setChecked(not hide_suggestions)
        self._texts()
        self.documents.retranslate()
        self.span_table.retranslate()
        self.load_project_view_texts()

    def load_project_view_texts(self) -> None:
        """What the project shows in words: the title, the labels' names, the selected span."""
        name = self.project.path.name if self.project.path else ""
        read_only = self.tr(" (read-only)") if self.project.read_only else ""
        self.setWindowTitle(f"{name}{read_only} — " + self.tr("Report annotator"))
        self.load_schema()
        project_files.remember_project(self)
        self.show_attributes(self.selected_span())

    def run_import(self, paths: list[str], add_labels: bool = False) -> None:
        project_files.run_import(self, paths, add_labels)

    def import_files(self) -> None:
        project_files.import_files(self)

    def export(self) -> None:
        project_files.export(self)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return guidance.shortcut_rows(self)

    def show_shortcuts(self) -> None:
        guidance.show_shortcuts(self)

    def show_guide(self) -> None:
        self.guide = guidance.show_guide(self)  # kept, so a test (or the user) can read it while it is open

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.tr("Report annotator %1").replace("%1", __version__))

    # messages and events -------------------------------------------------------------

    def status(self, message: str, timeout: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout)

    def error(self, message: str) -> None:
        log.warning("shown to the user: %s", message)
        QMessageBox.warning(self, self.tr("Report annotator"), message)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.view.viewport() and event.type() == event.Type.MouseButtonPress:
            # Alt+drag is taken by the window manager on most Linux desktops: Ctrl+drag does the same
            self.character_precision = bool(event.modifiers() & (Qt.AltModifier | Qt.ControlModifier))
        if obj is self.view and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key_Escape and self.pending_link:
                self.pending_link = None
                self.status(self.tr("Linking cancelled"))
                return True
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & ~Qt.KeypadModifier:
                self.accept_suggestion()
                return True
            if event.key() == Qt.Key_Backspace and not event.modifiers():
                self.reject_suggestion()
                return True
            if event.key() in (Qt.Key_Tab, Qt.Key_Backtab):
                self.step_span(event.key() == Qt.Key_Tab and not event.modifiers() & Qt.ShiftModifier)
                return True
            if event.key() in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down, Qt.Key_Home, Qt.Key_End):
                self.character_precision = False
                if self.selected_span() is not None and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
                    self.view.select_span(None, scroll=False)
        return super().eventFilter(obj, event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.poll_timer.stop()
        self.training.stop()
        if self.remember_layout:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
        super().closeEvent(event)

