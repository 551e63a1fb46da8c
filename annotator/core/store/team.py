"""A team's work in the store: the packages handed out, who got which report, and each annotator's
version of a report as merge brought it back.

A project's own spans are its working layer: in a package, the annotator's labels; in the team
file, the adjudicated (gold) layer.  Versions are kept apart (`versions`, `version_spans`,
`version_relations`) so that nothing reading or writing the own layer meets them.  A version's spans
get ids of the team file (the package's id is kept as `ref`), and METRIC links in their attrs and
their relations are moved to name those.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from annotator.core.model import AnnotatorError, Relation, Schema, Span, SpanError
from annotator.core.store.clock import now
from annotator.core.store.session import Session
from annotator.core.store.texts import Texts

VERSION_SPAN = "id, document_id, annotator, ref, start, end, label, layer, text, attrs, origin"


@dataclass
class Version:
    """One annotator's version of one report (from a package: ids are the package's; from the team file: its own)."""
    document_id: int
    annotator: str
    status: str
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    skip_reason: str = ""
    updated_at: str = ""


@dataclass
class HandIn:
    """What a package brings back: its identity, its reports' versions keyed by text hash, its events."""
    package: dict
    versions: dict[str, Version]
    events: list[dict]
    last_event: int

    def digest(self) -> str:
        """Of the versions and the last event: the same hand-in merged twice is found by it."""
        h = hashlib.sha256(str(self.last_event).encode())
        for sha in sorted(self.versions):
            v = self.versions[sha]
            h.update(json.dumps([sha, v.status, v.skip_reason, [(s.id, s.start, s.end, s.label, s.attrs, s.origin)
                                                                 for s in v.spans],
                                 [(r.source_id, r.target_id, r.type) for r in v.relations]],
                                ensure_ascii=False, sort_keys=True).encode())
        return h.hexdigest()


class Team:
    def __init__(self, session: Session, texts: Texts):
        self.session, self.texts = session, texts

    # in a package ------------------------------------------------------------------------------

    def package(self) -> dict:
        """What `assign` wrote into a package ({} in a project that is not one): id, annotator, team, made_at."""
        return self.session.setting("package") or {}

    def set_package(self, info: dict) -> None:
        with self.session.write():
            self.session.set("package", info)
            self.session.log("make_package", after=info)

    def hand_in(self, *, events: bool = True) -> HandIn:
        """This package's reports as versions (its annotator's confirmed spans, status, relations) and its
        events (or only the last one's id, when `events` is false)."""
        db, info = self.session.db, self.package()
        annotator = info.get("annotator") or self.session.annotator
        versions: dict[int, Version] = {}
        shas: dict[int, str] = {}
        for doc_id, sha, status, reason, updated in db.execute(
                "SELECT id, text_sha256, status, skip_reason, updated_at FROM documents ORDER BY id"):
            versions[doc_id] = Version(doc_id, annotator, status, skip_reason=reason, updated_at=updated)
            shas[doc_id] = sha
        for r in db.execute("SELECT id, document_id, start, end, label, layer, text, attrs, origin FROM spans"
                            " WHERE origin != 'suggested' ORDER BY document_id, start, end, id"):
            versions[r[1]].spans.append(Span(r[2], r[3], r[4], r[6], json.loads(r[7]), annotator, r[8], r[5], r[0], r[1]))
        for source, target, type_, doc_id in db.execute(
                "SELECT r.source_id, r.target_id, r.type, s.document_id FROM relations r JOIN spans s ON s.id = r.source_id"
                " JOIN spans t ON t.id = r.target_id WHERE s.origin != 'suggested' AND t.origin != 'suggested'"
                " ORDER BY r.id"):
            versions[doc_id].relations.append(Relation(source, target, type_))
        log = [dict(zip(("id", "at", "annotator", "kind", "target", "action", "document_id", "span_id",
                         "relation_id", "before", "after"), r)) for r in db.execute(
            "SELECT id, at, annotator, kind, target, action, document_id, span_id, relation_id, before, after"
            " FROM events WHERE package IS NULL ORDER BY id")] if events else []
        last = db.execute("SELECT coalesce(max(id), 0) FROM events WHERE package IS NULL").fetchone()[0]
        return HandIn({**info, "id": info.get("id") or self.session.project_id, "annotator": annotator},
                      {shas[d]: v for d, v in versions.items()}, log, last)

    # in the team file: assignments -----------------------------------------------------------------

    def assignments(self) -> dict[int, list[str]]:
        """Report id → the annotators it was given to."""
        out: dict[int, list[str]] = {}
        for doc_id, annotator in self.session.db.execute(
                "SELECT document_id, annotator FROM assignments ORDER BY document_id, annotator"):
            out.setdefault(doc_id, []).append(annotator)
        return out

    def record_package(self, package_id: str, annotator: str, file: str, doc_ids: list[int]) -> None:
        """Inside a write: a package made for `annotator` holding these reports."""
        stamp, db = now(), self.session.db
        db.execute("INSERT INTO packages(id, annotator, file, made_at) VALUES (?, ?, ?, ?)",
                   [package_id, annotator, file, stamp])
        db.conn.executemany("INSERT INTO assignments(document_id, annotator, package, assigned_at) VALUES (?,?,?,?)",
                            [(d, annotator, package_id, stamp) for d in doc_ids])
        self.session.log("assign", after={"package": package_id, "annotator": annotator, "file": file,
                                          "documents": len(doc_ids)})
        self.session.changes.team = True


    # in the team file: merging -------------------------------------------------------------------

    def document_ids_by_hash(self, hashes: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            found.update(self.session.db.execute(
                f"SELECT text_sha256, id FROM documents WHERE text_sha256 IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        return found

    def merged_before(self, package_id: str, digest: str) -> bool:
        """This very hand-in (same versions, same history: see HandIn.digest) was merged last time."""
        return self.session.db.execute("SELECT 1 FROM packages WHERE id = ? AND digest = ?",
                                       [package_id, digest]).fetchone() is not None

    def merge(self, hand_in: HandIn, schema: Schema) -> dict:
        """Bring a package's versions and new events in, as one change: all of it or, on any error, none.
        Each version replaces that annotator's earlier version of the report.  `schema`: the team's,
        checked against the package's before.  Returns what it did; {"unchanged": True} when this very
        hand-in was merged before."""
        pid, annotator = hand_in.package["id"], hand_in.package["annotator"]
        layers = schema.layers()
        links = schema.links()
        digest = hand_in.digest()
        db = self.session.db
        if self.merged_before(pid, digest):
            return {"package": pid, "annotator": annotator, "unchanged": True}
        with self.session.write() as changes:
            row = db.execute("SELECT last_event, digest FROM packages WHERE id = ?", [pid]).fetchone()
            if row and hand_in.last_event < row[0]:
                raise AnnotatorError(f"this copy of {annotator}'s package is older than the one merged before "
                                     f"(its history ends at event {hand_in.last_event}, the merged one at {row[0]}); "
                                     "nothing was merged")
            since = row[0] if row else 0
            ids = self.document_ids_by_hash(list(hand_in.versions))
            missing = [sha for sha in hand_in.versions if sha not in ids]
            if missing:
                raise AnnotatorError(f"{len(missing)} reports of the package are not in this project; nothing was merged")
            stamp = now()
            # one statement of each kind for the whole package (a statement per report was most of the time)
            docs = {sha: ids[sha] for sha in hand_in.versions}
            db.conn.executemany("DELETE FROM versions WHERE document_id = ? AND annotator = ?",
                                [(d, annotator) for d in docs.values()])
            db.conn.executemany("INSERT INTO versions(document_id, annotator, status, skip_reason, package, updated_at,"
                                " merged_at) VALUES (?,?,?,?,?,?,?)",
                                [(docs[sha], annotator, v.status, v.skip_reason, pid, v.updated_at, stamp)
                                 for sha, v in hand_in.versions.items()])
            rows = []
            for sha, version in hand_in.versions.items():
                doc_id = docs[sha]
                text = self.texts(doc_id)
                for s in version.spans:
                    if not (0 <= s.start < s.end <= len(text)) or text[s.start:s.end] != s.text:
                        raise SpanError(f"{annotator}'s span {s.text!r} at {s.start}-{s.end} does not match report "
                                        f"{doc_id}'s text; nothing was merged")
                    if layers.get(s.label) != s.layer:
                        raise SpanError(f"{annotator}'s span {s.text!r} has label {s.label} ({s.layer}), which this "
                                        "project's schema does not have; nothing was merged")
                    rows.append((doc_id, annotator, s.id, s.start, s.end, s.label, s.layer, s.text,
                                 json.dumps(s.attrs, ensure_ascii=False), s.origin, stamp, stamp))
            db.conn.executemany("INSERT INTO version_spans(document_id, annotator, ref, start, end, label, layer, text,"
                                " attrs, origin, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            spans = len(rows)
            # links and relations named the package's ids: name this file's instead
            new_id = {(d, ref): i for d, ref, i in db.execute(
                "SELECT document_id, ref, id FROM version_spans WHERE annotator = ? AND created_at = ?",
                [annotator, stamp])}
            moved_rows, relation_rows = [], []
            for sha, version in hand_in.versions.items():
                doc_id = docs[sha]
                for s in version.spans:
                    moved = {k: new_id.get((doc_id, s.attrs[k])) for k in links.get(s.label, ())
                             if s.attrs.get(k) is not None}
                    if moved:
                        moved_rows.append((json.dumps({**s.attrs, **moved}, ensure_ascii=False),
                                           new_id[(doc_id, s.id)]))
                relation_rows += [(new_id[(doc_id, r.source_id)], new_id[(doc_id, r.target_id)], r.type)
                                  for r in version.relations
                                  if (doc_id, r.source_id) in new_id and (doc_id, r.target_id) in new_id]
            db.conn.executemany("UPDATE version_spans SET attrs = ? WHERE id = ?", moved_rows)
            db.conn.executemany("INSERT OR IGNORE INTO version_relations(source_id, target_id, type) VALUES (?,?,?)",
                                relation_rows)
            package_docs = {v.document_id: ids[sha] for sha, v in hand_in.versions.items()}
            new_events = [e for e in hand_in.events if e["id"] > since]
            batch = self.session.batch
            db.conn.executemany(
                "INSERT INTO events(at, annotator, batch, kind, target, action, document_id, span_id, relation_id,"
                " before, after, package) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(e["at"], e["annotator"], batch, e["kind"], e["target"], e["action"],
                  package_docs.get(e["document_id"]), e["span_id"], e["relation_id"], e["before"], e["after"], pid)
                 for e in new_events])
            db.execute("INSERT INTO packages(id, annotator, file, made_at) VALUES (?, ?, '', ?)"
                       " ON CONFLICT(id) DO NOTHING", [pid, annotator, hand_in.package.get("made_at")])
            db.execute("UPDATE packages SET merged_at = ?, last_event = ?, digest = ? WHERE id = ?",
                       [stamp, hand_in.last_event, digest, pid])
            self.session.ensure_annotator(annotator)
            summary = {"package": pid, "annotator": annotator, "documents": len(hand_in.versions), "spans": spans,
                       "events": len(new_events)}
            self.session.log("merge_package", after=summary)
            changes.team = True
        return summary

    # in the team file: reading versions ----------------------------------------------------------

    def versions(self, doc_ids: list[int] | None = None) -> list[Version]:
        """Every annotator's version of these reports (all when None)."""
        db = self.session.db
        where, args = "", []
        if doc_ids is not None:
            args = sorted(set(doc_ids))
            where = f"WHERE document_id IN ({','.join('?' * len(args))})"
        found = {(r[0], r[1]): Version(r[0], r[1], r[2], skip_reason=r[3], updated_at=r[4]) for r in db.execute(
            f"SELECT document_id, annotator, status, skip_reason, updated_at FROM versions {where}"
            " ORDER BY document_id, annotator", args)}
        for r in db.execute(f"SELECT {VERSION_SPAN} FROM version_spans {where} ORDER BY document_id, annotator,"
                            " start, end, ref", args):
            found[(r[1], r[2])].spans.append(Span(r[4], r[5], r[6], r[8], json.loads(r[9]), r[2], r[10], r[7], r[0], r[1]))
        for doc_id, annotator, source, target, type_ in db.execute(
                "SELECT s.document_id, s.annotator, r.source_id, r.target_id, r.type FROM version_relations r"
                f" JOIN version_spans s ON s.id = r.source_id {where.replace('document_id', 's.document_id')}"
                " ORDER BY r.id", args):
            found[(doc_id, annotator)].relations.append(Relation(source, target, type_))
        return list(found.values())

    def shared_documents(self) -> list[int]:
        """Reports with versions by more than one annotator."""
        return [r[0] for r in self.session.db.execute(
            "SELECT document_id FROM versions GROUP BY document_id HAVING count(*) >= 2 ORDER BY document_id")]

    def with_versions(self) -> list[str]:
        """The annotators whose work was merged into this file."""
        return [r[0] for r in self.session.db.execute("SELECT DISTINCT annotator FROM versions ORDER BY 1")]
