"""HTML pages: visible text as lines, the page's metadata, nothing from scripts or navigation."""
from hypothesis import given, strategies as st

from annotator.core.ingest.clean import clean_page
from annotator.core.ingest.html import html_to_text

PAGE = """<!DOCTYPE html><html><head><meta charset="gbk"><title>云阳脱贫 - 今日重庆网</title>
<meta property="article:published_time" content="2020-09-11T10:53:00+08:00">
<meta property="og:site_name" content="今日重庆网">
<script>var x = "<p>脚本</p>";</script><style>p { color: red }</style></head><body>
<nav><a href="/">首页</a> &gt; <a>走向小康</a></nav>
<div class="crumb">当前位置:首页 &gt; 新闻</div>
<article><h1>全面小康路上一个都不少</h1><p>&nbsp;&nbsp;云阳13.4万贫困群众&lt;如期&gt;脱贫&#x4E2D;。<br>第二行<b>加粗</b>文字。</p>
<p>编辑:陈怡璇</p></article><footer>Copyright © 2024 今日重庆</footer><div>渝ICP备12000991号-1</div>
<div><p>未闭合的段落
</body></html>"""


def test_visible_text_one_line_per_block():
    text, _ = html_to_text(PAGE)
    lines = [line for line in text.split("\n") if line]
    assert "全面小康路上一个都不少" in lines
    assert "\u00a0\u00a0云阳13.4万贫困群众<如期>脱贫中。" in lines  # entities unescaped, NBSP kept
    assert "第二行加粗文字。" in lines  # inline tags do not break lines
    assert not any("脚本" in line or "color" in line or "走向小康" in line or "Copyright" in line for line in lines)


def test_page_metadata():
    _, meta = html_to_text(PAGE)
    assert meta == {"title": "全面小康路上一个都不少", "source": "今日重庆网", "published": "2020-09-11T10:53:00",
                    "charset": "gbk"}


def test_title_falls_back_to_the_title_tag_without_site_suffix():
    _, meta = html_to_text("<html><head><title>会泽县脱贫攻坚新闻发布会_珠江网</title></head><body><p>正文。</p></body></html>")
    assert meta["title"] == "会泽县脱贫攻坚新闻发布会"


def test_cleaned_html_page():
    p = clean_page(html_to_text(PAGE)[0])
    assert p.text.split("\n")[0] == "全面小康路上一个都不少"
    assert "ICP" not in p.text and "当前位置" not in p.text and "编辑:陈怡璇" in p.text


PIECES = list("<>/=\"' &;#x0123abpdivscript云阳\n") + ["<p>", "</p>", "<br>", "<script>", "&nbsp;", "<div"]


@given(st.lists(st.sampled_from(PIECES)).map("".join))
def test_malformed_html_never_raises(markup):
    text, meta = html_to_text(markup)
    assert isinstance(text, str) and isinstance(meta, dict)
