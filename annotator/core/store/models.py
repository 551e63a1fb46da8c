"""The learnt model in the project file: its bytes per layer, what it was trained on and how it
scored (setting "model"), and how unsure it is of each report (for "next report" and the list)."""
from __future__ import annotations

from annotator.core.store.clock import now
from annotator.core.store.session import Session


class Models:
    def __init__(self, session: Session):
        self.session = session

    def save(self, layers: dict[str, bytes], info: dict) -> str:
        """Replace the model (all layers) and its description, as one change; returns the time stamp."""
        stamp = now()
        with self.session.write() as changes:
            db = self.session.db
            db.execute("DELETE FROM models")
            db.execute("DELETE FROM uncertainty")  # it was the old model's
            db.conn.executemany("INSERT INTO models(layer, data, trained_at) VALUES (?, ?, ?)",
                                [(layer, data, stamp) for layer, data in sorted(layers.items())])
            self.session.set("model", {**info, "trained_at": stamp})
            self.session.log("train_model", after={"trained_at": stamp, "spans": info.get("spans")})
            changes.model = True
        return stamp

    def load(self) -> tuple[dict[str, bytes], dict]:
        """The layers' bytes and the description ({} and {} when none was trained)."""
        rows = self.session.db.execute("SELECT layer, data FROM models").fetchall()
        return {layer: bytes(data) for layer, data in rows}, (self.session.setting("model") or {}) if rows else {}

    def info(self) -> dict:
        return self.session.setting("model") or {}

    def examples(self) -> list[tuple[str, list[tuple[int, int, str]]]]:
        """(text, confirmed spans as (start, end, label)) of every report marked done, in id order."""
        db = self.session.db
        spans: dict[int, list[tuple[int, int, str]]] = {}
        for doc_id, start, end, label in db.execute(
                "SELECT s.document_id, s.start, s.end, s.label FROM spans s JOIN documents d ON d.id = s.document_id"
                " WHERE d.status = 'done' AND s.origin != 'suggested' ORDER BY s.document_id, s.start"):
            spans.setdefault(doc_id, []).append((start, end, label))
        return [(text, spans.get(doc_id, [])) for doc_id, text in
                db.execute("SELECT id, text FROM documents WHERE status = 'done' ORDER BY id")]

    def label_counts(self) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
        """How often each (text, label) was confirmed, and how often rejected, in the whole project."""
        db = self.session.db
        accepted = {(t, lab): n for t, lab, n in db.execute(
            "SELECT text, label, count(*) FROM spans WHERE origin != 'suggested' GROUP BY text, label")}
        rejected = {(t, lab): n for t, lab, n in db.execute(
            "SELECT text, label, count(*) FROM rejections GROUP BY text, label")}
        return accepted, rejected

    def learnt(self):
        """The model ready to suggest (learn.learnt.Learnt), or None when none was trained."""
        layers, info = self.load()
        if not layers:
            return None
        from annotator.core.learn.learnt import Learnt  # python-crfsuite loads only for projects with a model
        return Learnt(layers, info)

    def set_uncertainty(self, values: dict[int, float]) -> None:
        """How unsure the model is of these reports, as one change."""
        with self.session.write() as changes:
            for doc_id, value in values.items():
                self.write_uncertainty(doc_id, value)
            self.session.log("set_uncertainty", after={"documents": len(values)})
            changes.model = True

    def write_uncertainty(self, doc_id: int, value: float) -> None:
        """Inside a write."""
        self.session.db.execute("INSERT OR REPLACE INTO uncertainty(document_id, value, trained_at) VALUES (?, ?, ?)",
                                [doc_id, value, self.info().get("trained_at", "")])

    def uncertainty(self) -> dict[int, float]:
        """Document id → how unsure the current model is of it (reports judged since it was trained)."""
        return dict(self.session.db.execute("SELECT document_id, value FROM uncertainty").fetchall())
