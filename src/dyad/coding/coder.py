"""The coding pipeline: clean -> parse -> resolve actors -> match patterns -> the steps
from a pattern to events (steps.py) -> keep the news (keep.py).

``Coder`` holds the loaded model and lexicon; ``code_text`` and ``code_articles`` are
the public entry points (also exported from ``dyad``).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Span, Token

from ..ingest import clean
from ..lexicon.loader import Lexicon, default_lexicon, load
from ..model import Actor, Article, Attempt, Coded, Event, Sentence
from .actors import DocContext, SentenceActors
from .context import Frame, Mood, SentenceContext
from .events import Candidate, PatternIndex, governor_of, is_negation_word, lemma_candidates, mood, negated_verb
from .keep import UNAIMED_BESIDE, story_verdicts, verdicts
from .mentions import ActorIndex, before_office, pick_person
from .parse import load_model, parse_blocks
from .steps import run_steps

# Which event data the output should resemble. "cameo" (ICEWS, PETRARCH): "A and B held
# talks" is A->B and B->A. "plover" (POLECAT, the PLOVER gold standard): an act done
# together is one event per participant, with no target.
SCHEMES = ("cameo", "plover")


@dataclass
class Trace:
    """What the coder tried in one sentence, and why each attempt was kept or dropped
    (for ``dyad explain``)."""

    sentence: str
    parse: list[tuple] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)


class Coder:
    def __init__(self, model: str | None = None, lexicon: Lexicon | None = None,
                 lexicon_dirs: list[str] | None = None, builtin: bool = True,
                 locate: bool = True, scheme: str = "cameo"):
        if scheme not in SCHEMES:
            raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}, not {scheme!r}")
        self.scheme = scheme
        self.nlp = load_model(model)
        if lexicon is None:
            lexicon, self.actor_index, self.patterns = compiled(model, list(lexicon_dirs or []), builtin, self.nlp)
        else:
            self.actor_index, self.patterns = ActorIndex(lexicon, self.nlp.tokenizer), PatternIndex(lexicon)
        self.lexicon = lexicon
        self.speech = {p.trigger for p in lexicon.patterns if lexicon.roots.has(p.code, "statement") and p.kind == "verb"}
        self.speech = frozenset(self.speech | {"say", "tell", "add", "state", "announce", "report", "claim"})
        self.locate = locate
        self.discards = [(_phrase_re(d.phrase), d) for d in lexicon.discards]

    def _scheme(self, art: Article) -> str:
        return (art.options or {}).get("scheme") or self.scheme

    def _discarded(self, text: str, scope: str):
        """The discard entry whose phrase occurs in ``text``, if any."""
        return next((d for rx, d in self.discards if d.scope == scope and rx.search(text)), None)

    # -- public API ------------------------------------------------------------

    def code_articles(self, articles: Iterable[Article], traces: list[Trace] | None = None) -> Iterator[Event]:
        """Code a stream of articles; events come out in article and sentence order."""
        for story in self.code_stories(articles, traces):
            yield from story.events

    def code_stories(self, articles: Iterable[Article], traces: list[Trace] | None = None) -> Iterator[Coded]:
        """Code a stream of articles; one ``Coded`` per article, in order, including
        articles that give no event (a store records that they were coded). A story whose
        coding raises is returned with ``error`` set and no events; the stream goes on."""
        def blocks():
            for art in articles:
                # Sentence numbering and context belong to the story: the blocks of one
                # story share this record, and it goes when they have been coded.
                story = Coded(art)
                spans = [] if self._discarded(art.text, "story") else clean.guarded_spans(art, story.warnings.append)  # a sports report: "war" there is no war
                if not spans:
                    yield "", (story, None)  # still reported, so the caller sees every story
                for start, end in spans:
                    yield art.text[start:end], (story, start)

        current: Coded | None = None
        context, first_trace = None, 0
        for doc, (story, offset) in parse_blocks(self.nlp, blocks()):
            if story is not current:
                if current is not None:
                    yield self._story_news(current, traces, first_trace, context)
                current, context = story, DocContext(self.speech)
                first_trace = len(traces) if traces is not None else 0
            if offset is None or story.error:
                continue
            try:
                self._code_block(story, doc, offset, context, traces)
            except Exception as exc:  # one story's failure must not end a corpus run
                story.error, story.events, story.sentences = f"{type(exc).__name__}: {exc}", [], []
        if current is not None:
            yield self._story_news(current, traces, first_trace, context)

    def _story_news(self, story: Coded, traces: list[Trace] | None, first_trace: int,
                    context: DocContext | None) -> Coded:
        """The story with only the events that are its news (keep.story_verdicts, with the
        story's place from ``context``); the others go to the trace of their sentence
        (``first_trace``: the story's first)."""
        kept = []
        place = context.story_place() if context is not None else ""
        for e, why in story_verdicts(story.events, self.lexicon, place):
            if why is None:
                kept.append(e)
            elif traces is not None:
                traces[first_trace + e.sentence_id].attempts.append(
                    Attempt(e.evidence["trigger_text"], e.rule, f"{e.source}->{e.target or '-'}", e.cameo,
                            kind="verdict", dropped=why))
        story.events = kept
        return story

    def _code_block(self, story: Coded, doc, offset: int, context: DocContext, traces: list[Trace] | None) -> None:
        art = story.article
        mentions = self.actor_index.mentions(doc)
        titles = {m.end for m in mentions if m.kind == "agent"}  # "President Obama"
        mentions = [m for m in mentions if not before_office(m, art.date, m.start in titles)]
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            sid = len(story.sentences)
            story.sentences.append(Sentence(art.id, sid, sent.start_char + offset, sent.end_char + offset, sent.text))
            ms = [m for m in mentions if sent.start <= m.start < sent.end]
            ms = sorted(ms + context.named_before(sent, ms), key=lambda m: m.start)
            sa = SentenceActors(sent, ms, art.date, offset, context, self.lexicon)
            trace = Trace(sent.text) if traces is not None else None
            story.events.extend(self.code_sentence(art, sid, sent, sa, trace))
            if trace is not None:
                traces.append(trace)
            context.update(sa)

    def lookup(self, phrase: str, date: str | None = None) -> dict:
        """How ``phrase`` is coded on ``date``: the code and the lexicon entries behind it."""
        doc = self.nlp(phrase)
        sent = doc[:]
        mentions = self.actor_index.mentions(doc)
        sa = SentenceActors(sent, mentions, date, 0, DocContext(self.speech), self.lexicon)
        head = sent.root
        actor = sa.resolve(head)
        entries = []
        for m in mentions:
            for e in m.entries:
                if e.kind in ("person", "named"):
                    chosen = e is pick_person(m.entries, date)
                    entries.append({"phrase": e.phrase, "code": e.code, "kind": e.kind, "entry": e.source,
                                    "role": e.role, "start": e.start, "end": e.end, "chosen": chosen})
                else:
                    entries.append({"phrase": e.phrase, "code": e.code, "kind": e.kind, "entry": e.source})
        return {"text": phrase, "date": date, "code": actor.code if actor else "", "entries": entries}

    # -- one sentence ------------------------------------------------------------

    def code_sentence(self, art: Article, sid: int, sent: Span, sa: SentenceActors, trace: Trace | None) -> list[Event]:
        """The sentence's events that are news; ``trace`` gets everything tried."""
        discard = self._discarded(sent.text, "sentence")
        if discard is not None:
            if trace is not None:
                trace.attempts.append(Attempt("(sentence)", discard.source, discard.phrase, "", kind="discard",
                                              dropped="discard phrase"))
            return []
        found = tuple(self.patterns.candidates(sent))
        ctx = SentenceContext(art, sid, sent, sa, self.lexicon, self._scheme(art), self.locate, found)
        events: list[Event] = []
        for best in found:
            events += self._code_trigger(ctx, best, trace)
        out = self._news(ctx, events, trace)
        if trace is not None:
            trace.actors = [a for a in (sa.resolve(sent.doc[m.end - 1]) for m in sa.mentions) if a]
            trace.parse = [(t.i - sent.start, t.text, t.lemma_, t.pos_, t.dep_, t.head.i - sent.start) for t in sent]
        return out

    def _code_trigger(self, ctx: SentenceContext, best: Candidate, trace: Trace | None) -> list[Event]:
        """The events of the trigger's most specific pattern; when its target is no actor,
        of the next."""
        clause = self._mood(best.trigger)
        events: list[Event] = []
        for cand in [best, *best.others]:
            frame = Frame(cand, clause)
            if trace is not None:
                trace.attempts.append(frame.attempt)
            drop = run_steps(ctx, frame)
            events += frame.events
            if drop is None or not drop.try_next:
                break
        return events

    def _news(self, ctx: SentenceContext, events: list[Event], trace: Trace | None) -> list[Event]:
        """The events that are the sentence's news (keep.py); the others go to the trace."""
        sent, art = ctx.sentence, ctx.article
        require_dyad = str((art.options or {}).get("require_dyad", "")).lower() == "true"
        by_offset = {t.idx + ctx.actors.offset: t for t in sent} if events else {}
        trig_of = [by_offset[e.evidence["trigger"][0]] for e in events]
        out = []
        for e, why in verdicts(events, trig_of, require_dyad, self.lexicon):
            if why == UNAIMED_BESIDE:
                e.evidence["unaimed_beside"] = True  # the story's place may be whom (keep.story_verdicts)
                out.append(e)
            elif why is None:
                out.append(e)
            elif trace is not None:
                trace.attempts.append(Attempt(e.evidence["trigger_text"], e.rule, f"{e.source}->{e.target or '-'}", e.cameo,
                                              kind="verdict", dropped=why))
        return out

    def _mood(self, trig: Token) -> Mood:
        """The mood of the trigger's clause, which all its patterns share."""
        state, why = mood(trig, self.speech, self.lexicon)
        recode = False
        if state in ("negated", "refused") and self.lexicon.settings.petrarch_negation:
            state, recode = self._petrarch_negation(trig, state, why)
        return Mood(state, why, recode)

    def _petrarch_negation(self, trig: Token, state: str, why) -> tuple[str, bool]:
        """``(state, recode)`` for a negated trigger under ``negation pico``.

        As in PETRARCH2, the negation belongs to the verb it is on: on the trigger
        ("did not clash", "will not wire tap") the event is recoded through
        negation.tsv. On a verb above it that codes nothing ("won't try to clash"),
        PETRARCH negates that verb's empty code and keeps the complement's event as it
        is. Governors ("refused to", "failed to") keep dyad's reading.
        """
        if not isinstance(why, Token) or not is_negation_word(why):
            return state, False
        verb = negated_verb(why)
        if verb == trig:
            return "negated", True
        known = self.patterns.verbs
        if governor_of(verb, self.lexicon) or any(w in known for w in lemma_candidates(verb)):
            return state, False
        return "fact", False


# The modules whose code decides what a compiled lexicon is.
_COMPILERS = ("dyad.lexicon.loader", "dyad.lexicon.tables", "dyad.lexicon.settings", "dyad.lexicon.tsv",
              "dyad.lexicon.ontology", "dyad.coding.actors", "dyad.coding.events")


def compiled(model: str | None, lexicon_dirs: list[str], builtin: bool, nlp) -> tuple[Lexicon, ActorIndex, PatternIndex]:
    """The lexicon with its actor and pattern indexes, from the cache when the lexicon
    files, the model and dyad's code are those it was built from (lexicon/cache.py)."""
    from ..lexicon import cache
    from ..lexicon.loader import builtin_dir
    from .parse import model_version

    dirs = [str(builtin_dir())] + [str(Path(d).resolve()) for d in lexicon_dirs]
    key = hashlib.sha256("|".join([cache.source_key(*_COMPILERS), *model_version(model), str(builtin),
                                   *(f"{d}:{cache.dir_key(d)}" for d in dirs)]).encode()).hexdigest()

    def build():
        lexicon = default_lexicon() if (builtin and not lexicon_dirs) else load(lexicon_dirs, builtin=builtin)
        return lexicon, ActorIndex(lexicon, nlp.tokenizer), PatternIndex(lexicon)

    return cache.load_or_build("coder", key, build)


def _phrase_re(phrase: str) -> re.Pattern:
    words = [re.escape(w) for w in phrase.replace("_", " ").split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


_CODERS: dict[tuple, Coder] = {}


def get_coder(model: str | None = None, lexicon_dirs: tuple[str, ...] = (), builtin: bool = True,
              scheme: str = "cameo") -> Coder:
    key = (model, tuple(lexicon_dirs), builtin, scheme)
    if key not in _CODERS:
        _CODERS[key] = Coder(model, lexicon_dirs=list(lexicon_dirs), builtin=builtin, scheme=scheme)
    return _CODERS[key]
