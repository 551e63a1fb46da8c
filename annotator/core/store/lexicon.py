"""A team's own word lists and patterns per label, kept in the project and suggested in every report.

A word list is a UTF-8 text file, one name per line; a pattern file holds one regular expression per
line (Python syntax, run by the `regex` package with a time budget per report: see
suggest/suggester.py; the whole match is the span).  Blank lines and lines starting with # are skipped.  A bad line (a pattern that does not compile, one that can match nothing but the empty
string) is reported with its number and the rest is added.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

from annotator.core.ingest.decode import decode_bytes, normalise_newlines
from annotator.core.model import AnnotatorError
from annotator.core.store.clock import now
from annotator.core.store.schemas import Schemas
from annotator.core.store.session import Session
from annotator.core.suggest.suggester import compile_pattern

KINDS = ("name", "pattern")


@dataclass
class LexiconReport:
    added: int = 0
    already: int = 0
    problems: list[str] = field(default_factory=list)


class Lexicon:
    def __init__(self, session: Session, schemas: Schemas):
        self.session, self.schemas = session, schemas

    def add_file(self, path: str | Path, label: str, kind: str = "name") -> LexiconReport:
        """Add the names (or patterns) in a file to a label."""
        path = Path(path)
        try:
            text = normalise_newlines(decode_bytes(path.read_bytes())[0])
        except OSError as exc:
            raise AnnotatorError(f"{path}: {exc.strerror or exc}") from None
        except AnnotatorError as exc:  # not text: an empty or undecodable file
            raise AnnotatorError(f"{path}: {exc}") from None
        return self.add(label, text.splitlines(), kind, where=str(path))

    def add(self, label: str, lines: list[str], kind: str = "name", *, where: str = "entry") -> LexiconReport:
        if kind not in KINDS:
            raise AnnotatorError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        schema = self.schemas.current
        if schema.label(label) is None:
            raise AnnotatorError(f"label {label!r} is not in the project's schema "
                                 f"({', '.join(lab.key for lab in schema.labels)})")
        report, values = LexiconReport(), []
        for number, line in enumerate(lines, 1):
            value = line.strip()
            if not value or value.startswith("#"):
                continue
            if kind == "pattern":
                try:
                    compiled = compile_pattern(value)
                except regex.error as exc:
                    report.problems.append(f"{where}:{number}: {value!r} is not a regular expression ({exc})")
                    continue
                if compiled.fullmatch(""):
                    report.problems.append(f"{where}:{number}: {value!r} matches the empty string")
                    continue
            values.append(value)
        with self.session.write() as changes:
            for value in dict.fromkeys(values):
                cursor = self.session.db.execute(
                    "INSERT OR IGNORE INTO lexicon(label, kind, value, created_at) VALUES (?, ?, ?, ?)",
                    [label, kind, value, now()])
                if cursor.rowcount:
                    report.added += 1
                else:
                    report.already += 1
            if report.added:
                self.session.log("add_lexicon", after={"label": label, "kind": kind, "count": report.added})
                changes.lexicon = True
        return report

    def entries(self) -> list[tuple[str, str, str]]:
        """(label, kind, value) of every entry, by label."""
        return self.session.db.execute("SELECT label, kind, value FROM lexicon ORDER BY label, kind, value").fetchall()

    def remove(self, label: str, values: list[str] | None = None) -> int:
        """Remove these values (all of the label's entries when None); returns how many went."""
        with self.session.write() as changes:
            if values is None:
                cursor = self.session.db.execute("DELETE FROM lexicon WHERE label = ?", [label])
            else:
                marks = ",".join("?" * len(values))
                cursor = self.session.db.execute(f"DELETE FROM lexicon WHERE label = ? AND value IN ({marks})",
                                                 [label, *values])
            if cursor.rowcount:
                self.session.log("delete_lexicon", after={"label": label, "count": cursor.rowcount})
                changes.lexicon = True
        return cursor.rowcount
