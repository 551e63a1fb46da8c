"""Gold in, model trained, suggestions and evaluation with it: the learnt source from the command line."""
import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.store import Project
from annotator.core.suggest.suggester import Suggester

GOLD = Path(__file__).resolve().parents[1] / "gold"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_import_gold_as_done_train_then_suggest_and_evaluate_with_the_model(tmp_path):
    db = tmp_path / "p.db"
    golds = [GOLD / "seed_000.jsonl", GOLD / "seed_003.jsonl", GOLD / "report_xwlb_20210225_poverty_awards.jsonl"]
    result = run("import", *golds, "-p", db, "--status", "done")
    assert result.exit_code == 0, result.output
    assert json.loads(run("stats", "-p", db, "--json").output)["by_status"]["done"] == 3

    result = run("train", "-p", db, "--folds", "3")
    assert result.exit_code == 0, result.output
    assert "3 reports marked done" in result.output and "3-fold exact F1" in result.output
    assert "overall" in result.output and "with the learnt source" in result.output
    # on three reports the k-fold may trust the model with no label yet; without folds it judges them all
    result = run("train", "-p", db, "--folds", "1")
    assert result.exit_code == 0 and "fold" not in result.output, result.output

    unseen = GOLD / "report_guizhou_2026_gov_excerpt.jsonl"
    plain = tmp_path / "unseen.txt"
    plain.write_text(json.loads(unseen.read_text("utf-8"))["text"], "utf-8")
    result = run("import", plain, "-p", db, "--suggest")
    assert result.exit_code == 0, result.output
    with Project.open(db) as project:
        [doc_id] = project.document_ids("todo")
        learnt = project.models.learnt()
        assert learnt.labels == {"DATE", "METRIC", "ORG", "PERSON", "PROGRAM", "REGION"}
        stored = {(s.start, s.end, s.label, s.confidence) for s in project.spans(doc_id, origin="suggested")}
        assert stored == {(s.start, s.end, s.label, s.confidence)
                          for s in project.suggestions.suggester()(project.text(doc_id))}
        layer_of = project.schema.layers()
        rules = Suggester(layer_of, project.suggestions.dictionary(), project.lexicon_entries())
        assert stored != {(s.start, s.end, s.label, s.confidence) for s in rules(project.text(doc_id))}

    result = run("evaluate", "--gold", unseen, "--model", db)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("rules:\n") and "\nrules + learnt:\n" in result.output
    both = json.loads(run("evaluate", "--gold", unseen, "--model", db, "--json").output)
    assert set(both) == {"rules", "rules + learnt"}
    assert both["rules"]["overall"]["gold"] == both["rules + learnt"]["overall"]["gold"] == 88


def test_train_without_done_reports_says_what_to_do(tmp_path):
    db = tmp_path / "p.db"
    run("import", GOLD / "seed_000.jsonl", "-p", db)
    result = run("train", "-p", db)
    assert result.exit_code == 1
    assert "0 confirmed spans in 0 reports marked done" in result.output and "unexpected" not in result.output


def test_evaluate_with_a_project_that_has_no_model_is_refused(tmp_path):
    db = tmp_path / "p.db"
    run("import", GOLD / "seed_000.jsonl", "-p", db)
    result = run("evaluate", "--gold", GOLD / "seed_000.jsonl", "--model", db)
    assert result.exit_code == 1 and "has no learnt model" in result.output
