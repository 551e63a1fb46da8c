"""SQLite storage of a project (sqlite-utils)."""
from annotator.core.store.documents import DuplicateDocument
from annotator.core.store.project import Project

__all__ = ["DuplicateDocument", "Project"]
