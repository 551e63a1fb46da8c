"""File > Export: every format of the core's export table, with the options that make sense in a window."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QWidget)

from annotator.core.interchange.formats import EXPORTS, default_target
from annotator.core.interchange.records import ALL, Selection
from annotator.core.model import STATUSES


def path_row(edit: QLineEdit, browse: QPushButton) -> QWidget:
    """A path field with its Choose… button beside it, as one row of a form."""
    where = QWidget()
    row = QHBoxLayout(where)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return where


class ExportDialog(QDialog):
    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Export"))
        self.format = QComboBox()
        for name, form in EXPORTS.items():
            self.format.addItem(f"{name} — {form.description}", name)
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose)
        where = path_row(self.path, browse)
        self.status = QComboBox()
        self.status.addItem(self.tr("All reports"), None)
        for status in STATUSES:
            self.status.addItem(status, status)
        self.labels = QListWidget()
        for label in project.schema.labels:
            item = QListWidgetItem(f"{label.key}  {label.name_zh}")
            item.setData(Qt.UserRole, label.key)
            item.setCheckState(Qt.Checked)
            self.labels.addItem(item)
        self.labels.setMaximumHeight(140)
        self.suggestions = QCheckBox(self.tr("Include suggestions not yet accepted"))
        self.sentences = QCheckBox(self.tr("One record per sentence"))
        self.split = QLineEdit(placeholderText=self.tr("e.g. 80/10/10 (empty: one file)"))
        self.seed = QSpinBox(maximum=10 ** 6)
        # in a team file: the gold layer, one annotator's merged versions, or all of them
        self.layer = QComboBox()
        self.layer.addItem(self.tr("Gold (this project's own spans)"), "")
        for name in project.team.with_versions():
            self.layer.addItem(self.tr("%1's versions").replace("%1", name), name)
        if self.layer.count() > 1:
            self.layer.addItem(self.tr("All annotators' versions"), ALL)
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Write to"), where)
        form.addRow(self.tr("Reports"), self.status)
        if self.layer.count() > 1:
            form.addRow(self.tr("Layer"), self.layer)
        form.addRow(self.tr("Labels"), self.labels)
        form.addRow("", self.suggestions)
        form.addRow("", self.sentences)
        form.addRow(self.tr("Split by report"), self.split)
        form.addRow(self.tr("Split seed"), self.seed)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def fmt(self) -> str:
        return self.format.currentData()

    def _format_changed(self, *_) -> None:
        exchange = EXPORTS[self.fmt()].exchange
        for widget in (self.labels, self.sentences, self.split, self.seed):
            widget.setEnabled(exchange)
        self.layer.setEnabled(EXPORTS[self.fmt()].layers)
        if not EXPORTS[self.fmt()].layers or (self.layer.currentData() == ALL and self.fmt() != "native"):
            self.layer.setCurrentIndex(0)
        self.path.setText(str(default_target(self.project, self.fmt()).resolve()))

    def choose(self) -> None:
        if EXPORTS[self.fmt()].suffix:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), self.path.text())
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export"), self.path.text())
        if path:
            self.path.setText(path)

    def choice(self) -> tuple[str, Path, Selection, dict]:
        """(format, target, selection, options) as the core's `formats.export` takes them."""
        exchange = EXPORTS[self.fmt()].exchange
        keys = [self.labels.item(i).data(Qt.UserRole) for i in range(self.labels.count())
                if self.labels.item(i).checkState() == Qt.Checked]
        every = len(keys) == self.labels.count()
        selection = Selection(status=self.status.currentData(), with_suggestions=self.suggestions.isChecked(),
                              labels=None if every or not exchange else frozenset(keys),
                              sentences=exchange and self.sentences.isChecked(), layer=self.layer.currentData())
        split = self.split.text().strip() if exchange else ""
        return self.fmt(), Path(self.path.text()), selection, {"split": split or None, "seed": self.seed.value()}
