"""A project: one SQLite file holding reports, the label schema, spans and the event log.

`Project` is built from parts (documents, spans, suggestions, lexicon, history, …) that each
depend on the one `Session` and on the parts they use, never on each other's private state.
Every public method that changes something is one transaction, committed before it returns,
that appends what changed to the event log and leaves a `Changes` (`project.last_changes`, or
`with project.track() as changes:` around several calls).  Several programs may open one file:
writes take the lock up front, and `poll()` says what the others wrote.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from annotator import __version__
from annotator.core.annotators import check_name, default_name
from annotator.core.model import AnnotatorError, Schema
from annotator.core.schema import default_schema
from annotator.core.store import opening
from annotator.core.store.changes import Changes
from annotator.core.store.clock import now
from annotator.core.store.documents import Documents
from annotator.core.store.history import History
from annotator.core.store.lexicon import Lexicon
from annotator.core.store.migrations import migrations
from annotator.core.store.models import Models
from annotator.core.store.queries import Queries
from annotator.core.store.schemas import Schemas
from annotator.core.store.session import BUSY_SECONDS, Session
from annotator.core.store.spans import Spans
from annotator.core.store.statuses import Statuses
from annotator.core.store.suggestions import Suggestions
from annotator.core.store.team import Team
from annotator.core.store.texts import Texts

from sqlite_utils import Database


class Project:
    """Open with `Project.open(path)`; use as a context manager to close."""

    def __init__(self, db: Database, path: Path | None, annotator: str, *, read_only: str = "",
                 repairs: list[str] | None = None):
        self.db = db  # for reading by sqlite-utils users and tests; the store's parts write through the session
        self.path = path
        self.repairs = repairs or []  # what opening put right, for the user
        self.closed = False
        project_id = "" if path is None else _setting(db, "project_id")
        self.session = Session(db, path, annotator, read_only=read_only, project_id=project_id)
        self.texts = Texts(self.session)
        self.schemas = Schemas(self.session)
        self.statuses = Statuses(self.session)
        self.spans_ = Spans(self.session, self.texts, self.schemas, self.statuses)
        self.documents = Documents(self.session, self.texts, self.spans_)
        self.lexicon = Lexicon(self.session, self.schemas)
        self.models = Models(self.session)
        self.suggestions = Suggestions(self.session, self.texts, self.schemas, self.spans_, self.lexicon, self.models)
        self.history = History(self.session, self.spans_, self.statuses, self.suggestions, self.documents)
        self.queries = Queries(self.session, self.texts)
        self.team = Team(self.session, self.texts)

    @classmethod
    def open(cls, path: str | Path | None, *, annotator: str | None = None,
             schema: Schema | None = None) -> "Project":
        """Open (creating and migrating as needed) the project at `path`; None = in memory."""
        annotator = check_name(annotator or default_name())
        if path is None:
            db = Database(memory=True, execute_plugins=False)
            migrations.apply(db)
            project = cls(db, None, annotator)
            project._initialise(schema)
            return project
        path = Path(path)
        read_only = ""
        if path.exists():
            exists, read_only = opening.inspect(path)
        elif not os.access(_existing_parent(path), os.W_OK):
            raise AnnotatorError(f"cannot create a project at {path}: the folder is read-only")
        path.parent.mkdir(parents=True, exist_ok=True)
        db = opening.connect(path, read_only)
        db.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
        db.execute("PRAGMA foreign_keys = ON")
        repairs: list[str] = []
        if read_only:
            if migrations.pending(db):
                db.close()
                raise AnnotatorError(f"{path} was made by an older version and needs an upgrade, which a read-only "
                                     f"file cannot get ({read_only}): copy it somewhere you can write")
        else:
            # WAL: readers never block the writer; NORMAL sync is durable against a killed process.
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
            db.conn.execute("BEGIN IMMEDIATE")  # two programs opening a new file: one migrates it
            try:
                migrations.apply(db)
                repairs = opening.repair_objects(db)
                if _setting(db, "written_by") != __version__:
                    db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('written_by', ?)",
                               [f'"{__version__}"'])
                db.conn.execute("COMMIT")
            except BaseException:
                db.conn.execute("ROLLBACK")
                db.close()
                raise
        project = cls(db, path, annotator, read_only=read_only, repairs=repairs)
        if not read_only:
            project._initialise(schema)
            project.repairs += project.schemas.repair_keys()
        return project

    def _initialise(self, schema: Schema | None) -> None:
        if not self.db.execute("SELECT 1 FROM labels LIMIT 1").fetchone():
            with self.session.write():
                self.schemas.write(schema or default_schema())
                self.session.set("created_at", now())

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.history.end()
        except AnnotatorError:  # the file went away or is busy: its stacks stay with this session
            pass
        self.db.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # who and what ----------------------------------------------------------------------------

    @property
    def annotator(self) -> str:
        return self.session.annotator

    def set_annotator(self, name: str) -> None:
        """Label under another name from now on (the window's name was chosen after opening)."""
        self.session.annotator = check_name(name)
        self.session.reset_annotator()

    @property
    def read_only(self) -> str:
        """Why the project is open read-only ("" when it is not)."""
        return self.session.read_only

    @property
    def last_changes(self) -> Changes:
        """What the last write changed."""
        return self.session.last_changes

    def change(self):
        """One user action made of several calls: one transaction, one step to undo."""
        return self.session.write()

    @contextmanager
    def track(self) -> Iterator[Changes]:
        """Collect what the writes inside the block change (several transactions at once)."""
        collected = Changes()
        self.session.before_commit.append(lambda _b, _k, _a, changes: collected.merge(changes))
        hook = self.session.before_commit[-1]
        try:
            yield collected
        finally:
            self.session.before_commit.remove(hook)

    def poll(self) -> Changes | None:
        """What other programs and windows wrote since the last poll (None: nothing)."""
        if self.closed:
            return None
        changes = self.session.poll()
        if changes is not None and changes.schema:
            self.schemas.forget()
        return changes

    def setting(self, key: str, default: Any = None) -> Any:
        return self.session.setting(key, default)

    # the parts, under the names the CLI, the window and the tests use --------------------------

    @property
    def schema(self) -> Schema:
        return self.schemas.current

    def set_schema(self, schema: Schema) -> None:
        self.schemas.set(schema)

    def add_labels(self, keys: list[str]) -> list[str]:
        return self.schemas.add_labels(keys)

    def add_attributes(self, wanted: dict[str, dict[str, list]]) -> list[str]:
        return self.schemas.add_attributes(wanted)

    def set_indicators(self, keys: list[str]) -> None:
        self.schemas.set_indicators(keys)

    def add_indicators(self, keys: list[str]) -> list[str]:
        return self.schemas.add_indicators(keys)

    def find_duplicate(self, text: str, source_sha256: str = "") -> tuple[int, str] | None:
        return self.documents.find_duplicate(text, source_sha256)

    def add_document(self, doc, spans=(), relations=(), rejections=()) -> int:
        """`rejections`: places imported as rejected (Prodigy), so suggestions never come back there."""
        with self.session.write():
            doc_id = self.documents.add(doc, spans, relations)
            for r in rejections:
                self.suggestions.write_rejection({"document_id": doc_id, "start": r.start, "end": r.end,
                                                  "label": r.label, "text": r.text})
        return doc_id

    def text(self, doc_id: int) -> str:
        return self.texts(doc_id)

    def document(self, doc_id: int):
        return self.documents.get(doc_id)

    def document_ids(self, status: str | None = None) -> list[int]:
        return self.documents.ids(status)

    def progress(self, doc_ids=None) -> list[dict]:
        return self.documents.progress(doc_ids)

    def note(self, doc_id: int) -> str:
        return self.documents.note(doc_id)

    def set_note(self, doc_id: int, note: str) -> None:
        self.documents.set_note(doc_id, note)

    def set_status(self, doc_id: int, status: str, reason: str = "") -> None:
        self.statuses.set(doc_id, status, reason)

    def next_unfinished(self, after: int | None = None, *, unsure_first: bool = False) -> int | None:
        return self.statuses.next_unfinished(after, unsure_first=unsure_first)

    def spans(self, doc_id: int, *, origin: str | None = None):
        return self.spans_.of(doc_id, origin=origin)

    def span(self, span_id: int):
        return self.spans_.get(span_id)

    def add_span(self, doc_id: int, start: int, end: int, label: str, *, attrs: dict | None = None,
                 origin: str = "manual"):
        return self.spans_.add(doc_id, start, end, label, attrs=attrs, origin=origin)

    def update_span(self, span_id: int, **changes: Any):
        return self.spans_.update(span_id, **changes)

    def delete_span(self, span_id: int) -> None:
        self.spans_.delete(span_id)

    def confirm_span(self, span_id: int, keys: list[str] | None = None):
        return self.spans_.confirm(span_id, keys)

    def relations(self, doc_id: int, *, span_id: int | None = None):
        return self.spans_.relations(doc_id, span_id=span_id)

    def add_relation(self, source_id: int, target_id: int, type_: str):
        return self.spans_.add_relation(source_id, target_id, type_)

    def delete_relation(self, relation_id: int) -> None:
        self.spans_.delete_relation(relation_id)

    def label_occurrences(self, doc_ids: list[int], needle: str, label: str, on_progress=None):
        return self.spans_.label_occurrences(doc_ids, needle, label, on_progress)

    def suggest(self, doc_ids: list[int] | None = None, on_progress=None, *, on_warning=None, worker=None,
                again: bool = False) -> int:
        return self.suggestions.suggest(doc_ids, on_progress, on_warning=on_warning, worker=worker, again=again)

    def accept(self, span_id: int):
        return self.suggestions.accept(span_id)

    def accept_all(self, doc_id: int, *, label: str | None = None, min_confidence: float | None = None,
                   on_progress=None):
        return self.suggestions.accept_all(doc_id, label=label, min_confidence=min_confidence,
                                           on_progress=on_progress)

    def reject(self, span_id: int) -> None:
        self.suggestions.reject(span_id)

    def reject_all(self, doc_id: int, *, label: str | None = None) -> int:
        return self.suggestions.reject_all(doc_id, label=label)

    def add_lexicon_file(self, path, label: str, kind: str = "name"):
        return self.lexicon.add_file(path, label, kind)

    def add_lexicon(self, label: str, lines: list[str], kind: str = "name", *, where: str = "entry"):
        return self.lexicon.add(label, lines, kind, where=where)

    def lexicon_entries(self) -> list[tuple[str, str, str]]:
        return self.lexicon.entries()

    def remove_lexicon(self, label: str, values: list[str] | None = None) -> int:
        return self.lexicon.remove(label, values)

    def undo(self) -> list[int]:
        return self.history.undo()

    def redo(self) -> list[int]:
        return self.history.redo()

    def can_undo(self) -> bool:
        return self.history.can_undo()

    def can_redo(self) -> bool:
        return self.history.can_redo()

    def events(self, document_id: int | None = None) -> list[dict]:
        return self.queries.events(document_id)

    def stats(self) -> dict:
        return self.queries.stats(self.schemas.current)


def _setting(db: Database, key: str) -> Any:
    import json
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def _existing_parent(path: Path) -> Path:
    parent = path.parent
    while not parent.exists():
        parent = parent.parent
    return parent
