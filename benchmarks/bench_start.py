"""Start-up to the first window, and the size of the executable, each next to its floor.

    python benchmarks/bench_start.py [--exe dist/annotator] [--runs 5]

Times whole processes (what a user waits for after a double-click), offscreen: the executable, the
application from source, and a bare QApplication showing an empty window of the same size.  Each
opens the demo project in a fresh user folder made before the clock starts.  Medians of --runs.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine  # noqa: E402

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(command: list[str], env: dict, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exe", type=Path, default=ROOT / "dist" / "annotator")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_HOME": home}
        source = [sys.executable, "-m", "annotator", "gui", "--quit-when-shown"]
        subprocess.run(source, env=env, check=True, capture_output=True)  # the demo project, made once
        bare = timed([sys.executable, "-c", BARE], env, args.runs)
        from_source = timed(source, env, args.runs)
        frozen = timed([str(args.exe), "gui", "--quit-when-shown"], env, args.runs) if args.exe.exists() else None
    print(f"machine: {machine()}")
    print("| first window (offscreen, median of %d) | seconds | budget |" % args.runs)
    print("|---|---|---|")
    print(f"| floor: bare QApplication with an empty window | {bare:.2f} | |")
    print(f"| from source (`annotator`) | {from_source:.2f} | 1.0 |")
    if frozen is not None:
        size = args.exe.stat().st_size / 1e6
        print(f"| executable ({args.exe.name}, {size:.1f} MB; budget 60 MB) | {frozen:.2f} | 2.0 |")
    else:
        print(f"(no executable at {args.exe}: `make exe` builds it)")


if __name__ == "__main__":
    main()
