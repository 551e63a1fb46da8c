"""Import with suggestions next to its floor: plain `jieba.lcut` over the same text.

    python benchmarks/bench_suggest.py [--reports 200] [--repeat 3]

Reports are built from the seed reports' lines, each line made unique (a run and report number in
it), so no cache of ours sees a line twice; jieba (and our gazetteers) are loaded before either clock
starts.  Each run
times both on its own fresh reports; the run with the median ratio is reported, with every ratio
(this machine's timings wander by a tenth or more).
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
from annotator.core.suggest.suggester import TEXT_SOURCES  # noqa: E402
from benchmarks.common import machine  # noqa: E402

SEEDS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))


def make_reports(folder: Path, count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    folder.mkdir()
    articles = [clean_page(p.read_text("utf-8")).text.split("\n") for p in SEEDS]
    texts = []
    for i in range(count):
        lines = [f"{line}(第{seed}-{i}号)" if line else "" for line in rng.choice(articles)]
        text = "\n".join(lines)
        (folder / f"report_{i:05d}.txt").write_text(text, "utf-8")
        texts.append(text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    jieba.setLogLevel(logging.WARNING)
    jieba.lcut("预热")
    segment.tag("预热")  # our jieba and its tag table, loaded as the window does in the background
    for source in TEXT_SOURCES:  # and the gazetteers and lexicons, built once per process
        source("云阳县委宣传部供图。")
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.repeat):
            folder = Path(tmp, f"reports{run}")
            texts = make_reports(folder, args.reports, seed=run + 1)
            chars = sum(map(len, texts))
            t0 = time.perf_counter()
            for text in texts:
                jieba.lcut(text)
            floor = time.perf_counter() - t0
            with Project.open(Path(tmp, f"bench{run}.db")) as project:
                t0 = time.perf_counter()
                report = import_paths(project, [folder])
                imported = time.perf_counter() - t0
                t0 = time.perf_counter()
                added = project.suggest(report.imported)
                took = imported + time.perf_counter() - t0
                runs.append((floor / took, chars, floor, took, imported, added))
                assert report.ok and len(report.imported) == args.reports, report.summary()
    ratio, chars, floor, took, imported, added = sorted(runs)[len(runs) // 2]
    print(f"machine: {machine()}")
    print(f"| {args.reports} reports, {chars:,} characters (median of {args.repeat} runs) | seconds | characters/s |")
    print("|---|---|---|")
    print(f"| floor: jieba.lcut over the same text | {floor:.2f} | {chars / floor:,.0f} |")
    print(f"| annotator import --suggest ({imported:.2f} s import, {took - imported:.2f} s suggest, "
          f"{added:,} suggestions) | {took:.2f} | {chars / took:,.0f} |")
    print(f"speed relative to jieba.lcut: {ratio:.2f} (target ≥ 0.5); every run: "
          f"{', '.join(f'{r[0]:.2f}' for r in sorted(runs))}")


if __name__ == "__main__":
    main()
