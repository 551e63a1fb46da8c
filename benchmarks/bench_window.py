"""The whole window path on long real reports: from a key press to the repainted window.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py [actions|history|add|all] [options]

actions  Two projects built from the real reports in tests/fixtures/reports/ (concatenated, and
         repeated where one text is too short): a 49,000-character report with the suggestions
         `suggest()` finds on it (the team saw Enter freeze the window 17.8-20.9 s there), and a
         200,000-character report with 5,000 spans (suggestions, some accepted, the rest made by
         hand).  The real MainWindow is shown offscreen and driven by keys on `win.view`; each single
         action is timed from the key press to the repainted window, next to its floors in the same
         run (a key press that does nothing, then the same repaint; `win.grab()` alone).
history  One action and the window's refresh when the project's `events` table holds 1,000 / 10,000 /
         100,000 / 1,000,000 events (synthetic rows written with SQL, shaped like a real history).
add      `project.add_document(doc, spans)` with 1,000 and with 10,000 spans on a 100,000-character
         report, and the spaCy JSONL export of that report (in-process and through the command line).

"Repainted" means: `QApplication.processEvents()` (the key's consequences, Qt's posted update
requests and zero-time timers, which paint the dirty regions into the offscreen backing store), then
`win.grab()`, which makes every visible widget of the window paint itself through its paintEvent into
a pixmap.  So each time includes painting the whole visible window, an upper bound on what an
incremental repaint costs; the grab on its own is printed as a floor so it can be subtracted.

The window is reached only through keys and `win.view`, `win.project`, `win.doc_id`, `win.span_table`
(plus Qt's own API: the view's text cursor, the status bar), so the script keeps working while the
window's code changes.  No assertion on time anywhere: a check that fails (an action that does not do
what its key says) is printed with the status bar's message, and the run goes on.
"""
from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_HOME = tempfile.mkdtemp(prefix="bench-window-home-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ["ANNOTATOR_HOME"] = _HOME  # settings, logs and caches of this run stay out of the user's folders
os.environ["ANNOTATOR"] = "bench"     # the window's annotator: its events are the ones undo replays

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core import segment  # noqa: E402
from annotator.core.model import AnnotatorError, Document, Span  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from benchmarks.common import machine  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "reports"
ORDER = ("national-2024.txt", "guangdong-2026.txt", "national-1955.txt")
ANNOTATOR = "bench"
ENTITY = ("REGION", "ORG", "PERSON", "DATE", "PROGRAM")
NONE = Qt.KeyboardModifier.NoModifier
CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, \
    Qt.KeyboardModifier.AltModifier

problems: list[str] = []


# real text ----------------------------------------------------------------------------------------

def real_text(chars: int) -> str:
    """The fixture reports one after another (a line break between them), repeated until `chars`
    characters, cut there."""
    stream = "\n".join(FIXTURES.joinpath(name).read_text("utf-8") for name in ORDER)
    text = stream
    while len(text) < chars:
        text += "\n" + stream
    text = text[:chars]
    # the script places the text cursor by code point: with no astral character, Qt's UTF-16
    # positions are the same numbers
    assert all(ord(c) <= 0xFFFF for c in text), "astral characters: positions would need mapping"
    return text


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def free_runs(text: str, spans, layer: str = "entity", width: int = 14) -> list[int]:
    """Middles of runs of at least `width` Han characters that no span of `layer` touches."""
    busy = bytearray(len(text))
    for s in spans:
        if s.layer == layer:
            busy[max(0, s.start - 1):s.end + 1] = b"\x01" * (min(len(text), s.end + 1) - max(0, s.start - 1))
    out, run = [], 0
    for i, c in enumerate(text):
        if not busy[i] and is_han(c):
            run += 1
            if run == width:
                out.append(i - width // 2)
                run = 0
        else:
            run = 0
    return out


def spread(items: list, count: int) -> list:
    """`count` items evenly spread over the list."""
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


# building projects (untimed setup) --------------------------------------------------------------

def build_suggested(path: Path, chars: int) -> dict:
    """A report of `chars` real characters with the suggestions suggest() finds on it."""
    text = real_text(chars)
    with Project.open(path, annotator=ANNOTATOR) as p:
        doc = p.add_document(Document(text=text, title=f"{chars:,} characters, suggested"))
        found = p.suggest([doc])
        return {"doc": doc, "chars": len(text), "suggestions": found, "spans": len(p.spans(doc))}


def build_5000(path: Path, chars: int = 200_000, total: int = 5_000, reserve: int = 200) -> dict:
    """A report of `chars` real characters with `total` spans: suggest()'s suggestions, every fourth
    one accepted (project.accept, one change each, as an annotator does), and manual spans in free
    places to make up the rest (added in one change).  `reserve` free places are left for the
    benchmark's own labelling."""
    text = real_text(chars)
    with Project.open(path, annotator=ANNOTATOR) as p:
        doc = p.add_document(Document(text=text, title=f"{chars:,} characters, {total:,} spans"))
        found = p.suggest([doc])
        suggested = p.spans(doc, origin="suggested")
        accepted = 0
        for s in suggested[::4]:
            try:
                p.accept(s.id)
                accepted += 1
            except AnnotatorError as exc:  # an overlap with an accepted span: it stays a suggestion
                problems.append(f"setup: accepting suggestion {s.id} refused: {exc}")
        spans = p.spans(doc)
        places = free_runs(text, spans)
        kept = set(spread(places, reserve))
        need = total - len(spans)
        manual = 0
        if need > 0:
            with p.change():
                for i, middle in enumerate(x for x in places if x not in kept):
                    if manual == need:
                        break
                    p.add_span(doc, middle - 1, middle + 1, ENTITY[i % 3])
                    manual += 1
        spans = p.spans(doc)
        return {"doc": doc, "chars": len(text), "suggestions": found, "accepted": accepted, "manual": manual,
                "spans": len(spans), "still_suggested": sum(s.origin == "suggested" for s in spans),
                "events": p.db.execute("SELECT count(*) FROM events").fetchone()[0]}


# the window ---------------------------------------------------------------------------------------

def app() -> QApplication:
    return QApplication.instance() or QApplication([])


def repaint(win) -> None:
    """Deliver what the key left pending, then make the whole visible window paint (see the top)."""
    QApplication.processEvents()
    win.grab()


def open_window(path: Path):
    """MainWindow on the project, shown, its report opened (by the window itself, as on a start);
    returns (window, seconds from construction to the first repaint)."""
    from annotator.ui.app import settings
    from annotator.ui.main_window import MainWindow

    t0 = time.perf_counter()
    win = MainWindow(Project.open(path, annotator=ANNOTATOR), settings(), english=True)
    win.resize(1280, 800)
    win.show()
    QTest.qWaitForWindowExposed(win)
    repaint(win)
    took = time.perf_counter() - t0
    win.activateWindow()
    win.view.setFocus()
    repaint(win)
    return win, took


def warm_up() -> None:
    """One window opened and closed first, so one-time costs (fonts, styles) fall on no measurement."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "warm.db")
        with Project.open(path, annotator=ANNOTATOR) as p:
            p.add_document(Document(text=real_text(2_000), title="warm-up"))
        win, _ = open_window(path)
        timed(win, Qt.Key.Key_Shift)
        close_window(win)


def close_window(win) -> None:
    project = win.project
    win.close()
    win.deleteLater()
    QApplication.processEvents()
    project.close()


def press(win, key, mods=NONE) -> None:
    QTest.keyClick(win.view, key, mods)


def timed(win, key, mods=NONE) -> tuple[float, float]:
    """(key press to repainted window, key press until the key's handler returned), in seconds."""
    repaint(win)  # nothing pending when the clock starts
    t0 = time.perf_counter()
    QTest.keyClick(win.view, key, mods)
    t1 = time.perf_counter()
    repaint(win)
    return time.perf_counter() - t0, t1 - t0


def selected(win) -> Span | None:
    """The span the window has selected (the window's public helper, else the view's selected id)."""
    if hasattr(win, "selected_span"):
        return win.selected_span()
    sid = getattr(win.view, "selected_id", None)
    return win.project.span(sid) if sid else None


def exists(win, span_id: int) -> bool:
    return any(s.id == span_id for s in win.project.spans(win.doc_id))


def current(win, span_id: int) -> Span | None:
    return next((s for s in win.project.spans(win.doc_id) if s.id == span_id), None)


def place_cursor(win, pos: int, anchor: int | None = None) -> None:
    """Drop any span selection (a plain arrow key does), then put the text cursor at `pos` (code
    point = UTF-16 position here) through Qt's own cursor API."""
    press(win, Qt.Key.Key_Right)
    cursor = win.view.textCursor()
    cursor.setPosition(pos if anchor is None else anchor)
    if anchor is not None:
        cursor.setPosition(pos, cursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)


def select_suggestion(win, start: int) -> Span | None:
    """Cursor at `start`, then Tab until a suggestion starting there or later is selected."""
    place_cursor(win, start)
    for _ in range(6):
        press(win, Qt.Key.Key_Tab)
        span = selected(win)
        if span is not None and span.origin == "suggested" and span.start >= start:
            return span
    return None


def status(win) -> str:
    return win.statusBar().currentMessage()


def check(ok: bool, what: str, win) -> None:
    if not ok:
        problems.append(f"{what} (status bar: {status(win)!r})")


# actions --------------------------------------------------------------------------------------------

EDIT_CHAIN = (("label a selection (1)", Qt.Key.Key_1, NONE),
              ("move the end (Ctrl+Shift+Right)", Qt.Key.Key_Right, CTRL | SHIFT),
              ("relabel (2)", Qt.Key.Key_2, NONE),
              ("delete (Delete)", Qt.Key.Key_Delete, NONE),
              ("undo (Ctrl+Z)", Qt.Key.Key_Z, CTRL),
              ("redo (Ctrl+Shift+Z)", Qt.Key.Key_Z, CTRL | SHIFT))


def edit_round(win, middle: int, scenario: str, results: dict, skip: set[str]) -> None:
    """Label two characters in a free place, move its end, relabel, delete, undo, redo: each timed
    (those in `skip` left out: the chain label, delete, undo, redo works without them)."""
    place_cursor(win, middle + 1, anchor=middle - 1)  # two characters, as Shift+Right twice would
    span_id, end, label = None, None, "REGION"
    for name, key, mods in EDIT_CHAIN:
        if name in skip:
            continue
        total, handler = timed(win, key, mods)
        results.setdefault(name, []).append((total, handler))
        where = f"{scenario}: {name} at {middle}"
        now = selected(win)
        if name.startswith("label"):
            check(now is not None and now.label == "REGION" and now.origin == "manual",
                  f"{where}: no new REGION span selected", win)
            if now is None:
                return
            span_id, end = now.id, now.end
        elif name.startswith("move"):
            check(now is not None and now.id == span_id and now.end == end + 1, f"{where}: end not moved by one", win)
        elif name.startswith("relabel"):
            check(now is not None and now.id == span_id and now.label == "ORG", f"{where}: not relabelled ORG", win)
            label = "ORG"
        elif name.startswith("delete"):
            check(not exists(win, span_id), f"{where}: span {span_id} still in the project", win)
        elif name.startswith("undo"):
            back = current(win, span_id)
            check(back is not None and back.label == label, f"{where}: span {span_id} not restored", win)
        elif name.startswith("redo"):
            check(not exists(win, span_id), f"{where}: span {span_id} not deleted again", win)


def suggestion_round(win, start: int, key, name: str, scenario: str, results: dict) -> bool:
    span = select_suggestion(win, start)
    if span is None:
        problems.append(f"{scenario}: {name}: Tab from {start} selected no suggestion")
        return False
    total, handler = timed(win, key)
    results.setdefault(name, []).append((total, handler))
    after = current(win, span.id)
    if name.startswith("accept"):
        check(after is not None and after.origin == "manual", f"{scenario}: {name}: span {span.id} not accepted", win)
    else:
        check(after is None, f"{scenario}: {name}: span {span.id} still there", win)
    return True


def floors(win, reps: int, results: dict) -> None:
    for _ in range(reps):
        results.setdefault("floor: a key that does nothing (Shift) + repaint", []).append(
            timed(win, Qt.Key.Key_Shift))
        QApplication.processEvents()
        t0 = time.perf_counter()
        win.grab()
        took = time.perf_counter() - t0
        results.setdefault("floor: win.grab() alone", []).append((took, took))


def run_actions_on(path: Path, scenario: str, reps: int, budget: float) -> tuple[dict, float]:
    """Every action `reps` times (fewer once an action has used `budget` seconds), at places spread
    over the report."""
    win, opened = open_window(path)
    results: dict[str, list[tuple[float, float]]] = {}
    floors(win, reps, results)
    spans = win.project.spans(win.doc_id)
    text = win.project.text(win.doc_id)
    places = spread(free_runs(text, spans), reps)
    suggestions = [s.start for s in spans if s.origin == "suggested"]
    picks = spread(suggestions, 2 * reps)
    to_accept, to_reject = picks[0::2], picks[1::2]

    def over(name: str) -> bool:
        return sum(t for t, _ in results.get(name, [])) >= budget
    label, accept, reject = EDIT_CHAIN[0][0], "accept a suggestion (Enter)", "reject a suggestion (Backspace)"
    for i in range(reps):
        if i < len(places) and not over(label):
            edit_round(win, places[i], scenario, results, {n for n, _, _ in EDIT_CHAIN[1:] if over(n)})
        if i < len(to_accept) and not over(accept):
            suggestion_round(win, to_accept[i], Qt.Key.Key_Return, accept, scenario, results)
        if i < len(to_reject) and not over(reject):
            suggestion_round(win, to_reject[i], Qt.Key.Key_Backspace, reject, scenario, results)
        print(f"  [{scenario}] round {i + 1}/{reps} done, "
              f"{sum(t for v in results.values() for t, _ in v):.0f} s timed so far", file=sys.stderr, flush=True)
    close_window(win)
    return results, opened


def ms(x: float) -> str:
    return f"{1000 * x:,.1f}"


def print_actions(title: str, info: dict, results: dict, opened: float) -> None:
    print(f"\n### {title}")
    print(", ".join(f"{k}: {v:,}" if isinstance(v, int) else f"{k}: {v}" for k, v in info.items()))
    print(f"window built, shown and first painted with the report open: {ms(opened)} ms")
    print("\n| action | n | median ms | max ms | median ms until the key's handler returned |")
    print("|---|---|---|---|---|")
    for name, values in results.items():
        totals = [t for t, _ in values]
        handlers = [h for _, h in values]
        print(f"| {name} | {len(values)} | {ms(statistics.median(totals))} | {ms(max(totals))} | "
              f"{ms(statistics.median(handlers))} |")


def actions(args) -> None:
    app()
    warm_up()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        info49 = build_suggested(Path(tmp, "r49k.db"), args.chars_small)
        print(f"built the {args.chars_small:,}-character project in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        t0 = time.perf_counter()
        info200 = build_5000(Path(tmp, "r200k.db"), args.chars_large, args.spans_large)
        print(f"built the {args.chars_large:,}-character project in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        for path, info, title in ((Path(tmp, "r49k.db"), info49,
                                   f"{info49['chars']:,}-character report with {info49['suggestions']:,} suggestions"),
                                  (Path(tmp, "r200k.db"), info200,
                                   f"{info200['chars']:,}-character report with {info200['spans']:,} spans")):
            if args.only and args.only not in title:
                continue
            results, opened = run_actions_on(path, title, args.reps, args.budget)
            print_actions(title, info, results, opened)
            sys.stdout.flush()


# history --------------------------------------------------------------------------------------------

def synthetic_events(project: Project, count: int, rng: random.Random, text: str) -> float:
    """Append `count` rows to the events table that look like a real history: batches of one to three
    events, mostly add_span and update_span (suggestions accepted, relabelled, edges moved) by this
    annotator, some deletes, rejections and status changes, now and then an undo of the batch just made
    and a redo of it, one event in ten by another annotator.  Spans and documents named in them are
    made up (ids far above the real ones), so nothing in the project changes.  Returns seconds."""
    t0 = time.perf_counter()
    db = project.db
    batch = db.execute("SELECT coalesce(max(batch), 0) FROM events").fetchone()[0]
    made = db.execute("SELECT count(*) FROM events").fetchone()[0]
    clock = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=2 * made)
    span_id = 10_000_000 + made
    rows: list[tuple] = []

    def record(sid, doc, start, length, label, origin, who):
        return {"id": sid, "document_id": doc, "start": start, "end": start + length, "label": label,
                "text": text[start:start + length], "attrs": {}, "origin": origin, "annotator": who,
                "source": "regions" if origin == "suggested" else "",
                "confidence": 0.9 if origin == "suggested" else None}

    last_do: tuple | None = None  # (batch, its events): what an undo may target
    while len(rows) < count:
        batch += 1
        who = ANNOTATOR if rng.random() < 0.9 else "li"
        at = (clock + timedelta(seconds=2 * len(rows))).isoformat(timespec="milliseconds")
        roll = rng.random()
        if last_do is not None and who == ANNOTATOR and roll < 0.03:  # undo the last batch, sometimes redo it
            target, events = last_do
            inverse = {"add_span": "delete_span", "delete_span": "add_span", "update_span": "update_span",
                       "add_rejection": "delete_rejection", "set_status": "set_status"}
            for action, doc, sid, before, after in reversed(events):
                rows.append((at, who, batch, "undo", target, inverse[action], doc, sid, after, before))
            if rng.random() < 0.5:
                batch += 1
                for action, doc, sid, before, after in events:
                    rows.append((at, who, batch, "redo", target, action, doc, sid, before, after))
            last_do = None
            continue
        events = []
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            doc = rng.randint(1_000, 1_999)
            start, length = rng.randrange(0, len(text) - 8), rng.randint(2, 6)
            label = rng.choice(ENTITY)
            kind = rng.random()
            if kind < 0.45:
                span_id += 1
                after = record(span_id, doc, start, length, label, "manual", who)
                events.append(("add_span", doc, span_id, None, json.dumps(after, ensure_ascii=False)))
            elif kind < 0.85:
                span_id += 1
                before = record(span_id, doc, start, length, label, "suggested", who)
                after = dict(before, origin="manual", label=rng.choice(ENTITY))
                if rng.random() < 0.3:
                    after["end"] += 1
                    after["text"] = text[after["start"]:after["end"]]
                events.append(("update_span", doc, span_id, json.dumps(before, ensure_ascii=False),
                               json.dumps(after, ensure_ascii=False)))
            elif kind < 0.93:
                span_id += 1
                events.append(("delete_span", doc, span_id, json.dumps(
                    {**record(span_id, doc, start, length, label, "manual", who), "relations": []},
                    ensure_ascii=False), None))
            elif kind < 0.98:
                events.append(("add_rejection", doc, None, None, json.dumps(
                    {"document_id": doc, "start": start, "end": start + length, "label": label,
                     "text": text[start:start + length], "id": span_id}, ensure_ascii=False)))
            else:
                events.append(("set_status", doc, None,
                               json.dumps({"document_id": doc, "status": "todo", "reason": ""}),
                               json.dumps({"document_id": doc, "status": "in_progress", "reason": ""})))
        for action, doc, sid, before, after in events:
            rows.append((at, who, batch, "do", None, action, doc, sid, before, after))
        last_do = (batch, events) if who == ANNOTATOR else last_do
    rows = rows[:count]
    with db.atomic():
        db.conn.executemany("INSERT INTO events(at, annotator, batch, kind, target, action, document_id, span_id,"
                            " before, after) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    return time.perf_counter() - t0


HISTORY_CHAIN = (("add (label a selection, 1)", Qt.Key.Key_1, NONE),
                 ("relabel (2)", Qt.Key.Key_2, NONE),
                 ("delete (Delete)", Qt.Key.Key_Delete, NONE),
                 ("undo (Ctrl+Z)", Qt.Key.Key_Z, CTRL),
                 ("redo (Ctrl+Shift+Z)", Qt.Key.Key_Z, CTRL | SHIFT))


def history(args) -> None:
    app()
    warm_up()
    levels = [int(x) for x in args.events.split(",")]
    rng = random.Random(1)
    text = FIXTURES.joinpath("national-2024.txt").read_text("utf-8")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "history.db")
        with Project.open(path, annotator=ANNOTATOR) as p:
            p.add_document(Document(text=text, title="2024 national report, no spans"))
        for level in levels:
            with Project.open(path, annotator=ANNOTATOR) as p:
                have = p.db.execute("SELECT count(*) FROM events").fetchone()[0]
                wrote = synthetic_events(p, level - have, rng, text) if level > have else 0.0
                have = p.db.execute("SELECT count(*) FROM events").fetchone()[0]
            print(f"  events table: {have:,} rows; writing them took {wrote:.1f} s", file=sys.stderr, flush=True)
            win, opened = open_window(path)
            spans = win.project.spans(win.doc_id)
            places = spread(free_runs(text, spans), args.reps)
            results: dict[str, list[tuple[float, float]]] = {}
            floors(win, min(5, args.reps), results)
            if hasattr(segment.words, "cache_clear"):
                segment.words.cache_clear()  # each level's labels pay jieba on their lines, as the first did
            t_level = time.perf_counter()
            for i, middle in enumerate(places):
                place_cursor(win, middle + 1, anchor=middle - 1)
                span_id = None
                for name, key, mods in HISTORY_CHAIN:
                    results.setdefault(name, []).append(timed(win, key, mods))
                    now = selected(win)
                    if name.startswith("add"):
                        check(now is not None and now.label == "REGION", f"history {level:,}: add at {middle}", win)
                        span_id = now.id if now is not None else None
                    elif name.startswith("relabel"):
                        check(now is not None and now.label == "ORG", f"history {level:,}: relabel at {middle}", win)
                    elif name.startswith(("delete", "redo")):
                        check(span_id is not None and not exists(win, span_id), f"history {level:,}: {name}", win)
                    elif name.startswith("undo"):
                        check(span_id is not None and exists(win, span_id), f"history {level:,}: undo", win)
                if i + 1 >= 3 and time.perf_counter() - t_level > args.budget * len(HISTORY_CHAIN):
                    break
            close_window(win)
            rows.append((have, opened, results, wrote))
            print(f"  [history {have:,}] done", file=sys.stderr, flush=True)
    print(f"\n### History length: the {len(text):,}-character 2024 national report, no other spans "
          f"(the span table costs nothing here); median ms, key press to repainted window")
    names = [n for n, _, _ in HISTORY_CHAIN]
    floor = "floor: a key that does nothing (Shift) + repaint"
    print("\n| events | writing them (s) | open window (ms) | " + " | ".join(names) +
          " | n | floor: no-op key + repaint |")
    print("|---|---|---|" + "---|" * len(names) + "---|---|")
    for have, opened, results, wrote in rows:
        cells = [ms(statistics.median([t for t, _ in results[n]])) for n in names]
        print(f"| {have:,} | {wrote:.1f} | {ms(opened)} | " + " | ".join(cells) +
              f" | {len(results[names[0]])} | {ms(statistics.median([t for t, _ in results[floor]]))} |")
    print("\nmax ms per action:")
    for have, _, results, _ in rows:
        print(f"  {have:,} events: " + ", ".join(f"{n.split(' (')[0]} {ms(max(t for t, _ in results[n]))}"
                                                  for n in names))


# add a document with its spans ------------------------------------------------------------------------

def spans_for(text: str, count: int) -> list[Span]:
    """`count` entity spans of two or three characters spread evenly over the text, none overlapping."""
    step = len(text) // count
    assert step >= 4, "too many spans for the text"
    out = []
    for i in range(count):
        start = i * step
        end = start + (3 if step >= 6 and i % 3 == 0 else 2)
        out.append(Span(start, end, ENTITY[i % len(ENTITY)], text[start:end]))
    return out


def add(args) -> None:
    text = real_text(args.chars_add)
    segment.start().join()
    results = {}
    keep = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in [0] + [int(x) for x in args.add_spans.split(",")]:
            spans = spans_for(text, count) if count else []
            times = []
            for r in range(args.add_repeat):
                path = Path(tmp, f"add-{count}-{r}.db")
                with Project.open(path, annotator=ANNOTATOR) as p:
                    t0 = time.perf_counter()
                    p.add_document(Document(text=text, title=f"{count} spans"), spans)
                    times.append(time.perf_counter() - t0)
                    assert len(p.spans(1)) == count
                keep[count] = path
            results[count] = times
            print(f"  add_document with {count:,} spans: " + ", ".join(f"{t:.2f}" for t in times) + " s",
                  file=sys.stderr, flush=True)
        exports = {}
        for count, path in keep.items():
            if not count:
                continue
            from annotator.core.interchange import spacy

            with Project.open(path, annotator=ANNOTATOR) as p:
                if hasattr(segment.text_words, "cache_clear"):
                    segment.text_words.cache_clear()  # no words left over from an earlier export of this text
                t0 = time.perf_counter()
                spacy.export(p, Path(tmp, f"spacy-{count}.jsonl"))
                inproc = time.perf_counter() - t0
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "annotator", "export", "--project", str(path),
                                   "--format", "spacy", "--out", str(Path(tmp, f"cli-{count}.jsonl"))],
                                  capture_output=True, text=True, check=False)
            cli = time.perf_counter() - t0
            if done.returncode != 0:
                problems.append(f"annotator export --format spacy ({count} spans) exited {done.returncode}: "
                                f"{done.stderr.strip()[-300:]}")
            exports[count] = (inproc, cli)
            print(f"  spaCy export, {count:,} spans: {inproc:.2f} s in process, {cli:.2f} s command line",
                  file=sys.stderr, flush=True)
    print(f"\n### Adding a {len(text):,}-character report with its spans (project.add_document), "
          f"best and every one of {args.add_repeat} runs, a fresh project each")
    print("\n| spans | best s | runs (s) | per span ms |")
    print("|---|---|---|---|")
    for count, times in results.items():
        per = f"{1000 * (min(times) - min(results[0])) / count:.2f}" if count else "–"
        print(f"| {count:,} | {min(times):.3f} | {', '.join(f'{t:.3f}' for t in times)} | {per} |")
    counts = [c for c in results if c]
    if len(counts) >= 2:
        a, b = counts[0], counts[-1]
        print(f"\n{b:,} spans / {a:,} spans = {min(results[b]) / min(results[a]):.1f}x the time for "
              f"{b / a:.0f}x the spans")
    print("\n| spaCy JSONL export of that report | in process (spacy.export) s | `annotator export --format spacy` s |")
    print("|---|---|---|")
    for count, (inproc, cli) in exports.items():
        print(f"| {count:,} spans | {inproc:.2f} | {cli:.2f} |")


# main -------------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("part", nargs="?", default="all", choices=("actions", "history", "add", "all"))
    parser.add_argument("--reps", type=int, default=20, help="repetitions of each action (default 20)")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="seconds an action may take in all before its repetitions stop early "
                             "(at least one; default 120)")
    parser.add_argument("--only", default="", help="actions: run only the scenario whose title holds this text")
    parser.add_argument("--chars-small", type=int, default=49_000)
    parser.add_argument("--chars-large", type=int, default=200_000)
    parser.add_argument("--spans-large", type=int, default=5_000)
    parser.add_argument("--events", default="1000,10000,100000,1000000")
    parser.add_argument("--chars-add", type=int, default=100_000)
    parser.add_argument("--add-spans", default="1000,10000")
    parser.add_argument("--add-repeat", type=int, default=3)
    args = parser.parse_args()
    segment.start().join()  # jieba loaded before any clock (the window loads it in the background)
    print(f"machine: {machine()}, {os.environ['QT_QPA_PLATFORM']}")
    print("times: key press (QTest.keyClick on win.view) to processEvents() + win.grab() of the whole window")
    t0 = time.perf_counter()
    if args.part in ("actions", "all"):
        actions(args)
    if args.part in ("history", "all"):
        history(args)
    if args.part in ("add", "all"):
        add(args)
    print(f"\nproblems ({len(problems)}):" if problems else "\nno problems: every action did what its key says")
    for p in problems:
        print(f"  - {p}")
    print(f"\nwhole run: {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
