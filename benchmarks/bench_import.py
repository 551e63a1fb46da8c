"""Import of 10,000 scraped reports (~50 MB) next to its floor: reading the same files.

    python benchmarks/bench_import.py [--reports 10000]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from benchmarks.common import machine  # noqa: E402

SEEDS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))


def make_reports(folder: Path, count: int, seed: int = 1) -> int:
    """Write `count` distinct pages built from the seed pages' lines (header, body, footer)."""
    rng = random.Random(seed)
    pages = [p.read_text("utf-8").split("\n") for p in SEEDS]
    total = 0
    for i in range(count):
        lines = rng.choice(pages)
        head, body, foot = lines[:6], lines[6:-12], lines[-12:]
        picked = rng.sample(body, k=max(1, len(body) // 2))
        text = "\n".join(head + [f"第{i}号报告:脱贫攻坚进展。"] + picked + foot)
        data = text.encode("utf-8")
        (folder / f"{i // 1000:02d}").mkdir(exist_ok=True)
        (folder / f"{i // 1000:02d}" / f"report_{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "reports")
        folder.mkdir()
        size = make_reports(folder, args.reports)
        files = sorted(folder.rglob("*.txt"))
        t0 = time.perf_counter()
        floor_bytes = sum(len(f.read_bytes()) for f in files)
        floor = time.perf_counter() - t0
        assert floor_bytes == size
        with Project.open(Path(tmp, "bench.db")) as project:
            t0 = time.perf_counter()
            report = import_paths(project, [folder])
            took = time.perf_counter() - t0
            assert report.ok and len(report.imported) == args.reports, report.summary()
            chars = project.db.execute("SELECT sum(length(text)) FROM documents").fetchone()[0]
    print(f"machine: {machine()}")
    print(f"| import of {args.reports:,} reports ({size / 1e6:.1f} MB) | seconds | MB/s |")
    print("|---|---|---|")
    print(f"| floor: read the files | {floor:.2f} | {size / 1e6 / floor:.0f} |")
    print(f"| annotator import (decode, clean, hash, store; one transaction per report) | {took:.2f} | "
          f"{size / 1e6 / took:.1f} |")
    print(f"stored {chars:,} characters; import/floor = {took / floor:.0f}x")


if __name__ == "__main__":
    main()
