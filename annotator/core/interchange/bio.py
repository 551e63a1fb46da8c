"""Character-level BIO / BIOES, MSRA style, and the Hugging Face token-classification shape.

BIO text: one character per line, `char<TAB>tag`, a blank line after every sentence, UTF-8, LF.
Tags: O, B-X, I-X (BIOES adds E-X for the last character and S-X for a one-character span).  Each
character is one code point, so there is no offset unit to convert.  Sentences end at line breaks
and after 。！？ (never inside a span); a document imported from BIO keeps its sentences as they were
(its lines), so BIO → import → export BIO gives the same bytes.  Whitespace characters are not
written (a line ` <TAB>O` breaks `spacy convert` and `char, tag = line.split()`): a span keeps its
other characters, tagged as if the whitespace were not there (ADR 0017).

Read: BIO, IOB1 (an I- after O begins a span, as spaCy's iob_to_biluo reads it), BIOES and BMES
(M- is I-); Weibo NER's word-position digits after the character (`我0<TAB>O`) are dropped and
its emoji, written as two CESU-8 surrogate halves on two lines, joined; both said in the notes.

Hugging Face: JSON lines `{"tokens": [characters], "ner_tags": [tag numbers]}`, and beside it
`<name>.labels.json` with the tag names in number order: O, then B- and I- (BIOES: B-, I-, E-,
S-) of every label of the schema in schema order, so every part of a split has the same numbers.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterator

from annotator.core.ingest import limits, strict_json
from annotator.core.ingest.jsonl import Record, RecordError
from annotator.core.ingest.lines import check_size, text_lines
from annotator.core.model import AnnotatorError
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.files import atomic_write, write_jsonl
from annotator.core.interchange.records import Doc, Selection, no_overlaps, read, sentences, span_groups
from annotator.core.model import Document, Span
from annotator.core.store import Project

SENTENCES_PER_DOCUMENT = 200  # an imported BIO corpus becomes documents of this many sentences
_TAG = re.compile(r"^(?:O|([BIEMS])-(\S.*))$")
_TAGS = "O, B-X, I-X, E-X, S-X, M-X"
_POSITION = re.compile(r"^(.)[0-9]+$", re.S)  # Weibo NER: the character, then its place in its word
_NOTES = {"iob1": "{} spans begin with I- (IOB1), read as begun there",
          "positions": "word-position digits after {} characters dropped (Weibo NER style)",
          "surrogates": "{} characters written as two surrogate halves (CESU-8) joined into one"}


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
    """Each sentence of a document with its tags, whitespace left out (a sentence of nothing else
    is not written); spans grouped by sentence once (span_groups), not looked for among all of them
    for every sentence."""
    spans = no_overlaps(doc)  # first: its message is the one to see when both apply
    bounds = sentences(doc)
    for (a, b), inside in zip(bounds, span_groups(spans, bounds)):
        kept = [i for i in range(a, b) if not doc.text[i].isspace()]
        if not kept:
            continue
        if len(kept) == b - a:
            yield doc.text[a:b], tags(b - a, a, inside, scheme)
            continue
        place = {i: n for n, i in enumerate(kept)}  # a character's place among those written
        squeezed = []
        for s in inside:
            written = [place[i] for i in range(s.start, s.end) if i in place]
            if written:
                squeezed.append(Span(written[0], written[-1] + 1, s.label, ""))
        yield "".join(doc.text[i] for i in kept), tags(len(kept), 0, squeezed, scheme)


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
    names = tag_set(project, selection, scheme)
    number = {name: i for i, name in enumerate(names)}
    count = write_jsonl(path, ({"tokens": list(sentence), "ner_tags": [number[t] for t in sentence_tags]}
                               for sentence, sentence_tags in rows), project_file=project.path)
    with atomic_write(labels_path(path), project_file=project.path) as f:
        f.write(json.dumps(names, ensure_ascii=False, indent=1))
        f.write("\n")
    return count


def tag_set(project: Project, selection: Selection, scheme: str = "bio") -> list[str]:
    """O, then each chosen schema label's tags in schema order (names after --map): the same list
    for every part of a split, whatever labels each part happens to hold."""
    labels = dict.fromkeys(selection.name(label.key) for label in project.schema.labels)
    prefixes = "BIES" if scheme == "bioes" else "BI"
    return ["O"] + [f"{p}-{label}" for label in labels
                    if selection.labels is None or label in selection.labels for p in prefixes]


def parse_tag_names(given: str) -> list[str]:
    """--tags: names of tag numbers in number order, comma-separated, or a file holding them (a JSON
    list, as labels.json, or one a line)."""
    path = Path(given)
    if path.is_file():
        check_size(path, limits.MAX_BYTES)
        text = path.read_text("utf-8-sig")
        if text.lstrip().startswith("["):
            try:
                names = strict_json.loads(text)
            except strict_json.JsonError as exc:
                raise AnnotatorError(f"--tags: {path}: {exc}") from None
            if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
                raise AnnotatorError(f"--tags: {path} must be a JSON list of tag names")
        else:
            names = [line.strip() for line in text.splitlines() if line.strip()]
    else:
        names = [n.strip() for n in given.split(",") if n.strip()]
    bad = next((n for n in names if _TAG.match(n) is None), None)
    if not names or bad is not None:
        raise AnnotatorError(f"--tags: {limits.quoted(bad or given)} is not a tag ({_TAGS}); give the names in "
                             "number order, e.g. O,B-PER,I-PER, or a file of them")
    return names


def labels_path(path: Path) -> Path:
    return path.with_name(path.stem + ".labels.json")


def read_file(path: Path, label_map: dict[str, str] | None = None, *,
              max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    """Documents of up to SENTENCES_PER_DOCUMENT sentences from a BIO, IOB, BIOES or BMES file, read
    a line at a time; a sentence with a bad line is skipped with its line number, the rest imported.
    UTF-8 is read with surrogatepass, so that Weibo NER's CESU-8 halves can be joined."""
    try:
        lines = text_lines(path, max_bytes, blank=True, errors="surrogatepass")
        yield from _documents(path, _bio_sentences(path, lines, label_map or {}))
    except AnnotatorError as exc:  # not text at all (binary, an unknown encoding): nothing to read
        yield Problem(str(path), str(exc))


def _bio_sentences(path: Path, lines, label_map: dict[str, str]):
    for first_line, block in _blocks(lines):
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


def _blocks(lines) -> Iterator[tuple[int, list[tuple[int, str | None, str]]]]:
    """Sentences: runs of non-empty lines, each line (number, text or None, why not)."""
    block: list[tuple[int, str | None, str]] = []
    for number, line, reason in lines:
        if line == "":
            if block:
                yield block[0][0], block
            block = []
        else:
            block.append((number, line, reason))
    if block:
        yield block[0][0], block


def _sentence(block: list[tuple[int, str | None, str]], first_line: int,
              label_map: dict[str, str]) -> tuple[str, list[tuple[int, int, str]], Counter]:
    pairs, numbers, counts = [], [], Counter()
    for number, line, reason in block:
        if line is None:
            raise RecordError(reason, number)
        ch, tab, tag = line.rpartition("\t")
        if not tab:
            ch, _, tag = line.rpartition(" ")  # some corpora separate with a space
        position = _POSITION.match(ch)
        if position:
            ch = position[1]
            counts["positions"] += 1
        if len(ch) > 1 and set(ch.rstrip("0123456789")) == {"\ufffd"}:  # Weibo NER 2nd edition's lost emoji
            raise RecordError(f"{limits.quoted(line)}: replacement characters (U+FFFD) where a character was lost "
                              "before this file was written; put the character back or remove the sentence", number)
        if len(ch) != 1 or _TAG.match(tag) is None:
            raise RecordError(f"expected one character, a tab and a tag ({_TAGS}), got {limits.quoted(line)}", number)
        if limits.first_control(ch) >= 0:
            raise RecordError(f"a {limits.control_name(ch)}: reports are text, not binary data", number)
        if pairs and "\udc00" <= ch <= "\udfff" and "\ud800" <= pairs[-1][0] <= "\udbff":
            # the second half of a character written as two surrogates: one character, the first tag
            pairs[-1] = ((pairs[-1][0] + ch).encode("utf-16", "surrogatepass").decode("utf-16"), pairs[-1][1])
            counts["surrogates"] += 1
            continue
        pairs.append((ch, tag))
        numbers.append(number)
    lone = next((n for n, (ch, _) in enumerate(pairs) if "\ud800" <= ch <= "\udfff"), None)
    if lone is not None:
        raise RecordError("half a character (a UTF-16 surrogate written as UTF-8, CESU-8) without its other half",
                          numbers[lone])
    return (*tagged_text(pairs, label_map, first_line, counts), counts)


def tagged_text(pairs: list[tuple[str, str]], label_map: dict[str, str], first: int = 0,
                counts: Counter | None = None) -> tuple[str, list[tuple[int, int, str]]]:
    """(token, tag) pairs → the text (tokens joined) and (start, end, label) spans in code points.
    M- is I- (BMES); an I-, M- or E- that continues no span of its label begins one (IOB1, as spaCy's
    iob_to_biluo reads it), counted in `counts["iob1"]`.  RecordError(message, position) for a tag
    that is not one."""
    text, spans, open_span = "", [], None
    for i, (token, tag) in enumerate(pairs):
        m = _TAG.match(tag)
        if m is None:
            raise RecordError(f"{limits.quoted(tag)} is not a tag ({_TAGS})", first + i)
        kind, label = m.groups()
        kind = "I" if kind == "M" else kind
        start, end = len(text), len(text) + len(token)
        if kind in ("I", "E") and (open_span is None or open_span[2] != label):
            if counts is not None:
                counts["iob1"] += 1
            kind = "B" if kind == "I" else "S"
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


def read_hf(path: Path, label_map: dict[str, str] | None = None, *, max_bytes: int = limits.MAX_BYTES,
            tag_names: list[str] | None = None) -> Iterator[Record | Problem]:
    """Hugging Face lines {"tokens", "ner_tags"}: tag numbers are named by `tag_names` (--tags), else
    by `<name>.labels.json` beside the file (as export_hf writes it), or the tags are strings.  Tokens
    are joined without spaces (Chinese); documents of SENTENCES_PER_DOCUMENT lines, like BIO."""
    names_file = labels_path(path)
    try:
        names = tag_names
        if names is None and names_file.exists():
            check_size(names_file, limits.MAX_BYTES)
            names = strict_json.loads(names_file.read_text("utf-8"))
            if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
                raise AnnotatorError(f"{names_file.name} must be a JSON list of tag names")
        yield from _documents(path, _hf_sentences(path, text_lines(path, max_bytes), names, label_map or {}))
    except (OSError, UnicodeDecodeError) as exc:
        yield Problem(str(names_file), f"cannot read ({getattr(exc, 'strerror', None) or exc})")
    except strict_json.JsonError as exc:
        yield Problem(str(names_file), str(exc))
    except AnnotatorError as exc:
        yield Problem(str(path), str(exc))


def _hf_sentences(path: Path, lines, names: list[str] | None, label_map: dict[str, str]):
    names_file = labels_path(path)
    for number, line, reason in lines:
        try:
            if line is None:
                raise RecordError(reason, number)
            row = strict_json.loads(line)
            if not isinstance(row, dict) or "tokens" not in row or "ner_tags" not in row:
                raise RecordError("expected an object with 'tokens' and 'ner_tags'", number)
            tokens, tags = row["tokens"], row["ner_tags"]
            if not (isinstance(tokens, list) and isinstance(tags, list) and len(tokens) == len(tags)):
                raise RecordError("'tokens' and 'ner_tags' must be lists of the same length", number)
            for n, token in enumerate(tokens, 1):
                if not isinstance(token, str):
                    raise RecordError(f"token {n} must be a string, got {limits.quoted(token)}", number)
                if limits.first_control(token) >= 0:
                    raise RecordError(f"token {n} holds a {limits.control_name(token[limits.first_control(token)])}",
                                      number)
            if any(isinstance(t, int) for t in tags):
                if names is None:  # datasets' to_json writes numbers and keeps the names in the dataset's features
                    raise RecordError(f"tag numbers need their names: {names_file.name} is missing; give them "
                                      "with --tags O,B-X,I-X,… (in number order) or --tags FILE", number)
                tags = [names[t] if isinstance(t, int) and 0 <= t < len(names) else f"?{t}" for t in tags]
            bad = next((t for t in tags if not isinstance(t, str)), None)
            if bad is not None:
                raise RecordError(f"a tag must be a name or a number, got {limits.quoted(bad)}", number)
            counts = Counter()
            yield (*tagged_text(list(zip(tokens, tags)), label_map, number, counts), counts)
        except strict_json.JsonError as exc:
            yield Problem(f"{path}:{number}", str(exc))
        except RecordError as exc:
            where = exc.args[1] if len(exc.args) > 1 else number
            yield Problem(f"{path}:{where}", str(exc.args[0]))


def _record(path: Path, part: int, batch) -> Record:
    offset, spans, lines, counts = 0, [], [], Counter()
    for sentence, sentence_spans, sentence_counts in batch:
        counts.update(sentence_counts)
        spans += [Span(offset + a, offset + b, label, sentence[a:b], origin="imported")
                  for a, b, label in sentence_spans]
        lines.append(sentence)
        offset += len(sentence) + 1
    text = "\n".join(lines)
    document = Document(text=text, file_name=path.name, title=f"{path.stem} {part}",
                        meta={"format": "bio", "part": part, "sentences": "lines"})
    return Record(document, spans, where=f"{path} part {part}",
                  notes=[_NOTES[key].format(n) for key, n in sorted(counts.items()) if n])
