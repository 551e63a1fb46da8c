"""The team cycle from the command line: assign, label apart, merge (twice), agreement."""
import json

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.store import Project
from tests.conftest import CORPUS
from tests.core.test_team import label_all


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def test_assign_merge_and_agreement(tmp_path):
    team = tmp_path / "team.db"
    result = run("--annotator", "王组长", "import", *sorted(CORPUS.glob("*.txt")), "-p", team)
    assert result.exit_code == 0, result.output
    result = run("assign", "-p", team, "--to", "alice,bob,carol", "--overlap", "0.6", "--out", tmp_path / "pk")
    assert result.exit_code == 0, result.output
    assert "3 reports go to 2 annotators each" in result.output
    files = {name: tmp_path / "pk" / f"{name}.db" for name in ("alice", "bob", "carol")}
    for name, pattern, label in (("alice", "云阳县", "REGION"), ("bob", "云阳县", "ORG"), ("carol", "云阳县", "REGION")):
        label_all(files[name], name, pattern, label)

    result = run("merge", *files.values(), "-p", team)
    assert result.exit_code == 0, result.output
    assert result.output.count("reports,") == 3
    result = run("merge", *files.values(), "-p", team)
    assert result.output.count("merged before, nothing new") == 3

    data = json.loads(run("agreement", "-p", team, "--json").output)
    assert data["documents"] == 3 and data["annotators"] == ["alice", "bob", "carol"]
    text = run("agreement", "-p", team).output
    assert "said ORG where" in text or "said REGION where" in text
    with Project.open(team) as project:
        imports = [e for e in project.events() if e["action"] == "import_document"]
        assert {e["annotator"] for e in imports if not e["package"]} == {"王组长"}
        labelled = {e["annotator"] for e in project.events() if e["action"] == "add_span"}
        assert {"alice", "bob"} <= labelled <= {"alice", "bob", "carol"} and all(e["package"] for e in project.events()
                                                              if e["action"] == "add_span")


def test_annotator_from_the_environment_and_a_bad_name_refused(tmp_path):
    db = tmp_path / "p.db"
    result = run("import", CORPUS / "000_37db83bcf6bbd3b4.txt", "-p", db, env={"ANNOTATOR": "lin"})
    assert result.exit_code == 0, result.output
    with Project.open(db) as project:
        assert {e["annotator"] for e in project.events()} == {"lin"}
    result = run("--annotator", " ", "stats", "-p", db)
    assert result.exit_code != 0 and "cannot be empty" in result.output


def test_merge_refuses_a_package_of_another_schema_naming_the_difference(tmp_path):
    team = tmp_path / "team.db"
    run("import", *sorted(CORPUS.glob("*.txt")), "-p", team)
    assert run("assign", "-p", team, "--to", "alice", "--overlap", "0", "--out", tmp_path / "pk").exit_code == 0
    with Project.open(tmp_path / "pk" / "alice.db", annotator="alice") as package:
        package.add_labels(["EVENT"])
    result = run("merge", tmp_path / "pk" / "alice.db", "-p", team)
    assert result.exit_code == 1
    assert "label EVENT is only in the package" in result.output and "nothing was merged" in result.output


def test_adjudicate_lists_takes_and_exports_gold(tmp_path):
    team = tmp_path / "team.db"
    run("import", *sorted(CORPUS.glob("*.txt")), "-p", team)
    assert run("assign", "-p", team, "--to", "alice,bob", "--overlap", "1", "--out", tmp_path / "pk").exit_code == 0
    label_all(tmp_path / "pk" / "alice.db", "alice", "云阳县|重庆", "REGION", docs=[1])
    label_all(tmp_path / "pk" / "bob.db", "bob", "云阳(?!县)|重庆", "REGION", docs=[1])
    run("merge", tmp_path / "pk" / "alice.db", tmp_path / "pk" / "bob.db", "-p", team)
    listing = run("adjudicate", "-p", team).output
    assert listing.startswith("report 1: ") and "alice: REGION 云阳县; bob: nothing" in listing
    assert "report 2" not in listing  # nothing to settle there
    result = run("--annotator", "lead", "adjudicate", "-p", team, "--agreed")
    assert result.exit_code == 0 and "agreed spans copied" in result.output
    result = run("--annotator", "lead", "adjudicate", "-p", team, "--take", "alice")
    assert result.exit_code == 0, result.output
    assert "(gold now: as alice)" in run("adjudicate", "-p", team, "--document", "1").output
    gold = tmp_path / "gold.jsonl"
    assert run("export", "-p", team, "--out", gold).exit_code == 0
    (record, *_) = [json.loads(line) for line in gold.read_text("utf-8").splitlines()]
    texts = {s["text"] for s in record["spans"]}
    assert "重庆" in texts and "云阳县" in texts and {s["annotator"] for s in record["spans"]} == {"lead"}
    result = run("export", "-p", team, "--layer", "carol", "--out", tmp_path / "c.jsonl")
    assert result.exit_code == 1 and "no merged work by 'carol'" in result.output
