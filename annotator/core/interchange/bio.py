"""Character-level BIO / BIOES, MSRA style, and the Hugging Face token-classification shape.

BIO text: one character per line, `char<TAB>tag`, a blank line after every sentence, UTF-8, LF.
Tags: O, B-X, I-X (BIOES adds E-X for the last character and S-X for a one-character span).  Each
character is one code point, so there is no offset unit to convert.  Sentences end at line breaks
and after 。！？ (never inside a span); a document imported from BIO keeps its sentences as they were
(its lines), so BIO → import → export BIO gives the same bytes.  Whitespace characters are written
like any other (` <TAB>O`); line breaks are never written: they end sentences.

Hugging Face: JSON lines `{"tokens": [characters], "ner_tags": [tag numbers]}`, and beside it
`<name>.labels.json` with the tag names in number order (O first), for a `ClassLabel` feature.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from annotator.core.ingest.decode import decode_bytes, normalise_newlines
from annotator.core.ingest.jsonl import Record, RecordError
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.files import atomic_write, write_jsonl
from annotator.core.interchange.records import Doc, Selection, no_overlaps, read, sentences, span_groups
from annotator.core.model import Document, Span
from annotator.core.store import Project

SENTENCES_PER_DOCUMENT = 200  # an imported BIO corpus becomes documents of this many sentences
_TAG = re.compile(r"^(?:O|([BIES])-(\S.*))$")


def tags(length: int, offset: int, spans, scheme: str = "bio") -> list[str]:
    out = ["O"] * length
    for s in spans:
        a, b = s.start - offset, s.end - offset
        if a < 0 or b > length:
            continue
        if scheme == "bioes" and b - a == 1:
            out[a] = f"S-{s.label}"
            continue
        out[a] = f"B-{s.label}"
        for i in range(a + 1, b):
            out[i] = f"I-{s.label}"
        if scheme == "bioes":
            out[b - 1] = f"E-{s.label}"
    return out


def sentence_rows(project: Project, selection: Selection, scheme: str) -> Iterator[tuple[str, list[str]]]:
    for doc in read(project, selection):
        yield from document_rows(doc, scheme)


def document_rows(doc: Doc, scheme: str) -> Iterator[tuple[str, list[str]]]:
    """Each sentence of a document with its tags; spans grouped by sentence once (span_groups), not
    looked for among all of them for every sentence."""
    spans = no_overlaps(doc)  # first: its message is the one to see when both apply
    bounds = sentences(doc)
    for (a, b), inside in zip(bounds, span_groups(spans, bounds)):
        yield doc.text[a:b], tags(b - a, a, inside, scheme)


def export(project: Project, path: Path, selection: Selection = Selection(), *, scheme: str = "bio") -> int:
    """Write BIO (or BIOES) text atomically; returns the number of sentences."""
    count = 0
    with atomic_write(path, project_file=project.path) as f:
        for sentence, sentence_tags in sentence_rows(project, selection, scheme):
            f.write("".join(f"{ch}\t{tag}\n" for ch, tag in zip(sentence, sentence_tags)))
            f.write("\n")
            count += 1
    return count


def export_hf(project: Project, path: Path, selection: Selection = Selection(), *, scheme: str = "bio") -> int:
    """Write Hugging Face JSON lines and `<name>.labels.json`; returns the number of sentences."""
    rows = list(sentence_rows(project, selection, scheme))
    labels = sorted({tag[2:] for _, sentence_tags in rows for tag in sentence_tags if tag != "O"})
    prefixes = "BIES" if scheme == "bioes" else "BI"
    names = ["O"] + [f"{p}-{label}" for label in labels for p in prefixes]
    number = {name: i for i, name in enumerate(names)}
    count = write_jsonl(path, ({"tokens": list(sentence), "ner_tags": [number[t] for t in sentence_tags]}
                               for sentence, sentence_tags in rows), project_file=project.path)
    with atomic_write(labels_path(path), project_file=project.path) as f:
        f.write(json.dumps(names, ensure_ascii=False, indent=1))
        f.write("\n")
    return count


def labels_path(path: Path) -> Path:
    return path.with_name(path.stem + ".labels.json")


def read_file(path: Path, label_map: dict[str, str] | None = None) -> Iterator[Record | Problem]:
    """Documents of up to SENTENCES_PER_DOCUMENT sentences from a BIO or BIOES file; a sentence with a
    bad line is skipped with its line number, the rest imported."""
    try:
        text = normalise_newlines(decode_bytes(path.read_bytes())[0])
    except (OSError, ValueError) as exc:
        yield Problem(str(path), str(exc))
        return
    yield from _documents(path, _bio_sentences(path, text, label_map or {}))


def _bio_sentences(path: Path, text: str, label_map: dict[str, str]):
    for first_line, block in _blocks(text):
        try:
            yield _sentence(block, first_line, label_map)
        except RecordError as exc:
            yield Problem(f"{path}:{exc.args[1]}", exc.args[0])


def _documents(path: Path, sentences) -> Iterator[Record | Problem]:
    """Sentences (text, spans) in documents of SENTENCES_PER_DOCUMENT; problems passed on as they come."""
    batch, part = [], 0
    for item in sentences:
        if isinstance(item, Problem):
            yield item
            continue
        batch.append(item)
        if len(batch) == SENTENCES_PER_DOCUMENT:
            part += 1
            yield _record(path, part, batch)
            batch = []
    if batch:
        yield _record(path, part + 1, batch)


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    block, first = [], 1
    for number, line in enumerate(text.split("\n"), 1):
        if line == "":
            if block:
                yield first, block
            block, first = [], number + 1
        else:
            block.append(line)
    if block:
        yield first, block


def _sentence(block: list[str], first_line: int, label_map: dict[str, str]) -> tuple[str, list[tuple[int, int, str]]]:
    pairs = []
    for i, line in enumerate(block):
        ch, tab, tag = line.rpartition("\t")
        if not tab:
            ch, _, tag = line.rpartition(" ")  # some corpora separate with a space
        if len(ch) != 1 or _TAG.match(tag) is None:
            raise RecordError(f"expected one character, a tab and a tag (O, B-X, I-X, E-X, S-X), got {line!r}",
                              first_line + i)
        pairs.append((ch, tag))
    return tagged_text(pairs, label_map, first_line)


def tagged_text(pairs: list[tuple[str, str]], label_map: dict[str, str],
                first: int = 0) -> tuple[str, list[tuple[int, int, str]]]:
    """(token, tag) pairs → the text (tokens joined) and (start, end, label) spans in code points.
    RecordError(message, position) for a tag that is not O/B/I/E/S or an I/E that continues nothing."""
    text, spans, open_span = "", [], None
    for i, (token, tag) in enumerate(pairs):
        m = _TAG.match(tag)
        if m is None:
            raise RecordError(f"{tag!r} is not a tag (O, B-X, I-X, E-X, S-X)", first + i)
        kind, label = m.groups()
        start, end = len(text), len(text) + len(token)
        if kind in ("I", "E") and (open_span is None or open_span[2] != label):
            raise RecordError(f"{tag} does not continue a {label} span", first + i)
        if kind in ("B", "S") or (kind is None and open_span is not None):
            if open_span is not None:
                spans.append(open_span)
            open_span = [start, end, label] if kind in ("B", "S") else None
        elif kind in ("I", "E"):
            open_span[1] = end
        if kind in ("E", "S") and open_span is not None:
            spans.append(open_span)
            open_span = None
        text += token
    if open_span is not None:
        spans.append(open_span)
    return text, [(a, b, label_map.get(label, label)) for a, b, label in spans]


def read_hf(path: Path, label_map: dict[str, str] | None = None) -> Iterator[Record | Problem]:
    """Hugging Face lines {"tokens", "ner_tags"}: tag numbers are named by `<name>.labels.json` beside
    the file (as export_hf writes it), or the tags are strings.  Tokens are joined without spaces
    (Chinese); documents of SENTENCES_PER_DOCUMENT lines, like BIO."""
    names_file = labels_path(path)
    try:
        names = json.loads(names_file.read_text("utf-8")) if names_file.exists() else None
        lines = normalise_newlines(decode_bytes(path.read_bytes())[0]).split("\n")
    except (OSError, ValueError) as exc:
        yield Problem(str(path), str(exc))
        return
    yield from _documents(path, _hf_sentences(path, lines, names, label_map or {}))


def _hf_sentences(path: Path, lines: list[str], names: list[str] | None, label_map: dict[str, str]):
    names_file = labels_path(path)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            tokens, tags = row["tokens"], row["ner_tags"]
            if not (isinstance(tokens, list) and isinstance(tags, list) and len(tokens) == len(tags)):
                raise RecordError("'tokens' and 'ner_tags' must be lists of the same length", number)
            if any(isinstance(t, int) for t in tags):
                if names is None:
                    raise RecordError(f"tag numbers need their names: {names_file.name} is missing", number)
                tags = [names[t] if isinstance(t, int) and 0 <= t < len(names) else f"?{t}" for t in tags]
            yield tagged_text(list(zip(map(str, tokens), map(str, tags))), label_map, number)
        except (ValueError, KeyError, TypeError) as exc:  # RecordError is a ValueError
            where = exc.args[1] if isinstance(exc, RecordError) and len(exc.args) > 1 else number
            yield Problem(f"{path}:{where}", str(exc.args[0]) if exc.args else str(exc))


def _record(path: Path, part: int, batch) -> Record:
    offset, spans, lines = 0, [], []
    for sentence, sentence_spans in batch:
        spans += [Span(offset + a, offset + b, label, sentence[a:b], origin="imported")
                  for a, b, label in sentence_spans]
        lines.append(sentence)
        offset += len(sentence) + 1
    text = "\n".join(lines)
    document = Document(text=text, file_name=path.name, title=f"{path.stem} {part}",
                        meta={"format": "bio", "part": part, "sentences": "lines"})
    return Record(document, spans, where=f"{path} part {part}")
