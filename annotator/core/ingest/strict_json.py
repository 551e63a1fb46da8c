"""JSON as the standard defines it, within the limits (limits.py): Python's json module accepts
NaN and Infinity (not JSON: they break every export and consumer), turns 1e999 into infinity,
recurses once per nesting level and refuses integers of more than 4,300 digits with a ValueError
that names neither place nor limit.  Here each of those is a JsonError saying what is wrong."""
from __future__ import annotations

import json
import math
from typing import Any

from annotator.core.ingest import limits


class JsonError(ValueError):
    """Not JSON, or JSON past a limit; str() is the reason."""


def _int(literal: str) -> int:
    if len(literal) > limits.MAX_DIGITS:
        raise JsonError(f"a number of {len(literal):,} digits (at most {limits.MAX_DIGITS})")
    return int(literal)


def _float(literal: str) -> float:
    if len(literal) > limits.MAX_DIGITS:
        raise JsonError(f"a number of {len(literal):,} characters (at most {limits.MAX_DIGITS})")
    value = float(literal)
    if not math.isfinite(value):
        raise JsonError(f"the number {limits.quoted(literal)[1:-1]} is too large for a float")
    return value


def _constant(name: str) -> Any:
    raise JsonError(f"{name} is not JSON (only finite numbers are)")


_SPACE = " \t\n\r"  # JSON's whitespace
_DECODER = json.JSONDecoder(parse_int=_int, parse_float=_float, parse_constant=_constant)


def loads(text: str) -> Any:
    """The value of a whole JSON text; JsonError says why not."""
    start = len(text) - len(text.lstrip(_SPACE))
    value, end = raw_decode(text, start)
    if text[end:].strip(_SPACE):
        raise JsonError(f"not valid JSON (Extra data at column {end + 1})")
    return value


def raw_decode(text: str, start: int = 0) -> tuple[Any, int]:
    """The first JSON value in `text` from `start`, and where it ends (text may go on)."""
    try:
        value, end = _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        place = f"line {exc.lineno}, column {exc.colno}" if "\n" in text else f"column {exc.colno}"
        raise JsonError(f"not valid JSON ({exc.msg} at {place})") from None
    except RecursionError:
        raise JsonError(f"nested more than {limits.MAX_DEPTH} levels deep") from None
    check_depth(value)
    return value, end


def check_depth(value: Any) -> None:
    """JsonError when lists and objects nest deeper than MAX_DEPTH (walked a level at a time, so
    the check itself never recurses)."""
    level = [value] if isinstance(value, (dict, list)) else []
    depth = 0
    while level:
        depth += 1
        if depth > limits.MAX_DEPTH:
            raise JsonError(f"nested more than {limits.MAX_DEPTH} levels deep")
        level = [child for node in level for child in (node.values() if isinstance(node, dict) else node)
                 if isinstance(child, (dict, list))]
