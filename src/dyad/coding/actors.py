"""Resolve actor mentions in a parsed sentence to CAMEO actor codes.

Resolution is compositional: a noun phrase is coded from the phrases it contains, so
"Russian senator Vladimir Dzhabarov" is RUS (from "Russian") + LEG (from "senator")
without the senator being listed. Known people, organisations and groups give their
full code; a person's code depends on the story date.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from . import places
from .events import is_list_appos
from ..lexicon.loader import ActorEntry, Lexicon, default_lexicon
from ..model import Actor

# Dependents that start a new clause or a separate actor: they do not describe the head.
_NOT_PART_OF_NP = {"relcl", "advcl", "conj", "cc", "punct", "ccomp", "parataxis", "mark", "case"}
_NP_DEPTH = 4
_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
_COUNTRY_NOUNS = {"country", "nation", "kingdom", "republic", "emirate"}
_TOPIC_PREPS = {"about", "regarding", "concerning"}  # "talks about Syria" are not Syria
_KIND_RANK = {"person": 0, "named": 0, "group": 1, "organisation": 2, "government": 3, "country": 4, "capital": 5, "agent": 6}
_STANCE_PREFIXES = {"anti", "pro"}
_LOCATIVE = {"in", "near", "at", "across", "throughout", "inside", "outside"}
_BACKING = {"backed", "sponsored", "funded", "supported", "armed", "trained", "allied"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_THING_PRONOUNS = {"it", "its", "they", "them", "their"}
_PLURAL_PRONOUNS = {"they", "them", "their"}


@dataclass
class Mention:
    start: int  # token index in the Doc
    end: int
    entries: list[ActorEntry]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


class ActorIndex:
    """Phrase table over token sequences, built once per lexicon."""

    def __init__(self, lexicon: Lexicon, tokenizer):
        self.table: dict[tuple[str, ...], list[ActorEntry]] = {}
        for e in lexicon.actors:
            key = tuple(t.lower_ for t in tokenizer(e.phrase) if not t.is_space)
            if key and key[0] == "the" and len(key) > 1:
                key = key[1:]
            if key:
                self.table.setdefault(key, []).append(e)
        for entries in self.table.values():
            entries.sort(key=lambda e: _KIND_RANK.get(e.kind, 9))
        self.maxlen = max((len(k) for k in self.table), default=1)
        # The longest phrase each first word starts: most words start none, and are passed
        # over without building a single candidate phrase.
        self.longest: dict[str, int] = {}
        for key in self.table:
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        # PETRARCH reads an agent whatever its part of speech: "Islamist lawmakers" is MUS LEG
        self.adjective_agents = lexicon.settings.combine_agents

    def _lookup(self, toks: list[Token], key: tuple[str, ...], lemma: str) -> list[ActorEntry] | None:
        """Entries for the phrase ``toks`` (lower-cased ``key``; ``lemma`` of its last word)."""
        found = self.table.get(key)
        if found is None and lemma != key[-1]:
            # Plurals and inflections of the last word ("officials", "Ministers").
            found = self.table.get(key[:-1] + (lemma,))
            if found:
                found = [e for e in found if e.kind == "agent" and e.inflect] or None
        if not found:
            return None
        if toks[-1].pos_ not in ("NOUN", "PROPN", "X") and not (
                self.adjective_agents and toks[-1].pos_ == "ADJ" and toks[-1].text[:1].isupper()):
            # Sector nouns are nouns: "forced", "ministering" are not actors; a
            # capitalised adjective ("Islamist") may be one under combine_agents.
            found = [e for e in found if e.kind != "agent"]
        # An acronym must not match lower-case text ("US" vs "us", "IS" vs "is"); names
        # may ("president obama").
        text_all_lower = all(t.text == t.lower_ for t in toks)
        found = [e for e in found if not (text_all_lower and (e.phrase.isupper() or len(e.phrase) <= 3) and e.phrase != e.phrase.lower())]
        return found or None

    def mentions(self, doc) -> list[Mention]:
        out: list[Mention] = []
        lowers = [t.lower_ for t in doc]
        lemmas = [t.lemma_.lower() for t in doc]
        punct = [t.is_punct for t in doc]
        i, n = 0, len(doc)
        while i < n:
            # Longer phrases start with the word itself; a lone word may be an inflection.
            longest = max(self.longest.get(lowers[i], 0), 1 if (lemmas[i],) in self.table else 0)
            for size in range(min(longest, n - i), 0, -1):
                last = i + size - 1
                if punct[i] or punct[last]:
                    continue
                key = tuple(lowers[i : last + 1])
                if key not in self.table and (lemmas[last] == key[-1] or key[:-1] + (lemmas[last],) not in self.table):
                    continue
                found = self._lookup(list(doc[i : i + size]), key, lemmas[last])
                if found:
                    found = [e for e in found if not e.phrase.lower().startswith("the ") or _with_the(doc, i, i + size)]
                if found:
                    out.append(Mention(i, i + size, found))
                    i += size
                    break
            else:
                i += 1
        return out


def _in_range(e: ActorEntry, day: str | None) -> bool:
    return (not e.start or not day or e.start <= day) and (not e.end or not day or day <= e.end)


def pick_person(entries: list[ActorEntry], day: str | None) -> ActorEntry:
    """The office held on ``day``; else the latest one that ended before it; else the first."""
    people = [e for e in entries if e.kind in ("person", "named")] or entries
    current = [e for e in people if _in_range(e, day)]
    if current:
        return current[0]
    if day:
        earlier = sorted((e for e in people if e.end and e.end < day), key=lambda e: e.end)
        if earlier:
            return earlier[-1]
    return sorted(people, key=lambda e: e.start or "")[0]


@dataclass
class Part:
    """What one mention contributes to a noun phrase's code."""

    country: str = ""
    sector: str = ""
    full: str = ""
    entry: str = ""
    before: str = ""  # a sector that goes before the country ("MSF Arnor": NGOARN)


def mention_part(m: Mention, day: str | None) -> Part:
    e = m.entries[0]
    if e.kind in ("person", "named"):
        e = pick_person(m.entries, day)
        # a code made up outside CAMEO (PETRARCH's +++) names no country to lend others
        country = e.code[:3] if e.code[:3].isalnum() else ""
        return Part(country=country, sector=e.code[3:6], full=e.code, entry=e.source)
    if e.kind in ("country", "capital"):
        return Part(country=e.code, entry=e.source)
    if e.kind == "government":
        return Part(country=e.code[:3], sector=e.code[3:], full=e.code, entry=e.source)
    if e.kind == "agent":
        return Part(before=e.code, entry=e.source) if e.before else Part(sector=e.code, entry=e.source)
    return Part(country=e.country or "", full=e.code, entry=e.source)  # organisation, group


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

    def _np_tokens(self, head: Token) -> list[tuple[int, Token]]:
        """Tokens of the noun phrase headed by ``head`` with their depth below it."""
        out, stack = [], [(0, head)]
        while stack:
            depth, tok = stack.pop()
            out.append((depth, tok))
            if depth >= _NP_DEPTH:
                # a deep sector noun still brings its own modifiers: "the withdrawal of US troops"
                if depth == _NP_DEPTH and tok.i in self.by_token and self.by_token[tok.i].kind == "agent":
                    out += [(depth + 1, c) for c in tok.children if c.dep_ in ("compound", "amod")]
                continue
            for child in tok.children:
                if (child.dep_ in _NOT_PART_OF_NP or (child.dep_ == "acl" and (
                        child.tag_ == "VBG" or any(g.dep_ in ("dobj", "dative") for g in child.children)
                        or child.lemma_.lower() in self.lexicon.words.intermediary_verbs
                        # "a merchant ship attacked by Somali pirates" is not Somali
                        or (tok == head and any(g.dep_ == "agent" for g in child.children) and (head.i in self.by_token or any(
                            c.i in self.by_token for c in head.children if c.dep_ in _MODIFIER_DEPS)))))
                        or is_list_appos(child) or child.lower_ in _TOPIC_PREPS):
                    continue  # "rebels seeking to overthrow X", "a ceasefire brokered by X": X is not part of what they are
                stack.append((depth + 1, child))
        return out

    def named_countries(self) -> list[str]:
        """The countries the sentence's actors name: they decide between namesakes when a
        place is looked up (Nara, Japan, not Nara, Mali)."""
        return [c for c in (mention_part(m, self.day).country for m in self.mentions) if c[:3].isalpha()]

    def _sentence_place(self) -> str:
        """The country of the place the sentence names, from the gazetteer (once per sentence)."""
        if not hasattr(self, "_place"):
            # where it happens: a city or region the lexicon does not know, or a country after
            # "in" ("militias attacked US troops in Iraq"), not a country that is a party
            doc = self.sent.doc
            backers = {(m.start, m.end) for m in self.mentions if m.kind in _STATE_KINDS and (
                _not_their_country(doc, m.start, m.end) or _suffix(doc, m.end) == "based")}  # "Moscow-backed"
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
        if not self._sentence_place():
            return None
        w = self._where
        return Actor(self._place, w["text"], w["start"] + self.offset, w["end"] + self.offset, f"place: {w['name']}")

    def _place_country(self, toks: list[tuple[int, Token]]) -> str:
        """The country of a place named inside the phrase that no lexicon entry knows:
        "gunmen in Peshawar" are Pakistani."""
        for _, tok in sorted(toks, key=lambda x: x[0]):
            if tok.i in self.by_token or tok.ent_type_ not in ("GPE", "LOC") or tok.dep_ != "pobj":
                continue
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            place = places.resolve(ent.text if ent is not None else tok.text)
            if place is not None and place.country:
                return places.actor_country(place.country)
        return ""

    def _phrase_actor(self, head: Token, wanted) -> Actor | None:
        """The actor of the first prepositional phrase on ``head`` whose preposition is
        ``wanted``."""
        for prep in head.children:
            if prep.dep_ == "prep" and wanted(prep.lower_):
                for pobj in prep.children:
                    actor = self.resolve(pobj) if pobj.dep_ == "pobj" else None
                    if actor is not None:
                        return actor
        return None

    def _shared_modifiers(self, head: Token) -> list[tuple[int, Token]]:
        """"the Russian Islamist media and government": a bare noun coordinated with
        another takes that one's modifiers as its own."""
        first = head.head
        if head.dep_ != "conj" or first.pos_ not in ("NOUN", "PROPN") or any(
                c.dep_ in _MODIFIER_DEPS for c in head.children):
            return []
        return [(1, t) for c in first.children if c.dep_ in _MODIFIER_DEPS and c.i < first.i for t in c.subtree]

    def _context_country(self, head: Token, after: bool = True, state: bool = False) -> str:
        """The nearest country named before the actor in the sentence, else earlier in
        the story, else after it in the sentence ("President Museveni banned Ugandan
        opposition candidates"). For an organ of a state (``state``), the country of an
        armed group the sentence names comes before a place: "the government refused the
        FARC's demand since talks began in Cuba" is Colombia's."""
        before, later, groups, armed = [], [], [], []
        for m in self.mentions:
            if m.start <= head.i < m.end or (m.kind in _STATE_KINDS and (
                    _not_their_country(head.doc, m.start, m.end) or _suffix(head.doc, m.end) == "based")):
                # "a UK-based group said government forces ...": the forces are not British
                continue
            country = mention_part(m, self.day).country
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
        if self.context.last_country:
            return self.context.last_country
        if state and armed:
            return min(armed)[1]
        if self._sentence_place():
            return self._sentence_place()  # "Protesters in Lagos clashed with police": Nigerian police
        if later and after:
            return min(later)[1]
        return min(groups)[1] if groups else ""

    def actors_of(self, country: str) -> list[Actor]:
        """The actors the sentence names whose code is of ``country`` (each mention's phrase
        resolved once)."""
        if not hasattr(self, "_resolved"):
            heads = dict.fromkeys(_np_head(self.sent.doc[m.end - 1]) for m in self.mentions)
            self._resolved = [a for a in (self.resolve(h) for h in heads) if a is not None]
        return [a for a in self._resolved if a.code[:3] == country]

    def other_country(self, head: Token, verb: Token, skip: set[str]) -> str:
        """A country for a phrase that names none of its own other than those in ``skip``:
        where the sentence places the act ("civilians ... in northern Syria"), else the
        nearest country named as a phrase of its own, not as a modifier, in the phrase or
        in the clause of ``verb`` ("the victims of the floods that swept Brazil",
        "deported migrants back to India"), not in a clause of its own ("rejected an
        ultimatum from rebels, accusing Rwanda")."""
        place = self._sentence_place()
        if place and place not in skip:
            return place
        found = []
        for m in self.mentions:
            if m.kind not in ("country", "capital") or m.start <= head.i < m.end:
                continue
            last = head.doc[m.end - 1]
            country = mention_part(m, self.day).country
            if (country and country not in skip and last.dep_ in ("pobj", "dobj", "conj", "appos")
                    and not _not_their_country(head.doc, m.start, m.end) and _in_clause(last, (head, verb))):
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
        for depth, tok in sorted(self._np_tokens(head), key=lambda x: (x[0], x[1].i)):
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
        if any(tok.i in self.by_token and not (m.start <= tok.i < m.end) for _, tok in self._np_tokens(head)):
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
        for mod in head.children:
            if mod.dep_ not in ("amod", "compound", "nmod") or mod.i not in self.by_token:
                continue
            if own is not None and own.kind not in ("agent",) and not (own.start <= mod.i < own.end) \
                    and any(c.dep_ == "conj" for c in mod.children):
                # "Arnor, Calenardhon and the evil Gondor" parsed as modifiers of Gondor:
                # the list's first member is an actor of its own
                first = self.resolve(mod)
                if first is not None:
                    out.append(first)
            for other in mod.children:
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

    def referent(self, pron: Token) -> Token | None:
        """The head of the phrase a pronoun refers to, when it is in this sentence:
        "he"/"she" the nearest person (known, or titled: "President Bouteflika");
        "it" the nearest state, organisation or group; "they" also groups of people."""
        w = pron.lower_
        if w in _PERSON_PRONOUNS:
            want: tuple[str, ...] = ("person", "agent")
        elif w in _THING_PRONOUNS:
            want = ("country", "capital", "government", "organisation", "group", "named")
            if w in _PLURAL_PRONOUNS:
                want += ("agent", "person")  # "rebel leaders said they ...", "Obama and Putin said they"
        else:
            return None
        speaker = self._speaker_of(pron) or self._owner_speaking(pron, want)
        if speaker is not None:
            return speaker  # "Militants loyal to Zarqawi said they attempted...": the militants
        if pron.dep_ == "nsubj" and pron.head.dep_ == "advcl":
            # "bombers killed 23 people when they blew themselves up": the subject of the
            # clause a subject pronoun's clause hangs on
            main = [c for c in pron.head.head.children if c.dep_ == "nsubj" and c.i < pron.i]
            if main and main[0].i in self.by_token and self.by_token[main[0].i].kind in want:
                return main[0]
        found = None
        for m in self.mentions:
            if m.end <= pron.i and m.kind in want:
                head = _np_head(pron.doc[m.end - 1])
                if head.i < pron.i and (m.kind != "agent" or w not in _PERSON_PRONOUNS
                                        or head.ent_type_ == "PERSON" or head == pron.doc[m.end - 1]) \
                        and not (w in _PERSON_PRONOUNS and head.tag_ in ("NNS", "NNPS")):
                    found = head  # "he" is one person, not "the authorities"
        if found is not None and w in _PLURAL_PRONOUNS:
            while found.dep_ == "conj" and found.head.i < found.i:
                found = found.head  # the first of "Obama and Putin"
        return found

    def _owner_speaking(self, pron: Token, want: tuple[str, ...]) -> Token | None:
        """A possessive in reported words that name another party is the speaker's: "Iran
        said US drones had violated its airspace", "South Africa said the UAE turned down
        its request"; not "its own"."""
        if pron.dep_ != "poss" or pron.lower_ not in ("its", "their") or (
                pron.i + 1 < len(pron.doc) and pron.doc[pron.i + 1].lower_ == "own"):
            return None
        verb = pron.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.context.speech or verb.head.i > verb.i:
            return None  # not a trailing attribution ("..., the news agency said")
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        m = self.by_token.get(speaker.i) if speaker is not None else None
        if m is None or m.kind not in want or not own or own[0].i in (speaker.i, pron.head.i):
            return None
        return speaker

    def _speaker_of(self, pron: Token) -> Token | None:
        """For the subject of reported words, the one who speaks: "X said they..."."""
        verb = pron.head
        if pron.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
            return None
        speech = verb.head
        if speech.lemma_.lower() not in self.context.speech:
            return None
        subj = next((c for c in speech.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if subj is None or self.resolve(subj) is None:
            return None
        if pron.lower_ in _PERSON_PRONOUNS and subj.ent_type_ != "PERSON" and not any(
                m.kind in ("person", "agent") for m in self.mentions if m.start <= subj.i < m.end):
            return None
        return subj

    def _pronoun(self, pron: Token) -> Actor | None:
        """The actor a pronoun refers to, looking back into earlier sentences if needed."""
        found = self.referent(pron)
        if found is not None:
            a = self.resolve(found)
        elif pron.lower_ in _PERSON_PRONOUNS:
            a = self.context.last_person
        elif pron.lower_ in _THING_PRONOUNS:
            a = self.context.last_actor
        else:
            a = None
        if a is None:
            return None
        return Actor(a.code, pron.text, pron.idx + self.offset, pron.idx + len(pron) + self.offset, f"pronoun -> {a.text} ({a.entry})", pron.i)

    def resolve(self, head: Token) -> Actor | None:
        """Code the noun phrase headed by ``head``; None when it names no actor. A pronoun
        is whom it refers to; any other phrase is coded by the first of the readings
        below that gives an actor, the last being its own mentions put together."""
        if head.pos_ == "PRON":
            return self._pronoun(head)
        for reading in (self._country_noun, self._body_noun, self._quantity_of, self._first_phrase_actor,
                        self._members_of_owner, self._composed, self._thing_of_place, self._owned_thing):
            actor = reading(head)
            if actor is not None:
                return actor
        return None

    def _country_noun(self, head: Token) -> Actor | None:
        """"The country", "the kingdom": the nearest country named before."""
        if head.lower_ not in _COUNTRY_NOUNS or head.i in self.by_token or not any(c.lower_ == "the" for c in head.children):
            return None
        country = self._context_country(head, after=False)
        if not country:
            return None
        self.borrowed[head.i] = country  # a guess the target steps may revise (look_past_own_country)
        return Actor(country, head.text, head.idx + self.offset, head.idx + len(head) + self.offset, "the nearest earlier country", head.i)

    def _body_noun(self, head: Token) -> Actor | None:
        """"The alliance", "the bloc", "the group": the nearest organisation or group of
        that kind named before it in the sentence ("NATO said the alliance and Afghan
        forces killed 94 insurgents")."""
        kinds = _BODY_NOUNS.get(head.lemma_.lower())
        if kinds is None or head.i in self.by_token or any(
                c.dep_ == "det" and c.lower_ != "the" or c.dep_ in _MODIFIER_DEPS for c in head.children):
            return None
        named = [m for m in self.mentions if m.end <= head.i and m.kind in kinds]
        if not named:
            return None
        body = self.resolve(_np_head(head.doc[named[-1].end - 1]))
        if body is None:
            return None
        return Actor(body.code, head.text, head.idx + self.offset, head.idx + len(head) + self.offset,
                     f"the nearest earlier {head.lemma_.lower()}: {body.text} ({body.entry})", head.i)

    def _quantity_of(self, head: Token) -> Actor | None:
        """"Hundreds of UN troops", "dozens of protesters": the actor is the "of" phrase;
        not "the Israeli blockade of Gaza", whose own modifier names the actor."""
        if head.i in self.by_token or any(c.dep_ in _MODIFIER_DEPS and c.i in self.by_token for c in head.children) \
                or head.lemma_.lower() in self.lexicon.thing_sectors:
            return None  # "neighborhoods of Sarajevo" are the city's civilians (thing_sectors.tsv)
        return self._phrase_actor(head, lambda prep: prep == "of")

    def _first_phrase_actor(self, head: Token) -> Actor | None:
        """Setting ``combine_agents``: PETRARCH codes a phrase by the first actor in it: "an
        attack by Russian soldiers in eastern Ukraine" is RUSMIL, not Ukraine's soldiers."""
        if not self.combine_agents or head.i in self.by_token or any(
                t.i in self.by_token for c in head.children if c.dep_ in _MODIFIER_DEPS for t in c.subtree):
            return None
        return self._phrase_actor(head, lambda prep: prep not in _TOPIC_PREPS)

    def _members_of_owner(self, head: Token) -> Actor | None:
        """"Its supporters", "their fighters": the people of whoever the possessive names."""
        if head.i in self.by_token or head.lemma_.lower() not in self.lexicon.words.member_nouns:
            return None
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        actor = self._pronoun(owner) if owner is not None else None
        if actor is None:
            return None
        return Actor(actor.code, head.text, head.idx + self.offset, head.idx + len(head) + self.offset,
                     f"{head.text} of {actor.entry}", head.i)

    def _thing_of_place(self, head: Token) -> Actor | None:
        """A thing of a sector (thing_sectors.tsv) in a place the lexicon does not know is
        that place's country's: "a post in North Waziristan" is PAKMIL; with no place of
        its own, of the place the sentence is in ("shelled civilian neighborhoods" of
        Sarajevo); a rally, of the country around it."""
        sector = self.lexicon.thing_sectors.get(head.lemma_.lower())
        if not sector or head.i in self.by_token:
            return None
        country = self._place_country(self._np_tokens(head)) or self._sentence_place()
        if sector == "OPP" and not _acted_on(head):
            return None  # "areas hit by days of protests": the protests did nothing
        if not country and sector == "OPP":
            # a crowd is of the country around it: "Hong Kong police fired tear gas to disperse a rally"
            country = self._context_country(head)
            if country:
                self.borrowed[head.i] = country
        if not country:
            return None
        return Actor(country + sector, head.text, head.idx + self.offset, head.idx + len(head) + self.offset,
                     f"{head.lemma_.lower()}: thing_sectors.tsv, in a place of {country}", head.i)

    def _owned_thing(self, head: Token) -> Actor | None:
        """A thing a possessive pronoun gives an owner, done something to, is the owner's:
        "violated its airspace", "turned down its request" (with a sector for a thing of one,
        thing_sectors.tsv: "shelled their positions")."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if owner is None or head.i in self.by_token or head.pos_ != "NOUN" or head.dep_ in ("nsubj", "nsubjpass") \
                or self._owned_by_subject(owner):
            # "Russia raised its budget", "A and B upgraded their ties": the subject's own; a
            # thing does not act ("its economy grew"): member_nouns.txt says who does
            return None
        actor = self._pronoun(owner)
        if actor is None or not actor.code[:3].isalpha():
            return None
        sector = self.lexicon.thing_sectors.get(head.lemma_.lower(), "") if len(actor.code) == 3 else ""
        return Actor(actor.code + sector, f"{owner.text} {head.text}", owner.idx + self.offset,
                     head.idx + len(head) + self.offset, f"{head.lemma_.lower()} of {actor.entry}", head.i)

    def _owned_by_subject(self, owner: Token) -> bool:
        """Does the possessive refer to the subject of its own clause?"""
        ref = self.referent(owner)
        verb = owner.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        while verb.dep_ == "xcomp" and verb.head != verb:
            verb = verb.head  # "refused to halt its offensive": the one who refused
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if ref is None or not subjects:
            return ref is None  # nobody in the sentence: as likely the subject's as anyone's
        while ref.dep_ == "conj" and ref.head.i < ref.i:
            ref = ref.head
        return ref in subjects

    def _composed(self, head: Token) -> Actor | None:
        """The phrase's own mentions put together: "Russian senator Vladimir Dzhabarov" is
        RUS (from "Russian") + LEG (from "senator"); a known person, organisation or group
        gives its full code."""
        toks = self._np_tokens(head)
        m = self.by_token.get(head.i)
        if self.combine_agents or (m is not None and m.kind == "agent"):
            # "U.N. military observers and peacekeepers": the peacekeepers are the UN's too
            toks += self._shared_modifiers(head)
        parts = self._parts(head, toks)
        if not parts:
            return None
        draft = self._from_head(head, parts)
        self._add_parts(draft, head, parts)
        code = self._combined_code(draft, head, parts) if self.combine_agents else self._code(draft, head, parts, toks)
        if not code or code == "---":
            return None
        before = next((p.before for _, p, _ in parts if p.before), "")
        if before and not code.startswith(before):
            code = before + code
        start = min([m.start for _, _, m in parts] + [head.i])
        end = max([m.end for _, _, m in parts] + [head.i + 1])
        span = head.doc[start:end]
        return Actor(code, span.text, span.start_char + self.offset, span.end_char + self.offset, "; ".join(draft.entries), head.i)

    def _parts(self, head: Token, toks: list[tuple[int, Token]]) -> list[tuple[int, Part, Mention]]:
        """What each mention in the phrase contributes, nearest the head first."""
        seen: set[int] = set()
        parts: list[tuple[int, Part, Mention]] = []
        for depth, tok in sorted(toks, key=lambda x: (x[0], x[1].i)):
            m = self.by_token.get(tok.i)
            if m is None or id(m) in seen:
                continue
            seen.add(id(m))
            part = mention_part(m, self.day)
            if m.kind in _STATE_KINDS and _not_their_country(head.doc, m.start, m.end):
                # "ethnic Albanians in Serbia" are not Albania; "pro-Russia rebels" not Russia,
                # "Kremlin-backed separatists" not the Kremlin
                part.country, part.sector, part.full = "", "", ""
            if m.kind == "capital":
                part.country = self._namesake_country(m) or part.country
            parts.append((depth, part, m))
        return parts

    def _namesake_country(self, m: Mention) -> str:
        """A capital's namesake in another country the sentence names, when the gazetteer
        ranks it there: "Tripoli" beside "Lebanese" is Lebanon's port, not Libya's capital
        (once per mention)."""
        cache = self.__dict__.setdefault("_namesakes", {})
        if m.start not in cache:
            own = mention_part(m, self.day).country
            others = [c for c in self.named_countries() if c != own]
            place = places.resolve(self.sent.doc[m.start : m.end].text, others) if others else None
            cache[m.start] = places.actor_country(place.country) if place is not None and place.country in others else ""
        return cache[m.start]

    def _from_head(self, head: Token, parts: list[tuple[int, Part, Mention]]) -> _Draft:
        """What the head's own mention says, as the day and the phrase around it read it."""
        head_part = next((p for d, p, m in parts if m.start <= head.i < m.end), None)
        draft = _Draft(head_part)
        if head_part is None:
            return draft
        draft.country, draft.sector, draft.full = head_part.country, head_part.sector, head_part.full
        head_m = next(m for d, p, m in parts if p is head_part)
        title = next((p for d, p, m in parts if m.kind == "agent" and p.sector and m.end <= head_m.start), None)
        if head_m.kind == "person" and title is not None and not _in_range(pick_person(head_m.entries, self.day), self.day):
            # "ousted President Mohamed Bazoum", "former President Bill Clinton": out of
            # office, the title says what the person is now
            draft.full = draft.country + title.sector
            draft.sector = title.sector
        if draft.country and not (draft.sector or draft.full) and head.tag_ in ("NNS", "NNPS"):
            # "Albanians of southern Serbia", "Turks in Bulgaria": a people named by
            # where they live belongs to that country
            draft.country = next((p.country for _, p, m in parts if p.country and p.country != draft.country
                                  and m.kind in ("country", "capital") and _lives_in(head, head.doc[m.end - 1])), draft.country)
        draft.entries.append(head_part.entry)
        if not draft.country and not draft.full and head_part.sector:
            # "its embassy in Damascus": the owner the possessive names, not where it is
            owner = next((self._pronoun(c) for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"
                          and c.lower_ in ("its", "their")), None)
            if owner is not None and owner.code[:3].isalpha():
                draft.country = owner.code[:3]
                if len(owner.code) > 6 or owner.code.startswith(("IGO", "NGO")):
                    draft.full = owner.code  # "Hamas said its fighters": the group's fighters are the group
                draft.entries.append(owner.entry)
        return draft

    def _add_parts(self, draft: _Draft, head: Token, parts: list[tuple[int, Part, Mention]]) -> None:
        """Fill what the head leaves open from the other mentions, nearest first."""
        sector_noun: Mention | None = None  # the agent that gave the sector, when not the head
        for depth, p, m in parts:
            if p is draft.head:
                continue
            if not draft.full and p.full and m.kind != "person" and not draft.country and (
                    not draft.sector or depth <= 1 or _of_phrase(head, m) or self.combine_agents
                    or (sector_noun is not None and _modifies(head.doc[m.end - 1], sector_noun))):
                # "Taliban fighters", "UN peacekeepers": the organisation is the actor; also
                # when it describes the sector noun deeper in the phrase ("EU trade ministers
                # meeting in Brussels" are the EU, not Belgium)
                draft.full, draft.country = p.full, p.country
            if not draft.country and p.country and (depth <= 1 or m.kind not in ("group", "organisation")):
                draft.country = p.country
            if not draft.sector and p.sector and not draft.full:
                draft.sector = p.sector
                sector_noun = m
            draft.entries.append(p.entry)

    def _code(self, draft: _Draft, head: Token, parts: list[tuple[int, Part, Mention]], toks: list[tuple[int, Token]]) -> str:
        """One code: the full code of a known actor, else a country and one sector (of a
        mention, or of the thing the phrase names); a phrase that names no country takes
        the one of a place in it or of its context."""
        if draft.full:
            sector = draft.sector
            if len(draft.full) == 3 and not sector:
                # "Bree President Romendacil": a country-level name takes the title's sector
                sector = next((p.sector for _, p, m in parts if m.kind == "agent" and p.sector), "")
            return draft.full + sector if sector and len(draft.full) == 3 else draft.full
        country, sector = draft.country, draft.sector
        if country and not sector:
            # a thing of a sector: "Georgian positions" are Georgia's military (thing_sectors.tsv)
            sector = self.lexicon.thing_sectors.get(head.lemma_.lower(), "")
        if sector in _REBELS and country and self._by_nationality(head, parts, country):
            # rebels are of the country where they fight: "Rebel Serbs laying siege to Sarajevo" are Bosnia's
            country = self._own_place(head) or country
        if not country and not any(c.dep_ == "amod" and c.lower_ in _NOT_LOCAL for c in head.children):
            # "foreign journalists" in China are not Chinese
            country = self._place_country(toks)
            if country and not sector:
                sector = self.lexicon.thing_sectors.get(head.lemma_.lower(), "")
            if not country:
                country = self._context_country(head, state=draft.sector in _STATE_SECTORS)
                if country and not any(t.lower_ in _COUNTRY_NOUNS and t.dep_ == "pobj" for _, t in toks):
                    # "rebels in the east of the country" say which country is theirs
                    self.borrowed[head.i] = country
        return (country or "---") + sector

    def _own_place(self, head: Token) -> str:
        """The country of a place a participle or relative clause on the phrase says they
        are in: "Rebel Serbs laying siege to Sarajevo", "guerrillas operating in Macedonia"
        (not "trained Syrian rebels in Jordan": where they were trained)."""
        for clause in head.children:
            if clause.dep_ in ("acl", "relcl"):
                span = head.doc[clause.left_edge.i : clause.right_edge.i + 1]
                where = places.locate(span, self.named_countries())
                if where and where.get("source") == "text":
                    return places.actor_country(where["country"])
        return ""

    @staticmethod
    def _by_nationality(head: Token, parts: list[tuple[int, Part, Mention]], country: str) -> bool:
        """Does the phrase give its country by a nationality word ("Serb rebels", "Rebel
        Serbs"), not by a place ("rebels in Bosnia")?"""
        return any(m.kind == "country" and p.country == country and head.doc[m.end - 1].dep_ != "pobj"
                   for _, p, m in parts)

    def _combined_code(self, draft: _Draft, head: Token, parts: list[tuple[int, Part, Mention]]) -> str:
        """Setting ``combine_agents``: the actor's code, then every agent's sector in text
        order, each unless the code has it already ("Russian Islamist media": RUSMUSMED)."""
        code = draft.full or draft.country or self._context_country(head) or "---"
        for _, p, m in sorted(parts, key=lambda x: x[2].start):
            if m.kind == "agent" and not p.before and p.sector not in code:
                code += p.sector
        return code


@dataclass
class _Draft:
    """A phrase's code being put together from its parts (``SentenceActors._composed``)."""

    head: Part | None  # what the head's own mention contributes
    country: str = ""
    sector: str = ""
    full: str = ""
    entries: list[str] = field(default_factory=list)


# Nouns that stand for an organisation or group named before ("the alliance"), and the kinds
# of lexicon entry they may stand for.
_BODY_NOUNS = {"alliance": ("organisation",), "bloc": ("organisation",), "organisation": ("organisation",),
               "organization": ("organisation",), "group": ("group",), "movement": ("group",)}

# Mentions that name a state: a country, its capital, its seat of government ("the Kremlin").
_STATE_KINDS = ("country", "capital", "government")

# The organs of a state, and the sectors of armed groups that fight one.
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}
_REBELS = {"REB", "SEP"}
_ARMED = {"REB", "UAF", "SEP"}

# Words that say an agent is not of the country around it.
_NOT_LOCAL = {"foreign", "international", "overseas", "expatriate"}


def _with_the(doc, start: int, end: int) -> bool:
    """An entry written with its "the" ("the West") is a name only after "the" and not as
    the start of a longer name ("West Africa", "the West Darfur state")."""
    after = doc[end] if end < len(doc) else None
    return start > 0 and doc[start - 1].lower_ == "the" and not (after is not None and after.text[:1].isupper())


def _np_head(tok: Token) -> Token:
    """The head noun of the phrase a modifier belongs to ("President" -> "Bouteflika")."""
    while tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head != tok:
        tok = tok.head
    return tok


class DocContext:
    """What later sentences may refer back to."""

    def __init__(self, speech: frozenset[str] = frozenset()) -> None:
        self.speech = speech  # verbs of saying, for "X said they..."
        self.last_country = ""
        self.last_person: Actor | None = None
        self.last_actor: Actor | None = None

    def update(self, sa: SentenceActors) -> None:
        for m in sa.mentions:
            part = mention_part(m, sa.day)
            if part.country:
                self.last_country = part.country
            if m.kind == "person":
                self.last_person = sa.resolve(sa.sent.doc[m.end - 1]) or self.last_person
            elif m.kind in ("country", "capital", "government", "organisation", "group", "named"):
                self.last_actor = sa.resolve(sa.sent.doc[m.end - 1]) or self.last_actor


def _not_their_country(doc, start: int, end: int) -> bool:
    """A country word that says what people are for, against, backed by or descended
    from, not whose they are: "ethnic Albanians", "pro-Russia rebels", "an anti-Syria
    journalist", "Iranian-backed militias"."""
    if start > 0 and doc[start - 1].lower_ == "ethnic":
        return True
    if _suffix(doc, end) in _BACKING:
        return True
    return start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _STANCE_PREFIXES


def _suffix(doc, end: int) -> str:
    """The word hyphenated after a mention: "based" in "UK-based"."""
    return doc[end + 1].lower_ if end + 1 < len(doc) and doc[end].text == "-" else ""


def _lives_in(people: Token, place: Token) -> bool:
    """Is ``place`` the object of an "in"/"of" phrase on ``people`` ("Albanians of Serbia")?"""
    while place.dep_ == "compound" or (place.dep_ == "amod" and place.head.pos_ in ("NOUN", "PROPN")):
        place = place.head
    prep = place.head
    return place.dep_ == "pobj" and prep.lower_ in ("in", "of") and prep.head == people


def _in_clause(tok: Token, tops: tuple[Token, ...]) -> bool:
    """Is ``tok`` below one of ``tops`` with no clause between them but ones that describe
    a noun ("the floods that swept Brazil", "the group surrounding Addis Ababa")?"""
    node = tok
    while node not in tops:
        if node.head == node or (node.pos_ in ("VERB", "AUX") and node.dep_ not in ("relcl", "acl")):
            return False
        node = node.head
    return True


def _acted_on(tok: Token) -> bool:
    """Is the noun what an act is done to: an object ("dispersed a rally"), or the object of
    "at", "on", "against" or "into" ("fired at a rally", "cracked down on a protest")?"""
    return tok.dep_ in ("dobj", "obj") or (tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on", "against", "into"))


def _modifies(tok: Token, m: Mention) -> bool:
    """Is ``tok`` a modifier (through compounds and adjectives) of the mention ``m``:
    "EU" in "EU trade ministers"?"""
    while tok.dep_ in _MODIFIER_DEPS and tok.head != tok:
        tok = tok.head
        if m.start <= tok.i < m.end:
            return True
    return False


def _of_phrase(head: Token, m: Mention) -> bool:
    """Is the mention the object of an "of" phrase on the head ("leaders of the Muslim
    Brotherhood": the group's leaders are the group)?"""
    tok = head.doc[m.end - 1]
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head == head
