"""Word boundaries from jieba, for snapping selections to whole words.

jieba takes most of a second to load its dictionary, so it loads once, in a
background thread (`start()`), and the window never waits for it at start-up;
until it is ready, selections are only trimmed.  Boundaries are computed per
line (a paragraph) and cached, so a 200,000-character report costs nothing
until someone selects in it.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache

from annotator.core import paths

_WHITESPACE = " \t\n\u00a0\u3000\u2028\u2029"
_lock = threading.Lock()
_tokenizer = None
_ready = threading.Event()


def _load() -> None:
    global _tokenizer
    with _lock:
        if _tokenizer is not None:
            return
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.tmp_dir = str(paths.user_cache_dir())
        tokenizer.initialize()
        _tokenizer = tokenizer
        _ready.set()


def start() -> threading.Thread:
    """Load jieba in the background; returns the thread."""
    thread = threading.Thread(target=_load, name="jieba", daemon=True)
    thread.start()
    return thread


def ready() -> bool:
    return _ready.is_set()


@lru_cache(maxsize=4096)
def words(line: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's words of one line: (word, start, end), code point offsets."""
    _load()
    found, start = [], 0
    for word in _tokenizer.cut(line):  # tokenize() without its generator: this is the suggesters' hot path
        end = start + len(word)
        found.append((word, start, end))
        start = end
    return tuple(found)


@lru_cache(maxsize=8)
def text_words(text: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's words of a whole text, line by line: (word, start, end), code point offsets in the text.
    Cached: every suggestion source reads the same words."""
    _load()
    found, offset, cut = [], 0, _tokenizer.cut
    for line in text.split("\n"):  # straight from jieba: the per-line cache serves snapping, not this
        start = offset
        for word in cut(line):
            end = start + len(word)
            found.append((word, start, end))
            start = end
        offset += len(line) + 1
    return tuple(found)


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    _load()
    tags = {}
    with _tokenizer.get_dict_file() as f:  # lines of "word frequency tag"
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def tags() -> dict[str, str]:
    """jieba's dictionary: word → part of speech (for loops that look up every word)."""
    return _tags()


def tag(word: str) -> str | None:
    """jieba's dictionary part of speech of a word (ns place, nr person, nt organisation, v verb …), or None
    for a word the dictionary does not hold (one jieba's HMM found, often a name)."""
    return _tags().get(word)


def frequency(word: str) -> int:
    """How common the word is in jieba's dictionary (0 when it is not there)."""
    _load()
    return _tokenizer.FREQ.get(word, 0)


def line_bounds(line: str) -> tuple[int, ...]:
    """Word boundaries inside one line, as code point offsets (0 and len included)."""
    return tuple(sorted({0, len(line), *(end for _, _, end in words(line))}))


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop whitespace at either edge; None when nothing is left."""
    while start < end and text[start] in _WHITESPACE:
        start += 1
    while end > start and text[end - 1] in _WHITESPACE:
        end -= 1
    return (start, end) if start < end else None


def move_edge(text: str, start: int, end: int, edge: str, step: int) -> tuple[int, int] | None:
    """[start, end) with one edge moved by one character (step +1 or -1), under the rule selections
    follow: a span never begins or ends with whitespace, so an edge moving onto whitespace goes on
    past it.  None when the move would leave nothing, or leave the text."""
    if edge == "end":
        end += step
        while start < end < len(text) and text[end - 1] in _WHITESPACE and step > 0:
            end += 1
    else:
        start += step
        while 0 < start < end and text[start] in _WHITESPACE and step < 0:
            start -= 1
    if not 0 <= start < end <= len(text):
        return None
    return trim(text, start, end)


def snap(text: str, start: int, end: int, *, words: bool = True) -> tuple[int, int] | None:
    """The selection [start, end) widened to whole words (when jieba is ready) and trimmed."""
    trimmed = trim(text, start, end)
    if trimmed is None or not words or not ready():
        return trimmed
    start, end = trimmed
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    if end > line_end:  # across lines: snap each edge within its own line
        first = _widen(text, line_start, line_end, start, None)
        last_start = text.rfind("\n", 0, end) + 1
        last_end = text.find("\n", end)
        last = _widen(text, last_start, len(text) if last_end == -1 else last_end, None, end)
        return trim(text, first, last)
    bounds = line_bounds(text[line_start:line_end])
    s = max(b for b in bounds if b <= start - line_start) + line_start
    e = min(b for b in bounds if b >= end - line_start) + line_start
    return trim(text, s, e)


def _widen(text: str, line_start: int, line_end: int, start: int | None, end: int | None) -> int:
    bounds = line_bounds(text[line_start:line_end])
    if start is not None:
        return max(b for b in bounds if b <= start - line_start) + line_start
    return min(b for b in bounds if b >= end - line_start) + line_start
