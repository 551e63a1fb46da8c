"""Who is labelling: the name stored with every span and event.

The window asks for it on first start; the command line takes `--annotator NAME` or the ANNOTATOR
environment variable; without either it is the operating system's user name.
"""
from __future__ import annotations

import getpass
import os
import unicodedata

from annotator.core.model import AnnotatorError

MAX_LENGTH = 64


def default_name() -> str:
    try:
        return os.environ.get("ANNOTATOR") or getpass.getuser()
    except Exception:  # no user name in some containers
        return "annotator"


def check_name(name: str) -> str:
    """The name trimmed, or an error saying what is wrong with it: names are compared as written, so
    they must be visible text of one line."""
    name = unicodedata.normalize("NFC", (name or "").strip())
    if not name:
        raise AnnotatorError("an annotator name cannot be empty")
    if len(name) > MAX_LENGTH:
        raise AnnotatorError(f"an annotator name has at most {MAX_LENGTH} characters ({len(name)} given)")
    bad = [c for c in name if unicodedata.category(c)[0] == "C"]
    if bad:
        raise AnnotatorError(f"an annotator name cannot hold control characters (U+{ord(bad[0]):04X})")
    return name


def file_stem(name: str) -> str:
    """A file name for a person's package: their name with what file systems refuse replaced."""
    stem = "".join("_" if c in '/\\:*?"<>|' else c for c in name).strip(". ")
    return stem or "annotator"
