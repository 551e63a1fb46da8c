"""Other tools' label names (Date, Person, PER.NAM) become keys on import; a project an older version
left with such a key opens repaired; labels added and the document stored are one transaction."""
import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from annotator.cli import cli
from annotator.core.importer import import_paths
from annotator.core.model import Document, Label, Span
from annotator.core.schema import SchemaError, is_key, key_for
from annotator.core.store import Project


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def native_line(text, *spans):
    return json.dumps({"text": text, "spans": [{"start": a, "end": b, "label": label} for a, b, label in spans]},
                      ensure_ascii=False)


@pytest.mark.parametrize("name, key", [("Date", "DATE"), ("Person", "PERSON"), ("PER.NAM", "PER_NAM"),
                                       ("b-loc", "B_LOC"), ("REGION", "REGION"), ("人名", None), ("2nd", None)])
def test_foreign_label_names_and_their_keys(name, key):
    assert key_for(name) == key


@given(st.text(max_size=20))
def test_every_key_made_is_a_key_and_stays_itself(name):
    key = key_for(name)
    assert key is None or (is_key(key) and key_for(key) == key)


def test_label_studio_and_weibo_labels_are_added_as_keys_and_the_project_still_opens(tmp_path):
    data = tmp_path / "tasks.jsonl"
    data.write_text(native_line("2020年6月云阳县", (0, 7, "Date"), (7, 10, "GPE.NAM")) + "\n", encoding="utf-8")
    result = run("import", data, "--add-labels", "-p", tmp_path / "p.db")
    assert result.exit_code == 0, result.output
    assert "labels added to the schema: GPE_NAM" in result.output
    assert "Date → DATE, GPE.NAM → GPE_NAM" in result.output  # the note says what was renamed
    stats = run("stats", "--json", "-p", tmp_path / "p.db")  # failed: "'Date' must be upper-case"
    assert stats.exit_code == 0, stats.output
    assert {k: n for k, n in json.loads(stats.output)["by_label"].items() if n} == {"DATE": 1, "GPE_NAM": 1}


def test_map_renames_the_labels_of_native_jsonl(tmp_path):
    data = tmp_path / "gold.jsonl"
    data.write_text(native_line("张三在云阳县", (0, 2, "PER"), (3, 6, "LOC")) + "\n", encoding="utf-8")
    result = run("import", data, "--map", "PER=PERSON,LOC=REGION", "-p", tmp_path / "p.db")
    assert result.exit_code == 0, result.output
    with Project.open(tmp_path / "p.db") as project:
        [doc_id] = project.document_ids()
        assert [(s.text, s.label) for s in project.spans(doc_id)] == [("张三", "PERSON"), ("云阳县", "REGION")]


def test_a_label_that_cannot_be_a_key_is_refused_with_the_way_out(project, tmp_path):
    data = tmp_path / "gold.jsonl"
    data.write_text(native_line("张三来了", (0, 2, "人名")) + "\n" + native_line("李四", (0, 2, "Person")) + "\n",
                    encoding="utf-8")
    report = import_paths(project, [data], add_labels=True)
    [problem] = report.problems
    assert problem.where.endswith("gold.jsonl:1") and "人名" in problem.reason and "--map 人名=" in problem.reason
    assert len(report.imported) == 1 and report.labels_added == []  # Person is the schema's PERSON
    assert [s.label for s in project.spans(report.imported[0])] == ["PERSON"]


def test_a_bad_key_is_refused_before_anything_is_written(project):
    before = project.schema
    with pytest.raises(SchemaError, match="Date"):
        project.add_labels(["NEW", "Date"])
    assert project.schema == before


def test_labels_are_added_only_with_their_document(project, tmp_path):
    project.add_document(Document(text="云阳县脱贫"))
    data = tmp_path / "again.jsonl"  # the same text again, with a label the schema lacks
    data.write_text(native_line("云阳县脱贫", (0, 3, "COUNTY")) + "\n", encoding="utf-8")
    report = import_paths(project, [data], add_labels=True)
    assert len(report.duplicates) == 1 and report.labels_added == []
    assert project.schema.label("COUNTY") is None


def break_as_the_old_code_did(path):
    """What `import --add-labels` did before keys were checked: the label 'Date' stored in the schema
    (and, here, a span and a lexicon entry moved to it, and 'PER.NAM' beside it)."""
    with Project.open(path) as project:
        doc_id = project.add_document(Document(text="2020年6月张三"),
                                      [Span(0, 7, "DATE", "2020年6月"), Span(7, 9, "PERSON", "张三")])
        project.add_lexicon("DATE", ["今年"])
        schema = project.schema
        bad = (Label("Date", "Date", "Date", "entity", "#8C564B", "7"),
               Label("PER.NAM", "PER.NAM", "PER.NAM", "entity", "#17BECF", "8"))
        with project.session.write():
            project.schemas.write(replace(schema, labels=schema.labels + bad))
            project.db.execute("PRAGMA defer_foreign_keys = ON")
            project.db.execute("UPDATE spans SET label = 'Date' WHERE label = 'DATE'")
            project.db.execute("UPDATE spans SET label = 'PER.NAM' WHERE label = 'PERSON'")
            project.db.execute("UPDATE lexicon SET label = 'Date'")
        return doc_id


def test_a_project_left_with_bad_keys_opens_repaired_and_says_so(tmp_path):
    path = tmp_path / "p.db"
    doc_id = break_as_the_old_code_did(path)
    result = run("schema", "show", "-p", path)  # failed: "'Date' must be upper-case …"
    assert result.exit_code == 0, result.output
    assert "repaired on opening: label 'Date' merged into DATE (1 spans)" in result.output
    assert "label 'PER.NAM' renamed PER_NAM (1 spans)" in result.output
    with Project.open(path) as project:
        assert project.repairs == []  # put right once
        assert [s.label for s in project.spans(doc_id)] == ["DATE", "PER_NAM"]
        assert [k for k in (label.key for label in project.schema.labels) if k in ("Date", "PER.NAM", "PER_NAM")] == \
            ["PER_NAM"]
        assert ("DATE", "name", "今年") in project.lexicon_entries()
        [event] = [e for e in project.events() if e["action"] == "repair_label_keys"]
        assert event["after"] == {"Date": "DATE", "PER.NAM": "PER_NAM"}


def test_rejected_places_take_the_same_keys_as_spans(tmp_path):
    """A Prodigy reject with a Label Studio-style name is stored under the key its spans get."""
    import json

    from annotator.core.importer import import_paths
    from annotator.core.store import Project

    lines = [{"text": "云阳县脱贫", "answer": "accept", "spans": [{"start": 0, "end": 3, "label": "Location"}]},
             {"text": "云阳县脱贫", "answer": "reject", "spans": [{"start": 3, "end": 5, "label": "Location"}]}]
    path = tmp_path / "teach.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    project = Project.open(tmp_path / "p.db")
    report = import_paths(project, [path], add_labels=True)
    assert report.ok and report.labels_added == ["LOCATION"]
    assert [(s.label, s.text) for s in project.spans(report.imported[0])] == [("LOCATION", "云阳县")]
