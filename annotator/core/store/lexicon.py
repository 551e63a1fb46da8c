"""A team's own word lists and patterns per label, kept in the project and suggested in every report.

A word list is a UTF-8 text file, one name per line; a pattern file holds one regular expression per
line (Python syntax; the whole match is the span).  Blank lines and lines starting with # are
skipped.  A bad line (a pattern that does not compile, one that can match nothing but the empty
string) is reported with its number and the rest is added.  Functions take the Project as `self`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.ingest.decode import decode_bytes, normalise_newlines
from annotator.core.model import AnnotatorError
from annotator.core.store.clock import now
from annotator.core.suggest import Lexicon, Suggestion, find_names

if TYPE_CHECKING:
    from annotator.core.store.project import Project

KINDS = ("name", "pattern")


@dataclass
class LexiconReport:
    added: int = 0
    already: int = 0
    problems: list[str] = field(default_factory=list)


def add_file(self: "Project", path: str | Path, label: str, kind: str = "name") -> LexiconReport:
    """Add the names (or patterns) in a file to a label."""
    path = Path(path)
    try:
        text = normalise_newlines(decode_bytes(path.read_bytes())[0])
    except OSError as exc:
        raise AnnotatorError(f"{path}: {exc.strerror or exc}") from None
    except AnnotatorError as exc:  # not text: an empty or undecodable file
        raise AnnotatorError(f"{path}: {exc}") from None
    return add_entries(self, label, text.splitlines(), kind, where=str(path))


def add_entries(self: "Project", label: str, lines: list[str], kind: str = "name", *,
                where: str = "entry") -> LexiconReport:
    if kind not in KINDS:
        raise AnnotatorError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if self.schema.label(label) is None:
        raise AnnotatorError(f"label {label!r} is not in the project's schema "
                             f"({', '.join(lab.key for lab in self.schema.labels)})")
    report, values = LexiconReport(), []
    for number, line in enumerate(lines, 1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if kind == "pattern":
            try:
                compiled = re.compile(value)
            except re.error as exc:
                report.problems.append(f"{where}:{number}: {value!r} is not a regular expression ({exc})")
                continue
            if compiled.fullmatch(""):
                report.problems.append(f"{where}:{number}: {value!r} matches the empty string")
                continue
        values.append(value)
    with self.change():
        for value in dict.fromkeys(values):
            cursor = self.db.execute("INSERT OR IGNORE INTO lexicon(label, kind, value, created_at) VALUES (?, ?, ?, ?)",
                                     [label, kind, value, now()])
            if cursor.rowcount:
                report.added += 1
            else:
                report.already += 1
        if report.added:
            self._log("add_lexicon", after={"label": label, "kind": kind, "count": report.added})
    return report


def entries(self: "Project") -> list[tuple[str, str, str]]:
    """(label, kind, value) of every entry, by label."""
    return self.db.execute("SELECT label, kind, value FROM lexicon ORDER BY label, kind, value").fetchall()


def remove_entries(self: "Project", label: str, values: list[str] | None = None) -> int:
    """Remove these values (all of the label's entries when None); returns how many went."""
    with self.change():
        if values is None:
            cursor = self.db.execute("DELETE FROM lexicon WHERE label = ?", [label])
        else:
            marks = ",".join("?" * len(values))
            cursor = self.db.execute(f"DELETE FROM lexicon WHERE label = ? AND value IN ({marks})", [label, *values])
        if cursor.rowcount:
            self._log("delete_lexicon", after={"label": label, "count": cursor.rowcount})
    return cursor.rowcount


class UserSource:
    """The lexicon as a suggestion source: names anywhere (longest first), patterns where they match."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        self.labels = {value: label for label, kind, value in rows if kind == "name"}
        self.lexicon = Lexicon(self.labels) if self.labels else None
        self.patterns = [(re.compile(value), label) for label, kind, value in rows if kind == "pattern"]

    def __call__(self, text: str) -> list[Suggestion]:
        found = find_names(text, self.labels, self.lexicon, "lexicon", 0.93) if self.lexicon else []
        for pattern, label in self.patterns:
            found += [Suggestion(m.start(), m.end(), label, "lexicon", 0.9)
                      for m in pattern.finditer(text) if m.end() > m.start()]
        return found
