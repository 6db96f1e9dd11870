"""Who an event's source and target are when the matched pattern does not say:
actors of phrases, coordinated and split subjects, places, unattributed violence, the
aim of protests, threats and refusals. Each function takes parsed tokens and returns
actors (``dyad.model.Actor``) or the tokens to resolve."""
from __future__ import annotations

from spacy.tokens import Span, Token

from . import places
from .actors import SentenceActors
from .events import expand_conj, is_passive, is_passive_modifier, named_doers, prep_objects, subjects
from .mentions import in_border_pair, in_water_name
from .parse import kids
from ..lexicon.loader import Lexicon
from ..model import Actor


def resolve_all(sa: SentenceActors, toks) -> list[Actor]:
    """Every actor the tokens name: each member of a coordination, "they" as the group it
    stands for, the countries a phrase coordinates inside it."""
    out: list[Actor] = []
    for tok in toks:
        if tok.lower_ in ("they", "them", "their"):
            ref = sa.referent(tok)
            if ref is not None:
                tok = ref  # "Obama and Putin said they will...": both of them
        members = expand_conj(tok)
        inside = [sa.coordinated_inside(t) for t in members]
        # "Lawmakers and officials in Arnor and Gondor": the phrase is parsed on the
        # lawmakers only, but names the officials' countries too
        shared = next((found for found in inside if len(found) > 1), [])
        for t, found in zip(members, inside):
            found = found or (shared and sa.with_countries_of(t, shared)) or [sa.resolve(t)]
            for a in [*found, *sa.coordinated_modifiers(t)]:
                if a is not None and all(a.code != b.code or a.start != b.start for b in out):
                    out.append(a)
    if len(out) > 1 and one_phrase_split(list(toks)):
        # "the Somali militant group al-Shabab", parsed as two subjects, "Syrian government
        # air strikes": one actor, the most specific
        out = [max(out, key=lambda a: len(a.code))]
    return out


_MODIFIERS = ("amod", "compound", "nmod")


def one_phrase_split(toks: list[Token]) -> bool:
    """Several subjects of one verb, or several modifiers of one act noun ("Syrian
    government air strikes"), with no "and" or comma between them: one phrase, split."""
    if len(toks) < 2 or any(t.head != toks[0].head for t in toks):
        return False
    if not (all(t.dep_ == "nsubj" for t in toks) or all(t.dep_ in _MODIFIERS for t in toks)):
        return False
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    return not any(w.dep_ == "cc" or w.text in (",", ";") for w in toks[0].doc[lo:hi])


def phrase_actors(sa: SentenceActors, verb: Token, exclude: set[str]) -> list[Actor]:
    """The actors of the verb's first prepositional phrase that names one, directly or
    inside ("in the dispute with Osgiliath"), also through an adverb ("marched close to
    the border with Mordor")."""
    preps = []
    for c in kids(verb):
        if c.dep_ in ("prep", "agent"):
            preps.append(c)
        elif c.dep_ == "advmod":
            preps.extend(g for g in kids(c) if g.dep_ == "prep")
    for c in preps:
        if c.dep_ in ("prep", "agent"):
            objs = [g for g in kids(c) if g.dep_ == "pobj"]
            found = [a for a in resolve_all(sa, objs) if a.code not in exclude] or first_inside(sa, objs, exclude)
            if found:
                return found
    return []


def first_inside(sa: SentenceActors, toks, exclude: set[str]) -> list[Actor]:
    """The actors of the first noun inside the phrase of ``toks`` that names one:
    "cordoned off the roads into Mordor", "links leading into Mordor along the pass
    of X", "the parade supporting Gondor". PETRARCH reads a noun phrase's actor from
    any of its words when its head names none."""
    for tok in toks:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        for w in tok.subtree:
            if w == tok or w.pos_ not in ("NOUN", "PROPN") or w.dep_ == "conj" or within_clause(w, tok):
                continue
            found = [a for a in resolve_all(sa, [w]) if a.code not in exclude]
            if found:
                return found
    return []


def within_clause(w: Token, top: Token) -> bool:
    """Is ``w`` inside a clause with a subject of its own below ``top`` ("the roads
    that Gondor built": Gondor did something, it is not what the roads are)?"""
    node = w
    while node != top and node.head != node:
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(node)):
            return True
        node = node.head
    return False


def places_as_actors(sa: SentenceActors, toks, any_name: bool = False) -> list[Actor]:
    """A target that is a place ("shelled Aleppo", "villages near Kharkiv") is coded
    as the place's country. With ``any_name`` (what force is used on), a proper noun
    the small model takes for a person or a body is looked up too ("shelled Kherson",
    "attacked El Fasher")."""
    out, named = [], None
    for tok in toks:
        for t in expand_conj(tok):
            if t.ent_type_ not in ("GPE", "LOC", "FAC") and t.lemma_.lower() not in sa.lexicon.words.place_nouns \
                    and not (any_name and t.pos_ == "PROPN"):
                continue  # "repelled an attack near X": the attack is not the place
            if in_water_name(t, sa.lexicon.words.water_nouns):
                continue  # "fired a missile toward the Sea of Japan": a sea is no country's
            ents = [e for e in t.doc.ents if e.label_ in ("GPE", "LOC", "FAC")
                    and t.left_edge.i <= e.start and e.end <= t.right_edge.i + 1]
            # The small model misses many place names: try the proper nouns too.
            ents += [t.doc[w.i : w.i + 1] for w in t.subtree if w.pos_ == "PROPN"]
            for ent in ents:
                if in_border_pair(t.doc, ent.start, ent.end, sa.lexicon.words.border_nouns):
                    continue  # "a village near the India-Pakistan border" is in neither for certain
                named = sa.named_countries() if named is None else named  # Tripoli, Lebanon for a Lebanese actor
                place = places.resolve(ent.text, named)
                if place is not None and place.country:
                    out.append(Actor(places.actor_country(place.country), ent.text, ent.start_char + sa.offset, ent.end_char + sa.offset, f"place: {place.name}", t.i))
                    break
    return out


def doer_unnamed(trig: Token, src_toks, tgt_toks, lex: Lexicon) -> bool:
    """A weapon as the subject ("a roadside bomb killed"), or a passive whose subject is
    the victim and that names no doer ("three soldiers were killed near Basra"); not
    "Serb forces were engaged in ethnic cleansing", whose subject did it."""
    if trig.pos_ != "VERB":
        return False
    if src_toks:
        weapons = lex.words.weapon_nouns  # "a roadside bomb", "a suicide car bombing"
        return all(t.lemma_.lower() in weapons or (t.dep_ in ("compound", "amod") and t.head.lemma_.lower() in weapons)
                   for t in src_toks)
    if is_passive_modifier(trig):  # "10 Russian soldiers killed in Ukraine": the soldiers are the victims
        return True
    # "three civilians were killed in Baghdad"; not "forces were engaged in", whose subject did it
    return (is_passive(trig) and any(c.dep_ == "nsubjpass" for c in kids(trig))
            and trig.lemma_.lower() not in lex.words.stative_passives)


def unattributed_attacker(sa: SentenceActors, sent: Span, code: str = "", trig: Token | None = None,
                          victims: list[Actor] = ()) -> list[Actor]:
    """Who did violence whose doer the text does not name ("a roadside bomb killed two
    soldiers"): unidentified forces (``UAF``) of the place where it happened, as ICEWS
    and the PLOVER gold standard code it; for an arrest, that place's police, and for a
    sentence its courts. An arrest or sentence that names no place was made by the
    country of the one arrested ("Cambodia's opposition leader was sentenced to 27
    years")."""
    arrest = sa.lexicon.roots.has(code, "arrest")
    court = arrest and trig is not None and trig.lemma_.lower() in sa.lexicon.words.court_verbs
    sector, who = ("JUD", "its courts") if court else ("COP", "its police") if arrest else ("UAF", "unidentified forces")
    where = places.locate(sent, sa.named_countries())
    if where is None or where.get("source") != "text" or not where.get("country"):
        home = next((v for v in victims if v.code[:3].isalpha()), None)
        if not arrest or home is None:
            return []
        return [Actor(home.code[:3] + sector, home.text, home.start, home.end, f"no doer named: {who} of {home.text}")]
    return [Actor(places.actor_country(where["country"]) + sector, where["text"], where["start"] + sa.offset, where["end"] + sa.offset,
                  f"no doer named: {who} where it happened ({where['name']})")]


def protested_country(sa: SentenceActors, sent: Span, sources: list[Actor]) -> list[Actor]:
    """Whom a protest that names no target is aimed at: the country where it happens
    ("protest in Beijing": CHN), or the protesters' own government when that is at home
    (as the PLOVER gold standard codes them)."""
    exclude = {(sent.doc[s.head].left_edge.i, s.head + 1) for s in sources if s.head is not None}
    where = places.locate(sent, [s.code[:3] for s in sources if s.code[:3].isalpha()], exclude=exclude)
    if where is None or not where.get("country"):
        return []
    country = places.actor_country(where["country"])
    # At home, a protest is aimed at the protesters' government; abroad, at the host country.
    code = country + "GOV" if any(s.code[:3] == country for s in sources) else country
    if where["source"] == "text":
        return [Actor(code, where["text"], where["start"] + sa.offset, where["end"] + sa.offset,
                      f"protest: where it happened ({where['name']})")]
    src = next(s for s in sources if s.code[:3] == country)
    return [Actor(code, src.text, src.start, src.end, "protest: the protesters' own country")]


def governing_subject(sa: SentenceActors, noun, sources: list[Actor]) -> list[Actor]:
    """"X refused an offer from Y": the party the offer went to is X."""
    head = noun.head
    while head.dep_ in ("prep", "pobj") and head.head != head:
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return []
    src_codes = {s.code for s in sources}
    # "were killed in Israeli shelling": the shelling was done to the passive subject.
    doers = [c for c in kids(head) if c.dep_ == "nsubjpass"] if is_passive(head) else subjects(head, sa.lexicon)
    return [a for a in resolve_all(sa, doers) if a.code not in src_codes]


def defied(trig: Token) -> list[Token]:
    """Who pressed for what a refusal turns down: the doer of "despite pressure by X",
    "in defiance of calls from X"."""
    for node in (trig, trig.head):
        for noun in [*prep_objects(node, "despite"), *prep_objects(node, "defiance")]:
            noun = next(iter(prep_objects(noun, "of")), noun) if noun.lower_ == "defiance" else noun
            found = named_doers(noun)
            if found:
                return found
    return []


def condition_subjects(trig: Token) -> list[Token]:
    """The subjects of an "if"/"unless" clause on the trigger, on the act it threatens
    ("threatened to ban voting if Hamas ran") or on the verbs above it."""
    nodes = [trig, *(c for c in kids(trig) if c.dep_ in ("xcomp", "ccomp"))]
    node = trig
    for _ in range(2):
        if node.head == node:
            break
        node = node.head
        nodes.append(node)
    for node in nodes:
        for c in kids(node):
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids(c)):
                return [g for g in kids(c) if g.dep_ in ("nsubj", "nsubjpass")]
    return []


def says_their(trig: Token) -> bool:
    """"Gondor and Osgiliath postponed their meeting": an act on something the
    coordinated subjects share is done to each other."""
    return any(c.dep_ == "poss" and c.lower_ == "their" for o in kids(trig) if o.dep_ in ("dobj", "nsubjpass") for c in kids(o)) \
        or each_other(trig)


def each_other(trig: Token) -> bool:
    """"Canada and India expelled each other's diplomats", "accused one another": the
    act is between the subjects, whatever its object's own country."""
    objs = [o for o in kids(trig) if o.dep_ in ("dobj", "pobj", "nsubjpass")]
    objs += [g for c in kids(trig) if c.dep_ == "prep" for g in kids(c) if g.dep_ == "pobj"]
    return any(w.lower_ in ("other", "another") and w.i > 0 and w.doc[w.i - 1].lower_ in ("each", "one")
               for o in objs for w in o.subtree)


def reporting_verb(trig: Token, lex: Lexicon) -> Token | None:
    """The speech verb whose reported words the trigger's clause is, when its speaker is
    named before them ("Iran claimed that Iraqi jets had bombed Abadan"); None for a
    trailing attribution ("..., police said"), which names the story's source."""
    node = trig
    while node.dep_ == "conj" and node.head != node:
        node = node.head  # "had attacked Iraq and taken Mosul"
    if node.dep_ != "ccomp" or node.head.lemma_.lower() not in lex.allegations:
        return None
    verb = node.head
    speakers = subjects(verb, lex)
    if verb.i > trig.i or not speakers or any(s.i > verb.i for s in speakers):
        return None
    return verb


# The organs of one state speak for each other: a government claiming what its army did
# claims it for itself.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def same_side(speaker: Actor, doer: Actor) -> bool:
    """Is the doer the speaker itself, part of it ("Russia" and its troops), or another
    organ of the same state?"""
    a, b = speaker.code, doer.code
    if b.startswith(a) or a.startswith(b):
        return True
    return a[:3] == b[:3] and a[3:6] in STATE_SECTORS and b[3:6] in STATE_SECTORS


def claimed_victims(sa: SentenceActors, trig: Token, sources: list[Actor]) -> list[Actor]:
    """Whom a claimed act was done to: the first actor named in what is claimed ("claimed
    responsibility for an attack on Iraqi police"), else the country of a place in it
    ("for a deadly attack at a mall in Kenya's capital"), not in a clause that says when or
    why it happened ("for the attacks, which came after two of its fighters were killed by
    Israeli fire")."""
    own = {s.code for s in sources}
    what = [c for c in kids(trig) if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("for", "of"))]
    when = {w.i for c in what for a in c.subtree if a.dep_ == "advcl" for w in a.subtree}
    claimed = [w for c in what for w in c.subtree if w.pos_ in ("NOUN", "PROPN", "PRON") and w.i not in when]
    for w in claimed:
        found = [a for a in resolve_all(sa, [w]) if a.code not in own]
        if found:
            return found
    return places_as_actors(sa, [w for w in claimed if w.dep_ == "pobj"])


# Prepositions that put an act at a gathering: "at the summit", "on the sidelines of",
# "during the meeting", "ahead of the conference".
VENUE_PREPS = ("at", "on", "during", "in", "of", "ahead", "before", "after", "for")


def at_venue(tok: Token, top: Token, lex: Lexicon) -> bool:
    """Is ``tok`` inside the phrase of a gathering the act took place at, below ``top``:
    "held talks on the sidelines of the APEC meeting", "met at the ASEAN summit"? A
    "with" or "between" phrase of the gathering names a party ("at a meeting with Putin")."""
    node = tok
    while node != top and node.head != node:
        if node.dep_ == "pobj" and node.head.lower_ in ("with", "between"):
            return False
        if node.dep_ == "pobj" and node.lemma_.lower() in lex.words.venue_nouns and node.head.lower_ in VENUE_PREPS:
            return True
        node = node.head
    return False


def holders(sa: SentenceActors, held: Token) -> list[Actor]:
    """Who holds the people ``held`` names: the in/by phrase of a verb of holding on them
    ("a US journalist detained in Russia", "hostages held by Hamas")."""
    out = []
    for clause in kids(held):
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in sa.lexicon.words.holding_verbs:
            where = [o for prep in ("by", "in") for o in prep_objects(clause, prep)]
            out += resolve_all(sa, where) or places_as_actors(sa, where)
    return out


def act_as_thing(actor: Actor, anchors: list[Token], lex: Lexicon) -> bool:
    """Is the actor only the matched act noun read as a thing of a sector ("staged a
    protest": the protest read as protesters, thing_sectors.tsv)?"""
    return any(a.i == actor.head and a.lemma_.lower() in lex.thing_sectors for a in anchors)


def circumstance(tok: Token) -> bool:
    """Is ``tok`` the object of an absolute "with" phrase, a circumstance of the act rather
    than a partner in it: "trade resumed, with traders grumbling about their losses"?"""
    prep = tok.head
    if prep.lower_ != "with" or prep.i == 0 or prep.doc[prep.i - 1].text != ",":
        return False
    if tok.dep_ == "pcomp":  # parsed as a clause: "with [traders grumbling]"
        return tok.tag_ == "VBG"
    return tok.dep_ == "pobj" and any(c.dep_ == "acl" and c.tag_ == "VBG" for c in kids(tok))


def only_where(sa: SentenceActors, actor: Actor, anchors: list[Token]) -> bool:
    """Is the actor only the place where the matched act happened: the country of an
    "in"/"at" phrase on the matched noun ("made his remarks in Doha", "signed a peace
    deal in Pretoria")?"""
    for noun in anchors:
        if noun.pos_ != "NOUN" or actor.head != noun.i:
            continue
        for prep in kids(noun):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                named = [sa.resolve(w) for w in prep.subtree if w.i in sa.by_token]
                if actor.code[:3] in {a.code[:3] for a in named if a is not None}:
                    return True
    return False


# Prepositions that give what words are about ("sorrow for", "concern over", "an inquiry into").
THEME_PREPS = ("for", "over", "about", "on", "into")


def theme_places(sa: SentenceActors, trig: Token, anchors: list[Token]) -> list[Actor]:
    """The country of a place inside what a statement is about: "expressed sorrow for the
    shootings in South Carolina" addresses the United States."""
    for node in dict.fromkeys([*anchors, trig]):
        for theme in (o for prep in THEME_PREPS for o in prep_objects(node, prep)):
            # not from a clause inside it: "comment on reports that troops were massing
            # near the border" is not about the border's country
            inside = [w for w in theme.subtree if w.dep_ == "pobj" and w.head.lower_ in ("in", "at", "near")
                      and not within_clause(w, theme)]
            found = [a for a in resolve_all(sa, inside)] or places_as_actors(sa, inside)
            if found:
                return found[:1]
    return []
