"""When did an event happen? Resolve date expressions in the event's span.

News reports the past, so relative expressions ("Wednesday", "yesterday", "two days
ago") are read as the most recent such day on or before the story date. Vague or
coarse expressions (a year, a month, "earlier this month", "the 1990s") and
durations ("for two years") say nothing about the day and leave the story date.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from .parse import kids

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_WEEKDAY = re.compile(
    r"^(?:(last|this past|past|this|on|early|late|next|coming)\s+)?"
    r"(" + "|".join(WEEKDAYS) + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?$"
)
# Fixed offsets in days from the story date.
_DAY_WORDS = {
    "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "the day before yesterday": -2, "day before yesterday": -2,
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "overnight": 0, "late last night": -1, "early today": 0,
}
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"several|few|a few|couple|a couple of|many|some)"
_UNIT = r"(?:day|week|month|year|decade|hour|minute|century|centuries)s?"
# "two years", "the past three days", "a two-year": spans of time, not points in it.
_DURATION = re.compile(rf"^(?:more than |less than |nearly |almost |about |over |the )?"
                       rf"(?:(?:past|last|next|first|coming|previous)\s+)?{_NUM}(?:[\s-]+{_UNIT})")
_COARSE = re.compile(r"\d0s\b|\bcentur|\bdecade|\bseason|\bsummer\b|\bwinter\b|\bspring\b|"
                     r"\bautumn\b|\bfall\b|\bquarter\b|\bweekend\b|\bera\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Words before a date that make it a boundary or a stretch rather than the event day.
_NOT_POINT = {"for", "since", "until", "till", "through", "throughout", "within", "by", "over", "from"}
_TRIM_LEAD = ("on ", "the ", "as of ")


def _clean(text: str) -> str:
    t = text.lower().replace("\u2019", "'").strip(" ,.;:")
    if t.endswith("'s"):
        t = t[:-2]
    for lead in _TRIM_LEAD:
        if t.startswith(lead):
            t = t[len(lead):]
    return " ".join(t.split())


@lru_cache(maxsize=64)
def _parser(story: str | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                "PARSERS": ["relative-time", "absolute-time"]}
    if story:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(story)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=8192)
def resolve(text: str, story: str | None) -> str | None:
    """Resolve one date expression against the story date (YYYY-MM-DD); None if it
    names no single past day."""
    t = _clean(text)
    if not t or _COARSE.search(t):
        return None
    ago = t.endswith(" ago") or " ago " in t
    if not ago and _DURATION.match(t):
        return None
    base = date.fromisoformat(story) if story else None

    if t in _DAY_WORDS:
        return (base + timedelta(days=_DAY_WORDS[t])).isoformat() if base else None
    m = _WEEKDAY.match(t)
    if m:
        if not base or m.group(1) in ("next", "coming"):
            return None
        back = (base.weekday() - WEEKDAYS.index(m.group(2))) % 7
        if back == 0 and m.group(1) in ("last", "past", "this past"):
            back = 7  # "last Thursday" said on a Thursday is a week ago
        return (base - timedelta(days=back)).isoformat()

    has_year = bool(_YEAR.search(t))
    if not base and not has_year:
        return None
    data = _parser(story).get_date_data(t)
    if data.date_obj is None:
        return None
    if data.period not in ("day", "time", "part_of_day", "week") and not ago:
        return None  # a month or a year is not an event day
    got = data.date_obj.date()
    if base:
        if got > base:
            return None  # a planned event; what happened is the statement, on the story day
        if not has_year and got.year < base.year:
            # "Oct 16" in a story of Oct 15 is pushed back a year by the past preference;
            # a date just ahead of the story is far likelier a plan than last year's.
            try:
                ahead = (got.replace(year=base.year) - base).days
            except ValueError:
                ahead = -1
            if 0 < ahead <= 60:
                return None
    return got.isoformat()


_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def _planned(ent) -> bool:
    """A date on a verb in the future tense names the day of a plan, not of an event:
    "will speak with Putin on Monday" said on a Friday is no Monday gone by."""
    tok = ent.root
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in kids(tok))


def _closeness(ent, anchor: int) -> tuple[int, int]:
    # A date the parse hangs under the event's verb ("attacked ... on Monday") beats one
    # nearer in words but attached to another verb ("said on Wednesday that ...").
    tok, steps = ent.root, 0
    while True:
        if tok.i == anchor:
            return 0, steps
        if tok.head.i == tok.i:
            break
        tok, steps = tok.head, steps + 1
    return 1, min(abs(anchor - ent.start), abs(anchor - (ent.end - 1)))


def event_date(span, story_date: str | None, anchor: int | None = None,
               offset: int = 0) -> tuple[str | None, dict | None]:
    """Date of the event in ``span`` (a spaCy Span: clause or sentence).

    Returns ``(YYYY-MM-DD, {"text", "start", "end"})`` for a date found in the span,
    else ``(story_date, None)``. ``anchor`` is a token index (the event's verb);
    when given, dates attached to it in the parse are tried first, then the nearest. ``offset`` is added to the
    character offsets when the Doc does not start at the beginning of the article.
    """
    story = story_date[:10] if story_date else None
    if story:
        try:
            date.fromisoformat(story)
        except ValueError:
            story = None
    doc = span.doc
    ents = [e for e in span.ents if e.label_ in ("DATE", "TIME")]
    if not ents:
        return story, None
    if anchor is not None:
        ents.sort(key=lambda e: _closeness(e, anchor))
    for ent in ents:
        if ent.label_ == "TIME" and _clean(ent.text) not in _DAY_WORDS:
            continue  # "night", "3 p.m.": times of day say nothing about the day
        if ent.start > 0 and doc[ent.start - 1].lower_ in _NOT_POINT:
            continue
        if _planned(ent):
            continue
        got = resolve(ent.text, story)
        if got:
            return got, {"text": ent.text, "start": ent.start_char + offset, "end": ent.end_char + offset}
    return story, None


# How long ago a period named by words alone lies before the story date, in days.
_AGO_WORDS = {"last week": 7, "last month": 30, "last year": 365, "the previous year": 365,
              "the year before": 365, "last decade": 3650}
_YEAR_ONLY = re.compile(r"^(?:in\s+)?(?:the\s+)?(?:year\s+)?(1[89]\d\d|20\d\d)$")
_MONTH_LEAD = re.compile(r"^(?:last|this past|past|early|late|mid|mid-|in)\s*(?=[a-z])")


@lru_cache(maxsize=8192)
def days_before(text: str, story: str | None) -> int | None:
    """How many days before the story date the time ``text`` names lies (a year or a
    month from its middle, a day exactly); None when it names no past time or cannot
    be placed: "last November" in a story of May is about 180, "in 2013" in 2017 over
    1,000, "on Monday" in a Wednesday story 2."""
    t = _clean(text)
    if not story or not t:
        return None
    base = date.fromisoformat(story)
    if t in _AGO_WORDS:
        return _AGO_WORDS[t]
    m = _YEAR_ONLY.match(t)
    if m:
        days = (base - date(int(m.group(1)), 7, 1)).days
        return days if int(m.group(1)) < base.year else None
    day = resolve(text, story)
    if day:
        return (base - date.fromisoformat(day)).days
    if _COARSE.search(t) or _DURATION.match(t):
        return None
    # "last November", "early January", "January this year", "May last year"
    t = _MONTH_LEAD.sub("", t)
    t = t.replace(" this year", "").replace(" last year", f" {base.year - 1}")
    data = _parser(story).get_date_data(t)
    if data.date_obj is None or data.period != "month":
        return None
    got = data.date_obj.date().replace(day=15)
    return (base - got).days if got < base else None


def _governor(tok):
    """The nearest verb at or above a token: what the phrase it is in hangs on."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def event_age(span, story_date: str | None, anchor: int) -> int | None:
    """How many days before the story date the event at ``anchor`` happened, from a date
    in its own clause (on its verb or on a verb it is the complement of: "met Quang last
    November", "invited him to visit China in January"); None when its clause dates it
    no earlier than the story, or not at all. A date in a relative or other clause
    ("the insurgency that erupted in 2015") dates something else."""
    story = story_date[:10] if story_date else None
    doc = span.doc
    verb = _governor(doc[anchor])
    clause = {verb, *(c for c in kids(verb) if c.dep_ == "xcomp")}
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        clause.add(verb)
    dated = [(e, _dates_verb(e.root)) for e in span.ents if e.label_ == "DATE"]
    ages = [days_before(e.text, story) for e, v in dated if v in clause]
    ages = [a for a in ages if a is not None]
    if ages:
        return min(ages)
    # no date of its own: the date of the act it came before or with ("talks were frozen
    # last week after the government detained ...")
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _EARLIER_MARKS for c in kids(verb)):
        ages = [days_before(e.text, story) for e, v in dated if v == verb.head]
    ages = [a for a in ages if a is not None]
    return min(ages) if ages else None


# A clause these open tells of what came before or with its head's act.
_EARLIER_MARKS = {"after", "when", "as", "since"}


def _dates_verb(tok):
    """The verb a date is an adverbial of ("met him last November", "was proposed in
    2013"), or None when it dates a thing ("the 2014 Gaza war", "a June 24 order")."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        head = tok.head
        if head.pos_ in ("NOUN", "PROPN") and tok.dep_ != "pobj" and head.ent_type_ != "DATE":
            return None
        tok = head
    return tok
