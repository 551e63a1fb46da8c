"""`annotator export --out` never replaces the project, and brat exports replace their folder whole."""
import os

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from tests.conftest import CORPUS


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def project(tmp_path):
    db = tmp_path / "p.db"
    assert run("import", CORPUS, "-p", db).exit_code == 0
    return db


@pytest.mark.parametrize("fmt", ["native", "metrics", "bio", "hf", "spacy", "spacy-docbin", "doccano",
                                 "labelstudio", "brat"])
def test_export_out_the_project_file_is_refused_in_one_line(project, tmp_path, fmt):
    before = project.read_bytes()
    for out in (project, tmp_path / "." / "p.db", project.with_name("p.db-wal")):
        result = run("export", "-p", project, "--format", fmt, "--out", out)
        assert result.exit_code == 1, result.output
        assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
        assert "Traceback" not in result.output
    assert project.read_bytes() == before
    assert "Documents 5:" in run("stats", "-p", project).output
    assert not list(tmp_path.glob(".*"))  # no temporary file or folder left


def test_export_out_another_project_is_refused(project, tmp_path):
    other = tmp_path / "other.db"
    assert run("import", CORPUS, "-p", other).exit_code == 0
    result = run("export", "-p", project, "--out", other)
    assert result.exit_code == 1 and "is an SQLite database" in result.output
    assert "Documents 5:" in run("stats", "-p", other).output


def listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_brat_exports_with_and_without_split_replace_each_other(project, tmp_path):
    out = tmp_path / "b"
    assert run("export", "-p", project, "--format", "brat", "--out", out).exit_code == 0
    assert len(listing(out)) == 12  # 5 .txt, 5 .ann, annotation.conf and visual.conf
    result = run("export", "-p", project, "--format", "brat", "--split", "60/20/20", "--out", out)
    assert result.exit_code == 0, result.output
    assert f"{out / 'train'}: 3 documents" in result.output
    parts = listing(out)
    assert [p for p in parts if "/" not in p] == ["dev", "test", "train"] and len(parts) == 19  # 2 .conf in each
    result = run("export", "-p", project, "--format", "brat", "--split", "80/20", "--out", out)
    assert result.exit_code == 0 and [p for p in listing(out) if "/" not in p] == ["test", "train"]
    assert run("export", "-p", project, "--format", "brat", "--out", out).exit_code == 0
    assert listing(out) == ["annotation.conf", *(f"doc{n:06d}.{ext}" for n in range(1, 6) for ext in ("ann", "txt")),
                            "visual.conf"]
    assert sorted(os.listdir(tmp_path)) == ["b", "p.db"]


def test_brat_export_over_a_folder_with_other_files_changes_nothing(project, tmp_path):
    out = tmp_path / "b"
    assert run("export", "-p", project, "--format", "brat", "--split", "60/20/20", "--out", out).exit_code == 0
    (out / "dev" / "README.md").write_text("mine")
    before = listing(out)
    for split in ([], ["--split", "80/20"]):
        result = run("export", "-p", project, "--format", "brat", *split, "--out", out)
        assert result.exit_code == 1 and "dev/README.md" in result.output and result.output.count("\n") == 1
        assert listing(out) == before
