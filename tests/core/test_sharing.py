"""Several programs on one project file: writes wait for each other instead of failing, every
acknowledged action is in the file, undo is per session, and a busy, deleted or replaced file is
refused with a plain message while nothing is written."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from annotator.core.model import AnnotatorError, Document
from annotator.core.store import Project
from annotator.core.store.history import Conflict
from annotator.core.store.session import ProjectBusy, ProjectGone

TEXT = "云阳县13.4万贫困群众如期脱贫。2019年GDP达到431亿元。" * 40

WRITER = textwrap.dedent("""
    import json, sys
    from annotator.core.model import AnnotatorError
    from annotator.core.store import Project
    path, doc, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    with Project.open(path, annotator=f"w{first}") as p:
        for i in range(count):
            start = first + 2 * i
            try:
                span = p.add_span(doc, start, start + 1, "REGION")
            except AnnotatorError as exc:
                print(json.dumps({"refused": str(exc)}), flush=True)
            else:
                print(json.dumps({"ok": span.id}), flush=True)  # acknowledged: committed
""")


def test_two_writers_at_once_lose_nothing(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        doc = p.add_document(Document(text=TEXT))
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    # two processes interleave 150 one-span transactions each on the same report (even and odd offsets)
    procs = [subprocess.Popen([sys.executable, str(script), str(path), str(doc), str(first), "150"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for first in (0, 1)]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err  # no exception reached anyone
    lines = [json.loads(line) for out, _ in outputs for line in out.splitlines()]
    acknowledged = {line["ok"] for line in lines if "ok" in line}
    assert [line for line in lines if "refused" in line] == []  # the busy timeout was enough
    with Project.open(path) as p:
        stored = {s.id for s in p.spans(doc)}
    assert acknowledged == stored and len(stored) == 300


def test_a_writer_that_cannot_get_the_lock_gets_one_plain_message(project, doc_id):
    other = sqlite3.connect(project.path)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    project.db.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(ProjectBusy, match="the project is busy: another program is writing to it"):
            project.add_span(doc_id, 0, 3, "REGION")
    finally:
        other.rollback()
        other.close()
    assert project.spans(doc_id) == []  # not done, and nothing half-done
    project.add_span(doc_id, 0, 3, "REGION")  # the lock is free again: it works


def test_each_session_undoes_only_its_own_actions(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as setup:
        doc = setup.add_document(Document(text=TEXT))
    a, b = Project.open(path), Project.open(path)  # two windows of the same annotator
    try:
        mine = a.add_span(doc, 0, 3, "REGION")
        b.add_span(doc, 3, 8, "METRIC")
        assert b.undo() == [doc]
        assert [s.id for s in a.spans(doc)] == [mine.id]  # b's undo took b's span, not a's
        assert b.undo() == [] and a.can_undo()
    finally:
        a.close()
        b.close()


def test_an_undo_of_something_another_program_changed_is_refused_and_the_stack_stays_usable(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as setup:
        doc = setup.add_document(Document(text=TEXT))
    a, b = Project.open(path), Project.open(path, annotator="other")
    try:
        first = a.add_span(doc, 0, 3, "REGION")
        second = a.add_span(doc, 20, 23, "REGION")
        b.update_span(second.id, label="ORG")  # someone else relabels a's last span
        with pytest.raises(Conflict, match="changed since by another window or program.*taken off the undo list"):
            a.undo()
        assert a.span(second.id).label == "ORG"  # b's work stands
        assert a.undo() == [doc]  # the step below is still there and works
        assert [s.id for s in a.spans(doc)] == [second.id] and first.id not in {s.id for s in a.spans(doc)}
    finally:
        a.close()
        b.close()


def test_undo_after_a_restart_takes_over_the_ended_session(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        doc = p.add_document(Document(text=TEXT))
        p.add_span(doc, 0, 3, "REGION")
    with Project.open(path) as p:
        assert p.undo() == [doc] and p.spans(doc) == []


def test_a_deleted_project_file_refuses_writes(project, doc_id):
    os.unlink(project.path)
    with pytest.raises(ProjectGone, match="deleted or moved while open; nothing was written"):
        project.add_span(doc_id, 0, 3, "REGION")


def test_a_replaced_project_file_refuses_writes_and_the_new_file_is_untouched(tmp_path):
    path, other = tmp_path / "p.db", tmp_path / "other.db"
    project = Project.open(path)
    doc = project.add_document(Document(text=TEXT))
    with Project.open(other) as o:
        o.add_document(Document(text="另一个项目的报告。"))
    before = other.read_bytes()
    shutil.copyfile(other, tmp_path / "copy.db")
    os.replace(tmp_path / "copy.db", path)  # another file moved over the project
    with pytest.raises(ProjectGone, match="replaced by another file while open"):
        project.add_span(doc, 0, 3, "REGION")
    project.close()
    assert path.read_bytes() == before


def test_ids_outside_the_safe_range_are_refused_and_new_rows_can_still_be_written(project):
    from annotator.core.model import Span
    for bad in (2 ** 63 - 1, 2 ** 53, 0, -1):
        with pytest.raises(AnnotatorError, match="outside 1 to 2\\^53-1"):
            project.add_document(Document(text=f"云阳县{bad}"), [Span(0, 3, "REGION", "云阳县", id=bad)])
    doc = project.add_document(Document(text="云阳县"), [Span(0, 3, "REGION", "云阳县", id=2 ** 53 - 1)])
    assert project.add_span(doc, 0, 2, "METRIC").id is not None  # still room for new rows


def test_a_full_disk_is_one_plain_message_and_nothing_is_half_written(project, doc_id):
    pages = project.db.execute("PRAGMA page_count").fetchone()[0]
    project.db.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: as on a full disk
    with pytest.raises(AnnotatorError, match="the disk is full or failing .*the last action was not saved"):
        project.add_document(Document(text="云阳县" * 20000))
    assert len(project.document_ids()) == 1
    project.db.execute("PRAGMA max_page_count = 1073741823")
    project.add_span(doc_id, 0, 3, "REGION")  # room again: it works
