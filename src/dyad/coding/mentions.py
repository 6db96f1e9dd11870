"""Actor names the lexicon finds in a parsed document, and how the words around one read.

A *mention* is a run of tokens that names a lexicon entry ("Vladimir Putin", "Russian",
"senator"); what it contributes to the code of the phrase it sits in is its *part*
(a country, a sector, or a known actor's full code). The helpers below say what the
words around a mention make of it ("pro-Russia rebels" are not Russia's).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon.loader import ActorEntry, Lexicon

_KIND_RANK = {"person": 0, "named": 0, "group": 1, "organisation": 2, "government": 3, "country": 4, "capital": 5, "agent": 6}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
COUNTRY_NOUNS = {"country", "nation", "kingdom", "republic", "emirate"}
TOPIC_PREPS = {"about", "regarding", "concerning"}  # "talks about Syria" are not Syria
_STANCE_PREFIXES = {"anti", "pro"}
_BACKING = {"backed", "sponsored", "funded", "supported", "armed", "trained", "allied"}
# Mentions that name a state: a country, its capital, its seat of government ("the Kremlin").
STATE_KINDS = ("country", "capital", "government")
# The organs of a state.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}


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
        self.water_nouns = lexicon.words.water_nouns

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
        toks = list(doc)
        lowers = [t.lower_ for t in toks]
        lemmas = [t.lemma_.lower() for t in toks]
        punct = [t.is_punct for t in toks]
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
                found = self._lookup(toks[i : i + size], key, lemmas[last])
                if found:
                    found = [e for e in found if not e.phrase.lower().startswith("the ") or _with_the(doc, i, i + size)]
                if found:
                    out.append(Mention(i, i + size, found))
                    i += size
                    break
            else:
                i += 1
        return [m for m in out if not _in_water_name(doc, m, self.water_nouns)]


def _in_water_name(doc, m: Mention, waters: frozenset[str]) -> bool:
    """Is the mention part of the proper name of a sea or other water (water_nouns.txt)?"""
    return not _is_water(doc[m.end - 1], waters) and in_water_name(doc[m.end - 1], waters)


def _is_water(tok: Token, waters: frozenset[str]) -> bool:
    return tok.lemma_.lower() in waters and tok.text[:1].isupper()


def in_water_name(tok: Token, waters: frozenset[str]) -> bool:
    """Is ``tok`` the proper name of a sea or other water (water_nouns.txt), or part of
    one: "the Sea of Japan", "the South China Sea", "the Persian Gulf"? Such a name is a
    place, and no country's."""
    if _is_water(tok, waters):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_water(tok.head.head, waters):
        return True  # "the Sea of Japan", "the Gulf of Mexico"
    while tok.dep_ in ("compound", "amod") and tok.head != tok:
        tok = tok.head
        if _is_water(tok, waters):
            return True  # "the South China Sea", "the Persian Gulf"
    return False


def _with_the(doc, start: int, end: int) -> bool:
    """An entry written with its "the" ("the West") is a name only after "the" and not as
    the start of a longer name ("West Africa", "the West Darfur state")."""
    after = doc[end] if end < len(doc) else None
    return start > 0 and doc[start - 1].lower_ == "the" and not (after is not None and after.text[:1].isupper())


def in_range(e: ActorEntry, day: str | None) -> bool:
    return (not e.start or not day or e.start <= day) and (not e.end or not day or day <= e.end)


def before_office(m: Mention, day: str | None, titled: bool = False) -> bool:
    """Is the mention one word (a surname), with no title of the lexicon before it, that
    names only people whose every office starts more than a year after ``day``? Then it
    is someone else of that name ("Benedict Arevalo", a general in 2021, is not
    Guatemala's president Bernardo Arévalo, in office from 2024). A president-elect is
    named by the office to come ("Dr. Zedillo" a week before it), and "President Obama"
    by his title."""
    if not day or titled or m.end - m.start != 1 or any(e.kind != "person" for e in m.entries):
        return False
    year_after = f"{int(day[:4]) + 1:04d}{day[4:]}" if day[:4].isdigit() else day
    return all(e.start and e.start > year_after for e in m.entries)


def pick_person(entries: list[ActorEntry], day: str | None) -> ActorEntry:
    """The office held on ``day``; else the latest one that ended before it; else the first."""
    people = [e for e in entries if e.kind in ("person", "named")] or entries
    current = [e for e in people if in_range(e, day)]
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


def np_head(tok: Token) -> Token:
    """The head noun of the phrase a modifier belongs to ("President" -> "Bouteflika")."""
    while tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head != tok:
        tok = tok.head
    return tok


def not_their_country(doc, start: int, end: int) -> bool:
    """A country word that says what people are for, against, backed by or descended
    from, not whose they are: "ethnic Albanians", "pro-Russia rebels", "an anti-Syria
    journalist", "Iranian-backed militias"."""
    if start > 0 and doc[start - 1].lower_ == "ethnic":
        return True
    if hyphen_suffix(doc, end) in _BACKING:
        return True
    return start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _STANCE_PREFIXES


def hyphen_suffix(doc, end: int) -> str:
    """The word hyphenated after a mention: "based" in "UK-based"."""
    return doc[end + 1].lower_ if end + 1 < len(doc) and doc[end].text == "-" else ""


def lives_in(people: Token, place: Token) -> bool:
    """Is ``place`` the object of an "in"/"of" phrase on ``people`` ("Albanians of Serbia")?"""
    while place.dep_ == "compound" or (place.dep_ == "amod" and place.head.pos_ in ("NOUN", "PROPN")):
        place = place.head
    prep = place.head
    return place.dep_ == "pobj" and prep.lower_ in ("in", "of") and prep.head == people


def acted_on(tok: Token) -> bool:
    """Is the noun what an act is done to: an object ("dispersed a rally"), or the object of
    "at", "on", "against" or "into" ("fired at a rally", "cracked down on a protest")?"""
    return tok.dep_ in ("dobj", "obj") or (tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on", "against", "into"))


def modifies(tok: Token, m: Mention) -> bool:
    """Is ``tok`` a modifier (through compounds and adjectives) of the mention ``m``:
    "EU" in "EU trade ministers"?"""
    while tok.dep_ in MODIFIER_DEPS and tok.head != tok:
        tok = tok.head
        if m.start <= tok.i < m.end:
            return True
    return False


def of_phrase(head: Token, m: Mention) -> bool:
    """Is the mention the object of an "of" phrase on the head ("leaders of the Muslim
    Brotherhood": the group's leaders are the group)?"""
    tok = head.doc[m.end - 1]
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head == head


def stood_against(tok: Token, rivals: frozenset[str]) -> bool:
    """Is ``tok`` (a mention's last word) whom a noun of ``rivals`` (rival_nouns.txt)
    stands against: its possessor ("Biya's main challenger"), its modifier ("Kremlin
    critic") or its "of" phrase ("a rival of the president")?"""
    if tok.dep_ in ("poss", "compound", "amod", "nmod"):
        return np_head(tok).lemma_.lower() in rivals
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in rivals


def possessor_in_apposition(tok: Token) -> Token | None:
    """The one an apposition describes when ``tok`` is a possessor inside it: "Bakary" for
    "Biya's" in "Issa Tchiroma Bakary, Biya's main challenger"."""
    if tok.dep_ != "poss":
        return None
    head = np_head(tok)
    return head.head if head.dep_ == "appos" and head.head != head else None


_HYPHENS = {"-", "–", "—"}


def in_border_pair(doc, start: int, end: int, borders: frozenset[str]) -> bool:
    """Is the mention one of two places joined by a hyphen before a noun of ``borders``
    (border_nouns.txt): "Gaza" or "Egypt" in "the Gaza-Egypt border area"?"""
    if end + 1 < len(doc) and doc[end].text in _HYPHENS and doc[end + 1].pos_ in ("PROPN", "ADJ", "NOUN"):
        after = end + 2  # the first of the pair: past the second's word
        while after < len(doc) and doc[after].pos_ == "PROPN" and doc[after].lemma_.lower() not in borders:
            after += 1
    elif start > 1 and doc[start - 1].text in _HYPHENS and doc[start - 2].pos_ in ("PROPN", "ADJ", "NOUN"):
        after = end
    else:
        return False
    return after < len(doc) and doc[after].lemma_.lower() in borders
