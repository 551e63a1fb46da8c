"""A bug reaches the user as a plain message; its traceback goes to the log file."""
from annotator.core import paths
from annotator.ui import app


def test_unexpected_errors_are_logged_and_shown_plainly(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(app.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    paths.setup_logging()
    try:
        raise ValueError("span table out of step")
    except ValueError as exc:
        app._excepthook(type(exc), exc, exc.__traceback__)
    [message] = shown
    assert "span table out of step" in message and str(paths.log_file()) in message
    assert "Traceback" not in message
    for handler in app.log.handlers:
        handler.flush()
    logged = paths.log_file().read_text("utf-8")
    assert "Traceback" in logged and "ValueError: span table out of step" in logged
