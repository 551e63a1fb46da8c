"""Reports in the project: added with their spans all or nothing, read by id, listed with progress."""
from __future__ import annotations

import hashlib
import json
from typing import Iterable

from annotator.core.model import STATUSES, AnnotatorError, Document, Relation
from annotator.core.store.clock import now
from annotator.core.store.session import Session
from annotator.core.store.spans import Spans
from annotator.core.store.texts import Texts

MAX_ID = 2 ** 53 - 1  # ids a JSON reader in any language keeps exactly; SQLite's rowids go further


OPENING = 30  # characters of the text a list shows for a report without a title

class DuplicateDocument(AnnotatorError):
    def __init__(self, existing_id: int, title: str):
        super().__init__(f"already in the project as document {existing_id} ({title})")
        self.existing_id = existing_id


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_id(what: str, value) -> None:
    """Ids given by imported data: integers from 1 to 2^53-1, so new rows can always follow them."""
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ID):
        raise AnnotatorError(f"{what} id {value!r} is outside 1 to 2^53-1")


class Documents:
    def __init__(self, session: Session, texts: Texts, spans: Spans):
        self.session, self.texts, self.spans = session, texts, spans

    def find_duplicate(self, text: str, source_sha256: str = "") -> tuple[int, str] | None:
        db = self.session.db
        row = db.execute("SELECT id, title FROM documents WHERE text_sha256 = ?", [sha256(text)]).fetchone()
        if row is None and source_sha256:
            row = db.execute("SELECT id, title FROM documents WHERE source_sha256 = ?", [source_sha256]).fetchone()
        return tuple(row) if row else None

    def add(self, doc: Document, spans: Iterable = (), relations: Iterable[Relation] = ()) -> int:
        """Insert a document with its spans and relations, all or nothing.

        A document id, span ids and relation ids given (a native export) are kept when free in this
        project, so export → import → export is identical."""
        if not doc.text.strip():
            raise AnnotatorError("the text is empty")  # the same rule as every import
        if doc.status not in STATUSES:
            raise AnnotatorError(f"unknown status {doc.status!r}")
        spans, relations = list(spans), list(relations)
        check_id("document", doc.id)
        for span in spans:
            check_id("span", span.id)
        for rel in relations:
            check_id("relation", rel.id)
        db, stamp = self.session.db, now()
        with self.session.write() as changes:
            duplicate = self.find_duplicate(doc.text, doc.source_sha256)
            if duplicate:
                raise DuplicateDocument(*duplicate)
            doc_id = doc.id if doc.id is not None and not self._taken("documents", doc.id) else None
            cursor = db.execute(
                "INSERT INTO documents(id, title, source, published, file_name, text, text_sha256, source_sha256,"
                " status, skip_reason, meta, imported_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [doc_id, doc.title, doc.source, doc.published, doc.file_name, doc.text, sha256(doc.text),
                 doc.source_sha256, doc.status, str(doc.meta.get("skip_reason", "")),
                 json.dumps({k: v for k, v in doc.meta.items() if k != "skip_reason"}, ensure_ascii=False),
                 stamp, stamp])
            doc_id = cursor.lastrowid
            self.texts.remember(doc_id, doc.text)
            id_map = {}
            for span in spans:
                keep = span.id if span.id is not None and not self._taken("spans", span.id) else None
                new = self.spans.insert(doc_id, span, span_id=keep)
                if span.id is not None:
                    id_map[span.id] = new.id
            for rel in relations:
                keep = rel.id if rel.id is not None and not self._taken("relations", rel.id) else None
                self.spans.insert_relation(id_map[rel.source_id], id_map[rel.target_id], rel.type, relation_id=keep)
            self.session.log("import_document", document_id=doc_id,
                             after={"title": doc.title, "file": doc.file_name, "spans": len(spans)})
            # a new report is shown from the project, not span by span
            changes.spans_added.clear()
            changes.documents_added.add(doc_id)
        return doc_id

    def _taken(self, table: str, row_id: int) -> bool:
        return self.session.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None

    def note(self, doc_id: int) -> str:
        row = self.session.db.execute("SELECT json_extract(meta, '$.note') FROM documents WHERE id = ?",
                                      [doc_id]).fetchone()
        if row is None:
            raise AnnotatorError(f"no document {doc_id} in this project")
        return row[0] or ""

    def set_note(self, doc_id: int, note: str) -> None:
        """A report's note (kept in its metadata, so every export carries it); "" removes it."""
        with self.session.write():
            self.write_note({"document_id": doc_id, "note": self.note(doc_id)},
                            {"document_id": doc_id, "note": note.strip()})

    def write_note(self, before: dict, after: dict) -> None:
        """Inside a write; undo and redo replay this too."""
        note, doc_id = after["note"], after["document_id"]
        self.session.db.execute("UPDATE documents SET meta = json_set(meta, '$.note', ?) WHERE id = ?" if note else
                                "UPDATE documents SET meta = json_remove(meta, '$.note') WHERE id = ?",
                                [note, doc_id] if note else [doc_id])
        self.session.log("set_note", document_id=doc_id, before=before, after=after)
        self.session.changes.statuses.add(doc_id)

    def get(self, doc_id: int) -> Document:
        row = self.session.db.execute(
            "SELECT id, title, source, published, file_name, text, source_sha256, status, skip_reason, meta"
            " FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise AnnotatorError(f"no document {doc_id} in this project")
        meta = json.loads(row[9])
        if row[8]:
            meta["skip_reason"] = row[8]
        return Document(id=row[0], title=row[1], source=row[2], published=row[3], file_name=row[4], text=row[5],
                        source_sha256=row[6], status=row[7], meta=meta)

    def ids(self, status: str | None = None) -> list[int]:
        if status is None:
            return [r[0] for r in self.session.db.execute("SELECT id FROM documents ORDER BY id")]
        return [r[0] for r in self.session.db.execute("SELECT id FROM documents WHERE status = ? ORDER BY id",
                                                      [status])]

    def progress(self, doc_ids: Iterable[int] | None = None) -> list[dict]:
        """One row per document for lists: id, title (or, when there is none, the opening characters),
        source, published, status, skip reason, span and suggestion counts, the learnt model's uncertainty, and in a team file the annotators' versions merged and done (of these documents only, if given).  Counted on the spans_kind index
        and without reading the texts, so a window can ask after every key."""
        where, args = "", []
        if doc_ids is not None:
            args = sorted(set(doc_ids))
            if not args:
                return []
            where = f"WHERE d.id IN ({','.join('?' * len(args))})"
        count = ("(SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.layer IN ('entity', 'metric')"
                 " AND (s.origin = 'suggested') = {})")
        return list(self.session.db.query(
            "SELECT d.id AS document_id, d.title, d.source, d.published, d.status, d.skip_reason,"
            # the first characters stand in for a missing title (sentences from tagged corpora have none)
            f" CASE WHEN d.title = '' THEN substr(ltrim(d.text), 1, {OPENING}) ELSE '' END AS opening,"
            f" {count.format(0)} AS spans, {count.format(1)} AS suggestions,"
            # how unsure the learnt model is of it (None: no model, or not judged since training)
            f" (SELECT value FROM uncertainty u WHERE u.document_id = d.id) AS uncertainty,"
            # in a team file: how many annotators' versions were merged, and how many of those are done
            " (SELECT count(*) FROM versions v WHERE v.document_id = d.id) AS versions,"
            " (SELECT count(*) FROM versions v WHERE v.document_id = d.id AND v.status = 'done') AS versions_done"
            f" FROM documents d {where}"
            " ORDER BY d.id", args))
