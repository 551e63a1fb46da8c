"""The project's label schema: read once, replaced as a whole, grown by labels from imported data."""
from __future__ import annotations

import json
from dataclasses import replace

from annotator.core.model import AnnotatorError, Attribute, Indicator, Label, Schema
from annotator.core.schema import is_key, key_for, parse_schema, quantity_ok, schema_to_dict
from annotator.core.store.session import Session

# colours for labels added on import (distinct from the default schema's, readable on white)
EXTRA_COLOURS = ("#8C564B", "#17BECF", "#BCBD22", "#7F7F7F", "#E377C2", "#1F77B4", "#FF7F0E", "#2CA02C")


class Schemas:
    def __init__(self, session: Session):
        self.session = session
        self._schema: Schema | None = None
        session.after_rollback.append(self.forget)

    def forget(self) -> None:
        """Read the schema again when next asked (it changed, here or in another program)."""
        self._schema = None

    @property
    def current(self) -> Schema:
        if self._schema is None:
            db = self.session.db
            labels = [
                {"key": r[0], "name_zh": r[1], "name_en": r[2], "layer": r[3], "color": r[4], "shortcut": r[5],
                 "guideline": r[6], "attributes": json.loads(r[7])}
                for r in db.execute("SELECT key, name_zh, name_en, layer, color, shortcut, guideline, "
                                    "attributes FROM labels ORDER BY position")
            ]
            indicators = [{"key": k, "name_en": n} for k, n in
                          db.execute("SELECT key, name_en FROM indicators ORDER BY position")]
            self._schema = parse_schema({"name": self.session.setting("schema_name", ""), "labels": labels,
                                         "indicators": indicators}, "project")
        return self._schema

    def set(self, schema: Schema) -> None:
        """Replace the project's schema; refused if spans would lose their label or layer."""
        with self.session.write():
            problems = []
            for label, layer, count in self.session.db.execute(
                    "SELECT label, layer, count(*) FROM spans GROUP BY label, layer"):
                new = schema.label(label)
                if new is None:
                    problems.append(f"label {label} is used by {count} spans; keep it or relabel those spans first")
                elif new.layer != layer:
                    problems.append(f"label {label} would move from the {layer} layer to {new.layer}, "
                                    f"but {count} spans use it")
            if problems:
                raise AnnotatorError("cannot change the schema: " + "; ".join(problems))
            before = schema_to_dict(self.current)
            self.write(schema)
            self.session.log("set_schema", before=before, after=schema_to_dict(schema))

    def add_labels(self, keys: list[str]) -> list[str]:
        """Add entity labels (for data labelled elsewhere), each with a free shortcut and colour; returns
        the keys added."""
        schema = self.current
        have = {label.key for label in schema.labels}
        used_keys = {label.shortcut for label in schema.labels}
        used_colours = {label.color for label in schema.labels}
        shortcuts = (s for s in [*"7890", *(f"F{i}" for i in range(1, 13)), *(f"Ctrl+Alt+{i}" for i in range(1, 10))]
                     if s not in used_keys)
        colours = (c for c in EXTRA_COLOURS if c not in used_colours)
        new = []
        for key in dict.fromkeys(k for k in keys if k not in have):
            shortcut = next(shortcuts, None)
            if shortcut is None:
                raise AnnotatorError(f"no free shortcut left for label {key!r}; edit the schema (annotator schema load)")
            new.append(Label(key, key, key, "entity", next(colours, "#777777"), shortcut))
        if new:
            grown = replace(schema, labels=schema.labels + tuple(new))
            parse_schema(schema_to_dict(grown), "labels to add")  # the schema's own checks, before a write
            self.set(grown)
        return [label.key for label in new]

    def repair_keys(self) -> list[str]:
        """Rename label keys the key rule refuses (versions before ADR 0017 added 'Date' or 'PER.NAM'
        from imported data, and the project then failed on open) by key_for, in the schema, its link
        targets, spans, rejections and lexicon; a key already taken by a label of the same layer takes
        the spans over (as an import maps Date to DATE).  One logged action; returns what was done."""
        db = self.session.db
        layers = dict(db.execute("SELECT key, layer FROM labels ORDER BY position").fetchall())
        taken = {k for k in layers if is_key(k)}
        renames, merged = {}, set()
        for old in (k for k in layers if not is_key(k)):
            new = base = key_for(old) or "LABEL"
            if new in taken and layers.get(new) == layers[old]:
                merged.add(old)
            else:
                n = 1
                while new in taken:
                    n += 1
                    new = f"{base}_{n}"
                taken.add(new)
            renames[old] = new
        if not renames:
            return []
        done = []
        with self.session.write():
            db.execute("PRAGMA defer_foreign_keys = ON")
            for old, new in renames.items():
                if old in merged:
                    db.execute("DELETE FROM labels WHERE key = ?", [old])
                else:
                    db.execute("UPDATE labels SET key = ? WHERE key = ?", [new, old])
                count = db.execute("UPDATE spans SET label = ? WHERE label = ?", [new, old]).rowcount
                for table in ("rejections", "lexicon"):  # both unique by label: a merged duplicate goes
                    db.execute(f"UPDATE OR IGNORE {table} SET label = ? WHERE label = ?", [new, old])
                    db.execute(f"DELETE FROM {table} WHERE label = ?", [old])
                how = "merged into" if old in merged else "renamed"
                done.append(f"label {old!r} {how} {new} ({count} spans): label keys are upper-case letters, "
                            "digits and _")
            for key, attributes in db.execute("SELECT key, attributes FROM labels").fetchall():
                attrs = json.loads(attributes)
                for attr in (a for a in attrs if "targets" in a):
                    attr["targets"] = list(dict.fromkeys(renames.get(t, t) for t in attr["targets"]))
                db.execute("UPDATE labels SET attributes = ? WHERE key = ?",
                           [json.dumps(attrs, ensure_ascii=False), key])
            self.session.log("repair_label_keys", before=list(renames), after=renames)
            self.session.changes.schema = True
            self._schema = None
        return done

    def add_attributes(self, wanted: dict[str, dict[str, list]]) -> list[str]:
        """Add attributes to labels (for data labelled elsewhere): label → attribute key → the values
        seen.  An attribute whose values are all quantities is a quantity, any other is text; returns
        "LABEL.key" of each added.  Refused, changing nothing, when the schema would not be valid."""
        schema = self.current
        labels, added = [], []
        for label in schema.labels:
            have = {a.key for a in label.attributes}
            new = tuple(Attribute(key, "quantity" if all(quantity_ok(v) for v in values) else "text", key, key)
                        for key, values in wanted.get(label.key, {}).items() if key not in have)
            labels.append(replace(label, attributes=label.attributes + new) if new else label)
            added += [f"{label.key}.{a.key}" for a in new]
        if added:
            new_schema = replace(schema, labels=tuple(labels))
            parse_schema(schema_to_dict(new_schema), "the project with its new attributes")  # raises SchemaError
            self.set(new_schema)
        return added

    def set_indicators(self, keys: list[str]) -> None:
        """The project's indicator list, in this order (names already there keep their English name);
        refused when metrics use an indicator left out."""
        keys = list(dict.fromkeys(k.strip() for k in keys if k.strip()))
        if not keys:
            raise AnnotatorError("the indicator list cannot be empty")
        with self.session.write():
            used = {row[0]: row[1] for row in self.session.db.execute(
                "SELECT json_extract(attrs, '$.indicator'), count(*) FROM spans WHERE layer = 'metric'"
                " AND json_extract(attrs, '$.indicator') IS NOT NULL GROUP BY 1")}
            dropped = {k: n for k, n in used.items() if k not in keys}
            if dropped:
                raise AnnotatorError("cannot remove indicators that metrics use: " + ", ".join(
                    f"{k} ({n} metrics)" for k, n in dropped.items()))
            names = {i.key: i.name_en for i in self.current.indicators}
            self.set(replace(self.current, indicators=tuple(Indicator(k, names.get(k, "")) for k in keys)))

    def add_indicators(self, keys: list[str]) -> list[str]:
        """Add indicators at the end of the list (before 其他, "other", when the list ends with it);
        returns those added."""
        have = [i.key for i in self.current.indicators]
        new = [k for k in dict.fromkeys(k.strip() for k in keys) if k and k not in have]
        if new:
            tail = have[-1:] if have and have[-1] == "其他" else []
            self.set_indicators(have[:len(have) - len(tail)] + new + tail)
        return new

    def write(self, schema: Schema) -> None:
        """Inside a write: the labels and indicators tables hold `schema`."""
        data, db = schema_to_dict(schema), self.session.db
        db.execute("PRAGMA defer_foreign_keys = ON")  # labels are replaced inside one transaction
        db.execute("DELETE FROM labels")
        db.execute("DELETE FROM indicators")
        for position, label in enumerate(data["labels"]):
            db.execute(
                "INSERT INTO labels(key, name_zh, name_en, layer, color, shortcut, guideline, attributes, position)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [label["key"], label["name_zh"], label["name_en"], label["layer"], label["color"],
                 label["shortcut"], label.get("guideline", ""),
                 json.dumps(label.get("attributes", []), ensure_ascii=False), position])
        for position, ind in enumerate(data.get("indicators", [])):
            db.execute("INSERT INTO indicators(key, name_en, position) VALUES (?, ?, ?)",
                       [ind["key"], ind.get("name_en", ""), position])
        self.session.set("schema_name", schema.name)
        self.session.changes.schema = True
        self._schema = None
