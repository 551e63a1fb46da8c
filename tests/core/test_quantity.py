"""Chinese quantities: the design's conventions, every quantity of two seed reports, nothing else."""
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from annotator.core.ingest.clean import clean_page
from annotator.core.quantity import Quantity, chinese_numeral, find_quantities, format_quantity, parse_quantity
from tests.conftest import CORPUS


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("13.4万", 134000, "", "exact"),
    ("近3.53亿元", 353000000, "元", "approx"),
    ("2万余户", 20000, "户", "more_than"),
    ("5000-10000万元", (50000000, 100000000), "元", "range"),
    ("5-7亿元", (500000000, 700000000), "元", "range"),
    ("百分之二百", 200, "%", "exact"),
    ("三百亩", 300, "亩", "exact"),
    ("47.99%", Decimal("47.99"), "%", "exact"),
    ("1.716亿", 171600000, "", "exact"),
    ("1亿2千万", 120000000, "", "exact"),
    ("千万", 10000000, "", "exact"),
    ("万亿", 10 ** 12, "", "exact"),
    ("千亩", 1000, "亩", "exact"),
    ("3千米", 3, "千米", "exact"),
    ("两百多万元", 2000000, "元", "more_than"),
    ("七八个", (7, 8), "个", "range"),
    ("两三百万元", (2000000, 3000000), "元", "range"),
    ("十几个", 10, "个", "more_than"),
    ("七成五", 75, "%", "exact"),
    ("千分之三", 3, "‰", "exact"),
    ("5‰", 5, "‰", "exact"),
    ("三分之一", Decimal("0.3333333333"), "fraction", "exact"),
    ("3倍", 3, "倍", "exact"),
    ("16万人次", 160000, "人次", "exact"),
    ("两个百分点", 2, "个百分点", "exact"),
    ("不足5000人", 5000, "人", "less_than"),
    ("约200万元左右", 2000000, "元", "approx"),
    ("60%以上", 60, "%", "more_than"),
    ("1,234,567元", 1234567, "元", "exact"),
    ("１２３户", 123, "户", "exact"),
    ("壹佰贰拾叁元", 123, "元", "exact"),
    ("三点五万", 35000, "", "exact"),
    ("一百零五", 105, "", "exact"),
    ("12平方公里", 12, "平方公里", "exact"),
])
def test_design_conventions(text, value, unit, qualifier):
    q = parse_quantity(text)
    assert q is not None, text
    got = (q.low, q.high) if q.qualifier == "range" else q.value
    assert (got, q.unit, q.qualifier) == (value, unit, qualifier)
    assert not isinstance(q.value, float)  # exact decimals, never floats


@pytest.mark.parametrize("text", ["", "贫困群众", "八七扶贫", "abc", "第", "-", "点五", "元"])
def test_non_quantities_are_none(text):
    assert parse_quantity(text) is None


def seed_text(name):
    return clean_page((CORPUS / f"{name}.txt").read_text("utf-8")).text


GOLD = {
    "000_37db83bcf6bbd3b4": "13.4万 35万 110个 145个 13.4万 5年 431亿元 12个 30名 42个 100个 325名 14836名 1380名 6376名 "
                            "531名 1457名 30万亩 8.9万亩 142万头 5万元以上 60% 3.4万户 2万余户 807名 2000元以上 55个 "
                            "22.8亿元 16万人次 5.8万 70% 2.9万户 473名 3791名 5名",
    "003_effba63bb87e5c1e": "27个 9个 355个 189个 90225户 341742人 19906户 69676人 70319户 272066人 47.99% 7.67% 25个 "
                            "10个 不少于15天 60%以上 229个 355支 1118人 17049名 148.5亿元 19亿元 787个 2164万元 218人 "
                            "10个 125个 27293户 105068人 21527户 83627人 5766户 21441人 25% 19298户 81257人 14835户 "
                            "62768人 4463户 18489人 77% 100% 26项 39.9万人 52.1% 62.9% 12.8万人 1.6人 1.8人 85.7% "
                            "1人以上 18亿元 500余个 975个 8.8万户 30.8万人 100余万亩 5万亩 2000元 1.6万 1200元以上 "
                            "5万亩 1.5万 1300元以上 万亩 5000余人 1.6万元以上 75139户 341742 1000人 818名 90225户 "
                            "100% 90% 200万元 37.2万人 12个 百分之二百",
}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_quantity_of_a_seed_report_and_nothing_else(name):
    text = seed_text(name)
    found = find_quantities(text)
    assert [text[s:e] for s, e, _ in found] == GOLD[name].split()
    for start, end, quantity in found:
        assert parse_quantity(text[start:end]) == quantity  # the span re-parses to the same value


def test_seed_values():
    found = {seed_text("003_effba63bb87e5c1e")[s:e]: q for s, e, q in find_quantities(seed_text("003_effba63bb87e5c1e"))}
    assert found["148.5亿元"] == Quantity(14850000000, "元")
    assert found["100余万亩"] == Quantity(1000000, "亩", "more_than")
    assert found["1.6人"] == Quantity(Decimal("1.6"), "人")
    assert found["不少于15天"] == Quantity(15, "天", "more_than")
    assert found["百分之二百"] == Quantity(200, "%")


@pytest.mark.parametrize("text", [
    "2019年GDP", "2013年末", "上世纪70年代", "6月12日", "2020-09-11 10:53", "2020-06-13", "30多年来",
    "第三批", "一是压实攻坚责任", "“八七扶贫攻坚计划”", "4A级旅游景区", "十年九旱", "一个都不少",
    "电话:023-63891685", "渝ICP备12000991号-1", "邮编:401120", "“四个不摘”", "党的十八大以来", "两不愁三保障",
    "一户一策", "农业产业攻坚三年行动", "产业基地1_副本.jpg", "“1+1+N”", "每年“10.17”国家扶贫日", "编号ABC-123项", "万企帮万村",
])
def test_excluded_kinds_are_not_reported(text):
    assert find_quantities(text) == []


def test_adjacent_quantities_are_two():
    text = "建档立卡贫困人口90225户341742人"
    assert [(text[s:e], q.value) for s, e, q in find_quantities(text)] == [("90225户", 90225), ("341742人", 341742)]


def test_a_comparison_gives_both_values():
    text = "贫困发生率从2013年末的47.99%下降到2019年末的7.67%。"
    assert [q.value for _, _, q in find_quantities(text)] == [Decimal("47.99"), Decimal("7.67")]


def test_chinese_numerals():
    assert [chinese_numeral(n) for n in (0, 10, 15, 105, 110, 2300, 100010, 120000000)] == [
        "零", "十", "十五", "一百零五", "一百一十", "二千三百", "十万零一十", "一亿二千万"]


@given(st.text())
def test_parsing_and_finding_never_raise(text):
    parse_quantity(text)
    for start, end, quantity in find_quantities(text):
        assert 0 <= start < end <= len(text) and isinstance(quantity, Quantity)


@given(st.text(alphabet=st.sampled_from("0123456789.,-~%万亿千百十一二两三四五六七八九零点余多几近约超不足以上下左右元户人个亩年月日第分之成"),
               max_size=12))
def test_numeral_soup_never_raises(text):
    parse_quantity(text)
    find_quantities(text)


@pytest.mark.parametrize("text", ["9" * 30 + "元", "1,000" * 40 + "户", "3.5" * 50 + "亩", "9" * 60 + "万" + "9" * 60 + "人"])
def test_long_digit_runs_are_found_in_one_pass(text):
    """A 30-digit run once made the numeral pattern backtrack for minutes; a linear scan finds it at once."""
    found = find_quantities(text * 20)
    assert found and all(end > start for start, end, _ in found)


UNITS = st.sampled_from(["", "元", "户", "人", "亩", "个", "人次", "个月", "个百分点", "平方公里", "%"])
QUALIFIERS = st.sampled_from(["exact", "approx", "more_than", "less_than"])


@settings(max_examples=300)
@given(value=st.one_of(st.integers(0, 10 ** 13), st.decimals(min_value=0, max_value=10 ** 9, places=3)),
       unit=UNITS, qualifier=QUALIFIERS)
def test_arabic_with_multiplier_round_trips(value, unit, qualifier):
    q = parse_quantity(format_quantity(Quantity(value, unit, qualifier)))
    assert q is not None and q.value == value and q.unit == unit and q.qualifier == qualifier


@settings(max_examples=300)
@given(value=st.integers(0, 10 ** 13), unit=UNITS, qualifier=QUALIFIERS)
def test_chinese_numerals_round_trip(value, unit, qualifier):
    text = format_quantity(Quantity(value, unit, qualifier), chinese=True)
    q = parse_quantity(text)
    assert q is not None and (q.value, q.unit, q.qualifier) == (value, unit, qualifier), text


@given(low=st.integers(0, 10 ** 10), span=st.integers(1, 10 ** 10), unit=UNITS.filter(bool))
def test_ranges_round_trip(low, span, unit):
    q = Quantity(None, unit, "range", low, low + span)
    assert parse_quantity(format_quantity(q)) == q


@pytest.mark.parametrize("text", ["亿万人民", "几亿人口", "建国70周年", "建党一百周年", "百年奋斗目标", "千年古镇",
                                  "八项规定", "四个意识", "两个维护", "数万群众", "成千上万", "上万人"])
def test_vague_counts_anniversaries_eras_and_numbered_slogans_are_not_metrics(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, value, unit", [("三百亩", 300, "亩"), ("千万元", 10 ** 7, "元"), ("万亿元", 10 ** 12, "元"),
                                               ("近万人", 10 ** 4, "人"), ("二十个县", 20, "个"), ("70年", 70, "年")])
def test_the_rules_for_vague_counts_leave_real_amounts_alone(text, value, unit):
    [(_, _, q)] = find_quantities(text)
    assert (q.value, q.unit) == (value, unit)
