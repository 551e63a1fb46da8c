import pytest

from tests.conftest import CORPUS


def open_window(qtbot, path):
    """The real main window on the project at `path`, shown offscreen, keys going to the report."""
    from annotator.core import segment
    from annotator.core.store import Project
    from annotator.ui.app import settings
    from annotator.ui.main_window import MainWindow

    segment.start().join()
    win = MainWindow(Project.open(path), settings(), english=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.view.setFocus()
    return win


@pytest.fixture
def window(qtbot, tmp_path):
    """The real main window on a copy of the seed corpus, shown offscreen."""
    from annotator.core.importer import import_paths
    from annotator.core.store import Project

    path = tmp_path / "ui.db"
    with Project.open(path) as p:
        import_paths(p, [CORPUS])
    win = open_window(qtbot, path)
    yield win
    win.project.close()
