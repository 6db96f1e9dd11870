"""One PETRARCH pattern line (``- * (WITH +) [042]``) as dyad pattern elements."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .codes import _Codes
from .elements import after_verb, before_verb
from .lemmas import _Lemmas
from .report import ImportReport
from .sets import _SynonymSets
from .tokens import _Skip, _tokenize


@dataclass(frozen=True)
class _VerbContext:
    """What translating and writing the verb file's patterns share."""

    path: str
    codes: _Codes
    lemmas: _Lemmas
    sets: _SynonymSets
    report: ImportReport

    @property
    def name(self) -> str:
        return Path(self.path).name

    def issue(self, line: int, reason: str) -> None:
        self.report.add(self.path, line, reason)


@dataclass
class _Converted:
    particle: str
    elements: list[str]
    code: str
    exact: bool


def _convert(ctx: _VerbContext, n: int, text: str) -> _Converted | None:
    """One PETRARCH pattern -> dyad elements; None when it cannot be converted
    (reported). Approximations are reported here too."""
    c = ctx.report.counts
    coded = _pattern_code(ctx, n, text)
    if coded is None:
        return None
    code, body = coded
    approx: list[str] = []
    if body.count("*") != 1:
        ctx.issue(n, f"skipped: a pattern needs exactly one * for the verb (found {body.count('*')})")
        c["patterns skipped"] += 1
        return None
    pre_text, post_text = body.split("*")
    try:
        pre, post = _tokenize(pre_text), _tokenize(post_text)
        particle, elements, more = after_verb(ctx.sets, post, n)
        approx += more
        approx += before_verb(ctx.sets, ctx.lemmas, pre, elements, n)
    except _Skip as exc:
        if str(exc) != "reported above":
            ctx.issue(n, f"skipped: {exc}")
        c["patterns skipped"] += 1
        return None
    if approx:
        ctx.issue(n, "approximated: " + "; ".join(approx))
        c["patterns approximated"] += 1
    else:
        c["patterns converted exactly"] += 1
    return _Converted(particle, elements, code, not approx)


def _pattern_code(ctx: _VerbContext, n: int, text: str) -> tuple[str, str] | None:
    """The pattern's ``[code]`` as dyad writes it (``A:B`` with a reverse code), and
    the text before it; None when the pattern codes no event (counted, and reported
    unless it says so with ``[---]``)."""
    c = ctx.report.counts
    m = re.search(r"\[([^\]]*)\]\s*$", text)
    if not m:
        ctx.issue(n, "skipped: pattern without a [code] at its end")
        c["patterns skipped"] += 1
        return None
    code, passive = ctx.codes.convert(m.group(1), ctx.path, n)
    if code is None:
        if not m.group(1).strip().partition(":")[0].strip() or m.group(1).strip().startswith("---"):
            if passive and passive != "---":
                ctx.issue(n, f"skipped: only a reverse code [:{passive}] (target to source), which dyad cannot express")
                c["patterns skipped"] += 1
            else:
                c["patterns with no event ([---]) skipped"] += 1
        else:
            c["patterns skipped"] += 1
        return None
    return _with_reverse(ctx, code, passive, n), text[: m.start()]


def _with_reverse(ctx: _VerbContext, code: str, passive: str, n: int) -> str:
    """``A:B`` when [A:B] also codes target to source as B (verbs/*.tsv ``reverse``)."""
    if not passive or passive == "---":
        return code
    rev, _ = ctx.codes.convert(passive, ctx.path, n)
    return f"{code}:{rev}" if rev else code
