"""Smoke test of the built executable, as CI runs it after `make exe` (`make smoke`):

    python tests/exe/smoke.py [dist/annotator]

--version; the bundle holds the translations, the icon and jieba's dictionary; import of corpus/
with suggestions into a fresh project gives the same native export as the source does (so jieba and
the gazetteers work frozen); training the learnt source and suggesting with it give the same
suggestions frozen (CRFsuite is bundled); the real PDF, Word, web page and Big5 fixtures import alike frozen and
from source (so pdfium, lxml and the codecs are bundled); the window in Chinese writes a plausible screenshot with no warning in
the log; size and first-window time against the budgets (60 MB, 2.0 s).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PyInstaller.archive.readers import CArchiveReader

ROOT = Path(__file__).resolve().parents[2]


def run(command: list[str], env: dict) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"FAILED: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return result.stdout


def main() -> None:
    exe = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "annotator").resolve()
    source = [sys.executable, "-m", "annotator"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "ANNOTATOR_HOME": str(tmp / "home"), "QT_QPA_PLATFORM": "offscreen",
               "LANG": "zh_CN.UTF-8"}
        print(run([str(exe), "--version"], env).strip())
        inside = set(CArchiveReader(str(exe)).toc)
        for needed in ("resources/translations/annotator_zh_CN.qm", "resources/icons/annotator.png",
                       "resources/schema.toml", "resources/gazetteers/world.txt", "jieba/dict.txt",
                       "corpus/000_37db83bcf6bbd3b4.txt"):
            assert needed in inside, f"{needed} is not in the executable"
        for name, command in (("frozen", [str(exe)]), ("source", source)):
            run([*command, "import", "-p", str(tmp / f"{name}.db"), str(ROOT / "corpus"), "--suggest"], env)
            run([*command, "export", "-p", str(tmp / f"{name}.db"), "--with-suggestions", "--out",
                 str(tmp / f"{name}.jsonl")], env)
        frozen, from_source = (tmp / "frozen.jsonl").read_bytes(), (tmp / "source.jsonl").read_bytes()
        assert frozen == from_source, "the executable's export differs from the source's"
        print(f"import --suggest and export: identical to source ({frozen.count(b'suggested')} suggestions)")
        fixtures = ROOT / "tests" / "fixtures"
        files = [str(fixtures / "pdf" / "zhoukou-2023-p1-4.pdf"), str(fixtures / "word" / "nbt-review-part1-notes.docx"),
                 str(fixtures / "html" / "sxmu-jianchafa.html"), str(fixtures / "encodings" / "big5.txt")]
        for name, command in (("frozen", [str(exe)]), ("source", source)):
            run([*command, "import", "-p", str(tmp / f"{name}-files.db"), *files], env)
            run([*command, "export", "-p", str(tmp / f"{name}-files.db"), "--out", str(tmp / f"{name}-files.jsonl")],
                env)
        frozen, from_source = (tmp / "frozen-files.jsonl").read_bytes(), (tmp / "source-files.jsonl").read_bytes()
        assert frozen == from_source and frozen.count(b"\n") == len(files), "file import differs frozen"
        print(f"PDF, Word, HTML and Big5 import: identical to source ({len(frozen):,} bytes)")
        golds = [str(p) for p in sorted((ROOT / "tests" / "gold").glob("*.jsonl"))]
        for name, command in (("frozen", [str(exe)]), ("source", source)):  # the window trains by running this
            db = str(tmp / f"{name}-learn.db")
            run([*command, "import", "-p", db, *golds[:4], "--status", "done"], env)
            run([*command, "import", "-p", db, str(ROOT / "tests" / "fixtures" / "reports" / "national-2024.txt")], env)
            run([*command, "train", "-p", db, "--folds", "1"], env)
            run([*command, "suggest", "-p", db], env)
            run([*command, "export", "-p", db, "--with-suggestions", "--status", "todo", "--out",
                 str(tmp / f"{name}-learn.jsonl")], env)
        frozen, from_source = (tmp / "frozen-learn.jsonl").read_bytes(), (tmp / "source-learn.jsonl").read_bytes()
        assert frozen == from_source, "suggestions with the learnt model differ frozen"
        print(f"train and suggest with the model: identical to source ({frozen.count(b'suggested')} suggestions)")
        shot = tmp / "shot.png"
        run([str(exe), "gui", "-p", str(tmp / "frozen.db"), "--screenshot", str(shot)], env)
        assert shot.stat().st_size > 50_000, f"screenshot of {shot.stat().st_size} bytes"
        logs = "".join(p.read_text("utf-8") for p in (tmp / "home" / "log").glob("*.log"))
        assert "WARNING" not in logs and "ERROR" not in logs, logs
        print(f"window in Chinese: screenshot {shot.stat().st_size:,} bytes, log clean")
        team = str(tmp / "frozen.db")  # team work frozen: packages open in the executable, merge and agreement run
        run([str(exe), "--annotator", "组长", "assign", "-p", team, "--to", "alice,bob", "--overlap", "0.4",
             "--out", str(tmp / "packages")], env)
        run([str(exe), "gui", "-p", str(tmp / "packages" / "alice.db"), "--screenshot", str(tmp / "alice.png")],
            {**env, "ANNOTATOR": "alice"})
        merged = run([str(exe), "merge", str(tmp / "packages" / "alice.db"), str(tmp / "packages" / "bob.db"),
                      "-p", team], env)
        assert merged.count("reports,") == 2, merged
        assert json.loads(run([str(exe), "agreement", "-p", team, "--json"], env))["pairs"] == []
        print(f"assign, a package in the window, merge, agreement: frozen ({merged.strip()})")
        t0 = time.perf_counter()
        run([str(exe), "gui", "-p", str(tmp / "frozen.db"), "--quit-when-shown"], env)
        took = time.perf_counter() - t0
    size = exe.stat().st_size / 1e6
    print(f"size {size:.1f} MB (budget 60), first window {took:.2f} s (budget 2.0; one run, see bench_start.py)")
    assert size <= 60, "the executable is over its size budget"


if __name__ == "__main__":
    main()
