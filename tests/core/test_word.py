"""Word files: .docx text in body order, properties, and clear refusals (.doc, encrypted, not a zip, zip bombs)."""
import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from annotator.core.ingest import word
from annotator.core.ingest.sources import read_file
from annotator.core.model import AnnotatorError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "word"
NOTES = FIXTURES / "nbt-review-part1-notes.docx"
DRAFT = FIXTURES / "nbt-review-part1-draft.docx"


def built(title: str = "") -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading("关于做好2020年脱贫攻坚工作的通知", 1)
    document.add_paragraph("各乡镇人民政府:")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("地区", "贫困人口", "贫困发生率"), ("云阳县", "13.4万", "")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 0).add_paragraph("(县)")
    document.add_paragraph("一、总体要求。").add_run().add_break()
    document.add_heading("二、工作措施", 2)
    paragraph = document.add_paragraph("二〇二〇年三月一日")
    paragraph.add_run("\t附件")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_part(data: bytes, name: str, change) -> bytes:
    """The same zip with one part's bytes changed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = source.read(info)
            target.writestr(info.filename, change(payload) if info.filename == name else payload)
    return out.getvalue()


def test_paragraphs_headings_and_table_rows_come_in_body_order():
    assert word.read_docx(built()).text.split("\n") == [
        "关于做好2020年脱贫攻坚工作的通知", "各乡镇人民政府:", "地区 (县) 贫困人口 贫困发生率", "云阳县 13.4万",
        "一、总体要求。", "二、工作措施", "二〇二〇年三月一日\t附件"]


def test_the_properties_title_counts_only_when_the_text_bears_it_out():
    assert word.read_docx(built("关于做好2020年脱贫攻坚工作的通知")).title == "关于做好2020年脱贫攻坚工作的通知"
    assert word.read_docx(built("（填写标准名称）")).title == ""  # a template's placeholder
    text, fields, meta = word.document_fields(built("（填写标准名称）"), ".docx")  # then the first heading
    assert fields["title"] == "关于做好2020年脱贫攻坚工作的通知" and "title" not in meta.get("guessed", [])


def test_control_characters_are_dropped_and_said_so(tmp_path):
    data = with_part(built(), "word/document.xml", lambda xml: xml.replace("总体要求".encode(), "总体\x01要\x0b求".encode()))
    assert word.read_docx(data).dropped_controls == 2
    path = tmp_path / "通知.docx"
    path.write_bytes(data)
    [record] = list(read_file(path))
    assert "一、总体要求。" in record.document.text.split("\n")
    assert record.document.meta["import_notes"] == record.notes == ["2 control characters removed from the Word text"]


def test_deleted_revisions_and_field_codes_are_not_text_but_insertions_are():
    body = ('<w:p><w:ins><w:r><w:t>新增</w:t></w:r></w:ins><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>'
            '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t xml:space="preserve">正文 </w:t></w:r></w:p>')
    data = with_part(built(), "word/document.xml", lambda xml: xml.replace(b"<w:body>", b"<w:body>" + body.encode()))
    assert word.read_docx(data).text.split("\n")[0] == "新增正文"


def test_a_real_standard_draft_reads_whole_with_each_merged_cell_once():
    """A draft industry standard (tests/fixtures/word/SOURCES.md): 266 lines, tables inline."""
    lines = word.read_docx(DRAFT.read_bytes()).text.split("\n")
    assert len(lines) == 266 and lines[4] == "中华人民共和国能源行业标准"
    assert lines.count("提供输入的安全要素") == 1  # one cell spanning six columns
    assert lines[-1].startswith("对每一纠正行动或安全改进，成本减去收益便得到其带来的价值贡献")


def test_a_real_document_imports_with_its_date(tmp_path):
    [record] = list(read_file(NOTES))
    doc = record.document
    assert doc.text.startswith("NB/T XXXX－20YY 核电厂定期安全评价 第1部分：通用要求\n编制说明")
    assert doc.text.endswith("八、其他需要说明的问题\n无")
    assert doc.published == "2023-03-01" and "published" in doc.meta["guessed"]


@pytest.mark.parametrize("data, message", [
    (b"PK\x03\x04 not really a zip", "not a zip archive"),
    ("报告正文".encode(), "not a zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptedPackage".encode("utf-16-le"), "password-protected"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Word 97-2003 document named .docx"),
])
def test_files_that_are_not_docx_are_refused_with_the_reason(tmp_path, data, message):
    with pytest.raises(word.WordError, match=message):
        word.read_docx(data)
    path = tmp_path / "报告.docx"
    path.write_bytes(data)
    [problem] = list(read_file(path))
    assert message in problem.reason


def test_doc_files_are_refused_with_the_way_out(tmp_path):
    path = tmp_path / "旧报告.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    [problem] = list(read_file(path))
    assert "save it as .docx" in problem.reason and "Word or LibreOffice" in problem.reason


def test_a_spreadsheet_named_docx_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(word.WordError, match="Excel or PowerPoint"):
        word.read_docx(out.getvalue())


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (word.MAX_PART_BYTES + 1))
    assert len(out.getvalue()) < 200_000  # 64 MB of spaces packs small
    with pytest.raises(word.WordError, match="zip bomb"):
        word.read_docx(out.getvalue())


def test_a_document_that_is_not_xml_is_refused():
    data = with_part(built(), "word/document.xml", lambda xml: xml[: len(xml) // 2])
    with pytest.raises(word.WordError, match="not well-formed"):
        word.read_docx(data)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.builds(lambda b: b"PK\x03\x04" + b, st.binary(max_size=2000)))
def test_arbitrary_bytes_give_a_result_or_a_word_error(data):
    try:
        word.read_docx(data)
    except AnnotatorError:
        pass


REAL = NOTES.read_bytes()


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(REAL) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_real_files_give_a_result_or_a_word_error(changes):
    data = bytearray(REAL)
    for at, value in changes:
        data[at] = value
    try:
        result = word.read_docx(bytes(data))
    except AnnotatorError:
        return
    assert "\x00" not in result.text


def test_without_a_title_property_or_heading_the_first_title_line_is_the_guessed_title(tmp_path):
    """Real Word reports rarely style their title: the first short line with Chinese in it is taken,
    marked as guessed; a label line (ending in a colon) is not a title."""
    document = docx.Document()
    for text in ("ICS 27.120.99", "备案号：", "北京市2024年政府工作报告", "各位代表：", "现在，我代表市人民政府向大会报告工作。"):
        document.add_paragraph(text)
    path = tmp_path / "report.docx"
    document.save(path)
    [record] = list(read_file(path))
    assert record.document.title == "北京市2024年政府工作报告" and "title" in record.document.meta["guessed"]
    assert read_file_titles(FIXTURES) == {
        "nbt-review-part1-draft.docx": "中华人民共和国能源行业标准",  # a standard's cover: its first line
        "nbt-review-part1-notes.docx": "NB/T XXXX－20YY 核电厂定期安全评价 第1部分：通用要求"}


def read_file_titles(folder):
    return {path.name: record.document.title for path in sorted(folder.glob("*.docx")) for record in read_file(path)}
