"""HTML pages: visible text as lines, the page's metadata, nothing from scripts, navigation or footers."""
import re
from pathlib import Path

from hypothesis import given, strategies as st

from annotator.core.ingest.clean import clean_page
from annotator.core.ingest.html import html_to_text
from annotator.core.ingest.sources import read_file

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>云阳脱贫 - 今日重庆网</title>
<meta property="article:published_time" content="2020-09-11T10:53:00+08:00">
<meta property="og:site_name" content="今日重庆网">
<script>var x = "<p>脚本</p>";</script><style>p { color: red }</style></head><body>
<nav><a href="/">首页</a> &gt; <a>走向小康</a></nav>
<div class="wrap"><div class="crumb">当前位置:首页 &gt; 新闻</div>
<div class="main"><article>
  <h1>全面小康路上一个都不少</h1>
  <div class="info"><span>今日重庆网</span> <span>2020-09-11 10:53</span></div>
  <p>&nbsp;&nbsp;云阳13.4万贫困群众&lt;如期&gt;脱贫&#x4E2D;。<br>第二行<b>加粗</b>文字。</p>
  <div><div><p>泥溪晚熟柑橘产业园(云阳县委宣传部供图)</p></div></div>
  <p>编辑:陈怡璇</p>
</article>
<aside><h3>热点排行</h3><ul><li>别的新闻</li></ul></aside>
</div></div>
<footer>Copyright &copy; 2024 今日重庆</footer><div>渝ICP备12000991号-1</div>
<div><p>未闭合的段落
</body></html>"""


def lines_of(markup):
    return html_to_text(markup)[0].split("\n")


def test_visible_text_is_one_line_per_block():
    assert lines_of(PAGE) == [
        "当前位置:首页 > 新闻",  # a breadcrumb in a plain div: clean_page drops it
        "全面小康路上一个都不少",
        "今日重庆网 2020-09-11 10:53",  # inline spans stay on one line
        "\u00a0\u00a0云阳13.4万贫困群众<如期>脱贫中。",  # entities unescaped, NBSP kept as U+00A0
        "第二行加粗文字。",  # <br> breaks the line, <b> does not
        "泥溪晚熟柑橘产业园(云阳县委宣传部供图)",
        "编辑:陈怡璇",
        "渝ICP备12000991号-1",  # a plain div: left for clean_page to drop
        "未闭合的段落",
    ]


def test_scripts_styles_navigation_asides_and_footers_leave_no_text():
    text = html_to_text(PAGE)[0]
    for hidden in ("脚本", "color", "走向小康", "热点排行", "别的新闻", "Copyright", "云阳脱贫 - 今日重庆网"):
        assert hidden not in text


def test_page_metadata():
    assert html_to_text(PAGE)[1] == {"title": "全面小康路上一个都不少", "source": "今日重庆网",
                                     "published": "2020-09-11T10:53:00", "charset": "gb2312"}


def test_meta_names_common_on_chinese_sites():
    head = ('<meta charset="utf-8"><meta name="ContentSource" content="华龙网">'
            '<meta name="PubDate" content="2020-12-02 10:50:26"><title>水市乡脱贫攻坚_华龙网</title>')
    assert html_to_text(f"<html><head>{head}</head><body><p>正文。</p></body></html>")[1] == {
        "title": "水市乡脱贫攻坚", "source": "华龙网", "published": "2020-12-02T10:50:26", "charset": "utf-8"}


def test_title_preference_og_title_then_first_h1_then_title_tag():
    body = "<body><h1>第一个标题</h1><h1>第二个标题</h1><p>正文。</p></body>"
    assert html_to_text(f"<head><title>网页标题 | 某网</title></head>{body}")[1]["title"] == "第一个标题"
    og = '<meta property="og:title" content="分享标题">'
    assert html_to_text(f"<head>{og}<title>网页标题</title></head>{body}")[1]["title"] == "分享标题"
    for title in ("会泽县新闻发布会 - 珠江网", "会泽县新闻发布会_珠江网_曲靖", "会泽县新闻发布会|珠江网"):
        assert html_to_text(f"<title>{title}</title><p>正文。</p>")[1]["title"] == "会泽县新闻发布会"


def test_a_title_inside_an_svg_icon_is_not_the_page_title():
    markup = "<head><title>真正的标题</title></head><body><svg><title>图标</title></svg><p>正文。</p></body>"
    text, meta = html_to_text(markup)
    assert meta["title"] == "真正的标题" and text == "正文。"


def test_an_unparsable_date_is_left_out():
    assert "published" not in html_to_text('<meta name="pubdate" content="昨天"><p>正文。</p>')[1]


def test_malformed_html_still_gives_the_article():
    markup = ("<html><head><title>标题</title><body><div><nav>首页 栏目</div><p>第一段。<p>第二段<b>粗体<i>斜体</p>"
              "</span>第三段。<![<]><li>条目")  # never closed: head, nav, p, b, i, li; a stray </span>; a junk <![
    text, meta = html_to_text(markup)
    assert (text.split("\n"), meta) == (["第一段。", "第二段粗体斜体", "第三段。", "条目"], {"title": "标题"})


def test_an_unclosed_head_does_not_hide_the_body():
    assert html_to_text("<html><head><title>标题</title><body><p>正文。</p>")[0] == "正文。"


def test_hidden_elements_are_skipped_and_table_rows_stay_whole():
    markup = ('<div style="display: none">隐藏的</div><p hidden>也隐藏</p>'
              "<table><tr><td>发布时间:2020-10-14</td><td>来源:资阳市人民政府</td></tr><tr><td>正文。</td></tr></table>")
    assert lines_of(markup) == ["发布时间:2020-10-14 来源:资阳市人民政府", "正文。"]


def test_preformatted_text_keeps_its_line_breaks():
    assert lines_of("<pre>第一行\n  第二行</pre><p>后文</p>") == ["第一行", "第二行", "后文"]


def test_a_cleaned_html_page_starts_with_its_headline_and_has_no_footer():
    page = clean_page(html_to_text(PAGE)[0])
    lines = page.text.split("\n")
    assert lines[:2] == ["全面小康路上一个都不少", "今日重庆网 2020-09-11 10:53"]
    assert "编辑:陈怡璇" in lines and not any("ICP" in line for line in lines)
    assert (page.title, page.source, page.published) == ("全面小康路上一个都不少", "今日重庆网", "2020-09-11T10:53")


PIECES = list("<>/=\"' &;#x0123abpdivscript云阳\n!-[]?") + [
    "<p>", "</p>", "<br>", "<br/>", "<script>", "</script>", "&nbsp;", "<div", "<!", "<![", "<![CDATA[", "<!--",
    "-->", "</", "<?", "<svg>", "<title>", "<nav>", "</nav>", "<head>", "<body>", "&#", "&#x", "&#xD800;",
    "<pre>", "<td>", " hidden", " style=display:none", "<h1>"]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=200))
def test_any_markup_gives_clean_lines_and_never_raises(markup):
    text, meta = html_to_text(markup)
    lines = text.split("\n")
    assert "\r" not in text and all(line.strip() for line in lines if text)  # no empty lines
    assert all(line == line.strip(" \t") for line in lines)
    assert set(meta) <= {"title", "source", "published", "charset"}


# Inputs on which a parser that is not linear stalls for minutes (the standard library's took 108 s on
# 100 KB of "<a "); each must give the page's text.

def test_a_page_of_unclosed_tag_starts_gives_its_text(tmp_path):
    head = "<html><head><title>标题</title></head><body><p>第一段。</p>"
    never_closed = head + "<a " * 34_000  # a tag cut off by the end of the file: dropped, as browsers do
    assert len(never_closed) > 100_000
    assert html_to_text(never_closed) == ("第一段。", {"title": "标题"})
    closed = head + "<a " * 34_000 + "><p>第二段。</p></body></html>"
    assert html_to_text(closed) == ("第一段。\n第二段。", {"title": "标题"})
    path = tmp_path / "page.html"
    path.write_text(never_closed, encoding="utf-8")
    [record] = list(read_file(path, raw=True))
    assert record.document.text == "第一段。"


def test_deep_nesting_loses_nothing():
    depth = 100_000
    markup = "<p>前文。</p>" + "<div>" * depth + "<p>深处。</p>" + "</div>" * depth + "<p>后文。</p>"
    assert lines_of(markup) == ["前文。", "深处。", "后文。"]


def test_an_unclosed_comment_hides_the_rest_as_in_browsers():
    text = html_to_text("<p>正文。</p><!-- <p>注释里的段落</p><script>x()</script>\n" + "<b>" * 20_000)[0]
    assert text == "正文。"


def test_a_huge_attribute_and_a_nul_do_not_stop_the_page():
    markup = '<p>前文。</p><p title="' + "x" * 11_000_000 + '">属性后。</p><p>有\x00零。</p>'
    assert lines_of(markup) == ["前文。", "属性后。", "有\ufffd零。"]


def test_lists_of_links_after_an_article_are_left_out_unless_raw():
    markup = ('<h1><a href="/a">云阳脱贫攻坚纪实</a></h1><p>来源:<a href="/">华龙网</a></p>'
              "<p>云阳县13.4万贫困群众如期脱贫,<a href='/x'>详见</a>报道。</p>"
              "<h3>相关新闻</h3><ul><li><a href='/1'>别的新闻标题一</a></li><li>1、<a href='/2'>别的新闻标题二</a></li></ul>")
    assert lines_of(markup) == ["云阳脱贫攻坚纪实", "来源:华龙网", "云阳县13.4万贫困群众如期脱贫,详见报道。", "相关新闻",
                                "别的新闻标题一", "1、别的新闻标题二"]
    assert html_to_text(markup, link_lists=False)[0].split("\n") == [
        "云阳脱贫攻坚纪实", "来源:华龙网", "云阳县13.4万贫困群众如期脱贫,详见报道。", "相关新闻"]


SECRET = "秘密"
# Not "</" or "<!" before a comment: browsers read "</<!--…>" as one bogus comment that ends at the first ">".
MARKUP_PIECES = ["<p>", "</p>", "<div>", "<a href=x>", "</a>", "<br>", "<td>", "<tr>", "<table>", "可见", "&nbsp;", " ",
                 "\n", "<", ">", "-", "<!---->", f"<!--{SECRET}-->", f"<!-- <p>{SECRET}</p> -->", f"<!--{SECRET}--!>",
                 f"<!-- -- {SECRET} -- -->", "<script>", "</script>", "<b>", "'", '"', "="]


@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=30).map("".join),
       st.booleans())
def test_comments_never_leak_into_the_text(markup, unclosed):
    if unclosed:
        markup += f"<!-- {SECRET} <p>{SECRET}</p>"
    text, _ = html_to_text(markup)
    assert SECRET not in text and "<!--" not in text


@given(st.text(alphabet=st.characters(blacklist_characters="&"), max_size=300))
def test_any_text_without_entities_never_shows_a_comment_opener(markup):
    text, _ = html_to_text(markup)
    assert "<!--" not in text


def test_a_real_page_keeps_the_whole_law_and_drops_the_site():
    """A law as a university's site published it (tests/fixtures/html/SOURCES.md)."""
    path = FIXTURES / "sxmu-jianchafa.html"
    [record] = list(read_file(path))
    doc = record.document
    lines = doc.text.split("\n")
    assert doc.title == "中华人民共和国监察法" and doc.published.startswith("2018-")
    numbered = [line for line in lines if re.match(r"第[一二三四五六七八九十]+条", line)]
    assert len(numbered) == 69 and numbered[-1].startswith("第六十九条　本法自公布之日起施行")
    assert not any(word in doc.text for word in ("主办单位", "添加收藏夹", "设为首页"))


def test_a_source_label_and_a_template_email_are_not_taken_as_the_source():
    page = ('<html><head><meta name="author" content="name, email@gmail.com"><meta name="publisher" content="EETOP">'
            '<meta name="source" content="来源：人民网-文化频道"></head><body><p>正文。</p></body></html>')
    assert html_to_text(page)[1]["source"] == "人民网-文化频道"
    assert html_to_text(page.replace('<meta name="source" content="来源：人民网-文化频道">', ""))[1]["source"] == "EETOP"
