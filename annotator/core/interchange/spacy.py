"""spaCy / Prodigy JSONL with tokens:

    {"text", "meta", "tokens": [{"text", "start", "end", "id"}],
     "spans": [{"start", "end", "label", "token_start", "token_end"}]}

Offsets are Unicode code points (Python strings, as spaCy's `Doc.char_span` takes them), end
exclusive; `token_end` is inclusive, as Prodigy writes it.  Tokens are jieba's words, cut again at
every span edge, so every span lines up with whole tokens and none is dropped; whitespace is a token
only inside a span.  Import reads `text` and `spans` (tokens are derived data and are not needed),
and spaCy's own `Doc.to_json()` lines: `{"text", "ents", "tokens", "cats"?, "spans"?: {group: [...]}}`.
"""
from __future__ import annotations

import logging

from bisect import bisect_left, bisect_right
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterator

from annotator.core import segment
from annotator.core.ingest import limits
from annotator.core.ingest.jsonl import Record, RecordError
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.files import ExportError, check_target, write_jsonl
from annotator.core.interchange.reading import json_records, list_of, text_of
from annotator.core.interchange.records import Selection, categories, read
from annotator.core.store import Project


def tokens(text: str, spans) -> list[tuple[int, int]]:
    """(start, end) of jieba's words, cut at every span edge; whitespace only where a span covers it.
    Edges and span reaches are sorted once and bisected per word: looking at every span for every word
    took about 20 s for a 100,000-character report with 10,000 spans."""
    edges = sorted({e for s in spans for e in (s.start, s.end)})
    by_start = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in by_start]
    reach = list(accumulate((b for _, b in by_start), max, initial=-1))  # reach[k]: furthest end of the first k
    out = []
    for word, start, end in segment.text_words(text):
        # a span overlaps [start, end) iff one starting before `end` reaches past `start`
        if word.isspace() and reach[bisect_left(starts, end)] <= start:
            continue
        cuts = [start, *edges[bisect_right(edges, start):bisect_left(edges, end)], end]
        out += zip(cuts, cuts[1:])
    return out


def export(project: Project, path: Path, selection: Selection = Selection()) -> int:
    return write_jsonl(path, (_record(doc) for doc in read(project, selection)), project_file=project.path)


def _record(doc) -> dict:
    toks = tokens(doc.text, doc.spans)
    starts = [a for a, _ in toks]
    return {"text": doc.text, "meta": {"id": doc.id, **{k: v for k, v in doc.meta.items() if v}},
            "tokens": [{"text": doc.text[a:b], "start": a, "end": b, "id": i} for i, (a, b) in enumerate(toks)],
            "spans": [{"start": s.start, "end": s.end, "label": s.label, "token_start": bisect_left(starts, s.start),
                       "token_end": bisect_left(starts, s.end) - 1} for s in doc.spans]}


def read_file(path: Path, label_map: dict[str, str] | None = None, *,
              max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    return json_records(path, to_native, label_map, max_bytes=max_bytes)


def to_native(obj: Any) -> dict:
    """Prodigy-style `spans`, or spaCy's `Doc.to_json()`: `ents` as spans, span groups (`spans` as an
    object of lists) as spans when there are no `ents` and counted in a note when there are, `cats`
    into the document's meta (a document label is not a span)."""
    text = text_of(obj, "text")
    spans, ents, notes = obj.get("spans") or [], list_of(obj, "ents"), []
    if isinstance(spans, dict):  # span groups; with entities beside them, the entities are what NER trains on
        groups = {k: v for k, v in spans.items() if isinstance(v, list) and v}
        if ents and groups:
            notes.append("span groups not imported beside the entities: "
                         + ", ".join(f"{k} ({len(v)})" for k, v in groups.items()))
        spans = [] if ents else [s for group in groups.values() for s in group]
    if isinstance(spans, list):
        spans = spans + ents
    else:
        raise RecordError(f"'spans' must be a list, got {limits.quoted(spans)}")
    meta = obj.get("meta")
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise RecordError(f"'meta' must be an object, got {limits.quoted(meta)}")
    meta = {k: v for k, v in meta.items() if k != "id"}
    if obj.get("cats"):
        meta["cats"] = obj["cats"]
    return {"text": text, "meta": meta, "notes": notes,
            "spans": [{k: s.get(k) for k in ("start", "end", "label")} if isinstance(s, dict) else s for s in spans]}


def export_docbin(project: Project, path: Path, selection: Selection = Selection(), *,
                  char_tokens: bool = False) -> int:
    """A spaCy DocBin (`.spacy`) from a blank Chinese pipeline: jieba's words as tokens (or one token a
    character with `char_tokens`), each span an entity.  A span whose edges fall inside a token is
    not dropped: the export is refused, naming the spans, so nothing trains on a shifted entity.
    Needs spaCy (not bundled with the application: `pip install spacy`)."""
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError:
        raise ExportError("the .spacy format needs spaCy: pip install spacy (or export --format spacy, JSONL)") \
            from None
    check_target(path, project.path)  # before any work: a refused target costs nothing
    segmenter = "char" if char_tokens else "jieba"
    if not char_tokens:  # spaCy loads jieba's default dictionary, which talks on stderr
        import jieba
        jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    bin_, misaligned, count = DocBin(store_user_data=False), [], 0
    for doc in read(project, selection):
        sdoc = nlp.make_doc(doc.text)
        ents = []
        for s in doc.spans:
            ent = sdoc.char_span(s.start, s.end, label=s.label, alignment_mode="strict")
            if ent is None:
                misaligned.append(f"document {doc.id}: {s.label} {s.text!r} ({s.start}-{s.end})")
            else:
                ents.append(ent)
        try:
            sdoc.ents = ents
        except ValueError as exc:  # overlapping entities: spaCy's ents hold one label per token
            raise ExportError(f"document {doc.id}: {exc}; choose labels with --labels") from None
        sdoc.cats = categories(doc.meta)  # kept from spaCy, Prodigy or doccano on import: trained on too
        bin_.add(sdoc)
        count += 1
    if misaligned:
        raise ExportError(f"{len(misaligned)} spans do not start and end on {segmenter} token edges, e.g. "
                          + "; ".join(misaligned[:5]) + "; export with --char-tokens to make every character a token")
    path.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(path)
    return count
