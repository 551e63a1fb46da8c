"""The command line as a user types it, in a real subprocess where it matters."""
import json
import subprocess
import sys

from click.testing import CliRunner

from annotator import __version__
from annotator.cli import cli
from tests.conftest import CORPUS, ROOT


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_version_and_help():
    assert run("--version").output.strip() == f"annotator, version {__version__}"
    out = run("--help").output
    for command in ("import", "export", "stats", "schema"):
        assert command in out
    assert "GB18030" in run("import", "--help").output


def test_import_stats_export(tmp_path):
    db = tmp_path / "p.db"
    result = run("import", CORPUS, "--project", db)
    assert result.exit_code == 0, result.output
    assert "5 imported, 0 duplicates skipped, 0 with errors skipped" in result.output
    again = run("import", CORPUS, "-p", db)
    assert again.exit_code == 0 and "5 duplicates skipped" in again.output
    stats = json.loads(run("stats", "-p", db, "--json").output)
    assert stats["documents"] == 5 and stats["by_status"]["todo"] == 5 and stats["spans"] == 0
    out = tmp_path / "out.jsonl"
    result = run("export", "-p", db, "--format", "native", "--out", out)
    assert result.exit_code == 0 and f"{out}: 5 documents" in result.output
    assert len(out.read_text("utf-8").splitlines()) == 5


def test_import_with_errors_exits_non_zero_and_names_them(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "好的报告。"}\n{"text": 1}\n', encoding="utf-8")
    result = run("import", bad, "-p", tmp_path / "p.db")
    assert result.exit_code == 1
    assert f"skipped: {bad}:2: 'text' must be a string, got a number" in result.output
    assert "1 imported, 0 duplicates skipped, 1 with errors skipped" in result.output


def test_user_errors_are_one_line_without_traceback(tmp_path):
    result = run("export", "-p", tmp_path / "none.db")
    assert result.exit_code == 1 and "Error: no project file at" in result.output
    assert "Traceback" not in result.output
    result = run("import", CORPUS)
    assert result.exit_code == 2 and "--project" in result.output


def test_metrics_export_writes_jsonl_and_csv_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run("import", CORPUS, "-p", "p.db")
    result = run("export", "-p", "p.db", "--format", "metrics")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "exports" / "p-metrics.jsonl").exists() and (tmp_path / "exports" / "p-metrics.csv").exists()


def test_schema_load_rejects_bad_files_specifically(tmp_path):
    bad = tmp_path / "s.toml"
    bad.write_text('name = "x"\n[[labels]]\nkey = "place"\nname_zh = "地"\nname_en = "P"\nlayer = "entity"\n'
                   'color = "#123"\nshortcut = "a"\n', encoding="utf-8")
    result = run("schema", "load", bad, "-p", tmp_path / "p.db")
    assert result.exit_code == 1
    assert "color" in result.output and "shortcut" in result.output and "Traceback" not in result.output


def test_list_shows_each_document(tmp_path):
    run("import", CORPUS, "-p", tmp_path / "p.db")
    out = run("list", "-p", tmp_path / "p.db").output.splitlines()
    assert len(out) == 5 and "今日重庆网" in out[0] and "全面小康路上一个都不少" in out[0]


def test_gui_screenshot_of_the_demo_project_in_a_real_process(tmp_path):
    """What `make run` starts, offscreen: the demo project is made and the window drawn."""
    env = {"ANNOTATOR_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    shot = tmp_path / "window.png"
    result = subprocess.run([sys.executable, "-m", "annotator", "gui", "--screenshot", str(shot)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 20_000  # a real picture, not an empty window
    assert list(tmp_path.rglob("demo.db"))


def test_import_with_suggestions_and_suggest_again(tmp_path):
    db = tmp_path / "p.db"
    result = run("import", CORPUS, "-p", db, "--suggest")
    assert result.exit_code == 0 and "suggestions added" in result.output
    added = int(result.output.split(" suggestions added")[0].split()[-1])
    assert added > 100
    assert run("suggest", "-p", db).output.strip() == "0 suggestions added"  # incremental
    stats = json.loads(run("stats", "-p", db, "--json").output)
    assert stats["suggestions"] == added and stats["spans"] == 0


def test_lexicon_add_list_remove_and_its_names_are_suggested(tmp_path):
    project = tmp_path / "p.db"
    report = tmp_path / "r.txt"
    report.write_text("打造“天生云阳”区域公用品牌和云阳洋农村电商品牌,编号ABC-123。", encoding="utf-8")
    assert run("import", "-p", project, report).exit_code == 0
    names = tmp_path / "brands.txt"
    names.write_text("# our brands\n天生云阳\n云阳洋\n\n", encoding="utf-8")
    patterns = tmp_path / "codes.txt"
    patterns.write_text("[A-Z]{3}-\\d+\n(\n", encoding="utf-8")
    result = run("lexicon", "add", "-p", project, "--label", "PROGRAM", names)
    assert result.exit_code == 0 and "2 added" in result.output
    result = run("lexicon", "add", "-p", project, "--label", "PROGRAM", "--patterns", patterns)
    assert result.exit_code == 1 and "1 added" in result.output and "codes.txt:2:" in result.output
    assert "not in the project's schema" in run("lexicon", "add", "-p", project, "--label", "NOPE", names).output
    assert run("suggest", "-p", project).exit_code == 0
    exported = tmp_path / "out.jsonl"
    assert run("export", "-p", project, "--with-suggestions", "--out", exported).exit_code == 0
    spans = {(s["text"], s["label"]) for s in json.loads(exported.read_text("utf-8"))["spans"]}
    assert {("天生云阳", "PROGRAM"), ("云阳洋", "PROGRAM"), ("ABC-123", "PROGRAM")} <= spans
    assert json.loads(run("lexicon", "list", "-p", project, "--json").output)[0]["value"] == "云阳洋"
    assert "1 removed" in run("lexicon", "remove", "-p", project, "--label", "PROGRAM", "云阳洋").output
    assert "云阳洋" not in run("lexicon", "list", "-p", project).output


def test_bio_export_with_a_label_map_and_import_back(tmp_path):
    project = tmp_path / "p.db"
    assert run("import", "-p", project, CORPUS / "000_37db83bcf6bbd3b4.txt", "--suggest").exit_code == 0
    out = tmp_path / "o.bio"
    result = run("export", "-p", project, "--format", "bio", "--with-suggestions", "--labels", "LOC,PER",
                 "--map", "REGION=LOC,PERSON=PER", "--out", out)
    assert result.exit_code == 0 and "sentences" in result.output
    tags = {line.split("\t")[1] for line in out.read_text("utf-8").splitlines() if line}
    assert tags == {"O", "B-LOC", "I-LOC", "B-PER", "I-PER"}
    again = tmp_path / "q.db"
    result = run("import", "-p", again, "--format", "bio", "--map", "LOC=REGION,PER=PERSON", out)
    assert result.exit_code == 0 and "1 imported" in result.output
    assert run("export", "-p", again, "--format", "bio", "--map", "REGION=LOC,PERSON=PER", "--out",
               tmp_path / "r.bio").exit_code == 0
    assert (tmp_path / "r.bio").read_bytes() == out.read_bytes()
    assert "not FROM=TO" in run("export", "-p", project, "--format", "bio", "--map", "REGION").output


def test_export_split_by_document_with_a_seed_and_import_of_each_format(tmp_path):
    project = tmp_path / "p.db"
    assert run("import", "-p", project, CORPUS, "--suggest").exit_code == 0
    out = tmp_path / "x.jsonl"
    result = run("export", "-p", project, "--format", "spacy", "--with-suggestions", "--split", "60/20/20",
                 "--seed", "3", "--out", out)
    assert result.exit_code == 0, result.output
    parts = {name: [json.loads(line)["meta"]["id"] for line in (tmp_path / f"x-{name}.jsonl").read_text("utf-8").splitlines()]
             for name in ("train", "dev", "test")}
    assert sorted(sum(parts.values(), [])) == [1, 2, 3, 4, 5] and len(parts["train"]) == 3
    again = run("export", "-p", project, "--format", "spacy", "--with-suggestions", "--split", "60/20/20",
                "--seed", "3", "--out", tmp_path / "y.jsonl")
    assert again.exit_code == 0 and (tmp_path / "y-dev.jsonl").read_text("utf-8") == (tmp_path / "x-dev.jsonl").read_text("utf-8")
    for fmt, name in (("doccano", "d.jsonl"), ("labelstudio", "l.json"), ("brat", "b")):
        assert run("export", "-p", project, "--format", fmt, "--with-suggestions", "--out", tmp_path / name).exit_code == 0
        copy = tmp_path / f"{fmt}.db"
        result = run("import", "-p", copy, tmp_path / name)
        assert result.exit_code == 0 and "5 imported" in result.output, result.output
    assert "needs two or three" in run("export", "-p", project, "--format", "bio", "--split", "50").output


def test_indicators_are_the_projects_own(tmp_path):
    from click.testing import CliRunner

    from annotator.cli import cli
    from annotator.core.model import Document
    from annotator.core.store import Project

    path = tmp_path / "p.db"
    with Project.open(path) as p:
        doc = p.add_document(Document(text="新建保障性住房2.5万套。"))
        p.add_span(doc, 7, 12, "METRIC", attrs={"indicator": "住房"})
    runner = CliRunner()
    assert "地区生产总值" in runner.invoke(cli, ["indicators", "list", "-p", str(path)]).output
    result = runner.invoke(cli, ["indicators", "add", "保障性住房", "-p", str(path)])
    assert result.exit_code == 0 and "1 added: 保障性住房" in result.output
    keys = [line.split("\t")[0] for line in runner.invoke(cli, ["indicators", "list", "-p", str(path)]).output.splitlines()]
    assert keys[-2:] == ["保障性住房", "其他"]  # before "other"
    refused = runner.invoke(cli, ["indicators", "remove", "住房", "-p", str(path)])
    assert refused.exit_code == 1 and "metrics use: 住房 (1 metrics)" in refused.output
    assert runner.invoke(cli, ["indicators", "remove", "保障性住房", "-p", str(path)]).output.strip() == \
        "1 removed: 保障性住房"


def test_label_studio_offsets_and_annotator_options_reach_the_reader(tmp_path):
    from annotator.core.store import Project

    task = {"data": {"text": "😀云阳县委宣传部"}, "annotations": [
        {"completed_by": {"id": 1, "email": "li@example.org"}, "result": [
            {"id": "a", "type": "labels", "value": {"start": 2, "end": 5, "labels": ["REGION"]}}]},
        {"completed_by": {"id": 2, "email": "wang@example.org"}, "result": [
            {"id": "a", "type": "labels", "value": {"start": 2, "end": 9, "labels": ["ORG"]}}]}]}
    (tmp_path / "old.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "p.db"
    result = run("import", tmp_path / "old.json", "-p", db, "--offsets", "utf16", "--annotator", "li@example.org")
    assert result.exit_code == 0, result.output
    assert "1 other annotation not imported (kept by li@example.org" in result.output
    with Project.open(db) as project:
        [doc_id] = project.document_ids()
        assert [(s.text, s.label) for s in project.spans(doc_id)] == [("云阳县", "REGION")]
    assert "code points" in run("import", "--help").output
