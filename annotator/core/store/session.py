"""The one way into a project file: its connection, its transactions and the event log.

Every write runs in `Session.write()`: one transaction that takes the write lock up front
(BEGIN IMMEDIATE, so SQLite's busy timeout applies rather than a "database is locked" halfway
through), appends what it did to the event log, and leaves a `Changes` saying what changed.
Before each write the session checks that the file is still the one it opened (not deleted,
moved or replaced) and that it is not open read-only.  SQLite's errors that a user can meet
(busy, disk full, read-only, a damaged file) become one plain sentence.
"""
from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from sqlite_utils import Database

from annotator.core.model import AnnotatorError
from annotator.core.store.changes import Changes
from annotator.core.store.clock import now

BUSY_SECONDS = 5


class ProjectBusy(AnnotatorError):
    """Another program held the write lock for longer than BUSY_SECONDS."""


class ProjectGone(AnnotatorError):
    """The file was deleted, moved or replaced while open."""


class ReadOnlyProject(AnnotatorError):
    """The project is open read-only: viewing and exporting work, labelling does not."""


def identity(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    st = os.stat(path)
    return st.st_dev, st.st_ino


class Session:
    def __init__(self, db: Database, path: Path | None, annotator: str, *, read_only: str = "",
                 project_id: str = ""):
        self.db = db
        self.path = path
        self.annotator = annotator
        self.read_only = read_only  # why, when the project is open read-only
        self.project_id = project_id
        self._identity = identity(path) if path is not None else None
        self._batch: tuple[int, str, int | None] | None = None
        self._changes: Changes | None = None
        self._own_batches: set[int] = set()
        self._actions: list[str] = []  # actions logged in the open transaction
        self._annotator_known = False
        self.before_commit: list[Callable[[int, str, list[str], Changes], None]] = []
        self.after_rollback: list[Callable[[], None]] = []
        self.last_changes = Changes()
        self._seen_event = self._last_event()
        self._data_version = self._version()

    # writing -----------------------------------------------------------------------------

    @contextmanager
    def write(self, kind: str = "do", target: int | None = None) -> Iterator[Changes]:
        """One user action: one transaction and one batch of events.  Nested calls join the
        outer one, so "label all occurrences" is one action to undo."""
        if self._changes is not None:
            yield self._changes
            return
        self.check_writable()
        try:
            self.db.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self.translate(exc) from None
        changes = Changes()
        try:
            self._check_project()
            if not self._annotator_known:  # spans and relations name their annotator (a foreign key)
                self.ensure_annotator(self.annotator)
                self._annotator_known = True
            number = self.db.execute("SELECT coalesce(max(batch), 0) + 1 FROM events").fetchone()[0]
            self._batch, self._changes, self._actions = (number, kind, target), changes, []
            yield changes
            for hook in self.before_commit:
                hook(number, kind, self._actions, changes)
            # Holding the lock, nobody else can commit: if nobody did since the last poll, every
            # event up to ours is known and the next poll need not read them.
            quiet = self._version() == self._data_version
            last = self._last_event() if quiet else None
            self.db.conn.execute("COMMIT")
        except BaseException as exc:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            self._annotator_known = False
            for hook in self.after_rollback:
                hook()
            if isinstance(exc, sqlite3.Error):
                raise self.translate(exc) from None
            raise
        finally:
            self._batch, self._changes = None, None
        if quiet:
            self._seen_event = last
        else:
            self._own_batches.add(number)
        self.last_changes = changes

    @property
    def batch(self) -> int:
        """The open transaction's batch number."""
        assert self._batch is not None, "inside Session.write()"
        return self._batch[0]

    @property
    def changes(self) -> Changes:
        """The open transaction's changes (store code records into it)."""
        assert self._changes is not None, "changes are recorded inside Session.write()"
        return self._changes

    def log(self, action: str, *, document_id: int | None = None, span_id: int | None = None,
            relation_id: int | None = None, before: Any = None, after: Any = None) -> None:
        assert self._batch is not None, "changes are logged inside Session.write()"
        batch, kind, target = self._batch
        self._actions.append(action)
        self.db.execute(
            "INSERT INTO events(at, annotator, batch, kind, target, action, document_id, span_id, relation_id,"
            " before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [now(), self.annotator, batch, kind, target, action, document_id, span_id, relation_id,
             None if before is None else json.dumps(before, ensure_ascii=False),
             None if after is None else json.dumps(after, ensure_ascii=False)])

    def check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyProject(f"the project is open read-only ({self.read_only}); viewing, searching and "
                                  "exporting work, labelling does not")
        if self.path is None:
            return
        try:
            same = identity(self.path) == self._identity
        except OSError:
            raise ProjectGone(f"the project file {self.path} was deleted or moved while open; nothing was "
                              "written. Open it again from where it is now") from None
        if not same:
            raise ProjectGone(f"the project file {self.path} was replaced by another file while open; nothing "
                              "was written to it. Open it again to work on the new file")

    def _check_project(self) -> None:
        """Inside the lock: the file still holds this project (not another one copied over it)."""
        if not self.project_id:
            return
        row = self.db.execute("SELECT value FROM settings WHERE key = 'project_id'").fetchone()
        if row is None or json.loads(row[0]) != self.project_id:
            raise ProjectGone(f"the project file {self.path} now holds another project (it was overwritten "
                              "while open); nothing was written. Open it again to work on it")

    def translate(self, exc: sqlite3.Error) -> AnnotatorError:
        """SQLite's errors as one sentence a user can act on."""
        message = str(exc)
        if "locked" in message or "busy" in message:
            return ProjectBusy(f"the project is busy: another program is writing to it (waited {BUSY_SECONDS} s); "
                               "nothing was changed, try again")
        if "disk is full" in message or "disk I/O" in message:
            return AnnotatorError(f"the disk is full or failing ({message}); the last action was not saved")
        if "readonly" in message:
            return ReadOnlyProject(f"the project file cannot be written ({message}); the last action was not saved")
        if "malformed" in message or "not a database" in message:
            return ProjectGone(f"the project file {self.path} is damaged or was overwritten ({message}); "
                               "nothing was written")
        return AnnotatorError(f"the project file could not be written ({message})")

    # settings ----------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set(self, key: str, value: Any) -> None:
        """Inside a write."""
        self.db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
                        [key, json.dumps(value, ensure_ascii=False)])

    def reset_annotator(self) -> None:
        """The annotator changed: the next write records the new name."""
        self._annotator_known = False

    def ensure_annotator(self, name: str) -> None:
        if name:
            self.db.execute("INSERT OR IGNORE INTO annotators(name, created_at) VALUES (?, ?)", [name, now()])

    # what others wrote ---------------------------------------------------------------------

    def _version(self) -> int:
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def _last_event(self) -> int:
        return self.db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]

    def poll(self) -> Changes | None:
        """What other programs and windows wrote since the last poll, or None when nothing.

        `PRAGMA data_version` changes only when another connection commits, so the usual answer
        costs one pragma; then the event log since the last one seen says what changed."""
        version = self._version()
        if version == self._data_version:
            return None
        self._data_version = version
        changes = Changes(external=True)
        rows = self.db.execute("SELECT id, batch, action, document_id, package FROM events WHERE id > ? ORDER BY id",
                               [self._seen_event]).fetchall()
        for event_id, batch, action, document_id, package in rows:
            self._seen_event = event_id
            if batch in self._own_batches or package:  # a package's own history, merged in: its merge event says it
                continue
            if action == "import_document":
                changes.documents_added.add(document_id)
            elif action in ("set_status", "set_note"):
                changes.statuses.add(document_id)
            elif action == "set_schema":
                changes.schema = True
            elif action in ("add_lexicon", "delete_lexicon"):
                changes.lexicon = True
            elif action in ("train_model", "set_uncertainty"):
                changes.model = True
            elif action in ("assign", "merge_package"):
                changes.team = True
            elif action in ("add_relation", "delete_relation"):
                changes.relations.add(document_id)
            elif document_id is not None:
                changes.reload.add(document_id)
            changes.undo = True
        self._own_batches.clear()
        return changes if changes else None
