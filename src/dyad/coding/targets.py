"""Whom an event is done to: an ordered table of named target rules. ``find_targets``
walks ``TARGET_RULES``; the first rule that finds an actor wins, and its name goes into
the explain trace (``Attempt.target_rule``). The finders themselves live in parties.py;
a rule says when one applies and what it is given.

A new way of finding a target is one function here, one row in ``TARGET_RULES`` and a
case file in tests/data/target_rules/ named after it.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Token

from . import parties
from .context import Drop, Frame, SentenceContext
from .events import default_targets, expand_conj, governor_of, prep_objects
from .mentions import MODIFIER_DEPS
from .parse import kids
from ..model import Actor

# Phrases on a joint act that say what it is about or where, not who the partner is
# ("signed a deal on the return of refugees"); "with", "to" and "against" name partners.
_NOT_PARTNER_PREPS = ("on", "about", "over", "at", "for", "from", "regarding", "concerning")
# Phrases on the matched noun that name a party to the act ("clashed over the efforts of Eriador").
_NEAR_PREPS = ("of", "by", "from", "with", "against", "to")


class TargetRule(NamedTuple):
    name: str
    find: Callable[[SentenceContext, Frame], list[Actor]]


def _named_by_pattern(f: Frame) -> bool:
    """Does the frame already hold the target's tokens: the pattern's ``+`` or ``$``, or
    the subject of a passive whose doer a phrase named?"""
    return f.cand.swapped or f.pattern.names_target or f.done_to


def pattern_target(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """The target the pattern names: its ``+`` ("attack +": "Russian troops attacked
    Syrian rebels"); for a ``$`` pattern the subject ("X was freed from Y": X); for a
    passive whose doer a phrase names, its subject ("an Eriadorian was shot dead in
    Osgiliath": the Eriadorian)."""
    return parties.resolve_all(ctx.actors, f.target_tokens) if _named_by_pattern(f) else []


def inside_pattern_target(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """Setting ``phrase_targets``: a target that is no actor is aimed at the first actor
    inside its phrase ("cordoned off the roads leading into Mordor": Mordor)."""
    if not ctx.lexicon.settings.phrase_targets or not _named_by_pattern(f):
        return []
    return parties.first_inside(ctx.actors, f.target_tokens, set())


def object_or_partner(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """For a pattern that names no target: the verb's object ("met Xi on the sidelines of
    a summit in Uzbekistan": Xi), a phrase on the matched noun ("clashed over the efforts
    of Eriador"), a with/to/against phrase, a purpose clause ("agreed to provide aid for
    Romania"), best first. A group that names only the sources themselves does not
    count, but a source among others does ("A and B may spur reconciliation between C
    and B": A reconciles with B too)."""
    if _named_by_pattern(f):
        return []
    sa, phrases = ctx.actors, ctx.lexicon.settings.phrase_targets
    groups = _partner_groups(ctx, f)
    f.target_tokens = groups[0] if groups else []  # what the place rule reads if no group names an actor
    for group in groups:
        found = parties.resolve_all(sa, group)
        if ctx.roots.has(f.code, "statement"):
            # "made his remarks in Doha": where words are said is not whom they address
            found = [t for t in found if not parties.only_where(sa, t, f.cand.anchors)]
        if ctx.roots.has(f.code, "protest") or governor_of(f.trigger, ctx.lexicon) == "light":
            # "staged a protest", "lodged a protest": the act's own noun (the object of a
            # light verb) is the act, not protesters it is aimed at
            found = [t for t in found if not parties.act_as_thing(t, f.cand.anchors, ctx.lexicon)]
        targets = found if any(t.code not in f.source_codes for t in found) else []
        if not targets and phrases:
            targets = parties.first_inside(sa, group, f.source_codes)
        if targets:
            f.target_tokens = group
            return targets
    return []


def _partner_groups(ctx: SentenceContext, f: Frame) -> list[list[Token]]:
    """The token groups ``object_or_partner`` tries, best first."""
    trig, cand, lex = f.trigger, f.cand, ctx.lexicon
    near = [prep_objects(a, prep) for a in cand.anchors for prep in _NEAR_PREPS]
    # parties acting together act with each other, not with whom a purpose clause
    # names ("agreed to a truce to allow the exchange of hostages")
    together = len(f.sources) > 1 and ctx.roots.has(f.code, "reciprocal")
    rest = list(default_targets(trig, lex, depth=1 if together else 0))
    if together:  # nor with what their act is about ("signed a deal on the return of refugees")
        rest = [g for g in rest if not (g and g[0].dep_ == "pobj" and g[0].head.lower_ in _NOT_PARTNER_PREPS)]
        if trig.lemma_.lower() in lex.words.topic_verbs:  # "Putin and Trump discussed Ukraine"
            rest = [g for g in rest if not (g and g[0].dep_ in ("dobj", "obj") and g[0].head == trig)]
    # a verb's own object before the phrases of the matched words: "met Xi on the
    # sidelines of a summit in Uzbekistan" is a meeting with Xi
    first = rest[:1] if trig.pos_ != "NOUN" and rest and (
        not set(rest[0]) & set(cand.anchors) or _foreign_object(ctx, f, rest[0])) else []
    groups = [g for g in [*first, _asked(trig, cand.anchors), *near, cand.particle_objects, *rest[len(first):]] if g]
    # where it took place is no partner: "held talks on the sidelines of the APEC meeting";
    # nor is a circumstance: "trade resumed, with traders grumbling about their losses"
    return [g for g in groups if not parties.at_venue(g[0], trig, lex) and not parties.circumstance(g[0])]


def _foreign_object(ctx: SentenceContext, f: Frame, group: list[Token]) -> bool:
    """Is the object the pattern's word matched an actor of another country than every
    source's? Then it is the partner before any phrase on it: "summoned the U.S.
    ambassador to Turkey" summons the ambassador (USAGOV), not Turkey; the actor's own
    troops it moves are not ("deployed its troops to Ladakh")."""
    own, heads = {s.code[:3] for s in f.sources}, {t.i for t in group}
    found = parties.resolve_all(ctx.actors, group)  # the object itself, not an act noun's phrase
    return bool(found) and all(t.head in heads and t.code[:3] not in own for t in found)


def _asked(trig: Token, anchors: list[Token]) -> list[Token]:
    """The subject of the clause the matched words are in, below the trigger: whom "demanded
    that Hamas renounce its struggle against Israel" asks, before the phrases of that clause."""
    for clause in kids(trig):
        if clause.dep_ == "ccomp" and any(a in clause.subtree for a in anchors if a != trig):
            return [c for c in kids(clause) if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def any_phrase(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """Setting ``phrase_targets``, for a pattern that names no target: the first phrase
    of the verb that names an actor ("arrived in Gondor", "marched close to the border
    with Mordor")."""
    if _named_by_pattern(f) or not ctx.lexicon.settings.phrase_targets:
        return []
    return parties.phrase_actors(ctx.actors, f.trigger, f.source_codes)


def governing_subject(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """An act named by a noun is aimed at the subject of the verb that governs it: "X
    refused an offer from Y" is Y's offer to X, as is "refused an offer from Y to open
    talks" for the act in the offer's clause."""
    trig = f.trigger
    if trig.pos_ == "NOUN":
        return parties.governing_subject(ctx.actors, trig, f.sources)
    if trig.dep_ == "acl" and trig.head.pos_ == "NOUN":
        return parties.governing_subject(ctx.actors, trig.head, f.sources)
    return []


def place(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """A target that is a place is its country: "shelled Aleppo" is aimed at SYR,
    "villages near Kharkiv" at UKR; what force is used on may be a town the small model
    takes for a person ("shelled Kherson")."""
    if not f.target_tokens:
        return []
    return parties.places_as_actors(ctx.actors, f.target_tokens, any_name=ctx.roots.has(f.code, "violent"))


def where_it_struck(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """Force that names no target is aimed at the country where it struck: "Pakistan
    violated the ceasefire in the Poonch district of Jammu and Kashmir" (IND), "al-Shabaab
    fighters stormed a hotel in Mogadishu" (SOM); not a state's own country ("Indian
    troops fired in Kashmir")."""
    if not ctx.roots.has(f.code, "violent"):
        return []
    where = ctx.actors.place_actor()
    state = {s.code[:3] for s in f.sources if len(s.code) == 3 or s.code[3:6] in parties.STATE_SECTORS
             or s.entry.startswith("no doer named")}  # unidentified forces are the place's already
    return [where] if where is not None and where.code not in state else []


def theme_place(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """A statement addresses the country of a place in what it is about: "expressed
    sorrow for the shootings in South Carolina" (USA); so does an inquiry (roots.tsv
    ``about_place``): "launched an investigation into war crimes committed in Mali", unless
    at home ("Lebanese authorities opened an inquiry into the blast at Beirut port")."""
    if ctx.roots.has(f.code, "statement"):
        return parties.theme_places(ctx.actors, f.trigger, f.cand.anchors)
    if not ctx.roots.has(f.code, "about_place"):
        return []
    own = {s.code[:3] for s in f.sources}
    return [t for t in parties.theme_places(ctx.actors, f.trigger, f.cand.anchors) if t.code[:3] not in own]


def claimed_victims(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """A claim of responsibility is aimed at the victims of what is claimed: "claimed the
    bombing of a mall in Nairobi" (KEN)."""
    if not ctx.roots.has(f.code, "claim"):
        return []
    return parties.claimed_victims(ctx.actors, f.trigger, f.sources)


def protested_country(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """A protest that names no target is aimed at the country where it happens ("protest
    in Beijing": CHN), or at home at the protesters' own government."""
    if not ctx.roots.has(f.code, "protest"):
        return []
    return parties.protested_country(ctx.actors, ctx.sentence, f.sources)


def defied(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """A refusal is aimed at whoever pressed for what it turns down: "declined to resign
    despite pressure by the anti-corruption commission"."""
    if not ctx.roots.has(f.code, "rejection"):
        return []
    return [t for t in parties.resolve_all(ctx.actors, parties.defied(f.trigger)) if t.code not in f.source_codes]


def condition(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """A threat is aimed at whoever must comply: "threatened to strike unless Israel
    rescinded the decision"; so is a refusal on a condition: "ruled out talks unless the
    rebels laid down their arms"."""
    if not (ctx.roots.has(f.code, "threat") or ctx.roots.has(f.code, "rejection")):
        return []
    # a party named as such, not an event placed somewhere ("if war starts in Iraq")
    named = [t for t in parties.condition_subjects(f.trigger) if t.i in ctx.actors.by_token or t.pos_ == "PRON"]
    return [t for t in parties.resolve_all(ctx.actors, named) if t.code not in f.source_codes]


def abetted_country(ctx: SentenceContext, f: Frame) -> list[Actor]:
    """A sanction on people or groups the text names only by what they did for a country
    (roots.tsv ``abettors``, abetting_verbs.txt) is aimed at that country: "imposed new
    sanctions on individuals and groups that have facilitated Russia's war in Ukraine"
    (RUS); not on a party named as such ("Russian companies that helped Iran's programme")."""
    if not _named_by_pattern(f) or not ctx.roots.has(f.code, "abettors"):
        return []
    sa, verbs = ctx.actors, ctx.lexicon.words.abetting_verbs
    heads = [m for t in f.target_tokens for m in expand_conj(t)]
    # a bare agent noun ("companies", "officials") takes its country from elsewhere: no party of its own
    if not heads or any(h.pos_ != "NOUN" or h.i in sa.by_token and sa.by_token[h.i].kind != "agent" or any(
            t.i in sa.by_token for c in kids(h) if c.dep_ in MODIFIER_DEPS for t in c.subtree) for h in heads):
        return []
    out: list[Actor] = []
    for h in heads:
        for clause in kids(h):
            if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in verbs:
                continue
            for obj in (o for c in kids(clause) if c.dep_ == "dobj" for o in expand_conj(c)):
                owner = next((c for c in kids(obj) if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                actor = sa.resolve(owner if owner is not None else obj)
                if actor is not None and len(actor.code) == 3 and actor.code.isalpha() \
                        and actor.code not in f.source_codes and all(a.code != actor.code for a in out):
                    out.append(actor)
    return out


TARGET_RULES: tuple[TargetRule, ...] = tuple(TargetRule(rule.__name__, rule) for rule in (
    abetted_country,
    pattern_target,
    inside_pattern_target,
    object_or_partner,
    any_phrase,
    governing_subject,
    place,
    where_it_struck,
    theme_place,
    claimed_victims,
    protested_country,
    defied,
    condition,
))


def find_targets(ctx: SentenceContext, f: Frame) -> Drop | None:
    """The targets of the first rule that finds any; none is no drop (an act may have no
    target, and later steps decide)."""
    for rule in TARGET_RULES:
        found = rule.find(ctx, f)
        if found:
            f.targets, f.attempt.target_rule = found, rule.name
            return None
    f.targets = []
    return None
