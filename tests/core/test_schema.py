"""Label schema: the default is complete and readable by everyone; bad schemas get located messages."""
import itertools
import json
import re
from decimal import Decimal

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from annotator.core.schema import (SchemaError, check_attrs, default_schema, load_schema, normalise_shortcut,
                                   parse_schema, schema_to_dict)

INDICATORS = ["贫困人口", "脱贫人口", "贫困发生率", "贫困村", "资金投入", "产业规模", "就业", "收入", "帮扶力量",
              "易地搬迁", "教育", "医疗", "住房", "基础设施", "其他"]


# --- the default schema -------------------------------------------------------------------------------

def test_default_schema_has_the_design_labels_and_indicators():
    schema = default_schema()
    assert [(lab.key, lab.name_zh, lab.layer) for lab in schema.labels] == [
        ("REGION", "地区", "entity"), ("ORG", "机构", "entity"), ("PERSON", "人物", "entity"),
        ("DATE", "时间", "entity"), ("PROGRAM", "政策/项目", "entity"), ("METRIC", "指标", "metric")]
    assert [lab.shortcut for lab in schema.labels] == ["1", "2", "3", "4", "5", "6"]
    keys = [i.key for i in schema.indicators]
    # the design's poverty indicators first, "其他" last, economic and social statistics between
    assert keys[:len(INDICATORS) - 1] == INDICATORS[:-1] and keys[-1] == "其他" and all(i.name_en for i in schema.indicators)
    assert {"地区生产总值", "居民消费价格", "城镇调查失业率", "经济增速"} <= set(keys)


def test_metric_has_the_design_attributes():
    metric = default_schema().label("METRIC")
    assert [(a.key, a.type, a.choices, a.targets) for a in metric.attributes] == [
        ("value", "quantity", (), ()), ("unit", "text", (), ()),
        ("qualifier", "choice", ("exact", "approx", "more_than", "less_than", "range"), ()),
        ("indicator", "choice", ("@indicators",), ()),
        ("subject", "link", (), ("REGION", "ORG")), ("period", "link", (), ("DATE",))]
    assert all(a.name_zh and a.name_en for a in metric.attributes)  # the attribute panel shows these


@pytest.mark.parametrize("key, examples", [
    ("REGION", ["云阳县", "秦巴山集中连片特困地区"]), ("ORG", ["云阳县委宣传部", "华龙网"]),
    ("PERSON", ["职务", "titles"]), ("DATE", ["2019年末", "近年来"]), ("PROGRAM", ["八七扶贫攻坚计划", "quotes"]),
    ("METRIC", ["近3.53亿元", "2万余户", "第三批"])])
def test_guidelines_give_the_design_examples_in_both_languages(key, examples):
    label = default_schema().label(key)
    chinese, english = label.guideline.split("\n", 1)  # a Chinese paragraph, then an English one
    assert all(example in label.guideline for example in examples)
    assert "\u4e00" <= chinese[0] <= "\u9fff" and english[0].isascii()
    assert "不" in chinese and re.search(r"\b(not|without)\b", english)  # each says what is left out


# --- colours: WCAG contrast and colour-vision-deficiency simulation in linear RGB -----------------------

# Machado, Oliveira & Fernandes 2009, severity 1.0 (full dichromacy).
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
MIN_DELTA_E = 20  # the design asks for 10; the shipped palette keeps 22.7, so guard what we have


def linear(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def luminance(hex_colour):
    r, g, b = linear(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour_a, colour_b):
    hi, lo = sorted((luminance(colour_a), luminance(colour_b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def tint(colour, alpha):
    """The colour laid over white with `alpha` opacity, as the report view paints a highlight."""
    return "#" + "".join(f"{round(255 - alpha * (255 - int(colour[i:i + 2], 16))):02X}" for i in (1, 3, 5))


def lab(rgb):
    x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    fx, fy, fz = f(x / 0.95047), f(y), f(z / 1.08883)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def seen_as(colour, vision):
    rgb = linear(colour)
    if vision:
        rgb = [min(1.0, max(0.0, sum(CVD[vision][i][j] * rgb[j] for j in range(3)))) for i in range(3)]
    return lab(rgb)


def delta_e(colour_a, colour_b, vision=None):
    """CIE76 distance between two colours as someone with `vision` (None: typical) sees them."""
    return sum((p - q) ** 2 for p, q in zip(seen_as(colour_a, vision), seen_as(colour_b, vision))) ** 0.5


@pytest.mark.parametrize("key", ["REGION", "ORG", "PERSON", "DATE", "PROGRAM", "METRIC"])
def test_colours_are_readable_on_white(key):
    colour = default_schema().label(key).color
    assert contrast(colour, "#FFFFFF") >= 3.0  # underlines, outlines and palette swatches
    for alpha in (0.30, 0.35):  # the design's tint and the report view's tint for confirmed spans
        assert contrast("#000000", tint(colour, alpha)) >= 7.0  # black text on the highlight


@pytest.mark.parametrize("vision", [None, *CVD])
def test_colours_stay_distinct_with_colour_blindness(vision):
    labels = default_schema().labels
    for a, b in itertools.combinations(labels, 2):
        assert delta_e(a.color, b.color, vision) >= MIN_DELTA_E, (vision, a.key, b.key)


def test_the_colour_checks_catch_known_bad_colours():
    assert contrast("#F0E442", "#FFFFFF") < 3.0  # Okabe-Ito yellow is too light for an underline
    # D3's red and green: far apart for most eyes, nearly one colour for a deuteranope
    assert delta_e("#D62728", "#2CA02C") > 100 and delta_e("#D62728", "#2CA02C", "deuteranopia") < 10
    # Okabe-Ito sky blue darkened to 3:1 on white comes too close to its blue for a tritanope
    assert delta_e("#4B9DCC", "#0072B2", "tritanopia") < MIN_DELTA_E


# --- located error messages ---------------------------------------------------------------------------

LABEL = {"key": "PLACE", "name_zh": "地点", "name_en": "Place", "layer": "entity", "color": "#0072B2", "shortcut": "1"}
HELP = "use a digit 1-9, F1-F12 or Ctrl/Alt+key"


def schema_with(**changes):
    label = {k: v for k, v in {**LABEL, **changes}.items() if v is not ...}  # `...` removes a field
    return {"name": "t", "labels": [label]}


def problems_of(data, origin="mine.toml"):
    """The lines of the SchemaError, after checking its first line counts them."""
    with pytest.raises(SchemaError) as info:
        parse_schema(data, origin)
    first, *lines = str(info.value).split("\n")
    assert first == f"{origin}: {len(lines)} problem{'s' if len(lines) > 1 else ''}:"
    return [line.strip() for line in lines]


@pytest.mark.parametrize("changes, message", [
    ({"color": "#12345"}, "labels[0] (PLACE).color: '#12345' is not a colour like #1A2B3C"),
    ({"color": ...}, "labels[0] (PLACE).color: missing (a colour like #1A2B3C)"),
    ({"shortcut": "a"}, f"labels[0] (PLACE).shortcut: 'a' is a bare letter; {HELP} "
                        "(bare letters are swallowed by Chinese input methods)"),
    ({"shortcut": "Shift+a"}, f"labels[0] (PLACE).shortcut: 'Shift+a' types a character; {HELP}"),
    ({"shortcut": "Hyper+1"}, f"labels[0] (PLACE).shortcut: 'Hyper+1' is not a shortcut; {HELP}"),
    ({"shortcut": ...}, f"labels[0] (PLACE).shortcut: missing ({HELP})"),
    ({"layer": "token"}, "labels[0] (PLACE).layer: 'token' is not one of entity, metric"),
    ({"layer": ...}, "labels[0] (PLACE).layer: missing (one of entity, metric)"),
    ({"key": "place"}, "labels[0] (place).key: 'place' must be upper-case letters, digits and _ (like REGION)"),
    ({"key": ...}, "labels[0].key: missing"),
    ({"colour": "#000000"}, "labels[0] (PLACE).colour: unknown field (known: attributes, color, guideline, key, "
                            "layer, name_en, name_zh, shortcut)"),
    ({"name_zh": ""}, "labels[0] (PLACE).name_zh: missing"),
    ({"name_en": None}, "labels[0] (PLACE).name_en: missing"),
    ({"guideline": 3}, "labels[0] (PLACE).guideline: 3 must be text"),
    ({"attributes": {"kind": "text"}}, "labels[0] (PLACE).attributes: must be a list"),
    ({"attributes": [{"key": "kind", "type": "choice"}]},
     "labels[0] (PLACE).attributes[0] (kind).choices: a choice needs choices"),
    ({"attributes": [{"key": "kind", "type": "text", "choices": ["a"]}]},
     "labels[0] (PLACE).attributes[0] (kind).choices: only a choice attribute has choices"),
    ({"attributes": [{"key": "kind", "type": "colour"}]},
     "labels[0] (PLACE).attributes[0] (kind).type: 'colour' is not one of quantity, text, choice, link"),
    ({"attributes": [{"key": "kind"}]},
     "labels[0] (PLACE).attributes[0] (kind).type: missing (one of quantity, text, choice, link)"),
    ({"attributes": [{"key": "to", "type": "link", "targets": ["CITY"]}]},
     "labels[0] (PLACE).attributes[0] (to).targets: 'CITY' is not a label of this schema"),
    ({"attributes": [{"key": "to", "type": "link"}]},
     "labels[0] (PLACE).attributes[0] (to).targets: a link needs the label keys it may point to"),
    ({"attributes": [{"key": "ind", "type": "choice", "choices": ["@indicators"]}]},
     "labels[0] (PLACE).attributes[0] (ind).choices: @indicators is used but the schema has no indicators"),
    ({"attributes": [{"key": "proposed", "type": "text"}]},
     "labels[0] (PLACE).attributes[0] (proposed).key: proposed is reserved (it lists a span's unconfirmed "
     "attributes)"),
    ({"attributes": [{"key": "Unit", "type": "text"}]},
     "labels[0] (PLACE).attributes[0] (Unit).key: 'Unit' must be lower-case letters, digits and _ (like unit)"),
    ({"attributes": [{"key": "unit", "type": "text"}, {"key": "unit", "type": "text"}]},
     "labels[0] (PLACE).attributes: unit is defined twice"),
])
def test_each_mistake_gets_its_own_located_message(changes, message):
    assert problems_of(schema_with(**changes)) == [f"mine.toml: {message}"]


def test_top_level_mistakes():
    assert problems_of({"name": "t", "labels": []}) == ["mine.toml: labels: at least one label is required"]
    assert problems_of({"labels": [LABEL], "indicator": []}) == [
        "mine.toml: indicator: unknown field (known: indicators, labels, name)"]
    assert problems_of({"labels": [LABEL], "indicators": ["就业", "就业", {"key": ""}]}) == [
        "mine.toml: indicators[1].key: 就业 is listed twice", "mine.toml: indicators[2].key: missing"]
    with pytest.raises(SchemaError, match=r"^x.yaml: expected a table/mapping at the top, got list$"):
        parse_schema([LABEL], "x.yaml")


def test_duplicate_keys_and_shortcuts_are_refused():
    data = {"labels": [LABEL, {**LABEL, "shortcut": "2"}, {**LABEL, "key": "CITY", "shortcut": "ctrl+1"},
                       {**LABEL, "key": "TOWN", "shortcut": "Ctrl+1"}]}
    assert problems_of(data) == [
        "mine.toml: labels[1] (PLACE).key: PLACE is defined twice (also labels[0])",
        "mine.toml: labels[3] (TOWN).shortcut: Ctrl+1 is already the shortcut of CITY"]


def test_all_problems_are_reported_at_once():
    data = {"name": "t", "extra": 1, "labels": [
        {**LABEL, "color": "red", "shortcut": "q"},
        {**LABEL, "key": "CITY", "layer": "x", "attributes": [{"key": "to", "type": "link", "targets": ["NOPE"]}]}]}
    assert problems_of(data) == [
        "mine.toml: extra: unknown field (known: indicators, labels, name)",
        "mine.toml: labels[0] (PLACE).color: 'red' is not a colour like #1A2B3C",
        f"mine.toml: labels[0] (PLACE).shortcut: 'q' is a bare letter; {HELP} "
        "(bare letters are swallowed by Chinese input methods)",
        "mine.toml: labels[1] (CITY).layer: 'x' is not one of entity, metric",
        "mine.toml: labels[1] (CITY).attributes[0] (to).targets: 'NOPE' is not a label of this schema"]


@pytest.mark.parametrize("text, normal", [
    ("1", "1"), ("0", "0"), (7, "7"), ("F5", "F5"), ("f12", "F12"), ("ctrl+1", "Ctrl+1"),
    ("shift+alt+r", "Alt+Shift+R"), ("Shift + Ctrl + 1", "Ctrl+Shift+1"), ("meta+F3", "Meta+F3"),
    ("Shift+F2", "Shift+F2"), ("a", None), ("Shift+a", None), ("Shift+1", None), ("Ctrl+Ctrl+1", None),
    ("Ctrl+", None), ("F13", None), ("", None), (10, None), (True, None), ("Ctrl+é", None)])
def test_shortcuts_are_normalised_to_qt_text(text, normal):
    assert normalise_shortcut(text) == normal


# --- files --------------------------------------------------------------------------------------------

def test_yaml_and_toml_give_the_same_schema(tmp_path):
    (tmp_path / "default.yaml").write_text(yaml.safe_dump(schema_to_dict(default_schema()), allow_unicode=True),
                                           encoding="utf-8")
    assert load_schema(tmp_path / "default.yaml") == default_schema()
    (tmp_path / "s.toml").write_text('name = "t"\n[[labels]]\nkey = "PLACE"\nname_zh = "地点"\nname_en = "Place"\n'
                                     'layer = "entity"\ncolor = "#0072b2"\nshortcut = "ctrl+1"\n', encoding="utf-8")
    (tmp_path / "s.yml").write_text("name: t\nlabels:\n  - {key: PLACE, name_zh: 地点, name_en: Place, layer: entity,"
                                    " color: '#0072b2', shortcut: Ctrl+1}\n", encoding="utf-8")
    toml_schema, yaml_schema = load_schema(tmp_path / "s.toml"), load_schema(tmp_path / "s.yml")
    assert toml_schema == yaml_schema
    assert toml_schema.labels[0].shortcut == "Ctrl+1" and toml_schema.labels[0].color == "#0072B2"


def test_a_yaml_digit_shortcut_may_be_a_number(tmp_path):
    (tmp_path / "s.yaml").write_text("labels:\n  - {key: PLACE, name_zh: 地点, name_en: Place, layer: entity,"
                                     " color: '#0072B2', shortcut: 3}\n", encoding="utf-8")
    assert load_schema(tmp_path / "s.yaml").labels[0].shortcut == "3"


@pytest.mark.parametrize("name, text, message", [
    ("bad.yaml", "labels:\n  - key: [unclosed\n",
     "bad.yaml: not valid YAML at line 3, column 1: expected ',' or ']', but got '<stream end>'"),
    ("bad.yaml", "labels:\n\t- key: A\n", "bad.yaml: not valid YAML at line 2, column 1: found character '\\t'"),
    ("bad.toml", 'name = "a"\nname = "b"\n', "bad.toml: not valid TOML at line 2, column"),
    ("bad.toml", "labels = [\n", "bad.toml: not valid TOML at line 1 (end of file): Invalid value"),
    ("empty.yaml", "", "empty.yaml: the file is empty"),
    ("s.json", "{}", "s.json: unknown schema file type '.json'; use .toml, .yaml or .yml"),
    ("s.toml", '[[labels]]\nkey = "A"\n', "s.toml: labels[0] (A).name_zh: missing"),
])
def test_bad_files_are_named_with_the_line(tmp_path, name, text, message):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_schema(tmp_path / name)
    assert message in str(info.value).replace(str(tmp_path / name), name)


def test_a_missing_file_is_a_schema_error(tmp_path):
    with pytest.raises(SchemaError, match="nowhere.toml: cannot read"):
        load_schema(tmp_path / "nowhere.toml")


def test_round_trip_through_dict_and_json():
    schema = default_schema()
    assert parse_schema(schema_to_dict(schema)) == schema
    assert parse_schema(json.loads(json.dumps(schema_to_dict(schema), ensure_ascii=False))) == schema


# --- span attributes ----------------------------------------------------------------------------------

@pytest.mark.parametrize("attrs", [
    {"value": 134000, "unit": "户", "qualifier": "more_than", "indicator": "贫困人口", "subject": 3, "period": None},
    {"value": [5e8, 7e8], "qualifier": "range"}, {"value": ["5", "7"]}, {"value": (5, 5)},
    {"value": "171600000"}, {"value": "0.5"}, {"value": 0}, {"value": Decimal("13.4E4")}, {"value": 47.99},
    {"value": "", "unit": "", "indicator": None}, {"proposed": ["indicator", "subject"], "indicator": "就业"}, {}])
def test_good_attributes_pass(attrs):
    assert check_attrs(default_schema(), "METRIC", attrs) == []


@pytest.mark.parametrize("attrs, problem", [
    ({"value": [7, 5]}, "value: [7, 5] is not a number >= 0 or a [low, high] pair with low <= high"),
    ({"value": -3}, "value: -3 is not a number >= 0 or a [low, high] pair with low <= high"),
    ({"value": "nan"}, "value: 'nan' is not a number"),
    ({"value": "13.4万"}, "value: '13.4万' is not a number"),
    ({"value": True}, "value: True is not a number"),
    ({"value": [1, 2, 3]}, "value: [1, 2, 3] is not a number"),
    ({"value": float("inf")}, "value: inf is not a number"),
    ({"qualifier": "lots"}, "qualifier: 'lots' is not one of exact, approx, more_than, less_than, range"),
    ({"indicator": "GDP"}, "indicator: 'GDP' is not one of 贫困人口, 脱贫人口"),
    ({"subject": "云阳县"}, "subject: '云阳县' must be the id of a span"),
    ({"period": 2.0}, "period: 2.0 must be the id of a span"),
    ({"unit": 5}, "unit: 5 must be text"),
    ({"colour": 1}, "colour: METRIC has no such attribute (value, unit, qualifier, indicator, subject, period)"),
    ({"proposed": ["colour"]}, "proposed: must list attributes of METRIC"),
])
def test_bad_attributes_are_named(attrs, problem):
    problems = check_attrs(default_schema(), "METRIC", attrs)
    assert len(problems) == 1 and problems[0].startswith(problem)


def test_attributes_of_other_labels():
    schema = default_schema()
    assert check_attrs(schema, "REGION", {"value": 1}) == ["value: REGION has no such attribute"]
    assert check_attrs(schema, "PLACE", {}) == ["unknown label 'PLACE'"]
    assert len(check_attrs(schema, "METRIC", {"value": "x", "qualifier": "y", "subject": "z"})) == 3


# --- robustness ---------------------------------------------------------------------------------------

FIELDS = ["name", "labels", "key", "layer", "color", "shortcut", "attributes", "type", "choices", "targets",
          "name_zh", "name_en", "indicators", "guideline"]
scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
           | st.sampled_from(["entity", "metric", "#0072B2", "1", "Ctrl+1", "link", "choice", "REGION",
                              "@indicators", "quantity"]))
json_like = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(FIELDS) | st.integers() | st.text(max_size=3), inner, max_size=6), max_leaves=25)


@given(json_like)
def test_parse_schema_raises_only_schema_errors(data):
    try:
        parse_schema(data)
    except SchemaError as exc:
        assert str(exc).startswith("<schema>: ")


@settings(max_examples=300)
@given(st.sampled_from([*LABEL, "attributes", "guideline"]), json_like,
       st.sampled_from(["key", "type", "choices", "targets", "name_zh"]), json_like)
def test_one_bad_field_in_a_good_schema_is_located(field, value, attr_field, attr_value):
    attribute = {"key": "kind", "type": "choice", "choices": ["a"], attr_field: attr_value}
    data = {"labels": [{**LABEL, "attributes": [attribute], field: value}]}
    try:
        schema = parse_schema(data)
    except SchemaError as exc:
        assert all(line.strip().startswith("<schema>: labels[0]") for line in str(exc).split("\n")[1:])
    else:
        assert len(schema.labels) == 1


@given(st.dictionaries(st.sampled_from(["value", "unit", "qualifier", "indicator", "subject", "period", "proposed",
                                        "x"]), json_like, max_size=4))
def test_check_attrs_never_raises_and_names_the_attribute(attrs):
    for problem in check_attrs(default_schema(), "METRIC", attrs):
        assert problem.split(":", 1)[0] in attrs  # the metric frames drop failing proposals by this key


def test_a_key_with_a_line_break_stays_on_its_problem_line():
    """Found by the property test above: a key holding a line break split one problem over two lines."""
    data = {"labels": [{**LABEL, "key": None, "attributes": [{"key": "a\nb", "type": "choice", "choices": ["a"]}]}]}
    with pytest.raises(SchemaError) as caught:
        parse_schema(data)
    lines = str(caught.value).split("\n")
    assert len(lines) == 3 and all(line.strip().startswith("<schema>: labels[0]") for line in lines[1:])
    assert "'a\\nb'" in lines[2]
