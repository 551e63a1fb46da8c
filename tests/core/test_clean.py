"""Scraped pages: headline first, dateline and bylines kept, navigation and footers gone."""
import re

import pytest
from hypothesis import given, strategies as st

from annotator.core.ingest.clean import clean_page
from tests.conftest import CORPUS

SEEDS = sorted(CORPUS.glob("*.txt"))
FOOTER = re.compile(r"Copyright|©|版权所有|未经书面授权|ICP|公网安备|许可证|网站标识码|地址:|邮编|电话|相关推荐|相關文章|"
                    r"图文推荐|热点排行|精彩文章|热门推荐|^往期$|^推荐$|^●|分享到|主办:|承办:|总编|声明:|当前位置|^返回$|^顶部$|"
                    r"^全 部$|^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$|政府信息公开", re.M)


def page(n):
    return clean_page(SEEDS[n].read_text("utf-8"))


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
def test_seed_metadata_and_edges(n):
    title, source, published, guessed, first_line, last_end = EXPECTED[n]
    p = page(n)
    assert (p.title, p.source, p.published, p.guessed) == (title, source, published, guessed)
    lines = p.text.split("\n")
    assert lines[0] == first_line
    assert lines[-1].endswith(last_end)


@pytest.mark.parametrize("n", range(5))
def test_no_navigation_or_footer_line_survives(n):
    assert FOOTER.findall(page(n).text) == []


@pytest.mark.parametrize("n", range(5))
def test_every_kept_line_is_part_of_a_page_line(n):
    raw_lines = SEEDS[n].read_text("utf-8").split("\n")
    for line in page(n).text.split("\n"):
        assert any(line in raw for raw in raw_lines), line


def test_datelines_bylines_and_captions_stay():
    assert "今日重庆网 2020-09-11 10:53" in page(0).text.split("\n")
    assert "泥溪晚熟柑橘产业园(云阳县委宣传部供图)" in page(0).text
    assert "发布日期:2020-06-13\u00a0\u00a0\u00a0\u00a0来源:珠江网\u00a0\u00a0\u00a0\u00a0浏览:791" in page(3).text  # NBSP kept
    text = page(2).text
    assert text.count("绥阳县:90天大冲刺,坚决夺取脱贫攻坚战全胜") == 1
    assert "太白镇农技专家指导方竹育苗工作" in text
    assert "脱贫路上,一个都不能少。90天冲刺,绥阳正在发力。" in text
    assert "责任编辑:周丽蓉 | 责任校审:卢永贤" in text


def test_the_article_body_is_complete():
    """Every long paragraph of a seed survives cleaning."""
    for n, path in enumerate(SEEDS):
        text = page(n).text
        for raw in path.read_text("utf-8").split("\n"):
            raw = raw.strip(" \t\u3000\u00a0")  # indentation is trimmed
            if len(raw) > 100 and not raw.startswith("声明"):
                assert raw in text, (path.name, raw[:30])


def test_a_plain_article_comes_out_unchanged():
    article = "脱贫攻坚收官之年\n\n云阳县13.4万贫困群众如期脱贫,贫困发生率降至零。\n\n第二段也是正文内容。"
    p = clean_page("\n" + article + "\n\n")
    assert (p.text, p.title, p.published) == (article, "脱贫攻坚收官之年", "")


def test_boilerplate_words_inside_a_paragraph_do_not_drop_it():
    para = "县里在地址偏远的村设立服务点,版权意识培训也走进了合作社,举报电话和邮编都印在了宣传册上,方便群众查询办事。"
    p = clean_page("标题一则\n\n" + para + "\n\nCopyright © 2020 某网站\n地址:某路1号")
    assert para in p.text and "Copyright" not in p.text and "某路1号" not in p.text


def test_raw_keeps_every_line():
    original = SEEDS[0].read_text("utf-8")
    assert clean_page(original, raw=True).text == original.strip("\n")


@given(st.text(alphabet=st.sampled_from("云阳县贫困。,\n \u00a0\u3000e\u0301𠮷😀•●>:2020-年月日版权ICP推荐往期"), max_size=200))
def test_cleaning_never_raises_and_never_alters_a_line(text):
    p = clean_page(text)
    raw_lines = text.split("\n")
    for line in p.text.split("\n"):
        assert any(line in raw for raw in raw_lines)
    assert clean_page(text, raw=True).text.replace("\n", "") in text.replace("\n", "")
