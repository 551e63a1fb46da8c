"""PDF reports: text in reading order, paragraphs whole, page furniture gone, bad files refused."""
import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from annotator.core.importer import import_paths
from annotator.core.ingest.pdf import PdfError, pdf_to_page
from annotator.core.model import AnnotatorError
from annotator.core.store import Project
from tests.core.pdf_maker import lines, make_pdf

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pdf"
ZHOUKOU = FIXTURES / "zhoukou-2023-p1-4.pdf"   # statistical bulletin, pages 1-4, page numbers "- 1 -"
BEIJING = FIXTURES / "beijing-2024.pdf"        # government work report, 13 pages, no title in the text
ENCRYPTED = FIXTURES / "encrypted.pdf"


@pytest.fixture(scope="module")
def zhoukou():
    return pdf_to_page(ZHOUKOU.read_bytes())


@pytest.fixture(scope="module")
def beijing():
    return pdf_to_page(BEIJING.read_bytes())


def paragraph_with(result, needle):
    """(paragraph, page it starts on) of the paragraph holding `needle`."""
    for (offset, page), para in zip(result.pages, result.text.split("\n")):
        if needle in para:
            return para, page
    raise AssertionError(f"{needle!r} not in the text")


def test_a_statistical_bulletin_reads_as_its_paragraphs(zhoukou):
    text = zhoukou.text
    assert text.startswith("2023年周口市国民经济和社会发展统计公报\n周口市统计局\n2024年4月29日\n2023年，面对国内外")
    assert (zhoukou.title, zhoukou.source, zhoukou.published, zhoukou.guessed) == (
        "2023年周口市国民经济和社会发展统计公报", "周口市统计局", "2024-04-29", ())
    # a paragraph's lines are one line; a number split by the page break 3/4 is whole again
    para, page = paragraph_with(zhoukou, "牛奶产量4.32万吨，增长10.9%。")
    assert page == 3 and para.startswith("全年全市生猪出栏量745.02万头")
    assert "年末全市常住人口866.60万人。其中，城镇人口392.66万人" in text
    assert "\n一、综合\n" in text  # the letter-spaced heading 一、综  合
    # table rows keep their columns apart
    assert "\n其中：城镇 392.66 45.31\n" in text


def test_page_numbers_and_the_furniture_are_gone_and_nothing_else(zhoukou):
    assert not re.search(r"^\s*-\s*\d+\s*-\s*$", zhoukou.text, re.M)
    chars = re.sub(r"\s", "", zhoukou.text)
    assert len(chars) > 2000
    # no space between Chinese characters or inside a number outside table rows
    for para in zhoukou.text.split("\n"):
        if para.count(" ") == 0:
            continue
        assert re.match(r"^\S+( \S+)+$", para) and len(para) < 60, para  # a table row or a caption


def test_each_paragraph_knows_its_page(zhoukou, beijing):
    for result in (zhoukou, beijing):
        paras = result.text.split("\n")
        assert len(result.pages) == len(paras)
        assert [page for _, page in result.pages] == sorted(page for _, page in result.pages)
        for (offset, page), para in zip(result.pages, paras):
            assert result.text[offset:offset + len(para)] == para
            assert offset == 0 or result.text[offset - 1] == "\n"
            assert 1 <= page <= result.page_count
    assert paragraph_with(zhoukou, "表3 2023年周口市主要农产品产量及增速")[1] == 4
    assert paragraph_with(zhoukou, "全年全市居民消费价格（CPI）涨幅与上年持平")[1] == 2
    assert zhoukou.page_count == 4 and beijing.page_count == 13


def test_a_work_report_keeps_whole_sentences_across_page_breaks(beijing):
    para, page = paragraph_with(beijing, "有序处置重点企业风险，监管预付式资金")
    assert page == 3
    # every long paragraph ends a sentence: no paragraph was cut at a line or page break
    for para in beijing.text.split("\n"):
        if len(para) > 40:
            assert re.search(r"[。！？：；”]$", para), para[-30:]
    assert "各位代表：" in beijing.text and "\n\n" not in beijing.text
    # no title in the text and none in the metadata: guessed, and so is the date (the file's creation)
    assert beijing.published == "2024-02-08" and set(beijing.guessed) == {"title", "published"}
    assert beijing.title.startswith("现在，我代表北京市人民政府")  # the lead sentence, not the salutation 各位代表：


def test_characters_are_kept_as_printed(zhoukou):
    assert "（CPI）" in zhoukou.text  # full-width brackets, no NFKC
    assert "‰" in zhoukou.text and "\r" not in zhoukou.text


def test_running_headers_control_characters_and_page_numbers_are_dropped():
    texts = ["全年全市地区生产总值增长百分之五，城镇新增就业七万人，居民收入稳步提高，各项社会事业全面进步。",
             "粮食总产量再创新高，畜牧业生产平稳，农村居民人均可支配收入增长较快，乡村振兴取得新成效。",
             "规模以上工业增加值稳步增长，高新技术产业发展势头良好，建筑业总产值继续\x02扩大。"]
    pages = [[(200, 800, "某某市统计局年度公报"), (280, 40, f"第{n}页")] + lines(t, top=740)
             for n, t in enumerate(texts, start=1)]
    result = pdf_to_page(make_pdf(pages))
    assert result.text.split("\n") == [t.replace("\x02", "") for t in texts]
    assert result.pages == [[0, 1], [len(texts[0]) + 1, 2], [len(texts[0]) + len(texts[1]) + 2, 3]]
    assert result.notes == ["1 control character dropped"]


def test_the_import_says_what_was_dropped(tmp_path):
    """A changed report is imported and the summary says what changed: the CLI prints it as a note."""
    from click.testing import CliRunner

    from annotator.cli import cli

    (tmp_path / "ctl.pdf").write_bytes(make_pdf([lines("建筑业总产值继续\x02扩大。", top=740)]))
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [tmp_path / "ctl.pdf"])
        assert report.ok and len(report.imported) == 1
        assert [str(n) for n in report.notes] == [f"{tmp_path / 'ctl.pdf'}: 1 control character dropped"]
        assert project.document(report.imported[0]).meta["import_notes"] == ["1 control character dropped"]
    result = CliRunner().invoke(cli, ["import", "-p", str(tmp_path / "q.db"), str(tmp_path / "ctl.pdf")])
    assert result.exit_code == 0 and "note: " in result.stderr and "1 control character dropped" in result.stderr


def scanned_pdf() -> bytes:
    """A page of the real bulletin as an image only, as a scanner writes it."""
    import pypdfium2 as pdfium
    source = pdfium.PdfDocument(ZHOUKOU.read_bytes())
    bitmap = source[0].render(scale=0.5)
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    image = pdfium.PdfImage.new(doc)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
    page.insert_obj(image)
    page.gen_content()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("data, message", [
    (lambda: scanned_pdf(), "no text layer: the PDF is scanned images; run OCR"),
    (lambda: ENCRYPTED.read_bytes(), "encrypted PDF (password protected)"),
    (lambda: ZHOUKOU.read_bytes()[:len(ZHOUKOU.read_bytes()) // 2], "truncated PDF"),
    (lambda: "2023年周口市国民经济和社会发展统计公报".encode(), "not a PDF"),
    (lambda: b"", "empty file"),
    (lambda: b"%PDF-1.7\n" + bytes(300) + b"\n%%EOF\n", "damaged PDF"),
])
def test_files_that_cannot_be_read_are_refused_with_the_reason(data, message):
    with pytest.raises(PdfError, match=re.escape(message)):
        pdf_to_page(data())


def test_limits_keep_one_file_from_holding_the_import():
    with pytest.raises(PdfError, match="too many pages"):
        pdf_to_page(ZHOUKOU.read_bytes(), max_pages=3)
    with pytest.raises(PdfError, match="took too long"):
        pdf_to_page(ZHOUKOU.read_bytes(), max_seconds=0)


def _result_or_refusal(data: bytes) -> None:
    try:
        result = pdf_to_page(data)
    except AnnotatorError:
        return
    assert isinstance(result.text, str) and not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", result.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.booleans())
def test_arbitrary_bytes_give_a_text_or_a_refusal(data, framed):
    _result_or_refusal(b"%PDF-1.4\n" + data + b"\n%%EOF\n" if framed else data)


_REAL = make_pdf([lines("全年全市地区生产总值增长百分之五，城镇新增就业七万人。" * 3)])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_REAL) - 1), st.integers(0, 255)), min_size=1, max_size=20),
       st.integers(0, len(_REAL)))
def test_mutated_pdfs_give_a_text_or_a_refusal(changes, cut):
    data = bytearray(_REAL)
    for at, value in changes:
        data[at] = value
    _result_or_refusal(bytes(data[:cut]) + b"\n%%EOF\n")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, ZHOUKOU.stat().st_size - 1), st.integers(0, 255)), min_size=1,
                max_size=50))
def test_mutated_real_reports_give_a_text_or_a_refusal(changes):
    data = bytearray(ZHOUKOU.read_bytes())
    for at, value in changes:
        data[at] = value
    _result_or_refusal(bytes(data))


def test_import_stores_the_report_and_reports_the_refusals(project, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zhoukou.pdf").write_bytes(ZHOUKOU.read_bytes())
    (folder / "locked.pdf").write_bytes(ENCRYPTED.read_bytes())
    (folder / "notes.pdf").write_text("这不是PDF", encoding="utf-8")
    report = import_paths(project, [folder])
    assert len(report.imported) == 1
    assert sorted((Path(p.where).name, p.reason.split(" (")[0].split(":")[0]) for p in report.problems) == [
        ("locked.pdf", "encrypted PDF"), ("notes.pdf", "not a PDF")]
    doc = project.document(report.imported[0])
    expected = pdf_to_page(ZHOUKOU.read_bytes())
    assert doc.text == expected.text and doc.file_name == "zhoukou.pdf"
    assert (doc.title, doc.source, doc.published) == ("2023年周口市国民经济和社会发展统计公报", "周口市统计局", "2024-04-29")
    assert doc.meta["pages"] == expected.pages and doc.meta["page_count"] == 4
    offset, page = doc.meta["pages"][-1]
    assert doc.text[offset:].startswith("全年全市规模以上工业增加值增长5.0%") and page == 4
    again = import_paths(project, [folder / "zhoukou.pdf"])
    assert not again.imported and len(again.duplicates) == 1
