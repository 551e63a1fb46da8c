"""Prodigy annotations (`prodigy db-out`): JSON lines of examples with the annotator's answer,

    {"text", "meta", "spans": [{"start", "end", "label", "text"?, "answer"?}], "answer": "accept",
     "_view_id": "ner_manual", "_input_hash", "_task_hash", "tokens", ...}

Offsets are code points, end exclusive, as spaCy's `Doc.char_span` takes them.  The `answer` decides:

- binary views (ner.teach's yes/no questions; `_view_id` "ner" or none): an accepted example's
  spans are spans; a rejected example's spans are our rejections (the store remembers them, so
  suggestions never come back there).  A span's own `answer` (written where questions about one
  text were merged) decides for that span.
- manual views (ner.manual, ner.correct, spans.manual, rel.manual, custom blocks: `_view_id` ending
  in "_manual", "relations" or "blocks"): the spans are what the annotator drew, and reject says the
  example is bad, not that each span is wrong (Prodigy's own update in ner.correct learns from
  accepted answers only), so a rejected example is left out like an ignored one.
- ignore: left out.  Every example left out is counted in a note.

Text categories (textcat's `label`, a choice view's `accept`) go to the document's `meta.cats` as
spaCy holds them: {label: 1.0 accepted, 0.0 rejected}.

ner.teach asks about one span at a time, so one text comes back as several examples: examples with
the same text become one document with the accepted spans of all of them; a place both accepted and
rejected stays accepted, and the note says so.  The file is read whole before anything is stored
(that is the only way to find all examples of a text); relations are not read, and a note counts them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from annotator.core.ingest import limits
from annotator.core.ingest.jsonl import Record, RecordError
from annotator.core.ingest.sources import Note, Problem
from annotator.core.interchange.reading import list_of, objects, text_of, to_record

ANSWERS = ("accept", "reject", "ignore")
MANUAL_VIEWS = ("relations", "blocks")  # besides every "*_manual": views where the annotator draws the spans


def read_file(path: Path, label_map: dict[str, str] | None = None, *,
              max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    merged: dict[str, Record] = {}  # text → its document
    lines: dict[str, list[str]] = {}  # text → where its later examples are
    left_out: dict[str, list[str]] = {}  # why → where
    for where, obj in objects(path, max_bytes):
        if isinstance(obj, Problem):
            yield obj
            continue
        try:
            answer, manual = _answer(obj)
        except RecordError as exc:
            yield Problem(where, str(exc))
            continue
        if answer == "ignore" or (answer == "reject" and manual):
            why = "answered 'ignore'" if answer == "ignore" else "rejected in a manual view (a bad example)"
            left_out.setdefault(why, []).append(_place(path, where))
            continue
        item = to_record(path, where, obj, lambda o: to_native(o, answer, manual), label_map or {})
        if isinstance(item, Problem):
            yield item
        elif item.document.text in merged:
            _merge(merged[item.document.text], item, _place(path, where))
            lines[item.document.text].append(_place(path, where))
        else:
            merged[item.document.text], lines[item.document.text] = item, []
    for why, places in left_out.items():
        shown = ", ".join(places[:10]) + (", …" if len(places) > 10 else "")
        yield Note(str(path), f"{len(places)} example{'s' if len(places) > 1 else ''} {why} not imported "
                              f"(line{'s' if len(places) > 1 else ''} {shown})")
    for text, item in merged.items():
        if lines[text]:
            item.notes.append(f"one document with line{'s' if len(lines[text]) > 1 else ''} {', '.join(lines[text])} "
                              "(the same text)")
        yield item


def _place(path: Path, where: str) -> str:
    """"12" of "file:12" (a JSON array's "[12]" stays as it is)."""
    return where[len(str(path)):].lstrip(":")


def _answer(obj: Any) -> tuple[str, bool]:
    if not isinstance(obj, dict):
        raise RecordError(f"expected a JSON object, got {limits.quoted(obj)}")
    answer = obj.get("answer", "accept")  # a task not yet answered: its spans as given
    if answer not in ANSWERS:
        raise RecordError(f"'answer' must be one of {', '.join(ANSWERS)}, got {limits.quoted(answer)}")
    view = obj.get("_view_id")
    return answer, isinstance(view, str) and (view.endswith("_manual") or view in MANUAL_VIEWS)


def to_native(obj: Any, answer: str = "accept", manual: bool = False) -> dict:
    """One answered example: accepted spans as spans, rejected ones as rejections."""
    text = text_of(obj, "text")
    spans, rejections, ignored, twice = [], [], 0, 0
    for n, s in enumerate(list_of(obj, "spans"), 1):
        if not isinstance(s, dict):
            raise RecordError(f"span {n}: expected an object, got {limits.quoted(s)}")
        own = answer if manual else s.get("answer", answer)
        if own not in ANSWERS:
            raise RecordError(f"span {n}: 'answer' must be one of {', '.join(ANSWERS)}, got {limits.quoted(own)}")
        span = {k: s[k] for k in ("start", "end", "label", "text") if k in s}
        if own == "ignore":
            ignored += 1
        elif span in spans or span in rejections:
            twice += 1  # the same span twice in one example: one span
        else:
            (spans if own == "accept" else rejections).append(span)
    meta = obj.get("meta")
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise RecordError(f"'meta' must be an object, got {limits.quoted(meta)}")
    cats = _categories(obj, answer)
    if cats:
        meta = {**meta, "cats": cats}
    native: dict[str, Any] = {"text": text, "meta": meta, "spans": spans, "rejections": rejections}
    notes = []
    if ignored:
        notes.append(f"{ignored} span{'s' if ignored > 1 else ''} answered 'ignore' not imported")
    if twice:
        notes.append(f"{twice} span{'s' if twice > 1 else ''} given twice kept once")
    relations = list_of(obj, "relations")
    if relations:
        notes.append(f"{len(relations)} relation{'s' if len(relations) > 1 else ''} not imported "
                     "(Prodigy relations are read as spans only)")
    native["notes"] = notes
    return native


def _categories(obj: dict, answer: str) -> dict[str, float]:
    """Text categories as spaCy's `Doc.cats` holds them: a textcat question's `label` is 1.0 when
    accepted and 0.0 when rejected; the options chosen in a choice view (`accept`) are 1.0."""
    cats = {}
    if isinstance(obj.get("label"), str) and obj["label"]:
        cats[obj["label"]] = 1.0 if answer == "accept" else 0.0
    chosen = obj.get("accept")
    if answer == "accept" and isinstance(chosen, list):
        cats.update({str(c): 1.0 for c in chosen if isinstance(c, (str, int)) and not isinstance(c, bool)})
    return cats


def _merge(into: Record, other: Record, line: str) -> None:
    """`other` (the same text) into `into`: spans united, rejections of places nobody accepted."""
    have = {(s.start, s.end, s.label) for s in into.spans}
    labels = {(s.start, s.end): s.label for s in into.spans}
    for s in other.spans:
        place = (s.start, s.end)
        if (s.start, s.end, s.label) in have:
            continue
        if place in labels:
            into.notes.append(f"line {line} labels {s.text!r} ({s.start}-{s.end}) {s.label}, an earlier example "
                              f"{labels[place]}: kept {labels[place]}")
            continue
        into.spans.append(s)
        have.add((s.start, s.end, s.label))
        labels[place] = s.label
    rejected = {(r.start, r.end, r.label) for r in into.rejections}
    into.rejections += [r for r in other.rejections if (r.start, r.end, r.label) not in rejected]
    kept = []
    for r in into.rejections:
        if (r.start, r.end, r.label) in have:
            into.notes.append(f"{r.label} {r.text!r} ({r.start}-{r.end}) is accepted in one example and rejected "
                              f"in another (line {line}): kept as accepted")
        else:
            kept.append(r)
    into.rejections = kept
    cats, more = into.document.meta.get("cats"), other.document.meta.get("cats")
    if isinstance(more, dict):
        cats = into.document.meta["cats"] = cats if isinstance(cats, dict) else {}
        for label, score in more.items():
            if cats.get(label, score) != score:
                into.notes.append(f"category {label} is accepted in one example and rejected in another "
                                  f"(line {line}): kept as accepted")
            cats[label] = max(score, cats.get(label, score))
    into.notes += other.notes
