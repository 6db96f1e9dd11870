"""Writing coded stories into the store.

Stories are written in batches, one transaction per batch: a story's row, sentences and
mentions, the actors they name, and the events of every key the batch touched are
written together or not at all. A run killed at any moment leaves whole stories only;
the next identical command skips what is stored and codes the rest.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlparse

import pandas as pd

from ..lexicon.actor_codes import split as split_code
from ..model import Article, Coded, Event
from . import db, merge, schema
from .db import transaction

_LOOKUP_CHUNK = 500  # story ids checked per query when deciding what to code
_MAX_WAIT = 2.0  # seconds a coded story may wait for its batch to be written


@dataclass
class RunReport:
    """What one run did to the store."""

    new: int = 0  # stories coded for the first time
    recoded: int = 0  # stories whose text or coder changed
    unchanged: int = 0  # stories already coded the same way, skipped
    failed: int = 0  # stories that could not be coded (kept with their error)
    repeated: int = 0  # stories given again in the same run: the last copy is kept
    added: int = 0  # mentions found that were not there before
    removed: int = 0  # mentions gone after re-coding
    events: int = 0  # merged events in the store at the end

    def summary(self) -> str:
        return (f"{self.new} new, {self.recoded} re-coded, {self.unchanged} already coded"
                f"{f', {self.failed} failed' if self.failed else ''}"
                f"{f', {self.repeated} given more than once (the last copy kept)' if self.repeated else ''}; "
                f"event mentions +{self.added} -{self.removed}; {self.events} events in the store")


def text_hash(art: Article) -> str:
    """What a story's events depend on besides the coder: text, title and date."""
    return hashlib.sha256(json.dumps([art.text, art.title, art.date]).encode("utf-8", "surrogatepass")).hexdigest()


def mention_id(story_id: str, e: Event, sentence_start: int) -> str:
    """Identity of a finding: the story, the sentence's text and the offsets within it. A
    revised story keeps the ids of what it still says, wherever the sentence moved."""
    ev = e.evidence
    spans = [x - sentence_start for k in ("trigger", "source", "target") for x in (ev.get(k) or [])]
    parts = [story_id, e.sentence, *spans, e.source, e.target, e.cameo]
    return hashlib.sha256("|".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Writer:
    """Adds coded stories to an open store. ``pending`` filters an article stream down to
    what needs coding; ``add`` takes the coder's results; ``close`` writes the rest."""

    def __init__(self, con, fingerprint: str, window_days: int, batch: int = 32):
        self.con = con
        self.fingerprint = fingerprint
        self.window_days = window_days
        self.batch_size = batch
        self.report = RunReport()
        self._state: dict[str, str] = {}  # story id -> "new" | "recoded", for stories in flight
        self._batch: list[Coded] = []
        self._since = time.monotonic()
        self.started = _utcnow()  # stories stored since then are this run's

    # -- what to code ---------------------------------------------------------------

    def pending(self, articles: Iterable[Article], on_skipped=None) -> Iterator[Article]:
        """The articles that are new or changed since they were stored; counts the rest
        (and shows each to ``on_skipped``)."""
        chunk: list[Article] = []
        for art in articles:
            chunk.append(art)
            if len(chunk) >= _LOOKUP_CHUNK:
                yield from self._pending_chunk(chunk, on_skipped)
                chunk = []
        yield from self._pending_chunk(chunk, on_skipped)

    def _pending_chunk(self, chunk: list[Article], on_skipped) -> Iterator[Article]:
        if not chunk:
            return
        ids = [a.id for a in chunk]
        stored = dict(((sid, (h, fp)) for sid, h, fp in self.con.execute(
            "SELECT story_id, text_hash, fingerprint FROM stories WHERE story_id IN (SELECT unnest(?))", [ids]
        ).fetchall()))
        for art in chunk:
            before = stored.get(art.id)
            if before == (text_hash(art), self.fingerprint):
                self.report.unchanged += 1
                if on_skipped is not None:
                    on_skipped(art)
                continue
            self._state[art.id] = "recoded" if before else "new"
            yield art

    # -- writing --------------------------------------------------------------------

    def add(self, coded: Coded) -> None:
        self._batch.append(coded)
        # A batch is written when full, or when its first story has waited long enough:
        # a slow run (long stories, a busy cluster) must not hold many coded stories.
        if len(self._batch) >= self.batch_size or time.monotonic() - self._since >= _MAX_WAIT:
            self.flush()

    def flush(self) -> None:
        if not self._batch:
            return
        given, self._batch = self._batch, []
        self._since = time.monotonic()
        batch = _last_of_each(given)
        rows = _Rows(batch, self.fingerprint)
        try:
            old, again = self._write(rows)
        except Exception as exc:
            raise db.storage_error(exc, self.con) from None
        self.report.repeated += len(given) - len(batch)
        self._count(batch, old, again, rows)

    def _write(self, rows: _Rows) -> tuple[pd.DataFrame, set[str]]:
        """Replace the batch's stories in one transaction; returns the mentions they had
        (ids and keys) and the stories that this run had already written."""
        for name, frame in rows.frames.items():
            self.con.register(f"_{name}", frame)
        try:
            with transaction(self.con):
                mine = "WHERE story_id IN (SELECT story_id FROM _stories)"
                old = self.con.execute(f"SELECT mention_id, source, target, cameo FROM mentions {mine}").df()
                again = {r[0] for r in self.con.execute(f"SELECT story_id FROM stories {mine} AND coded_at >= ?",
                                                        [self.started]).fetchall()}
                for table in ("mentions", "sentences", "stories"):
                    self.con.execute(f"DELETE FROM {table} {mine}")
                for table in ("stories", "sentences", "mentions"):
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _{table}")
                self.con.execute("INSERT INTO actors BY NAME SELECT * FROM _actors "
                                 "WHERE code NOT IN (SELECT code FROM actors)")
                keys = pd.concat([old[["source", "target", "cameo"]],
                                  rows.frames["mentions"][["source", "target", "cameo"]]])
                merge.merge_keys(self.con, keys.drop_duplicates(), self.window_days)
        finally:
            for name in rows.frames:
                self.con.unregister(f"_{name}")
        return old, again

    def _count(self, batch: list[Coded], old: pd.DataFrame, again: set[str], rows: _Rows) -> None:
        before, after = set(old["mention_id"]), set(rows.frames["mentions"]["mention_id"])
        self.report.added += len(after - before)
        self.report.removed += len(before - after)
        for c in batch:
            state = self._state.pop(c.article.id, "new")
            if c.article.id in again:
                self.report.repeated += 1
                continue
            if c.error:
                self.report.failed += 1
            setattr(self.report, state, getattr(self.report, state) + 1)

    def close(self) -> RunReport:
        self.flush()
        self.report.events = db.scalar(self.con, "SELECT count(*) FROM events")
        return self.report


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _last_of_each(batch: list[Coded]) -> list[Coded]:
    """One record per story id: a story given twice in a run is stored as it came last."""
    return list({c.article.id: c for c in batch}.values())


class _Rows:
    """The rows of a batch of coded stories, as one DataFrame per table."""

    def __init__(self, batch: list[Coded], fingerprint: str):
        now = _utcnow()
        stories, sentences, mentions = [], [], {}
        for c in batch:
            art = c.article
            starts = {s.index: s.start for s in c.sentences}
            found = {} if c.error else {m["mention_id"]: m for m in (_mention(art.id, e, starts.get(e.sentence_id, 0))
                                                                     for e in c.events)}
            mentions.update(found)
            stories.append({
                "story_id": art.id, "text_hash": text_hash(art), "fingerprint": fingerprint, "date": _date(art.date),
                "title": art.title, "outlet": _outlet(art), "url": art.url, "origin": art.origin,
                "n_sentences": len(c.sentences), "n_mentions": len(found), "error": c.error, "coded_at": now,
            })
            if not c.error:
                sentences += [{"sentence_id": f"{art.id}#{s.index}", "story_id": art.id, "idx": s.index,
                               "start_char": s.start, "end_char": s.end, "text": s.text} for s in c.sentences]
        codes = sorted({m[k] for m in mentions.values() for k in ("source", "target") if m[k]})
        self.frames = {
            "stories": _frame(stories, "stories"),
            "sentences": _frame(sentences, "sentences"),
            "mentions": _frame(list(mentions.values()), "mentions"),
            "actors": _frame([_actor(c) for c in codes], "actors"),
        }


def _frame(rows: list[dict], table: str) -> pd.DataFrame:
    cols = [c for c in schema.columns(table) if table != "mentions" or c != "event_id"]
    return pd.DataFrame(rows, columns=cols, dtype=object)


def _mention(story_id: str, e: Event, sentence_start: int) -> dict:
    ev = e.evidence
    loc = e.location or {}
    src, tgt, trig = ev.get("source") or [None, None], ev.get("target") or [None, None], ev.get("trigger") or [None, None]
    return {
        "mention_id": mention_id(story_id, e, sentence_start), "story_id": story_id, "sentence_id": f"{story_id}#{e.sentence_id}",
        "sentence_idx": e.sentence_id, "date": _date(e.date), "source": e.source, "target": e.target or "",
        "cameo": e.cameo, "root": e.cameo[:2], "plover": e.plover, "plover_mode": e.plover_mode,
        "goldstein": e.goldstein, "quad_class": e.quad_class, "source_text": e.source_text,
        "target_text": e.target_text, "trigger_text": ev.get("trigger_text"),
        "source_start": src[0], "source_end": src[1], "target_start": tgt[0], "target_end": tgt[1],
        "trigger_start": trig[0], "trigger_end": trig[1],
        "location_name": loc.get("name"), "location_country": loc.get("country"), "location_lat": loc.get("lat"),
        "location_lon": loc.get("lon"), "location_feature": loc.get("feature"), "location_source": loc.get("source"),
        "rule": e.rule, "confidence": e.confidence, "mood": ev.get("mood"),
        "evidence": json.dumps(ev, ensure_ascii=False, sort_keys=True),
    }


def _actor(code: str) -> dict:
    a = split_code(code)
    return {"code": code, "country": a.country, "sectors": " ".join(a.parts) or None, "label": a.label}


def _outlet(art: Article) -> str | None:
    if art.source:
        return art.source
    host = urlparse(art.url).hostname if art.url else None
    return host.removeprefix("www.") if host else None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
