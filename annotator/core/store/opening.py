"""Opening a project file: refuse what is not ours without touching it, bring older ones up to date,
put back what someone planted or changed in it, and open read-only what cannot be written.

Checks before anything is written (the file is first opened read-only):
- an SQLite file without the project's tables is not a project (converting it to WAL and adding
  tables to someone's database would be a change they did not ask for);
- a project holding migration steps this version does not know was written by a newer version;
- a file or folder we may not write opens read-only (view, search, export).
After migrating, triggers and views are compared with the ones the migrations make: unknown
triggers are dropped (a planted trigger could delete spans behind the event log's back) and
changed ones are made again; each repair is reported.
"""
from __future__ import annotations

import os
import sqlite3
from functools import lru_cache
from pathlib import Path

from sqlite_utils import Database

from annotator import __version__
from annotator.core.model import AnnotatorError
from annotator.core.store.migrations import migrations

HEADER = b"SQLite format 3\x00"
PROJECT_TABLES = {"documents", "spans", "labels", "events"}


def is_sqlite(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(16) == HEADER


def inspect(path: Path) -> tuple[bool, str]:
    """(is a project, why it cannot be written — "" when it can); raises for files that are not projects."""
    if path.stat().st_size == 0:
        return False, _read_only_reason(path)
    if not is_sqlite(path):
        raise AnnotatorError(f"{path} is not a project file (not an SQLite database)")
    try:
        conn = _read_only(path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                                                  [migrations.name])] if "_sqlite_migrations" in tables else []
            written_by = conn.execute("SELECT value FROM settings WHERE key = 'written_by'").fetchone() \
                if "settings" in tables else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise AnnotatorError(f"{path} cannot be read as a project ({exc})") from None
    if not tables:
        return False, _read_only_reason(path)
    if not PROJECT_TABLES <= tables:
        shown = ", ".join(sorted(tables)[:6]) + (" …" if len(tables) > 6 else "")
        raise AnnotatorError(f"{path} is an SQLite database but not a project (its tables: {shown}); "
                             "it was left as it is")
    known = {m.name for m in migrations._migrations}
    unknown = [name for name in applied if name not in known]
    if unknown:
        by = written_by[0].strip('"') if written_by else "a newer version"
        raise AnnotatorError(f"{path} was written by annotator {by}, newer than this one ({__version__}): it has "
                             f"{', '.join(unknown)}. Open it with that version or a later one")
    return True, _read_only_reason(path)


def _read_only_reason(path: Path) -> str:
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(path.parent, os.W_OK):
        return "its folder is read-only"
    return ""


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (nor make its -wal and -shm files)."""
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:  # a WAL file whose shared memory we may not make: read it as it is
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)


def connect(path: Path, read_only: str) -> Database:
    if read_only:
        return Database(_read_only(path), execute_plugins=False)
    return Database(path, execute_plugins=False)  # no entry-point scan: it cost 0.2 s a start


@lru_cache(maxsize=1)
def expected_objects() -> dict[tuple[str, str], str]:
    """(type, name) → SQL of the triggers and views a new project has."""
    db = Database(memory=True, execute_plugins=False)
    migrations.apply(db)
    objects = _objects(db)
    db.close()
    return objects


def _objects(db: Database) -> dict[tuple[str, str], str]:
    return {(t, n): sql for t, n, sql in db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') AND sql IS NOT NULL")}


def repair_objects(db: Database) -> list[str]:
    """Inside a transaction: drop triggers the project did not make, make changed or missing triggers
    and views again.  Returns what was done, for the user."""
    expected, found, done = expected_objects(), _objects(db), []
    for (kind, name), sql in found.items():
        if (kind, name) not in expected:
            if kind == "trigger":
                db.execute(f'DROP TRIGGER "{name}"')
                done.append(f"dropped trigger {name}, which the annotator did not make")
        elif expected[(kind, name)] != sql:
            db.execute(f'DROP {kind.upper()} "{name}"')
            done.append(f"{kind} {name} had been changed: made again as the annotator makes it")
    # views read other views: make the missing ones in dependency order by retrying
    missing = [(k, sql) for k, sql in expected.items() if k not in found or expected[k] != found[k]]
    for _ in range(len(missing) + 1):
        left = []
        for (kind, name), sql in missing:
            try:
                db.execute(sql)
            except sqlite3.OperationalError:
                left.append(((kind, name), sql))
        if not left:
            break
        missing = left
    return done
