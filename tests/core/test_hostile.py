"""Whatever users bring, import never crashes, never hangs and never changes text silently: each bad
record is skipped with its file, line and reason, and the rest of the run goes in."""
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from annotator.core.importer import import_paths
from annotator.core.ingest import limits
from annotator.core.schema import SchemaError, load_schema
from annotator.core.store import Project
from tests.conftest import ROOT

ENCODINGS = ROOT / "tests" / "fixtures" / "encodings"
GOOD = {"text": "资阳市脱贫攻坚取得决定性成就。", "spans": [{"start": 0, "end": 3, "label": "REGION"}]}


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def only_problem(report):
    assert len(report.problems) == 1, report.problems
    return report.problems[0]


def assert_spans_match(project: Project) -> None:
    for doc_id in project.document_ids():
        text = project.text(doc_id)
        assert limits.first_control(text) < 0
        for span in project.spans(doc_id):
            assert text[span.start:span.end] == span.text


# --- each failure that reached users as "unexpected error" -------------------------------------

@pytest.mark.parametrize("name, content, reason", [
    ("deep.jsonl", '{"text": "云阳县", "meta": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}",
     "nested more than 64 levels deep"),
    ("digits.jsonl", '{"text": "云阳县", "meta": {"n": ' + "7" * 5000 + "}}", "a number of 5,000 digits (at most 100)"),
    ("id.jsonl", line({"id": 2 ** 63, "text": "云阳县"}), "id 9223372036854775808 is outside 1 to 2^53-1"),
    ("nan.jsonl", '{"text": "云阳县", "meta": {"score": NaN}}', "NaN is not JSON"),
    ("infinity.jsonl", '{"text": "云阳县", "meta": {"score": -Infinity}}', "-Infinity is not JSON"),
    ("huge.jsonl", '{"text": "云阳县", "meta": {"score": 1e999}}', "the number 1e999 is too large for a float"),
    ("nul.jsonl", line({"text": "云阳\u0000县"}), "the text holds a control character U+0000 (NUL) at line 1, column 3"),
    ("meta.jsonl", line({"text": "云阳县", "meta": {"title": "a\u001bb"}}), "title holds a control character U+001B (ESC)"),
    ("doccano.jsonl", line({"text": "云阳县", "entities": [[0, 3]]}), "entity 1: expected an object or [start, end, label]"),
    ("doccano-rel.jsonl", line({"text": "云阳县", "entities": [], "relations": {"a": 1}}),
     "'relations' must be a list"),
    ("spacy.jsonl", line({"text": "云阳县", "tokens": [], "spans": [{"start": 0, "end": 3, "label": ["REGION"]}]}),
     "span 1: 'label' must be a non-empty string"),
    ("spacy-meta.jsonl", line({"text": "云阳县", "tokens": [], "spans": [], "meta": [1]}), "'meta' must be an object"),
    ("studio.json", line([{"data": {"text": "云阳县"}, "annotations": [{"result": [{"type": "labels", "value": [1]}]}]}]),
     "result 1: 'value' must be an object"),
    ("studio-labels.json", line([{"data": {"text": "云阳县"}, "annotations": [
        {"result": [{"type": "labels", "value": {"start": 0, "end": 3, "labels": "REGION"}}]}]}]),
     "result 1: 'labels' must be a list of strings"),
    ("studio-annotations.json", line([{"data": {"text": "云阳县"}, "annotations": "x"}]),
     "the task's 'annotations' must be a list"),
])
def test_each_bad_record_is_named_with_its_line_and_the_good_ones_go_in(project, tmp_path, name, content, reason):
    path = write(tmp_path / name, content + "\n")
    later = write(tmp_path / "later.jsonl", line(GOOD) + "\n")
    report = import_paths(project, [path, later])
    problem = only_problem(report)
    assert problem.where in (f"{path}:1", f"{path}[0]")
    assert reason in problem.reason
    assert len(report.imported) == 1 and project.text(report.imported[0]) == GOOD["text"]


@pytest.mark.parametrize("ann, reason", [
    ("T1\tREGION 0 " + "9" * 5000 + "\t云阳县\n", "(5,020 characters) (an offset must be a number of at most 100 digits)"),
    # the text after the offsets is what the annotator saw: another place there means shifted offsets
    ("T1\tREGION 0 3\t曲靖市\n", "line 1: T1 REGION says '曲靖市' but the .txt has '云阳县' at 0 3"),
    ("T1\tREGION 0 3\t云阳县\nT1\tREGION 0 1\t云\n", "line 2: id T1 is used twice (first on line 1)"),
    ("T1\tREGION 0 9\t云阳县\n", "line 1: T1 REGION 0 9 is past the end of the .txt (3 characters)"),
    ("T1\n", "line 1: cannot read 'T1' (too few tab- or space-separated fields)"),
])
def test_bad_brat_files_are_named_with_line_and_reason(project, tmp_path, ann, reason):
    write(tmp_path / "brat" / "a.txt", "云阳县")
    write(tmp_path / "brat" / "a.ann", ann)
    write(tmp_path / "brat" / "b.txt", "资阳市")
    write(tmp_path / "brat" / "b.ann", "T1\tREGION 0 3\t资阳市\n")
    report = import_paths(project, [tmp_path / "brat"])
    problem = only_problem(report)
    assert problem.where == str(tmp_path / "brat" / "a.ann") and reason in problem.reason
    assert len(problem.reason) < 300
    assert [project.text(i) for i in report.imported] == ["资阳市"]


def test_a_brat_attribute_too_large_for_a_float_stays_text(project, tmp_path):
    project.add_labels(["THING"])
    write(tmp_path / "brat" / "a.txt", "云阳县")
    write(tmp_path / "brat" / "a.ann", "T1\tTHING 0 3\t云阳县\nA1\tnote T1 1e999\n")
    report = import_paths(project, [tmp_path / "brat"])
    assert report.ok, report.problems
    [span] = project.spans(report.imported[0])
    assert span.attrs == {"note": "1e999"}


def test_a_nul_byte_in_a_bio_file_names_its_line_and_the_other_sentences_go_in(project, tmp_path):
    path = write(tmp_path / "data.bio", "云\tB-REGION\n阳\tI-REGION\n\n" * 3000 + "好\tO\n\x00\tO\n\n资\tO\n")
    report = import_paths(project, [path])
    problem = only_problem(report)
    assert problem.where == f"{path}:9002"
    assert "U+0000 (NUL)" in problem.reason
    assert_spans_match(project)
    assert len(report.imported) + len(report.duplicates) == 16  # 3,001 good sentences, 200 a document


def test_a_binary_bio_file_is_one_problem_and_the_next_file_goes_in(project, tmp_path):
    bad = write(tmp_path / "a.bio", b"a\tO\n\x00\tO\n")
    good = write(tmp_path / "b.bio", "云\tB-REGION\n阳\tI-REGION\n")
    report = import_paths(project, [bad, good])
    assert only_problem(report).where == str(bad)
    assert "binary file" in report.problems[0].reason and len(report.imported) == 1


def test_a_hugging_face_token_that_is_not_a_string_is_refused(project, tmp_path):
    path = write(tmp_path / "hf.jsonl", line({"tokens": [["云"]], "ner_tags": ["O"]}) + "\n"
                 + line({"tokens": ["云", "阳"], "ner_tags": ["B-REGION", "I-REGION"]}) + "\n")
    report = import_paths(project, [path], fmt="hf")
    assert only_problem(report).where == f"{path}:1" and "token 1 must be a string" in report.problems[0].reason
    assert [project.text(i) for i in report.imported] == ["云阳"]


# --- limits ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, record", [
    ("reports", {"text": "云阳县" * 100}),
    ("doccano", {"text": "云阳县" * 100, "entities": []}),
    ("spacy", {"text": "云阳县" * 100, "tokens": [], "spans": []}),
    ("hf", {"tokens": list("云阳县" * 100), "ner_tags": ["O"] * 300}),
])
def test_an_over_long_line_is_refused_by_its_length_in_every_line_format(project, tmp_path, fmt, record):
    path = write(tmp_path / "data.jsonl", line(record) + "\n" + line({"text": "短", "tokens": ["短"], "ner_tags": ["O"],
                                                                      "entities": [], "spans": []}) + "\n")
    report = import_paths(project, [path], fmt=fmt, max_bytes=500)
    problem = only_problem(report)
    assert problem.where == f"{path}:1"
    assert problem.reason.startswith("line too large (") and "the limit is 500" in problem.reason
    assert len(report.imported) == 1


def test_files_past_the_file_limits_are_refused_before_they_are_read(project, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(limits, "MAX_WHOLE_BYTES", 500)
    lines = write(tmp_path / "lines.jsonl", (line({"text": "云阳县"}) + "\n") * 100)
    array = write(tmp_path / "tasks.json", line([{"data": {"text": "云阳县" * 100}, "annotations": []}]))
    report = import_paths(project, [lines, array])
    reasons = {Path(p.where).name: p.reason for p in report.problems}
    assert reasons["lines.jsonl"].startswith(f"file too large ({lines.stat().st_size:,} bytes; the limit is 1,000)")
    assert reasons["tasks.json"].startswith(f"file too large ({array.stat().st_size:,} bytes; the limit is 500)")


def test_ids_outside_the_safe_range_are_refused_in_exchange_formats_too(project, tmp_path):
    path = write(tmp_path / "d.jsonl", line({"text": "云阳县", "entities": [
        {"id": 2 ** 64, "label": "REGION", "start_offset": 0, "end_offset": 3}]}) + "\n")
    report = import_paths(project, [path])
    assert "id 18446744073709551616 is outside 1 to 2^53-1" in only_problem(report).reason


# --- text ------------------------------------------------------------------------------------------

def test_a_short_plain_text_report_imports_as_it_is(project, tmp_path):
    report = import_paths(project, [write(tmp_path / "note.txt", "hello 云阳县\n")])
    assert report.ok, report.problems
    assert project.text(report.imported[0]) == "hello 云阳县"  # the trailing line break is not kept (ADR 0014)


def test_a_control_character_in_a_text_file_names_its_line(project, tmp_path):
    path = write(tmp_path / "r.txt", "云阳县脱贫攻坚取得决定性成就。\n第二行\x08有退格。\n")
    report = import_paths(project, [path])
    problem = only_problem(report)
    assert problem.where == f"{path}:2" and "U+0008 (backspace) at column 4" in problem.reason


def test_page_breaks_become_line_breaks_and_spans_keep_their_offsets(project, tmp_path):
    text = "第一页\f第二页\v完"
    record = {"text": text, "spans": [{"start": 4, "end": 7, "label": "REGION", "text": "第二页"}]}
    report = import_paths(project, [write(tmp_path / "d.jsonl", line(record) + "\n")])
    assert report.ok, report.problems
    assert project.text(report.imported[0]) == "第一页\n第二页\n完"
    assert_spans_match(project)


def test_jsonl_text_is_stored_exactly_with_its_trailing_newline(project, tmp_path):
    report = import_paths(project, [write(tmp_path / "d.jsonl", line({"text": "云阳县\n"}) + "\n")])
    assert project.text(report.imported[0]) == "云阳县\n"


# --- encodings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, reason", [
    ("shift-jis.txt", "looks like Japanese text (Shift-JIS), not Chinese"),
    ("euc-jp.txt", "looks like Japanese text (EUC-JP), not Chinese"),
    ("euc-kr.txt", "looks like Korean text (EUC-KR), not Chinese"),
])
def test_japanese_and_korean_files_are_refused_naming_their_encoding(project, name, reason):
    report = import_paths(project, [ENCODINGS / name])
    assert only_problem(report).reason.startswith(reason)


def test_a_big5_report_imports_as_the_text_it_is(project):
    path = ENCODINGS / "big5.txt"
    report = import_paths(project, [path], raw=True)
    assert report.ok, report.problems
    assert project.text(report.imported[0]) == path.read_bytes().decode("big5").replace("\r\n", "\n").strip("\n")


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").glob("*.txt"))
                         + sorted((ROOT / "tests" / "fixtures" / "reports").glob("*.txt")), ids=lambda p: p.name)
def test_chinese_reports_in_gb18030_are_never_refused_whole_or_line_by_line(project, tmp_path, path):
    text = path.read_text("utf-8")
    report = import_paths(project, [write(tmp_path / path.name, text.encode("gb18030"))], raw=True)
    assert report.ok, report.problems
    from annotator.core.ingest.charsets import guess
    for one in filter(str.strip, text.split("\n")):
        assert guess(one.encode("gb18030")) == ("gb18030", "Chinese"), one


# --- the schema file ----------------------------------------------------------------------------

def test_a_yaml_alias_bomb_is_refused_at_once_with_a_short_message(tmp_path):
    rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi")]
    path = write(tmp_path / "bomb.yaml", "\n".join(rows) + "\nname: *i\n")
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    assert "line 2, column 8: YAML aliases (*name) are not allowed" in str(caught.value)
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize("name, content", [("deep.yaml", "a: " + "[" * 5000 + "]" * 5000),
                                           ("deep.toml", "a = " + "[" * 5000 + "]" * 5000)])
def test_deeply_nested_schemas_are_refused(tmp_path, name, content):
    with pytest.raises(SchemaError, match="nested"):
        load_schema(write(tmp_path / name, content))


def test_schema_messages_quote_long_values_short(tmp_path):
    path = write(tmp_path / "s.yaml", "name: x\nlabels:\n  - key: " + "a" * 100_000 + "\n    layer: entity\n")
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    assert all(len(problem) < 400 for problem in str(caught.value).split("\n"))


# --- anything at all ----------------------------------------------------------------------------

FORMATS = [("r.txt", "reports"), ("r.md", "reports"), ("r.html", "reports"), ("r.jsonl", "reports"),
           ("r.pdf", "reports"), ("r.docx", "reports"),
           ("r.bio", "bio"), ("r.jsonl", "hf"), ("r.jsonl", "doccano"), ("r.jsonl", "spacy"),
           ("r.json", "labelstudio"), ("r.ann", "brat")]
_settings = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])


def _import_all(tmp_path: Path, name: str, fmt: str, data: bytes, counter=[0]) -> None:
    counter[0] += 1
    folder = tmp_path / f"case{counter[0]}"
    path = write(folder / name, data)
    if fmt == "brat":
        write(folder / "r.txt", "云阳县资阳市" * 3)
    good = write(folder / "zz-good.jsonl", line(GOOD) + "\n")
    with Project.open(folder / "p.db") as project:
        report = import_paths(project, [path, good], fmt="auto" if fmt == "reports" else fmt, add_labels=True)
        assert not any("could not be" in p.reason for p in report.problems), report.problems
        if fmt == "reports":  # the good file after whatever came before it
            assert any(project.text(i) == GOOD["text"] for i in report.imported)
        assert_spans_match(project)


@_settings
@given(data=st.binary(max_size=400), which=st.sampled_from(FORMATS))
def test_arbitrary_bytes_never_crash_any_reader(tmp_path, data, which):
    _import_all(tmp_path, *which, data)


_text = st.text(st.characters(codec=None, blacklist_categories=()), max_size=12) | st.sampled_from(
    ["云阳县", "𠮷😀", "\ud800", "\x00", "a\x1bb", "\r\n", "REGION", "B-REGION", "I-REGION", "O"])
_number = st.integers(-2 ** 70, 2 ** 70) | st.floats(allow_nan=True, allow_infinity=True) | st.integers(-5, 20)
_keys = st.sampled_from(["text", "data", "meta", "spans", "entities", "relations", "label", "labels", "tokens",
                         "ner_tags", "start", "end", "start_offset", "end_offset", "id", "from_id", "to_id", "type",
                         "value", "result", "annotations", "predictions", "status", "attrs", "source", "target",
                         "title"]) | _text
_json = st.recursive(st.none() | st.booleans() | _number | _text,
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=5),
                     max_leaves=25)


@_settings
@given(value=_json, text=_text, which=st.sampled_from([w for w in FORMATS if w[1] not in ("bio", "brat")
                                                                    and w[0] not in ("r.pdf", "r.docx")]))
def test_arbitrary_json_never_crashes_any_reader(tmp_path, value, text, which):
    name, fmt = which
    record = value if not isinstance(value, dict) else {"text": text, **value}
    for shaped in (value, record):
        body = json.dumps([shaped] if name.endswith(".json") else shaped, ensure_ascii=False)
        _import_all(tmp_path, name, fmt, body.encode("utf-8", "surrogatepass") + b"\n")


def test_json_numbers_past_the_limits_never_reach_the_store():
    from annotator.core.ingest.strict_json import JsonError, loads
    for text in ("1" * 101, "1e400", "-1e400", "NaN", "Infinity", "[" * 65 + "]" * 65):
        with pytest.raises(JsonError):
            loads(text)
    assert loads("[" * 64 + "]" * 64) and math.isfinite(loads("1e308"))


def test_a_doccano_offset_that_is_not_a_number_is_named_once(project, tmp_path):
    path = write(tmp_path / "d.jsonl", '{"text": "云阳县", "entities": [{"start_offset": "x", "end_offset": 3, '
                                       '"label": "REGION"}]}\n')
    [problem] = import_paths(project, [path], fmt="doccano").problems
    assert problem.reason == "entity 1: start_offset must be an integer, got 'x'"
