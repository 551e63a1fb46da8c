"""File > Export offers every format of the command line and writes what the command line writes."""
from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from annotator.core.interchange.formats import EXPORTS
from annotator.ui.export_dialog import ExportDialog


def test_the_export_dialog_lists_every_format_and_writes_what_the_cli_writes(window, qtbot, tmp_path, monkeypatch):
    window.run_suggest(True)
    window.project.accept_all(window.doc_id)
    shown = []

    def fill(dialog: ExportDialog) -> int:
        shown.append([dialog.format.itemData(i) for i in range(dialog.format.count())])
        dialog.format.setCurrentIndex(list(EXPORTS).index("bio"))
        dialog.path.setText(str(tmp_path / "window" / "out.txt"))
        for i in range(dialog.labels.count()):  # entities only: BIO holds one label per character
            item = dialog.labels.item(i)
            item.setCheckState(Qt.Unchecked if item.data(Qt.UserRole) == "METRIC" else Qt.Checked)
        dialog.suggestions.setChecked(False)
        dialog.split.setText("80/20")
        dialog.seed.setValue(3)
        return ExportDialog.Accepted
    monkeypatch.setattr(ExportDialog, "exec", fill)
    window.export()
    assert shown == [list(EXPORTS)]
    window.project.session.db.execute("PRAGMA wal_checkpoint")
    subprocess.run([sys.executable, "-m", "annotator", "export", "-p", str(window.project.path), "--format", "bio",
                    "--labels", "REGION,ORG,PERSON,DATE,PROGRAM", "--split", "80/20", "--seed", "3",
                    "--out", str(tmp_path / "cli" / "out.txt")], check=True, capture_output=True)
    for part in ("train", "test"):
        ours = (tmp_path / "window" / f"out-{part}.txt").read_bytes()
        assert ours and ours == (tmp_path / "cli" / f"out-{part}.txt").read_bytes()
    assert "Exported" in window.statusBar().currentMessage()
