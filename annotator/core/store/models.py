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

    def set_uncertainty(self, values: dict[int, float], trained_at: str) -> None:
        with self.session.write() as changes:
            self.session.db.conn.executemany(
                "INSERT OR REPLACE INTO uncertainty(document_id, value, trained_at) VALUES (?, ?, ?)",
                [(doc_id, value, trained_at) for doc_id, value in values.items()])
            self.session.log("set_uncertainty", after={"documents": len(values), "trained_at": trained_at})
            changes.model = True

    def uncertainty(self) -> dict[int, float]:
        """Document id → how unsure the current model is of it (reports scored since it was trained)."""
        info = self.info()
        return dict(self.session.db.execute("SELECT document_id, value FROM uncertainty WHERE trained_at = ?",
                                            [info.get("trained_at", "")]).fetchall())
