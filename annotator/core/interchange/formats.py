"""The formats: which one a file is, the reader of each and the writer of each, in one table each
that the CLI and the window both list and call.  A new format is one module and one line here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from annotator.core.ingest import strict_json
from annotator.core.ingest.sources import SUFFIXES
from annotator.core.interchange import bio, brat, cluener, doccano, labelstudio, metrics, native, prodigy, spacy
from annotator.core.interchange.records import ALL, Selection, split_documents
from annotator.core.model import AnnotatorError
from annotator.core.store import Project

READERS = {"bio": bio.read_file, "hf": bio.read_hf, "doccano": doccano.read_file, "spacy": spacy.read_file,
           "labelstudio": labelstudio.read_file, "brat": brat.read_folder,
           "doccano-graphemes": doccano.read_graphemes, "prodigy": prodigy.read_file, "cluener": cluener.read_file}
IMPORT_FORMATS = ("auto", "reports", *READERS)
TAGGED_SUFFIXES = (".bio", ".bioes", ".bmes", ".iob", ".conll")  # a character and its tag a line
# what the window's import dialog offers as labelled data (a brat folder is chosen by its .ann files)
LABELLED_SUFFIXES = (".json", ".jsonl", *TAGGED_SUFFIXES, ".ann")
_TAGGED_LINE = re.compile(r"\S{1,6}[\t ](?:O|[BIEMS]-\S+)")  # a character (maybe a position digit), a tag
# options a reader takes besides the label map (import_paths passes each only to its readers)
READER_OPTIONS = {"labelstudio": ("offsets", "annotator"), "hf": ("tag_names",)}


@dataclass(frozen=True)
class ExportFormat:
    description: str
    write: Callable[..., int]   # (project, path, selection, **options) → how many records
    suffix: str = ".jsonl"      # of the default file name; "" for a folder
    unit: str = "documents"     # what the count counts
    exchange: bool = True       # takes --labels, --annotator, --map, --sentences and --split
    layers: bool = True         # can write an annotator's versions, or all of them (--layer)
    # a folder format writes all parts of a split at once, replacing an earlier export whole
    write_parts: Callable[..., dict[str, int]] | None = None


def _plain(module, layers: bool = False) -> Callable[..., int]:
    """native and metrics choose by status and suggestions (native also by layer) only."""
    def write(project, path, selection, **_):
        extra = {"layer": selection.layer} if layers else {}
        return module.export(project, path, status=selection.status, with_suggestions=selection.with_suggestions,
                             **extra)
    return write


EXPORTS: dict[str, ExportFormat] = {
    "native": ExportFormat("lossless JSONL, one document per line", _plain(native, layers=True), exchange=False),
    "metrics": ExportFormat("one row per METRIC span (JSONL and CSV)", _plain(metrics), unit="metrics",
                            exchange=False, layers=False),
    "bio": ExportFormat("one character and its BIO tag per line, a blank line after each sentence (MSRA style)",
                        lambda p, path, sel, **_: bio.export(p, path, sel, scheme="bio"), ".txt", "sentences"),
    "bioes": ExportFormat("the same with BIOES tags", lambda p, path, sel, **_: bio.export(p, path, sel, scheme="bioes"),
                          ".txt", "sentences"),
    "hf": ExportFormat("Hugging Face JSON lines {tokens, ner_tags} and <name>.labels.json",
                       lambda p, path, sel, **_: bio.export_hf(p, path, sel), unit="sentences"),
    "spacy": ExportFormat("spaCy/Prodigy JSONL with jieba tokens", lambda p, path, sel, **_: spacy.export(p, path, sel)),
    "spacy-docbin": ExportFormat("spaCy DocBin (.spacy; needs spaCy installed)",
                                 lambda p, path, sel, char_tokens=False, **_: spacy.export_docbin(
                                     p, path, sel, char_tokens=char_tokens), ".spacy"),
    "doccano": ExportFormat("doccano JSONL with entities and relations (UTF-16 offsets)",
                            lambda p, path, sel, **_: doccano.export(p, path, sel)),
    "doccano-label": ExportFormat("doccano JSONL with label: [[start, end, label]] (UTF-16 offsets)",
                                  lambda p, path, sel, **_: doccano.export(p, path, sel, shape="label")),
    "labelstudio": ExportFormat("Label Studio tasks JSON; suggestions as predictions (code point offsets)",
                                lambda p, path, sel, **_: labelstudio.export(p, path, sel), ".json"),
    "brat": ExportFormat("a folder of .txt and .ann files", lambda p, path, sel, **_: brat.export(p, path, sel), "",
                         write_parts=brat.export_parts),
}


def default_target(project: Project, fmt: str) -> Path:
    """exports/<project>-<format><suffix>, relative to the working folder."""
    stem = project.path.stem if project.path else "project"
    return Path("exports") / f"{stem}-{fmt}{EXPORTS[fmt].suffix}"


def export(project: Project, fmt: str, target: Path, selection: Selection = Selection(), *,
           split: str | None = None, seed: int = 0, **options) -> list[tuple[Path, int]]:
    """Write `fmt` to `target` (or to one file per part of `split`, e.g. 80/10/10); returns each file
    written with its count.  Every span is checked against its text before anything is written."""
    form = EXPORTS.get(fmt)
    if form is None:
        raise AnnotatorError(f"unknown export format {fmt!r}; one of {', '.join(EXPORTS)}")
    if not form.exchange and (selection.labels is not None or selection.annotator or selection.label_map
                              or selection.sentences or split):
        raise AnnotatorError(f"--labels, --annotator, --map, --sentences and --split are for the exchange "
                             f"formats, not {fmt}")
    if selection.layer and not form.layers:
        raise AnnotatorError(f"{fmt} writes the project's own (gold) spans only; --layer is for the other formats")
    if selection.layer == ALL and fmt != "native":
        raise AnnotatorError(f"--layer all writes each span with its annotator, which only native JSONL holds; for "
                             f"{fmt}, export one annotator at a time (--layer NAME)")
    if selection.layer and selection.with_suggestions:
        raise AnnotatorError("annotators' versions hold no suggestions: --with-suggestions is for the gold layer")
    parts = {"": None} if split is None else split_documents(project, selection, split, seed=seed)
    if form.write_parts is not None:
        counts = form.write_parts(project, target, {part: replace(selection, documents=documents)
                                                    for part, documents in parts.items()})
        return [(target / part if part else target, count) for part, count in counts.items()]
    written = []
    for part, documents in parts.items():
        part_target = target if not part else (
            target / part if not form.suffix else target.with_name(f"{target.stem}-{part}{target.suffix}"))
        written.append((part_target, form.write(project, part_target, replace(selection, documents=documents),
                                                **options)))
    return written


def detect(path: Path) -> str:
    """The format of a file or folder, from its name and first record; "reports" (pages and native
    JSONL) when nothing else fits."""
    if path.is_dir():
        return "brat" if any(path.glob("*.ann")) and not any(path.glob("*.jsonl")) else "reports"
    suffix = path.suffix.lower()
    if suffix == ".ann":
        return "brat"
    if suffix in TAGGED_SUFFIXES or (suffix not in SUFFIXES and _tagged_lines(path)):
        return "bio"
    if suffix not in (".json", ".jsonl"):
        return "reports"
    try:
        with path.open("rb") as f:
            head = f.read(1 << 20).decode("utf-8", "replace").lstrip("\ufeff").lstrip()
    except OSError:
        return "reports"
    first = _first_object(head)
    if not isinstance(first, dict):
        return "reports"
    if labelstudio.recognises(first):
        return "labelstudio"
    if "answer" in first and "text" in first:  # Prodigy's annotations: the answer decides (prodigy.py)
        return "prodigy"
    if "entities" in first or ("label" in first and isinstance(first["label"], list)):
        return "doccano"
    if "text" in first and isinstance(first.get("label"), dict):
        return "cluener"
    if "tokens" in first and ("spans" in first or "ents" in first):  # Prodigy tasks; spaCy's Doc.to_json()
        return "spacy"
    if "tokens" in first and "ner_tags" in first:
        return "hf"
    return "reports"


def _tagged_lines(path: Path) -> bool:
    """A file of no known type whose first line is a character and a tag (Weibo NER's
    weiboNER_2nd_conll.train, ResumeNER's train.char.bmes)."""
    try:
        with path.open("rb") as f:
            first = f.readline(256).decode("utf-8", "replace").strip()
    except OSError:
        return False
    return _TAGGED_LINE.fullmatch(first) is not None


def _first_object(head: str):
    try:
        if head.startswith("["):
            head = head[1:].lstrip()
        return strict_json.raw_decode(head)[0]
    except strict_json.JsonError:
        return None
