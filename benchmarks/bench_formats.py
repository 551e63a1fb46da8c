"""Import throughput per file format next to its floors: reading the bytes, and the bare text extraction.

    python benchmarks/bench_formats.py [--extra FILE.pdf|.html|.docx ... or FOLDER] [--repeat 3]

For each format, every sample file is (1) read from disk, (2) turned into text by the format's reader
alone, and (3) imported into a fresh project through `import_paths` (file to stored report). The
samples are the real fixtures in tests/fixtures/<format>/ plus any --extra files (say where they came
from when quoting the numbers). A format is one entry of FORMATS: a reader over bytes and a way to
count pages (a page or Word file counts as one).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.ingest import word  # noqa: E402
from annotator.core.ingest.decode import decode_bytes  # noqa: E402
from annotator.core.ingest.html import html_to_text  # noqa: E402
from annotator.core.ingest.pdf import pdf_to_page  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from benchmarks.common import best_of, machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Format:
    name: str
    samples: list[Path]
    extract: Callable[[bytes], object]  # the reader alone: bytes to text
    pages: Callable[[bytes], int]       # pages of one file (1 for formats without pages)


def _pdf_pages(data: bytes) -> int:
    return pdf_to_page(data).page_count


def _html(data: bytes) -> object:
    return html_to_text(decode_bytes(data)[0])


FIXTURES = ROOT / "tests" / "fixtures"
FORMATS = [
    Format("pdf", sorted((FIXTURES / "pdf").glob("*.pdf")), pdf_to_page, _pdf_pages),
    Format("html", sorted((FIXTURES / "html").glob("*.html")), _html, lambda data: 1),
    Format("docx", sorted((FIXTURES / "word").glob("*.docx")), word.read_docx, lambda data: 1),
]


def measure(fmt: Format, files: list[Path], repeat: int) -> None:
    readable = []
    for path in files:
        try:
            fmt.extract(path.read_bytes())
            readable.append(path)
        except Exception as exc:  # noqa: BLE001 - refused samples (encrypted …) are listed, not timed
            print(f"  skipped {path.name}: {exc}")
    if not readable:
        return
    size = sum(p.stat().st_size for p in readable)
    pages = sum(fmt.pages(p.read_bytes()) for p in readable)
    read = best_of(lambda: [p.read_bytes() for p in readable], repeat)
    extract = best_of(lambda: [fmt.extract(p.read_bytes()) for p in readable], repeat)

    def import_all():
        with tempfile.TemporaryDirectory() as tmp, Project.open(Path(tmp, "bench.db")) as project:
            report = import_paths(project, readable)
            assert len(report.imported) == len(readable), report.summary()

    imported = best_of(import_all, repeat)
    print(f"| {fmt.name}: {len(readable)} files, {pages} pages, {size / 1e6:.2f} MB | seconds | pages/s | MB/s |")
    print("|---|---|---|---|")
    for label, took in (("read the bytes (floor)", read), ("extract the text", extract),
                        ("import into a fresh project", imported)):
        print(f"| {label} | {took:.3f} | {pages / took:,.0f} | {size / 1e6 / took:,.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", nargs="*", type=Path, default=[], help="more sample files (by suffix)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    given = [f for p in args.extra for f in (sorted(p.rglob("*")) if p.is_dir() else [p])]
    print(f"machine: {machine()}")
    for fmt in FORMATS:
        suffixes = {f".{fmt.name}", ".htm"} if fmt.name == "html" else {f".{fmt.name}"}
        extra = [p for p in given if p.suffix.lower() in suffixes]
        print(f"\nsamples: {', '.join(p.name for p in fmt.samples + extra)}")
        measure(fmt, fmt.samples, args.repeat)
        if extra:  # a file given twice (a fixture is also among the extras) would import as a duplicate
            unique = {hashlib.sha256(p.read_bytes()).digest(): p for p in fmt.samples + extra}
            measure(fmt, list(unique.values()), args.repeat)


if __name__ == "__main__":
    main()
