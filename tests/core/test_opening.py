"""Opening a project file: what is not a project is refused untouched, a newer version's file is
refused with its version, planted triggers are dropped, and a file we may not write opens read-only."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from annotator.core.model import AnnotatorError, Document
from annotator.core.store import Project


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_sqlite_file_that_is_not_a_project_is_refused_and_left_as_it_is(tmp_path):
    path = tmp_path / "someone.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.execute("INSERT INTO birds VALUES ('heron')")
    conn.commit()
    conn.close()
    before = digest(path), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(AnnotatorError, match="an SQLite database but not a project \\(its tables: birds\\)"):
        Project.open(path)
    assert (digest(path), sorted(p.name for p in tmp_path.iterdir())) == before  # no WAL, no tables added


def test_a_project_from_a_newer_version_is_refused_with_that_version(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        p.add_document(Document(text="云阳县"))
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('annotator', 'm999_future', 'x')")
    conn.execute("UPDATE settings SET value = '\"9.9.0\"' WHERE key = 'written_by'")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(AnnotatorError, match="written by annotator 9.9.0, newer than this one .*m999_future"):
        Project.open(path)
    assert digest(path) == before


def test_a_planted_trigger_is_dropped_on_open_and_said(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        doc = p.add_document(Document(text="云阳县13.4万贫困群众"))
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER eat AFTER INSERT ON spans BEGIN DELETE FROM spans; END")
    conn.execute("DROP VIEW metrics")
    conn.execute("CREATE VIEW metrics AS SELECT 1 AS x")
    conn.commit()
    conn.close()
    with Project.open(path) as p:
        assert any("dropped trigger eat" in r for r in p.repairs)
        assert any("view metrics" in r for r in p.repairs)
        span = p.add_span(doc, 0, 3, "REGION")
        assert [s.id for s in p.spans(doc)] == [span.id]  # nothing deletes spans behind the log's back
        assert list(p.db.query("SELECT span_text FROM metrics")) == []  # our view again
    with Project.open(path) as p:
        assert p.repairs == []


READ_ONLY = textwrap.dedent("""
    import sys
    from pathlib import Path
    from annotator.core.model import AnnotatorError
    from annotator.core.interchange import native
    from annotator.core.store import Project
    with Project.open(sys.argv[1]) as p:
        print("read-only:", p.read_only)
        doc = p.document_ids()[0]
        print("spans:", len(p.spans(doc)), "text:", p.text(doc)[:3])
        print("exported:", native.export(p, Path(sys.argv[2])))
        try:
            p.add_span(doc, 3, 5, "METRIC")
        except AnnotatorError as exc:
            print("refused:", exc)
""")


def _as_other_user(args: list[str]) -> subprocess.CompletedProcess:
    """Run as nobody when we are root (root may write anything, so read-only needs another user)."""
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a file read-only")
        args = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *args]
    home = Path(args[-1]).parent.parent / "home"
    home.mkdir(mode=0o777, exist_ok=True)
    env = {**os.environ, "HOME": str(home), "ANNOTATOR_HOME": str(home)}
    return subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)


@pytest.fixture
def open_tmp():
    """A folder another user can reach (pytest's own are private to their owner)."""
    path = Path(tempfile.mkdtemp(prefix="annotator-ro-"))
    os.chmod(path, 0o777)
    yield path
    for p in path.rglob("*"):
        os.chmod(p, 0o777)
    shutil.rmtree(path)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_project_that_cannot_be_written_opens_read_only(open_tmp, what):
    tmp_path = open_tmp
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "p.db"
    with Project.open(path) as p:
        doc = p.add_document(Document(text="云阳县13.4万贫困群众"))
        p.add_span(doc, 0, 3, "REGION")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    script = tmp_path / "ro.py"
    script.write_text(READ_ONLY)
    for p in (out_dir, script):
        os.chmod(p, 0o777 if p.is_dir() else 0o644)
    os.chmod(path, 0o444 if what == "file" else 0o666)
    os.chmod(folder, 0o755 if what == "file" else 0o555)
    before = digest(path)
    root = Path(__file__).resolve().parents[2]
    result = _as_other_user([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(root)!r}); "
                             f"exec(open({str(script)!r}).read())", str(path), str(out_dir / "x.jsonl")])
    assert result.returncode == 0, result.stderr
    reason = "the file is read-only" if what == "file" else "its folder is read-only"
    assert f"read-only: {reason}" in result.stdout
    assert "spans: 1 text: 云阳县" in result.stdout and "exported: 1" in result.stdout
    assert "refused: the project is open read-only" in result.stdout
    assert digest(path) == before
