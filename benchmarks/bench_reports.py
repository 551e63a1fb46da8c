"""Leave-one-out on the report golds: for each report, the learnt source is trained on the others'
gold (as a team that has confirmed them would have it) and the left-out report is scored, rules
alone (with the dictionary the others make) vs rules + learnt.

    python benchmarks/bench_reports.py [--json out.json]

The golds are tests/gold/*.jsonl: seed_000 and seed_003 (the rules were tuned reading their errors:
in-sample for the rules) and the other reports, each labelled before any suggester ran on it and never
used to tune a rule.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.evaluate import Evaluation, score  # noqa: E402
from annotator.core.learn import training  # noqa: E402
from annotator.core.learn.learnt import Learnt  # noqa: E402
from annotator.core.schema import default_schema  # noqa: E402
from annotator.core.suggest.suggester import Suggester  # noqa: E402
from benchmarks.common import machine  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold"


def golds() -> list[tuple[str, training.Example]]:
    found = []
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            found.append((path.stem, training.Example(
                record["text"], [(s["start"], s["end"], s["label"]) for s in record["spans"]])))
    return found


def row(e: Evaluation) -> dict:
    d = e.as_dict()
    return {"f1": round(d["overall"]["exact"]["f1"], 3), "actions": round(d["actions_per_gold_span"], 2),
            "labels": {k: round(v["exact"]["f1"], 3) for k, v in d["labels"].items()}, "gold": d["overall"]["gold"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    layer_of = default_schema().layers()
    items = golds()
    finder = Suggester(layer_of)
    training.prepare([ex for _, ex in items], finder)
    results, total = {}, {"rules": Evaluation(), "learnt": Evaluation()}
    for name, ex in items:
        others = [o for n, o in items if n != name]
        began = time.perf_counter()
        learnt = Learnt(*training.train(others, layer_of, finder))  # k-fold on the others says which labels to trust
        seconds = time.perf_counter() - began
        entries = training.dictionary(others, layer_of)
        gold = {(label, s, e) for s, e, label in ex.spans}
        scored = {label for _, _, label in ex.spans}
        pair = {"rules": Evaluation(), "learnt": Evaluation()}
        for kind, model in (("rules", None), ("learnt", learnt)):
            predicted = training.predict(model, ex, layer_of, entries)
            score(pair[kind], 1, ex.text, gold, predicted, scored)
            score(total[kind], 1, ex.text, gold, predicted, scored)
        results[name] = {"chars": len(ex.text), "train_seconds": round(seconds, 1),
                         "trusted": sorted(learnt.labels),
                         **{k: row(v) for k, v in pair.items()}}
    results["all"] = {k: row(v) for k, v in total.items()}
    print(f"Machine: {machine()}\n")
    print("| left-out report | gold spans | rules F1 | + learnt F1 | rules actions/span | + learnt actions/span |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        if "trusted" in r:
            print(f"<!-- {name}: model trusted with {', '.join(r['trusted']) or 'no label'} -->")
    for name, r in results.items():
        print(f"| {name} | {r['rules']['gold']} | {r['rules']['f1']:.2f} | {r['learnt']['f1']:.2f} | "
              f"{r['rules']['actions']:.2f} | {r['learnt']['actions']:.2f} |")
    labels = sorted(results["all"]["rules"]["labels"])
    print("\n| label (all left-out reports) | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    for kind in ("rules", "learnt"):
        print(f"| {'rules' if kind == 'rules' else 'rules + learnt'} | "
              + " | ".join(f"{results['all'][kind]['labels'][k]:.2f}" for k in labels) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
