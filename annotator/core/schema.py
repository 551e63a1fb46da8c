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

from annotator.core.ingest.limits import MAX_DEPTH, quoted
from annotator.core.ingest.strict_json import JsonError, check_depth
from annotator.core.model import LAYERS, AnnotatorError, Attribute, Indicator, Label, Schema
from annotator.core.paths import resource_path

ATTRIBUTE_TYPES = ("quantity", "text", "choice", "link")
PROPOSED = "proposed"  # reserved attribute: the keys whose values are proposals nobody confirmed yet
NOTE = "note"  # reserved attribute of every label: a free note, a question to the team
INDICATORS = "@indicators"
_KEY = re.compile(r"[A-Z][A-Z0-9_]*")
_ATTR_KEY = re.compile(r"[a-z][a-z0-9_]*")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_MODIFIERS = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta"}
_KEYS = {**{str(d): str(d) for d in range(10)}, **{f"f{n}": f"F{n}" for n in range(1, 13)}}
_TOP_FIELDS = {"name", "labels", "indicators"}
_LABEL_FIELDS = {"key", "name_zh", "name_en", "layer", "color", "shortcut", "guideline", "attributes"}
_ATTR_FIELDS = {"key", "type", "name_zh", "name_en", "choices", "targets"}
_SHORTCUT_HELP = "use a digit 1-9, F1-F12 or Ctrl/Alt+key"


def is_key(name: str) -> bool:
    """The rule of a label key: upper-case ASCII letters, digits and _, a letter first (like REGION)."""
    return _KEY.fullmatch(name) is not None


def key_for(name: str) -> str | None:
    """The key for another tool's label name: upper-cased, each run of other characters one _
    (Date → DATE, PER.NAM → PER_NAM, b-loc → B_LOC); None when no key can be made of it (人名, 2nd):
    such a label needs --map."""
    if is_key(name):
        return name
    key = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")
    return key if is_key(key) else None


class SchemaError(AnnotatorError):
    """Every problem of a schema, one per line, each with where it is."""


MAX_SCHEMA_BYTES = 1024 * 1024  # the default schema is 5 KB; a schema of megabytes is a mistake or an attack
MAX_PROBLEMS = 20  # listed of a schema's problems; the rest are counted


class _YamlLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases and with bounded nesting: a 500-byte "billion laughs"
    file of aliases expanded to gigabytes, and deep nesting exhausted Python's recursion.  A label
    schema never needs either."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise SchemaError(f"line {mark.line + 1}, column {mark.column + 1}: YAML aliases (*name) are not "
                              "allowed in a schema; write the value out")
        depth = getattr(self, "_depth", 0)
        if depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise SchemaError(f"line {mark.line + 1}: nested more than {MAX_DEPTH} levels deep")
        self._depth = depth + 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth


def load_schema(path: str | Path) -> Schema:
    """Read a schema file; the suffix (.toml, .yaml, .yml) chooses the format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".yaml", ".yml"):
        raise SchemaError(f"{path}: unknown schema file type {quoted(suffix or '(none)')}; use .toml, .yaml or .yml")
    try:
        size = path.stat().st_size
        if size > MAX_SCHEMA_BYTES:
            raise SchemaError(f"{path}: too large for a schema ({size:,} bytes; the limit is {MAX_SCHEMA_BYTES:,})")
        text = path.read_text("utf-8")
        data = tomllib.loads(text) if suffix == ".toml" else yaml.load(text, Loader=_YamlLoader)
    except SchemaError as exc:
        raise SchemaError(str(exc) if str(exc).startswith(f"{path}:") else f"{path}: {exc}") from None
    except RecursionError:
        raise SchemaError(f"{path}: nested too deeply for a schema") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib ends its message with "(at line 2, column 4)" or "(at end of document)"
        message, _, place = str(exc).rpartition(" (at ")
        found = re.fullmatch(r"line (\d+), column (\d+)\)", place)
        where = (f" at line {found[1]}, column {found[2]}" if found else
                 f" at line {max(1, len(text.splitlines()))} (end of file)" if place == "end of document)" else "")
        raise SchemaError(f"{path}: not valid TOML{where}: {message or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise SchemaError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    if data is None:
        raise SchemaError(f"{path}: the file is empty")
    try:
        check_depth(data)
    except JsonError as exc:
        raise SchemaError(f"{path}: {exc}") from None
    return parse_schema(data, str(path))


def _named(key: Any) -> str:
    """A place's key beside its index, as typed when it is printable, quoted when not: one problem, one line."""
    if not isinstance(key, str):
        return ""
    return f" ({key})" if key.isprintable() and len(key) <= 40 else f" ({quoted(key, 40)})"


def _cut(problem: str, limit: int = 300) -> str:
    """One problem line, cut short: its place may repeat a 100,000-character key."""
    return problem if len(problem) <= limit else f"{problem[:limit]}… ({len(problem):,} characters)"


def default_schema() -> Schema:
    """The schema shipped in resources/schema.toml."""
    return load_schema(resource_path("schema.toml"))


def normalise_shortcut(text: Any) -> str | None:
    """Qt's portable form ("Ctrl+Shift+1") of an allowed shortcut, or None.

    Allowed: a digit, F1-F12, or Ctrl/Alt/Shift/Meta + a digit, letter or F-key. Refused: what types
    a character (a letter, Shift+letter, Shift+digit), since the input method or the keyboard layout
    takes it before Qt sees a shortcut. An int 0-9 (YAML's `shortcut: 1`) counts as the digit.
    """
    if isinstance(text, int) and not isinstance(text, bool) and 0 <= text <= 9:
        text = str(text)
    parts = [p.strip() for p in text.split("+")] if isinstance(text, str) else []
    if not parts or not all(parts):
        return None
    *mods, key = parts
    mods_norm = [_MODIFIERS.get(m.lower()) for m in mods]
    if None in mods_norm or len(set(mods_norm)) != len(mods_norm):
        return None
    key_norm = _KEYS.get(key.lower()) or (key.upper() if mods and re.fullmatch(r"[A-Za-z]", key) else None)
    if key_norm is None or (mods_norm == ["Shift"] and len(key_norm) == 1):
        return None
    order = [m for m in ("Ctrl", "Alt", "Shift", "Meta") if m in mods_norm]
    return "+".join(order + [key_norm])


def _shortcut_problem(shortcut: Any) -> str:
    text = shortcut.strip() if isinstance(shortcut, str) else ""
    if re.fullmatch(r"[A-Za-z]", text):
        return f"{quoted(shortcut)} is a bare letter; {_SHORTCUT_HELP} (bare letters are swallowed by Chinese input methods)"
    if re.fullmatch(r"(?i)shift\s*\+\s*[A-Za-z0-9]", text):
        return f"{quoted(shortcut)} types a character; {_SHORTCUT_HELP}"
    return f"{quoted(shortcut)} is not a shortcut; {_SHORTCUT_HELP}"


def _unknown(where: str, raw: dict, allowed: set, problems: list[str]) -> None:
    # Typo protection: a misspelt field ("colour") would otherwise be dropped without a word.
    for extra in sorted(set(raw) - allowed, key=str):
        extra = extra if str(extra).isidentifier() else repr(extra)  # a name with a line break stays on its line
        problems.append(f"{where}{'.' if where else ''}{extra}: unknown field (known: {', '.join(sorted(allowed))})")


def _text(where: str, raw: dict, field: str, problems: list[str], required: bool = False) -> str:
    value = "" if raw.get(field) is None else raw[field]  # YAML's `name_en:` is None
    if not isinstance(value, str):
        problems.append(f"{where}.{field}: {quoted(value)} must be text")
        return ""
    if required and not value.strip():
        problems.append(f"{where}.{field}: missing")
    return value.strip()


def parse_schema(data: Any, origin: str = "<schema>") -> Schema:
    """Validate `data` (as read from TOML/YAML/JSON) and build the Schema; SchemaError lists all problems."""
    if not isinstance(data, dict):
        raise SchemaError(f"{origin}: expected a table/mapping at the top, got {type(data).__name__}")
    problems: list[str] = []
    _unknown("", data, _TOP_FIELDS, problems)
    name = data.get("name", "")
    if not isinstance(name, str):
        problems.append(f"name: {quoted(name)} must be text")
        name = ""
    indicators = _indicators(data.get("indicators", []), problems)
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, list) or not raw_labels:
        problems.append("labels: at least one label is required")
        raw_labels = []
    keys = [lab.get("key") for lab in raw_labels if isinstance(lab, dict)]
    labels: list[Label] = []
    seen_keys: dict[str, int] = {}
    seen_shortcuts: dict[str, str] = {}
    for i, raw in enumerate(raw_labels):
        label = _label(i, raw, keys, bool(indicators), problems)
        if label is None:
            continue
        where = f"labels[{i}] ({label.key})"
        if label.key in seen_keys:
            problems.append(f"{where}.key: {label.key} is defined twice (also labels[{seen_keys[label.key]}])")
        seen_keys.setdefault(label.key, i)
        if label.shortcut in seen_shortcuts:
            problems.append(f"{where}.shortcut: {label.shortcut} is already the shortcut of "
                            f"{seen_shortcuts[label.shortcut]}")
        seen_shortcuts.setdefault(label.shortcut, label.key)
        labels.append(label)
    if problems:
        more = f"\n  … and {len(problems) - MAX_PROBLEMS} more" if len(problems) > MAX_PROBLEMS else ""
        raise SchemaError(f"{origin}: {len(problems)} problem{'s' * (len(problems) > 1)}:\n  "
                          + "\n  ".join(_cut(f"{origin}: {p}") for p in problems[:MAX_PROBLEMS]) + more)
    return Schema(name=name.strip(), labels=tuple(labels), indicators=tuple(indicators))


def _indicators(raw: Any, problems: list[str]) -> list[Indicator]:
    if not isinstance(raw, list):
        problems.append("indicators: must be a list")
        return []
    result, seen = [], set()
    for i, item in enumerate(raw):
        where = f"indicators[{i}]"
        item = {"key": item} if isinstance(item, str) else item  # a bare list of names is fine
        if not isinstance(item, dict):
            problems.append(f"{where}: expected a table/mapping or a text, got {type(item).__name__}")
            continue
        _unknown(where, item, {"key", "name_en"}, problems)
        key, name_en = _text(where, item, "key", problems, required=True), _text(where, item, "name_en", problems)
        if key in seen:
            problems.append(f"{where}.key: {key} is listed twice")
        elif key:
            seen.add(key)
            result.append(Indicator(key, name_en))
    return result


def _label(i: int, raw: Any, keys: list, have_indicators: bool, problems: list[str]) -> Label | None:
    if not isinstance(raw, dict):
        problems.append(f"labels[{i}]: expected a table/mapping, got {type(raw).__name__}")
        return None
    key = raw.get("key")
    where = f"labels[{i}]" + _named(key)
    before = len(problems)
    _unknown(where, raw, _LABEL_FIELDS, problems)
    if key is None:
        problems.append(f"{where}.key: missing")
    elif not isinstance(key, str) or not _KEY.fullmatch(key):
        problems.append(f"{where}.key: {quoted(key)} must be upper-case letters, digits and _ (like REGION)")
    name_zh = _text(where, raw, "name_zh", problems, required=True)
    name_en = _text(where, raw, "name_en", problems, required=True)
    layer, color, shortcut = raw.get("layer"), raw.get("color"), raw.get("shortcut")
    if layer not in LAYERS:
        allowed = ", ".join(LAYERS)
        problems.append(f"{where}.layer: " + (f"missing (one of {allowed})" if layer is None
                                              else f"{quoted(layer)} is not one of {allowed}"))
    if color is None:
        problems.append(f"{where}.color: missing (a colour like #1A2B3C)")
    elif not isinstance(color, str) or not _COLOUR.fullmatch(color):
        problems.append(f"{where}.color: {quoted(color)} is not a colour like #1A2B3C")
    normal = normalise_shortcut(shortcut)
    if shortcut is None:
        problems.append(f"{where}.shortcut: missing ({_SHORTCUT_HELP})")
    elif normal is None:
        problems.append(f"{where}.shortcut: {_shortcut_problem(shortcut)}")
    guideline = _text(where, raw, "guideline", problems)
    attrs = raw.get("attributes", [])
    if not isinstance(attrs, list):
        problems.append(f"{where}.attributes: must be a list")
        attrs = []
    parsed = [_attribute(f"{where}.attributes[{j}]", a, keys, have_indicators, problems)
              for j, a in enumerate(attrs)]
    names = [a.key for a in parsed if a is not None]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"{where}.attributes: {dup} is defined twice")
    if len(problems) > before:
        return None
    return Label(key, name_zh, name_en, layer, color.upper(), normal, guideline, tuple(parsed))


def _attribute(where: str, raw: Any, keys: list, have_indicators: bool, problems: list[str]) -> Attribute | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a table/mapping, got {type(raw).__name__}")
        return None
    key, type_ = raw.get("key"), raw.get("type")
    where += _named(key)
    before = len(problems)
    _unknown(where, raw, _ATTR_FIELDS, problems)
    if key is None:
        problems.append(f"{where}.key: missing")
    elif not isinstance(key, str) or not _ATTR_KEY.fullmatch(key):
        problems.append(f"{where}.key: {quoted(key)} must be lower-case letters, digits and _ (like unit)")
    elif key == PROPOSED:
        problems.append(f"{where}.key: {PROPOSED} is reserved (it lists a span's unconfirmed attributes)")
    elif key == NOTE:
        problems.append(f"{where}.key: {NOTE} is reserved (every span may carry a note)")
    if type_ not in ATTRIBUTE_TYPES:
        allowed = ", ".join(ATTRIBUTE_TYPES)
        problems.append(f"{where}.type: " + (f"missing (one of {allowed})" if type_ is None
                                             else f"{quoted(type_)} is not one of {allowed}"))
    name_zh, name_en = _text(where, raw, "name_zh", problems), _text(where, raw, "name_en", problems)
    choices, targets = raw.get("choices", []), raw.get("targets", [])
    if not isinstance(choices, list) or not all(isinstance(c, str) and c for c in choices):
        problems.append(f"{where}.choices: must be a list of texts")
        choices = []
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        problems.append(f"{where}.targets: must be a list of label keys")
        targets = []
    if (type_ == "choice") != bool(choices):
        problems.append(f"{where}.choices: " + ("a choice needs choices" if type_ == "choice"
                                                else "only a choice attribute has choices"))
    if INDICATORS in choices and not have_indicators:
        problems.append(f"{where}.choices: {INDICATORS} is used but the schema has no indicators")
    if (type_ == "link") != bool(targets):
        problems.append(f"{where}.targets: " + ("a link needs the label keys it may point to" if type_ == "link"
                                                else "only a link attribute has targets"))
    for target in targets:
        if target not in keys:
            problems.append(f"{where}.targets: {quoted(target)} is not a label of this schema")
    if len(problems) > before:
        return None
    return Attribute(key, type_, name_zh, name_en, tuple(choices), tuple(targets))


def schema_to_dict(schema: Schema) -> dict:
    """Plain lists and dicts (JSON/TOML-serialisable); parse_schema(schema_to_dict(s)) == s."""
    def attribute(a: Attribute) -> dict:
        return {"key": a.key, "type": a.type, "name_zh": a.name_zh, "name_en": a.name_en,
                **({"choices": list(a.choices)} if a.choices else {}),
                **({"targets": list(a.targets)} if a.targets else {})}
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
    """Problems of a span's attributes for its label, each "key: what is wrong"; empty when all is well.

    Empty values (None, "") are allowed: an attribute may be filled in later."""
    label = schema.label(label_key)
    if label is None:
        return [f"unknown label {quoted(label_key)}"]
    if not isinstance(attrs, dict):
        return ["attributes must be an object"]
    known = {a.key: a for a in label.attributes}
    problems = []
    for key, value in attrs.items():
        attribute = known.get(key)
        if key == PROPOSED and known:
            if not isinstance(value, list) or not all(isinstance(k, str) and k in known for k in value):
                problems.append(f"{PROPOSED}: must list attributes of {label_key}")
        elif key == NOTE:
            if not isinstance(value, str):
                problems.append(f"{NOTE}: {quoted(value)} must be text")
        elif attribute is None:
            problems.append(f"{key}: {label_key} has no such attribute"
                            + (f" ({', '.join(known)})" if known else ""))
        elif value is None or value == "":
            continue
        elif attribute.type == "quantity" and not quantity_ok(value):
            problems.append(f"{key}: {quoted(value)} is not a number >= 0 or a [low, high] pair with low <= high")
        elif attribute.type == "text" and not isinstance(value, str):
            problems.append(f"{key}: {quoted(value)} must be text")
        elif attribute.type == "choice" and value not in choices(schema, attribute):
            problems.append(f"{key}: {quoted(value)} is not one of {', '.join(choices(schema, attribute))}")
        elif attribute.type == "link" and (not isinstance(value, int) or isinstance(value, bool)):
            problems.append(f"{key}: {quoted(value)} must be the id of a span")
    return problems


def missing_attributes(schema: Schema, spans) -> dict[str, dict[str, list]]:
    """label → attribute key → values, for the attributes `spans` carry that their label lacks (every
    label has the note and the proposed list)."""
    out: dict[str, dict[str, list]] = {}
    for span in spans:
        label = schema.label(span.label)
        have = {a.key for a in label.attributes} if label else set()
        for key, value in span.attrs.items():
            if key not in have and key not in (NOTE, PROPOSED):
                out.setdefault(span.label, {}).setdefault(key, []).append(value)
    return out


def _number(value: Any) -> Decimal | None:
    """A finite number >= 0 from an int, float, Decimal or numeric text ("171600000", "0.5"); else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):  # ValueError: an int too long for str()
        return None
    return number if number.is_finite() and number >= 0 else None


def quantity_ok(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            return False
        low, high = map(_number, value)
        return low is not None and high is not None and low <= high
    return _number(value) is not None
