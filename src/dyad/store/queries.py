"""The usual questions, each a function returning a pandas DataFrame.

Every filter becomes a bound parameter, never SQL text: a quote in a filter value is
just a character. Actor filters take a country (``RUS``: any Russian actor), a full
code (``RUSGOV``, which also matches finer codes such as ``RUSGOVMIL``) or a pattern
with ``*`` for any run of three-letter parts (``*GOV``: any government).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields

import pandas as pd

from ..errors import InputError
from .db import scalar

PERIODS = ("day", "week", "month", "year")
_PART = "(?:[A-Z0-9]{3})"
_QUADS = "count(*) FILTER (WHERE {a}quad_class = 1) AS verbal_coop, " \
         "count(*) FILTER (WHERE {a}quad_class = 2) AS material_coop, " \
         "count(*) FILTER (WHERE {a}quad_class = 3) AS verbal_conflict, " \
         "count(*) FILTER (WHERE {a}quad_class = 4) AS material_conflict"


def actor_pattern(value: str) -> str:
    """The regular expression an actor filter stands for (see the module docstring)."""
    v = value.strip().upper()
    if not re.fullmatch(r"[A-Z0-9*]+", v) or any(len(piece) % 3 for piece in v.split("*")):
        raise InputError(f"actor filter {value!r} is not an actor code",
                         "give a country (RUS), a code made of three-letter parts (RUSGOV) or a pattern such as *GOV")
    body = v.replace("*", f"{_PART}*")
    return f"^{body}" + ("" if v.endswith("*") else f"{_PART}*") + "$"


@dataclass
class Filters:
    """What ``dyad events`` and the analysis commands can filter on."""

    source: str | None = None  # actor filter on the source
    target: str | None = None  # actor filter on the target
    actor: str | None = None  # actor filter on either side
    root: str | None = None  # CAMEO root, e.g. "19"
    code: str | None = None  # CAMEO code, e.g. "193"
    plover: str | None = None  # PLOVER type, e.g. "ASSAULT"
    quad_class: int | None = None  # 1 to 4
    since: str | None = None  # first date, YYYY-MM-DD
    until: str | None = None  # last date, YYYY-MM-DD
    text: str | None = None  # words that a reporting sentence must contain
    # False (the web API): an actor value that is no actor code matches nothing instead of
    # raising InputError, so a form field holding any text gives an empty answer, not an error.
    strict: bool = True

    @classmethod
    def of(cls, **given) -> Filters:
        names = {f.name for f in fields(cls)} - {"strict"}
        unknown = set(given) - names - {"strict"}
        if unknown:
            raise InputError(f"unknown filter(s): {', '.join(sorted(unknown))}", f"filters are: {', '.join(sorted(names))}")
        return cls(**{k: v for k, v in given.items() if v not in (None, "")})

    def where(self, alias: str = "e", mentions: bool = False) -> tuple[str, list]:
        """SQL conditions and their parameters, for the table aliased ``alias``
        (events, or mentions when ``mentions`` is true)."""
        a = f"{alias}."
        conds, params = [], []

        def add(sql, *values):
            conds.append(sql)
            params.extend(values)

        if self.source:
            add(f"regexp_full_match({a}source, ?)", self._actor(self.source))
        if self.target:
            add(f"regexp_full_match({a}target, ?)", self._actor(self.target))
        if self.actor:
            p = self._actor(self.actor)
            add(f"(regexp_full_match({a}source, ?) OR regexp_full_match({a}target, ?))", p, p)
        if self.root:
            add(f"{a}root = ?", _digits(self.root, "root", 2))
        if self.code:
            add(f"{a}cameo = ?", _digits(self.code, "code", 2, 3, 4))
        if self.plover:
            add(f"upper({a}plover) = ?", self.plover.strip().upper())
        if self.quad_class:
            add(f"{a}quad_class = ?", _quad(self.quad_class))
        if self.since:
            add(f"{a}date >= ?", _day(self.since, "since"))
        if self.until:
            add(f"{a}date <= ?", _day(self.until, "until"))
        for word in (self.text or "").split():
            like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            if mentions:
                add(f"EXISTS (SELECT 1 FROM sentences s WHERE s.sentence_id = {a}sentence_id "
                    "AND s.text ILIKE ? ESCAPE '\\')", like)
            else:
                add(f"EXISTS (SELECT 1 FROM mentions m JOIN sentences s USING (sentence_id) "
                    f"WHERE m.event_id = {a}event_id AND s.text ILIKE ? ESCAPE '\\')", like)
        return (" AND ".join(conds) or "TRUE"), params

    def _actor(self, value: str) -> str:
        try:
            return actor_pattern(value)
        except InputError:
            if self.strict:
                raise
            return _NOTHING


# A regular expression that matches no string at all (text after the end), so a lenient
# filter on a value that is no code keeps no event; still a bound parameter like any other.
_NOTHING = "^$NOTHING"


def _digits(value, name: str, *lengths: int) -> str:
    v = str(value).strip()
    if not (v.isdigit() and len(v) in lengths):
        raise InputError(f"--{name} {value!r} is not a CAMEO {name}", "write it with its leading zero, e.g. 04 or 042")
    return v


def _quad(value) -> int:
    try:
        q = int(value)
    except (TypeError, ValueError):
        q = 0
    if q not in (1, 2, 3, 4):
        raise InputError(f"QuadClass {value!r} is not 1, 2, 3 or 4",
                         "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    return q


def _day(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"--{name} {value!r} is not a date", "write it as YYYY-MM-DD, e.g. 2015-10-15") from None


def _period(period: str) -> str:
    if period not in PERIODS:
        raise InputError(f"period {period!r} is not one of {', '.join(PERIODS)}", None)
    return period


_EVENT_COLUMNS = ("event_id, date, source, cameo, target, plover, goldstein, quad_class, num_mentions, num_sources, "
                  "num_articles, source_text, target_text, location_name, location_country, location_lat, "
                  "location_lon, last_date, root, plover_mode, location_feature, confidence, source_url, "
                  "sentence_ids, story_ids")
SORTS = {"date": "date", "source": "source", "target": "target", "cameo": "cameo", "goldstein": "goldstein",
         "num_mentions": "num_mentions", "num_articles": "num_articles", "num_sources": "num_sources"}


def events(con, filters: Filters, limit: int | None = None, offset: int = 0, sort: str = "date",
           descending: bool = False) -> pd.DataFrame:
    """Merged events, in date order (or ``sort``), with every column of ``events``."""
    where, params = filters.where("e")
    if sort not in SORTS:
        raise InputError(f"cannot sort by {sort!r}", f"sort by one of: {', '.join(SORTS)}")
    order = f"{SORTS[sort]} {'DESC' if descending else 'ASC'} NULLS LAST, event_id"
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    return con.execute(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE {where} ORDER BY {order}{page}", params).df()


def count_events(con, filters: Filters) -> int:
    where, params = filters.where("e")
    return scalar(con, f"SELECT count(*) FROM events e WHERE {where}", params)


def event(con, event_id: str) -> dict | None:
    """One event and every mention of it, each with its sentence and story."""
    found = con.execute(f"SELECT {_EVENT_COLUMNS} FROM events WHERE event_id = ?", [event_id]).df()
    if found.empty:
        return None
    mentions_of = con.execute("""
        SELECT m.*, s.text AS sentence, s.start_char AS sentence_start, st.title, st.outlet, st.url, st.date AS story_date
        FROM mentions m JOIN sentences s USING (sentence_id) JOIN stories st ON st.story_id = m.story_id
        WHERE m.event_id = ? ORDER BY m.date NULLS LAST, m.story_id, m.sentence_idx, m.mention_id""", [event_id]).df()
    return {"event": found.iloc[0].to_dict(), "mentions": mentions_of}


def mentions(con, filters: Filters, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
    """Raw mentions (one per sentence that stated an event), with their sentence text."""
    where, params = filters.where("m", mentions=True)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    return con.execute(f"""
        SELECT m.*, s.text AS sentence FROM mentions m JOIN sentences s USING (sentence_id)
        WHERE {where} ORDER BY m.date NULLS LAST, m.story_id, m.sentence_idx, m.mention_id{page}""", params).df()


LEVELS = ("code", "country")


def _events_by(level: str) -> str:
    """The events table with ``src`` and ``tgt``: the actor codes themselves, or their
    countries (codes without one, such as IGOUNO, stay whole)."""
    if level not in LEVELS:
        raise InputError(f"cannot group actors by {level!r}", f"group by one of: {', '.join(LEVELS)}")
    if level == "code":
        return "(SELECT *, source AS src, target AS tgt FROM events)"
    return """(SELECT ev.*, coalesce(sa.country, ev.source) AS src,
                      CASE WHEN ev.target = '' THEN '' ELSE coalesce(ta.country, ev.target) END AS tgt
               FROM events ev LEFT JOIN actors sa ON sa.code = ev.source LEFT JOIN actors ta ON ta.code = ev.target)"""


def dyads(con, filters: Filters, period: str = "month", by: str = "code") -> pd.DataFrame:
    """Per directed dyad and period: events, Goldstein sum and mean, counts per QuadClass.
    ``by="country"`` counts Russia's government and army as Russia."""
    where, params = filters.where("e")
    p = _period(period)
    return con.execute(f"""
        SELECT src AS source, tgt AS target, CAST(date_trunc('{p}', date) AS DATE) AS period, count(*) AS events,
               round(sum(goldstein), 3) AS goldstein_sum, round(avg(goldstein), 3) AS goldstein_mean,
               {_QUADS.format(a='')}
        FROM {_events_by(by)} e WHERE {where} AND date IS NOT NULL AND target <> ''
        GROUP BY ALL ORDER BY period, events DESC, source, target""", params).df()


def actors(con, filters: Filters, limit: int | None = 20, by: str = "code") -> pd.DataFrame:
    """The most active actors: events as source, as target, in all; mean Goldstein of
    what they do and of what is done to them."""
    where, params = filters.where("e")
    top = f" LIMIT {int(limit)}" if limit else ""
    table = _events_by(by)
    return con.execute(f"""
        WITH sides AS (
            SELECT src AS actor, 1 AS as_source, 0 AS as_target, goldstein FROM {table} e WHERE {where}
            UNION ALL
            SELECT tgt, 0, 1, goldstein FROM {table} e WHERE {where} AND target <> ''
        )
        SELECT actor, coalesce(a.label, '') AS label, CAST(sum(as_source) AS INTEGER) AS as_source, CAST(sum(as_target) AS INTEGER) AS as_target,
               count(*) AS events,
               round(avg(goldstein) FILTER (WHERE as_source = 1), 3) AS goldstein_as_source,
               round(avg(goldstein) FILTER (WHERE as_target = 1), 3) AS goldstein_as_target
        FROM sides LEFT JOIN actors a ON a.code = sides.actor
        GROUP BY ALL ORDER BY events DESC, actor{top}""", params + params).df()


def network(con, filters: Filters, min_events: int = 1, by: str = "code") -> pd.DataFrame:
    """A weighted directed edge list: one row per source -> target."""
    where, params = filters.where("e")
    return con.execute(f"""
        SELECT src AS source, tgt AS target, count(*) AS events, round(sum(goldstein), 3) AS goldstein_sum,
               round(avg(goldstein), 3) AS goldstein_mean, CAST(sum(num_mentions) AS INTEGER) AS mentions,
               {_QUADS.format(a='')}
        FROM {_events_by(by)} e WHERE {where} AND target <> '' AND src <> tgt
        GROUP BY ALL HAVING count(*) >= ? ORDER BY events DESC, source, target""", params + [int(min_events)]).df()
