import os
from pathlib import Path

import pytest

# Headless Qt for every UI test, whatever the caller's environment says.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path_factory, monkeypatch):
    """Keep the demo project, logs and settings of tests out of the real user folders."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    monkeypatch.setenv("ANNOTATOR", "tester")


@pytest.fixture
def project(tmp_path):
    from annotator.core.store import Project

    with Project.open(tmp_path / "p.db") as p:
        yield p


@pytest.fixture
def doc_id(project):
    from annotator.core.model import Document

    return project.add_document(Document(text="云阳县13.4万贫困群众如期脱贫。2019年GDP达到431亿元。", title="t"))
