"""Where things are: bundled resources (frozen, installed or from source) and the user's folders.

User data (projects, logs, settings) lives in the platform's user folders, never
beside the executable nor in PyInstaller's unpack folder.  ANNOTATOR_HOME, when
set, puts all of them under one folder (portable use and tests).
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import platformdirs

APP = "annotator"


def _root() -> Path:
    """The folder holding resources/ and corpus/.  Frozen: PyInstaller's unpack folder (build.spec puts
    them there).  Installed from a wheel: the package folder (pyproject.toml maps them to
    annotator/resources and annotator/corpus).  Otherwise, run from the source tree or an editable
    install: the top of the source tree, the one place where they are."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parents[1]
    return package if (package / "resources").is_dir() else package.parent


def resource_path(*parts: str) -> Path:
    """A file under resources/: bundled, installed or in the source tree."""
    return _root().joinpath("resources", *parts)


def corpus_dir() -> Path:
    """The demo reports."""
    return _root() / "corpus"


def _user_dir(kind: str) -> Path:
    home = os.environ.get("ANNOTATOR_HOME")
    if home:
        path = Path(home) / kind
    else:
        path = Path({"data": platformdirs.user_data_dir, "log": platformdirs.user_log_dir,
                     "config": platformdirs.user_config_dir}[kind](APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_data_dir() -> Path:
    return _user_dir("data")


def user_config_dir() -> Path:
    return _user_dir("config")


def user_cache_dir() -> Path:
    """For jieba's dictionary cache (it would otherwise write to the system temp folder)."""
    home = os.environ.get("ANNOTATOR_HOME")
    path = Path(home) / "cache" if home else Path(platformdirs.user_cache_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return _user_dir("log") / "annotator.log"


def setup_logging() -> None:
    """Log warnings and tracebacks to the user log file (never to the user's face)."""
    logger = logging.getLogger(APP)
    target = str(log_file())
    for old in [h for h in logger.handlers if isinstance(h, logging.FileHandler)]:
        if old.baseFilename == target:
            return
        logger.removeHandler(old)  # the user folders moved (ANNOTATOR_HOME changed)
        old.close()
    handler = logging.FileHandler(target, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
