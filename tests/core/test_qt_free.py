"""annotator.core never imports Qt: every core module imports with PySide6 made unimportable."""
import pkgutil
import subprocess
import sys

import annotator.core
from tests.conftest import ROOT

BLOCK_QT = """
import importlib.abc, sys
class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError("Qt is not allowed in annotator.core: " + name)
sys.meta_path.insert(0, NoQt())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
assert not any(m.startswith("PySide6") for m in sys.modules)
print("imported", len(sys.argv) - 1)
"""


def core_modules():
    return [m.name for m in pkgutil.walk_packages(annotator.core.__path__, "annotator.core.")]


def test_every_core_module_imports_without_qt():
    modules = core_modules()
    assert "annotator.core.store.project" in modules and len(modules) > 10
    result = subprocess.run([sys.executable, "-c", BLOCK_QT, *modules], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"imported {len(modules)}"


def test_the_guard_would_catch_a_qt_import(tmp_path):
    """The same guard fails on a module that imports Qt (the test above can fail)."""
    (tmp_path / "qt_user.py").write_text("import PySide6.QtCore\n")
    result = subprocess.run([sys.executable, "-c", BLOCK_QT, "qt_user"], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode != 0 and "Qt is not allowed" in result.stderr
