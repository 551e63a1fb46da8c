"""A project: one SQLite file holding reports, the label schema, spans and the event log.

One `Project` is the one writer of its file.  Every public method that changes
something is one transaction, committed before it returns, and appends to the
event log what changed (before/after), so undo and audit need nothing else.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import os
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlite_utils import Database

from annotator.core.model import STATUSES, AnnotatorError, Document, Label, Relation, Schema
from annotator.core.schema import default_schema, parse_schema, schema_to_dict
from annotator.core.store import history, lexicon as lexicon_ops, suggestions
from annotator.core.store import spans as span_ops
from annotator.core.store.clock import now
from annotator.core.store.migrations import migrations

# colours for labels added on import (distinct from the default schema's, readable on white)
EXTRA_COLOURS = ("#8C564B", "#17BECF", "#BCBD22", "#7F7F7F", "#E377C2", "#1F77B4", "#FF7F0E", "#2CA02C")


class DuplicateDocument(AnnotatorError):
    def __init__(self, existing_id: int, title: str):
        super().__init__(f"already in the project as document {existing_id} ({title})")
        self.existing_id = existing_id


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_annotator() -> str:
    try:
        return os.environ.get("ANNOTATOR") or getpass.getuser()
    except Exception:  # no user name in some containers
        return "annotator"


class Project:
    """Open with `Project.open(path)`; use as a context manager to close."""

    def __init__(self, db: Database, path: Path | None, annotator: str):
        self.db = db
        self.path = path
        self.annotator = annotator
        self._schema: Schema | None = None
        self._texts: dict[int, str] = {}  # texts never change: cache them for offset checks
        self._batch: tuple[int, str, int | None] | None = None  # the change being written
        self._stacks: tuple[list[int], list[int]] | None = None  # undo and redo batches, see history.py

    @classmethod
    def open(cls, path: str | Path | None, *, annotator: str | None = None,
             schema: Schema | None = None) -> "Project":
        """Open (creating and migrating as needed) the project at `path`; None = in memory."""
        if path is None:
            db = Database(memory=True, execute_plugins=False)
        else:
            path = Path(path)
            if path.exists() and not _is_sqlite(path):
                raise AnnotatorError(f"{path} is not a project file (not an SQLite database)")
            path.parent.mkdir(parents=True, exist_ok=True)
            db = Database(path, execute_plugins=False)  # no entry-point scan: it cost 0.2 s a start
        # WAL: readers never block the writer; NORMAL sync is durable against a
        # killed process (only power loss can drop the last commits).
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        if path is not None:
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
        migrations.apply(db)
        project = cls(db, path, annotator or default_annotator())
        with db.atomic():
            if not db.execute("SELECT 1 FROM labels LIMIT 1").fetchone():
                project._write_schema(schema or default_schema())
                project._set("created_at", now())
            project._ensure_annotator(project.annotator)
        return project

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # settings and schema -------------------------------------------------

    def _set(self, key: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
                        [key, json.dumps(value, ensure_ascii=False)])

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            labels = [
                {"key": r[0], "name_zh": r[1], "name_en": r[2], "layer": r[3], "color": r[4], "shortcut": r[5],
                 "guideline": r[6], "attributes": json.loads(r[7])}
                for r in self.db.execute("SELECT key, name_zh, name_en, layer, color, shortcut, guideline, "
                                         "attributes FROM labels ORDER BY position")
            ]
            indicators = [{"key": k, "name_en": n} for k, n in
                          self.db.execute("SELECT key, name_en FROM indicators ORDER BY position")]
            self._schema = parse_schema({"name": self.setting("schema_name", ""), "labels": labels,
                                         "indicators": indicators}, "project")
        return self._schema

    def set_schema(self, schema: Schema) -> None:
        """Replace the project's schema; refused if spans would lose their label or layer."""
        problems = []
        for label, layer, count in self.db.execute(
                "SELECT label, layer, count(*) FROM spans GROUP BY label, layer"):
            new = schema.label(label)
            if new is None:
                problems.append(f"label {label} is used by {count} spans; keep it or relabel those spans first")
            elif new.layer != layer:
                problems.append(f"label {label} would move from the {layer} layer to {new.layer}, "
                                f"but {count} spans use it")
        if problems:
            raise AnnotatorError("cannot change the schema: " + "; ".join(problems))
        with self.change():
            before = schema_to_dict(self.schema)
            self._write_schema(schema)
            self._log("set_schema", before=before, after=schema_to_dict(schema))

    def add_labels(self, keys: list[str]) -> list[str]:
        """Add entity labels (for data labelled elsewhere), each with a free shortcut and colour; returns
        the keys added."""
        have = {label.key for label in self.schema.labels}
        used_keys = {label.shortcut for label in self.schema.labels}
        used_colours = {label.color for label in self.schema.labels}
        shortcuts = (s for s in [*"7890", *(f"F{i}" for i in range(1, 13)), *(f"Ctrl+Alt+{i}" for i in range(1, 10))]
                     if s not in used_keys)
        colours = (c for c in EXTRA_COLOURS if c not in used_colours)
        new = []
        for key in dict.fromkeys(k for k in keys if k not in have):
            shortcut = next(shortcuts, None)
            if shortcut is None:
                raise AnnotatorError(f"no free shortcut left for label {key!r}; edit the schema (annotator schema load)")
            new.append(Label(key, key, key, "entity", next(colours, "#777777"), shortcut))
        if new:
            self.set_schema(replace(self.schema, labels=self.schema.labels + tuple(new)))
        return [label.key for label in new]

    def _write_schema(self, schema: Schema) -> None:
        data = schema_to_dict(schema)
        self.db.execute("PRAGMA defer_foreign_keys = ON")  # labels are replaced inside one transaction
        self.db.execute("DELETE FROM labels")
        self.db.execute("DELETE FROM indicators")
        for position, label in enumerate(data["labels"]):
            self.db.execute(
                "INSERT INTO labels(key, name_zh, name_en, layer, color, shortcut, guideline, attributes, position)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [label["key"], label["name_zh"], label["name_en"], label["layer"], label["color"],
                 label["shortcut"], label.get("guideline", ""),
                 json.dumps(label.get("attributes", []), ensure_ascii=False), position])
        for position, ind in enumerate(data.get("indicators", [])):
            self.db.execute("INSERT INTO indicators(key, name_en, position) VALUES (?, ?, ?)",
                            [ind["key"], ind.get("name_en", ""), position])
        self._set("schema_name", schema.name)
        self._schema = None

    # annotators and the event log ---------------------------------------

    def _ensure_annotator(self, name: str) -> None:
        if name:
            self.db.execute("INSERT OR IGNORE INTO annotators(name, created_at) VALUES (?, ?)", [name, now()])

    @contextmanager
    def change(self, kind: str = "do", target: int | None = None) -> Iterator[int]:
        """One user action: one transaction and one batch in the event log.

        Nested calls join the outer change, so "label all occurrences" is one
        action to undo.  Yields the batch number."""
        if self._batch is not None:
            yield self._batch[0]
            return
        with self.db.atomic():
            number = self.db.execute("SELECT coalesce(max(batch), 0) + 1 FROM events").fetchone()[0]
            self._batch = (number, kind, target)
            try:
                yield number
            finally:
                self._batch = None
        self._stacks = None  # recomputed from the log when next asked for

    def _log(self, action: str, *, document_id: int | None = None, span_id: int | None = None,
             relation_id: int | None = None, before: Any = None, after: Any = None) -> None:
        assert self._batch is not None, "changes are logged inside Project.change()"
        batch, kind, target = self._batch
        self.db.execute(
            "INSERT INTO events(at, annotator, batch, kind, target, action, document_id, span_id, relation_id,"
            " before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [now(), self.annotator, batch, kind, target, action, document_id, span_id, relation_id,
             None if before is None else json.dumps(before, ensure_ascii=False),
             None if after is None else json.dumps(after, ensure_ascii=False)])

    def events(self, document_id: int | None = None) -> list[dict]:
        where, args = ("WHERE document_id = ?", [document_id]) if document_id is not None else ("", [])
        rows = self.db.execute(f"SELECT id, at, annotator, batch, kind, target, action, document_id, span_id,"
                               f" relation_id, before, after FROM events {where} ORDER BY id", args)
        keys = ("id", "at", "annotator", "batch", "kind", "target", "action", "document_id", "span_id",
                "relation_id", "before", "after")
        return [{**dict(zip(keys, r)), "before": r[10] and json.loads(r[10]), "after": r[11] and json.loads(r[11])}
                for r in rows]

    # documents -----------------------------------------------------------

    def find_duplicate(self, text: str, source_sha256: str = "") -> tuple[int, str] | None:
        row = self.db.execute("SELECT id, title FROM documents WHERE text_sha256 = ?", [sha256(text)]).fetchone()
        if row is None and source_sha256:
            row = self.db.execute("SELECT id, title FROM documents WHERE source_sha256 = ?",
                                  [source_sha256]).fetchone()
        return tuple(row) if row else None

    def add_document(self, doc: Document, spans: Iterable = (), relations: Iterable[Relation] = ()) -> int:
        """Insert a document with its spans and relations, all or nothing.

        A document id, span ids and relation ids given (a native export) are
        kept when free in this project, so export → import → export is identical.
        """
        if not doc.text.strip():
            raise AnnotatorError("the text is empty")  # the same rule as every import
        duplicate = self.find_duplicate(doc.text, doc.source_sha256)
        if duplicate:
            raise DuplicateDocument(*duplicate)
        if doc.status not in STATUSES:
            raise AnnotatorError(f"unknown status {doc.status!r}")
        stamp = now()
        with self.change():
            doc_id = doc.id if doc.id is not None and not self._taken("documents", doc.id) else None
            cursor = self.db.execute(
                "INSERT INTO documents(id, title, source, published, file_name, text, text_sha256, source_sha256,"
                " status, skip_reason, meta, imported_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [doc_id, doc.title, doc.source, doc.published, doc.file_name, doc.text, sha256(doc.text),
                 doc.source_sha256, doc.status, str(doc.meta.get("skip_reason", "")),
                 json.dumps({k: v for k, v in doc.meta.items() if k != "skip_reason"}, ensure_ascii=False),
                 stamp, stamp])
            doc_id = cursor.lastrowid
            self._texts[doc_id] = doc.text
            id_map, count = {}, 0
            for span in spans:
                keep = span.id if span.id is not None and not self._taken("spans", span.id) else None
                new = span_ops.insert_span(self, doc_id, span, span_id=keep)
                count += 1
                if span.id is not None:
                    id_map[span.id] = new.id
            for rel in relations:
                keep = rel.id if rel.id is not None and not self._taken("relations", rel.id) else None
                span_ops.insert_relation(self, id_map[rel.source_id], id_map[rel.target_id], rel.type,
                                         relation_id=keep)
            self._log("import_document", document_id=doc_id,
                      after={"title": doc.title, "file": doc.file_name, "spans": count})
        return doc_id

    def _taken(self, table: str, row_id: int) -> bool:
        return self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None

    def text(self, doc_id: int) -> str:
        if doc_id not in self._texts:
            row = self.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if row is None:
                raise AnnotatorError(f"no document {doc_id} in this project")
            self._texts[doc_id] = row[0]
        return self._texts[doc_id]

    def document(self, doc_id: int) -> Document:
        row = self.db.execute(
            "SELECT id, title, source, published, file_name, text, source_sha256, status, skip_reason, meta"
            " FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise AnnotatorError(f"no document {doc_id} in this project")
        meta = json.loads(row[9])
        if row[8]:
            meta["skip_reason"] = row[8]
        return Document(id=row[0], title=row[1], source=row[2], published=row[3], file_name=row[4], text=row[5],
                        source_sha256=row[6], status=row[7], meta=meta)

    def document_ids(self, status: str | None = None) -> list[int]:
        if status is None:
            return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]
        return [r[0] for r in self.db.execute("SELECT id FROM documents WHERE status = ? ORDER BY id", [status])]

    def progress(self) -> list[dict]:
        """One row per document for lists: id, title, status, span counts."""
        return list(self.db.query("SELECT * FROM document_progress ORDER BY document_id"))

    def set_status(self, doc_id: int, status: str, reason: str = "") -> None:
        if status not in STATUSES:
            raise AnnotatorError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        before = self.db.execute("SELECT status, skip_reason FROM documents WHERE id = ?", [doc_id]).fetchone()
        if before is None:
            raise AnnotatorError(f"no document {doc_id} in this project")
        reason = reason if status == "skipped" else ""
        with self.change():
            self.write_status({"document_id": doc_id, "status": before[0], "reason": before[1]},
                              {"document_id": doc_id, "status": status, "reason": reason})

    def write_status(self, before: dict, after: dict) -> None:
        """Set a document's status as `after` says and log it (undo and redo replay this too)."""
        self.db.execute("UPDATE documents SET status = ?, skip_reason = ?, updated_at = ? WHERE id = ?",
                        [after["status"], after["reason"], now(), after["document_id"]])
        self._log("set_status", document_id=after["document_id"], before=before, after=after)

    # spans and relations (rules live in store/spans.py) -------------------

    spans = span_ops.spans
    span = span_ops.span
    add_span = span_ops.add_span
    update_span = span_ops.update_span
    delete_span = span_ops.delete_span
    relations = span_ops.relations
    add_relation = span_ops.add_relation
    delete_relation = span_ops.delete_relation
    label_occurrences = span_ops.label_occurrences
    confirm_span = span_ops.confirm_span

    # suggestions (suggestions.py) --------------------------------------------

    suggest = suggestions.suggest
    # the team's word lists and patterns (lexicon.py)
    add_lexicon_file = lexicon_ops.add_file
    add_lexicon = lexicon_ops.add_entries
    lexicon_entries = lexicon_ops.entries
    remove_lexicon = lexicon_ops.remove_entries
    accept = suggestions.accept
    accept_all = suggestions.accept_all
    reject = suggestions.reject

    # undo and redo (history.py) ---------------------------------------------

    undo = history.undo
    redo = history.redo
    can_undo = history.can_undo
    can_redo = history.can_redo

    # summaries -------------------------------------------------------------

    def stats(self) -> dict:
        by_status = dict.fromkeys(STATUSES, 0)
        by_status.update(dict(self.db.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall()))
        by_label = {label.key: 0 for label in self.schema.labels}
        by_label.update(dict(self.db.execute(
            "SELECT label, count(*) FROM spans WHERE origin != 'suggested' GROUP BY label").fetchall()))
        suggestions = self.db.execute("SELECT count(*) FROM spans WHERE origin = 'suggested'").fetchone()[0]
        return {"documents": sum(by_status.values()), "by_status": by_status,
                "spans": sum(by_label.values()), "by_label": by_label, "suggestions": suggestions}


def _is_sqlite(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(16)
    return head == b"SQLite format 3\x00" or head == b""
