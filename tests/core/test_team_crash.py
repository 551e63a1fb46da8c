"""A merge killed with SIGKILL leaves the team file as it was or fully merged, never in between."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core.importer import import_paths
from annotator.core.store import Project
from annotator.core.team import assign, merge
from tests.conftest import CORPUS, ROOT
from tests.core.test_team import dump, label_all

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

# Runs the real merge in another process; with PAUSE_AFTER set, it stops inside the one transaction
# after that many packages' rows are written, and says so in a marker file.
CHILD = """
import sys, time, pathlib
from annotator.core.store import Project
from annotator.core.store import team as team_store
from annotator.core.team import merge
team_file, marker, pause_after, *packages = sys.argv[1:]
merged = team_store.Team.merge
count = 0
def paused(self, hand_in, schema):
    global count
    out = merged(self, hand_in, schema)
    count += 1
    if count == int(pause_after):
        pathlib.Path(marker).write_text("inside the transaction")
        time.sleep(120)
    return out
team_store.Team.merge = paused
with Project.open(team_file, annotator="lead") as team:
    merge.merge(team, [pathlib.Path(p) for p in packages])
pathlib.Path(marker).write_text("done")
"""


def state(path: Path) -> tuple:
    """What a merge writes, without its time stamps."""
    rows = dict(dump(path))
    return (sorted(r[:3] for r in rows["versions"]), sorted(r[1:9] for r in rows["version_spans"]),
            len(rows["events"]), sorted((r[0], r[5]) for r in rows["packages"]))


@pytest.fixture
def packages(tmp_path):
    with Project.open(tmp_path / "team.db", annotator="lead") as team:
        import_paths(team, sorted(CORPUS.glob("*.txt")))
        plan = assign.plan(team.document_ids(), ["alice", "bob", "carol"], overlap=1.0, copies=3)
        files = assign.make_packages(team, plan, tmp_path / "out")
    for name, pattern in zip(files, ("云阳县|重庆", "云阳|脱贫", "贫困|县")):
        label_all(files[name], name, pattern, "REGION")
    full = tmp_path / "merged-in-one-go.db"
    shutil.copy(tmp_path / "team.db", full)
    with Project.open(full, annotator="lead") as copy:
        merge.merge(copy, list(files.values()))
    return tmp_path / "team.db", list(files.values()), state(full)


def run_child(team_file: Path, marker: Path, pause_after: int, files: list[Path]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", CHILD, str(team_file), str(marker), str(pause_after),
                             *map(str, files)], env=env, cwd=ROOT)


def wait_for(marker: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not marker.exists():
        assert process.poll() is None, "the merging process ended before it got there"
        assert time.monotonic() < end, "the merging process never got there"
        time.sleep(0.01)


@pytest.mark.parametrize("pause_after", [1, 3])
def test_killed_inside_the_merge_the_team_file_is_as_it_was(packages, tmp_path, pause_after):
    team_file, files, _ = packages
    before = dump(team_file)
    marker = tmp_path / "marker"
    child = run_child(team_file, marker, pause_after, files)
    wait_for(marker, child)
    child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
    with Project.open(team_file, annotator="lead") as team:  # opens, recovers the write-ahead log
        assert team.team.versions() == []
    assert dump(team_file) == before


@pytest.mark.parametrize("delay", [0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 1.0])
def test_killed_at_any_moment_the_team_file_is_as_it_was_or_fully_merged(packages, tmp_path, delay):
    team_file, files, merged = packages
    before = state(team_file)
    marker = tmp_path / "marker"
    child = run_child(team_file, marker, 0, files)  # no pause: the real merge, killed when it is
    try:
        child.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
    with Project.open(team_file, annotator="lead"):
        pass
    assert state(team_file) in (before, merged)
