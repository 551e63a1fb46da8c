"""Public Chinese NER corpora, read from a folder outside the repository (most state no licence).

    ANNOTATOR_CORPORA=/path/to/corpora  (default: ../corpora beside the checkout)

Expected layout, as the files are in OYE93/Chinese-NLP-Corpus (NER/...):
    peoples-daily/example.dev   weibo/weiboNER_2nd_conll.train   weibo/weiboNER_2nd_conll.dev

Only train and dev splits are read here.  The People's Daily train file is missing from the public
snapshot, so its dev file is the pool: the first 80% of its sentences (file order, so whole
articles stay on one side) train and tune, the last 20% are held apart and only scored.
"""
from __future__ import annotations

import os
from pathlib import Path

LABELS = {"PER": "PERSON", "LOC": "REGION", "GPE": "REGION", "ORG": "ORG"}  # Weibo's .NAM kinds; .NOM dropped


def folder() -> Path:
    return Path(os.environ.get("ANNOTATOR_CORPORA") or Path(__file__).resolve().parents[2] / "corpora")


def read_bio(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences of a one-character-per-line BIO file as (text, [(start, end, label)]), labels ours."""
    sentences, chars, tags = [], [], []

    def flush():
        if chars:
            text, spans, open_ = "".join(chars), [], None
            for i, tag in enumerate(tags + ["O"]):
                kind, _, name = tag.partition("-")
                name = name.split(".")[0] if not name.endswith(".NOM") else ""
                if open_ and (kind != "I" or name != open_[1]):
                    if open_[1] in LABELS:
                        spans.append((open_[0], i, LABELS[open_[1]]))
                    open_ = None
                if kind == "B" or (kind == "I" and open_ is None and name):
                    open_ = (i, name)
            sentences.append((text, spans))
        chars.clear()
        tags.clear()

    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if not parts:
            flush()
            continue
        char = parts[0][0] if len(parts) > 1 else " "
        chars.append(char)
        tags.append(parts[-1] if len(parts) > 1 else "O")
    flush()
    return sentences


def peoples_daily() -> tuple[list, list]:
    """(train part, held-apart part) of People's Daily dev, 80/20 in file order."""
    sentences = read_bio(folder() / "peoples-daily" / "example.dev")
    cut = len(sentences) * 4 // 5
    return sentences[:cut], sentences[cut:]


def weibo(split: str = "train") -> list:
    return read_bio(folder() / "weibo" / f"weiboNER_2nd_conll.{split}")


def available() -> bool:
    return (folder() / "peoples-daily" / "example.dev").exists()


def write_jsonl(sentences, path: Path) -> Path:
    """Native-shaped gold (`annotator evaluate --gold`)."""
    import json
    with open(path, "w", encoding="utf-8") as out:
        for text, spans in sentences:
            out.write(json.dumps({"text": text, "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e]}
                                                          for s, e, lab in spans]}, ensure_ascii=False) + "\n")
    return path
