#!/usr/bin/env bash
# The wheel as a user gets it from `pip install .`: build it, install it in a fresh venv (its dependencies
# from PyPI) and run the command line, the demo and the window from a folder outside the source tree, so
# that only the installed copy can be imported.  `make wheel-check`; .ci/run runs it after `make test`.
#
#   tests/wheel/check.sh          (PYTHON=python3.12 tests/wheel/check.sh for another Python)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

say() { echo "wheel-check: $*"; }
fail() { echo "wheel-check FAILED: $*" >&2; exit 1; }
run() {  # a command that must succeed; its output goes to $tmp/out, and to stderr if it fails
  "$@" >"$tmp/out" 2>&1 || { status=$?; cat "$tmp/out" >&2; fail "exit code $status from: $*"; }
}

# Build from a copy of the tree: setuptools' build/ folder in the checkout could hold stale files that would
# end up in the wheel, and the checkout stays clean.
mkdir "$tmp/src" "$tmp/run"
tar -C "$repo" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist --exclude='*.egg-info' \
    --exclude=__pycache__ -cf - . | tar -C "$tmp/src" -xf -
run "$PYTHON" -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
run "$py" -m pip wheel --quiet --no-deps -w "$tmp/dist" "$tmp/src"
wheel=("$tmp"/dist/*.whl)
say "built ${wheel[0]##*/}"

# Every module, and every file of resources/ and corpus/ but those only developers use, is in the wheel.
"$py" - "${wheel[0]}" "$tmp/src" <<'EOF' || fail "the wheel's contents (see above; package-data in pyproject.toml)"
import sys, zipfile
from fnmatch import fnmatch
from pathlib import Path

DEV_ONLY = ["resources/translations/*.ts", "resources/translations/*.py", "resources/icons/*.ico"]
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
src = Path(sys.argv[2])
expected = {p.relative_to(src).as_posix() for p in (src / "annotator").rglob("*.py")}
for folder in ("resources", "corpus"):
    for p in (src / folder).rglob("*"):
        relative = p.relative_to(src).as_posix()
        if p.is_file() and not any(fnmatch(relative, pattern) for pattern in DEV_ONLY):
            expected.add("annotator/" + relative)
missing = sorted(expected - names)
stray = sorted(n for n in names if n.split("/")[0] != "annotator" and ".dist-info/" not in n)
for name in missing:
    print(f"not in the wheel: {name}", file=sys.stderr)
for name in stray:
    print(f"outside the package in the wheel: {name}", file=sys.stderr)
sys.exit(1 if missing or stray else 0)
EOF
say "wheel holds the code, resources/ and corpus/"

run "$py" -m pip install --quiet "${wheel[0]}"
say "installed in a fresh venv"

# From here on: outside the source tree, with user folders of our own.
cd "$tmp/run"
unset PYTHONPATH
export ANNOTATOR_HOME="$tmp/home" QT_QPA_PLATFORM=offscreen
bin="$tmp/venv/bin"
site="$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"

run "$bin/annotator" --version
say "$(cat "$tmp/out")"
run "$py" -c 'import annotator; print(annotator.__file__)'
[[ "$(cat "$tmp/out")" == "$site"/* ]] || fail "annotator imported from $(cat "$tmp/out"), not from $site"
run "$py" -c 'from annotator.core.paths import resource_path; p = resource_path("schema.toml"); assert p.is_file(), p; print(p)'
[[ "$(cat "$tmp/out")" == "$site"/annotator/* ]] || fail "resource_path('schema.toml') is $(cat "$tmp/out"), not in $site"
say "resources found in $site/annotator"

run "$bin/annotator" import "$repo/corpus" --project p.db --suggest
run "$bin/annotator" stats -p p.db
grep -q "^Documents 5:" "$tmp/out" || { cat "$tmp/out" >&2; fail "stats does not show 5 documents"; }
run "$bin/annotator" export -p p.db --format native --out out.jsonl
lines=$(wc -l <out.jsonl)
[ "$lines" -eq 5 ] || fail "out.jsonl has $lines lines, not 5"
run "$bin/annotator" export -p p.db --format bio --out out.txt
[ -s out.txt ] || fail "out.txt (BIO export) is empty"
say "import --suggest, stats, export native (5 lines) and bio: all fine"

run "$py" -c 'from annotator.core.demo import demo_project
from annotator.core.store import Project
with Project.open(demo_project()) as project:
    print(project.stats()["documents"])'
[ "$(cat "$tmp/out")" = 5 ] || fail "the demo project has $(cat "$tmp/out") documents, not 5"
say "demo project made from the installed corpus: 5 documents"

# The window in Chinese: the translations and the icon come from the wheel (a missing one is logged).
LANG=zh_CN.UTF-8 run "$bin/annotator" gui -p p.db --screenshot shot.png
[ -s shot.png ] || fail "no screenshot"
if grep -E "WARNING|ERROR" "$ANNOTATOR_HOME"/log/*.log >&2; then fail "the window logged the above"; fi
say "window in Chinese: screenshot $(wc -c <shot.png) bytes, log clean"
say "OK"
