"""The readings of a noun phrase, tried in order by ``SentenceActors.resolve``.

Each reading is ``(sa, head) -> Actor | None``: one way a phrase can name an actor ("the
country" as the nearest country named before, "hundreds of UN troops" as its "of"
phrase, "its supporters" as the possessive's people, the phrase's own mentions put
together, ...). The first that gives an actor wins; ``READINGS`` is their order.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import compose, pronouns
from .mentions import COUNTRY_NOUNS, MODIFIER_DEPS, TOPIC_PREPS, acted_on, np_head
from .parse import kids
from ..model import Actor

if TYPE_CHECKING:
    from .actors import SentenceActors

# Nouns that stand for an organisation or group named before ("the alliance"), and the kinds
# of lexicon entry they may stand for.
_BODY_NOUNS = {"alliance": ("organisation",), "bloc": ("organisation",), "organisation": ("organisation",),
               "organization": ("organisation",), "group": ("group",), "movement": ("group",)}


def country_noun(sa: SentenceActors, head: Token) -> Actor | None:
    """"The country", "the kingdom": the nearest country named before."""
    if head.lower_ not in COUNTRY_NOUNS or head.i in sa.by_token or not any(c.lower_ == "the" for c in kids(head)):
        return None
    country = sa.context_country(head, after=False)
    if not country:
        return None
    sa.borrowed[head.i] = country  # a guess the target steps may revise (look_past_own_country)
    return Actor(country, head.text, head.idx + sa.offset, head.idx + len(head) + sa.offset, "the nearest earlier country", head.i)


def body_noun(sa: SentenceActors, head: Token) -> Actor | None:
    """"The alliance", "the bloc", "the group": the nearest organisation or group of
    that kind named before it in the sentence ("NATO said the alliance and Afghan
    forces killed 94 insurgents")."""
    kinds = _BODY_NOUNS.get(head.lemma_.lower())
    if kinds is None or head.i in sa.by_token or any(
            c.dep_ == "det" and c.lower_ != "the" or c.dep_ in MODIFIER_DEPS for c in kids(head)):
        return None
    named = [m for m in sa.mentions if m.end <= head.i and m.kind in kinds]
    if not named:
        return None
    body = sa.resolve(np_head(head.doc[named[-1].end - 1]))
    if body is None:
        return None
    return Actor(body.code, head.text, head.idx + sa.offset, head.idx + len(head) + sa.offset,
                 f"the nearest earlier {head.lemma_.lower()}: {body.text} ({body.entry})", head.i)


def quantity_of(sa: SentenceActors, head: Token) -> Actor | None:
    """"Hundreds of UN troops", "dozens of protesters": the actor is the "of" phrase;
    not "the Israeli blockade of Gaza", whose own modifier names the actor."""
    if head.i in sa.by_token or any(c.dep_ in MODIFIER_DEPS and c.i in sa.by_token for c in kids(head)) \
            or head.lemma_.lower() in sa.lexicon.thing_sectors:
        return None  # "neighborhoods of Sarajevo" are the city's civilians (thing_sectors.tsv)
    return sa.phrase_actor(head, lambda prep: prep == "of")


def first_phrase_actor(sa: SentenceActors, head: Token) -> Actor | None:
    """Setting ``combine_agents``: PETRARCH codes a phrase by the first actor in it: "an
    attack by Russian soldiers in eastern Ukraine" is RUSMIL, not Ukraine's soldiers."""
    if not sa.combine_agents or head.i in sa.by_token or any(
            t.i in sa.by_token for c in kids(head) if c.dep_ in MODIFIER_DEPS for t in c.subtree):
        return None
    return sa.phrase_actor(head, lambda prep: prep not in TOPIC_PREPS)


def members_of_owner(sa: SentenceActors, head: Token) -> Actor | None:
    """"Its supporters", "their fighters": the people of whoever the possessive names."""
    if head.i in sa.by_token or head.lemma_.lower() not in sa.lexicon.words.member_nouns:
        return None
    owner = next((c for c in kids(head) if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    actor = pronouns.pronoun(sa, owner) if owner is not None else None
    if actor is None:
        return None
    return Actor(actor.code, head.text, head.idx + sa.offset, head.idx + len(head) + sa.offset,
                 f"{head.text} of {actor.entry}", head.i)


def thing_of_place(sa: SentenceActors, head: Token) -> Actor | None:
    """A thing of a sector (thing_sectors.tsv) in a place the lexicon does not know is
    that place's country's: "a post in North Waziristan" is PAKMIL; with no place of
    its own, of the place the sentence is in ("shelled civilian neighborhoods" of
    Sarajevo); a rally, of the country around it."""
    sector = compose.thing_sector(sa.lexicon, head)
    if not sector or head.i in sa.by_token:
        return None
    country = sa.place_country(sa.np_tokens(head)) or sa.sentence_place()
    if sector == "OPP" and not acted_on(head):
        return None  # "areas hit by days of protests": the protests did nothing
    if not country and sector == "OPP":
        # a crowd is of the country around it: "Hong Kong police fired tear gas to disperse a rally"
        country = sa.context_country(head)
        if country:
            sa.borrowed[head.i] = country
    if not country:
        return None
    return Actor(country + sector, head.text, head.idx + sa.offset, head.idx + len(head) + sa.offset,
                 f"{head.lemma_.lower()}: thing_sectors.tsv, in a place of {country}", head.i)


def owned_thing(sa: SentenceActors, head: Token) -> Actor | None:
    """A thing a possessive pronoun gives an owner, done something to, is the owner's:
    "violated its airspace", "turned down its request" (with a sector for a thing of one,
    thing_sectors.tsv: "shelled their positions")."""
    owner = next((c for c in kids(head) if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if owner is None or head.i in sa.by_token or head.pos_ != "NOUN" or head.dep_ in ("nsubj", "nsubjpass") \
            or _owned_by_subject(sa, owner):
        # "Russia raised its budget", "A and B upgraded their ties": the subject's own; a
        # thing does not act ("its economy grew"): member_nouns.txt says who does
        return None
    actor = pronouns.pronoun(sa, owner)
    if actor is None or not actor.code[:3].isalpha():
        return None
    sector = sa.lexicon.thing_sectors.get(head.lemma_.lower(), "") if len(actor.code) == 3 else ""
    return Actor(actor.code + sector, f"{owner.text} {head.text}", owner.idx + sa.offset,
                 head.idx + len(head) + sa.offset, f"{head.lemma_.lower()} of {actor.entry}", head.i)


def _owned_by_subject(sa: SentenceActors, owner: Token) -> bool:
    """Does the possessive refer to the subject of its own clause?"""
    ref = pronouns.referent(sa, owner)
    verb = owner.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    while verb.dep_ == "xcomp" and verb.head != verb:
        verb = verb.head  # "refused to halt its offensive": the one who refused
    subjects = [c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    if ref is None or not subjects:
        return ref is None  # nobody in the sentence: as likely the subject's as anyone's
    while ref.dep_ == "conj" and ref.head.i < ref.i:
        ref = ref.head
    return ref in subjects


Reading = Callable[["SentenceActors", Token], "Actor | None"]

READINGS: tuple[Reading, ...] = (
    country_noun,
    body_noun,
    quantity_of,
    first_phrase_actor,
    members_of_owner,
    compose.composed,
    thing_of_place,
    owned_thing,
)
