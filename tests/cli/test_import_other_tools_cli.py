"""The command line says what a Prodigy file gave and what it left out."""
from click.testing import CliRunner

from annotator.cli import cli
from tests.conftest import ROOT


def test_import_of_a_prodigy_file_names_what_was_left_out_and_exits_0(tmp_path):
    teach = ROOT / "tests" / "fixtures" / "prodigy" / "ner_teach_reddit_product.jsonl"
    result = CliRunner().invoke(cli, ["import", str(teach), "-p", str(tmp_path / "p.db"), "--map", "PRODUCT=ORG"])
    assert result.exit_code == 0, result.output
    assert "6 imported, 0 duplicates skipped, 0 with errors skipped" in result.output
    assert "3 examples answered 'ignore' not imported (lines 2, 7, 14)" in result.output
    assert "one document with line 4 (the same text)" in result.output
    assert "prodigy" in CliRunner().invoke(cli, ["import", "--help"]).output
