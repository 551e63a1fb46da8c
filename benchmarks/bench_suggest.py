"""Import with suggestions next to its floor: plain `jieba.lcut` over the same text.

    python benchmarks/bench_suggest.py [--reports 200]

Reports are built from the seed reports' lines, each line made unique (a report number in it), so no
cache of ours sees a line twice; jieba is loaded before either clock starts.
"""
from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import jieba  # noqa: E402

from annotator.core import segment  # noqa: E402
from annotator.core.ingest.clean import clean_page  # noqa: E402
from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from benchmarks.common import machine  # noqa: E402

SEEDS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))


def make_reports(folder: Path, count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    articles = [clean_page(p.read_text("utf-8")).text.split("\n") for p in SEEDS]
    texts = []
    for i in range(count):
        lines = [f"{line}(第{i}号)" if line else "" for line in rng.choice(articles)]
        text = "\n".join(lines)
        (folder / f"report_{i:05d}.txt").write_text(text, "utf-8")
        texts.append(text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=200)
    args = parser.parse_args()
    jieba.setLogLevel(logging.WARNING)
    jieba.lcut("预热")
    segment.tag("预热")  # our jieba and its tag table, loaded as the window does in the background
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "reports")
        folder.mkdir()
        texts = make_reports(folder, args.reports)
        chars = sum(map(len, texts))
        t0 = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        floor = time.perf_counter() - t0
        with Project.open(Path(tmp, "bench.db")) as project:
            t0 = time.perf_counter()
            report = import_paths(project, [folder])
            imported = time.perf_counter() - t0
            t0 = time.perf_counter()
            added = project.suggest(report.imported)
            suggested = time.perf_counter() - t0
            assert report.ok and len(report.imported) == args.reports, report.summary()
    took = imported + suggested
    print(f"machine: {machine()}")
    print(f"| {args.reports} reports, {chars:,} characters | seconds | characters/s |")
    print("|---|---|---|")
    print(f"| floor: jieba.lcut over the same text | {floor:.2f} | {chars / floor:,.0f} |")
    print(f"| annotator import --suggest ({imported:.2f} s import, {suggested:.2f} s suggest, "
          f"{added:,} suggestions) | {took:.2f} | {chars / took:,.0f} |")
    print(f"speed relative to jieba.lcut: {floor / took:.2f} (target ≥ 0.5)")


if __name__ == "__main__":
    main()
