"""Find the story inside an article's text: drop headlines, credits, bylines, link lines.

Scraped news carries lines that are not the story (``Related: ...``, ``© Kevin
Lamarque / Reuters``, ``Policy + Politics``). Coding them yields events from other
stories or from nothing, so they are dropped before parsing. Cleaning never edits
the text: it returns spans of ``Article.text``, so every later offset still points
into the text as read.

Decisions are made per line, or per paragraph when a paragraph is hard-wrapped
(otherwise a short wrapped tail such as "talks with Russia" would look like a
section label). Rules come in two strengths:

* strong rules (phrase lists from ``data/boilerplate.tsv``, photo credits,
  copyright, reporting trailers, timestamps, link-only lines, bylines, repeats)
  always drop the line;
* soft rules (the headline, short lines with no sentence punctuation) drop only
  what cannot be a sentence; if they would leave nothing, their lines are kept,
  so a one-line story survives.

Datelines (``MOSCOW (Reuters) - Russia said ...``) are not dropped: the prefix is
cut and the span starts at "Russia", because the rest of that line is the lead.
Only the first story line is checked, so "NATO - ..." later on is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..model import Article
from .guard import safe_spans

__all__ = [
    "Boilerplate",
    "Line",
    "classify_lines",
    "clean_text",
    "guarded_spans",
    "looks_like_headline",
    "story_spans",
]

# Sentence-final punctuation, possibly closed by quotes or brackets. ":" and ";"
# count for "is this a label?" ("He said:" introduces a quote) but not for
# "is this surely a sentence?".
_ENDS_CLAUSE = re.compile(r"""[.!?…:;"'”’»][\"'”’»)\]]*$""")
_ENDS_SENTENCE = re.compile(r"""[.!?…"'”’»][\"'”’»)\]]*$""")
# Matched against a line's last characters only: over a whole line they were tried at
# every mark of a long run of quotes (20,000 marks: 2.5 s).
_TAIL = 32
_MIN_SENTENCE_WORDS = 6  # a punctuated line this long is story text, never a label
_MAX_LABEL_WORDS = 15  # linked headlines run long; unpunctuated prose runs longer
_MAX_DECK_WORDS = 60  # a standfirst above the story, with no full stop

_MARKDOWN_MARK = re.compile(r"(?:#{1,6}|>|[-*+])[ \t]+")  # matched at a line's start
# Lines up to a blank one. A block starts where a line does, never inside a run of
# spaces: tried from every space of a long blank line, it took 7 s for 20,000 spaces.
_BLOCK = re.compile(r"(?<![^\S\r\n])(?:[^\S\r\n]*\S[^\r\n]*(?:\r\n?|\n|$))+")
_LINE = re.compile(r"[^\r\n]+")

_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b\W*(?:©|\(c\)|\d{4}))|all rights reserved", re.I)
_PHOTO_PAREN = re.compile(r"[(\[](?:file\s+)?(?:photo|image|picture|photograph|credit)s?\b[^()\[\]]*[)\]]\s*$", re.I)
# A credit glued to the caption it ends: "... over Gaza in May.Credit: Hatem Moussa/AP",
# "... on Thursday.Credit...Ali Khara/Reuters".
_GLUED_CREDIT = re.compile(r"[.!?]\s*(?:Photo\s+)?Credits?(?::|\s*(?:\.{2,}|…))\s*\S")
_TRAILER = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b", re.I
)
_CONTRIBUTED = re.compile(
    r"(?:contributed(?:\s+reporting)?\s+to"
    r"|\b(?:information|material|reporting)\s+(?:for|in)\s+this\s+(?:report|story|article)\s+(?:was|were)"
    r"\s+(?:provided|supplied|contributed)\s+by\b.*"
    r"|\bwas\s+used\s+in)\s*(?:this\s+(?:report|story|article))?\W*$", re.I
)
_STAMP_PREFIX = re.compile(
    r"^(?:last\s+|first\s+)?(?:updated|published|posted|modified)(?:\s+on)?\b", re.I
)
_DATE_WORD = (
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|\d{1,4}(?:st|nd|rd|th)?|[ap]\.?m\.?|gmt|utc|bst|cet|cest|msk|[ecmp][sd]?t|at|on"
)
_DATE_ONLY = re.compile(rf"^(?:(?:{_DATE_WORD})[\s,.:/|–—-]*)+$", re.I)
# The address part starts only where a word does: tried at every letter of a long token,
# "\S+@" made cleaning quadratic (47 s for one 200,000-character token).
_LINKISH = re.compile(r"https?://\S+|www\.\S+|(?<!\S)[^\s@]+@\S+\.\w+|@\w+")
_BYLINE = re.compile(r"^(?:By|BY)\s+[A-Z]\S*(?:\s+\S+){0,9}$")
# Words a byline's names may have in lower case: "By Maha El Dahan and Laila Bassam".
_NAME_PARTICLES = {"and", "&", "of", "de", "del", "da", "van", "von", "der", "al", "el", "bin", "ibn", "in", "for"}
# "Home » World » Asia", "News › Middle East › Syria": a trail of links to the page.
_MENU_START = re.compile(r"^home\s*[»›>/|]", re.I)
_MENU_STEP = re.compile(r"\s[»›>]\s")
_MAX_MENU_WORDS = 40
# A line that only points elsewhere: ">> Explained: ...", "► Watch: ...".
_POINTER = re.compile(r"^(?:>>|»|►|▶|→|⇒)")
# Small words a headline in title case leaves in lower case.
_TITLE_SMALL = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
                "from", "as", "vs", "via", "into", "over", "after", "amid"}


def _ends_clause(chunk: str) -> bool:
    return bool(_ENDS_CLAUSE.search(chunk[-_TAIL:]))


def _ends_sentence(chunk: str) -> bool:
    return bool(_ENDS_SENTENCE.search(chunk[-_TAIL:]))


@dataclass(frozen=True)
class Line:
    """One line or paragraph of an article and what cleaning decided about it.

    ``reason`` says why a line was dropped (``headline``, ``repeat``, ``heading``,
    ``deck``, ``boilerplate``, ``credit``, ``copyright``, ``trailer``, ``timestamp``,
    ``link``, ``menu``, ``byline``, ``title``), or is ``dateline`` on a kept line whose
    dateline prefix was cut off.
    """

    start: int
    end: int
    keep: bool
    reason: str = ""


class Boilerplate:
    """The phrase lists of a boilerplate.tsv, compiled into the patterns that use them."""

    def __init__(self, prefixes: list[str], lines: list[str], agencies: list[str]):
        # A word-ending phrase must end at a word boundary ("Subscribe to" must not
        # match "Subscribers ..."); one ending in punctuation ("Related:") need not.
        alts = [re.escape(p) + (r"(?!\w)" if p[-1].isalnum() else "") for p in prefixes]
        self.prefix = re.compile("|".join(alts) or r"(?!)", re.I)
        self.lines = {_bare(x) for x in lines}
        ag = "|".join(sorted(map(re.escape, agencies), key=len, reverse=True)) or r"(?!)"
        ag_upper = "|".join(sorted((re.escape(a.upper()) for a in agencies), key=len, reverse=True))
        self.credit = re.compile(
            rf"(?:[/|]|\bvia)\s*(?i:{ag})\)?\s*$"  # "Kevin Lamarque / Reuters"
            rf"|(?:^|\s)(?:{ag_upper or '(?!)'})\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\)?$"
        )
        place = r"[A-Z][A-Z.'’-]{2,}(?:(?:\s+|/\s*)[A-Z][A-Z.'’-]+){0,3}"  # MOSCOW, ST. PETERSBURG, GAZA/JERUSALEM
        detail = r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,2})?"  # ", Lebanon" / ", Oct 15"
        # any "(Agency)" after a place; "(AP --" as some archives have it
        agency = rf"\((?:(?i:{ag})|[A-Z][\w.&'’ -]{{1,30}})\)|\((?i:{ag})(?=\s*[-–—])"
        # "(UrduPoint News / Sputnik - 02nd November, 2020)": an agency with the date, no dash after
        dated = r"\([A-Z][^()\n]{0,60}\b(?:1[89]|20)\d\d\)"
        month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
        lead = r"(?=[A-Z0-9\"'“‘])"  # a lead starts like a sentence
        self.dateline = re.compile(
            rf"(?:(?:{place}{detail}\s*(?:{agency})?"
            rf"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,2}}{detail}\s*{agency}"  # Moscow (Reuters)
            rf"|{agency})"
            r"(?:\s*[-–—]+\s+|\s+[-–—]+)"  # "GAZA (Reuters) -Hundreds"
            rf"|{place}\s*:\s+"  # LIBREVILLE: Seventy-one people
            rf"|{place}{detail}\s*{dated}\s+"  # MOSCOW (Sputnik - 02nd November, 2020) Police
            rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s+{month}\s+\d{{1,2}}(?:,\s+\d{{4}})?\s+(?=[A-Z][a-z]))"  # Moscow, July 3 The
            + lead
        )

    @classmethod
    def load(cls, path: str | Path | None = None) -> Boilerplate:
        """Read a boilerplate.tsv (``kind<TAB>phrase``); the packaged one by default."""
        if path is None:
            raw = resources.files("dyad").joinpath("data/boilerplate.tsv").read_text("utf-8")
        else:
            raw = Path(path).read_text("utf-8")
        kinds: dict[str, list[str]] = {"prefix": [], "line": [], "agency": []}
        for n, row in enumerate(raw.splitlines(), 1):
            if not row.strip() or row.startswith("#"):
                continue
            kind, _, phrase = row.partition("\t")
            if kind not in kinds or not phrase.strip():
                raise ValueError(
                    f"{path or 'boilerplate.tsv'}:{n}: expected 'prefix|line|agency<TAB>phrase', got {row!r}"
                )
            kinds[kind].append(phrase.strip())
        return cls(kinds["prefix"], kinds["line"], kinds["agency"])


@lru_cache(maxsize=1)
def _default_boilerplate() -> Boilerplate:
    return Boilerplate.load()


def looks_like_headline(line: str) -> bool:
    """True for a short line that reads like a title rather than a sentence."""
    line = line.strip()
    words = line.split()
    return (
        0 < len(words) <= 20
        and len(line) <= 200
        and not line[0].islower()
        and not re.search(r"[.,;:]$", line)
        and not _LINKISH.fullmatch(line)
    )


def story_spans(article: Article, boilerplate: Boilerplate | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of ``article.text`` that are story text, in order."""
    return [(x.start, x.end) for x in classify_lines(article, boilerplate) if x.keep]


def guarded_spans(article: Article, warn: Callable[[str], None] | None = None,
                  boilerplate: Boilerplate | None = None) -> list[tuple[int, int]]:
    """The spans the coder parses: ``story_spans`` less what would stall the parser, long
    paragraphs cut in blocks (``guard.safe_spans``); ``warn`` hears what was left out."""
    return safe_spans(article, story_spans(article, boilerplate), warn)


def clean_text(article: Article, boilerplate: Boilerplate | None = None) -> str:
    """The story text alone, paragraphs separated by blank lines (for display only:
    offsets into this string do not match ``article.text``)."""
    return "\n\n".join(article.text[s:e] for s, e in story_spans(article, boilerplate))


def classify_lines(article: Article, boilerplate: Boilerplate | None = None) -> list[Line]:
    """Every non-blank line (or wrapped paragraph) with the decision made about it."""
    bp = boilerplate or _default_boilerplate()
    text = article.text
    title = _norm(article.title) if article.title else None
    units = _units(text, title, bp)
    seen = {title} if title else set()
    out: list[Line] = []
    for i, (start, end) in enumerate(units):
        chunk = text[start:end]
        key = _norm(chunk)
        if key in seen:
            reason = "headline" if i == 0 and key == title else "repeat"
        else:
            started = any(x.keep for x in out)
            reason = _strong_reason(chunk, bp) or _soft_reason(chunk, i == 0 and not title, len(units), started)
        seen.add(key)
        if not reason:  # a caption or deck may come before the dateline's line
            m = bp.dateline.match(chunk)
            if m:
                start, reason = start + m.end(), "dateline"
        out.append(Line(start, end, keep=reason in ("", "dateline"), reason=reason))
    out = _captions_of_credits(text, out)
    if not any(x.keep for x in out):
        out = [Line(x.start, x.end, True, x.reason) if x.reason in _SOFT else x for x in out]
    return out


def _captions_of_credits(text: str, lines: list[Line]) -> list[Line]:
    """A caption shown twice, the second time with its credit ("Flames are seen over
    Gaza." then "Flames are seen over Gaza.Credit: Hatem Moussa/AP"): the first is a
    caption too."""
    out = list(lines)
    for i, (x, nxt) in enumerate(zip(lines, lines[1:])):
        if x.keep and nxt.reason == "credit" and _norm(text[nxt.start:nxt.end]).startswith(_norm(text[x.start:x.end])):
            out[i] = Line(x.start, x.end, False, "credit")
    return out


_SOFT = ("headline", "heading", "deck", "title")


def _strong_reason(chunk: str, bp: Boilerplate) -> str:
    """The reason of the first strong rule (``_STRONG_RULES``) the line meets, or ""."""
    return next((reason for reason, rule in _STRONG_RULES if rule(chunk, bp)), "")


def _is_listed(chunk: str, bp: Boilerplate) -> bool:
    """A phrase of boilerplate.tsv: "Related: ...", "Advertisement", "Share this"."""
    return _bare(chunk) in bp.lines or bool(bp.prefix.match(chunk))


def _is_credit(chunk: str, bp: Boilerplate) -> bool:
    """A photo credit or a caption ending in one: "© Kevin Lamarque / Reuters", "(Photo by
    Alex Wong/Getty Images)", "... in Beijing.[Photo/Xinhua]", "... in May.Credit: Hatem Moussa/AP"."""
    return bool(bp.credit.search(chunk) or _PHOTO_PAREN.search(chunk) or _GLUED_CREDIT.search(chunk))


def _is_copyright(chunk: str, bp: Boilerplate) -> bool:
    return bool(_COPYRIGHT.search(chunk)) and (len(chunk.split()) <= 25 or chunk.startswith(("©", "(c)")))


def _is_trailer(chunk: str, bp: Boilerplate) -> bool:
    """"(Reporting by ...; Editing by ...)", "... contributed to this report"."""
    if _TRAILER.match(chunk) and (chunk.startswith("(") or ";" in chunk or not _ends_sentence(chunk)):
        return True
    return bool(_CONTRIBUTED.search(chunk))


def _is_timestamp(chunk: str, bp: Boilerplate) -> bool:
    """"October 15, 2015", "Updated: Oct 15, 2015 8:32 AM ET"."""
    return bool(_DATE_ONLY.match(chunk) and re.search(r"\d", chunk)) or bool(
        _STAMP_PREFIX.match(chunk) and len(chunk.split()) <= 12 and not _is_sentence(chunk))


def _is_link(chunk: str, bp: Boilerplate) -> bool:
    """An address with hardly a word beside it, or a line that points to another page
    (">> Explained: Netanyahu resists pressure ...")."""
    return bool(_LINKISH.search(chunk)) and len(_LINKISH.sub(" ", chunk).split()) < 3 or bool(_POINTER.match(chunk))


def _is_menu(chunk: str, bp: Boilerplate) -> bool:
    """A trail of links: "Home » Latest News » World News » Philippine troops' clash with…"."""
    if len(chunk.split()) > _MAX_MENU_WORDS:
        return False
    return bool(_MENU_START.match(chunk)) or len(_MENU_STEP.findall(chunk)) >= 2


def _is_byline(chunk: str, bp: Boilerplate) -> bool:
    """"By John Smith", "By Ebor Cletus Ralph Jr /Agency Reports.": names only, so "By
    Tuesday, the army had withdrawn." is no byline."""
    if not _BYLINE.match(chunk):
        return False
    if not re.search(r"[.!?]$", chunk):
        return True
    return all(w[0].isupper() or w.lower() in _NAME_PARTICLES or w[0] in "/|,"
               for w in chunk.rstrip(".").split()[1:])


def _is_title(chunk: str, bp: Boilerplate) -> bool:
    """A headline in title case, even with a full stop: "As Diplomats Begin Talks, Rocket
    Strikes Kill Dozens In Kharkiv." (a story's sentences have verbs in lower case)."""
    words = [w.strip("\"'“”‘’(),.:;!?-–—") for w in chunk.split()]
    words = [w for w in words if w]
    if not 4 <= len(words) <= 20 or chunk.startswith(("By ", "BY ")):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words)


# Strong rules in the order they are tried: (reason, rule(line, boilerplate)).
_STRONG_RULES: tuple[tuple[str, Callable[[str, Boilerplate], bool]], ...] = (
    ("boilerplate", _is_listed),
    ("credit", _is_credit),
    ("copyright", _is_copyright),
    ("trailer", _is_trailer),
    ("timestamp", _is_timestamp),
    ("link", _is_link),
    ("menu", _is_menu),
    ("byline", _is_byline),
    ("title", _is_title),
)


def _soft_reason(chunk: str, may_be_headline: bool, n_units: int, started: bool = True) -> str:
    """Why a line that cannot be a sentence is dropped; ``started``: a line of the story
    was kept before it."""
    if _is_sentence(chunk):
        return ""
    if may_be_headline and n_units > 1 and looks_like_headline(chunk):
        return "headline"
    if not _ends_clause(chunk) and len(chunk.split()) <= _MAX_LABEL_WORDS:
        return "heading"
    if not started and not _ends_sentence(chunk) and len(chunk.split()) <= _MAX_DECK_WORDS:
        return "deck"  # the summary under a headline: "Israeli army strikes in Gaza ... brokered by a third party"
    return ""


def _is_sentence(chunk: str) -> bool:
    return _ends_sentence(chunk) and len(chunk.split()) >= _MIN_SENTENCE_WORDS


def _units(text: str, title: str | None, bp: Boilerplate) -> list[tuple[int, int]]:
    """Stripped spans of the non-blank lines, a hard-wrapped paragraph as one span."""
    units: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        lines = [_strip(text, m.start(), m.end()) for m in _LINE.finditer(text, block.start(), block.end())]
        lines = [(s, e) for s, e in lines if s < e]
        if lines and title and _norm(text[slice(*lines[0])]) == title:
            units.append(lines.pop(0))  # a headline right above the first paragraph
        elif not units and _headline_on_top(text, lines):
            units.append(lines.pop(0))  # the same, without a title to know it by
        if _is_wrapped(text, lines, bp):
            units.append((lines[0][0], lines[-1][1]))
        else:
            units.extend(_join_broken(text, lines, bp))
    return units


def _headline_on_top(text: str, lines: list[tuple[int, int]]) -> bool:
    """Is the first line of the text's first block a headline over the lines below it (it
    looks like one and the sentence does not go on in the next line)?"""
    if len(lines) < 2:
        return False
    first, second = text[slice(*lines[0])], text[slice(*lines[1])]
    return looks_like_headline(first) and not _breaks_sentence(first, second)


# Words a sentence does not end on: a line ending in one goes on in the next line.
_OPEN_WORDS = frozenset(
    "a an the of to in on at for by with from into onto over under about above below around across along "
    "against among between through toward towards near within without during since until upon per via "
    "including and or but nor as than that which who whom whose if whether because while when where his her "
    "its their our my your is are was were be been being has have had will would shall should can could may "
    "might must not no this these those some any each every both all another other such said told".split())
_OPEN_END = re.compile(r"(?:[,(\[–—-]|--)$")


def _join_broken(text: str, lines: list[tuple[int, int]], bp: Boilerplate) -> list[tuple[int, int]]:
    """Lines broken inside a sentence at uneven widths, joined into one span each ("India
    and Pakistan on Wednesday took yet another" / "step towards normalising ..."); a
    line that ends a sentence, a label or a boilerplate line stands alone."""
    out: list[tuple[int, int]] = []
    margin = max((e - s for s, e in lines), default=0)
    # a sentence broken across lines ends in a later line of the block; a list of links
    # (related headlines) has no line that ends a sentence
    ends = [_ends_sentence(text[s:e]) for s, e in lines]
    for i, (s, e) in enumerate(lines):
        if not any(ends[i:]):
            out.extend(lines[i:])
            break
        prev = text[slice(*out[-1])] if out else ""
        # the line before was cut at the margin, and is not the block's first (a headline)
        at_margin = i > 1 and lines[i - 1][1] - lines[i - 1][0] >= 0.85 * margin
        if out and (_breaks_sentence(prev, text[s:e]) or (at_margin and not _ends_clause(prev))) \
                and _joinable(text[s:e], bp) and _joinable(prev, bp):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _joinable(line: str, bp: Boilerplate) -> bool:
    """A line no strong rule drops (a title-cased piece of a sentence may be joined:
    "External Affairs Minister I K Gujral" / "and his Pakistani counterpart ...")."""
    return _strong_reason(line, bp) in ("", "title")


def _breaks_sentence(line: str, nxt: str) -> bool:
    """Does ``line`` stop inside a sentence that ``nxt`` goes on with: ``nxt`` starts in
    lower case or with a number, or ``line`` ends on a comma, a dash or a word no sentence
    ends on ("the", "of", "and")?"""
    tail = line.rstrip("'\"”’")
    if not tail or tail[-1] in ".!?…:;" or (tail != line and tail[-1] in ".!?,"):
        return False
    if nxt[:1].islower() or nxt[:1].isdigit():
        return True
    last = tail.split()[-1].lower() if tail.split() else ""
    return last in _OPEN_WORDS or bool(_OPEN_END.search(tail))


def _is_wrapped(text: str, lines: list[tuple[int, int]], bp: Boilerplate) -> bool:
    """Lines of even, terminal-like width that mostly break mid-sentence and end
    in a full stop: one paragraph broken at a margin. Text with one paragraph per
    line (as trafilatura gives) has long lines that each end a sentence.

    Lines that a strong rule would drop keep the block apart, so a credit or
    "Related:" line glued to a paragraph is still found.
    """
    if len(lines) < 2:
        return False
    widths = [e - s for s, e in lines]
    widest = max(widths)
    open_ends = sum(not _ends_clause(text[s:e]) for s, e in lines[:-1])
    return (
        40 <= widest <= 150
        and all(w >= 0.6 * widest for w in widths[:-1])
        and 2 * open_ends >= len(lines) - 1
        and _ends_clause(text[slice(*lines[-1])])
        and not any(_strong_reason(text[s:e], bp) for s, e in lines)
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    m = _MARKDOWN_MARK.match(text, start, end)
    return (m.end() if m else start), end


def _norm(s: str) -> str:
    """Comparison key: case, curly quotes and spacing do not make lines differ."""
    s = s.translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(s.casefold().split())


def _bare(s: str) -> str:
    return _norm(s).strip(" .:!|-–—")
