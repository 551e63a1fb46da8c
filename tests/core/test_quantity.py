"""Chinese quantities: the design's conventions, every quantity of two seed reports, nothing else."""
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from annotator.core.ingest.clean import clean_page
from annotator.core.quantity import (Quantity, chinese_numeral, find_quantities, format_quantity, parse_quantity,
                                     quantity_at)
from annotator.core.suggest.dates import suggest as suggest_dates
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
@given(value=st.one_of(st.integers(-10 ** 13, 10 ** 13), st.decimals(min_value=-10 ** 9, max_value=10 ** 9, places=3)),
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


@given(low=st.integers(-10 ** 10, 10 ** 10), span=st.integers(1, 10 ** 10), unit=UNITS.filter(bool))
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


# --- quantities as statistical bulletins write them (docs/adr/0015) ------------------------------

@pytest.mark.parametrize("text, value, unit, qualifier", [
    # a left end borrows the right end's multiplier, Chinese numerals as Arabic ones, when it fits
    ("三千到五千万元", (30000000, 50000000), "元", "range"),
    ("一百二十到一百五十万元", (1200000, 1500000), "元", "range"),
    ("二十到三十万元", (200000, 300000), "元", "range"),
    ("5-7千万元", (50000000, 70000000), "元", "range"),
    ("8500到3万元", (8500, 30000), "元", "range"),
    ("三到五成", (30, 50), "%", "range"),
    ("5%-8%", (5, 8), "%", "range"),
    ("20%～30%", (20, 30), "%", "range"),
    ("百分之五至百分之八", (5, 8), "%", "range"),
    ("1万元-5万元", (10000, 50000), "元", "range"),
    ("-5～-3℃", (-5, -3), "℃", "range"),
    # spoken shortenings; 两个亿
    ("三万五", 35000, "", "exact"),
    ("两千六", 2600, "", "exact"),
    ("一百二", 120, "", "exact"),
    ("一亿五", 150000000, "", "exact"),
    ("两个亿", 200000000, "", "exact"),
    ("六万万", 600000000, "", "exact"),
    # signs written with the number
    ("-2.1%", Decimal("-2.1"), "%", "exact"),
    ("-0.60‰", Decimal("-0.6"), "‰", "exact"),
    ("负0.3个百分点", Decimal("-0.3"), "个百分点", "exact"),
    ("零下5度", -5, "度", "exact"),
    # comparators
    ("至少5人", 5, "人", "more_than"),
    ("高于3%", 3, "%", "more_than"),
    ("大于3%", 3, "%", "more_than"),
    ("低于3%", 3, "%", "less_than"),
    ("小于3%", 3, "%", "less_than"),
    ("不超过3%", 3, "%", "less_than"),
    # money in 元角分
    ("123元1角1分", Decimal("123.11"), "元", "exact"),
    ("壹拾壹元壹角", Decimal("11.1"), "元", "exact"),
    ("壹佰壹拾壹圆整", 111, "元", "exact"),
    # fractions with a qualifier; spaces from PDF text
    ("2/3以上", Decimal("0.6666666667"), "fraction", "more_than"),
    ("72504 万人", 725040000, "人", "exact"),
    ("1 234.5亿元", 123450000000, "元", "exact"),
])
def test_bulletin_conventions(text, value, unit, qualifier):
    test_design_conventions(text, value, unit, qualifier)


@pytest.mark.parametrize("text", ["亿万", "万万万", "一万一万", "七万万两", "零点"])
def test_what_no_number_writes_is_not_read(text):
    assert parse_quantity(text) is None


def found(text):
    return [(text[s:e], q.as_attrs()) for s, e, q in find_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("城镇调查失业率下降0.2个百分点，增长-2.1%。", [("0.2个百分点", {"value": "0.2", "unit": "个百分点", "qualifier": "exact"}),
                                         ("-2.1%", {"value": "-2.1", "unit": "%", "qualifier": "exact"})]),
    ("居民消费价格负增长，最低气温零下5度。", [("零下5度", {"value": -5, "unit": "度", "qualifier": "exact"})]),
    ("分别提高2.16和1.66个百分点。", [("2.16", {"value": "2.16", "unit": "个百分点", "qualifier": "exact"}),
                              ("1.66个百分点", {"value": "1.66", "unit": "个百分点", "qualifier": "exact"})]),
    ("客运量分别达1409万、1305万人次", [("1409万", {"value": 14090000, "unit": "人次", "qualifier": "exact"}),
                                ("1305万人次", {"value": 13050000, "unit": "人次", "qualifier": "exact"})]),
    ("分别为1.2和1.5万亿元", [("1.5万亿元", {"value": 1500000000000, "unit": "元", "qualifier": "exact"})]),
    ("地区生产总值增长4.5%—5%。", [("4.5%—5%", {"value": ["4.5", 5], "unit": "%", "qualifier": "range"})]),
    ("比重将由百分之三十九点七到一九五七年上升", [("百分之三十九点七", {"value": "39.7", "unit": "%", "qualifier": "exact"})]),
    ("经过六万万人的劳动", [("六万万人", {"value": 600000000, "unit": "人", "qualifier": "exact"})]),
    ("连续五年增长，提前两年完成，用了八年时间", [("五年", {"value": 5, "unit": "年", "qualifier": "exact"}),
                                ("两年", {"value": 2, "unit": "年", "qualifier": "exact"}),
                                ("八年", {"value": 8, "unit": "年", "qualifier": "exact"})]),
    ("历时十年", [("十年", {"value": 10, "unit": "年", "qualifier": "exact"})]),
    ("第一个五年计划，三年行动，过去五年", []),
    ("万万没想到", []),
    ("约占全国1/10，4386万名务工人员", [("4386万名", {"value": 43860000, "unit": "名", "qualifier": "exact"})]),
    ("户籍人口72504 万人", [("72504 万人", {"value": 725040000, "unit": "人", "qualifier": "exact"})]),
])
def test_bulletin_sentences(text, expected):
    assert found(text) == expected


def test_a_number_sharing_a_unit_keeps_it_when_its_span_is_read_again():
    text = "分别提高2.16和1.66个百分点。"
    assert quantity_at(text, 4, 8) == Quantity(Decimal("2.16"), "个百分点")
    assert quantity_at(text, 9, 17) == Quantity(Decimal("1.66"), "个百分点")
    assert quantity_at("共13.4万人", 1, 6) == Quantity(134000)  # a span the finder does not give: its own text


# cases of other projects' test suites, as data (tests/fixtures/quantities/SOURCES.md)
FIXTURES = Path(__file__).parents[1] / "fixtures" / "quantities"
CASES = [row for path in sorted(FIXTURES.glob("*.jsonl")) for row in map(json.loads, path.read_text("utf-8").splitlines())]


def _reading(q):
    return [q.low, q.high] if q.qualifier == "range" else q.value


def _same(a, b):
    if isinstance(a, list) or isinstance(b, list):
        return isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(map(_same, a, b))
    return Decimal(str(a)) == Decimal(str(b))


@pytest.mark.parametrize("row", [r for r in CASES if "out_of_scope" not in r], ids=lambda r: r["text"][:20] or "empty")
def test_cases_of_cn2an_and_jionlp(row):
    text = row["text"]
    if "spans" in row:
        got = [(text[s:e], _reading(q), q.unit, q.qualifier) for s, e, q in find_quantities(text)]
        assert len(got) == len(row["spans"]), got
        for (span, value, unit, qualifier), want in zip(got, row["spans"]):
            assert (span, unit, qualifier) == (want[0], want[2], want[3]) and _same(value, want[1])
        return
    q = parse_quantity(text)
    if row["want"] is None:
        assert q is None
        return
    assert q is not None
    assert _same(_reading(q), row["want"]["value"]) and (q.unit, q.qualifier) == (row["want"]["unit"], row["want"]["qualifier"])


def test_every_case_left_out_says_why():
    assert CASES and all(r.get("out_of_scope") or "want" in r or "spans" in r for r in CASES)


@pytest.mark.parametrize("value", [0, 1, 11, 1000054, 1903971, 103453, 150006355, 31000054, 10 ** 13])
def test_chinese_numerals_match_cn2an_an2cn(value):
    low = next(r["text"] for r in CASES if r["source"].endswith("(low)") and r["theirs"] == value)
    assert chinese_numeral(value) == low


# --- long runs: no recursion, one pass --------------------------------------------------------
# At 100,000 characters a finder that rescans each run from every position would take minutes; these take well
# under a second each (see docs/adr/0015).  The assertions are about results, never times.

LONG = 100_000
RUNS = {"万": [], "一": [], "零": [], "1,": [], "负": [], "零下": [], "十几": [], "一万": [], "9 ": [], "2019-": [],
        "百分之": None, "三分之": None, "1和": None, "5%-": None, "1元1角1分": None, "连续五年": None, "一对一5户": []}


@settings(max_examples=len(RUNS), deadline=None)
@given(st.sampled_from(sorted(RUNS)))
def test_long_repetitive_runs_finish_with_sane_results(piece):
    text = piece * (LONG // len(piece))
    quantities = find_quantities(text)
    if RUNS[piece] is not None:
        assert quantities == RUNS[piece]
    previous_end = 0
    for start, end, quantity in quantities:
        assert previous_end <= start < end <= len(text)  # in order, not overlapping
        previous_end = end
        assert quantity.qualifier == "range" or abs(quantity.value) < 10 ** 20
    dates = suggest_dates(text)
    assert all(0 <= s.start < s.end <= len(text) for s in dates)


def test_long_runs_read_as_a_reader_would():
    assert {q for _, _, q in find_quantities("百分之" * 30_000)} == {Quantity(100, "%")}  # 百分之百, again and again
    assert len(find_quantities("1元1角1分" * 20_000)) == 20_000
    assert find_quantities("万" * 1100 + "人") == [] and parse_quantity("万" * 1100) is None  # was a RecursionError
    text = "1和" * 50_000 + "1%"
    assert {q for _, _, q in find_quantities(text)} == {Quantity(1, "%")}


@settings(max_examples=30, deadline=None)
@given(piece=st.text(alphabet=st.sampled_from("0123456789.,-~%万亿千百十一二两三零点余多几近约超不足以上下负和、元角分年月日 "),
                     min_size=1, max_size=6), times=st.integers(1000, 20_000))
def test_any_repeated_piece_finishes(piece, times):
    text = piece * times
    for start, end, quantity in find_quantities(text):
        assert 0 <= start < end <= len(text)
    for s in suggest_dates(text):
        assert 0 <= s.start < s.end <= len(text)
