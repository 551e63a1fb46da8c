"""The label schema: loading (TOML or YAML), validating with located messages, defaults.

A project stores its schema in its own tables; `schema_to_dict` and
`parse_schema` are exact inverses so that storing and reading lose nothing.
"""
from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from annotator.core.model import LAYERS, AnnotatorError, Attribute, Indicator, Label, Schema
from annotator.core.paths import resource_path

ATTRIBUTE_TYPES = ("quantity", "text", "choice", "link")
PROPOSED = "proposed"  # reserved attribute: the keys whose values are proposals nobody confirmed yet
INDICATORS = "@indicators"
_KEY = re.compile(r"[A-Z][A-Z0-9_]*")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_MODIFIERS = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta"}
_KEYS = {**{str(d): str(d) for d in range(10)}, **{f"f{n}": f"F{n}" for n in range(1, 13)}}
_LABEL_FIELDS = {"key", "name_zh", "name_en", "layer", "color", "shortcut", "guideline", "attributes"}
_ATTR_FIELDS = {"key", "type", "name_zh", "name_en", "choices", "targets"}


class SchemaError(AnnotatorError):
    """Every problem of a schema, one per line, each with where it is."""


def load_schema(path: str | Path) -> Schema:
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            data = tomllib.loads(path.read_text("utf-8"))
        elif suffix in (".yaml", ".yml"):
            data = yaml.safe_load(path.read_text("utf-8"))
        else:
            raise SchemaError(f"{path}: unknown schema file type {suffix or '(none)'!r}; use .toml, .yaml or .yml")
    except tomllib.TOMLDecodeError as exc:
        raise SchemaError(f"{path}: not valid TOML: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise SchemaError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{path}: cannot read ({exc})") from None
    return parse_schema(data, str(path))


def default_schema() -> Schema:
    return load_schema(resource_path("schema.toml"))


def normalise_shortcut(text: str) -> str | None:
    """Qt's portable form ("Ctrl+Shift+1") of an allowed shortcut, or None.

    Allowed: a digit, F1-F12, or Ctrl/Alt/Shift/Meta + a digit, letter or F-key.
    Bare letters are not: a Chinese input method swallows them."""
    parts = [p.strip() for p in text.split("+")] if isinstance(text, str) else []
    if not parts or not all(parts):
        return None
    *mods, key = parts
    mods_norm = [_MODIFIERS.get(m.lower()) for m in mods]
    if None in mods_norm or len(set(mods_norm)) != len(mods_norm):
        return None
    key_norm = _KEYS.get(key.lower()) or (key.upper() if mods and re.fullmatch(r"[A-Za-z]", key) else None)
    if key_norm is None or (mods_norm == ["Shift"] and key_norm.isalpha() and len(key_norm) == 1):
        return None
    order = [m for m in ("Ctrl", "Alt", "Shift", "Meta") if m in mods_norm]
    return "+".join(order + [key_norm])


def parse_schema(data: Any, origin: str = "<schema>") -> Schema:
    """Validate `data` (as read from TOML/YAML/JSON) and build the Schema; SchemaError lists all problems."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise SchemaError(f"{origin}: expected a table/mapping at the top, got {type(data).__name__}")
    for extra in sorted(set(data) - {"name", "labels", "indicators"}):
        problems.append(f"{extra}: unknown field")
    name = data.get("name", "")
    if not isinstance(name, str):
        problems.append("name: must be text")
        name = ""
    indicators = _indicators(data.get("indicators", []), problems)
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, list) or not raw_labels:
        problems.append("labels: at least one label is required")
        raw_labels = []
    keys = [lab.get("key") for lab in raw_labels if isinstance(lab, dict)]
    labels = []
    seen_keys: set = set()
    seen_shortcuts: dict[str, str] = {}
    for i, raw in enumerate(raw_labels):
        label = _label(i, raw, keys, bool(indicators), problems)
        if label is None:
            continue
        where = f"labels[{i}] ({label.key})"
        if label.key in seen_keys:
            problems.append(f"{where}.key: {label.key} is defined twice")
        seen_keys.add(label.key)
        if label.shortcut in seen_shortcuts:
            problems.append(f"{where}.shortcut: {label.shortcut} is already the shortcut of "
                            f"{seen_shortcuts[label.shortcut]}")
        seen_shortcuts.setdefault(label.shortcut, label.key)
        labels.append(label)
    if problems:
        raise SchemaError(f"{origin}: {len(problems)} problem{'s' * (len(problems) > 1)}:\n  "
                          + "\n  ".join(f"{origin}: {p}" for p in problems))
    return Schema(name=name, labels=tuple(labels), indicators=tuple(indicators))


def _indicators(raw: Any, problems: list[str]) -> list[Indicator]:
    if not isinstance(raw, list):
        problems.append("indicators: must be a list")
        return []
    result, seen = [], set()
    for i, item in enumerate(raw):
        if isinstance(item, str):
            item = {"key": item}
        if not isinstance(item, dict) or not isinstance(item.get("key"), str) or not item["key"].strip():
            problems.append(f"indicators[{i}].key: missing")
            continue
        for extra in sorted(set(item) - {"key", "name_en"}):
            problems.append(f"indicators[{i}].{extra}: unknown field")
        if item["key"] in seen:
            problems.append(f"indicators[{i}].key: {item['key']} is listed twice")
        seen.add(item["key"])
        result.append(Indicator(item["key"], str(item.get("name_en", ""))))
    return result


def _label(i: int, raw: Any, keys: list, have_indicators: bool, problems: list[str]) -> Label | None:
    if not isinstance(raw, dict):
        problems.append(f"labels[{i}]: expected a table/mapping, got {type(raw).__name__}")
        return None
    key = raw.get("key")
    where = f"labels[{i}]" + (f" ({key})" if isinstance(key, str) else "")
    before = len(problems)
    for extra in sorted(set(raw) - _LABEL_FIELDS):
        problems.append(f"{where}.{extra}: unknown field")
    if key is None:
        problems.append(f"{where}.key: missing")
    elif not isinstance(key, str) or not _KEY.fullmatch(key):
        problems.append(f"{where}.key: {key!r} must be upper-case letters, digits and _ (like REGION)")
    for field in ("name_zh", "name_en"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            problems.append(f"{where}.{field}: missing")
    layer = raw.get("layer")
    if layer not in LAYERS:
        problems.append(f"{where}.layer: {layer!r} is not one of {', '.join(LAYERS)}")
    color = raw.get("color")
    if not isinstance(color, str) or not _COLOUR.fullmatch(color):
        problems.append(f"{where}.color: {color!r} is not a colour like #1A2B3C")
    shortcut = raw.get("shortcut")
    normal = normalise_shortcut(shortcut) if shortcut is not None else None
    if shortcut is None:
        problems.append(f"{where}.shortcut: missing")
    elif normal is None:
        bare = isinstance(shortcut, str) and re.fullmatch(r"[A-Za-z]", shortcut.strip() or "-")
        problems.append(f"{where}.shortcut: {shortcut!r} " + (
            "is a bare letter; use a digit 1-9, F1-F12 or Ctrl/Alt+key (bare letters are swallowed by Chinese "
            "input methods)" if bare else "is not a shortcut; use a digit 1-9, F1-F12 or Ctrl/Alt+key"))
    guideline = raw.get("guideline", "")
    if not isinstance(guideline, str):
        problems.append(f"{where}.guideline: must be text")
    attrs = raw.get("attributes", [])
    if not isinstance(attrs, list):
        problems.append(f"{where}.attributes: must be a list")
        attrs = []
    parsed = [_attribute(f"{where}.attributes[{j}]", a, keys, have_indicators, problems)
              for j, a in enumerate(attrs)]
    attributes = [a for a in parsed if a is not None]
    names = [a.key for a in attributes]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"{where}.attributes: {dup} is defined twice")
    if len(problems) > before:
        return None
    return Label(key, raw["name_zh"].strip(), raw["name_en"].strip(), layer, color.upper(), normal,
                 guideline.strip(), tuple(attributes))


def _attribute(where: str, raw: Any, keys: list, have_indicators: bool, problems: list[str]) -> Attribute | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a table/mapping")
        return None
    before = len(problems)
    for extra in sorted(set(raw) - _ATTR_FIELDS):
        problems.append(f"{where}.{extra}: unknown field")
    key, type_ = raw.get("key"), raw.get("type")
    if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        problems.append(f"{where}.key: {key!r} must be lower-case letters, digits and _ (like unit)")
    if type_ not in ATTRIBUTE_TYPES:
        problems.append(f"{where}.type: {type_!r} is not one of {', '.join(ATTRIBUTE_TYPES)}")
    choices, targets = raw.get("choices", []), raw.get("targets", [])
    if not isinstance(choices, list) or not all(isinstance(c, str) and c for c in choices):
        problems.append(f"{where}.choices: must be a list of texts")
        choices = []
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        problems.append(f"{where}.targets: must be a list of label keys")
        targets = []
    if type_ == "choice" and not choices:
        problems.append(f"{where}.choices: a choice needs choices")
    if INDICATORS in choices and not have_indicators:
        problems.append(f"{where}.choices: {INDICATORS} is used but the schema has no indicators")
    if type_ == "link":
        if not targets:
            problems.append(f"{where}.targets: a link needs the label keys it may point to")
        for target in targets:
            if target not in keys:
                problems.append(f"{where}.targets: {target!r} is not a label of this schema")
    if len(problems) > before:
        return None
    return Attribute(key, type_, str(raw.get("name_zh", "")), str(raw.get("name_en", "")), tuple(choices),
                     tuple(targets))


def schema_to_dict(schema: Schema) -> dict:
    def attribute(a: Attribute) -> dict:
        d = {"key": a.key, "type": a.type, "name_zh": a.name_zh, "name_en": a.name_en}
        if a.choices:
            d["choices"] = list(a.choices)
        if a.targets:
            d["targets"] = list(a.targets)
        return d
    return {
        "name": schema.name,
        "labels": [{"key": lab.key, "name_zh": lab.name_zh, "name_en": lab.name_en, "layer": lab.layer,
                    "color": lab.color, "shortcut": lab.shortcut, "guideline": lab.guideline,
                    "attributes": [attribute(a) for a in lab.attributes]} for lab in schema.labels],
        "indicators": [{"key": i.key, "name_en": i.name_en} for i in schema.indicators],
    }


def choices(schema: Schema, attribute: Attribute) -> tuple[str, ...]:
    """The allowed values of a choice attribute, with @indicators expanded."""
    out: list[str] = []
    for choice in attribute.choices:
        out += [i.key for i in schema.indicators] if choice == INDICATORS else [choice]
    return tuple(out)


def check_attrs(schema: Schema, label_key: str, attrs: Any) -> list[str]:
    """Problems of a span's attributes for its label; empty when all is well. Empty values are allowed."""
    label = schema.label(label_key)
    if label is None:
        return [f"unknown label {label_key!r}"]
    if not isinstance(attrs, dict):
        return ["attributes must be an object"]
    known = {a.key: a for a in label.attributes}
    problems = []
    for key, value in attrs.items():
        attribute = known.get(key)
        if key == PROPOSED and known:
            if not isinstance(value, list) or not all(k in known for k in value):
                problems.append(f"{PROPOSED}: must list attributes of {label_key}")
            continue
        if attribute is None:
            problems.append(f"{key}: {label_key} has no such attribute"
                            + (f" ({', '.join(known)})" if known else ""))
        elif value is None or value == "":
            continue
        elif attribute.type == "quantity" and not _quantity_ok(value):
            problems.append(f"{key}: {value!r} is not a number >= 0 or a [low, high] pair with low <= high")
        elif attribute.type == "text" and not isinstance(value, str):
            problems.append(f"{key}: must be text")
        elif attribute.type == "choice" and value not in choices(schema, attribute):
            problems.append(f"{key}: {value!r} is not one of {', '.join(choices(schema, attribute))}")
        elif attribute.type == "link" and (not isinstance(value, int) or isinstance(value, bool)):
            problems.append(f"{key}: must be the id of a span")
    return problems


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value)) if isinstance(value, (int, float, str)) else None
    except InvalidOperation:
        return None
    return number if number is not None and number.is_finite() and number >= 0 else None


def _quantity_ok(value: Any) -> bool:
    if isinstance(value, list):
        if len(value) != 2:
            return False
        low, high = map(_number, value)
        return low is not None and high is not None and low <= high
    return _number(value) is not None
