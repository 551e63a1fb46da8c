"""HTML import throughput on saved pages: reading the files, the bare parse, and file → stored report.

    python benchmarks/bench_html.py [FOLDER_OF_PAGES] [--copies 20]

Without a folder it uses the real pages in tests/fixtures/html. The pages are imported `--copies` times,
each time into a fresh project (a copy in the same project would be skipped as a duplicate).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.ingest.html import html_to_text  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from benchmarks.common import best_of, machine  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    pages = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in (".html", ".htm"))
    with tempfile.TemporaryDirectory() as tmp:
        files = [page for _ in range(args.copies) for page in pages]
        total = sum(f.stat().st_size for f in files)
        read = best_of(lambda: [f.read_bytes() for f in files])
        texts = [f.read_text("utf-8", errors="replace") for f in files]
        parse = best_of(lambda: [html_to_text(t, link_lists=False) for t in texts])
        imported, results = 0.0, []
        for i in range(args.copies):
            start = time.perf_counter()
            with Project.open(Path(tmp, f"bench{i}.db")) as project:
                results.append(import_paths(project, pages))
            imported += time.perf_counter() - start
        result = results[0]
    mb = total / 2**20
    print(f"# {machine()}")
    print(f"{len(pages)} pages × {args.copies}, {mb:.1f} MB")
    print(f"read files     {read:7.3f} s  {mb / read:8.1f} MB/s")
    print(f"parse (lxml)   {parse:7.3f} s  {mb / parse:8.1f} MB/s  {len(files) / parse:8.0f} pages/s")
    print(f"import → store {imported:7.3f} s  {mb / imported:8.1f} MB/s  {len(files) / imported:8.0f} pages/s  "
          f"(each project: {result.summary()})")
    for problem in result.problems:
        print(f"  skipped {problem}")


if __name__ == "__main__":
    main()
