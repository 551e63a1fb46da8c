"""Which exchange format a file is, and the reader and writer of each: one table the CLI and the
window share."""
from __future__ import annotations

import json
from pathlib import Path

from annotator.core.interchange import bio, brat, doccano, labelstudio, spacy

READERS = {"bio": bio.read_file, "hf": bio.read_hf, "doccano": doccano.read_file, "spacy": spacy.read_file,
           "labelstudio": labelstudio.read_file, "brat": brat.read_folder}
IMPORT_FORMATS = ("auto", "reports", *READERS)


def detect(path: Path) -> str:
    """The format of a file or folder, from its name and first record; "reports" (pages and native
    JSONL) when nothing else fits."""
    if path.is_dir():
        return "brat" if any(path.glob("*.ann")) and not any(path.glob("*.jsonl")) else "reports"
    suffix = path.suffix.lower()
    if suffix == ".ann":
        return "brat"
    if suffix in (".bio", ".bioes"):
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
    if "data" in first and ("annotations" in first or "predictions" in first):
        return "labelstudio"
    if "entities" in first or ("label" in first and isinstance(first["label"], list)):
        return "doccano"
    if "tokens" in first and "spans" in first:
        return "spacy"
    if "tokens" in first and "ner_tags" in first:
        return "hf"
    return "reports"


def _first_object(head: str):
    decoder = json.JSONDecoder()
    try:
        if head.startswith("["):
            head = head[1:].lstrip()
        return decoder.raw_decode(head)[0]
    except json.JSONDecodeError:
        return None
