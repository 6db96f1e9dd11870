"""Put a noun phrase's actor code together from the mentions in it.

Resolution is compositional: "Russian senator Vladimir Dzhabarov" is RUS (from
"Russian") + LEG (from "senator") without the senator being listed. The head's own
mention says first (``_from_head``), the other mentions fill what it leaves open,
nearest first (``_add_parts``), and a phrase that names no country takes the one of a
place in it or of its context (``_code``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import places, pronouns
from .mentions import (COUNTRY_NOUNS, STATE_KINDS, STATE_SECTORS, Mention, Part, hyphen_suffix, in_border_pair, in_range, lives_in, mention_part,
                       modifies, not_their_country, of_phrase, pick_person, stood_against)
from .parse import kids
from ..model import Actor

if TYPE_CHECKING:
    from .actors import SentenceActors

_REBELS = {"REB", "SEP"}

# Words that say an agent is not of the country around it.
_NOT_LOCAL = {"foreign", "international", "overseas", "expatriate"}
# Mentions that may back, arm or oppose those a phrase names, and so not be their actor:
# a state, an international body, a group (not a sector noun, nor a person).
_BACKERS = (*STATE_KINDS, "organisation", "group")
# A state's envoys to an international body are the state's: "the Russian U.N. diplomats".
_ENVOYS = {"ambassador", "envoy", "diplomat", "delegate", "delegation", "representative", "emissary", "mission"}
# Forces a body or group leads are that body's or group's: "Hamas-led militants", "NATO-led troops".
_LED = {"led", "commanded"}
_FORCES = {"REB", "UAF", "SEP", "MIL"}


@dataclass
class _Draft:
    """A phrase's code being put together from its parts (``composed``)."""

    head: Part | None  # what the head's own mention contributes
    country: str = ""
    sector: str = ""
    full: str = ""
    entries: list[str] = field(default_factory=list)


def composed(sa: SentenceActors, head: Token) -> Actor | None:
    """The phrase's own mentions put together: "Russian senator Vladimir Dzhabarov" is
    RUS (from "Russian") + LEG (from "senator"); a known person, organisation or group
    gives its full code."""
    toks = sa.np_tokens(head)
    m = sa.by_token.get(head.i)
    if sa.combine_agents or (m is not None and m.kind == "agent"):
        # "U.N. military observers and peacekeepers": the peacekeepers are the UN's too
        toks += sa.shared_modifiers(head)
    parts = _parts(sa, head, toks)
    if not parts:
        return None
    draft = _from_head(sa, head, parts)
    _add_parts(sa, draft, head, parts)
    code = _combined_code(sa, draft, head, parts) if sa.combine_agents else _code(sa, draft, head, parts, toks)
    if not code or code == "---":
        return None
    before = next((p.before for _, p, _ in parts if p.before), "")
    if before and not code.startswith(before):
        code = before + code
    start = min([m.start for _, _, m in parts] + [head.i])
    end = max([m.end for _, _, m in parts] + [head.i + 1])
    span = head.doc[start:end]
    return Actor(code, span.text, span.start_char + sa.offset, span.end_char + sa.offset, "; ".join(draft.entries), head.i)


def _parts(sa: SentenceActors, head: Token, toks: list[tuple[int, Token]]) -> list[tuple[int, Part, Mention]]:
    """What each mention in the phrase contributes, nearest the head first."""
    seen: set[int] = set()
    parts: list[tuple[int, Part, Mention]] = []
    for depth, tok in sorted(toks, key=lambda x: (x[0], x[1].i)):
        m = sa.by_token.get(tok.i)
        if m is None or id(m) in seen:
            continue
        seen.add(id(m))
        part = mention_part(m, sa.day)
        if m.kind in _BACKERS and not_their_country(head.doc, m.start, m.end):
            # "ethnic Albanians in Serbia" are not Albania; "pro-Russia rebels" not Russia,
            # "Kremlin-backed separatists" not the Kremlin, "the UN-backed government" not
            # the UN, "anti-Taliban forces" not the Taliban
            part.country, part.sector, part.full = "", "", ""
        elif m.kind in STATE_KINDS and in_border_pair(head.doc, m.start, m.end, sa.lexicon.words.border_nouns):
            # "a tunnel along the Gaza-Egypt border" is no party of either country
            part.country, part.sector, part.full = "", "", ""
        elif stood_against(head.doc[m.end - 1], sa.lexicon.words.rival_nouns) and head.doc[m.end - 1] != head:
            # "Biya's main challenger" is not the government: the one stood against lends
            # at most a country (rival_nouns.txt)
            part.sector, part.full = "", ""
        if m.kind == "capital":
            part.country = _namesake_country(sa, m) or part.country
        parts.append((depth, part, m))
    return parts


def _namesake_country(sa: SentenceActors, m: Mention) -> str:
    """A capital's namesake in another country the sentence names, when the gazetteer
    ranks it there: "Tripoli" beside "Lebanese" is Lebanon's port, not Libya's capital
    (once per mention)."""
    cache = sa.namesakes
    if m.start not in cache:
        own = mention_part(m, sa.day).country
        others = [c for c in sa.named_countries() if c != own]
        place = places.resolve(sa.sent.doc[m.start : m.end].text, others) if others else None
        cache[m.start] = places.actor_country(place.country) if place is not None and place.country in others else ""
    return cache[m.start]


def _from_head(sa: SentenceActors, head: Token, parts: list[tuple[int, Part, Mention]]) -> _Draft:
    """What the head's own mention says, as the day and the phrase around it read it."""
    head_part = next((p for d, p, m in parts if m.start <= head.i < m.end), None)
    draft = _Draft(head_part)
    if head_part is None:
        return draft
    draft.country, draft.sector, draft.full = head_part.country, head_part.sector, head_part.full
    head_m = next(m for d, p, m in parts if p is head_part)
    if head_m.kind == "government":
        # an office named after one state's usage ("External Affairs Minister" is India's)
        # is another's when the phrase names that country: "the Sri Lankan external affairs minister"
        other = next((p.country for _, p, m in parts if m.kind == "country" and p.country
                      and p.country != draft.country and not not_their_country(head.doc, m.start, m.end)), "")
        if other:
            draft.country, draft.full = other, other + draft.sector
    title = next((p for d, p, m in parts if m.kind == "agent" and p.sector and m.end <= head_m.start), None)
    if head_m.kind == "person" and title is not None and not in_range(pick_person(head_m.entries, sa.day), sa.day):
        # "ousted President Mohamed Bazoum", "former President Bill Clinton": out of
        # office, the title says what the person is now
        draft.full = draft.country + title.sector
        draft.sector = title.sector
    if draft.country and not (draft.sector or draft.full) and head.tag_ in ("NNS", "NNPS"):
        # "Albanians of southern Serbia", "Turks in Bulgaria": a people named by
        # where they live belongs to that country
        draft.country = next((p.country for _, p, m in parts if p.country and p.country != draft.country
                              and m.kind in ("country", "capital") and lives_in(head, head.doc[m.end - 1])), draft.country)
    draft.entries.append(head_part.entry)
    if not draft.country and not draft.full and head_part.sector:
        # "its embassy in Damascus": the owner the possessive names, not where it is
        owner = next((pronouns.pronoun(sa, c) for c in kids(head) if c.dep_ == "poss" and c.pos_ == "PRON"
                      and c.lower_ in ("its", "their")), None)
        if owner is not None and owner.code[:3].isalpha():
            draft.country = owner.code[:3]
            if len(owner.code) > 6 or owner.code.startswith(("IGO", "NGO")):
                draft.full = owner.code  # "Hamas said its fighters": the group's fighters are the group
            draft.entries.append(owner.entry)
    return draft


def _add_parts(sa: SentenceActors, draft: _Draft, head: Token, parts: list[tuple[int, Part, Mention]]) -> None:
    """Fill what the head leaves open from the other mentions, nearest first."""
    sector_noun: Mention | None = None  # the agent that gave the sector, when not the head
    # "the Russian U.N. diplomats" are Russia's, whichever word the parse puts nearer
    envoys = head.lemma_.lower() in _ENVOYS and any(m.kind in STATE_KINDS and p.country for _, p, m in parts)
    for depth, p, m in parts:
        if p is draft.head:
            continue
        if draft.sector in _FORCES and hyphen_suffix(head.doc, m.end) in _LED:
            depth = 1  # the leader's name hangs off "led", a level below the forces it names
        if envoys and m.kind == "organisation" and p.full.startswith("IGO"):
            draft.entries.append(p.entry)
            continue
        if not draft.full and p.full and m.kind != "person" and not draft.country and (
                not draft.sector or depth <= 1 or of_phrase(head, m) or sa.combine_agents
                or (sector_noun is not None and modifies(head.doc[m.end - 1], sector_noun))):
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


def _code(sa: SentenceActors, draft: _Draft, head: Token, parts: list[tuple[int, Part, Mention]], toks: list[tuple[int, Token]]) -> str:
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
        sector = thing_sector(sa.lexicon, head)
    if sector in _REBELS and country and _by_nationality(head, parts, country):
        # rebels are of the country where they fight: "Rebel Serbs laying siege to Sarajevo" are Bosnia's
        country = _own_place(sa, head) or country
    if not country and not sector and any(m.kind in STATE_KINDS and in_border_pair(
            head.doc, m.start, m.end, sa.lexicon.words.border_nouns) for _, _, m in parts):
        return ""  # "a village near the India-Pakistan border": of neither, nor of the context
    if not country and not any(c.dep_ == "amod" and c.lower_ in _NOT_LOCAL for c in kids(head)):
        # "foreign journalists" in China are not Chinese
        country = sa.place_country(toks)
        if country and not sector:
            sector = thing_sector(sa.lexicon, head)
        if not country:
            country = sa.context_country(head, state=draft.sector in STATE_SECTORS)
            if country and not any(t.lower_ in COUNTRY_NOUNS and t.dep_ == "pobj" for _, t in toks):
                # "rebels in the east of the country" say which country is theirs
                sa.borrowed[head.i] = country
    return (country or "---") + sector


# What makes a convoy, a ship or a truck one of aid, not of a sector's: "an aid convoy",
# "a convoy of food", "a convoy carrying medicines".
_CARGO_WORDS = {"aid", "relief", "humanitarian", "food", "medical", "medicine", "supply", "grain", "fuel"}
_CARRYING_VERBS = {"carry", "bring", "deliver", "transport", "ferry"}


def thing_sector(lex, head: Token) -> str:
    """The sector of a thing a phrase is headed by (thing_sectors.tsv: "Georgian positions"
    are GEOMIL), or "" when the phrase says it carries aid or goods ("a UN aid convoy", "a
    convoy carrying food and medicines": nobody's military)."""
    sector = lex.thing_sectors.get(head.lemma_.lower(), "")
    if sector != "MIL":
        return sector
    for c in kids(head):
        if c.dep_ in ("compound", "amod") and c.lemma_.lower() in _CARGO_WORDS:
            return ""
        if c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and (g.lemma_.lower() in _CARGO_WORDS or any(
                    m.dep_ in ("compound", "amod") and m.lemma_.lower() in _CARGO_WORDS for m in kids(g)))
                for g in kids(c)):
            return ""
        if c.dep_ == "acl" and c.lemma_.lower() in _CARRYING_VERBS:
            return ""
    return sector


def _own_place(sa: SentenceActors, head: Token) -> str:
    """The country of a place a participle or relative clause on the phrase says they
    are in: "Rebel Serbs laying siege to Sarajevo", "guerrillas operating in Macedonia"
    (not "trained Syrian rebels in Jordan": where they were trained)."""
    for clause in kids(head):
        if clause.dep_ in ("acl", "relcl"):
            span = head.doc[clause.left_edge.i : clause.right_edge.i + 1]
            where = places.locate(span, sa.named_countries())
            if where and where.get("source") == "text":
                return places.actor_country(where["country"])
    return ""


def _by_nationality(head: Token, parts: list[tuple[int, Part, Mention]], country: str) -> bool:
    """Does the phrase give its country by a nationality word ("Serb rebels", "Rebel
    Serbs"), not by a place ("rebels in Bosnia")?"""
    return any(m.kind == "country" and p.country == country and head.doc[m.end - 1].dep_ != "pobj"
               for _, p, m in parts)


def _combined_code(sa: SentenceActors, draft: _Draft, head: Token, parts: list[tuple[int, Part, Mention]]) -> str:
    """Setting ``combine_agents``: the actor's code, then every agent's sector in text
    order, each unless the code has it already ("Russian Islamist media": RUSMUSMED)."""
    code = draft.full or draft.country or sa.context_country(head) or "---"
    for _, p, m in sorted(parts, key=lambda x: x[2].start):
        if m.kind == "agent" and not p.before and p.sector not in code:
            code += p.sector
    return code
