"""The Team menu's dialogs: handing out reports, agreement (table and chart) and progress (charts)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from annotator.core.model import STATUSES
from annotator.ui.charts import HeatMap, StackedBars
from annotator.ui.export_dialog import path_row

STATUS_COLORS = {"todo": "#d0d0d0", "in_progress": "#f2c14e", "done": "#5fad56", "skipped": "#9a8c98"}


class AssignDialog(QDialog):
    """Who gets the reports nobody has yet: names, the share labelled twice, where the packages go."""

    def __init__(self, unassigned: int, folder: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand out reports"))
        self.names = QLineEdit(placeholderText=self.tr("alice, bob, carol"))
        self.overlap = QDoubleSpinBox(minimum=0, maximum=100, decimals=0, value=20, suffix=" %")
        self.copies = QSpinBox(minimum=2, maximum=9, value=2)
        self.folder = QLineEdit(str(folder))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose)
        where = path_row(self.folder, browse)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%1 reports are not handed out yet.").replace("%1", str(unassigned))))
        form.addRow(self.tr("Annotators"), self.names)
        form.addRow(self.tr("Labelled twice, for agreement"), self.overlap)
        form.addRow(self.tr("Annotators per shared report"), self.copies)
        form.addRow(self.tr("Folder for the packages"), where)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the packages"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def values(self) -> tuple[list[str], float, int, Path]:
        names = [n.strip() for n in self.names.text().replace("，", ",").split(",") if n.strip()]
        return names, self.overlap.value() / 100, self.copies.value(), Path(self.folder.text())


def _cell(value) -> QTableWidgetItem:
    item = QTableWidgetItem("–" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value))
    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return item


class AgreementDialog(QDialog):
    """Agreement on the reports several annotators finished: a chart of exact-span F1 by label and pair,
    the table of every measure, and the confusions between labels."""

    def __init__(self, result: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agreement"))
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        if not result["pairs"]:
            layout.addWidget(QLabel(self.tr("No report was finished by two annotators yet: merge their packages "
                                            "first (Team > Merge packages…).")))
            return
        layout.addWidget(QLabel(self.tr("%1 reports labelled by more than one of %2").replace(
            "%1", str(result["documents"])).replace("%2", ", ".join(result["annotators"]))))
        tabs = QTabWidget()
        layout.addWidget(tabs)
        self.chart = HeatMap()
        pairs = [f"{p['a']}–{p['b']}" for p in result["pairs"]]
        labels = list(result["labels"])
        values = {(label, f"{p['a']}–{p['b']}"): p["labels"].get(label, {}).get("exact_f1")
                  for p in result["pairs"] for label in labels}
        values.update({("all", f"{p['a']}–{p['b']}"): p["overall"]["exact_f1"] for p in result["pairs"]})
        self.chart.set_data(labels + ["all"], pairs, values)
        chart_page = QWidget()
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.addWidget(QLabel(self.tr("Exact-span F1 by label and pair of annotators")))
        chart_layout.addWidget(self.chart, 1)
        tabs.addTab(chart_page, self.tr("Chart"))
        headers = [self.tr("Pair"), self.tr("Label"), self.tr("Spans A"), self.tr("Spans B"), self.tr("Exact F1"),
                   self.tr("Overlap F1"), self.tr("Kappa"), self.tr("Alpha (unitizing)")]
        rows = [(f"{p['a']}–{p['b']}", label, c) for p in result["pairs"] for label, c in p["labels"].items()]
        rows += [(self.tr("all pairs"), label, c) for label, c in result["labels"].items()]
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for i, (pair, label, c) in enumerate(rows):
            for j, value in enumerate((pair, label, c["a"], c["b"], c["exact_f1"], c["overlap_f1"], c["kappa"],
                                       c["alpha_u"])):
                self.table.setItem(i, j, _cell(value) if j >= 2 else QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        tabs.addTab(self.table, self.tr("Table"))
        self.confusions = QTableWidget(len(result["confusions"]), 3)
        self.confusions.setHorizontalHeaderLabels([self.tr("Who said what"), self.tr("Times"), self.tr("Examples")])
        for i, c in enumerate(result["confusions"]):
            said = self.tr("%1 said %2 where %3 said %4").replace("%1", c["a"]).replace("%2", c["a_label"]) \
                .replace("%3", c["b"]).replace("%4", c["b_label"])
            self.confusions.setItem(i, 0, QTableWidgetItem(said))
            self.confusions.setItem(i, 1, _cell(c["times"]))
            self.confusions.setItem(i, 2, QTableWidgetItem("、".join(c["examples"])))
        self.confusions.resizeColumnsToContents()
        if result["confusions"]:
            tabs.addTab(self.confusions, self.tr("Confusions"))
        else:  # say so, rather than show an empty table
            tabs.addTab(QLabel(self.tr("No one gave a place another label than someone else did."),
                               alignment=Qt.AlignCenter), self.tr("Confusions"))
        m = result["metric_attributes"]
        if m["compared"]:
            layout.addWidget(QLabel(self.tr("METRIC spans both marked: %1; agreeing on %2").replace(
                "%1", str(m["compared"])).replace("%2", ", ".join(
                    f"{k} {m[k]['share']:.2f}" for k in ("value", "unit", "qualifier", "indicator", "subject",
                                                          "period")))))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ProgressDialog(QDialog):
    """Reports by status and spans by label for each annotator, and how fast each labels."""

    def __init__(self, result: dict, colors: dict[str, str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Progress"))
        self.resize(760, 720)
        layout = QVBoxLayout(self)
        people = {name or self.tr("(no name)"): who for name, who in result["annotators"].items()}
        names = list(people)
        names_status = {"todo": self.tr("To do"), "in_progress": self.tr("In progress"), "done": self.tr("Done"),
                        "skipped": self.tr("Skipped")}
        self.reports = StackedBars()
        self.reports.set_data(names, [(names_status[s], QColor(STATUS_COLORS[s])) for s in STATUSES],
                              {(n, names_status[s]): people[n]["reports"][s] for n in names for s in STATUSES})
        self.spans = StackedBars()
        self.spans.set_data(names, [(k, QColor(colors.get(k, "#888888"))) for k in result["labels"]],
                            {(n, k): people[n]["spans"].get(k, 0) for n in names for k in result["labels"]})
        layout.addWidget(QLabel(self.tr("Reports by status")))
        layout.addWidget(self.reports, 1)
        layout.addWidget(QLabel(self.tr("Spans by label")))
        layout.addWidget(self.spans, 1)
        self.speed = StackedBars()  # labels an hour, as a bar each (the table below has the counts behind it)
        rate = self.tr("Labels per hour")
        self.speed.set_data(names, [(rate, QColor("#4e79a7"))],
                            {(n, rate): people[n]["labels_per_hour"] or 0 for n in names})
        layout.addWidget(QLabel(self.tr("Speed, from the event log (pauses over 5 minutes are not counted)")))
        layout.addWidget(self.speed, 1)
        speed = QTableWidget(len(names), 3)
        speed.setHorizontalHeaderLabels([self.tr("Labels made"), self.tr("Active hours"), self.tr("Labels per hour")])
        speed.setVerticalHeaderLabels(names)
        for i, n in enumerate(names):
            for j, key in enumerate(("labels", "active_hours", "labels_per_hour")):
                speed.setItem(i, j, _cell(people[n][key]))
        speed.resizeColumnsToContents()
        speed.setMaximumHeight(40 + 30 * len(names))
        layout.addWidget(speed)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
