"""Learning curve of the learnt source: rules alone vs rules + the CRF, by training sentences.

    python benchmarks/bench_learn.py [--sizes 100,300,1000,all] [--png docs/learning-curve.png]
                                     [--json out.json] [--no-weibo]

The corpora are read as benchmarks/corpora.py says (ANNOTATOR_CORPORA).  People's Daily: trained on the
first N sentences of its train part, scored on the held-apart part.  Weibo: trained on its train split,
scored on its dev split.  Both arms get the project dictionary the same N sentences would make, as a
project would have, and are scored as training.cross_validate scores them (exact spans, actions per
gold span).  Timings: training seconds per size, and one 10,000-character report (the seed reports,
cleaned) suggested with the largest model, by the rules alone, and by the floor `jieba.lcut`, median
of 5 runs, each run on a fresh copy of the text (its lines made unique) so no cache of ours helps.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import jieba  # noqa: E402

from annotator.core import segment  # noqa: E402
from annotator.core.evaluate import Evaluation, score  # noqa: E402
from annotator.core.ingest.clean import clean_page  # noqa: E402
from annotator.core.learn import training  # noqa: E402
from annotator.core.learn.learnt import Learnt  # noqa: E402
from annotator.core.schema import default_schema  # noqa: E402
from annotator.core.suggest.suggester import Suggester  # noqa: E402
from benchmarks import corpora  # noqa: E402
from benchmarks.common import machine  # noqa: E402

PD, WB = "People's Daily: train part → held-apart 20%", "Weibo: train → dev"
SEEDS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))
REPORT_CHARS = 10_000
REPEAT = 5


def layers() -> dict[str, str]:
    return default_schema().layers()


def curve(train: list, test: list, sizes: list[int], layer_of: dict[str, str], trusted: bool = False) -> list[dict]:
    """Rules alone and rules + learnt, trained on the first n of `train` for each n, scored on `test`.
    `trusted`: the model judges only the labels a 5-fold on its training sentences trusts it with, as
    `annotator train` stores it (learnt.trusted); the seconds then include the folds."""
    finder = Suggester(layer_of)
    train_ex = [training.Example(t, s) for t, s in train]
    test_ex = [training.Example(t, s) for t, s in test]
    training.prepare(train_ex + test_ex, finder)
    scored = {label for ex in train_ex + test_ex for _, _, label in ex.spans}
    rows = []
    for n in sizes:
        part = train_ex[:n]
        began = time.perf_counter()
        models, info = training.train(part, layer_of, finder) if trusted else (training.fit(part, layer_of), {})
        seconds = time.perf_counter() - began
        entries = training.dictionary(part, layer_of)
        learnt = Learnt(models, info) if models else None
        rules, both = Evaluation(), Evaluation()
        for k, ex in enumerate(test_ex):
            gold = {(label, s, e) for s, e, label in ex.spans}
            score(rules, k, ex.text, gold, training.predict(None, ex, layer_of, entries), scored)
            score(both, k, ex.text, gold, training.predict(learnt, ex, layer_of, entries), scored)
        for e in (rules, both):
            e.documents = len(test_ex)
            e.errors.clear()
        rows.append({"sentences": len(part), "spans": sum(len(ex.spans) for ex in part),
                     "train_seconds": round(seconds, 2), "rules": rules.as_dict(), "learnt": both.as_dict(),
                     "_learnt": learnt, "_entries": entries})
    return rows


def report_text(run: int, kind: str) -> str:
    """The seed reports, cleaned, every line tagged with the run so each timing reads a text no cache saw."""
    lines = [line for p in SEEDS for line in clean_page(p.read_text("utf-8")).text.split("\n")]
    text = "\n".join(f"{line}（第{run}{kind}号）" if line else "" for line in lines)
    while len(text) < REPORT_CHARS:
        text += "\n" + text
    return text[:REPORT_CHARS]


def timings(learnt: Learnt, entries: dict[str, str], layer_of: dict[str, str]) -> dict:
    """Median seconds of 5 over a 10,000-character report: rules + learnt, rules alone, jieba.lcut."""
    with_model = Suggester(layer_of, entries, learnt=learnt)
    alone = Suggester(layer_of, entries)
    runs = {"learnt": [], "rules": [], "jieba": []}
    for run in range(REPEAT):
        for kind, fn in (("jieba", jieba.lcut), ("rules", alone), ("learnt", with_model)):
            text = report_text(run, kind)
            began = time.perf_counter()
            fn(text)
            runs[kind].append(time.perf_counter() - began)
    return {kind: round(statistics.median(v), 3) for kind, v in runs.items()} | {"chars": REPORT_CHARS}


def f1(d: dict, label: str | None = None) -> float:
    return (d["overall"] if label is None else d["labels"].get(label, {"exact": {"f1": 0.0}}))["exact"]["f1"]


def table(name: str, rows: list[dict]) -> str:
    labels = sorted(rows[-1]["learnt"]["labels"])
    out = [f"**{name}** (exact spans; scored on {rows[-1]['learnt']['documents']} sentences)", "",
           "| train sentences (spans) | train s | arm | P | R | F1 | " + " | ".join(f"F1 {lab}" for lab in labels)
           + " | actions/gold span |",
           "|---|---|---|---|---|---|" + "---|" * len(labels) + "---|"]
    for r in rows:
        for arm, title in (("rules", "rules + dictionary"), ("learnt", "rules + dictionary + learnt")):
            d = r[arm]
            e = d["overall"]["exact"]
            out.append(f"| {r['sentences']} ({r['spans']}) | {r['train_seconds'] if arm == 'learnt' else ''} | "
                       f"{title} | {e['precision']:.3f} | {e['recall']:.3f} | {e['f1']:.3f} | "
                       + " | ".join(f"{f1(d, lab):.3f}" for lab in labels)
                       + f" | {d['actions_per_gold_span']:.2f} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,300,1000,all")
    parser.add_argument("--png", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-weibo", action="store_true", help="the People's Daily curve only")
    parser.add_argument("--trusted", action="store_true", help="the model as `annotator train` stores it: "
                        "judging only the labels a 5-fold on its training part trusts it with")
    args = parser.parse_args()
    if not corpora.available():
        sys.exit(f"no corpora in {corpora.folder()}: set ANNOTATOR_CORPORA (see benchmarks/corpora.py)")
    jieba.setLogLevel(logging.WARNING)
    jieba.lcut("预热")
    segment.tag("预热")
    layer_of = layers()
    Suggester(layer_of).found("云阳县委宣传部供图。")  # gazetteers built before any clock starts

    def sizes_of(pool: list) -> list[int]:
        wanted = [len(pool) if s == "all" else int(s) for s in args.sizes.split(",")]
        return sorted({min(s, len(pool)) for s in wanted})

    pd_train, pd_held = corpora.peoples_daily()
    curves = {PD: curve(pd_train, pd_held, sizes_of(pd_train), layer_of, args.trusted)}
    if not args.no_weibo:
        wb_train = corpora.weibo("train")
        curves[WB] = curve(wb_train, corpora.weibo("dev"), sizes_of(wb_train), layer_of, args.trusted)
    largest = curves[PD][-1]
    speed = timings(largest["_learnt"], largest["_entries"], layer_of)
    where = machine()
    print(f"machine: {where}\n")
    for name, rows in curves.items():
        print(table(name, rows) + "\n")
    print(f"| one {speed['chars']:,}-character report (median of {REPEAT}; model of "
          f"{largest['sentences']} People's Daily sentences) | seconds | characters/s |")
    print("|---|---|---|")
    for kind, title in (("jieba", "floor: jieba.lcut"), ("rules", "rules + dictionary"),
                        ("learnt", "rules + dictionary + learnt")):
        print(f"| {title} | {speed[kind]:.3f} | {speed['chars'] / speed[kind]:,.0f} |")
    clean = {name: [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
             for name, rows in curves.items()}
    if args.json:
        args.json.write_text(json.dumps({"machine": where, "curves": clean, "report": speed}, indent=1), "utf-8")
    if args.png:
        from benchmarks.learning_plot import draw
        draw(args.png, clean, where)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
