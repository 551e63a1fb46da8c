"""Adjudication in the window: the open report's disagreements one at a time, each annotator's version
of the sentence around it side by side, and a key to take one of them into the gold layer.

The report view keeps showing (and editing) the gold layer, the team file's own spans; this panel
reads the merged versions (core/team/adjudicate.py) and writes through the same core calls as the
CLI, so every take is one step to undo.
"""
from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTextBrowser, QVBoxLayout, QWidget

from annotator.core.team import adjudicate

CONTEXT = 60     # characters shown either side of a disagreement, cut at sentence ends
MAX_VERSIONS = 9  # Ctrl+1 … Ctrl+9


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((text.rfind(c, max(0, start - CONTEXT), start) for c in "。！？!?\n"), default=-1)
    a = left + 1 if left >= 0 else max(0, start - CONTEXT)
    rights = [i for i in (text.find(c, end, end + CONTEXT) for c in "。！？!?\n") if i >= 0]
    b = min(rights) + 1 if rights else min(len(text), end + CONTEXT)
    return a, b


def marked(text: str, a: int, b: int, spans, colors: dict[str, str], place) -> str:
    """HTML of text[a:b] with these spans coloured and the disagreement's stretch underlined."""
    out, at = [], a
    for s in sorted((s for s in spans if s.start < b and a < s.end), key=lambda s: s.start):
        s_start, s_end = max(s.start, at), min(s.end, b)
        if s_start < at:
            continue
        out.append(_plain(text, at, s_start, place))
        out.append(f'<span style="background:{colors.get(s.label, "#dddddd")}55">{_plain(text, s_start, s_end, place)}'
                   f'<sub>{html.escape(s.label)}</sub></span>')
        at = s_end
    out.append(_plain(text, at, b, place))
    return "".join(out)


def _plain(text: str, a: int, b: int, place) -> str:
    if b <= a:
        return ""
    inner_a, inner_b = max(a, place.start), min(b, place.end)
    if inner_a >= inner_b:
        return html.escape(text[a:b])
    return (html.escape(text[a:inner_a]) + "<u>" + html.escape(text[inner_a:inner_b]) + "</u>"
            + html.escape(text[inner_b:b]))


class AdjudicationPanel(QWidget):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.doc_id: int | None = None
        self.places: list = []
        self.index = 0
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self.show_place)
        self.versions = QTextBrowser()
        self.versions.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.versions, 2)

    @property
    def project(self):
        return self.window.project

    def annotators(self) -> list[str]:
        return list(self.places[0].versions) if self.places else []

    def show_document(self, doc_id: int | None) -> None:
        self.doc_id = doc_id
        self.places = adjudicate.disagreements(self.project, doc_id) if doc_id is not None else []
        text = self.project.text(doc_id) if doc_id is not None else ""
        self.list.blockSignals(True)
        self.list.clear()
        for place in self.places:
            self.list.addItem(QListWidgetItem(text[place.start:place.end]))
        self.list.blockSignals(False)
        self.refresh_marks()
        first = next((i for i, p in enumerate(self.places) if not p.matching(self.gold())), 0)
        if self.places:
            self.list.setCurrentRow(first)
        else:
            self.versions.setHtml("")
            self.header.setText(self.tr("No disagreements in this report (F11: the next report with some)")
                                if doc_id is not None else "")

    def gold(self) -> list:
        return [s for s in self.project.spans(self.doc_id) if s.origin != "suggested"] if self.doc_id else []

    def refresh_marks(self) -> None:
        """✓ on the places the gold layer settles as one of the versions."""
        gold = self.gold()
        for i, place in enumerate(self.places):
            item = self.list.item(i)
            text = item.text().lstrip("✓ ")
            who = place.matching(gold)
            item.setText(("✓ " if who else "") + text)
            item.setToolTip(self.tr("Gold now as %1").replace("%1", ", ".join(who)) if who else "")

    def show_place(self, index: int) -> None:
        if not 0 <= index < len(self.places):
            return
        self.index = index
        self.render()
        place = self.places[index]
        self.window.view.show_range(place.start, place.end)

    def render(self) -> None:
        """The current place: each version of its sentence, and what gold holds there now."""
        index = self.index
        place, text = self.places[index], self.project.text(self.doc_id)
        colors = {label.key: label.color for label in self.project.schema.labels}
        a, b = sentence_around(text, place.start, place.end)
        gold = self.gold()
        who = place.matching(gold)
        rows = []
        for n, (annotator, spans) in enumerate(place.versions.items(), 1):
            key = f"Ctrl+{n}" if n <= MAX_VERSIONS else ""
            tick = " ✓" if annotator in who else ""
            rows.append(f"<p><b>{key} {html.escape(annotator)}</b>{tick}<br>{marked(text, a, b, spans, colors, place)}</p>")
        title = self.tr("Gold now")
        keys = self.tr("Ctrl+0: nothing here. F11 / Shift+F11: next / previous disagreement.")
        rows.append(f"<p><b>{title}</b><br>{marked(text, a, b, gold, colors, place)}</p>")
        rows.append(f"<p><i>{keys}</i></p>")
        self.versions.setHtml("".join(rows))
        self.header.setText(self.tr("Disagreement %1 of %2 in this report").replace("%1", str(index + 1))
                            .replace("%2", str(len(self.places))))

    def take(self, number: int) -> None:
        """Ctrl+number: the number-th annotator's version here (0: nothing), then the next disagreement."""
        if not self.places:
            return
        names = self.annotators()
        if number > len(names):
            self.window.status(self.tr("There are %1 versions here").replace("%1", str(len(names))))
            return
        annotator = names[number - 1] if number else None
        place, doc_id = self.places[self.index], self.doc_id
        if self.window.ops.run(lambda: adjudicate.take(self.project, doc_id, place, annotator)).ok:
            self.step(1, wrap=False)  # the window told gold_changed already

    def step(self, direction: int, wrap: bool = True) -> None:
        """The next (or previous) disagreement; past the last one, the next report that has some."""
        target = self.index + direction
        if 0 <= target < len(self.places):
            self.list.setCurrentRow(target)
            return
        if direction > 0:
            if not wrap:  # the last one was just settled: stay, and say where the next are
                self.show_place(self.index)
                self.window.status(self.tr("That was the last disagreement in this report; F11 goes to the next report"))
                return
            later = next((d for d in adjudicate.shared(self.project) if d > (self.doc_id or 0)
                          and adjudicate.disagreements(self.project, d)), None)  # the first one is enough
            if later is not None:
                self.window.open_document(later)
            else:
                self.window.status(self.tr("No more reports with disagreements"))
        elif self.places:
            self.list.setCurrentRow(0)

    def gold_changed(self) -> None:
        """The open report's gold spans changed (a take, an edit in the report, an undo): the ticks and the
        current place's gold line follow; the places (made of the versions) and the view stay."""
        if self.doc_id is not None and self.isVisible() and self.places:
            self.refresh_marks()
            self.render()

    def changed(self) -> None:
        """The versions changed (a merge): the places are made again."""
        if self.doc_id is not None and self.isVisible():
            current = self.index
            self.show_document(self.doc_id)
            if self.places:
                self.list.setCurrentRow(min(current, len(self.places) - 1))
