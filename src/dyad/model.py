"""The data model every pipeline step shares: Article -> Sentence -> Actor/Event, and
the Attempt record that says why a matched pattern did or did not give events.

Offsets are always character offsets into ``Article.text`` (the original text as
read, before cleaning), so evidence spans can be shown against the source.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One story as read from disk or passed in by a caller."""

    id: str
    text: str
    date: str | None = None  # story date, YYYY-MM-DD
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file (and line) the story came from, for messages
    # Coder options for this story only, e.g. {"require_dyad": True} (events need a target).
    options: dict[str, Any] | None = None


@dataclass
class Sentence:
    """A sentence kept after cleaning; ``start``/``end`` index ``Article.text``."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass
class Actor:
    """A resolved actor mention.

    ``code`` is a CAMEO-style code (country/organisation + sectors, e.g. ``RUSGOV``).
    ``entry`` names the lexicon entry or rule that produced it (file:line or rule id).
    """

    code: str
    text: str
    start: int  # char offset into Article.text
    end: int
    entry: str = ""
    head: int | None = None  # token index of the mention's head in the spaCy Doc


@dataclass
class Event:
    """One coded event: who did what to whom, with its evidence."""

    doc_id: str
    sentence_id: int
    sentence: str
    date: str | None
    source: str
    target: str
    cameo: str
    source_text: str = ""
    target_text: str = ""
    plover: str = ""
    plover_mode: str = ""
    goldstein: float | None = None
    quad_class: int | None = None
    location: dict[str, Any] | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    rule: str = ""
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.cameo)


@dataclass
class Coded:
    """One story after coding: its sentences and events, or why it could not be coded."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)  # what was done to code it (a long token cut, ...)


@dataclass
class Attempt:
    """One thing the coder tried in a sentence and what became of it: the record behind
    ``dyad explain``. ``kind`` is ``pattern`` (a pattern matched at a trigger),
    ``discard`` (a discard phrase ended the sentence) or ``verdict`` (an event coded,
    then dropped as not the news; ``pattern`` is then ``SOURCE->TARGET``)."""

    trigger: str
    rule: str  # file:line of the pattern or discard entry
    pattern: str
    code: str  # the pattern's code
    kind: str = "pattern"
    dropped: str = ""  # why nothing (more) came of it; empty when kept
    made: int = 0  # events the pattern gave (a kept pattern may give none: "A and A")
    mood: str = ""  # how the clause's mood recoded it ("future (will): 190 -> 138")
    source_rule: str = ""  # how the source was found (steps.choose_sources)
    target_rule: str = ""  # the target rule that found the target (coding/targets.py)

    @property
    def kept(self) -> bool:
        return not self.dropped

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "kept": self.kept}
