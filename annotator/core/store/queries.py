"""What exports, tables and summaries read: plain rows out of the project, no formatting.

Only the store speaks SQL; interchange/ turns these rows into files.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from annotator.core.model import STATUSES, Schema
from annotator.core.store.session import Session
from annotator.core.store.texts import Texts

DOCUMENT_COLUMNS = "id, text, title, source, published, file_name, source_sha256, status, skip_reason, meta"
ALL = "*"  # the layer of every annotator's versions (exports: --layer all)


class Queries:
    def __init__(self, session: Session, texts: Texts):
        self.session, self.texts = session, texts

    def _rows(self, sql: str, args: Iterable = ()) -> list[tuple]:
        return self.session.db.execute(sql, list(args)).fetchall()

    def document_ids(self, status: str | None = None) -> list[int]:
        where, args = ("WHERE status = ?", [status]) if status else ("", [])
        return [i for (i,) in self._rows(f"SELECT id FROM documents {where} ORDER BY id", args)]

    def documents(self, status: str | None = None, layer: str = "") -> Iterator[tuple]:
        """(id, text, title, source, published, file_name, source_sha256, status, skip_reason, meta JSON) in id order.
        `layer` (see `spans`): one annotator's versions, with their status; ALL: reports anyone has a
        version of with that status (and the team file's status)."""
        if not layer:
            where, args = ("WHERE status = ?", [status]) if status else ("", [])
            ids = self._rows(f"SELECT id FROM documents {where} ORDER BY id", args)
        else:
            where, args = ("WHERE status = ?", [status]) if status else ("WHERE 1", [])
            if layer != ALL:
                where, args = where + " AND annotator = ?", [*args, layer]
            ids = self._rows(f"SELECT DISTINCT document_id FROM versions {where} ORDER BY document_id", args)
        for (doc_id,) in ids:
            row = self.session.db.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [doc_id]).fetchone()
            if layer and layer != ALL:
                version = self.session.db.execute("SELECT status, skip_reason FROM versions WHERE document_id = ?"
                                                  " AND annotator = ?", [doc_id, layer]).fetchone()
                row = (*row[:7], *version, row[9])
            yield row

    def spans(self, doc_id: int, *, with_suggestions: bool = False, annotator: str | None = None,
              layer: str = "") -> list[tuple]:
        """(id, start, end, label, text, attrs JSON, annotator, origin, confidence) in text order.
        `layer`: "" the project's own spans (in a team file, the adjudicated ones); an annotator's name:
        their version as merged; ALL: every annotator's versions."""
        if layer:
            where, args = ("", [doc_id]) if layer == ALL else (" AND annotator = ?", [doc_id, layer])
            return self._rows("SELECT id, start, end, label, text, attrs, annotator, origin, NULL FROM version_spans"
                              f" WHERE document_id = ?{where} ORDER BY start, end, id", args)
        where, args = ("" if with_suggestions else " AND origin != 'suggested'"), [doc_id]
        if annotator:
            where += " AND annotator = ?"
            args.append(annotator)
        return self._rows("SELECT id, start, end, label, text, attrs, annotator, origin, confidence FROM spans"
                          f" WHERE document_id = ?{where} ORDER BY start, end, id", args)

    def relations(self, doc_id: int, *, with_suggestions: bool = True, layer: str = "") -> list[tuple]:
        """(id, source, target, type) of the relations between the document's spans (of `layer`, see `spans`)."""
        if layer:
            where, args = ("", [doc_id]) if layer == ALL else (" AND s.annotator = ?", [doc_id, layer])
            return self._rows("SELECT r.id, r.source_id, r.target_id, r.type FROM version_relations r"
                              f" JOIN version_spans s ON s.id = r.source_id WHERE s.document_id = ?{where}"
                              " ORDER BY r.id", args)
        kind = "" if with_suggestions else " AND s.origin != 'suggested' AND t.origin != 'suggested'"
        return self._rows("SELECT r.id, r.source_id, r.target_id, r.type FROM relations r"
                          " JOIN spans s ON s.id = r.source_id JOIN spans t ON t.id = r.target_id"
                          f" WHERE s.document_id = ?{kind} ORDER BY r.id", [doc_id])

    def names(self) -> list[str]:
        """Every label, annotator and relation type: the strings exports repeat."""
        return [v for (v,) in self._rows("SELECT key FROM labels UNION SELECT name FROM annotators"
                                         " UNION SELECT annotator FROM versions UNION SELECT DISTINCT type FROM relations"
                                         " UNION SELECT DISTINCT type FROM version_relations")]

    def span_texts(self, status: str | None = None) -> Iterator[tuple[int, str, int, int, int, str]]:
        """(document, its text, span id, start, end, span text) of every span of these documents, to check."""
        where, args = ("WHERE d.status = ?", [status]) if status else ("", [])
        for doc_id, span_id, start, end, span_text in self._rows(
                f"SELECT s.document_id, s.id, s.start, s.end, s.text FROM spans s JOIN documents d"
                f" ON d.id = s.document_id {where}", args):
            yield doc_id, self.texts(doc_id), span_id, start, end, span_text

    def metrics(self, status: str | None = None, with_suggestions: bool = False) -> list[dict]:
        """Rows of the metrics view, in document and text order."""
        where, args = ["1"], []
        if status:
            where.append("d.status = ?")
            args.append(status)
        if not with_suggestions:
            where.append("m.origin != 'suggested'")
        return list(self.session.db.query(
            f"SELECT m.* FROM metrics m JOIN documents d ON d.id = m.document_id"
            f" WHERE {' AND '.join(where)} ORDER BY m.document_id, m.start, m.span_id", args))

    def events(self, document_id: int | None = None) -> list[dict]:
        where, args = ("WHERE document_id = ?", [document_id]) if document_id is not None else ("", [])
        keys = ("id", "at", "annotator", "batch", "kind", "target", "action", "document_id", "span_id",
                "relation_id", "before", "after", "package")  # package: brought in by merge (its ids are the package's)
        return [{**dict(zip(keys, r)), "before": r[10] and json.loads(r[10]), "after": r[11] and json.loads(r[11])}
                for r in self._rows(f"SELECT {', '.join(keys)} FROM events {where} ORDER BY id", args)]

    def stats(self, schema: Schema) -> dict:
        by_status = dict.fromkeys(STATUSES, 0)
        by_status.update(dict(self._rows("SELECT status, count(*) FROM documents GROUP BY status")))
        by_label = {label.key: 0 for label in schema.labels}
        by_label.update(dict(self._rows(
            "SELECT label, count(*) FROM spans WHERE origin != 'suggested' GROUP BY label")))
        suggestions = self._rows("SELECT count(*) FROM spans WHERE origin = 'suggested'")[0][0]
        return {"documents": sum(by_status.values()), "by_status": by_status,
                "spans": sum(by_label.values()), "by_label": by_label, "suggestions": suggestions}

    def by_annotator(self) -> dict:
        """Counts per annotator: "versions" (annotator, status, reports), "version_spans" and "own_spans"
        (annotator, label, spans), and "labelling" (annotator, time, action, origin before, origin after)
        for every event that made or changed a span, merged packages' included, in time order."""
        return {
            "versions": self._rows("SELECT annotator, status, count(*) FROM versions GROUP BY annotator, status"),
            "version_spans": self._rows("SELECT annotator, label, count(*) FROM version_spans GROUP BY annotator, label"),
            "own_spans": self._rows("SELECT annotator, label, count(*) FROM spans WHERE origin != 'suggested'"
                                    " GROUP BY annotator, label"),
            "labelling": self._rows(
                "SELECT annotator, at, action, json_extract(before, '$.origin'), json_extract(after, '$.origin')"
                " FROM events WHERE action IN ('add_span', 'update_span', 'delete_span', 'set_status') ORDER BY at"),
        }

