"""From a matched pattern to events, one named decision at a time.

Each step takes the sentence's context and the pattern's frame, ``(ctx, frame) -> Drop
| None``, and decides one thing: the code a mood or an obligation makes of it, who did
it, the code its weapon (weapons.tsv) or its doer (official.tsv) makes of it, whom it
was done to (targets.py; a conjunct's or a defied curfew's party) and which of those found are no target (a place, the home
country, anyone but a named accuser), whose a target is when its country was only
borrowed from the doer, a country's leader named for the country, the holder of the
doer's own people, the host of a mission, counted people as civilians, the code who did
it to whom makes of it (sectors.tsv), whether it is only alleged, who acts on whom when several act together,
the reverse of a mutual act, whether the actor's own troops are what moved, and finally
the events. ``STEPS`` runs them in order; the first ``Drop``
ends the frame and says why (``dyad explain`` prints it).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from . import dates, parties, places
from .context import Drop, Frame, Mood, Pair, SentenceContext
from .events import (default_targets, gapped_passives, is_negation_word, is_passive, is_passive_modifier, named_doers, timed_prep_objects,
                     prep_objects, subjects, word_is)
from .parties import (STATE_SECTORS, doer_unnamed, each_other, only_where, phrase_actors, places_as_actors,
                      protested_country, reporting_verb, resolve_all, same_side, says_their, unattributed_attacker)
from .targets import find_targets
from .parse import kids
from ..lexicon import ontology
from ..lexicon.loader import Lexicon, Pattern
from ..model import Event

Step = Callable[[SentenceContext, Frame], "Drop | None"]

# Whose people an act moves rather than targets (roots.tsv own_forces): troops and police,
# and for relations (own_forces and relations) diplomats too.
_OWN_SECTORS = ("MIL", "COP")
_OWN_SECTORS_IN_RELATIONS = ("MIL", "COP", "GOV")


def lift_speaker_participle(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A criticism, rejection or threat in a participle set off by a comma at the end of
    reported or demanded words is the speaker's own act, though the parser hangs it on the
    words ("Russia demanded that U.S. soldiers leave Syria, denouncing the United States as
    an occupying force": Russia denounces, as a fact)."""
    trig = f.trigger
    if not ctx.roots.has(f.code, "own_act") or not _comma_participle(trig) or trig.dep_ != "advcl":
        return None
    clause = trig.head
    if clause.dep_ != "ccomp" or clause.head.pos_ != "VERB" or clause.head.i > trig.i:
        return None
    top = clause.head
    f.doer_verb = top
    if not any(is_negation_word(c) for c in kids(top)):
        f.mood = Mood("fact", f"the speaker's own act ({top.text})")
    return None


def _comma_participle(tok: Token) -> bool:
    return tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == ","


def drop_for_mood(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A negated or hypothetical act is no event, nor a refused one that modality.tsv has
    no rejection code for ("did not attack", "could attack"); under ``negation pico`` a
    negated act negation.tsv has no code for."""
    m, code, lex = f.mood, f.pattern.code, ctx.lexicon
    if not m.recode and (m.state in ("negated", "hypothetical") or (m.state == "refused" and not lex.refused_code(code))):
        return Drop(f"{m.state} ({m.why})")
    if m.recode and lex.negated_code(code) is None:
        return Drop(f"negated ({m.why}): negation.tsv has no code for {code}")
    return None


def recode_for_mood(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A promised or threatened act is an intent or threat ("will send aid": 033), a
    refused one a rejection ("declined to resign": 1231); under ``negation pico`` a
    negated one is what negation.tsv says ("did not clash": 050)."""
    m, code, lex = f.mood, f.pattern.code, ctx.lexicon
    if m.recode:
        f.code = lex.negated_code(code) or code
        f.attempt.mood = f"negated ({m.why}): {code} -> {lex.negated_code(code)}"
    elif m.state == "future" and lex.settings.future_as_intent:
        f.code = lex.future_code(code)
    elif m.state == "refused":
        f.code = lex.refused_code(code)
    if m.state == "future":  # also when the setting future_as_intent keeps the code
        f.attempt.mood = f"future ({m.why}): {code} -> {f.code}"
    return None


def recode_obligations(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Reported words that oblige someone are a demand or an appeal ("X said Libya must
    hand over the suspects": 100; obligation.tsv)."""
    if ctx.roots.has(f.code, "statement"):
        f.code = _obligation(f.trigger, ctx.lexicon) or f.code
    return None


# The generic codes an act's complement makes finer: an appeal, a demand, an accusation.
_ASKING = {"02": "02", "020": "02", "10": "10", "100": "10"}
_ACCUSING = ("112",)


def recode_by_complement(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A generic appeal, demand or accusation is coded by the act it is about, as its
    complement says: an appeal or demand by the intent code the act mirrors ("demanded
    that Russia release the journalists": 1053; "urged Israel to withdraw": 0256), an
    accusation by what it charges (charges.tsv: "accused Rwanda of sending commandos": 1123)."""
    if f.code not in _ASKING and f.code not in _ACCUSING:
        return None
    lex = ctx.lexicon
    for tok in _complements(f.trigger):
        about = ctx.candidate_at(tok)
        if about is None:
            continue
        code = lex.asked_code(_ASKING[f.code], about.pattern.code) if f.code in _ASKING else lex.charge_code(about.pattern.code)
        if code:
            f.attempt.mood = f"about {about.trigger.text} ({about.pattern.code}): {f.code} -> {code}"
            f.code = code
            return None
    return None


def _complements(trig: Token) -> list[Token]:
    """What an act is about: its clause or infinitive ("demanded that Russia release",
    "urged Iran to stop"), the verb or noun of its "of"/"for" phrase ("accused Rwanda of
    sending", "blamed Sudan for the raids"), its object noun ("demanded the withdrawal")."""
    out = [c for c in kids(trig) if c.dep_ in ("ccomp", "xcomp", "dobj")]
    out += [g for c in kids(trig) if c.dep_ == "prep" and c.lower_ in ("of", "for")
            for g in kids(c) if g.dep_ in ("pcomp", "pobj")]
    return out


def drop_asserted_demands(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Words about what was or has been done assert it; no one demands the past ("the
    government insists that no ransom has been paid")."""
    if f.code[:2] != "10":
        return None
    past = [c for c in kids(f.trigger) if c.dep_ == "ccomp" and any(
        a.dep_ in ("aux", "auxpass") and a.lower_ in ("has", "have", "had") for a in kids(c))]
    return Drop("insisting on what was done asserts it, demands nothing") if past else None


def take_roles(ctx: SentenceContext, f: Frame) -> Drop | None:
    """The tokens that name who did it and to whom, as the pattern reads them: the
    subject, and the pattern's ``+``; for a ``$`` pattern, its phrase and the subject."""
    trig, lex = f.trigger, ctx.lexicon
    if f.cand.swapped:
        # "X was freed from Y": the passive subject is whom the act was done to
        passive_subj = [c for c in kids(trig) if c.dep_ == "nsubjpass"] if is_passive(trig) else []
        f.source_tokens, f.target_tokens = f.cand.source_tokens, passive_subj or subjects(trig, lex)
        f.attempt.source_rule = "pattern"
    else:
        f.source_tokens = subjects(f.doer_verb or trig, lex)
        if not f.source_tokens and is_passive(trig) and any(e.kind == "subj" for e in f.pattern.elements):
            # "talks between A and B were held in Geneva": the subject names what happened,
            # as in the active ("talks between A and B began"), and its parties with it
            f.source_tokens = [c for c in kids(trig) if c.dep_ == "nsubjpass"]
        f.target_tokens = f.cand.target_tokens if f.pattern.names_target else []
        f.attempt.source_rule = "subject"
    return None


def drop_tolls(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Force whose subject is a whole conflict (toll_nouns.txt) counts its toll; it is no
    act of anyone ("the Colombian conflict has killed more than 220,000 people")."""
    if ctx.roots.has(f.code, "violent") and not f.cand.swapped and any(
            word_is(t, ctx.lexicon.words.toll_nouns) for t in f.source_tokens):
        return Drop("the toll of a whole conflict ('the war has killed thousands'), not an act")
    return None


def choose_sources(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Who did it: the actors the source tokens name; else, under ``phrase_targets``, a
    passive's phrase ("An Eriadorian was shot dead in Osgiliath"); else, for violence or
    an arrest whose doer the text does not name, the unidentified forces or police of
    the place ("a roadside bomb near Samarra killed ...")."""
    sa, trig = ctx.actors, f.trigger
    f.sources = resolve_all(sa, f.source_tokens)
    if not f.sources and ctx.lexicon.settings.phrase_targets and not f.cand.swapped and is_passive(trig):
        f.sources = phrase_actors(sa, trig, set())
        # the small parser may hang the subject on the auxiliary as nsubj ("Kiev was
        # sharply and repeatedly criticized")
        heads = [trig, *(a for a in kids(trig) if a.dep_ == "auxpass")]
        f.target_tokens = [c for h in heads for c in kids(h) if c.dep_ in ("nsubjpass", "nsubj")]
        f.done_to = bool(f.sources)  # the passive subject is the target, as PETRARCH reads a passive
        if f.sources:
            f.attempt.source_rule = "phrase of the passive"
    unnamed = ctx.roots.has(f.code, "violent") or ctx.roots.has(f.code, "arrest")
    if not f.sources and unnamed and doer_unnamed(trig, f.source_tokens, f.target_tokens, ctx.lexicon):
        victims = resolve_all(sa, f.target_tokens)
        f.sources = unattributed_attacker(sa, ctx.sentence, f.code, trig, victims)
        f.attempt.source_rule = "doer not named"
    if not f.sources and trig.pos_ == "NOUN" and f.mood.state == "fact" and ctx.roots.has(f.code, "reciprocal"):
        # "during a visit to Beirut" is background; "Steinmeier, on a visit to Tanzania," is visiting
        visit = ctx.lexicon.reverse_code(f.code, "cameo") == "043"
        f.sources = resolve_all(sa, _visitor(trig) if visit else _occasion_subjects(trig, ctx.lexicon))
        f.attempt.source_rule = "takes part in it" if f.sources else f.attempt.source_rule
    if not f.sources:
        return Drop("no source actor")
    return None


def _visitor(noun: Token) -> list[Token]:
    """Who is "on a visit" (a trip, a tour) to somewhere: the person the phrase describes
    ("German President Steinmeier on a visit to Tanzania expressed ...")."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "on" and prep.head.pos_ in ("NOUN", "PROPN"):
        return [prep.head]
    return []


# Phrases that name a mutual act as the occasion of a deed, or what led to it.
_OCCASION_PREPS = ("in", "during", "at", "after", "following")
def look_past_own_country(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A target that names no country of its own borrows the nearest one before it, which
    is often the doer's: then it is of the place where the act happened, or of a country
    the sentence names as a phrase of its own ("the UAE sent aid to the victims of the
    floods that swept Brazil": BRACVL, not ARECVL; "Mexico deported 311 migrants back to
    India"). The organs of a state are the doer's own ("Syrian troops arrested officers").
    A claim of responsibility names no victim in a thing that is no actor, read as one
    from a word in its phrase with the claimant's country: "claimed the attack in a
    message from its spokesman"; nor is one of several parties acting together the
    target of their joint act by such a borrowed country ("Russia and the US agreed to
    exchange prisoners")."""
    sa, own, doc = ctx.actors, {s.code[:3] for s in f.sources}, ctx.sentence.doc
    kept = []
    for t in f.targets:
        if t.head is not None and sa.borrowed.get(t.head) in own and _own_weapon(doc[t.head], sa, ctx.lexicon):
            continue  # "fired a barrage of tank shells": what is fired is the doer's own
        if t.head is not None and sa.borrowed.get(t.head) in own and t.code[3:6] not in STATE_SECTORS:
            other = sa.other_country(doc[t.head], f.trigger, own)
            if other:
                t = replace(t, code=other + t.code[3:], entry=f"{t.entry}; country of the place, not the doer's")
            elif t.head not in sa.by_token and ctx.roots.has(f.code, "claim"):
                continue
            elif len(f.sources) > 1 and ctx.roots.has(f.code, "reciprocal") and not ctx.roots.has(f.code, "violent"):
                continue  # "Russia and the US agreed to exchange prisoners": between them, not with the prisoners
        kept.append(t)
    f.targets = kept
    return None


def _own_weapon(tok: Token, sa, lex: Lexicon) -> bool:
    """Is the token a weapon read as an actor only by a sector word on it ("tank shells",
    "army rockets"), not by a party its phrase names ("an attack on the rebel-held town")?"""
    return tok.lemma_.lower() in lex.words.weapon_nouns and any(
        c.dep_ in ("compound", "amod") and c.i in sa.by_token for c in kids(tok))


def name_the_leader(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A country as a whole that the sentence also names by one of its leaders (people.tsv)
    is that leader's organ of state, for a visit or talks (roots.tsv
    ``country_by_leader``): "visited Brazil, where he was received by President Lula" is a
    visit to BRAGOV."""
    if not ctx.roots.has(f.code, "country_by_leader"):
        return None
    own = {s.code for s in f.sources}
    for i, t in enumerate(f.targets):
        if len(t.code) != 3:
            continue
        organs = {a.code for a in ctx.actors.actors_of(t.code) if a.code[3:6] in STATE_SECTORS and a.code not in own
                  and "people.tsv" in a.entry}  # a leader named, not "its embassy", "a senior official said"
        if len(organs) == 1:
            f.targets[i] = replace(t, code=organs.pop(), entry=f"{t.entry}; its state organ the sentence names")
    return None


def appeal_to_holder(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A call for the release of the actor's own people is aimed at whoever holds them
    (roots.tsv ``to_holder``): "called for the release of a US journalist detained in
    Russia" is aimed at Russia, not at the journalist."""
    if not ctx.roots.has(f.code, "to_holder"):
        return None
    own, doc, sa = {s.code[:3] for s in f.sources}, ctx.sentence.doc, ctx.actors
    for i, t in enumerate(f.targets):
        if t.head is None or t.code[:3] not in own:
            continue
        holder = next((a for a in parties.holders(sa, doc[t.head]) if a.code[:3] not in own), None)
        if holder is not None:
            f.targets[i] = replace(holder, entry=f"holds {t.text}: {holder.entry}")
    return None


# Nouns for a body sent to serve a country: a target that is one of these, of an
# international organisation, is aimed at the country it serves.
_MISSION_NOUNS = ("mission", "force", "operation", "contingent")


def serve_mission_host(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A mission of an international body serves the country its phrase names: "offered
    to contribute to a joint UN-African Union mission for Darfur" is aimed at Sudan, as
    "troops for a UN force in Liberia" at Liberia."""
    sa, doc = ctx.actors, ctx.sentence.doc
    for i, t in enumerate(f.targets):
        head = doc[t.head] if t.head is not None else None
        if head is None or head.lemma_.lower() not in _MISSION_NOUNS or not t.code.startswith(("IGO", "NGO")):
            continue
        places = [o for prep in ("for", "in", "to") for o in prep_objects(head, prep)]
        host = next((a for a in [*resolve_all(sa, places), *places_as_actors(sa, places)] if a.code[:3].isalpha()
                     and not a.code.startswith(("IGO", "NGO"))), None)
        if host is not None:
            f.targets[i] = replace(host, code=host.code[:3], entry=f"host of the mission: {host.entry}")
    return None


def protesters_at_protests(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Civilians an act is done to at a protest are protesters (OPP): "police detained
    nearly 400 people in the latest protests against Lukashenko" (BLROPP)."""
    gatherings = {w for w, sector in ctx.lexicon.thing_sectors.items() if sector == "OPP"}
    at_protest = any(o.lemma_.lower() in gatherings for prep in ("in", "at", "during") for o in prep_objects(f.trigger, prep))
    if at_protest:
        f.targets = [replace(t, code=t.code[:3] + "OPP") if t.code[3:6] == "CVL" and len(t.code) == 6 else t
                     for t in f.targets]
    return None


def count_people_as_civilians(ctx: SentenceContext, f: Frame) -> Drop | None:
    """People counted by their nationality, whom an act is done to, are civilians:
    "arrested 22 Palestinians" (PSECVL), "deported dozens of Afghans" (AFGCVL)."""
    doc = ctx.sentence.doc
    for i, t in enumerate(f.targets):
        if t.head is not None and len(t.code) == 3 and t.code.isalpha() and _counted_people(doc[t.head], ctx.actors):
            f.targets[i] = replace(t, code=t.code + "CVL", entry=f"{t.entry}; people counted: civilians")
    return None


def _counted_people(tok: Token, sa) -> bool:
    """Is the token a nationality's people, counted: "22 Palestinians", "dozens of Afghans"?"""
    m = sa.by_token.get(tok.i)
    if m is None or m.kind != "country" or tok.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ == "nummod" for c in kids(tok)):
        return True
    quantity = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return quantity is not None and (quantity.pos_ == "NUM" or any(c.dep_ == "nummod" for c in kids(quantity))
                                     or quantity.lower_ in ("dozens", "hundreds", "thousands", "scores", "millions"))


def _occasion_subjects(noun: Token, lex: Lexicon) -> list[Token]:
    """Whoever acts in a mutual act named as the occasion of their deed takes part in it:
    "called for the journalist's release in a call with Lavrov" (Blinken called Lavrov),
    "threw stones in clashes with police", "suspended a strike after talks with the
    government"; not the subject of a passive ("were wounded in clashes with police": the
    wounded did not clash)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _OCCASION_PREPS or prep.head.pos_ != "VERB":
        return []
    verb = prep.head
    return [] if is_passive(verb) else subjects(verb, lex)


# The target rules that read the pattern's own "+" (targets.py).
_PATTERN_RULES = ("pattern_target", "inside_pattern_target")


def recode_by_sectors(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Some codes depend on who does the act to whom (sectors.tsv): "police fired on
    protesters" and "clashed with supporters of the opposition" are repression (175),
    "protesters stormed parliament and set it on fire" a violent protest (145)."""
    if f.mood.state != "fact":
        return None
    code = ctx.lexicon.sector_code(f.code, [s.code for s in f.sources], [t.code for t in f.targets])
    if code:
        f.attempt.mood = f"by sectors: {f.code} -> {code}"
        f.code = code
    return None


def share_conjunct_target(ctx: SentenceContext, f: Frame) -> Drop | None:
    """An act done to someone that names no one, in a verb coordinated with one whose
    object is an actor, is done to that actor: "accused Ortega of undermining democracy
    and warned of further consequences" (the warning is Ortega's), "condemned Russia and
    recalled its ambassador"."""
    trig = f.trigger
    if f.targets or trig.dep_ != "conj" or not ctx.roots.has(f.code, "dyadic"):
        return None
    words = "ccomp" if not ctx.roots.has(f.code, "threat") else ""  # "... and said there would be consequences": for them
    if any(c.dep_ in ("nsubj", "nsubjpass", words) for c in kids(trig)) or trig.head.pos_ != "VERB":
        return None  # a clause of its own ("A attacked B and C warned"), or words about another ("insisted that ...")
    found = []
    for verb in _conjunct_heads(trig):
        objects = _aimed_at(verb)
        # the object itself, not a place in its phrase ("declared a state of siege in Haiti")
        found = [t for t in resolve_all(ctx.actors, objects) if t.code not in f.source_codes
                 and t.head in {o.i for o in objects}]
        if found:
            break
    if found:
        f.targets, f.attempt.target_rule = found, "share_conjunct_target"
    return None


def _conjunct_heads(trig: Token) -> list[Token]:
    """The verb a conjunct is coordinated with, and when that is a participle of the main
    verb, the main verb too ("attacked a base, killing one and seizing vehicles")."""
    head = trig.head
    return [head, head.head] if head.dep_ == "advcl" and head.tag_ == "VBG" else [head]


def _aimed_at(verb: Token) -> list[Token]:
    """Whom a verb is done to, as its object or its "against" phrase ("protested against
    North Korea and strongly condemned the launch")."""
    return [c for c in kids(verb) if c.dep_ in ("dobj", "obj")] + [
        g for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "against" for g in kids(c) if g.dep_ == "pobj"]


# The people, as the sectors of a crowd defying a curfew or a ban: opposition, civilians,
# workers, students, clergy, farmers.
_CROWD_SECTORS = ("OPP", "CVL", "LAB", "EDU", "REL", "AGR")


def aim_defiance(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Defying a curfew, a ban or an order (roots.tsv ``defiance``) is aimed at whoever
    imposed it; when no one is named, at the defiers' own government, or the country where
    they defy it ("protesters in Kathmandu ignored a curfew": NPLGOV)."""
    if f.targets or not ctx.roots.has(f.code, "defiance") or f.mood.state != "fact":
        return None
    if not all(s.code[3:6] in _CROWD_SECTORS for s in f.sources):
        return None  # a state or group breaking a law or a truce breaks it towards whoever it names
    found = protested_country(ctx.actors, ctx.sentence, f.sources)
    if found:
        f.targets, f.attempt.target_rule = found, "aim_defiance"
    return None


def keep_named_targets(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Some acts are aimed only at whom their pattern names (roots.tsv ``named_target``):
    a denial at its accuser ("denied the accusations by the opposition"), not at the
    victims of what it denies ("denied any role in the bombing of the embassy": no one)."""
    if f.targets and ctx.roots.has(f.code, "named_target") and f.attempt.target_rule not in _PATTERN_RULES:
        f.targets, f.attempt.target_rule = [], ""
    return None


def aim_denial_at_accuser(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A denial whose pattern names no accuser is aimed at the one the allegation's own
    phrase names ("dismissed Congo's accusations", "said the Pakistani claims were false"):
    the allegation is the object, or what the denier's words are about."""
    if f.targets or not f.code.startswith("016") or f.mood.state != "fact":
        return None
    allegations = ctx.lexicon.sets.get("&ALLEGATION", frozenset())
    trig = f.trigger
    nouns = [c for c in kids(trig) if c.dep_ in ("dobj", "obj")]
    nouns += [g for c in kids(trig) if c.dep_ == "ccomp" for g in kids(c) if g.dep_ in ("nsubj", "nsubjpass")]
    accusers = [d for n in nouns if word_is(n, allegations) for d in named_doers(n)]
    found = [t for t in resolve_all(ctx.actors, accusers) if t.code[:3] not in {s.code[:3] for s in f.sources}]
    if found:
        f.targets, f.attempt.target_rule = found, "aim_denial_at_accuser"
    return None


def drop_place_targets(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Where an actor's forces move is no target (roots.tsv ``place_no_target``: "British
    troops withdrew from central Basra"), nor where they move at home (``home_no_target``:
    "India deployed troops to the Ladakh region"); a country or capital named outright
    ("withdrew from Panama") and a place abroad ("exercises in Alaska") still are."""
    if not f.targets:
        return None
    before, home = bool(f.targets), {s.code[:3] for s in f.sources}
    if f.attempt.target_rule == "place" and ctx.roots.has(f.code, "place_no_target"):
        f.targets = []
    elif ctx.roots.has(f.code, "home_no_target"):
        # a place at home, or the home country itself named as where ("on the streets of Dhaka")
        place = f.attempt.target_rule == "place"
        f.targets = [t for t in f.targets if t.code[:3] not in home or (not place and t.code != t.code[:3])]
    if not f.targets:
        f.attempt.target_rule, f.place_only = "", before
    return None


def drop_where_said(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Words and symbolic acts (roots.tsv ``statement``) are not addressed to where they
    happen: "laid a wreath at the Tomb of the Unknown Soldier", "spoke at a rally in
    Kabul" name no one the act is aimed at."""
    if f.targets and ctx.roots.has(f.code, "statement") and f.attempt.target_rule not in _PATTERN_RULES:
        doc = ctx.sentence.doc
        f.targets = [t for t in f.targets if t.head is None or not _where_of(doc[t.head], f.trigger)]
    return None


# Codes of force whose weapon the text may name (weapons.tsv).
_GENERIC_FORCE = ("18", "180", "19", "190")


def code_by_weapon(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Force is coded by the weapon the text names (weapons.tsv): "were killed in Syrian
    government air strikes" 195, "a suicide bomber killed ten people" 1831, "shot at
    villages with artillery" 194; generic force (190, 180) only when none is named."""
    if f.code in _GENERIC_FORCE and f.mood.state == "fact":
        weapon = named_weapon(ctx.lexicon, f.trigger)
        if weapon:
            f.attempt.mood = f"weapon named: {f.code} -> {weapon}"
            f.code = weapon
    return None


def code_by_agent(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Force carrying a chemical, biological or radiological agent (chemical_nouns.txt) in
    what it fires or uses is the use of such weapons (2041): "fired mortar rounds
    containing mustard agent", "fired rockets loaded with sarin"."""
    if f.mood.state != "fact" or not ctx.roots.has(f.code, "violent") or f.code.startswith("204"):
        return None
    agents = ctx.lexicon.words.chemical_nouns
    held = [c for c in kids(f.trigger) if c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ == "with")]
    if any(word_is(t, agents) for c in held for t in c.subtree):
        f.attempt.mood = f"chemical agent named: {f.code} -> 2041"
        f.code = "2041"
    return None


def named_weapon(lex: Lexicon, verb: Token) -> str | None:
    """The code of the weapon a verb of force names as its subject or in a phrase."""
    nouns = [c for c in kids(verb) if c.dep_ == "nsubj"]
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        nouns.append(verb.head)  # "air strikes that killed", or parsed so: "US-led air strikes killed"
    nouns += [g for v in (verb, *gapped_passives(verb)) for c in kids(v)
              if c.dep_ in ("prep", "agent") and c.lower_ in _WEAPON_PREPS for g in kids(c) if g.dep_ == "pobj"]
    nouns += [g for prep in _WEAPON_PREPS for g in timed_prep_objects(verb, prep) if g not in nouns]
    for code, words in lex.weapons.items():
        if any(word_is(n, words) for n in nouns):
            return code
    return None


# Phrases that name what force was used with ("killed in air strikes", "shot with rifles").
_WEAPON_PREPS = ("in", "by", "with", "during", "from", "using")


# Sectors of a state: what they do is official (official.tsv).
_STATE_SECTORS = ("GOV", "JUD")


def recode_official_acts(ctx: SentenceContext, f: Frame) -> Drop | None:
    """What a state or an international body does with words a crowd uses differently is
    its official act (official.tsv): "Japan protested against North Korea" is a formal
    complaint (114), "students protested against the government" a demonstration (141);
    not what a purpose clause says a protest is for ("went on hunger strike to protest")."""
    official = ctx.lexicon.official_code(f.code)
    trig = f.trigger
    purpose = trig.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(trig))
    if official and not purpose and f.mood.state == "fact" and all(_is_state(ctx, a) for a in f.sources):
        f.code = official
    return None


def _is_state(ctx: SentenceContext, actor) -> bool:
    """A government or its courts, an international body, or a country named
    as such ("Japan"; not its people, "Belarusians")."""
    code = actor.code
    if code.startswith("IGO") or code[3:6] in _STATE_SECTORS:
        return True
    head = ctx.sentence.doc[actor.head] if actor.head is not None else None
    # a place or body named ("Japan", "Tokyo"), not a nationality ("Sudanese": NORP)
    return len(code) == 3 and head is not None and head.ent_type_ in ("GPE", "ORG")


def code_allegations(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A speaker who says another used force accuses it (allegation.tsv: "Iran said Iraqi
    jets bombed Abadan"); claiming one's own attack claims responsibility. When the
    speech verb presents the act as only a claim ("claimed", "alleged"), the act itself
    is not coded."""
    if f.mood.state != "fact" or not ctx.roots.has(f.code, "violent"):
        return None
    if _allege(ctx, f):
        return Drop("only claimed: the claim is coded (allegation.tsv)")
    if _names_culprit(f.trigger):
        return Drop("who was behind an act is someone's claim, not the act ('evidence proving Russia was behind the attacks')")
    return None


def _names_culprit(trig: Token) -> bool:
    """Does the trigger say who was behind an act rather than report it ("Ukraine was
    behind the attack", "Iran is responsible for the bombing")?"""
    return trig.lemma_ == "be" or trig.pos_ == "ADJ"


def drop_passive_without_doer(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A passive that names no doer is not coded (CONVENTIONS.md): "six people were killed
    in clashes", "498 of its troops had been killed". What a speaker says of it is
    (code_allegations ran before: "Israel said a mortar bomb was fired at it from Gaza");
    a weapon as the subject ("a roadside bomb killed two soldiers") and a headline's
    reduced passive ("10 Russian soldiers killed in Ukraine") still name the place's
    unidentified forces, and an arrest the police who make arrests (an agent clear from
    the verb: "activists were arrested in Minsk")."""
    trig = f.trigger
    if f.attempt.source_rule == "doer not named" and not f.source_tokens and is_passive(trig) \
            and not is_passive_modifier(trig) and not ctx.roots.has(f.code, "arrest"):
        return Drop("a passive that names no doer ('were killed in clashes') is not coded")
    return None


def drop_venue_targets(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Parties acting together act with each other, not with where they meet: "the
    government and the rebels signed a peace deal in Pretoria"."""
    if f.targets and len(f.sources) > 1 and ctx.roots.has(f.code, "reciprocal") and all(
            only_where(ctx.actors, t, f.cand.anchors) for t in f.targets):
        f.targets = []
    return None


def require_partners(ctx: SentenceContext, f: Frame) -> Drop | None:
    """An act a pattern reads as between several subjects (``%``: "A and B discussed the
    peace process") needs two of them to be actors; with one, what it is about is no
    partner ("Jaishankar and Mr Khalilzad discussed the Afghan peace process")."""
    if f.pattern.between_subjects and len({s.code for s in f.sources}) < 2:
        return Drop("an act between its subjects, and only one of them is an actor")
    return None


def require_pattern_target(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A pattern that names its target needs it to be an actor; if not, the trigger's
    next pattern is tried ("attack +" on "attacked the building" gives way to "attack")."""
    if not f.targets and f.pattern.names_target and not f.place_only:
        return Drop("the pattern's target is not an actor", try_next=True)
    return None


def settle_reciprocity(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Who acts on whom. Several sources of an act between them, with no other party
    ("A and B held talks", "A and B postponed their meeting", "expelled each other's
    diplomats"), act on each other, each way; under ``--scheme plover`` each is one
    participant of a joint act, with no target."""
    trig = f.trigger
    if f.targets and len(f.sources) > 1 and each_other(trig):
        f.targets = []  # "expelled each other's diplomats": between the subjects
    f.pairs = [Pair(s, t, f.code) for s in f.sources for t in (f.targets or [None])]
    mutual = (ctx.roots.has(f.code, "reciprocal") and not _reacts_to_object(ctx, f)) or says_their(trig) \
        or f.pattern.between_subjects
    if not f.targets and len(f.sources) > 1 and mutual:
        if ctx.plover:
            f.joint = True
        else:
            parties = _distinct_parties(f.sources)
            f.pairs = [Pair(s, t, f.code) for s in parties for t in parties if s is not t]
    return None


def _reacts_to_object(ctx: SentenceContext, f: Frame) -> bool:
    """Does a reaction (roots.tsv ``reaction``) name what it reacts to as the verb's own
    object, outside the matched words ("the US, the EU and the Arab League condemned the
    coup")? Then its subjects react to that together, not to each other."""
    trig = f.trigger
    return ctx.roots.has(f.code, "reaction") and trig.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c not in f.cand.anchors for c in kids(trig))


def _distinct_parties(actors: list) -> list:
    """The parties of an act done together, each once: a country and its government named
    side by side ("the Russian Federation and the United States, Sergey Lavrov and Mike
    Pompeo") are one party, the most specific; its army and rebels in it are two."""
    return [a for a in actors if not any(b is not a and b.code != a.code and b.code.startswith(a.code) for b in actors)]


def add_reverse_events(ctx: SentenceContext, f: Frame) -> Drop | None:
    """A mutual act is also done the other way (symmetric.tsv, or the pattern's
    ``reverse``): "A negotiated with B" is B with A too, A visiting B is B hosting A;
    "A met with B" is A's act only under CAMEO's codebook, one joint act under PLOVER's. Only
    a party named outright acts back: not "a summit on the unrest in Iran", nor the place
    of a gathering ("attend a summit in Switzerland"). Under ``--scheme plover`` a
    mutual act is one joint act of all its parties, and a visit is coded once."""
    lex = ctx.lexicon
    reverse = f.pattern.reverse or (lex.reverse_code(f.code, ctx.scheme) if lex.settings.reverse_mutual else None)
    if not (f.targets and reverse):
        return None
    if ctx.plover:
        if reverse == f.code:
            f.pairs, f.joint = [Pair(a, None, f.code) for a in [*f.sources, *f.targets]], True
        return None
    sa, doc = ctx.actors, ctx.sentence.doc
    f.pairs += [Pair(t, s, reverse) for s, t, _ in f.pairs
                if t is not None and t.head in sa.by_token and not _where(doc[t.head])]
    return None


def drop_self_acts(ctx: SentenceContext, f: Frame) -> Drop | None:
    """An actor acting on itself is a misreading ("protest in Ramallah" by Palestinians);
    when the pattern named that target, its next pattern is tried."""
    kept = [p for p in f.pairs if p.target is None or p.source.code != p.target.code]
    if not kept and f.pattern.names_target:
        f.pairs = kept
        return Drop("the pattern's target is the source itself", try_next=True)
    if not kept and f.pairs:
        # the only party found is the actor itself ("declined to comment on ... the White
        # House residence"): the act is done to no one named
        kept = list({p.source.code: Pair(p.source, None, p.code) for p in f.pairs}.values())
    f.pairs = kept
    return None


def redirect_own_forces(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Postures, withdrawals, aid and recalls move the actor's own people: "India deployed
    troops to Ladakh" is aimed at no one, "mobilized reservists for a war against Iraq" at
    the war's enemy, "Serbia withdrew its ambassadors from ..." not at Serbia's government;
    nor, for a ceasefire, a withdrawal, a resignation or a posture (roots.tsv
    ``no_home_target``), is the actor's own country as a whole ("declared a ceasefire in
    south Lebanon", "resigned to allow Haiti's first free elections")."""
    if not ctx.roots.has(f.code, "own_forces"):
        return None
    own = _OWN_SECTORS_IN_RELATIONS if ctx.roots.has(f.code, "relations") else _OWN_SECTORS
    pairs = []
    for s, t, code in f.pairs:
        home = ctx.roots.has(code, "no_home_target") and t is not None and t.code == s.code[:3] != s.code
        if t is not None and t.code[:3] == s.code[:3] and (t.code[3:6] in own or home):
            # each other party the verb names: "recalled its ambassadors to the US and Israel"
            others = _others_named(ctx, f.trigger, s)
            if not others and ctx.roots.has(code, "deployment"):
                # "China sent warships to the South China Sea": its own forces, to no one, are
                # a deployment; the trigger's next pattern says so ("send &C_FORCE": 154)
                return Drop("the actor's own forces sent to no one are no aid", try_next=True)
            pairs += [Pair(s, e, code) for e in others] or [Pair(s, None, code)]
        else:
            pairs.append(Pair(s, t, code))
    f.pairs = pairs
    return None


def _others_named(ctx: SentenceContext, trig: Token, s) -> list:
    """The actors of the first phrase of the verb that names another country than the
    source's, each once."""
    for g in default_targets(trig, ctx.lexicon):
        found = {a.code: a for a in resolve_all(ctx.actors, g) if a.code[:3] != s.code[:3]}
        if found:
            return list(found.values())
    return []


def build_events(ctx: SentenceContext, f: Frame) -> Drop | None:
    """One event per pair, all with the trigger's date."""
    when = dates.event_date(ctx.sentence, ctx.article.date, anchor=f.trigger.i, offset=ctx.actors.offset)
    age = dates.event_age(ctx.sentence, ctx.article.date, f.trigger.i)
    made = [make_event(ctx, f.pattern, f.trigger, pair, f.mood.state, when) for pair in f.pairs]
    for e in made:
        if age is not None:
            e.evidence["age"] = age  # days before the story date (keep.story_verdicts)
        if f.joint:
            e.evidence["joint"] = True
        if f.attempt.target_rule == "share_conjunct_target":
            e.evidence["target_from_conjunct"] = True
    f.events += made
    f.attempt.made = len(made)
    return None


STEPS: tuple[Step, ...] = (
    lift_speaker_participle,
    drop_for_mood,
    recode_for_mood,
    recode_obligations,
    recode_by_complement,
    drop_asserted_demands,
    take_roles,
    drop_tolls,
    choose_sources,
    code_by_weapon,
    code_by_agent,
    recode_official_acts,
    find_targets,
    share_conjunct_target,
    aim_defiance,
    keep_named_targets,
    aim_denial_at_accuser,
    drop_place_targets,
    look_past_own_country,
    name_the_leader,
    appeal_to_holder,
    serve_mission_host,
    protesters_at_protests,
    count_people_as_civilians,
    recode_by_sectors,
    drop_where_said,
    code_allegations,
    drop_passive_without_doer,
    drop_venue_targets,
    require_partners,
    require_pattern_target,
    settle_reciprocity,
    add_reverse_events,
    drop_self_acts,
    redirect_own_forces,
    build_events,
)


def run_steps(ctx: SentenceContext, f: Frame) -> Drop | None:
    """Run ``STEPS`` on the frame up to the first ``Drop``, which is recorded in its
    attempt; the frame's events (allegations included) are its output either way."""
    for step in STEPS:
        drop = step(ctx, f)
        if drop is not None:
            f.attempt.dropped = drop.reason
            return drop
    return None


def make_event(ctx: SentenceContext, p: Pattern, trig: Token, pair: Pair, state: str,
               when: tuple[str | None, dict | None]) -> Event:
    """The event for one pair, with its evidence, place and confidence."""
    s, t, code = pair
    known = ctx.lexicon.cameo_code(code)
    c = ontology.cameo(known) if known else None
    ptype, pmode = ontology.plover(c.code) if c else ("", "")
    if p.plover[0] and code == p.code:
        ptype, pmode = p.plover  # the pattern's act is finer than its CAMEO code ("resigned": RETREAT)
    sent, off = ctx.sentence, ctx.actors.offset
    day, date_ev = when
    loc = None
    if ctx.locate:
        countries = [a.code[:3] for a in (s, t) if a is not None and a.code[:3].isalpha()]
        # the actors' own words are not where it happened, unless the target is a place it
        # happened in or went to ("extradited the suspect to Britain", "sought refuge in Germany")
        exclude = {(a.head, a.head + 1) for a in (s, t) if a is not None and a.head is not None
                   and not (a is t and _went_to(sent.doc[a.head]))}
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
    return Event(
        doc_id=ctx.article.id, sentence_id=ctx.sid, sentence=sent.text, date=day,
        source=s.code, target=t.code if t else "", cameo=code,
        source_text=s.text, target_text=t.text if t else "",
        plover=ptype, plover_mode=pmode, goldstein=c.goldstein if c else None, quad_class=c.quad_class if c else None,
        location=loc, evidence=evidence, rule=p.rule, confidence=_confidence(p, s, t),
    )


def _confidence(p: Pattern, s, t) -> float:
    # Longer patterns and a named target are more trustworthy; actors found only from
    # context are less so.
    conf = 0.5 + 0.08 * min(p.specificity, 4) + (0.1 if t is not None else 0.0)
    if s.entry.startswith("pronoun") or (t is not None and t.entry.startswith("pronoun")):
        conf -= 0.15
    return round(min(conf, 0.99), 2)


def _allege(ctx: SentenceContext, f: Frame) -> bool:
    """Code what the speaker of the reported violence says of it (allegation.tsv): an
    accusation of the doers, or, when the doer is its own side, a claim of responsibility
    towards the victims. True when the verb presents the act as only a claim, not to be
    coded itself."""
    lex, sa = ctx.lexicon, ctx.actors
    # "said Iran was responsible for": the copula's clause is what is reported
    verb = reporting_verb(f.trigger.head if f.trigger.dep_ == "acomp" else f.trigger, lex)
    if verb is None:
        return False
    made = False
    when = dates.event_date(ctx.sentence, ctx.article.date, anchor=verb.i, offset=sa.offset)
    said = lex.allegations[verb.lemma_.lower()]
    p = f.pattern
    operation = _operation(f)
    for speaker in resolve_all(sa, subjects(verb, lex)):
        for doer in f.sources:
            own = same_side(speaker, doer)
            if operation and not own:
                continue  # "NATO said alliance and Afghan forces killed 94 insurgents": reported, not alleged
            if doer.entry.startswith("no doer named") and doer.code[:3] == speaker.code[:3]:
                # "an army official said five soldiers were killed", "Hamas said its gunmen
                # were killed": a side reporting what befell it at home accuses nobody named
                continue
            code = said.own if own else said.other
            if not code:
                continue
            rule = replace(p, code=code, rule=said.rule, text=f"{verb.lemma_} that ... ({p.rule})", plover=("", ""))
            for t in ([v for v in f.targets if v.code != speaker.code] or [None]) if own else [doer]:
                f.events.append(make_event(ctx, rule, verb, Pair(speaker, t, code), "fact", when))
                made = True
    # "said Ukraine was behind the attack": the words name who did a known act; the
    # accusation is the news, not the act again
    return made and (said.drops_act or _names_culprit(f.trigger))


# Who fights insurgents in the open: state forces, the state, international bodies.
_STATE_FORCES = ("MIL", "GOV", "COP")


def _operation(f: Frame) -> bool:
    """Is the act state forces' operation against insurgents ("killed 94 Taliban
    insurgents")? Reported, it is news of the operation, not an accusation."""
    return bool(f.targets) and all(t.code[3:6] == "REB" for t in f.targets) and all(
        d.code[3:6] in _STATE_FORCES or d.code.startswith("IGO") for d in f.sources)
def _went_to(tok: Token) -> bool:
    """Is the token the place of an "in"/"to"/"into" phrase on a verb ("fled to Britain")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "to", "into", "inside") and tok.head.head.pos_ == "VERB"


def _where(tok: Token) -> bool:
    """Is the token only where a gathering takes place ("a summit in Switzerland"), not a
    country the visitor arrives in ("arrived in Washington")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.head.head.pos_ == "NOUN"


def _where_of(tok: Token, verb: Token) -> bool:
    """Is the token inside an "at"/"in" phrase of the verb (where it happened)?"""
    node = tok
    for _ in range(12):
        if node.head == verb:
            return node.dep_ == "prep" and node.lower_ in ("at", "in")
        if node.head == node:
            return False
        node = node.head
    return False


def _obligation(speech_verb: Token, lex: Lexicon) -> str | None:
    """The demand or appeal code when the reported words oblige someone."""
    for clause in kids(speech_verb):
        if clause.dep_ != "ccomp":
            continue
        for aux in kids(clause):
            if aux.dep_ == "aux" and aux.lower_ in lex.obligations:
                return lex.obligations[aux.lower_]
    return None
