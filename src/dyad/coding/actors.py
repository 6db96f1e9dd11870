"""Resolve actor mentions in a parsed sentence to CAMEO actor codes.

``SentenceActors`` holds what one sentence knows (its mentions by token, the story
date, countries borrowed from the context) and answers the coder's questions about
it: the actor a phrase names (``resolve``, by the readings of readings.py, a phrase's
own mentions put together by compose.py, pronouns by pronouns.py), the countries it
names, the place it is in, the parties coordinated inside a phrase. Known people,
organisations and groups give their full code; a person's code depends on the story
date.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from . import places, pronouns
from .events import is_list_appos
from .mentions import (MODIFIER_DEPS, STATE_KINDS, TOPIC_PREPS, ActorIndex, Mention, hyphen_suffix, in_water_name,
                       mention_part, not_their_country, np_head, pick_person, possessor_in_apposition)
from .readings import READINGS
from .parse import kids
from ..lexicon.loader import ActorEntry, Lexicon, default_lexicon
from ..model import Actor

__all__ = ["ActorIndex", "DocContext", "Mention", "SentenceActors", "pick_person"]

# Dependents that start a new clause or a separate actor: they do not describe the head.
_NOT_PART_OF_NP = {"relcl", "advcl", "conj", "cc", "punct", "ccomp", "parataxis", "mark", "case"}
_NP_DEPTH = 4
_LOCATIVE = {"in", "near", "at", "across", "throughout", "inside", "outside"}
# A story's place (DocContext.story_place) needs this many votes, and this lead over the next country.
PLACE_VOTES = 3
PLACE_LEAD = 1.5
# The sectors of armed groups that fight a state.
_ARMED = {"REB", "UAF", "SEP"}


class SentenceActors:
    """Actor resolution for one sentence, with context carried from earlier sentences."""

    def __init__(self, sent: Span, mentions: list[Mention], day: str | None, offset: int, context: "DocContext",
                 lexicon: Lexicon | None = None):
        self.sent = sent
        self.lexicon = lexicon or default_lexicon()
        self.combine_agents = self.lexicon.settings.combine_agents  # PETRARCH's codes
        self.day = day
        self.offset = offset
        self.context = context
        self.by_token: dict[int, Mention] = {}
        self.borrowed: dict[int, str] = {}  # phrase heads whose country came from the context, not the phrase
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.mentions = mentions
        self.namesakes: dict[int, str] = {}  # a capital's country by mention start (compose._namesake_country)
        self._np: dict[int, list[tuple[int, Token]]] = {}  # np_tokens by head: the parse and mentions do not change
        self._countries: list[str] | None = None  # named_countries, once

    def np_tokens(self, head: Token) -> list[tuple[int, Token]]:
        """Tokens of the noun phrase headed by ``head`` with their depth below it (a new
        list each time: callers may add to it)."""
        found = self._np.get(head.i)
        if found is None:
            found = self._np[head.i] = self._np_tokens(head)
        return list(found)

    def _np_tokens(self, head: Token) -> list[tuple[int, Token]]:
        out, stack = [], [(0, head)]
        while stack:
            depth, tok = stack.pop()
            out.append((depth, tok))
            if depth >= _NP_DEPTH:
                # a deep sector noun still brings its own modifiers: "the withdrawal of US troops"
                if depth == _NP_DEPTH and tok.i in self.by_token and self.by_token[tok.i].kind == "agent":
                    out += [(depth + 1, c) for c in kids(tok) if c.dep_ in ("compound", "amod")]
                continue
            for child in kids(tok):
                if (child.dep_ in _NOT_PART_OF_NP or (child.dep_ == "acl" and (
                        child.tag_ == "VBG" or any(g.dep_ in ("dobj", "dative") for g in kids(child))
                        or child.lemma_.lower() in self.lexicon.words.intermediary_verbs
                        # "a merchant ship attacked by Somali pirates" is not Somali
                        or (tok == head and any(g.dep_ == "agent" for g in kids(child)) and (head.i in self.by_token or any(
                            c.i in self.by_token for c in kids(head) if c.dep_ in MODIFIER_DEPS)))))
                        or is_list_appos(child) or child.lower_ in TOPIC_PREPS):
                    continue  # "rebels seeking to overthrow X", "a ceasefire brokered by X": X is not part of what they are
                stack.append((depth + 1, child))
        return out

    def named_countries(self) -> list[str]:
        """The countries the sentence's actors name: they decide between namesakes when a
        place is looked up (Nara, Japan, not Nara, Mali)."""
        if self._countries is None:
            self._countries = [c for c in (mention_part(m, self.day).country for m in self.mentions) if c[:3].isalpha()]
        return list(self._countries)

    def sentence_place(self) -> str:
        """The country of the place the sentence names, from the gazetteer (once per sentence)."""
        if not hasattr(self, "_place"):
            # where it happens: a city or region the lexicon does not know, or a country after
            # "in" ("militias attacked US troops in Iraq"), not a country that is a party
            doc = self.sent.doc
            backers = {(m.start, m.end) for m in self.mentions if m.kind in STATE_KINDS and (
                not_their_country(doc, m.start, m.end) or hyphen_suffix(doc, m.end) == "based")}  # "Moscow-backed"
            where = places.locate(self.sent, self.named_countries(), exclude=backers)
            self._place, self._where = "", None
            if where and where.get("source") == "text":
                tok = self.sent.doc.char_span(where["start"], where["end"], alignment_mode="expand")
                locative = tok is not None and tok.root.dep_ == "pobj" and tok.root.head.lower_ in _LOCATIVE
                if where.get("feature") != "country" or locative:
                    self._place, self._where = places.actor_country(where["country"]), where
        return self._place

    def place_actor(self) -> Actor | None:
        """The country of the place the sentence says it happens in, as an actor with the
        place's words: "violated the ceasefire in the Poonch district of Jammu and Kashmir"."""
        if not self.sentence_place():
            return None
        w = self._where
        return Actor(self._place, w["text"], w["start"] + self.offset, w["end"] + self.offset, f"place: {w['name']}")

    def place_country(self, toks: list[tuple[int, Token]]) -> str:
        """The country of a place named inside the phrase that no lexicon entry knows:
        "gunmen in Peshawar" are Pakistani."""
        for _, tok in sorted(toks, key=lambda x: x[0]):
            if tok.i in self.by_token or tok.ent_type_ not in ("GPE", "LOC") or tok.dep_ != "pobj" \
                    or in_water_name(tok, self.lexicon.words.water_nouns):
                continue  # not "ships in the Sea of Japan"
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            place = places.resolve(ent.text if ent is not None else tok.text)
            if place is not None and place.country:
                return places.actor_country(place.country)
        return ""

    def phrase_actor(self, head: Token, wanted) -> Actor | None:
        """The actor of the first prepositional phrase on ``head`` whose preposition is
        ``wanted``."""
        for prep in kids(head):
            if prep.dep_ == "prep" and wanted(prep.lower_):
                for pobj in kids(prep):
                    actor = self.resolve(pobj) if pobj.dep_ == "pobj" else None
                    if actor is not None:
                        return actor
        return None

    def shared_modifiers(self, head: Token) -> list[tuple[int, Token]]:
        """"the Russian Islamist media and government": a bare noun coordinated with
        another takes that one's modifiers as its own."""
        first = head.head
        if head.dep_ != "conj" or first.pos_ not in ("NOUN", "PROPN") or any(
                c.dep_ in MODIFIER_DEPS for c in kids(head)):
            return []
        return [(1, t) for c in kids(first) if c.dep_ in MODIFIER_DEPS and c.i < first.i for t in c.subtree]

    def context_country(self, head: Token, after: bool = True, state: bool = False) -> str:
        """The nearest country named before the actor in the sentence, else earlier in
        the story, else after it in the sentence ("President Museveni banned Ugandan
        opposition candidates"). For an organ of a state (``state``), the country of an
        armed group the sentence names comes before a place: "the government refused the
        FARC's demand since talks began in Cuba" is Colombia's."""
        before, later, groups, armed = [], [], [], []
        for m in self.mentions:
            if m.start <= head.i < m.end or (m.kind in STATE_KINDS and (
                    not_their_country(head.doc, m.start, m.end) or hyphen_suffix(head.doc, m.end) == "based")):
                # "a UK-based group said government forces ...": the forces are not British
                continue
            country = mention_part(m, self.day).country
            if m.kind in ("person", "named") and not places.iso3(country):
                continue  # a person of an international body is of no country ("UN envoy X called on troops")
            if m.kind in ("group", "organisation"):
                # where a group fights says little about whose rebels these are: only
                # when nothing else names a country
                if country:
                    groups.append((abs(m.start - head.i), country))
                    if m.entries[0].code[:3] == country and m.entries[0].code[3:6] in _ARMED:
                        armed.append((abs(m.start - head.i), country))
                continue
            if country:
                (before if m.start < head.i else later).append((abs(m.start - head.i), country))
        if before:
            return min(before)[1]
        story = self.context.story_place() if state and self.context.last_only_place else ""
        if story:
            # "government troops" in a story about the Central African Republic, after "said
            # in a telephone interview from Libreville": the story's country, not the place
            return story
        if self.context.last_country:
            return self.context.last_country
        if state and armed:
            return min(armed)[1]
        if self.sentence_place():
            return self.sentence_place()  # "Protesters in Lagos clashed with police": Nigerian police
        if later and after:
            return min(later)[1]
        return min(groups)[1] if groups else ""

    def actors_of(self, country: str) -> list[Actor]:
        """The actors the sentence names whose code is of ``country`` (each mention's phrase
        resolved once)."""
        if not hasattr(self, "_resolved"):
            heads = dict.fromkeys(np_head(self.sent.doc[m.end - 1]) for m in self.mentions)
            self._resolved = [a for a in (self.resolve(h) for h in heads) if a is not None]
        return [a for a in self._resolved if a.code[:3] == country]

    def other_country(self, head: Token, verb: Token, skip: set[str]) -> str:
        """A country for a phrase that names none of its own other than those in ``skip``:
        where the sentence places the act ("civilians ... in northern Syria"), else the
        nearest country named as a phrase of its own, not as a modifier, in the phrase or
        in the clause of ``verb`` ("the victims of the floods that swept Brazil",
        "deported migrants back to India"), not in a clause of its own ("rejected an
        ultimatum from rebels, accusing Rwanda")."""
        place = self.sentence_place()
        if place and place not in skip:
            return place
        found = []
        for m in self.mentions:
            if m.kind not in ("country", "capital") or m.start <= head.i < m.end:
                continue
            last = head.doc[m.end - 1]
            country = mention_part(m, self.day).country
            if (country and country not in skip and last.dep_ in ("pobj", "dobj", "conj", "appos")
                    and not not_their_country(head.doc, m.start, m.end) and _in_clause(last, (head, verb))):
                found.append((abs(m.start - head.i), country))
        return min(found)[1] if found else ""

    def coordinated_inside(self, head: Token) -> list[Actor]:
        """One actor per member of a coordination inside the phrase: "ties between Minas
        Tirith and Osgiliath", "ties with Mordor, Rohan and Bree", "lawmakers in Arnor
        and Gondor" (each with the head's sector)."""
        m = self.by_token.get(head.i)
        if m is not None and m.kind != "agent":
            return []
        sector = mention_part(m, self.day).sector if m is not None else ""
        for depth, tok in sorted(self.np_tokens(head), key=lambda x: (x[0], x[1].i)):
            if tok.i in self.by_token and tok != head and not (m is not None and m.start <= tok.i < m.end):
                members = [tok] + [c for c in tok.subtree if (c.dep_ == "conj" or is_list_appos(c)) and c.i in self.by_token]
                if len(members) < 2:
                    return []
                out = []
                for member in members:
                    a = self.resolve(member)
                    if a is not None:
                        if sector and len(a.code) == 3:
                            a.code += sector
                        out.append(a)
                return out
        return []

    def with_countries_of(self, head: Token, actors: list[Actor]) -> list[Actor]:
        """A bare agent ("officials") coded with each country of ``actors``; nothing when
        ``head`` is no agent or its own phrase names a country."""
        m = self.by_token.get(head.i)
        if m is None or m.kind != "agent":
            return []
        if any(tok.i in self.by_token and not (m.start <= tok.i < m.end) for _, tok in self.np_tokens(head)):
            return []
        part = mention_part(m, self.day)
        span = head.doc[m.start : m.end]
        return [Actor(a.code[:3] + part.sector, span.text, span.start_char + self.offset, span.end_char + self.offset,
                      f"{part.entry}; country of {a.text}", head.i)
                for a in actors if a.code[:3].isalpha()]

    def coordinated_modifiers(self, head: Token) -> list[Actor]:
        """"Hungarian and Romanian officials": one actor per coordinated country
        adjective; the first is already coded with the head."""
        out = []
        own = self.by_token.get(head.i)
        for mod in kids(head):
            if mod.dep_ not in ("amod", "compound", "nmod") or mod.i not in self.by_token:
                continue
            if own is not None and own.kind not in ("agent",) and not (own.start <= mod.i < own.end) \
                    and any(c.dep_ == "conj" for c in kids(mod)):
                # "Arnor, Calenardhon and the evil Gondor" parsed as modifiers of Gondor:
                # the list's first member is an actor of its own
                first = self.resolve(mod)
                if first is not None:
                    out.append(first)
            for other in kids(mod):
                m = self.by_token.get(other.i)
                if other.dep_ != "conj" or m is None:
                    continue
                part = mention_part(m, self.day)
                base = self.resolve(head)
                if base is None or not part.country:
                    continue
                code = part.full or part.country + base.code[3:]
                span = head.doc[m.start : m.end]
                out.append(Actor(code, span.text, span.start_char + self.offset, span.end_char + self.offset, part.entry, head.i))
        return out

    def resolve(self, head: Token) -> Actor | None:
        """Code the noun phrase headed by ``head``; None when it names no actor. A pronoun
        is whom it refers to; any other phrase is coded by the first of the readings
        (readings.READINGS) that gives an actor, the last but two being its own mentions
        put together (compose.py)."""
        if head.pos_ == "PRON":
            return pronouns.pronoun(self, head)
        for reading in READINGS:
            actor = reading(self, head)
            if actor is not None:
                return actor
        return None

    def referent(self, pron: Token) -> Token | None:
        """The token a pronoun refers to in this sentence (pronouns.referent)."""
        return pronouns.referent(self, pron)


class DocContext:
    """What later sentences may refer back to."""

    def __init__(self, speech: frozenset[str] = frozenset()) -> None:
        self.speech = speech  # verbs of saying, for "X said they..."
        self.last_country = ""
        self.last_only_place = False  # was the last country named only as where something was?
        self.last_person: Actor | None = None
        self.last_actor: Actor | None = None
        self.place_votes: Counter[str] = Counter()  # the story's countries, for story_place
        self.sentences = 0
        self.names: dict[str, Actor] = {}  # a person's later names (lower case) -> whom the story named
        self.titled: dict[int, Actor] = {}  # the sentence's names after a title ("Defense Minister X"), by head

    def named_before(self, sent: Span, mentions: list[Mention]) -> list[Mention]:
        """Mentions of people the story named before with what they are ("Indian Foreign
        Secretary Salman Haidar") and now names by a name alone ("Haidar told reporters"):
        a capitalised proper noun outside the lexicon's mentions that is one of their names
        but the first."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for tok in sent:
            known = self.names.get(tok.lower_)
            if known is None or tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
                continue
            entry = ActorEntry(tok.text, known.code, "named", f"named before in the story: {known.text} ({known.entry})")
            out.append(Mention(tok.i, tok.i + 1, [entry]))
        return out

    def remember_names(self, sa: SentenceActors) -> None:
        """The people the sentence names in full, by each of their names but the first: a
        person of the lexicon ("Moussa Faki Mahamat": "Faki") and a name after a title the
        lexicon knows ("Indian Foreign Secretary Salman Haidar": "Haidar"), as whom the
        whole phrase names."""
        doc = sa.sent.doc
        for m in sa.mentions:  # a person the lexicon knows by the full name only ("Moussa Faki Mahamat")
            if m.kind == "person" and m.end - m.start > 1:
                actor = sa.resolve(doc[m.end - 1])
                for tok in doc[m.start + 1:m.end]:
                    if actor is not None and tok.pos_ == "PROPN" and len(tok) > 2:
                        self.names[tok.lower_] = actor
        for head in sa.sent:
            if head.pos_ != "PROPN" or head.i in sa.by_token or head.dep_ == "compound" or not head.text[:1].isupper():
                continue
            start = head.i
            while start > sa.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in sa.by_token \
                    and doc[start - 1].head.i <= head.i and doc[start - 1].text[:1].isupper():
                start -= 1
            title = sa.by_token.get(start - 1)
            if title is None or title.kind != "agent":
                continue
            actor = sa.resolve(head)
            if actor is None or not actor.code[:3].isalpha() or actor.entry.startswith(("pronoun", "named before")):
                continue
            names = list(doc[start:head.i + 1])
            for tok in names[1:] if len(names) > 1 else names:
                if len(tok) > 2:
                    self.names[tok.lower_] = Actor(actor.code, doc[start:head.i + 1].text, actor.start, actor.end,
                                                   actor.entry)
            self.titled[head.i] = actor

    def story_place(self) -> str:
        """The country the story happens in: the one its sentences name most, a place in
        it (a town, a region, a country after "in") counting twice; none unless the story
        has two sentences or more and one country clearly leads."""
        ranked = self.place_votes.most_common(2)
        if self.sentences < 2 or not ranked or ranked[0][1] < PLACE_VOTES:
            return ""
        if len(ranked) > 1 and ranked[0][1] < PLACE_LEAD * ranked[1][1]:
            return ""
        return ranked[0][0]

    def update(self, sa: SentenceActors) -> None:
        self.sentences += 1
        self.titled = {}
        self.remember_names(sa)
        votes = Counter({places.actor_country(iso): 1 for iso in map(places.iso3, sa.named_countries()) if iso})
        if sa.sentence_place():
            votes[sa.sentence_place()] = 2
        self.place_votes.update(votes)
        for m in sa.mentions:
            part = mention_part(m, sa.day)
            if part.country and (m.kind not in ("person", "named") or places.iso3(part.country)):
                self.last_country = part.country
                self.last_only_place = m.kind in STATE_KINDS and _only_place(sa.sent.doc[m.end - 1])
            if m.kind == "person" or m.entries[0].source.startswith("named before"):
                # "Bakary, Biya's main challenger": the one the apposition describes
                last = sa.sent.doc[m.end - 1]
                self.last_person = sa.resolve(possessor_in_apposition(last) or last) or self.last_person
            elif m.kind in ("country", "capital", "government", "organisation", "group", "named"):
                self.last_actor = sa.resolve(sa.sent.doc[m.end - 1]) or self.last_actor
        # a person named after a title ("Defense Minister Yasukazu Hamada said") is whom a
        # later "he" stands for, when named after the sentence's other people
        people = [m.end - 1 for m in sa.mentions if m.kind == "person" or m.entries[0].source.startswith("named before")]
        last = max(self.titled, default=-1)
        if last > max(people, default=-1):
            self.last_person = self.titled[last]


# Prepositions of where something was or came from: a capital as their object is a place.
_WHERE_PREPS = {"in", "from", "at", "near", "outside", "inside", "across", "throughout"}


def _only_place(tok: Token) -> bool:
    """Is a country or capital named only as where something was ("an interview from
    Libreville", "a statement read in Bangui"), not as an actor or whose something is?"""
    while tok.dep_ == "compound" and tok.head != tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _WHERE_PREPS and tok.head.head.pos_ in ("VERB", "NOUN")


def _in_clause(tok: Token, tops: tuple[Token, ...]) -> bool:
    """Is ``tok`` below one of ``tops`` with no clause between them but ones that describe
    a noun ("the floods that swept Brazil", "the group surrounding Addis Ababa")?"""
    node = tok
    while node not in tops:
        if node.head == node or (node.pos_ in ("VERB", "AUX") and node.dep_ not in ("relcl", "acl")):
            return False
        node = node.head
    return True
