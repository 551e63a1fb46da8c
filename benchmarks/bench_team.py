"""A team at scale: 50 annotators with 2,000 reports each, merged back into one team file.

    python benchmarks/bench_team.py [--annotators 50] [--each 2000] [--overlap 0.1] [--work DIR] [--json F]

Reports are made of real sentences (the demo reports and the report golds) behind a numbered
heading, so each text is new; each annotator labels the names the golds hold wherever they occur,
missing one in ten and calling one in twenty by another label, so that versions differ as people's
do.  Timed: building the team file, `assign` (writing the packages), the merge of all packages
(`annotator merge` in its own process: wall time and peak memory), merging them again (nothing
new), agreement over the shared reports.  The floors, measured in the same run: reading the
packages' bytes, and SQLite inserting as many rows as the merge writes, in one transaction.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.model import Document, Span  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from annotator.core.store.spans import record  # noqa: E402
from annotator.core.team import agreement, assign  # noqa: E402
from benchmarks.common import machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def sentences() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    texts += [json.loads(line)["text"] for p in sorted((ROOT / "tests" / "gold").glob("*.jsonl"))
              for line in p.read_text("utf-8").splitlines()]
    return [s + "。" for t in texts for s in re.split(r"[。\n]", t) if 8 <= len(s.strip()) <= 120]


def names() -> dict[str, str]:
    """The entity names the golds hold, text → label."""
    found = {}
    for p in sorted((ROOT / "tests" / "gold").glob("*.jsonl")):
        for line in p.read_text("utf-8").splitlines():
            for s in json.loads(line)["spans"]:
                if s["label"] != "METRIC" and len(s["text"]) >= 2:
                    found.setdefault(s["text"], s["label"])
    return found


def build_team(path: Path, reports: int, seed: int) -> float:
    pool, rng = sentences(), random.Random(seed)
    t0 = time.perf_counter()
    with Project.open(path, annotator="lead") as team:
        with team.change():
            for n in range(1, reports + 1):
                body = "".join(rng.choice(pool) for _ in range(6))
                team.documents.add(Document(f"第{n}号报告\n{body}", title=f"报告 {n}"))
    return time.perf_counter() - t0


def label(path: Path, annotator: str, lexicon: dict[str, str], seed: int) -> int:
    """Label a package as its annotator would (with their slips), as fast as the store takes rows: the
    spans and their events, one change per package."""
    rng = random.Random(f"{seed}:{annotator}")
    pattern = re.compile("|".join(map(re.escape, sorted(lexicon, key=len, reverse=True))))
    others = sorted(set(lexicon.values()))
    count = 0
    with Project.open(path, annotator=annotator) as package:
        with package.change():
            for doc_id in package.document_ids():
                for m in pattern.finditer(package.text(doc_id)):
                    if rng.random() < 0.1:
                        continue
                    kind = lexicon[m.group()] if rng.random() >= 0.05 else rng.choice(others)
                    span = package.spans_.insert(doc_id, Span(m.start(), m.end(), kind, m.group()))
                    package.session.log("add_span", document_id=doc_id, span_id=span.id, after=record(span))
                    count += 1
                before = {"document_id": doc_id, "status": "todo", "reason": ""}
                package.statuses.write(before, {**before, "status": "done"})
    return count


def merge_process(team: Path, packages: list[Path]) -> tuple[float, int, str]:
    """`annotator merge` in a process of its own: (seconds, peak resident MB, its output)."""
    t0 = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "annotator", "merge", *map(str, packages),
                           "-p", str(team)], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(done.stdout + done.stderr)
    return seconds, int(done.stderr.strip().splitlines()[-1]) // 1024, done.stdout


def floors(packages: list[Path], rows: int, work: Path) -> dict:
    t0 = time.perf_counter()
    size = sum(len(p.read_bytes()) for p in packages)
    read = time.perf_counter() - t0
    db_path = work / "floor.db"
    db_path.unlink(missing_ok=True)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, document_id INT, annotator TEXT, ref INT, start INT,"
               " end INT, label TEXT, text TEXT, attrs TEXT)")
    t0 = time.perf_counter()
    with db:
        db.executemany("INSERT INTO t(document_id, annotator, ref, start, end, label, text, attrs) VALUES"
                       " (?,?,?,?,?,?,?,?)", ((i // 10, "a", i, i, i + 3, "REGION", "云阳县", "{}") for i in range(rows)))
    insert = time.perf_counter() - t0
    db.close()
    return {"read_packages_s": round(read, 2), "packages_mb": round(size / 2**20, 1),
            "sqlite_insert_rows": rows, "sqlite_insert_s": round(insert, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--annotators", type=int, default=50)
    parser.add_argument("--each", type=int, default=2000, help="reports per package")
    parser.add_argument("--overlap", type=float, default=0.1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench_team"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    for old in work.glob("*"):
        if old.is_file():
            old.unlink()
    if (work / "packages").exists():
        for old in (work / "packages").glob("*"):
            old.unlink()
    people = [f"annotator{i:02d}" for i in range(1, args.annotators + 1)]
    reports = round(args.annotators * args.each / (1 + args.overlap))
    out: dict = {"machine": machine(), "annotators": args.annotators, "reports": reports, "overlap": args.overlap}
    team = work / "team.db"
    out["build_team_s"] = round(build_team(team, reports, args.seed), 1)
    out["team_mb_before"] = round(team.stat().st_size / 2**20, 1)
    print(f"team file: {reports} reports, {out['team_mb_before']} MB, built in {out['build_team_s']} s", flush=True)

    with Project.open(team, annotator="lead") as project:
        plan = assign.plan(assign.unassigned(project), people, overlap=args.overlap, seed=args.seed)
        t0 = time.perf_counter()
        files = assign.make_packages(project, plan, work / "packages")
        out["assign_s"] = round(time.perf_counter() - t0, 1)
    sizes = sorted(p.stat().st_size for p in files.values())
    out["package_reports"] = [min(len(d) for d in plan.shares.values()), max(len(d) for d in plan.shares.values())]
    out["package_mb"] = [round(sizes[0] / 2**20, 1), round(sizes[len(sizes) // 2] / 2**20, 1),
                         round(sizes[-1] / 2**20, 1)]
    print(f"assign: {len(files)} packages in {out['assign_s']} s; MB min/median/max {out['package_mb']}", flush=True)

    lexicon = names()
    t0 = time.perf_counter()
    spans = sum(label(path, name, lexicon, args.seed) for name, path in files.items())
    out["labelled_spans"] = spans
    out["label_s"] = round(time.perf_counter() - t0, 1)
    print(f"labelled: {spans} spans in {out['label_s']} s", flush=True)

    packages = list(files.values())
    out["merge_s"], out["merge_peak_mb"], _ = merge_process(team, packages)
    out["merge_s"] = round(out["merge_s"], 1)
    print(f"merge: {out['merge_s']} s, peak {out['merge_peak_mb']} MB", flush=True)
    again, peak, text = merge_process(team, packages)
    out["merge_again_s"], out["merge_again_peak_mb"] = round(again, 1), peak
    assert text.count("nothing new") == len(packages), text
    print(f"merge again: {out['merge_again_s']} s (nothing new), peak {peak} MB", flush=True)
    out["team_mb_after"] = round(team.stat().st_size / 2**20, 1)

    with Project.open(team, annotator="lead") as project:
        t0 = time.perf_counter()
        result = agreement.measure(project)
        out["agreement_s"] = round(time.perf_counter() - t0, 1)
        out["agreement_reports"] = result["documents"]
        out["agreement_pairs"] = len(result["pairs"])
        out["agreement_overall"] = result["overall"]
        rows = project.db.execute("SELECT count(*) FROM version_spans").fetchone()[0] + \
            project.db.execute("SELECT count(*) FROM events WHERE package IS NOT NULL").fetchone()[0]
    print(f"agreement: {out['agreement_reports']} reports, {out['agreement_pairs']} pairs in {out['agreement_s']} s",
          flush=True)
    out["floor"] = floors(packages, rows, work)
    print(f"floor: reading {out['floor']['packages_mb']} MB of packages {out['floor']['read_packages_s']} s; "
          f"SQLite inserting {rows} rows {out['floor']['sqlite_insert_s']} s", flush=True)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
