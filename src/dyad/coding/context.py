"""What the coding steps (steps.py) and target rules (targets.py) work on: a
``SentenceContext`` that is fixed while one sentence is coded, and a ``Frame`` per
matched pattern that the steps fill in, one decision each. A step that ends a frame
returns a ``Drop`` saying why."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Span, Token

from ..lexicon.loader import Lexicon, Pattern
from ..lexicon.tables import RootTable
from ..model import Actor, Article, Attempt, Event
from .actors import SentenceActors
from .events import Candidate


@dataclass(frozen=True)
class SentenceContext:
    """Fixed for one sentence: where it comes from, its actors, and how to code it."""

    article: Article
    sid: int  # the sentence's number in its story
    sentence: Span
    actors: SentenceActors
    lexicon: Lexicon
    scheme: str  # cameo | plover
    locate: bool  # give each event a place

    @property
    def roots(self) -> RootTable:
        return self.lexicon.roots

    @property
    def plover(self) -> bool:
        """An act done together is one event per participant, with no target (POLECAT's
        convention); under cameo it is an event each way."""
        return self.scheme == "plover"


@dataclass(frozen=True)
class Mood:
    """The mood of a trigger's clause (``events.mood``), shared by all its patterns."""

    state: str  # fact | future | negated | refused | hypothetical
    why: str | Token  # the word that decided
    recode: bool = False  # negation pico: recode the event through negation.tsv


@dataclass(frozen=True)
class Drop:
    """Why a frame gives no (more) events. ``try_next``: the pattern's own target is no
    actor, so the trigger's next, less specific pattern gets its turn."""

    reason: str
    try_next: bool = False


class Pair(NamedTuple):
    """One event to be: who did it, to whom (None: to no one named), and its code."""

    source: Actor
    target: Actor | None
    code: str


@dataclass
class Frame:
    """One matched pattern on its way to events; each step reads and writes a part."""

    cand: Candidate
    mood: Mood
    attempt: Attempt = field(init=False)
    code: str = ""  # the event code after mood and obligation recoding
    source_tokens: list[Token] = field(default_factory=list)
    target_tokens: list[Token] = field(default_factory=list)  # what the target rules read
    done_to: bool = False  # a passive's doer came from a phrase: its subject is the target
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    joint: bool = False  # an act done together, one event per participant (--scheme plover)
    place_only: bool = False  # the pattern's target was only where the act happened: none
    events: list[Event] = field(default_factory=list)  # in order; allegations come first

    def __post_init__(self) -> None:
        p = self.cand.pattern
        self.attempt = Attempt(self.cand.trigger.text, p.rule, p.text, p.code)
        self.code = p.code

    @property
    def pattern(self) -> Pattern:
        return self.cand.pattern

    @property
    def trigger(self) -> Token:
        return self.cand.trigger

    @property
    def source_codes(self) -> set[str]:
        return {s.code for s in self.sources}
