"""Command line for team work: assign, merge, agreement, adjudicate (the same core calls as the window's Team menu)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli import handle_errors, open_project, project_option, require_project
from annotator.core.team import adjudicate as adjudicate_
from annotator.core.team import agreement as agreement_
from annotator.core.team import assign as assign_
from annotator.core.team import merge as merge_


def register(cli: click.Group) -> None:
    for command in (assign_command, merge_command, agreement_command, adjudicate_command):
        cli.add_command(command)


@click.command(name="assign")
@project_option
@click.option("--to", "names", required=True, help="Annotators, comma-separated: alice,bob,carol.")
@click.option("--overlap", default=0.2, show_default=True, help="Share of the reports labelled by more than one "
                                                                 "annotator, for agreement.")
@click.option("--copies", default=2, show_default=True, help="How many annotators label each shared report.")
@click.option("--out", "folder", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the packages (one project file per annotator).")
@click.option("--seed", default=0, show_default=True, help="Which reports are shared (a different seed, others).")
@handle_errors
def assign_command(project_path: Path | None, names: str, overlap: float, copies: int, folder: Path,
                   seed: int) -> None:
    """Split the reports nobody has yet among annotators and write a package for each."""
    with open_project(require_project(project_path, existing=True)) as team:
        plan = assign_.plan(assign_.unassigned(team), [n for n in names.split(",") if n.strip()],
                            overlap=overlap, copies=copies, seed=seed)
        files = assign_.make_packages(team, plan, folder)
        for name, path in files.items():
            click.echo(f"{name}: {len(plan.shares[name])} reports → {path}")
        click.echo(f"{len(plan.shared)} reports go to {copies} annotators each, for agreement")


@click.command(name="merge")
@click.argument("packages", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@project_option
@click.option("--as", "owner", default=None, metavar="NAME",
              help="Whose work a project not made by `assign` is (one package only).")
@handle_errors
def merge_command(packages: tuple[Path, ...], project_path: Path | None, owner: str | None) -> None:
    """Bring annotators' packages back into the team file (all or none; the same package twice changes nothing)."""
    with open_project(require_project(project_path, existing=True)) as team:
        for result in merge_.merge(team, list(packages), annotator=owner):
            if result.get("unchanged"):
                click.echo(f"{result['annotator']}: merged before, nothing new")
            else:
                click.echo(f"{result['annotator']}: {result['documents']} reports, {result['spans']} spans, "
                           f"{result['events']} new events")


@click.command(name="agreement")
@project_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--unfinished", is_flag=True, help="Count reports in progress too, not only those marked done.")
@handle_errors
def agreement_command(project_path: Path | None, as_json: bool, unfinished: bool) -> None:
    """Agreement between annotators on the reports more than one of them finished."""
    statuses = ("done", "in_progress") if unfinished else ("done",)
    with open_project(require_project(project_path, existing=True)) as team:
        result = agreement_.measure(team, statuses)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if not result["pairs"]:
        click.echo("no report was finished by two annotators yet")
        return
    click.echo(f"{result['documents']} reports labelled by more than one of {', '.join(result['annotators'])}")
    click.echo(table(result))
    for c in result["confusions"][:10]:
        click.echo(f"{c['a']} said {c['a_label']} where {c['b']} said {c['b_label']}, {c['times']} times "
                   f"({'、'.join(c['examples'])})")
    m = result["metric_attributes"]
    if m["compared"]:
        click.echo(f"METRIC spans both marked: {m['compared']}; agreeing on " +
                   ", ".join(f"{k} {m[k]['share']:.2f}" for k in agreement_.METRIC_KEYS))


def table(result: dict) -> str:
    def cell(x) -> str:
        return "-" if x is None else f"{x:.2f}"
    lines = ["pair\tlabel\tspans A\tspans B\texact F1\toverlap F1\tkappa\talpha-u"]
    rows = [(f"{p['a']}–{p['b']}", label, c) for p in result["pairs"] for label, c in p["labels"].items()]
    rows += [("all", label, c) for label, c in result["labels"].items()]
    for who, label, c in rows:
        lines.append(f"{who}\t{label}\t{c['a']}\t{c['b']}\t{cell(c['exact_f1'])}\t{cell(c['overlap_f1'])}\t"
                     f"{cell(c['kappa'])}\t{cell(c['alpha_u'])}")
    o = result["overall"]
    lines.append(f"all\tall\t{o['a']}\t{o['b']}\t{cell(o['exact_f1'])}\t{cell(o['overlap_f1'])}\t" +
                 "/".join(f"{k} {cell(v)}" for k, v in result["kappa_by_layer"].items()) + f"\t{cell(o['alpha_u'])}")
    return "\n".join(lines)


@click.command(name="adjudicate")
@project_option
@click.option("--agreed", is_flag=True, help="Copy every place the annotators agree on into the gold layer "
                                             "(where it holds nothing yet).")
@click.option("--document", "doc_id", type=int, default=None, help="One report (default: every report labelled "
                                                                   "by more than one annotator).")
@click.option("--take", "taker", default=None, metavar="NAME",
              help="Settle disagreements with NAME's version (all of them, or the one given by --place).")
@click.option("--place", "place_no", type=int, default=None, help="The disagreement to settle, by its number in "
                                                                 "the list this command prints.")
@handle_errors
def adjudicate_command(project_path: Path | None, agreed: bool, doc_id: int | None, taker: str | None,
                       place_no: int | None) -> None:
    """Settle disagreements into the gold layer; without options, list them."""
    with open_project(require_project(project_path, existing=True)) as team:
        docs = [doc_id] if doc_id is not None else adjudicate_.shared(team)
        if agreed:
            click.echo(f"{adjudicate_.take_agreed(team, docs)} agreed spans copied into the gold layer")
        if taker:
            if place_no is not None and doc_id is None:
                raise click.UsageError("--place needs --document")
            settled = 0
            for d in docs:
                places = adjudicate_.disagreements(team, d)
                chosen = places if place_no is None else [places[place_no - 1]] if 0 < place_no <= len(places) else []
                if place_no is not None and not chosen:
                    raise click.UsageError(f"report {d} has {len(places)} disagreements; --place is 1 to {len(places)}")
                for place in chosen:
                    adjudicate_.take(team, d, place, taker)
                    settled += 1
            click.echo(f"{settled} disagreements settled with {taker}'s version")
        if agreed or taker:
            return
        for d in docs:
            text = team.text(d)
            places = adjudicate_.disagreements(team, d)
            if not places and doc_id is None:
                continue
            click.echo(f"report {d}: {len(places)} disagreements")
            for n, place in enumerate(places, 1):
                gold = place.matching(team.spans(d))
                versions = "; ".join(f"{a}: " + (", ".join(f"{s.label} {s.text}" for s in spans) or "nothing")
                                     for a, spans in place.versions.items())
                click.echo(f"  {n}. {text[place.start:place.end]!r} — {versions}"
                           + (f" (gold now: as {', '.join(gold)})" if gold else ""))
