"""Merging mentions into events.

Mentions with the same source, target and CAMEO code whose dates fall within a window
report one event. Per key, mentions are taken in date order and grouped greedily: an
event starts at the earliest mention not yet placed and takes every mention up to
``window_days`` later. So an event never spans more than the window (a war reported
daily stays many events), and the grouping depends only on the set of mentions, never
on the order stories arrived in. ``window_days = 0`` is the classic filter of one event
per dyad, code and day. Mentions without a date form one event per key.

Only the keys a batch of stories touched are merged again, so merging runs as stories
arrive and a story coded next week joins the events it repeats.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence

import pandas as pd

Key = tuple[str, str, str]


def event_id(key: Key, first: dt.date | None) -> str:
    day = first.isoformat() if first else "undated"
    return hashlib.sha256("|".join([*key, day]).encode()).hexdigest()[:16]


def group(key: Key, mentions: Sequence[tuple[str, dt.date | None]], window_days: int) -> list[tuple[str, str]]:
    """``(mention_id, event_id)`` for the mentions of one key, given as ``(id, date)``."""
    undated = [m for m, d in mentions if d is None]
    dated = sorted((d, m) for m, d in mentions if d is not None)
    out = [(m, event_id(key, None)) for m in undated]
    start: dt.date | None = None
    for day, mention in dated:
        if start is None or (day - start).days > window_days:
            start = day
        out.append((mention, event_id(key, start)))
    return out


def assign(rows: Iterable[tuple[str, str, str, str, dt.date | None]], window_days: int) -> pd.DataFrame:
    """Event ids for mentions given as ``(mention_id, source, target, cameo, date)``
    rows sorted by key."""
    pairs: list[tuple[str, str]] = []
    key: Key | None = None
    batch: list[tuple[str, dt.date | None]] = []
    for mention, source, target, cameo, day in rows:
        if (source, target, cameo) != key:
            if key is not None:
                pairs += group(key, batch, window_days)
            key, batch = (source, target, cameo), []
        batch.append((mention, _day(day)))
    if key is not None:
        pairs += group(key, batch, window_days)
    return pd.DataFrame(pairs, columns=["mention_id", "event_id"], dtype=object)


def _day(value) -> dt.date | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.date() if isinstance(value, dt.datetime) else value


# One row per event, from its mentions; the first mention (by date, story, sentence)
# gives the descriptive fields, so the result does not depend on insertion order.
_FIRST = "ORDER BY m.date NULLS LAST, m.story_id, m.sentence_idx, m.mention_id"
_EVENTS_SQL = f"""
WITH places AS (
    SELECT event_id, location_name, location_country, location_lat, location_lon, location_feature,
           count(*) AS n
    FROM mentions
    WHERE event_id IN (SELECT event_id FROM _emap) AND location_name IS NOT NULL
    GROUP BY ALL
), loc AS (
    SELECT * FROM places
    QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY n DESC, location_name, location_country) = 1
)
INSERT INTO events
SELECT m.event_id,
       min(m.date), max(m.date),
       first(m.source), first(m.target), first(m.cameo), first(m.root),
       first(m.plover {_FIRST}), first(m.plover_mode {_FIRST}),
       first(m.goldstein), first(m.quad_class),
       count(*), count(DISTINCT coalesce(s.outlet, s.story_id)), count(DISTINCT m.story_id),
       first(m.source_text {_FIRST}), first(m.target_text {_FIRST}),
       first(l.location_name), first(l.location_country), first(l.location_lat), first(l.location_lon),
       first(l.location_feature),
       max(m.confidence),
       first(s.url {_FIRST}),
       list(m.sentence_id {_FIRST}),
       list(DISTINCT m.story_id ORDER BY m.story_id)
FROM mentions m
JOIN stories s USING (story_id)
LEFT JOIN loc l USING (event_id)
WHERE m.event_id IN (SELECT event_id FROM _emap)
GROUP BY m.event_id
"""


def merge_keys(con, keys: pd.DataFrame | None, window_days: int) -> None:
    """Merge again the mentions of ``keys`` (columns source, target, cameo), or of every
    key when ``keys`` is None. Runs inside the caller's transaction."""
    if keys is not None and keys.empty:
        return
    if keys is None:
        where = ""
    else:
        con.register("_keys", keys)
        where = "WHERE (source, target, cameo) IN (SELECT (source, target, cameo) FROM _keys)"
    rows = con.execute(f"SELECT mention_id, source, target, cameo, date FROM mentions {where} "
                       "ORDER BY source, target, cameo").fetchall()
    emap = assign(rows, window_days)
    if keys is None:
        con.execute("DELETE FROM events")
    else:
        con.execute("DELETE FROM events WHERE (source, target, cameo) IN (SELECT (source, target, cameo) FROM _keys)")
        con.unregister("_keys")
    if emap.empty:
        return
    con.register("_emap", emap)
    con.execute("UPDATE mentions SET event_id = _emap.event_id FROM _emap WHERE mentions.mention_id = _emap.mention_id")
    con.execute(_EVENTS_SQL)
    con.unregister("_emap")
