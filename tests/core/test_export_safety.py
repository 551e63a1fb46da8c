"""Exports never overwrite the project or another database, keep the user's file modes, replace a brat
folder whole, write spreadsheet-safe CSV and stay linear in the number of spans; imports refuse ids
SQLite cannot count past."""
import csv
import json
import os
import sqlite3
import stat
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from annotator.core import segment
from annotator.core.importer import import_paths
from annotator.core.ingest.jsonl import RecordError, parse_object
from annotator.core.interchange import bio, brat, doccano, labelstudio, metrics, native, spacy
from annotator.core.interchange.files import ExportError, atomic_write, spreadsheet_cell
from annotator.core.interchange.records import Doc, Entity, sentences, split_sentences
from annotator.core.model import Document
from annotator.core.store import Project

TEXT = "云阳县13.4万贫困群众如期脱贫。2019年GDP达到431亿元。"


@pytest.fixture
def filled(project):
    doc = project.add_document(Document(text=TEXT, title="t"))
    project.add_span(doc, 0, 3, "REGION")
    return project


def project_intact(path):
    with Project.open(path) as again:
        return again.stats()["documents"] == 1


# 1. never over the project file or another SQLite database ----------------------------------------

WRITERS = {"native": lambda p, out: native.export(p, out), "metrics": lambda p, out: metrics.export(p, out),
           "bio": lambda p, out: bio.export(p, out), "hf": lambda p, out: bio.export_hf(p, out),
           "spacy": lambda p, out: spacy.export(p, out), "doccano": lambda p, out: doccano.export(p, out),
           "labelstudio": lambda p, out: labelstudio.export(p, out)}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_no_export_writes_over_the_project_file(filled, fmt):
    path = filled.path
    before = path.read_bytes()
    with pytest.raises(ExportError, match="project file"):
        WRITERS[fmt](filled, path)
    assert path.read_bytes() == before and project_intact(path)


def test_the_csv_writer_is_guarded_too(tmp_path):
    with Project.open(tmp_path / "project.csv") as odd:
        odd.add_document(Document(text=TEXT, title="t"))
        with pytest.raises(ExportError, match="project file"):
            metrics.export(odd, odd.path)
    assert project_intact(tmp_path / "project.csv")


@pytest.mark.parametrize("spelling", ["dotted", "symlink", "wal", "shm", "symlinked-wal"])
def test_other_spellings_of_the_project_and_its_wal_and_shm_are_refused(filled, tmp_path, spelling):
    path = filled.path
    (tmp_path / "sub").mkdir()
    target = {"dotted": tmp_path / "sub" / ".." / ".." / tmp_path.name / path.name,
              "symlink": tmp_path / "link.jsonl", "symlinked-wal": tmp_path / "wal-link.jsonl",
              "wal": path.with_name(path.name + "-wal"), "shm": path.with_name(path.name + "-shm")}[spelling]
    if spelling == "symlink":
        target.symlink_to(path)
    if spelling == "symlinked-wal":
        target.symlink_to(path.with_name(path.name + "-wal"))
    listing = sorted(os.listdir(tmp_path))
    with pytest.raises(ExportError, match="project file"):
        native.export(filled, target)
    with pytest.raises(ExportError, match="project file"):
        spacy.export(filled, target)
    assert sorted(os.listdir(tmp_path)) == listing  # no temporary file left behind either
    assert project_intact(path)


def test_any_sqlite_database_is_refused_and_left_alone(filled, tmp_path):
    other = tmp_path / "other.jsonl"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t(x)")
    db.close()
    before = other.read_bytes()
    with pytest.raises(ExportError, match="SQLite database") as caught:
        metrics.export(filled, other)
    assert "\n" not in str(caught.value) and "nothing was written" in str(caught.value)
    assert other.read_bytes() == before


def test_an_in_memory_project_still_refuses_databases(tmp_path):
    other = tmp_path / "x.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    with Project.open(None) as memory:
        with pytest.raises(ExportError, match="SQLite database"):
            native.export(memory, other)


def test_brat_refuses_a_folder_that_holds_the_project(filled):
    with pytest.raises(ExportError, match="p.db"):
        brat.export(filled, filled.path.parent)
    assert project_intact(filled.path)


# 2. the user's umask, and the mode of a file overwritten -------------------------------------------

@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_a_new_export_gets_the_umask_mode(filled, tmp_path, umask, mask):
    umask(mask)
    native.export(filled, tmp_path / "n.jsonl")
    metrics.export(filled, tmp_path / "m.csv")
    brat.export(filled, tmp_path / "brat")
    assert mode(tmp_path / "n.jsonl") == mode(tmp_path / "m.csv") == 0o666 & ~mask
    assert mode(tmp_path / "brat") == 0o777 & ~mask
    assert {mode(f) for f in (tmp_path / "brat").iterdir()} == {0o666 & ~mask}


def test_an_overwritten_export_keeps_its_mode(filled, tmp_path, umask):
    out = tmp_path / "n.jsonl"
    for kept in (0o664, 0o640, 0o604):
        out.write_text("earlier\n")
        out.chmod(kept)
        native.export(filled, out)
        assert mode(out) == kept and out.read_text("utf-8").startswith('{"id": 1')
    (tmp_path / "brat").mkdir(mode=0o750)
    (tmp_path / "brat").chmod(0o750)
    brat.export(filled, tmp_path / "brat")
    assert mode(tmp_path / "brat") == 0o750


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    with pytest.raises(RuntimeError):
        with atomic_write(tmp_path / "x.jsonl", project_file=None) as f:
            f.write("half")
            raise RuntimeError
    assert list(tmp_path.iterdir()) == []


# 3. brat: the folder replaced whole, and never a user's other files --------------------------------

def names(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_brat_export_replaces_an_earlier_export(filled, tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    for old in ("doc000007.txt", "doc000007.ann", "doc000001.ann"):
        (folder / old).write_text("old")
    (folder / "annotation.conf").write_text("[entities]\nREGION\n")
    (folder / "tools.conf").write_text("[search]\n")
    assert brat.export(filled, folder) == 1
    assert names(folder) == ["annotation.conf", "doc000001.ann", "doc000001.txt", "tools.conf", "visual.conf"]
    assert (folder / "doc000001.txt").read_text("utf-8") == TEXT
    assert (folder / "tools.conf").read_text() == "[search]\n"  # the user's brat set-up is kept
    # the labels' set-up follows the schema: an old one would make brat refuse labels added since
    assert "\nMETRIC\n" in (folder / "annotation.conf").read_text("utf-8")
    assert names(tmp_path) == ["brat", *(f"brat/{n}" for n in names(folder)), "p.db", *names_of_wal(tmp_path)]


def names_of_wal(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("p.db-"))


@pytest.mark.parametrize("stranger", ["notes.md", "1.txt", "train/notes.md", "other/doc000001.txt", ".hidden"])
def test_brat_export_refuses_a_folder_with_other_files(filled, tmp_path, stranger):
    folder = tmp_path / "brat"
    (folder / "train").mkdir(parents=True)
    (folder / "doc000009.txt").write_text("old")
    (folder / "train" / "doc000009.ann").write_text("old")
    (folder / stranger).parent.mkdir(exist_ok=True)
    (folder / stranger).write_text("mine")
    before = {n: (folder / n).read_bytes() for n in names(folder) if (folder / n).is_file()}
    with pytest.raises(ExportError, match=stranger.split("/")[0]) as caught:
        brat.export(filled, folder)
    assert "\n" not in str(caught.value)
    assert {n: (folder / n).read_bytes() for n in names(folder) if (folder / n).is_file()} == before
    assert sorted(os.listdir(tmp_path)) == ["brat", "p.db", *names_of_wal(tmp_path)]


def test_brat_export_into_a_new_nested_folder(filled, tmp_path):
    assert brat.export(filled, tmp_path / "a" / "b") == 1
    assert names(tmp_path / "a") == ["b", "b/annotation.conf", "b/doc000001.ann", "b/doc000001.txt", "b/visual.conf"]


# 4. CSV cells a spreadsheet would run as formulas -------------------------------------------------

@pytest.mark.parametrize("value, cell", [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("+1+2", "'+1+2"), ("-A1", "'-A1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-", "'-"), ("- 2", "'- 2"), ("-2.1", "-2.1"), ("+3", "+3"),
    ("-0.5", "-0.5"),
    ("-2.", "'-2."), ("-1e5", "'-1e5"), ("云阳", "云阳"), ("", ""), ("a=b", "a=b"), (-2.1, -2.1), (-3, -3),
    (Decimal("-1.5"), Decimal("-1.5")), (None, None), (True, True)])
def test_spreadsheet_cell(value, cell):
    assert spreadsheet_cell(value) == cell and type(spreadsheet_cell(value)) is type(cell)


def test_metrics_csv_neutralises_formulas_and_keeps_numbers(project, tmp_path):
    title = "=cmd|' /C calc'!A0"
    text = "-2.1%的增长。云阳县增长-2.1%。"
    doc = project.add_document(Document(text=text, title=title))
    first = project.add_span(doc, 0, 5, "METRIC", attrs={"value": 2.1, "unit": "%", "qualifier": "exact"})
    second = project.add_span(doc, 14, 19, "METRIC", attrs={"value": "47.99", "unit": "%", "qualifier": "exact"})
    # the schema keeps quantities >= 0; the CSV must not rely on it: a negative number stays a number
    for span, value in ((first, -2.1), (second, "-47.99")):
        project.db.execute("UPDATE spans SET attrs = json_set(attrs, '$.value', json(?)) WHERE id = ?",
                           [json.dumps(value), span.id])
    metrics.export(project, tmp_path / "m.csv")
    metrics.export(project, tmp_path / "m.jsonl")
    with open(tmp_path / "m.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["title"] for r in rows] == ["'" + title] * 2
    assert [r["value"] for r in rows] == ["-2.1", "-47.99"]
    assert rows[0]["span_text"] == "'-2.1%" and rows[0]["sentence"] == "'-2.1%的增长。" and rows[0]["start"] == "0"
    lines = [json.loads(line) for line in (tmp_path / "m.jsonl").read_text("utf-8").splitlines()]
    assert [r["title"] for r in lines] == [title] * 2 and lines[0]["value"] == -2.1  # JSONL as it was


# 5. ids SQLite can still count past ----------------------------------------------------------------

def record(doc_id=None, span_id=None, rel_id=None):
    obj = {"text": "云阳县",
           "spans": [{"start": 0, "end": 2, "label": "REGION"}, {"start": 2, "end": 3, "label": "ORG"}]}
    if doc_id is not None:
        obj["id"] = doc_id
    if span_id is not None or rel_id is not None:
        obj["spans"][0]["id"], obj["spans"][1]["id"] = (span_id if span_id is not None else 1), 1000
        obj["relations"] = [{"source": obj["spans"][0]["id"], "target": 1000, "type": "in", "id": rel_id}]
    return obj


BAD_IDS = [0, -1, 2 ** 53, 2 ** 63 - 1, 2 ** 64, True, 1.0, 1.5, "3", [1]]


@pytest.mark.parametrize("value", BAD_IDS)
@pytest.mark.parametrize("field, where", [("doc_id", "document"), ("span_id", "span 1"), ("rel_id", "relation 1")])
def test_ids_outside_1_to_2_53_are_refused(value, field, where):
    with pytest.raises(RecordError) as caught:
        parse_object(record(**{field: value}))
    message = str(caught.value)
    assert message.startswith(f"{where}: ") and "id" in message and repr(value) in message
    if isinstance(value, int) and not isinstance(value, bool):
        assert message == f"{where}: id {value} is outside 1 to 2^53-1"


@pytest.mark.parametrize("value", [1, 2, 2 ** 53 - 1])
def test_ids_inside_the_range_are_kept(value):
    parsed = parse_object(record(doc_id=value, span_id=value, rel_id=value))
    assert parsed.document.id == parsed.spans[0].id == parsed.relations[0].id == value


def test_a_huge_span_id_is_reported_with_its_line_and_labelling_goes_on(project, tmp_path):
    bad = {"text": "云阳县脱贫。", "spans": [{"id": 2 ** 63 - 1, "start": 0, "end": 3, "label": "REGION"}]}
    good = {"text": "会泽县脱贫。", "spans": [{"id": 5, "start": 0, "end": 3, "label": "REGION"}]}
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (bad, good)) + "\n", "utf-8")
    report = import_paths(project, [path])
    assert len(report.imported) == 1 and len(report.problems) == 1
    assert str(report.problems[0]).startswith(f"{path}:1")
    assert "span 1: id 9223372036854775807 is outside 1 to 2^53-1" in str(report.problems[0])
    span = project.add_span(report.imported[0], 3, 5, "PROGRAM")
    assert span.id == 6


def test_doccano_ids_are_checked_like_native_ones(project, tmp_path):
    path = tmp_path / "d.jsonl"
    lines = [{"text": "云阳县",
              "entities": [{"id": 2 ** 63 - 1, "label": "REGION", "start_offset": 0, "end_offset": 2}]},
             {"text": "会泽县", "entities": [{"id": 3, "label": "REGION", "start_offset": 0, "end_offset": 2}],
              "relations": [{"id": 0, "from_id": 3, "to_id": 3, "type": "x"}]}]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), "utf-8")
    report = import_paths(project, [path], fmt="doccano")
    assert [str(p) for p in report.problems] == [
        f"{path}:1: span 1: id 9223372036854775807 is outside 1 to 2^53-1",
        f"{path}:2: relation 1: id 0 is outside 1 to 2^53-1"]


# 6. linear in the spans, with the output of the quadratic versions --------------------------------

def old_tokens(text, spans):
    """spacy.tokens as it was (quadratic): the reference."""
    edges = {e for s in spans for e in (s.start, s.end)}
    out = []
    for word, start, end in segment.text_words(text):
        if word.isspace() and not any(s.start < end and start < s.end for s in spans):
            continue
        cuts = sorted({start, end, *(e for e in edges if start < e < end)})
        out += list(zip(cuts, cuts[1:]))
    return out


def old_sentences(doc):
    """records.sentences as it was."""
    text, lines_only = doc.text, doc.meta.get("sentences") == "lines"
    inside = set()
    for s in doc.spans:
        inside.update(range(s.start + 1, s.end))
    cuts, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            cuts.append((start, i))
            start = i + 1
        elif not lines_only and ch in "。！？!?" and i + 1 not in inside and text[i + 1:i + 2] != "\n":
            cuts.append((start, i + 1))
            start = i + 1
    cuts.append((start, len(text)))
    bounds = [(a, b) for a, b in cuts if text[a:b].strip()]
    for span in doc.spans:
        if not any(a <= span.start and span.end <= b for a, b in bounds):
            raise ExportError(f"document {doc.id}: {span.label} {span.text!r} ({span.start}-{span.end}) runs "
                                     "across a line break; sentence-by-sentence formats cannot hold it")
    return bounds


def old_split_sentences(doc):
    for n, (a, b) in enumerate(old_sentences(doc), 1):
        spans = [Entity(s.id, s.start - a, s.end - a, s.label, s.text, s.attrs, s.origin, s.confidence)
                 for s in doc.spans if a <= s.start and s.end <= b]
        ids = {s.id for s in spans}
        yield Doc(doc.id, doc.text[a:b], {**doc.meta, "document": doc.id, "sentence": n, "offset": a}, doc.status,
                  spans, [r for r in doc.relations if r[1] in ids and r[2] in ids])


def old_bio_rows(doc, scheme):
    """Whitespace left out: each span's edges counted in the characters written before them."""
    def written(a, b):
        return sum(not ch.isspace() for ch in doc.text[a:b])
    for a, b in old_sentences(doc):
        spans = [Entity(s.id, written(a, s.start), written(a, s.start) + written(s.start, s.end), s.label, "", {}, "")
                 for s in doc.spans if a <= s.start and s.end <= b and written(s.start, s.end)]
        if written(a, b):
            yield "".join(doc.text[a:b].split()), bio.tags(written(a, b), 0, spans, scheme)


def outcome(fn, *args):
    try:
        return list(fn(*args))
    except ExportError as exc:
        return str(exc)


@st.composite
def documents(draw):
    text = draw(st.text(st.sampled_from("云阳县会泽镇脱贫。！?\n  \tab1"), min_size=1, max_size=80))
    edges = st.integers(0, len(text))
    spans = []
    for n, (a, b) in enumerate(draw(st.lists(st.tuples(edges, edges), max_size=12)), 1):
        a, b = min(a, b), max(a, b)
        if a < b:
            spans.append(Entity(n * 7, a, b, draw(st.sampled_from(["REGION", "ORG"])), text[a:b], {}, "manual"))
    spans.sort(key=lambda s: (s.start, s.end, s.id))
    ids = [s.id for s in spans]
    relations = [(r, *draw(st.tuples(st.sampled_from(ids), st.sampled_from(ids))), "in")
                 for r in range(1, draw(st.integers(0, 5)) + 1)] if ids else []
    meta = {"sentences": "lines"} if draw(st.booleans()) else {}
    return Doc(1, text, meta, "todo", spans, relations)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_spacy_tokens_are_those_of_the_quadratic_version(doc):
    assert spacy.tokens(doc.text, doc.spans) == old_tokens(doc.text, doc.spans)


@settings(max_examples=300, deadline=None)
@given(documents(), st.sampled_from(["bio", "bioes"]))
def test_sentences_and_bio_rows_are_those_of_the_quadratic_versions(doc, scheme):
    assert outcome(sentences, doc) == outcome(old_sentences, doc)
    assert outcome(split_sentences, doc) == outcome(old_split_sentences, doc)
    if all(b.start >= a.end for a, b in zip(doc.spans, doc.spans[1:])):  # BIO takes no overlaps
        assert outcome(bio.document_rows, doc, scheme) == outcome(old_bio_rows, doc, scheme)
