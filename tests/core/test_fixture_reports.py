"""The real reports in tests/fixtures/reports/ are what SOURCES.md says they are."""
import hashlib
import re
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


def test_every_report_matches_its_line_in_sources():
    rows = re.findall(r"^\| `([^`]+\.txt)` \| ([\d,]+) \| ([\d,]+) \| `([0-9a-f]{64})` \|$",
                      (FIXTURES / "SOURCES.md").read_text("utf-8"), re.MULTILINE)
    assert sorted(name for name, *_ in rows) == sorted(p.name for p in FIXTURES.glob("*.txt"))
    for name, chars, size, digest in rows:
        data = (FIXTURES / name).read_bytes()
        text = data.decode("utf-8")
        assert (len(text), len(data)) == (int(chars.replace(",", "")), int(size.replace(",", "")))
        assert hashlib.sha256(data).hexdigest() == digest
        assert "\r" not in text
        # benchmarks/bench_window.py places Qt's cursor by code point: no astral characters
        assert all(ord(c) <= 0xFFFF for c in text)
