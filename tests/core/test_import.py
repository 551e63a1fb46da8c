"""Importing files: every bad input skipped with file, line and reason; the rest imports."""
import codecs
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from annotator.core.importer import import_paths
from annotator.core.ingest.decode import normalise_newlines
from annotator.core.store import Project
from tests.conftest import CORPUS

ARTICLE = "脱贫攻坚收官之年\n\n云阳县13.4万贫困群众如期脱贫。\n"


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def jsonl(*objs):
    return "\n".join(o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objs) + "\n"


def test_the_seed_corpus_gives_five_documents_with_metadata(project):
    report = import_paths(project, [CORPUS])
    assert report.ok and len(report.imported) == 5
    docs = [project.document(i) for i in report.imported]
    for doc in docs:
        assert doc.title and doc.source and doc.published, doc.file_name
        assert doc.text.strip() == doc.text
    assert [d.source for d in docs] == ["今日重庆网", "华龙网", "中共绥阳县委宣传部", "珠江网", "资阳市人民政府"]
    assert [d.published for d in docs] == ["2020-09-11T10:53", "2020-12-02T10:50:26", "2020", "2020-06-13",
                                           "2020-10-14"]
    assert docs[1].meta["guessed"] == ["title"] and docs[2].meta["guessed"] == ["published"]
    for doc in (docs[0], docs[2], docs[3], docs[4]):
        assert doc.text.startswith(doc.title + "\n"), doc.file_name
    footer = re.compile(r"Copyright|版权所有|ICP|公网安备|邮编|电话|相关推荐|相關文章|热点排行|图文推荐|分享到|主办|声明:|当前位置")
    for doc in docs:
        assert not footer.search(doc.text), (doc.file_name, footer.search(doc.text))
    assert docs[2].text.count("绥阳县:90天大冲刺,坚决夺取脱贫攻坚战全胜") == 1


def test_raw_keeps_the_whole_page(project):
    report = import_paths(project, [CORPUS / "000_37db83bcf6bbd3b4.txt"], raw=True)
    doc = project.document(report.imported[0])
    original = (CORPUS / "000_37db83bcf6bbd3b4.txt").read_text("utf-8")
    assert doc.text == original.strip("\n")
    assert doc.title == "全面小康路上一个都不少 云阳13.4万贫困群众如期脱贫"  # metadata still read


def test_reimporting_is_reported_as_duplicate_not_added(project):
    first = import_paths(project, [CORPUS])
    again = import_paths(project, [CORPUS])
    assert len(first.imported) == 5 and again.imported == [] and len(again.duplicates) == 5
    assert again.ok  # a duplicate is not an error
    assert "already in the project as document 1" in str(again.duplicates[0])
    assert len(project.document_ids()) == 5


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_encodings_and_line_endings(project, tmp_path, encoding):
    keep = "资阳\u00a0市 ＡＢＣ𠮷" if encoding != "gbk" else "资阳市 ＡＢＣ"  # GBK has no NBSP nor 𠮷
    text = ARTICLE.replace("\n", "\r\n") + keep + "\r\n"
    data = text.encode(encoding) if encoding != "utf-16" else codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    report = import_paths(project, [write(tmp_path / f"a-{encoding}.txt", data)])
    assert report.ok, report.problems
    doc = project.document(report.imported[0])
    assert "\r" not in doc.text and keep in doc.text  # NBSP, full width and astral kept
    assert doc.title == "脱贫攻坚收官之年"


def test_bad_files_are_skipped_with_reasons_and_the_rest_imports(project, tmp_path):
    folder = tmp_path / "in"
    write(folder / "good.txt", ARTICLE)
    write(folder / "sub" / "deeper" / "good2.md", "# 标题二\n\n资阳市23.6万贫困人口全部脱贫。\n")
    write(folder / "empty.txt", b"")
    write(folder / "blank.txt", "  \n\n")
    write(folder / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(folder / "latin.txt", "Déjà vu — café".encode("cp1252") * 3)
    write(folder / "big.txt", "贫" * (1024 * 1024 // 3 + 10))
    write(folder / "soup.txt", ("\ufffd" * 30 + "字").encode("utf-8"))
    write(folder / "picture.png", b"\x89PNG")  # other types inside folders are ignored
    report = import_paths(project, [folder, tmp_path / "missing.txt"], max_bytes=1024 * 1024)
    reasons = {p.where.split("/")[-1]: p.reason for p in report.problems}
    assert len(report.imported) == 2
    assert reasons == {
        "blank.txt": "empty file (only whitespace)",
        "empty.txt": "empty file",
        "binary.txt": "binary file (NUL bytes and no UTF-16 byte-order mark)",
        "latin.txt": reasons["latin.txt"],
        "big.txt": f"too large ({(folder / 'big.txt').stat().st_size:,} bytes; the limit is 1,048,576)",
        "soup.txt": reasons["soup.txt"],
        "missing.txt": "no such file or folder",
    }
    assert reasons["latin.txt"].startswith("not UTF-8, UTF-16 with BOM, GB18030 or Big5")
    assert "U+FFFD" in reasons["soup.txt"]
    titles = sorted(project.document(i).title for i in report.imported)
    assert titles == ["标题二", "脱贫攻坚收官之年"]


def test_unsupported_file_named_explicitly_is_a_problem(project, tmp_path):
    report = import_paths(project, [write(tmp_path / "report.xls", b"\xd0\xcf\x11\xe0")])
    assert [p.reason for p in report.problems] == [
        "unsupported file type '.xls'; use .doc, .docx, .htm, .html, .jsonl, .md, .pdf, .txt"]


TEXT = "资阳市23.6万贫困人口全部脱贫。"
GOOD = {"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "REGION"}]}


@pytest.mark.parametrize("line, reason", [
    ('{"text": "a"', "not valid JSON (Expecting ',' delimiter at column 13)"),
    ('["text"]', "expected a JSON object, got a list"),
    ('{"meta": {}}', "'text' is missing"),
    ('{"text": 5}', "'text' must be a string, got a number"),
    ('{"text": null}', "'text' must be a string, got null"),
    ('{"text": "  "}', "'text' is empty"),
    ('{"text": "贫困\\ud800户"}', "'text' holds a lone surrogate (U+D800) at offset 2"),
    (jsonl({"text": TEXT, "spans": [{"start": 0, "end": 99, "label": "REGION"}]}).strip(),
     "span 1: end 99 is past the end of the text (17 characters)"),
    (jsonl({"text": TEXT, "spans": [GOOD["spans"][0], {"start": 5, "end": 3, "label": "REGION"}]}).strip(),
     "span 2: start 5 is after end 3"),
    (jsonl({"text": TEXT, "spans": [{"start": -1, "end": 3, "label": "REGION"}]}).strip(),
     "span 1: start -1 is negative"),
    (jsonl({"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "REGION", "text": "资阳"}]}).strip(),
     "span 1: text '资阳' does not match the document text '资阳市' at 0-3"),
    (jsonl({"text": TEXT, "spans": [{"start": "0", "end": 3, "label": "REGION"}]}).strip(),
     "span 1: 'start' must be an integer, got '0'"),
    (jsonl({"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "PLACE"}]}).strip(),
     "labels not in the project's schema: PLACE"),
    (jsonl({"text": TEXT, "status": "finished"}).strip(), "'status' must be one of todo, in_progress, done, skipped"),
    ('{"text": "资阳市", "spans": [{"start": 0, "end": 3, "label": "REGION", "attrs": {"note": "\\udc00"}}]}',
     "a span or relation holds a lone surrogate (U+DC00)"),
])
def test_malformed_jsonl_lines_are_skipped_with_line_and_reason(project, tmp_path, line, reason):
    path = write(tmp_path / "data.jsonl", jsonl({"text": "第一篇报告。"}, line, {"text": "第三篇报告。"}))
    report = import_paths(project, [path])
    assert len(report.imported) == 2
    [problem] = report.problems
    assert problem.where == f"{path}:2"
    assert reason in problem.reason


def test_jsonl_spans_meta_and_status_are_imported(project, tmp_path):
    record = {"text": "😀𠮷\r\n" + TEXT, "status": "done", "meta": {"title": "资阳", "published": "2020", "src": "x"},
              "spans": [{"start": 4, "end": 7, "label": "REGION", "text": "资阳市"},
                        {"start": 7, "end": 12, "label": "METRIC", "attrs": {"unit": "人"}}]}
    report = import_paths(project, [write(tmp_path / "d.jsonl", jsonl(record))])
    doc = project.document(report.imported[0])
    assert doc.text == "😀𠮷\n" + TEXT and doc.status == "done" and doc.title == "资阳"
    assert doc.meta == {"src": "x"}
    spans = project.spans(doc.id)
    # CRLF became LF: offsets after it moved back by one, with the text
    assert [(s.start, s.end, s.text, s.origin) for s in spans] == [(3, 6, "资阳市", "imported"),
                                                                   (6, 11, "23.6万", "imported")]


def test_a_span_splitting_crlf_is_refused(project, tmp_path):
    record = {"text": "贫困\r\n户", "spans": [{"start": 3, "end": 5, "label": "ORG"}]}
    report = import_paths(project, [write(tmp_path / "d.jsonl", jsonl(record))])
    assert "span 1: offset 3 falls between CR and LF" in report.problems[0].reason


def test_a_jsonl_line_that_is_not_utf8_is_skipped_alone(project, tmp_path):
    data = jsonl({"text": "第一篇。"}).encode() + '{"text": "第二篇。"}\n'.encode("gbk") + jsonl({"text": "第三篇。"}).encode()
    report = import_paths(project, [write(tmp_path / "d.jsonl", data)])
    assert len(report.imported) == 2
    assert report.problems[0].where.endswith("d.jsonl:2") and "not UTF-8" in report.problems[0].reason


arbitrary_text = st.text(
    alphabet=st.one_of(st.sampled_from("云阳县\u00a0\u3000e\u0301ＡＢ𠮷😀\r\n\t 。,"),
                       st.characters(blacklist_categories=("Cs", "Cc"))),
    min_size=1, max_size=80)


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=arbitrary_text)
def test_any_text_imports_raw_character_for_character(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("any")
    path = write(folder / "any.txt", text)
    with Project.open(None) as project:
        report = import_paths(project, [path], raw=True)
        lines = normalise_newlines(text).split("\n")
        while lines and not lines[0].strip():  # raw keeps every line but blank ones at either end
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        expected = "\n".join(lines)
        if not text.strip():
            assert report.problems and not report.imported
            return
        if text.startswith("\ufeff"):
            return  # a leading BOM is an encoding mark, not text
        assert report.ok, report.problems
        assert project.document(report.imported[0]).text == expected


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=arbitrary_text, entity=st.text(alphabet="云阳县资", min_size=1, max_size=4))
def test_spans_after_astral_characters_and_crlf_keep_their_text(tmp_path_factory, prefix, entity):
    text = prefix + entity + "。"
    start = len(prefix)
    record = {"text": text, "spans": [{"start": start, "end": start + len(entity), "label": "REGION",
                                       "text": entity}]}
    path = write(tmp_path_factory.mktemp("j") / "d.jsonl", jsonl(record))
    with Project.open(None) as project:
        report = import_paths(project, [path])
        assert report.ok, report.problems
        doc = project.document(report.imported[0])
        [span] = project.spans(doc.id)
        assert doc.text[span.start:span.end] == span.text == entity
