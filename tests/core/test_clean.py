"""Scraped pages: headline first, dateline and bylines kept, navigation and footers gone, no character altered."""
import re

import pytest
from hypothesis import given, strategies as st

from annotator.core.ingest.clean import clean_page
from tests.conftest import CORPUS

SEEDS = sorted(CORPUS.glob("*.txt"))
# The seeds use ASCII ':,()!' where other pages use full-width forms; written as escapes so no editor folds them.
FW_COLON, FW_COMMA, FW_LPAREN, FW_RPAREN = "\uff1a", "\uff0c", "\uff08", "\uff09"
FOOTER_MARKERS = re.compile(
    r"Copyright|©|版权所有|未经.*授权|ICP|公网安备|许可证|网站标识码|地址[:\uff1a]|邮编|电话|主办[:\uff1a]|承办[:\uff1a]|"
    r"总编|声明[:\uff1a]|分享到|相关推荐|相关文章|相關文章|图文推荐|热点排行|精彩文章|热门推荐|^往期$|^推荐$|^[•●·▪]|"
    r"当前位置|^返回$|^顶部$|^全 部$|^首页 >|政府信息公开|^资阳市人民政府$|^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$", re.M)


def page(n):
    return clean_page(SEEDS[n].read_text("utf-8"))


def lines(n):
    return page(n).text.split("\n")


# title, source, published, guessed, first line, end of the last line
EXPECTED = [
    ("全面小康路上一个都不少 云阳13.4万贫困群众如期脱贫", "今日重庆网", "2020-09-11T10:53", (),
     "全面小康路上一个都不少 云阳13.4万贫困群众如期脱贫", "编辑:陈怡璇"),
    ("今年以来,以开展“百日大会战”“收官大决战”和“十大”专项行动为统揽", "华龙网", "2020-12-02T10:50:26", ("title",),
     "时间:2020-12-02 10:50:26来源:华龙网", "力争有效果出经验。"),
    ("绥阳县:90天大冲刺,坚决夺取脱贫攻坚战全胜", "中共绥阳县委宣传部", "2020", ("published",),
     "绥阳县:90天大冲刺,坚决夺取脱贫攻坚战全胜", "全媒体记者:姚浩"),
    ("曲靖市举行“决胜全面小康 决战脱贫攻坚”会泽专场新闻发布会", "珠江网", "2020-06-13", (),
     "曲靖市举行“决胜全面小康 决战脱贫攻坚”会泽专场新闻发布会", "向全县人民交出一份合格答卷!"),
    ("决胜脱贫攻坚 圆梦全面小康--我市脱贫攻坚工作综述", "资阳市人民政府", "2020-10-14", (),
     "决胜脱贫攻坚 圆梦全面小康--我市脱贫攻坚工作综述", "(记者 王继)"),
]


@pytest.mark.parametrize("n", range(5))
def test_seed_metadata_first_and_last_line(n):
    title, source, published, guessed, first_line, last_end = EXPECTED[n]
    p = page(n)
    assert (p.title, p.source, p.published, p.guessed) == (title, source, published, guessed)
    assert lines(n)[0] == first_line
    assert lines(n)[-1].endswith(last_end)


@pytest.mark.parametrize("n", range(5))
def test_no_navigation_or_footer_line_survives(n):
    assert FOOTER_MARKERS.findall(page(n).text) == []


@pytest.mark.parametrize("n", range(5))
def test_every_kept_line_is_part_of_a_page_line(n):
    raw_lines = SEEDS[n].read_text("utf-8").split("\n")
    for line in lines(n):
        assert any(line in raw for raw in raw_lines), line


@pytest.mark.parametrize("n", range(5))
def test_blank_lines_are_single_and_never_at_the_edges(n):
    text = page(n).text
    assert "\n\n\n" not in text and text == text.strip()


@pytest.mark.parametrize("n, dateline", [
    (0, "今日重庆网 2020-09-11 10:53"),  # its bullet "• " stripped
    (3, "发布日期:2020-06-13\u00a0\u00a0\u00a0\u00a0来源:珠江网\u00a0\u00a0\u00a0\u00a0浏览:791"),  # NBSPs stay
    (4, "发布时间:2020-10-14 \u00a0 录入:资阳市人民政府"),
])
def test_the_dateline_follows_the_headline(n, dateline):
    assert [line for line in lines(n) if line][1] == dateline


def test_guessed_title_is_the_start_of_the_first_sentence():
    p = page(1)
    assert len(p.title) <= 40 and lines(1)[1].startswith(p.title)


def test_a_headline_repeated_through_the_page_appears_once():
    text = page(2).text
    assert text.count("绥阳县:90天大冲刺,坚决夺取脱贫攻坚战全胜") == 1


def test_captions_bylines_and_credits_stay():
    assert "泥溪晚熟柑橘产业园(云阳县委宣传部供图)" in lines(0)
    assert "今日重庆网讯(记者 胡婷)" in page(0).text
    kept = lines(2)
    for line in ("太白镇农技专家指导方竹育苗工作", "脱贫路上,一个都不能少。90天冲刺,绥阳正在发力。",
                 "责任编辑:周丽蓉 | 责任校审:卢永贤", "全媒体记者:姚浩"):
        assert line in kept


def test_related_headlines_of_a_footer_are_gone():
    text = page(2).text
    for headline in ("高考时间定啦", "李晓梦到黄杨、青杠塘督战脱贫攻坚工作", "让农民党员成为产业发展"):
        assert headline not in text
    assert "县委书记李晓梦到洋川街道督促指导" in lines(2)  # the same name in a caption of the article stays


def test_a_trailing_nbsp_stays_on_its_line():
    assert any(line.endswith("全部达标。\u00a0") for line in lines(3))


def test_the_article_body_is_complete():
    """Every long paragraph of every seed survives, byte for byte apart from indentation."""
    for n, path in enumerate(SEEDS):
        text = page(n).text
        for raw in path.read_text("utf-8").split("\n"):
            raw = raw.strip(" \t\u3000")
            if len(raw) > 100 and not raw.startswith("声明"):
                assert raw in text, (path.name, raw[:30])


@pytest.mark.parametrize("n", range(5))
def test_raw_keeps_the_text_and_still_reads_metadata(n):
    original = SEEDS[n].read_text("utf-8")
    raw, cleaned = clean_page(original, raw=True), page(n)
    assert raw.text == original.strip("\n")
    assert (raw.title, raw.source, raw.published, raw.guessed) == (
        cleaned.title, cleaned.source, cleaned.published, cleaned.guessed)


BODY = "云阳县13.4万贫困群众如期脱贫,贫困发生率由2014年的12.5%降至零,全县145个贫困村全部出列。"


def test_a_plain_article_comes_out_unchanged():
    article = "脱贫攻坚收官之年\n\n" + BODY + "\n\n第二段也是正文内容。"
    p = clean_page("\n\n" + article + "\n  \n")
    assert (p.text, p.title, p.source) == (article, "脱贫攻坚收官之年", "")
    assert (p.published, p.guessed) == ("2014", ("published",))  # the latest year the article mentions


def test_boilerplate_words_inside_a_paragraph_do_not_drop_it():
    para = ("县里在地址偏远的村设立服务点,版权意识培训也走进了合作社,举报电话:12345和邮编都印在了宣传册上,"
            "方便群众查询办事,主办方表示将继续开展。")
    p = clean_page("标题一则\n\n" + para + "\n\n电话:023-1234567\nCopyright © 2020 某网站\n地址:某路1号")
    assert p.text.split("\n") == ["标题一则", "", para]


def test_full_width_labels_are_read_like_ascii_ones():
    page_text = (f"首页 > 新闻\n会泽县召开推进会\n发布时间{FW_COLON}2020年6月13日 10:53  来源{FW_COLON}曲靖日报\n\n"
                 f"{BODY}\n\n责任编辑{FW_COLON}张三\n版权所有{FW_COLON}某网\n主办{FW_COLON}某单位")
    p = clean_page(page_text)
    assert (p.title, p.source, p.published) == ("会泽县召开推进会", "曲靖日报", "2020-06-13T10:53")
    assert p.text.split("\n")[-1] == f"责任编辑{FW_COLON}张三"


def test_a_dateline_above_the_headline_moves_below_it():
    p = clean_page("首页 > 新闻\n2020/06/13 来源:新华网\n会泽县召开脱贫攻坚推进会\n\n" + BODY)
    assert p.text.split("\n")[:3] == ["会泽县召开脱贫攻坚推进会", "2020/06/13 来源:新华网", ""]
    assert (p.source, p.published) == ("新华网", "2020-06-13")


@pytest.mark.parametrize("dateline, published", [
    ("2020.06.13", "2020-06-13"), ("2020年6月13日", "2020-06-13"), ("2020/6/3 08:05", "2020-06-03T08:05"),
    ("发布日期:2020-06-13", "2020-06-13"), ("时间:2020-12-02 10:50:26", "2020-12-02T10:50:26"),
])
def test_dateline_formats(dateline, published):
    p = clean_page(f"会泽县召开脱贫攻坚推进会\n{dateline}\n\n{BODY}")
    assert (p.title, p.published, p.guessed) == ("会泽县召开脱贫攻坚推进会", published, ())
    assert p.text.split("\n")[1] == dateline


@pytest.mark.parametrize("lines_, source", [
    (["标题甲乙丙丁", "某某网 2020-06-13 来源:新华社"], "新华社"),  # 来源 beats the name on the dateline
    (["标题甲乙丙丁", "某某网 | 2020-06-13"], "某某网"),
    (["标题甲乙丙丁", "2020-06-13 录入:县政府办", "", BODY, "主办:县委宣传部"], "县政府办"),
    (["标题甲乙丙丁", "2020-06-13", "", BODY, "主办:县委宣传部", "承办:县融媒体中心"], "县委宣传部"),
    (["标题甲乙丙丁", "2020-06-13", "", BODY, "承办:县融媒体中心"], "县融媒体中心"),
    (["标题甲乙丙丁", "2020-06-13", "", "珠江网讯(记者 朱洪良)" + BODY], "珠江网"),
    (["标题甲乙丙丁", "2020-06-13", "", BODY], ""),
])
def test_source_priority(lines_, source):
    assert clean_page("\n".join(lines_)).source == source


def test_dates_of_related_lists_are_not_the_publication_date():
    p = clean_page("县里召开会议\n\n" + BODY + "\n\n相关文章\n2025-01-02 10:00:00\n2026年新规划出台\n"
                   "Copyright 2012-2024")
    assert (p.published, p.guessed) == ("2014", ("published",))
    assert p.text.split("\n")[-1] == BODY


def test_a_related_block_inside_the_article_goes_but_the_article_continues():
    p = clean_page("县里召开会议\n\n" + BODY + "\n\n推荐阅读\n●某县脱贫经验 2020-06-01\n●另一篇报道\n\n"
                   "第二段正文也要保留下来,它在推荐块之后。\n\n(记者 王继)")
    assert p.text.split("\n") == ["县里召开会议", "", BODY, "", "第二段正文也要保留下来,它在推荐块之后。", "",
                                  "(记者 王继)"]


def test_a_heading_that_starts_with_a_footer_word_is_not_a_footer():
    text = "县里召开会议\n\n" + BODY + "\n\n推荐优质农产品进超市\n\n" + BODY.replace("云阳", "奉节")
    assert clean_page(text).text == text


def test_widgets_between_headline_and_body_go():
    p = clean_page(f"全 部\n当前位置{FW_COLON}首页 > 新闻\n标题甲乙丙丁\n分享到:\n字号\n\n{BODY}\n\n编辑:张三")
    assert p.text.split("\n") == ["标题甲乙丙丁", "", BODY, "", "编辑:张三"]


def test_a_title_printed_twice_on_one_line_is_dropped_too():
    title = "绥阳县:90天大冲刺"
    p = clean_page("\n".join([title, title, BODY, title + title, title, "第二段也是正文内容。"]))
    assert p.text.split("\n") == [title, BODY, "第二段也是正文内容。"]


def test_a_page_without_headline_gets_the_first_sentence_as_title():
    p = clean_page("时间:2020-12-02 10:50:26来源:华龙网\n" + BODY)
    assert p.guessed == ("title",)
    assert p.title == "云阳县13.4万贫困群众如期脱贫,贫困发生率由2014年的12.5%降至零"  # cut at a comma, within 40
    assert clean_page("短句开头。" + BODY).title == "短句开头"  # adds nothing, drops the full stop


def test_blank_and_empty_pages():
    for text in ("", "\n\n", " \u3000\n\u00a0\n"):
        p = clean_page(text)
        assert (p.text, p.title, p.published, p.guessed) == ("", "", "", ())


def test_bullets_and_indentation_go_but_nothing_inside_a_line_changes():
    inner = "e\u0301\u00a0ＡＢＣ１２３\U00020BB7😀"  # combining accent, NBSP, full-width forms, astral characters
    p = clean_page(f"标题甲乙丙丁\n\n\u3000\u3000{BODY}{inner}\t \n  • 第二段{inner}。")
    assert p.text.split("\n") == ["标题甲乙丙丁", "", BODY + inner, f"第二段{inner}。"]


ALPHABET = st.sampled_from(list("云阳县贫困年月日标题。,!:(). \t\n\u00a0\u3000\u0301•●>|-:0129") + [
    "𠮷", "😀", FW_COLON, FW_COMMA, FW_LPAREN, FW_RPAREN, "2020-06-13 ", "来源:", "版权所有", "ICP备", "推荐",
    "往期", "相关文章", "编辑:", "(记者 王继)", "主办:", "分享到", "Copyright ©", "当前位置", BODY])


@given(st.lists(ALPHABET, max_size=60).map("".join) | st.text(max_size=300))
def test_cleaning_never_raises_and_never_alters_a_line(text):
    p = clean_page(text)
    raw_lines = text.split("\n")
    for line in p.text.split("\n"):
        assert any(line in raw for raw in raw_lines)
    assert "\n\n\n" not in p.text and p.text == p.text.strip("\n")
    assert set(p.guessed) <= {"title", "published"}
    assert p.published == "" or re.fullmatch(r"\d{4}(-\d\d-\d\d(T\d\d:\d\d(:\d\d)?)?)?", p.published)


@given(st.lists(ALPHABET, max_size=60).map("".join) | st.text(max_size=300))
def test_raw_keeps_every_character(text):
    kept = clean_page(text, raw=True).text
    assert kept in text and kept.strip() == text.strip()  # only blank lines at the edges are gone
