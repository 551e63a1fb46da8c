"""The project database's schema, as a chain of numbered migrations.

A project file records which steps it has had (sqlite-utils' `_sqlite_migrations`
table); opening an older file applies the missing steps in order.  Never edit a
step that has shipped: add the next one.
"""
from __future__ import annotations

import socket
import sqlite3
import uuid
from datetime import datetime, timezone

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("annotator")

STATUS_CHECK = "status IN ('todo', 'in_progress', 'done', 'skipped')"
ORIGIN_CHECK = "origin IN ('manual', 'suggested', 'imported')"
LAYER_CHECK = "layer IN ('entity', 'metric')"
# the actions undo can invert (history.INVERSE), as m004 found them when it read the old stacks
UNDOABLE = ("add_span", "delete_span", "update_span", "set_status", "add_relation", "delete_relation",
            "add_rejection", "delete_rejection")


def _run(db: Database, script: str) -> None:
    """Run a script statement by statement, inside the migration's transaction
    (sqlite3's executescript would commit first)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    assert not statement.strip(), f"incomplete SQL: {statement}"


METRICS_VIEW = """
CREATE VIEW metrics AS
    SELECT s.id AS span_id, s.document_id, d.title, d.published,
           json_extract(s.attrs, '$.value') AS value,
           CASE WHEN json_type(s.attrs, '$.value') = 'array' THEN json_extract(s.attrs, '$.value[0]') END AS low,
           CASE WHEN json_type(s.attrs, '$.value') = 'array' THEN json_extract(s.attrs, '$.value[1]') END AS high,
           json_extract(s.attrs, '$.unit') AS unit,
           json_extract(s.attrs, '$.qualifier') AS qualifier,
           json_extract(s.attrs, '$.indicator') AS indicator,
           subj.text AS subject, coalesce(per.text, d.published) AS period,
           CASE WHEN per.id IS NULL THEN 'report' ELSE 'span' END AS period_from,
           s.text AS span_text,
           trim(substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start), ' ' || char(10)) AS sentence,
           s.start, s.end, s.annotator, s.origin,
           json_extract(s.attrs, '$.proposed') AS proposed,
           json_extract(s.attrs, '$.proposed') IS NULL AS confirmed
    FROM spans s
    JOIN documents d ON d.id = s.document_id
    LEFT JOIN spans subj ON subj.id = json_extract(s.attrs, '$.subject')
    LEFT JOIN spans per ON per.id = json_extract(s.attrs, '$.period')
    WHERE s.layer = 'metric';
"""


# The event log as m001 makes it; m003 makes it again in files from before it had batches.
EVENTS_TABLE = """
CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        annotator TEXT,
        batch INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'do' CHECK (kind IN ('do', 'undo', 'redo')),
        target INTEGER,                       -- for undo/redo: the batch undone or redone
        action TEXT NOT NULL,
        document_id INTEGER,
        span_id INTEGER,
        relation_id INTEGER,
        before TEXT,                          -- JSON of the object before, NULL when created
        after TEXT                            -- JSON of the object after, NULL when deleted
    );
    CREATE INDEX events_document ON events(document_id);
    CREATE INDEX events_batch ON events(batch);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"""


REJECTIONS_TABLE = """
CREATE TABLE rejections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        annotator TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (document_id, start, end, label)
    );
"""


@migrations()
def m001_initial(db: Database) -> None:
    _run(db, f"""
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL            -- JSON
    );
    CREATE TABLE labels (
        key TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        layer TEXT NOT NULL CHECK ({LAYER_CHECK}),
        color TEXT NOT NULL,
        shortcut TEXT NOT NULL,
        guideline TEXT NOT NULL DEFAULT '',
        attributes TEXT NOT NULL DEFAULT '[]',   -- JSON list of attribute definitions
        position INTEGER NOT NULL
    );
    CREATE TABLE indicators (
        key TEXT PRIMARY KEY,
        name_en TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL
    );
    CREATE TABLE annotators (
        name TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
    );
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',   -- ISO 8601, reduced precision allowed
        file_name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,                   -- immutable after import
        text_sha256 TEXT NOT NULL UNIQUE,
        source_sha256 TEXT NOT NULL DEFAULT '',  -- of the original file's bytes
        status TEXT NOT NULL DEFAULT 'todo' CHECK ({STATUS_CHECK}),
        skip_reason TEXT NOT NULL DEFAULT '',
        meta TEXT NOT NULL DEFAULT '{{}}'       -- JSON object
            CHECK (json_valid(meta) AND json_type(meta) = 'object'),
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX documents_source_sha256 ON documents(source_sha256);
    CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text ON documents
    BEGIN SELECT RAISE(ABORT, 'the text of a document never changes after import'); END;

    CREATE TABLE spans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,               -- code points, inclusive
        end INTEGER NOT NULL,                 -- code points, exclusive
        label TEXT NOT NULL REFERENCES labels(key),
        layer TEXT NOT NULL CHECK ({LAYER_CHECK}),
        text TEXT NOT NULL,                   -- documents.text[start:end], checked on write
        sentence_start INTEGER NOT NULL,      -- the sentence holding the span, for context
        sentence_end INTEGER NOT NULL,
        attrs TEXT NOT NULL DEFAULT '{{}}'      -- JSON object (exports splice it as it is)
            CHECK (json_valid(attrs) AND json_type(attrs) = 'object'),
        annotator TEXT REFERENCES annotators(name),
        origin TEXT NOT NULL DEFAULT 'manual' CHECK ({ORIGIN_CHECK}),
        source TEXT NOT NULL DEFAULT '',      -- for suggestions: which suggester proposed it
        confidence REAL,                      -- for suggestions: how sure it was (0-1)
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start >= 0 AND start < end)
    );
    CREATE INDEX spans_document ON spans(document_id, layer, start);   -- overlap checks
    CREATE INDEX spans_order ON spans(document_id, start, end);        -- reading in text order
    CREATE INDEX spans_label ON spans(label);

    CREATE TABLE relations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        target_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        annotator TEXT REFERENCES annotators(name),
        created_at TEXT NOT NULL,
        UNIQUE (source_id, target_id, type)
    );
    CREATE INDEX relations_target ON relations(target_id);

    -- Suggestions an annotator turned down: never suggested again at the same place.
    {REJECTIONS_TABLE}

    -- Append-only record of every change: audit trail and the base of undo.
    -- One user action is one batch (a transaction); undo and redo are batches too.
    {EVENTS_TABLE}
    -- Views for people who query a project with sqlite-utils or Datasette.
    CREATE VIEW span_details AS
    SELECT s.id AS span_id, s.document_id, d.title, s.start, s.end, s.label,
           l.name_zh AS label_zh, l.name_en AS label_en, s.layer, s.text, s.attrs,
           s.annotator, s.origin, s.created_at, s.updated_at
    FROM spans s JOIN documents d ON d.id = s.document_id JOIN labels l ON l.key = s.label;

    CREATE VIEW document_progress AS
    SELECT d.id AS document_id, d.title, d.source, d.published, d.status, d.skip_reason,
           length(d.text) AS characters,
           (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.origin != 'suggested') AS spans,
           (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.origin = 'suggested') AS suggestions
    FROM documents d;

    {METRICS_VIEW}    """)


@migrations()
def m002_lexicon(db: Database) -> None:
    """User word lists and patterns per label (a suggestion source).  Also brings project files made
    by the first release of step 1 up to date: spans learnt their sentence and, for suggestions, their
    source and confidence, and rejections got a table, inside step 1 before it was settled."""
    spans = {column.name for column in db["spans"].columns}
    for column, definition in (("sentence_start", "INTEGER NOT NULL DEFAULT 0"),
                               ("sentence_end", "INTEGER NOT NULL DEFAULT 0"),
                               ("source", "TEXT NOT NULL DEFAULT ''"), ("confidence", "REAL")):
        if column not in spans:
            db.execute(f"ALTER TABLE spans ADD COLUMN {column} {definition}")
    if "sentence_start" not in spans:
        from annotator.core.sentences import clause_bounds as sentence  # the bounds every later write stores
        for span_id, text, start, end in db.execute(
                "SELECT s.id, d.text, s.start, s.end FROM spans s JOIN documents d ON d.id = s.document_id").fetchall():
            db.execute("UPDATE spans SET sentence_start = ?, sentence_end = ? WHERE id = ?",
                       [*sentence(text, start, end), span_id])
        db.execute("DROP VIEW IF EXISTS metrics")
        _run(db, METRICS_VIEW)
    if not db["rejections"].exists():
        _run(db, REJECTIONS_TABLE)
    _run(db, """
    -- Names and regular expressions a team gives a label, suggested in every report.
    CREATE TABLE lexicon (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        label TEXT NOT NULL REFERENCES labels(key),
        kind TEXT NOT NULL CHECK (kind IN ('name', 'pattern')),
        value TEXT NOT NULL CHECK (length(value) > 0),
        created_at TEXT NOT NULL,
        UNIQUE (label, kind, value)
    );
    """)




@migrations()
def m003_early_files(db: Database) -> None:
    """Files made by the first commits of step 1 (before undo existed) get the event log's batches:
    each old event was its own transaction, so its batch is its id; status events learn the document
    they belong to, which later undo needs.  Those files also lack the JSON-object checks of `meta` and
    `attrs` and the reading-order index; the checks come as triggers (a CHECK cannot be added to a
    table in place), made in every project so that all projects hold the same objects."""
    if "batch" not in {column.name for column in db["events"].columns}:
        db.execute("ALTER TABLE events RENAME TO events_before_m003")
        db.execute("DROP INDEX IF EXISTS events_document")
        for trigger in ("events_no_update", "events_no_delete"):
            db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        _run(db, EVENTS_TABLE)
        status = "json_object('document_id', document_id, 'status', json_extract({0}, '$.status'), " \
                 "'reason', json_extract({0}, '$.reason'))"
        db.execute(f"""
            INSERT INTO events(id, at, annotator, batch, kind, target, action, document_id, span_id, relation_id,
                               before, after)
            SELECT id, at, annotator, id, 'do', NULL, action, document_id, span_id, relation_id,
                   CASE WHEN action = 'set_status' AND before IS NOT NULL THEN {status.format('before')}
                        ELSE before END,
                   CASE WHEN action = 'set_status' AND after IS NOT NULL THEN {status.format('after')}
                        ELSE after END
            FROM events_before_m003 ORDER BY id""")
        db.execute("DROP TABLE events_before_m003")
    db.execute("CREATE INDEX IF NOT EXISTS spans_order ON spans(document_id, start, end)")
    for table, column in (("documents", "meta"), ("spans", "attrs")):
        for when, suffix in (("INSERT", ""), (f"UPDATE OF {column}", "_update")):
            db.execute(f"CREATE TRIGGER {table}_{column}_object{suffix} BEFORE {when} ON {table}\n"
                       f"    WHEN NOT (json_valid(NEW.{column}) AND json_type(NEW.{column}) = 'object')\n"
                       f"    BEGIN SELECT RAISE(ABORT, '{column} must be a JSON object'); END")


@migrations()
def m004_sessions(db: Database) -> None:
    """Undo stacks per window session (flat in the length of the history), an index that finds the
    one span a new span could overlap in one step, and the project's identity."""
    _run(db, """
    -- Which program (window) owns which undo and redo steps; a new window of the same annotator on
    -- the same machine takes them over once the old one has ended.
    CREATE TABLE sessions (
        owner TEXT PRIMARY KEY,
        annotator TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT
    );
    CREATE TABLE undo_steps (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        owner TEXT NOT NULL,
        stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
        batch INTEGER NOT NULL
    );
    CREATE INDEX undo_steps_owner ON undo_steps(owner, stack, id);
    CREATE INDEX spans_kind ON spans(document_id, layer, origin = 'suggested', start);
    """)
    db.execute("INSERT OR IGNORE INTO settings(key, value) VALUES ('project_id', ?)", [f'"{uuid.uuid4().hex}"'])
    # Undo used to be each annotator's, replayed from the whole log: read it once more, so that what
    # each could undo before the upgrade they can undo after it (their next window takes it over).
    stacks: dict[str, tuple[list[int], list[int]]] = {}
    batches: dict[int, list] = {}
    for batch, kind, target, action, annotator in db.execute(
            "SELECT batch, kind, target, action, annotator FROM events ORDER BY id"):
        entry = batches.setdefault(batch, [kind, target, True, annotator])
        entry[2] = entry[2] and action in UNDOABLE
    for batch, (kind, target, undoable, annotator) in batches.items():
        undo, redo = stacks.setdefault(annotator or "", ([], []))
        if kind == "do" and undoable:
            undo.append(batch)
            redo.clear()
        elif kind == "undo" and undo and undo[-1] == target:
            redo.append(undo.pop())
        elif kind == "redo" and redo and redo[-1] == target:
            redo.pop()
            undo.append(batch)
    host, stamp = socket.gethostname(), datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    for annotator, (undo, redo) in stacks.items():
        if not (undo or redo):
            continue
        owner = f"{annotator}@{host}:before-upgrade"
        db.execute("INSERT INTO sessions(owner, annotator, host, pid, started_at, ended_at) VALUES (?, ?, ?, 0, ?, ?)",
                   [owner, annotator, host, stamp, stamp])
        for stack, batches_ in (("undo", undo[-1000:]), ("redo", redo[-1000:])):
            db.conn.executemany("INSERT INTO undo_steps(owner, stack, batch) VALUES (?, ?, ?)",
                                [(owner, stack, b) for b in batches_])


@migrations()
def m005_models(db: Database) -> None:
    """The learnt model, one row per layer, so it travels with the project; and how unsure it is of
    each report, for picking the next one."""
    _run(db, """
    CREATE TABLE models (
        layer TEXT PRIMARY KEY CHECK (layer IN ('entity', 'metric')),
        data BLOB NOT NULL,
        trained_at TEXT NOT NULL
    );
    CREATE TABLE uncertainty (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        value REAL NOT NULL,
        trained_at TEXT NOT NULL
    );
    """)


@migrations()
def m006_team(db: Database) -> None:
    """Team work: the packages handed out and who got which report (assign), each annotator's version
    of a report as their package brought it back (merge), and which events came from a package."""
    _run(db, f"""
    CREATE TABLE packages (
        id TEXT PRIMARY KEY,                  -- the package file's project_id
        annotator TEXT NOT NULL,
        file TEXT NOT NULL DEFAULT '',        -- where assign wrote it (a hint for people)
        made_at TEXT,
        merged_at TEXT,
        last_event INTEGER NOT NULL DEFAULT 0, -- the package's last event merge brought in
        digest TEXT NOT NULL DEFAULT ''       -- of what that merge brought in: the same again changes nothing
    );
    CREATE TABLE assignments (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator TEXT NOT NULL,
        package TEXT NOT NULL REFERENCES packages(id),
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (document_id, annotator)
    );
    -- An annotator's version of a report, as merge brought it in: replaced whole by the next merge.
    CREATE TABLE versions (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator TEXT NOT NULL,
        status TEXT NOT NULL CHECK ({STATUS_CHECK}),
        skip_reason TEXT NOT NULL DEFAULT '',
        package TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,             -- when the annotator last changed it
        merged_at TEXT NOT NULL,
        PRIMARY KEY (document_id, annotator)
    );
    CREATE TABLE version_spans (
        id INTEGER PRIMARY KEY AUTOINCREMENT, -- links in attrs and relations name this id
        document_id INTEGER NOT NULL,
        annotator TEXT NOT NULL,
        ref INTEGER NOT NULL,                 -- the span's id in the package
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        label TEXT NOT NULL,
        layer TEXT NOT NULL CHECK ({LAYER_CHECK}),
        text TEXT NOT NULL,
        attrs TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(attrs) AND json_type(attrs) = 'object'),
        origin TEXT NOT NULL CHECK ({ORIGIN_CHECK}),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        FOREIGN KEY (document_id, annotator) REFERENCES versions(document_id, annotator) ON DELETE CASCADE,
        UNIQUE (document_id, annotator, ref),
        CHECK (start >= 0 AND start < end)
    );
    CREATE INDEX version_spans_document ON version_spans(document_id, annotator, start);
    CREATE TABLE version_relations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id INTEGER NOT NULL REFERENCES version_spans(id) ON DELETE CASCADE,
        target_id INTEGER NOT NULL REFERENCES version_spans(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        UNIQUE (source_id, target_id, type)
    );
    CREATE INDEX version_relations_target ON version_relations(target_id);
    ALTER TABLE events ADD COLUMN package TEXT;  -- events a merge brought in: their span ids are the package's
    """)
