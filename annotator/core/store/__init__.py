"""SQLite storage of a project (sqlite-utils)."""
from annotator.core.store.project import DuplicateDocument, Project

__all__ = ["DuplicateDocument", "Project"]
