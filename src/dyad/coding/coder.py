"""The coding pipeline: clean -> parse -> resolve actors -> match events -> enrich.

``Coder`` holds the loaded model and lexicon; ``code_text`` and ``code_articles`` are
the public entry points (also exported from ``dyad``).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..ingest import clean
from ..lexicon import ontology
from . import dates, places
from .actors import ActorIndex, DocContext, SentenceActors, pick_person
from .events import (PatternIndex, default_targets, governor_effect, is_negation_word, is_passive,
                     lemma_candidates, mood, negated_verb, prep_objects, subjects)
from ..lexicon.loader import Lexicon, _read_tsv, builtin_dir, default_lexicon, load, word_list
from ..model import Actor, Article, Coded, Event, Sentence
from .parse import load_model, parse_blocks
from .keep import CLAIMS, verdicts
from .parties import (ARREST_CODES, PROTEST_ROOT, VIOLENT_ROOTS, claimed_victims, condition_subjects, defied, doer_unnamed,
                      each_other, first_inside, governing_subject, only_where, phrase_actors, places_as_actors, protested_country,
                      reporting_verb, resolve_all, same_side, says_their, theme_places, unattributed_attacker)

# Codes whose "A and B <verb>" with no other party means A and B acted on each other
# (a ceasefire, 0871, is declared between them).
_RECIPROCAL_ROOTS = ("019", "03", "04", "05", "06", "11", "19", "0871")
# Which event data the output should resemble. "cameo" (ICEWS, PETRARCH): "A and B held
# talks" is A->B and B->A. "plover" (POLECAT, the PLOVER gold standard): an act done
# together is one event per participant, with no target.
SCHEMES = ("cameo", "plover")
# Phrases on a joint act that say what it is about or where, not who the partner is
# ("signed a deal on the return of refugees"); "with", "to" and "against" name partners.
_NOT_PARTNER_PREPS = ("on", "about", "over", "at", "for", "from", "regarding", "concerning")
# Postures, withdrawals, the sending of aid and recalls of envoys move the actor's own people: they are not a target.
_OWN_FORCES_ROOTS = ("07", "08", "15", "16")
# Relations are cut through one's own diplomats: "Serbia withdrew its ambassadors from ..."
_RELATIONS_ROOT = "16"


@dataclass
class Trace:
    """Why each candidate in a sentence was kept or dropped (for ``dyad explain``)."""

    sentence: str
    parse: list[tuple] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    tried: list[dict] = field(default_factory=list)


class Coder:
    def __init__(self, model: str | None = None, lexicon: Lexicon | None = None,
                 lexicon_dirs: list[str] | None = None, builtin: bool = True,
                 locate: bool = True, scheme: str = "cameo"):
        if scheme not in SCHEMES:
            raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}, not {scheme!r}")
        self.scheme = scheme
        self.nlp = load_model(model)
        if lexicon is None:
            lexicon = default_lexicon() if (builtin and not lexicon_dirs) else load(lexicon_dirs, builtin=builtin)
        self.lexicon = lexicon
        self.actor_index = ActorIndex(lexicon, self.nlp.tokenizer)
        self.patterns = PatternIndex(lexicon)
        self.speech = {p.trigger for p in lexicon.patterns if p.code.startswith("01") and p.kind == "verb"}
        self.speech = frozenset(self.speech | {"say", "tell", "add", "state", "announce", "report", "claim"})
        self.locate = locate
        # "should have acted against Libya": PETRARCH codes the verb whatever the modal
        self.keep_modals = lexicon.settings["modals"] == "keep"
        self.combine_agents = lexicon.settings["combine_agents"]
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
        context = None
        for doc, (story, offset) in parse_blocks(self.nlp, blocks()):
            if story is not current:
                if current is not None:
                    yield current
                current, context = story, DocContext(self.speech)
            if offset is None or story.error:
                continue
            try:
                self._code_block(story, doc, offset, context, traces)
            except Exception as exc:  # one story's failure must not end a corpus run
                story.error, story.events, story.sentences = f"{type(exc).__name__}: {exc}", [], []
        if current is not None:
            yield current

    def _code_block(self, story: Coded, doc, offset: int, context: DocContext, traces: list[Trace] | None) -> None:
        art = story.article
        mentions = self.actor_index.mentions(doc)
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            sid = len(story.sentences)
            story.sentences.append(Sentence(art.id, sid, sent.start_char + offset, sent.end_char + offset, sent.text))
            ms = [m for m in mentions if sent.start <= m.start < sent.end]
            sa = SentenceActors(sent, ms, art.date, offset, context, self.combine_agents)
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
        sa = SentenceActors(sent, mentions, date, 0, DocContext(self.speech), self.combine_agents)
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
        events: list[Event] = []
        discard = self._discarded(sent.text, "sentence")
        if discard is not None:
            if trace is not None:
                trace.tried.append({"trigger": "(sentence)", "rule": discard.source, "pattern": discard.phrase,
                                    "code": "", "dropped": "discard phrase"})
            return []
        require_dyad = str((art.options or {}).get("require_dyad", "")).lower() == "true"
        for best in self.patterns.candidates(sent):
            trig = best.trigger
            state, why = mood(trig, self.speech, self.keep_modals)
            recode = False
            if state in ("negated", "refused") and self.lexicon.settings["negation"] == "pico":
                state, recode = self._petrarch_negation(trig, state, why)
            # The most specific pattern first; when its target is no actor, the next.
            for cand in [best, *best.others]:
                info = {"trigger": trig.text, "rule": cand.pattern.rule, "pattern": cand.pattern.text, "code": cand.pattern.code}
                if trace is not None:
                    trace.tried.append(info)
                if not recode and (state in ("negated", "hypothetical") or (state == "refused" and not self.lexicon.refused_code(cand.pattern.code))):
                    info["dropped"] = f"{state} ({why})"
                    break
                if recode and self.lexicon.negated_code(cand.pattern.code) is None:
                    info["dropped"] = f"negated ({why}): negation.tsv has no code for {cand.pattern.code}"
                    break
                made = self._apply(cand, state, art, sid, sent, sa, info, events, recode)
                if recode:
                    info["mood"] = f"negated ({why}): {cand.pattern.code} -> {self.lexicon.negated_code(cand.pattern.code)}"
                if state == "future":
                    info["mood"] = f"future ({why}): {cand.pattern.code} -> {self.lexicon.future_code(cand.pattern.code)}"
                if made is not None:
                    break
        by_offset = {t.idx + sa.offset: t for t in sent}
        trig_of = [by_offset[e.evidence["trigger"][0]] for e in events]
        out = []
        for e, why in verdicts(events, trig_of, require_dyad):
            if why is None:
                out.append(e)
            elif trace is not None:
                trace.tried.append({"trigger": e.evidence["trigger_text"], "rule": e.rule, "pattern": f"{e.source}->{e.target or '-'}",
                                    "code": e.cameo, "dropped": why})
        if trace is not None:
            trace.actors = [a for a in (sa.resolve(sent.doc[m.end - 1]) for m in sa.mentions) if a]
            trace.parse = [(t.i - sent.start, t.text, t.lemma_, t.pos_, t.dep_, t.head.i - sent.start) for t in sent]
        return out

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
        if governor_effect(verb.lemma_.lower()) or any(w in known for w in lemma_candidates(verb)):
            return state, False
        return "fact", False

    def _apply(self, cand, state, art, sid, sent, sa, info, events, recode=False) -> int | None:
        """Turn one matched pattern into events; None when its target is no actor."""
        p, trig = cand.pattern, cand.trigger
        code = p.code
        if recode:
            code = self.lexicon.negated_code(p.code) or code
        elif state == "future" and self.lexicon.settings["future_as_intent"]:
            code = self.lexicon.future_code(p.code)
        elif state == "refused":
            code = self.lexicon.refused_code(p.code)  # "declined to resign": 1231
        if code[:2] == "01":
            code = _obligation(trig) or code
        if cand.swapped:
            # "X was freed from Y": the passive subject is whom the act was done to
            passive_subj = [c for c in trig.children if c.dep_ == "nsubjpass"] if is_passive(trig) else []
            src_toks, tgt_toks = cand.source_tokens, passive_subj or subjects(trig)
        else:
            src_toks = subjects(trig)
            tgt_toks = cand.target_tokens if p.names_target else []
        phrases = self.lexicon.settings["phrase_targets"]
        sources = resolve_all(sa, src_toks)
        done_to = False  # the passive subject is the target, as PETRARCH reads a passive
        if not sources and phrases and not cand.swapped and is_passive(trig):
            # "An Eriadorian was shot dead in Osgiliath": the phrase names the doer
            sources = phrase_actors(sa, trig, set())
            # the small parser may hang the subject on the auxiliary as nsubj ("Kiev was
            # sharply and repeatedly criticized")
            heads = [trig, *(a for a in trig.children if a.dep_ == "auxpass")]
            tgt_toks = [c for h in heads for c in h.children if c.dep_ in ("nsubjpass", "nsubj")]
            done_to = bool(sources)
        unnamed = code[:2] in VIOLENT_ROOTS or code.startswith(ARREST_CODES)
        if not sources and unnamed and doer_unnamed(trig, src_toks, tgt_toks):
            sources = unattributed_attacker(sa, sent, code, trig, resolve_all(sa, tgt_toks))  # "a roadside bomb near Samarra killed ..."
        if not sources:
            info["dropped"] = "no source actor"
            return 0
        targets = resolve_all(sa, tgt_toks)
        if not targets and phrases:
            targets = first_inside(sa, tgt_toks, set())
        if not cand.swapped and not p.names_target and not done_to:
            # "clashed over the efforts of Eriador": the phrase on the matched noun first
            near = [prep_objects(a, prep) for a in cand.anchors for prep in ("of", "by", "from", "with", "against", "to")]
            # parties acting together act with each other, not with whom a purpose clause
            # names ("agreed to a truce to allow the exchange of hostages")
            together = len(sources) > 1 and code.startswith(_RECIPROCAL_ROOTS)
            rest = list(default_targets(trig, depth=1 if together else 0))
            if together:  # nor with what their act is about ("signed a deal on the return of refugees")
                rest = [g for g in rest if not (g and g[0].dep_ == "pobj" and g[0].head.lower_ in _NOT_PARTNER_PREPS)]
                if trig.lemma_.lower() in word_list("topic_verbs.txt"):  # "Putin and Trump discussed Ukraine"
                    rest = [g for g in rest if not (g and g[0].dep_ in ("dobj", "obj") and g[0].head == trig)]
            # a verb's own object before the phrases of the matched words: "met Xi on the
            # sidelines of a summit in Uzbekistan" is a meeting with Xi
            first = rest[:1] if trig.pos_ != "NOUN" and rest and not set(rest[0]) & set(cand.anchors) else []
            groups = [g for g in [*first, *near, cand.particle_objects, *rest[len(first):]] if g]
            tgt_toks = groups[0] if groups else []  # for the place fallback below
            for group in groups:
                found = resolve_all(sa, group)
                if code[:2] == "01":
                    # "made his remarks in Doha": where words are said is not whom they address
                    found = [t for t in found if not only_where(sa, t, cand.anchors)]
                targets = [t for t in found if t.code not in {s.code for s in sources}]
                if targets:
                    # "A and B may spur reconciliation between C and B": B, a source, is
                    # still a party A reconciles with (B with itself is skipped below)
                    targets = found
                if not targets and phrases:
                    targets = first_inside(sa, group, {s.code for s in sources})
                if targets:
                    tgt_toks = group
                    break
            if not targets and phrases:
                targets = phrase_actors(sa, trig, {s.code for s in sources})  # "arrived in Gondor"
        if not targets and trig.pos_ == "NOUN":
            targets = governing_subject(sa, trig, sources)
        elif not targets and trig.dep_ == "acl" and trig.head.pos_ == "NOUN":
            targets = governing_subject(sa, trig.head, sources)  # "refused an offer from Y to open talks"
        if not targets and tgt_toks:
            targets = places_as_actors(sa, tgt_toks)  # "shelled Aleppo" -> SYR
        if not targets and code[:2] == "01":
            targets = theme_places(sa, trig, cand.anchors)  # "sorrow for the shootings in South Carolina"
        if not targets and code.startswith(CLAIMS):
            targets = claimed_victims(sa, trig, sources)  # "claimed the bombing of a mall in Nairobi"
        if not targets and code[:2] == PROTEST_ROOT:
            targets = protested_country(sa, sent, sources)
        if not targets and code[:2] == "12":
            # "declined to resign despite pressure by the anti-corruption commission"
            targets = [t for t in resolve_all(sa, defied(trig)) if t.code not in {s.code for s in sources}]
        if not targets and code[:2] == "13":
            # "threatened to strike unless Israel rescinded": the threat is aimed at whoever must comply
            targets = [t for t in resolve_all(sa, condition_subjects(trig)) if t.code not in {s.code for s in sources}]
        if state == "fact" and code[:2] in VIOLENT_ROOTS and self._allegations(p, trig, sources, targets, art, sid, sent, sa, events):
            info["dropped"] = "only claimed: the claim is coded (allegation.tsv)"
            return 0
        if targets and len(sources) > 1 and code.startswith(_RECIPROCAL_ROOTS) and all(only_where(sa, t, cand.anchors) for t in targets):
            targets = []  # "the government and the rebels signed a peace deal in Pretoria": with each other
        if not targets and p.names_target:
            info["dropped"] = "the pattern's target is not an actor"
            return None
        if targets and len(sources) > 1 and each_other(trig):
            targets = []  # "expelled each other's diplomats": between the subjects
        pairs = [(s, t) for s in sources for t in (targets or [None])]
        plover = self._scheme(art) == "plover"
        joint = False  # an act done together, coded once per participant (--scheme plover)
        if not targets and len(sources) > 1 and (code.startswith(_RECIPROCAL_ROOTS) or says_their(trig) or p.between_subjects):
            if plover:
                joint = True
            else:
                pairs = [(s, t) for s in sources for t in sources if s is not t]
        reverse = p.reverse or (_reverse_codes().get(code) if self.lexicon.settings["reverse_mutual"] else None)
        if targets and reverse and plover:
            if reverse == code:  # "A held talks with B": A and B each consulted
                pairs, joint = [(a, None) for a in [*sources, *targets]], True
        elif targets and reverse:  # "A held talks with B": B with A too; A visited B: B hosted A
            # only a party named outright acts back: not "a summit on the unrest in Iran"
            # nor the place of a gathering: "attend a summit in Switzerland"
            pairs += [(t, s, reverse) for s, t in pairs if t is not None and t.head in sa.by_token and not _where(sent.doc[t.head])]
        # One date per trigger, however many actor pairs it gives.
        when = dates.event_date(sent, art.date, anchor=trig.i, offset=sa.offset)
        made = 0
        for s, t, *rev in pairs:
            if t is not None and s.code == t.code:
                continue  # an actor acting on itself is a misreading
            own = ("MIL", "COP", "GOV") if code[:2] == _RELATIONS_ROOT else ("MIL", "COP")
            if t is not None and code[:2] in _OWN_FORCES_ROOTS and t.code[:3] == s.code[:3] and t.code[3:6] in own:
                # "India deployed troops to Ladakh": its own troops are what moves, not a
                # target; "mobilized reservists for a war against Iraq": the war's enemy is
                t = next((a for g in default_targets(trig) for a in resolve_all(sa, g) if a.code[:3] != s.code[:3]), None)
            events.append(self._event(art, sid, sent, sa, rev[0] if rev else code, p, trig, s, t, state, when))
            if joint:
                events[-1].evidence["joint"] = True
            made += 1
        if not made and p.names_target:
            info["dropped"] = "the pattern's target is the source itself"  # "protest in Ramallah" by Palestinians
            return None
        info["kept"] = made
        return made

    def _allegations(self, p, trig, doers, victims, art, sid, sent, sa, events) -> bool:
        """A speaker who says another used force accuses it; claiming one's own attack
        claims responsibility for it, towards its victims (allegation.tsv). True when the
        verb presents the act as only a claim, not to be coded itself."""
        table = _allegation_codes()
        verb = reporting_verb(trig, table)
        if verb is None:
            return False
        made = False
        when = dates.event_date(sent, art.date, anchor=verb.i, offset=sa.offset)
        for speaker in resolve_all(sa, subjects(verb)):
            for doer in doers:
                own = same_side(speaker, doer)
                code, line = table[verb.lemma_.lower()][1 if own else 0]
                if not code:
                    continue
                rule = replace(p, code=code, rule=f"allegation.tsv:{line}", text=f"{verb.lemma_} that ... ({p.rule})", plover=("", ""))
                for t in ([v for v in victims if v.code != speaker.code] or [None]) if own else [doer]:
                    events.append(self._event(art, sid, sent, sa, code, rule, verb, speaker, t, "fact", when))
                    made = True
        return made and table[verb.lemma_.lower()][2] == "drop"

    def _event(self, art, sid, sent, sa, code, p, trig, s: Actor, t: Actor | None, state: str, when) -> Event:
        known = self.lexicon.cameo_code(code)
        c = ontology.cameo(known) if known else None
        ptype, pmode = ontology.plover(c.code) if c else ("", "")
        if p.plover[0] and code == p.code:
            ptype, pmode = p.plover  # the pattern's act is finer than its CAMEO code ("resigned": RETREAT)
        off = sa.offset
        day, date_ev = when
        loc = None
        if self.locate:
            countries = [a.code[:3] for a in (s, t) if a is not None and a.code[:3].isalpha()]
            exclude = {(a.head, a.head + 1) for a in (s, t) if a is not None and a.head is not None}
            loc = places.locate(sent, countries, exclude=exclude, offset=off)
        evidence = {
            "trigger": [trig.idx + off, trig.idx + len(trig) + off],
            "trigger_text": trig.text,
            "source": [s.start, s.end],
            "source_entry": s.entry,
        }
        if t is not None:
            evidence["target"] = [t.start, t.end]
            evidence["target_entry"] = t.entry
        if date_ev:
            evidence["date"] = date_ev
        if state != "fact":
            evidence["mood"] = state
        # Longer patterns and a named target are more trustworthy; actors found only
        # from context are less so.
        conf = 0.5 + 0.08 * min(p.specificity, 4) + (0.1 if t is not None else 0.0)
        if s.entry.startswith("pronoun") or (t is not None and t.entry.startswith("pronoun")):
            conf -= 0.15
        return Event(
            doc_id=art.id, sentence_id=sid, sentence=sent.text, date=day,
            source=s.code, target=t.code if t else "", cameo=code,
            source_text=s.text, target_text=t.text if t else "",
            plover=ptype, plover_mode=pmode, goldstein=c.goldstein if c else None, quad_class=c.quad_class if c else None,
            location=loc, evidence=evidence, rule=p.rule, confidence=round(min(conf, 0.99), 2),
        )


def _where(tok: Token) -> bool:
    """Is the token only where a gathering takes place ("a summit in Switzerland"), not a
    country the visitor arrives in ("arrived in Washington")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.head.head.pos_ == "NOUN"


def _phrase_re(phrase: str) -> re.Pattern:
    words = [re.escape(w) for w in phrase.replace("_", " ").split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _obligation(speech_verb) -> str | None:
    """The demand or appeal code when the reported words oblige someone ("X said Libya
    must hand over the suspects")."""
    table = _obligations()
    for clause in speech_verb.children:
        if clause.dep_ != "ccomp":
            continue
        for aux in clause.children:
            if aux.dep_ == "aux" and aux.lower_ in table:
                return table[aux.lower_]
    return None


@functools.cache
def _obligations() -> dict[str, str]:
    return {r["modal"]: r["code"] for _, r in _read_tsv(builtin_dir() / "obligation.tsv", ["modal", "code"], [])}


@functools.cache
def _allegation_codes() -> dict[str, tuple[tuple[str, int], tuple[str, int], str]]:
    """speech lemma -> ((code about another's force, line), (code about its own, line), keep|drop)."""
    rows = _read_tsv(builtin_dir() / "allegation.tsv", ["lemma", "other", "own", "act"], [])
    return {r["lemma"]: ((r["other"], ln), (r["own"] or "", ln), r["act"]) for ln, r in rows}


@functools.cache
def _reverse_codes() -> dict[str, str]:
    return {r["code"]: r["reverse"] for _, r in _read_tsv(builtin_dir() / "symmetric.tsv", ["code", "reverse"], [])}


_CODERS: dict[tuple, Coder] = {}


def get_coder(model: str | None = None, lexicon_dirs: tuple[str, ...] = (), builtin: bool = True,
              scheme: str = "cameo") -> Coder:
    key = (model, tuple(lexicon_dirs), builtin, scheme)
    if key not in _CODERS:
        _CODERS[key] = Coder(model, lexicon_dirs=list(lexicon_dirs), builtin=builtin, scheme=scheme)
    return _CODERS[key]
