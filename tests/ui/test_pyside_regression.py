"""PySide6 6.12 on Python 3.11 aborts after some thousands of calls to methods returning None
("Fatal Python error: none_dealloc").  The pin in pyproject.toml avoids it; this proves the
installed Qt survives the calls the report view makes all day.  Run in a child process: the
failure is an abort, which would otherwise kill the test runner."""
import subprocess
import sys

CALLS = """
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit
app = QApplication([])
view = QPlainTextEdit()
view.setPlainText("云阳13.4万贫困群众如期脱贫" * 100)
cursor = view.textCursor()
selection = QTextEdit.ExtraSelection()
for i in range(50_000):
    cursor.setPosition(i % 1000)
    view.setExtraSelections([selection] if i % 2 else [])
print("calls", i + 1)
"""


def test_fifty_thousand_calls_returning_none_do_not_crash():
    result = subprocess.run([sys.executable, "-c", CALLS], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "calls 50000"
