"""A project an older version left with a label key like 'Date' opens in the window, which says what
was repaired and offers the repaired label."""
from annotator.core.store import Project
from tests.core.test_label_keys import break_as_the_old_code_did


def test_the_window_opens_a_project_with_bad_keys_and_says_it_was_repaired(qtbot, tmp_path, monkeypatch):
    from annotator.ui import main_window
    from annotator.ui.app import settings

    path = tmp_path / "p.db"
    break_as_the_old_code_did(path)
    shown = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    win = main_window.MainWindow(Project.open(path), settings(), english=True)  # raised "'Date' must be …"
    qtbot.addWidget(win)
    try:
        assert any("label 'Date' merged into DATE" in text for text in shown)
        assert any("label 'PER.NAM' renamed PER_NAM" in text for text in shown)
        assert any("(PER_NAM)" in action.text() for action in win.label_actions)
    finally:
        win.project.close()
