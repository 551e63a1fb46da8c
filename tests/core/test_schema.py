"""Label schema: the default is complete and readable by everyone; bad schemas get located messages."""
import itertools

import pytest
import yaml
from hypothesis import given, strategies as st

from annotator.core.schema import (SchemaError, check_attrs, default_schema, load_schema, normalise_shortcut,
                                   parse_schema, schema_to_dict)

INDICATORS = ["贫困人口", "脱贫人口", "贫困发生率", "贫困村", "资金投入", "产业规模", "就业", "收入", "帮扶力量",
              "易地搬迁", "教育", "医疗", "住房", "基础设施", "其他"]


def test_default_schema_has_the_design_labels_and_indicators():
    schema = default_schema()
    assert [(lab.key, lab.name_zh, lab.layer) for lab in schema.labels] == [
        ("REGION", "地区", "entity"), ("ORG", "机构", "entity"), ("PERSON", "人物", "entity"),
        ("DATE", "时间", "entity"), ("PROGRAM", "政策/项目", "entity"), ("METRIC", "指标", "metric")]
    assert [i.key for i in schema.indicators] == INDICATORS and all(i.name_en for i in schema.indicators)
    metric = schema.label("METRIC")
    assert [(a.key, a.type) for a in metric.attributes] == [
        ("value", "quantity"), ("unit", "text"), ("qualifier", "choice"), ("indicator", "choice"),
        ("subject", "link"), ("period", "link")]
    assert all(lab.guideline and lab.name_en for lab in schema.labels)
    assert [lab.shortcut for lab in schema.labels] == ["1", "2", "3", "4", "5", "6"]


# Colour checks: WCAG contrast and CVD simulation (Machado et al. 2009, severity 1) in linear RGB.
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def linear(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def luminance(rgb):
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def contrast(a, b):
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def lab(rgb):
    x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    fx, fy, fz = f(x / 0.95047), f(y), f(z / 1.08883)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def simulate(rgb, matrix):
    return [min(1.0, max(0.0, sum(matrix[i][j] * rgb[j] for j in range(3)))) for i in range(3)]


def delta_e(a, b):
    return sum((p - q) ** 2 for p, q in zip(a, b)) ** 0.5


def test_colours_are_readable_on_white():
    for label in default_schema().labels:
        assert contrast(luminance(linear(label.color)), 1.0) >= 3.0, label.key  # underlines, outlines
        tint = "#" + "".join(f"{round(255 - 0.3 * (255 - int(label.color[i:i + 2], 16))):02X}" for i in (1, 3, 5))
        assert contrast(luminance(linear(tint)), 0.0) >= 7.0, label.key  # black text on the highlight


@pytest.mark.parametrize("vision", [None, *CVD])
def test_colours_stay_distinct_with_colour_blindness(vision):
    colours = {lab.key: linear(lab.color) for lab in default_schema().labels}
    if vision:
        colours = {k: simulate(v, CVD[vision]) for k, v in colours.items()}
    for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
        assert delta_e(lab(ca), lab(cb)) >= 20, (vision, a, b)


def test_the_contrast_check_can_fail():
    assert contrast(luminance(linear("#F0E442")), 1.0) < 3.0  # Okabe-Ito yellow is too light for an underline


LABEL = {"key": "PLACE", "name_zh": "地点", "name_en": "Place", "layer": "entity", "color": "#0072B2", "shortcut": "1"}


def schema_with(**changes):
    return {"name": "t", "labels": [{**LABEL, **changes}]}


@pytest.mark.parametrize("changes, message", [
    ({"color": "#12345"}, "labels[0] (PLACE).color: '#12345' is not a colour like #1A2B3C"),
    ({"shortcut": "a"}, "labels[0] (PLACE).shortcut: 'a' is a bare letter; use a digit 1-9, F1-F12 or Ctrl/Alt+key"),
    ({"shortcut": "Hyper+1"}, "'Hyper+1' is not a shortcut"),
    ({"layer": "token"}, "labels[0] (PLACE).layer: 'token' is not one of entity, metric"),
    ({"key": "place"}, "labels[0] (place).key: 'place' must be upper-case letters"),
    ({"colour": "#000000"}, "labels[0] (PLACE).colour: unknown field"),
    ({"name_zh": ""}, "labels[0] (PLACE).name_zh: missing"),
    ({"attributes": [{"key": "kind", "type": "choice"}]}, "attributes[0].choices: a choice needs choices"),
    ({"attributes": [{"key": "kind", "type": "colour"}]}, "attributes[0].type: 'colour' is not one of"),
    ({"attributes": [{"key": "to", "type": "link", "targets": ["CITY"]}]}, "'CITY' is not a label of this schema"),
    ({"attributes": [{"key": "ind", "type": "choice", "choices": ["@indicators"]}]},
     "@indicators is used but the schema has no indicators"),
])
def test_each_mistake_gets_its_own_located_message(changes, message):
    with pytest.raises(SchemaError) as info:
        parse_schema(schema_with(**changes), "mine.toml")
    assert message in str(info.value)
    assert "mine.toml" in str(info.value)


def test_all_problems_are_reported_at_once():
    data = {"name": "t", "labels": [{**LABEL, "color": "red", "shortcut": "q"}, {**LABEL, "layer": "x"}],
            "extra": 1}
    with pytest.raises(SchemaError) as info:
        parse_schema(data)
    message = str(info.value)
    assert "4 problems" in message
    for part in ("extra: unknown field", "color: 'red'", "shortcut: 'q'", "labels[1] (PLACE).layer"):
        assert part in message


def test_duplicates_are_refused():
    data = {"labels": [LABEL, {**LABEL, "shortcut": "2"}, {**LABEL, "key": "CITY"}]}
    message = str(pytest.raises(SchemaError, parse_schema, data).value)
    assert "PLACE is defined twice" in message and "1 is already the shortcut of PLACE" in message
    assert "labels: at least one label is required" in str(pytest.raises(SchemaError, parse_schema, {"labels": []}).value)


def test_yaml_and_toml_give_the_same_schema(tmp_path):
    toml_text = (tmp_path / "s.toml")
    toml_text.write_text('name = "t"\n[[labels]]\nkey = "PLACE"\nname_zh = "地点"\nname_en = "Place"\n'
                         'layer = "entity"\ncolor = "#0072b2"\nshortcut = "ctrl+1"\n', encoding="utf-8")
    (tmp_path / "s.yaml").write_text(yaml.safe_dump({"name": "t", "labels": [
        {**LABEL, "color": "#0072b2", "shortcut": "ctrl+1"}]}, allow_unicode=True), encoding="utf-8")
    a, b = load_schema(tmp_path / "s.toml"), load_schema(tmp_path / "s.yaml")
    assert a == b and a.labels[0].shortcut == "Ctrl+1" and a.labels[0].color == "#0072B2"


def test_unreadable_files_are_named(tmp_path):
    (tmp_path / "bad.yaml").write_text("labels:\n  - key: [unclosed\n", encoding="utf-8")
    assert "bad.yaml: not valid YAML at line" in str(pytest.raises(SchemaError, load_schema, tmp_path / "bad.yaml").value)
    (tmp_path / "bad.toml").write_text("labels = [\n", encoding="utf-8")
    assert "bad.toml: not valid TOML" in str(pytest.raises(SchemaError, load_schema, tmp_path / "bad.toml").value)
    (tmp_path / "s.json").write_text("{}")
    assert "unknown schema file type '.json'" in str(pytest.raises(SchemaError, load_schema, tmp_path / "s.json").value)


def test_round_trip_through_dict():
    schema = default_schema()
    assert parse_schema(schema_to_dict(schema)) == schema


@pytest.mark.parametrize("text, normal", [("1", "1"), ("F5", "F5"), ("ctrl+1", "Ctrl+1"), ("shift+alt+r", "Alt+Shift+R"),
                                          ("a", None), ("Shift+a", None), ("Ctrl+Ctrl+1", None), ("", None)])
def test_shortcuts(text, normal):
    assert normalise_shortcut(text) == normal


def test_span_attributes_are_checked():
    schema = default_schema()
    assert check_attrs(schema, "METRIC", {"value": 134000, "unit": "户", "qualifier": "more_than",
                                          "indicator": "贫困人口", "subject": 3, "period": None}) == []
    assert check_attrs(schema, "METRIC", {"value": [5e8, 7e8], "qualifier": "range"}) == []
    assert check_attrs(schema, "METRIC", {"value": "171600000"}) == []
    problems = check_attrs(schema, "METRIC", {"value": [7, 5], "qualifier": "lots", "indicator": "GDP",
                                              "subject": "云阳", "colour": 1})
    assert len(problems) == 5
    assert check_attrs(schema, "METRIC", {"value": -3}) and check_attrs(schema, "METRIC", {"value": "nan"})
    assert check_attrs(schema, "REGION", {"value": 1}) == ["value: REGION has no such attribute"]


json_like = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                             st.sampled_from(["name", "labels", "key", "layer", "color", "shortcut", "attributes",
                                              "type", "choices", "targets", "name_zh", "name_en", "indicators"]),
                             inner, max_size=5), max_leaves=20)


@given(json_like)
def test_parse_schema_raises_only_schema_errors(data):
    try:
        parse_schema(data)
    except SchemaError as exc:
        assert str(exc)
