"""Report texts, read once: they never change after import, so a cache by id is always right
(ids of rolled-back inserts may be reused, so the cache forgets everything on a rollback)."""
from __future__ import annotations

from annotator.core.model import AnnotatorError
from annotator.core.store.session import Session


class Texts:
    def __init__(self, session: Session):
        self.session = session
        self._texts: dict[int, str] = {}
        session.after_rollback.append(self._texts.clear)

    def __call__(self, doc_id: int) -> str:
        text = self._texts.get(doc_id)
        if text is None:
            row = self.session.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if row is None:
                raise AnnotatorError(f"no document {doc_id} in this project")
            text = self._texts[doc_id] = row[0]
        return text

    def remember(self, doc_id: int, text: str) -> None:
        self._texts[doc_id] = text
