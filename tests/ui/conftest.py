import pytest

from tests.conftest import CORPUS


@pytest.fixture
def window(qtbot, tmp_path):
    """The real main window on a copy of the seed corpus, shown offscreen."""
    from annotator.core import segment
    from annotator.core.importer import import_paths
    from annotator.core.store import Project
    from annotator.ui.app import settings
    from annotator.ui.main_window import MainWindow

    path = tmp_path / "ui.db"
    with Project.open(path) as p:
        import_paths(p, [CORPUS])
    segment.start().join()
    win = MainWindow(Project.open(path), settings(), english=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.view.setFocus()
    yield win
    win.project.close()
