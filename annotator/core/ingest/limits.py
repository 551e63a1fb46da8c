"""How large, deep and long imported input may be, and the characters stored text may not hold.

Every reader checks these before it parses or stores: a record past a limit is refused with its
place and the limit, so a hostile or broken file costs a message, not the run (ADR 0014).
"""
from __future__ import annotations

import re
import unicodedata

MAX_BYTES = 20 * 1024 * 1024  # a report page, or one line (one record) of a line format: --max-size
MAX_FILE_BYTES = 1024 * 1024 * 1024  # a file read a line at a time
MAX_WHOLE_BYTES = 200 * 1024 * 1024  # a file parsed whole (a JSON array, a UTF-16 line file)
MAX_DEPTH = 64  # JSON nesting: a native record is 5 deep, a Label Studio task 7
MAX_DIGITS = 100  # characters of one JSON number; ids stop at 16 digits (2^53-1)
MAX_QUOTED = 80  # characters of the input a message quotes

# C0 controls but TAB and LF, DEL and C1 controls.  CR, VT and FF have become LF by now
# (decode.NewlineMap); what is left never belongs in a report and cuts SQL text functions (NUL) short.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def first_control(text: str) -> int:
    """Offset of the first forbidden control character in `text`, or -1."""
    found = _CONTROL.search(text)
    return found.start() if found else -1


def line_column(text: str, at: int) -> tuple[int, int]:
    """1-based line and column of offset `at`."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def control_name(ch: str) -> str:
    """'control character U+0000 (NUL)'."""
    name = _NAMES.get(ch) or unicodedata.name(ch, "")
    return f"control character U+{ord(ch):04X}" + (f" ({name})" if name else "")


def where_control(text: str, at: int) -> str:
    """'control character U+0000 (NUL) at line 3, column 5' (of `text`)."""
    line, column = line_column(text, at)
    return f"{control_name(text[at])} at line {line}, column {column}"


_NAMES = {"\x00": "NUL", "\x08": "backspace", "\x1a": "SUB", "\x1b": "ESC", "\x7f": "DEL"}


def quoted(value: object, limit: int = MAX_QUOTED) -> str:
    """repr() of a piece of input, cut short: a message must not repeat a 5,000-digit number."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"
