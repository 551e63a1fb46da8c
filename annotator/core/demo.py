"""The demo project: the bundled reports, ready to label, in the user's data folder."""
from __future__ import annotations

from pathlib import Path

from annotator.core import paths
from annotator.core.importer import import_paths
from annotator.core.store import Project


def demo_project() -> Path:
    """Path of the demo project, created from the bundled corpus on first use."""
    path = paths.user_data_dir() / "demo.db"
    if not path.exists():
        partial = path.with_suffix(".creating")
        for stale in partial.parent.glob(partial.name + "*"):
            stale.unlink()
        with Project.open(partial) as project:
            import_paths(project, [paths.corpus_dir()])
        partial.rename(path)  # a half-made demo never looks finished
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
    return path
