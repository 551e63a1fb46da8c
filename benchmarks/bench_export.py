"""Native export of 200,000 spans next to its floor: json.dumps of the same records.

    python benchmarks/bench_export.py [--spans 200000]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.interchange import native  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from annotator.core.store.clock import now  # noqa: E402
from annotator.core.store.documents import sha256  # noqa: E402
from benchmarks.common import best_of, machine  # noqa: E402

SPANS_PER_DOC = 100


def build(project: Project, spans: int) -> None:
    """Documents of seed text with spans every few characters, written in bulk (setup, untimed)."""
    seeds = [p.read_text("utf-8") for p in sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))]
    stamp = now()
    docs = spans // SPANS_PER_DOC
    labels = ["REGION", "ORG", "PERSON", "DATE", "PROGRAM"]
    with project.db.atomic():
        for d in range(docs):
            text = f"第{d}号。" + seeds[d % len(seeds)]
            doc_id = project.db.execute(
                "INSERT INTO documents(title, text, text_sha256, imported_at, updated_at) VALUES (?,?,?,?,?)",
                [f"报告{d}", text, sha256(text), stamp, stamp]).lastrowid
            rows = []
            for i in range(SPANS_PER_DOC):
                start = 10 + i * 10
                metric = i % 4 == 3
                attrs = json.dumps({"value": i * 100, "unit": "户", "qualifier": "exact"} if metric else {})
                rows.append([doc_id, start, start + 3, "METRIC" if metric else labels[i % 5],
                             "metric" if metric else "entity", text[start:start + 3], 0, len(text), attrs,
                             project.annotator, "manual", stamp, stamp])
            project.db.conn.executemany(
                "INSERT INTO spans(document_id, start, end, label, layer, text, sentence_start, sentence_end, attrs,"
                " annotator, origin, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--spans", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with Project.open(Path(tmp, "bench.db")) as project:
            build(project, args.spans)
            records = list(native.records(project))
            assert sum(len(r["spans"]) for r in records) == args.spans
            floor = best_of(lambda: [json.dumps(r, ensure_ascii=False) for r in records])
            out = Path(tmp, "export.jsonl")
            took = best_of(lambda: native.export(project, out))
            size = out.stat().st_size
    print(f"machine: {machine()}")
    print(f"| native export of {args.spans:,} spans in {len(records):,} documents ({size / 1e6:.1f} MB) "
          f"| seconds (best of 3) |")
    print("|---|---|")
    print(f"| floor: json.dumps of the same records | {floor:.2f} |")
    print(f"| annotator export (read, check every span, serialise, write atomically) | {took:.2f} |")
    print(f"export/floor = {took / floor:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
