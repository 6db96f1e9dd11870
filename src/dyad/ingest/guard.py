"""The input guard: between cleaning and parsing, keep away text that would stall or
break the parser, and cut long text into blocks the parser handles well.

``safe_spans(article, spans, warn)`` takes the spans of ``Article.text`` that cleaning
kept and returns spans of the same text. Text is never edited: what is skipped is left
out by cutting a span in two around it, so every offset of a sentence or event still
indexes ``Article.text``. Each kind of skip is reported once per story through ``warn``,
as what was done (``skipped 200,000 characters: a run without spaces ...``); whoever
reports it adds ``origin: story ID:`` (``Coded.warnings`` hold these lines).

Skipped, with a warning (all found by linear scans):

* **runs without spaces** longer than ``MAX_TOKEN_CHARS``: no word is that long, and
  such runs are blobs or noise (a plain 200,000-letter run costs spaCy's tokenizer only
  0.3 s; the 57 s once reported for it were dyad's cleaning, since made linear);
* **runs of punctuation** longer than ``MAX_PUNCT_RUN`` (``)))))``, ``''''``, ``?!?!``):
  spaCy's tokenizer strips them one mark at a time, in time that grows faster than the
  square of their number (1,000 marks: 0.15 s; 8,000: 7 s; 20,000 quote marks: 57 s);
* **base64 and hex blobs**: tokens of at least ``BLOB_CHARS`` characters of the base64
  alphabet with a digit in them (attachments, data URIs, hashes pasted into text);
* **binary noise**: lines, or ``NOISE_WINDOW``-character stretches of long lines, where
  control, private-use or non-characters make up ``NOISE_SHARE`` or more of the text;
* **repeats**: a stretch of at least ``REPEAT_CHARS`` characters that repeats word for
  word the text just before it in the same paragraph ("word word word ...", a story
  pasted 5,000 times): the first copy is coded, the copies would only give the same
  events again.

Split, silently since nothing is lost: a span longer than ``BLOCK_CHARS`` is cut into
blocks at most that long, at the last paragraph break, else line break, else sentence
end, else space in the second half of each block. spaCy refuses texts over
``nlp.max_length`` (1,000,000 characters, error E088), and dyad's coding time per block
grows faster than its length: a 40,000-character paragraph of wire sentences coded in
6.0 to 9.7 s as one block, 3.0 to 5.8 s in blocks of 10,000 characters and 2.7 to 4.9 s
in blocks of 5,000, with the same 430 events (docs/INPUT.md). So the limit
sits far below spaCy's, above nearly every real paragraph, and blocks end where a
sentence does, so they parse as the paragraph would.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Article

__all__ = ["BLOCK_CHARS", "BLOB_CHARS", "MAX_PUNCT_RUN", "MAX_TOKEN_CHARS", "NOISE_SHARE", "NOISE_WINDOW", "REPEAT_CHARS",
           "safe_spans"]

BLOCK_CHARS = 5_000
MAX_TOKEN_CHARS = 1_000
MAX_PUNCT_RUN = 100
BLOB_CHARS = 60  # MIME wraps base64 at 76 characters, PEM at 64
NOISE_WINDOW = 1_000
NOISE_SHARE = 0.05
_NOISE_MIN = 8  # so a stray control character or two in a short line is not noise
REPEAT_CHARS = 1_000
_GRAM = 4  # words compared at once when looking for repeats

# Each run is tried from its first character only; from every character, a run just under
# the limit would be scanned once per character.
_LONG = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN_CHARS + 1},}}")
_PUNCT = re.compile(rf"(?<![^\w\s])[^\w\s]{{{MAX_PUNCT_RUN + 1},}}")
_BLOB = re.compile(rf"(?<!\S)(?:data:[\w.+/-]*;base64,)?[A-Za-z0-9+/_-]{{{BLOB_CHARS},}}={{0,2}}(?!\S)")
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufff0-\ufffc\ufffe\uffff\ud800-\udfff]")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\S+")
_WORD_CHAR = re.compile(r"\w")
# Where a block may end, best first; group 1 is the gap left between two blocks.
_BREAKS = (
    re.compile(r"(\n[^\S\n]*\n\s*)"),
    re.compile(r"(\n\s*)"),
    re.compile(r"[.!?…][\"'”’»)\]]*(\s+)"),
    re.compile(r"(\s+)"),
)

Warn = Callable[[str], None]


@dataclass
class _Tally:
    """What was skipped of one kind in one story."""

    one: str
    many: str
    ranges: list[tuple[int, int]] = field(default_factory=list)

    def message(self) -> str:
        n, chars = len(self.ranges), sum(e - s for s, e in self.ranges)
        (s, e) = self.ranges[0]
        where = f"at {s}-{e}" if n == 1 else f"the first at {s}-{e}"
        return f"skipped {chars:,} characters: {self.one if n == 1 else f'{n} {self.many}'} ({where})"


def safe_spans(article: Article, spans: Iterable[tuple[int, int]], warn: Warn | None = None) -> list[tuple[int, int]]:
    """Spans of ``article.text`` safe to parse, in order, none longer than ``BLOCK_CHARS``."""
    text = article.text
    tallies = {
        "long": _Tally(f"a run without spaces longer than {MAX_TOKEN_CHARS:,} characters",
                       f"runs without spaces longer than {MAX_TOKEN_CHARS:,} characters"),
        "punct": _Tally(f"a run of more than {MAX_PUNCT_RUN} punctuation marks",
                        f"runs of more than {MAX_PUNCT_RUN} punctuation marks"),
        "blob": _Tally("a base64 or hex blob", "base64 or hex blobs"),
        "noise": _Tally("binary noise (control or private-use characters)",
                        "stretches of binary noise (control or private-use characters)"),
        "repeat": _Tally("a repeat, word for word, of the text before it",
                         "repeats, word for word, of the text before them"),
    }
    out: list[tuple[int, int]] = []
    for start, end in spans:
        bad = _bad_ranges(text, start, end, tallies)
        for s, e in _without(text, start, end, bad):
            out.extend(_blocks(text, s, e))
    if warn:
        for t in tallies.values():
            if t.ranges:
                warn(t.message())
    return out


def _bad_ranges(text: str, start: int, end: int, tallies: dict[str, _Tally]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []

    def add(kind: str, s: int, e: int) -> None:
        tallies[kind].ranges.append((s, e))
        found.append((s, e))

    for m in _LONG.finditer(text, start, end):
        add("long", *m.span())
    long = list(found)
    for m in _PUNCT.finditer(text, start, end):
        if not any(s <= m.start() < e for s, e in long):
            add("punct", *m.span())
    for m in _BLOB.finditer(text, start, end):
        if len(m.group()) <= MAX_TOKEN_CHARS and any(c.isdigit() for c in m.group()):
            add("blob", *m.span())
    if _JUNK.search(text, start, end):
        for s, e in _noise(text, start, end):
            add("noise", s, e)
    if end - start >= 2 * REPEAT_CHARS:
        for s, e in _repeats(text, start, end):
            add("repeat", s, e)
    return sorted(found)


def _noise(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        for s in range(line.start(), line.end(), NOISE_WINDOW):
            e = min(s + NOISE_WINDOW, line.end())
            junk = len(_JUNK.findall(text, s, e))
            if junk >= _NOISE_MIN and junk >= NOISE_SHARE * (e - s):
                if out and out[-1][1] >= s - 1:
                    out[-1] = (out[-1][0], e)
                else:
                    out.append((s, e))
    return out


def _repeats(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of at least REPEAT_CHARS whose words repeat those just before them."""
    spans = [m.span() for m in _WORD.finditer(text, start, end)]
    words = [text[s:e] for s, e in spans]
    # Each position is keyed by the words starting there; the last place the same words
    # were seen gives the period of a repeat, which holds while each key matches the key
    # one period back.
    keys = list(map(hash, zip(*(words[i:] for i in range(_GRAM)))))
    last: dict[int, int] = {}
    runs: list[tuple[int, int, int]] = []
    run_start, period = -1, 0
    for i, key in enumerate(keys):
        if period and keys[i - period] == key:
            last[key] = i
            continue
        if period:
            runs.append((run_start, i, period))
            period = 0
        j = last.get(key)
        if j is not None:
            run_start, period = i, i - j
        last[key] = i
    if period:
        runs.append((run_start, len(keys), period))
    out = []
    for first, stop, period in runs:
        lastword = stop + _GRAM - 2  # the run's last key covers _GRAM words
        s, e = spans[first][0], spans[lastword][1]
        if e - s >= REPEAT_CHARS and words[first:lastword + 1] == words[first - period:lastword + 1 - period]:
            out.append((s, e))
    return out


def _without(text: str, start: int, end: int, bad: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) less the bad ranges, each piece trimmed, pieces with no word dropped."""
    pieces, at = [], start
    for s, e in bad:
        if s > at:
            pieces.append((at, s))
        at = max(at, e)
    if at < end:
        pieces.append((at, end))
    out = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if _WORD_CHAR.search(text, s, e):
            out.append((s, e))
    return out


def _blocks(text: str, start: int, end: int):
    while end - start > BLOCK_CHARS:
        lo, hi = start + BLOCK_CHARS // 2, start + BLOCK_CHARS
        cut = (hi, hi)  # no space in the back half: cannot happen once long runs are gone
        for brk in _BREAKS:
            m = None
            for m in brk.finditer(text, lo, hi):
                pass
            if m:
                cut = m.span(1)
                break
        yield start, cut[0]
        start = cut[1]
    if start < end:
        yield start, end
