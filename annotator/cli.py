"""Command line: a thin layer over annotator.core, one command per core function.

User errors (AnnotatorError) print one plain line and exit 1; anything else is
logged with its traceback to the user log directory and reported in one line.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import click

from annotator import __version__
from annotator.core import paths
from annotator.core.annotators import check_name
from annotator.core.demo import demo_project
from annotator.core.importer import import_paths
from annotator.core.interchange.bio import parse_tag_names
from annotator.core.interchange.formats import EXPORTS, IMPORT_FORMATS
from annotator.core.interchange.labelstudio import OFFSETS as LABEL_STUDIO_OFFSETS
from annotator.core.interchange.records import parse_map
from annotator.core.model import STATUSES, AnnotatorError
from annotator.core.schema import load_schema, schema_to_dict
from annotator.core.store import Project

log = logging.getLogger("annotator")
project_option = click.option("--project", "-p", "project_path", type=click.Path(dir_okay=False, path_type=Path),
                              help="Project file (.db). Created if it does not exist.")


def handle_errors(fn):
    """Turn user errors into one line and crashes into a logged traceback."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except AnnotatorError as exc:
            raise click.ClickException(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # the reader went away (`annotator list | head`): not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as exc:  # a bug: keep the details, show one line
            log.exception("unexpected error")
            raise click.ClickException(
                f"unexpected error ({type(exc).__name__}: {exc}); details in {paths.log_file()}") from None
    return wrapper


def open_project(path: Path) -> Project:
    """Project.open, saying what opening repaired (as the window does)."""
    project = Project.open(path)
    for message in project.repairs:
        click.echo(f"repaired on opening: {message}", err=True)
    return project


def require_project(project_path: Path | None, *, existing: bool = False) -> Path:
    if project_path is None:
        raise click.UsageError("give the project file with --project FILE")
    if existing and not project_path.exists():
        raise AnnotatorError(f"no project file at {project_path}")
    return project_path


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="annotator")
@project_option
@click.option("--annotator", "annotator_name", envvar="ANNOTATOR", default=None, metavar="NAME",
              help="Who is labelling: stored with every span and event (default: $ANNOTATOR, else the user name).")
@click.pass_context
def cli(ctx: click.Context, project_path: Path | None, annotator_name: str | None) -> None:
    """Label entities and metrics in Chinese reports.

    Without a command: open the annotation window on the last project used
    (the demo project, made from the bundled reports, the first time).
    """
    paths.setup_logging()
    if annotator_name is not None:
        try:  # the environment carries it to what this starts (the window's training process)
            os.environ["ANNOTATOR"] = check_name(annotator_name)
        except AnnotatorError as exc:
            raise click.BadParameter(str(exc), param_hint="--annotator") from None
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui_command, project_path=project_path or last_project(), open_document=None, screenshot=None,
                   quit_when_shown=False)


def last_project() -> Path:
    from annotator.ui.app import settings  # Qt only when the window is wanted

    last = settings().value("last_project", "")
    return Path(last) if last and Path(last).exists() else demo_project()


@cli.command(name="gui")
@project_option
@click.option("--open", "open_document", type=int, help="Document id to show first.")
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a PNG of the window and quit (works offscreen).")
@click.option("--quit-when-shown", is_flag=True, hidden=True, help="Quit once the window is up (start-up timing).")
@handle_errors
def gui_command(project_path: Path | None, open_document: int | None, screenshot: Path | None,
                quit_when_shown: bool = False) -> None:
    """Open the annotation window."""
    from annotator.ui.app import run

    sys.exit(run(project_path or last_project(), open_document=open_document, screenshot=screenshot,
                 quit_when_shown=quit_when_shown))


@cli.command(name="list")
@project_option
@handle_errors
def list_command(project_path: Path | None) -> None:
    """The project's documents: id, status, date, source, title."""
    with open_project(require_project(project_path, existing=True)) as project:
        for row in project.progress():
            click.echo(f"{row['document_id']:>5}  {row['status']:<11} {row['published'] or '-':<19} "
                       f"{pad(row['source'] or '-', 18)} {row['title']}")


def pad(text: str, width: int) -> str:
    """Left-align in a terminal where CJK characters take two columns."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)


def print_stats(project: Project, *, as_json: bool) -> None:
    from annotator.core.team import progress

    stats = project.stats()
    team = progress.progress(project)
    if as_json:
        click.echo(json.dumps({"project": str(project.path), **stats, "annotators": team["annotators"]},
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"Project {project.path}")
    click.echo(f"Documents {stats['documents']}: " +
               ", ".join(f"{status} {n}" for status, n in stats["by_status"].items()))
    click.echo(f"Spans {stats['spans']}: " + ", ".join(f"{label} {n}" for label, n in stats["by_label"].items()))
    if stats["suggestions"]:
        click.echo(f"Suggestions waiting: {stats['suggestions']}")
    for name, who in team["annotators"].items():
        speed = f", {who['labels_per_hour']} an hour" if who["labels_per_hour"] else ""
        reports = ", ".join(f"{s} {n}" for s, n in who["reports"].items() if n)
        click.echo(f"{name or '(no name)'}: {sum(who['spans'].values())} spans{'; reports ' + reports if reports else ''}; "
                   f"{who['labels']} labels made in {who['active_hours']:.1f} h{speed}")


@cli.command(name="import")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@project_option
@click.option("--raw", is_flag=True, help="Keep pages as they are: no removal of navigation and footers.")
@click.option("--max-size", default=20, show_default=True, help="Largest report to accept, in MB.")
@click.option("--suggest", "with_suggestions", is_flag=True, help="Pre-annotate the new reports.")
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), default="auto", show_default=True,
              help="auto: found from each file (.bio, .bmes, .iob, .conll, a first line of a character and "
                   "a tag, .ann or a folder of them, the first JSON record); "
                   "reports: pages and native JSONL; bio, hf, doccano, spacy, labelstudio, brat; prodigy "
                   "(answers decide: accept → spans, reject → rejections, ignore → left out); cluener; "
                   "doccano-graphemes (a doccano project counting grapheme clusters as one character).")
@click.option("--map", "label_map", default="", help="Rename the file's labels, e.g. PER=PERSON,LOC=REGION.")
@click.option("--add-labels", is_flag=True, help="Add labels the schema lacks (as entity labels), and span "
                                                   "attributes their labels lack, instead of skipping the "
                                                   "records that use them.")
@click.option("--tags", "tag_names", default=None,
              help="hf: the names of the tag numbers in number order (O,B-PER,I-PER,…), or a file of them, "
                   "for files written without their labels.json (datasets' to_json).")
@click.option("--offsets", type=click.Choice(LABEL_STUDIO_OFFSETS), default=None,
              help="Label Studio regions without value.text: start/end in code points (the default; "
                   "Label Studio since late 2021) or UTF-16 units (older Label Studio).")
@click.option("--annotator", default=None, help="Label Studio: take each task's annotation by this annotator "
                                                "(email or id) instead of the ground truth or the last.")
@click.option("--status", type=click.Choice(STATUSES), default=None,
              help="Give every imported report this status, e.g. done for gold whose spans are confirmed labels "
                   "(the learnt source trains on reports marked done).")
@handle_errors
def import_command(inputs: tuple[Path, ...], project_path: Path | None, raw: bool, max_size: int,
                   with_suggestions: bool, fmt: str, label_map: str, add_labels: bool, tag_names: str | None,
                   offsets: str | None, annotator: str | None, status: str | None) -> None:
    """Import reports: .txt, .md, .html/.htm, .docx, .pdf (with a text layer) and .jsonl files, and folders
    of them (recursively); and labelled data from other tools: BIO/BIOES, doccano, spaCy/Prodigy, Label
    Studio, brat and CLUENER (found from each file, or named with --format; rename their labels with --map).

    Labels that are not keys become keys (Date → DATE, PER.NAM → PER_NAM), said in the notes.

    Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5;
    Japanese and Korean files are refused, naming their encoding.
    Files already in the project are reported as duplicates and not added
    again. Bad files and lines are skipped with a reason; the exit status is
    1 when anything was skipped for an error.
    """
    names = parse_tag_names(tag_names) if tag_names else None  # before the project is made or opened
    with open_project(require_project(project_path)) as project:
        with click.progressbar(length=1, label="Importing", file=sys.stderr) as bar:
            def progress(done: int, total: int) -> None:
                bar.length = max(total, 1)
                bar.update(done - bar.pos)
            report = import_paths(project, list(inputs), raw=raw, max_bytes=max_size * 1024 * 1024,
                                  on_progress=progress, fmt=fmt, label_map=parse_map(label_map),
                                  add_labels=add_labels, options={k: v for k, v in (
                                      ("offsets", offsets), ("annotator", annotator), ("tag_names", names))
                                      if v is not None}, status=status)
        if with_suggestions and report.imported:
            added = project.suggest(report.imported, on_warning=lambda text: click.echo(text, err=True))
            click.echo(f"{added} suggestions added")
    for item in report.duplicates:
        click.echo(f"duplicate: {item}", err=True)
    for item in report.problems:
        click.echo(f"skipped: {item}", err=True)
    for item in report.notes:
        click.echo(f"note: {item}", err=True)
    if report.labels_added:
        click.echo(f"labels added to the schema: {', '.join(report.labels_added)}")
    if report.attributes_added:
        click.echo(f"attributes added to the schema: {', '.join(report.attributes_added)}")
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


@cli.command(name="export")
@project_option
@click.option("--format", "fmt", type=click.Choice(list(EXPORTS)), default="native", show_default=True,
              help="; ".join(f"{k}: {v.description}" for k, v in EXPORTS.items()) + ".")
@click.option("--status", type=click.Choice(STATUSES), help="Only documents with this status.")
@click.option("--out", type=click.Path(path_type=Path),
              help="Output file. Default: exports/<project>-<format>.jsonl (.txt for bio); "
                   "metrics writes both .jsonl and .csv.")
@click.option("--with-suggestions", is_flag=True, help="Include suggestions not yet accepted.")
@click.option("--labels", default="", help="Only these labels, comma-separated (names after --map).")
@click.option("--annotator", default=None, help="Only spans by this annotator.")
@click.option("--layer", default="gold", show_default=True,
              help="In a team file: gold (the project's own, adjudicated spans), an annotator's name (their merged "
                   "versions, with their status) or all (native only: every annotator's versions, each span with its "
                   "annotator).")
@click.option("--map", "label_map", default="", help="Rename labels, e.g. PERSON=PER,REGION=LOC.")
@click.option("--char-tokens", is_flag=True, help="spacy-docbin: one token per character instead of jieba's words.")
@click.option("--sentences", is_flag=True, help="One record per sentence, offsets counted from its start.")
@click.option("--split", default=None, help="Write train/dev/test files by document, e.g. 80/10/10 (or 90/10).")
@click.option("--seed", default=0, show_default=True, help="Shuffling seed of --split: same seed, same split.")
@handle_errors
def export_command(project_path: Path | None, fmt: str, status: str | None, out: Path | None,
                   with_suggestions: bool, labels: str, annotator: str | None, layer: str, label_map: str,
                   char_tokens: bool, sentences: bool, split: str | None, seed: int) -> None:
    """Export labels. Every span is checked against its text before anything is written."""
    from annotator.core.interchange import bio, formats
    from annotator.core.interchange import records

    selection = records.Selection(status=status, with_suggestions=with_suggestions, annotator=annotator,
                                  labels=frozenset(filter(None, (x.strip() for x in labels.split(",")))) or None,
                                  label_map=parse_map(label_map), sentences=sentences)
    with open_project(require_project(project_path, existing=True)) as project:
        selection = replace(selection, layer=records.layer(project, layer))
        targets = [out or formats.default_target(project, fmt)]
        if fmt == "metrics" and out is None:  # both tables by default: JSONL for code, CSV for spreadsheets
            targets.append(targets[0].with_suffix(".csv"))
        unit = "sentences" if sentences else formats.EXPORTS[fmt].unit
        for target in targets:
            for path, count in formats.export(project, fmt, target, selection, split=split, seed=seed,
                                              char_tokens=char_tokens):
                extra = f"; tag names in {bio.labels_path(path)}" if fmt == "hf" else ""
                click.echo(f"{path}: {count} {unit}{extra}")


@cli.command(name="suggest")
@project_option
@click.option("--document", "documents", type=int, multiple=True, help="Only this document (repeatable).")
@click.option("--again", is_flag=True, help="Replace the suggestions still pending (after training the learnt "
                                            "source, say); accepted and rejected ones stay as they are.")
@handle_errors
def suggest_command(project_path: Path | None, documents: tuple[int, ...], again: bool) -> None:
    """Pre-annotate reports, with the learnt source when the project has one (`annotator train`).
    Accepted and rejected decisions are never touched; a place once rejected is not suggested again,
    and a text rejected more often than accepted comes back less sure; entities accepted anywhere are
    suggested everywhere."""
    with open_project(require_project(project_path, existing=True)) as project:
        added = project.suggest(list(documents) or None, on_warning=lambda text: click.echo(text, err=True),
                                again=again)
        click.echo(f"{added} suggestions added")


@cli.command(name="train")
@project_option
@click.option("--folds", default=5, show_default=True, help="k of the k-fold score on the project's done reports "
                                                           "(1: no score, only the model).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def train_command(project_path: Path | None, folds: int, as_json: bool) -> None:
    """Train the learnt source on the reports marked done (their spans are the labels, the rest of
    their text is not a span) and store it in the project: later suggestions use it. Prints its
    k-fold score on those reports beside the rules alone on the same reports."""
    from annotator.core.learn.training import train_project

    with open_project(require_project(project_path, existing=True)) as project:
        with click.progressbar(length=folds + 1, label="Training", file=sys.stderr) as bar:
            def progress(done: int, total: int) -> bool:
                bar.update(done - bar.pos)
                return True
            info = train_project(project, folds=folds, on_progress=progress)
    if as_json:
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    click.echo(model_summary(info))


def model_summary(info: dict) -> str:
    """What `train` prints: the model and its k-fold figures beside the rules alone."""
    lines = [f"trained {info['trained_at']} on {info['spans']} spans in {info['reports']} reports marked done "
             f"({', '.join(info['labels'])}) in {info['seconds']} s"]
    scores = info.get("scores")
    if scores:
        rules, learnt = scores["rules"], scores["learnt"]
        lines.append(f"{scores['folds']}-fold exact F1 on those reports (trained on the others each time):")
        lines.append(f"  {'label':<9} {'rules':>6} {'+learnt':>8}")
        for label in sorted(learnt["labels"]):
            lines.append(f"  {label:<9} {rules['labels'][label]['exact']['f1']:>6.2f} "
                         f"{learnt['labels'][label]['exact']['f1']:>8.2f}")
        lines.append(f"  {'overall':<9} {rules['overall']['exact']['f1']:>6.2f} {learnt['overall']['exact']['f1']:>8.2f}")
        lines.append(f"  actions per gold span: {rules['actions_per_gold_span']:.2f} rules, "
                     f"{learnt['actions_per_gold_span']:.2f} with the learnt source")
    return "\n".join(lines)


@cli.command(name="evaluate")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold JSONL: text and spans (start, end, label).")
@click.option("--map", "label_map", default="", help="Gold labels to ours, e.g. PER=PERSON,LOC=REGION,ORG=ORG.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--errors", is_flag=True, help="Also list every missed, wrong and mis-edged suggestion.")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Also score with the learnt source of this project (`annotator train`): rules alone, then "
                   "rules + learnt.")
@handle_errors
def evaluate_command(gold_path: Path, label_map: str, as_json: bool, errors: bool, model_path: Path | None) -> None:
    """Score the suggesters against gold: precision, recall, F1 per label (exact and overlap),
    and actions per gold span (accept or reject 1, fix an edge 2, add a missed span 3)."""
    from annotator.core.evaluate import error_lines, evaluate, parse_map, table

    runs = {"rules": None}
    if model_path is not None:
        with open_project(model_path) as source:
            layers, info = source.models.load()
        if not layers:
            raise AnnotatorError(f"{model_path} has no learnt model: run `annotator train -p {model_path}` first")
        runs["rules + learnt"] = (layers, info)
    results = {name: evaluate(gold_path, parse_map(label_map), model=model) for name, model in runs.items()}
    if as_json:
        out = {}
        for name, result in results.items():
            out[name] = data = result.as_dict()
            if errors:
                data["errors"] = [dict(zip(("document", "label", "kind", "suggested", "gold"), e))
                                  for e in sorted(result.errors)]
        click.echo(json.dumps(out if model_path else out["rules"], indent=2, ensure_ascii=False))
        return
    for name, result in results.items():
        if model_path:
            click.echo(f"{name}:")
        click.echo(table(result))
        if errors:
            click.echo("\n".join(["", "document\tlabel\tkind\tsuggested\tgold", *error_lines(result)]))


@cli.command(name="stats")
@project_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with the figures per annotator).")
@click.option("--csv", "as_csv", is_flag=True, help="Print a table per annotator: reports by status, spans by "
                                                  "label, labels made, active hours, labels per hour.")
@handle_errors
def stats_command(project_path: Path | None, as_json: bool, as_csv: bool) -> None:
    """Documents by status and spans by label; per annotator, their progress and speed."""
    from annotator.core.team import progress

    with open_project(require_project(project_path, existing=True)) as project:
        if as_csv:
            import csv
            csv.writer(sys.stdout, lineterminator="\n").writerows(progress.rows(progress.progress(project)))
            return
        print_stats(project, as_json=as_json)


@cli.group(name="schema")
def schema_group() -> None:
    """Show or replace the project's label schema."""


@schema_group.command(name="show")
@project_option
@handle_errors
def schema_show(project_path: Path | None) -> None:
    """Print the project's schema as JSON."""
    with open_project(require_project(project_path, existing=True)) as project:
        click.echo(json.dumps(schema_to_dict(project.schema), ensure_ascii=False, indent=2))


@schema_group.command(name="load")
@click.argument("schema_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@project_option
@handle_errors
def schema_load(schema_file: Path, project_path: Path | None) -> None:
    """Replace the project's schema with SCHEMA_FILE (TOML or YAML), after checking it."""
    schema = load_schema(schema_file)
    with open_project(require_project(project_path)) as project:
        project.set_schema(schema)
        click.echo(f"schema {schema.name!r} loaded: {len(schema.labels)} labels, "
                   f"{len(schema.indicators)} indicators")


@cli.group(name="indicators")
def indicators_group() -> None:
    """The project's list of indicators (what a metric measures)."""


@indicators_group.command(name="list")
@project_option
@handle_errors
def indicators_list(project_path: Path | None) -> None:
    """Every indicator, in order, with its English name."""
    with open_project(require_project(project_path, existing=True)) as project:
        for indicator in project.schema.indicators:
            click.echo(f"{indicator.key}\t{indicator.name_en}")


@indicators_group.command(name="add")
@click.argument("names", nargs=-1, required=True)
@project_option
@handle_errors
def indicators_add(names: tuple[str, ...], project_path: Path | None) -> None:
    """Add NAMES to the project's indicators."""
    with open_project(require_project(project_path, existing=True)) as project:
        added = project.add_indicators(list(names))
    click.echo(f"{len(added)} added" + (f": {', '.join(added)}" if added else ""))


@indicators_group.command(name="remove")
@click.argument("names", nargs=-1, required=True)
@project_option
@handle_errors
def indicators_remove(names: tuple[str, ...], project_path: Path | None) -> None:
    """Remove NAMES from the project's indicators (refused while metrics use them)."""
    with open_project(require_project(project_path, existing=True)) as project:
        have = [i.key for i in project.schema.indicators]
        project.set_indicators([k for k in have if k not in names])
    removed = [n for n in dict.fromkeys(names) if n in have]
    click.echo(f"{len(removed)} removed" + (f": {', '.join(removed)}" if removed else ""))


@cli.group(name="lexicon")
def lexicon_group() -> None:
    """The team's word lists and patterns per label, suggested in every report."""


@lexicon_group.command(name="add")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--label", required=True, help="The label the names get, e.g. ORG.")
@click.option("--patterns", is_flag=True, help="Lines are regular expressions, not names.")
@project_option
@handle_errors
def lexicon_add(files: tuple[Path, ...], label: str, patterns: bool, project_path: Path | None) -> None:
    """Add names (one per line; # starts a comment) or patterns from FILES to LABEL. Bad lines are
    reported with their number and the rest is added; run `annotator suggest` to use them."""
    problems = []
    with open_project(require_project(project_path, existing=True)) as project:
        for path in files:
            report = project.add_lexicon_file(path, label, "pattern" if patterns else "name")
            click.echo(f"{path}: {report.added} added, {report.already} already there")
            problems += report.problems
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        sys.exit(1)


@lexicon_group.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@project_option
@handle_errors
def lexicon_list(as_json: bool, project_path: Path | None) -> None:
    """Every entry: label, kind (name or pattern) and value."""
    with open_project(require_project(project_path, existing=True)) as project:
        rows = project.lexicon_entries()
    if as_json:
        click.echo(json.dumps([dict(zip(("label", "kind", "value"), r)) for r in rows], ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(f"{label}\t{kind}\t{value}" for label, kind, value in rows) or "no entries")


@lexicon_group.command(name="remove")
@click.argument("values", nargs=-1)
@click.option("--label", required=True, help="The label whose entries go.")
@project_option
@handle_errors
def lexicon_remove(values: tuple[str, ...], label: str, project_path: Path | None) -> None:
    """Remove VALUES from LABEL (every entry of LABEL when none are given)."""
    with open_project(require_project(project_path, existing=True)) as project:
        click.echo(f"{project.remove_lexicon(label, list(values) or None)} removed")


from annotator import cli_team  # noqa: E402  (its commands join the group above)

cli_team.register(cli)


def main() -> None:
    cli(prog_name="annotator")
