"""Where resources/ and corpus/ are found: frozen, installed from a wheel, in the source tree.

tests/wheel/check.sh tries a real wheel in a fresh venv; these are the quick checks of the three layouts
and of the package list in pyproject.toml, which setuptools cannot find by itself (see there).
"""
import sys
import tomllib
from pathlib import Path

import pytest

from annotator.core import paths

ROOT = Path(__file__).resolve().parents[2]


def test_frozen_uses_the_unpack_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("schema.toml") == tmp_path / "resources" / "schema.toml"
    assert paths.corpus_dir() == tmp_path / "corpus"


def test_installed_uses_the_package_folder(monkeypatch, tmp_path):
    package = tmp_path / "site-packages" / "annotator"
    (package / "core").mkdir(parents=True)
    (package / "resources").mkdir()
    monkeypatch.setattr(paths, "__file__", str(package / "core" / "paths.py"))
    assert paths.resource_path("gazetteers", "world.txt") == package / "resources" / "gazetteers" / "world.txt"
    assert paths.corpus_dir() == package / "corpus"


def test_source_tree_uses_its_top_folders():
    if Path(paths.__file__).resolve().parents[2] != ROOT:
        pytest.skip("the tests run against an installed copy")
    for parts in (("schema.toml",), ("gazetteers", "world.txt"), ("icons", "annotator.png"),
                  ("translations", "annotator_zh_CN.qm")):
        assert paths.resource_path(*parts) == ROOT.joinpath("resources", *parts)
        assert paths.resource_path(*parts).is_file()
    assert paths.corpus_dir() == ROOT / "corpus"
    assert len(list(paths.corpus_dir().glob("*.txt"))) == 5


def test_pyproject_lists_every_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    on_disk = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "annotator").rglob("__init__.py")}
    mapped = config["package-dir"]
    assert set(config["packages"]) == on_disk | set(mapped), "pyproject.toml [tool.setuptools] packages"
    assert all((ROOT / folder).is_dir() for folder in mapped.values())
