"""Which of a sentence's candidate events are the news: outcome participles, background
clauses, acts only mentioned by their noun, acts another event reacts to, generic acts
that a more specific one governs, what a protest voices, trailing attributions and acts on
nobody named beside events with named parties are dropped; ``verdicts`` gives each
event's reason. Which codes react to another act, are acts of their own in a participle,
are done to someone, are voiced by a protest, claim or state comes from roots.tsv."""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.loader import Lexicon, default_lexicon
from .events import clause_adjunct, gapped_passives, governor_of, lemma_candidates, named_doers, prep_objects
from ..model import Event
from .parties import STATE_SECTORS
from .parse import kids

# The path from the act up to the reacting verb: through the object and what hangs on it
# ("an offer to host a summit to hammer out a deal"), not through a relative clause ("the
# attack that killed 20" did happen).
ADJUNCT_PREPS = {"during", "after", "before", "in", "at", "since", "amid", "following", "despite", "until"}
THEME_DEPS = {"dobj", "pobj", "prep", "compound", "conj", "appos", "acl", "xcomp", "advcl", "pcomp"}
# A clause opened by one of these beside another event is background ("after crowds burned its embassy").
TEMPORAL_MARKS = {"after", "before", "since", "until", "when", "while", "as", "once"}


def _generic(code: str) -> bool:
    """A root, or a code ending in 0 ("not otherwise specified")."""
    return len(code) == 2 or code.endswith("0")


def means_of(e: Event, tok: Token, events: list[Event], trig_of: list[Token]) -> bool:
    """A generic act done by means of an act the same source is coded for is that act:
    "retaliated by expelling two diplomats" is the expulsion, "responded by imposing
    sanctions" the sanctions."""
    if not _generic(e.cameo):
        return False
    return any(o is not e and t.dep_ == "pcomp" and t.head.lower_ == "by" and t.head.head == tok
               and o.source == e.source for o, t in zip(events, trig_of))


def said_more_specifically(e: Event, tok: Token, events: list[Event], trig_of: list[Token], lex: Lexicon) -> bool:
    """A generic act (a code ending in 0) whose complement is coded by the same source in
    the same root: "threatened to fire missiles" is 1384, the bare "threatened" adds nothing."""
    if not _generic(e.cameo) and not lex.roots.has(e.cameo, "statement"):
        return False  # words about one's own act ("hoped to meet") say it too
    # a promise, plan or threat of a coded act says it in the act's own code ("pledged to
    # expel": 137, the bare pledge 030 adds nothing)
    governed = [o for o, t in zip(events, trig_of) if o is not e and t.head == tok and t.dep_ in ("xcomp", "ccomp")
                and o.source == e.source]
    return bool(governed) and (governor_of(tok, lex) == "future" or any(o.cameo[:2] == e.cameo[:2] for o in governed))


def voiced_by_protest(e: Event, tok: Token, events: list[Event], trig_of: list[Token], lex: Lexicon) -> bool:
    """A demand or protest in the purpose clause of a protest by the same source is what
    the protest voices ("staged demonstrations to demand reforms", "began a hunger strike
    to protest the decision"): the protest is the event."""
    if not lex.roots.has(e.cameo, "voiced") or tok.dep_ not in ("advcl", "xcomp"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok)):
        return False
    return any(o is not e and t == tok.head and o.source == e.source and lex.roots.has(o.cameo, "protest")
               for o, t in zip(events, trig_of))


def attribution(tok: Token) -> bool:
    """Is the speech verb a trailing attribution, after the words it reports ("Kenya will
    lead the force, the UN said")?"""
    if tok.dep_ in ("parataxis", "ccomp") and tok.head.i < tok.i:
        return True
    return any(c.dep_ in ("ccomp", "parataxis") and c.i < tok.i for c in kids(tok))


def is_background(tok: Token, others: set[Token]) -> bool:
    """A relative or temporal clause beside another event gives background ("whom they
    had taken hostage", "five years after crowds burned down its embassy")."""
    if not others - {tok}:
        return False
    if tok.dep_ == "relcl" or (tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.dep_ == "relcl"):
        return True  # "leaders who support Putin's invasion of Ukraine": the invasion too
    if tok.dep_ not in ("advcl", "pcomp"):
        return False
    # what opens the clause: its "when"/"after" mark, or the preposition a gerund hangs on
    # ("after burning"); not a phrase of its own ("denouncing the US as an occupier")
    opener = [c for c in kids(tok) if c.dep_ == "mark" or (c.dep_ == "prep" and c.i < tok.i)] + (
        [tok.head] if tok.dep_ == "pcomp" else [])
    marks = [c.lower_ for c in opener if c.dep_ in ("mark", "prep") and c.lower_ in TEMPORAL_MARKS]
    if marks == ["while"] and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(tok)):
        return False  # "the EU imposed sanctions, while Turkish police arrested protesters": a contrast, both news
    return bool(marks)


# Phrases whose noun names an earlier act as the cause or time of the news ("cut ties over
# the storming of its embassy", "following the kingdom's execution of a cleric").
BACKGROUND_PREPS = {"after", "before", "since", "following", "amid", "over", "despite"}


def nominal_background(tok: Token, others: set[Token], lex: Lexicon) -> bool:
    """An act named by a noun in a "following", "after" or "over" phrase of another event
    is background ("severed ties with Iran over the storming of its embassy"); so is a
    participle describing people ("police fired on protesters calling for the end of
    Suharto's rule"), but not what a document does ("signed a law imposing sanctions"),
    nor (verdicts) a protest they are making ("dispersed demonstrators protesting the results")."""
    describing = (tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ == "NOUN"
                  and tok.head.lemma_.lower() not in lex.words.document_nouns)
    # "EU leaders meeting in Brussels said ...": who the subject is, not the news (the small
    # model may make the participle the subject, with the noun as its own)
    as_subject = tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "csubj") and any(c.dep_ == "nsubj" for c in kids(tok))
    if (describing and tok.head.dep_ in ("nsubj", "nsubjpass")) or as_subject:
        return True
    if not others - {tok}:
        return False
    if tok.pos_ == "NOUN" and tok.dep_ in ("pobj", "dobj") and tok.head.lower_ in BACKGROUND_PREPS:
        return True  # "following" is parsed as a preposition or as a verb
    return describing


# Nouns of a response, with the preposition that names what it answers ("in response to",
# "in retaliation for").
ANSWER_NOUNS = {"response": "to", "reaction": "to", "reply": "to", "answer": "to", "riposte": "to",
                "retaliation": "for", "reprisal": "for", "revenge": "for", "retribution": "for"}


def _act_noun(tok: Token) -> Token:
    """The noun an act is named by: itself, or the noun its clause hangs on ("Romania's
    decision to declare a Russian embassy worker persona non grata": the decision)."""
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("acl", "xcomp") and tok.head.pos_ == "NOUN":
        return tok.head
    return tok


def answered_act(tok: Token) -> bool:
    """Is the act named as what another act answers ("in response to Romania's decision to
    declare a Russian embassy worker persona non grata", "in retaliation for Poland's
    expulsion of Russian diplomats")? It is background, not a second event."""
    noun = _act_noun(tok)
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return False
    prep = noun.head
    return ANSWER_NOUNS.get(prep.head.lemma_.lower()) == prep.lower_


# Nouns for a decision already taken, whose content is background when another act follows it.
DECISION_NOUNS = {"decision", "move", "choice", "ruling"}


def decided_background(tok: Token, others: set[Token]) -> bool:
    """Is the act the content of a decision named in an "after", "following" or "over"
    phrase of another event ("detained a sailor after Britain's decision to seize a
    tanker": the seizure)? Not any noun there: "refused a meeting following an offer from
    Russia to open talks" reports the offer."""
    noun = _act_noun(tok)
    return (noun is not tok and bool(others - {tok}) and noun.dep_ == "pobj" and noun.head.lower_ in BACKGROUND_PREPS
            and noun.lemma_.lower() in DECISION_NOUNS)


def took_part(e: Event, tok: Token, lex: Lexicon) -> bool:
    """Is the noun a mutual act with a partner and no doer of its own, which the actor of
    the news took part in ("suspended a planned strike after talks with the government":
    the unions talked with it), not an earlier act of others?"""
    return (tok.pos_ == "NOUN" and lex.roots.has(e.cameo, "reciprocal") and not named_doers(tok)
            and bool(prep_objects(tok, "with")))


def motive_of(e: Event, tok: Token, events: list[Event], trig_of: list[Token], lex: Lexicon) -> bool:
    """Is the protest the purpose of another act of the same source ("recalled its
    ambassadors to protest the embassy move": the recall is the protest)?"""
    if not lex.roots.has(e.cameo, "protest") or tok.dep_ not in ("advcl", "xcomp"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok)):
        return False
    return any(o is not e and t == tok.head and o.source == e.source and not lex.roots.has(o.cameo, "protest")
               for o, t in zip(events, trig_of))


def purpose_of(e: Event, tok: Token, events: list[Event], trig_of: list[Token]) -> bool:
    """Is the act the purpose of another act of the same source ("signed a communique to
    establish diplomatic relations", "sent a relief plane to help the victims")? The act
    done is the news; what it is for is not coded again. A purpose whose act is not coded
    ("sent 21 observers to investigate") still is; so is one the purpose only tries or
    seeks ("held talks to try to reduce tension"), or a participle seeks or hopes for ("met
    in New Delhi, seeking to ease tensions")."""
    if seeking_participle(tok):
        # "met in New Delhi, seeking to ease tensions": the participle says what the act is for
        return any(o is not e and t == tok.head.head and o.source == e.source for o, t in zip(events, trig_of))
    while tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX") and tok.head.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok)):
        tok = tok.head  # "to try to reduce tension": the purpose clause is "to try"
    if tok.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok)):
        return False
    return any(o is not e and t == tok.head and o.source == e.source for o, t in zip(events, trig_of))


# Participles that say what the act they hang on is for ("met ..., seeking to ease tensions").
SEEKING_VERBS = {"seek", "try", "hope", "aim", "attempt", "look", "want", "strive", "endeavour", "endeavor"}


def seeking_participle(tok: Token) -> bool:
    """Is ``tok`` the "to" complement of a participle of seeking or hoping that hangs on
    another verb ("met on Friday, seeking to ease tensions", "hoping to end the war")?"""
    part = tok.head
    return (tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok))
            and part.tag_ == "VBG" and part.dep_ == "advcl" and part.head != part
            and any(w in SEEKING_VERBS for w in lemma_candidates(part)))  # the small model has "hoping" -> "hop"


def weapon_of(e: Event, tok: Token, events: list[Event], trig_of: list[Token], lex: Lexicon) -> bool:
    """Is the noun the weapon of another act of force by the same source ("were killed in
    Syrian government air strikes on rebel territory", "a suicide attack killed 14"): one
    act, coded by the verb with its weapon's code (steps.code_by_weapon)."""
    if tok.pos_ != "NOUN" or not lex.roots.has(e.cameo, "violent"):
        return False
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent") else tok.head
    return any(o is not e and t is not tok and (t == verb or verb in gapped_passives(t)
                                                or (t.head == tok and t.dep_ in ("acl", "relcl")))
               and lex.roots.has(o.cameo, "violent") and o.source[:3] == e.source[:3]
               for o, t in zip(events, trig_of))


def same_act_again(e: Event, events: list[Event], lex: Lexicon) -> bool:
    """A generic act (a root, or a code ending in 0) whose target came from the verb it is
    coordinated with (steps.share_conjunct_target) and that another event already codes
    between the same parties in the same root, or as force too, is that act again
    ("killed one soldier and wounded two others": one attack)."""
    if not e.evidence.get("target_from_conjunct"):
        return False
    if not (len(e.cameo) == 2 or e.cameo.endswith("0")):
        return False  # a specific act of its own: "killed 12 and abducted seven others"
    violent = lex.roots.has(e.cameo, "violent")  # "wounded two others": the force of the same attack
    return any(o is not e and o.source == e.source and o.target == e.target and not o.evidence.get("target_from_conjunct")
               and (o.cameo[:2] == e.cameo[:2] or (violent and lex.roots.has(o.cameo, "violent"))) for o in events)


def protest_of_protest(e: Event, tok: Token, events: list[Event], trig_of: list[Token], lex: Lexicon) -> bool:
    """Is the noun the "in protest" phrase of another protest by the same source ("launched
    a 24-hour strike in protest against the reforms", "began a hunger strike in protest"):
    one act, the strike?"""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ != "in" or not lex.roots.has(e.cameo, "protest"):
        return False
    verb = tok.head.head
    return any(o is not e and t == verb and o.source == e.source and lex.roots.has(o.cameo, "protest")
               for o, t in zip(events, trig_of))


def mentioned_act(tok: Token, lex: Lexicon) -> bool:
    """A noun naming an act that no verb in the sentence reports: "the country's 1994
    genocide"; not "X launched an offensive", whose verb makes the act the news."""
    if tok.pos_ != "NOUN":
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return not (tok.dep_ in ("dobj", "pobj") and governor_of(verb, lex) in ("light", "future", "refuse"))


def is_theme_of(tok: Token, reactions: set[Token]) -> bool:
    """Is the trigger inside the object of a verb that reacts to it ("rejected a US offer
    to host a summit", "condemned the attack on Kabul", "protested Assad's failure")?"""
    node, through_object = tok, False
    for _ in range(8):
        if node.dep_ not in THEME_DEPS or node.head == node:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in ADJUNCT_PREPS:
            return False  # "signed a pact during Putin's visit": the visit is not the theme
        through_object = through_object or node.dep_ in ("dobj", "pobj")
        node = node.head
        if node in reactions:
            return through_object
    return False


def is_outcome_of(tok: Token, triggers: set[Token], harm: bool = False) -> bool:
    """Is the trigger a participle or gerund that only qualifies another event ("shelled
    the city, killing 20", "jailed him for helping militants")? Not the gerund of "by",
    which says how the act was done (``means_of``). With ``harm``, more harm coordinated with
    the outcome is the outcome too ("killing a boy and wounding three")."""
    if tok.tag_ != "VBG":
        return False
    while harm and tok.dep_ == "conj" and tok.head.tag_ == "VBG":
        tok = tok.head  # "killing a boy and wounding three other people": both the outcome
    head = tok.head
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ != "by":
        head = head.head
    elif tok.dep_ != "advcl":
        return False
    return head in triggers and head != tok


def verdicts(events: list[Event], trig_of: list[Token], require_dyad: bool = False,
             lexicon: Lexicon | None = None) -> list[tuple[Event, str | None]]:
    """Each of a sentence's candidate events (``trig_of``: their trigger tokens) with the
    reason it is dropped, or None when it is kept (``lexicon``: the built-in one unless given).
    First what an act is in its sentence (another's theme, outcome, weapon, background);
    then, among the acts still standing, what they say beside each other (a statement
    beside another event, the same act twice, an act on nobody beside acts on someone)."""
    lex = lexicon or default_lexicon()
    roots = lex.roots
    first = [_in_its_sentence(e, tok, events, trig_of, lex) for e, tok in zip(events, trig_of)]
    has_more = any(not roots.has(e.cameo, "statement") for e in events)
    targeted = {(e.source, e.cameo) for e in events if e.target}
    seen: set = set()
    out: list[tuple[Event, str | None]] = []
    for e, tok, why in zip(events, trig_of, first):
        if why is None and require_dyad and not e.target:
            why = "no target and this story requires dyads"
        elif why is None and roots.has(e.cameo, "statement") and attribution(tok):
            why = "a trailing attribution ('..., diplomats said') names the story's source, not a statement"
        elif why is None and roots.has(e.cameo, "statement") and has_more and not roots.has(e.cameo, "claim") \
                and not roots.has(e.cameo, "speech_act"):
            why = "a statement is coded only when the sentence says nothing more"
        elif why is None and roots.has(e.cameo, "needs_other_party") and (
                not e.target or e.target.startswith(e.source) or e.source.startswith(e.target)):
            why = "a statement about nobody else ('Macron said France would...')"
        elif why is None and not e.target and (e.source, e.cameo) in targeted:
            why = "the same act is coded with its target"
        elif why is None and e.key() in seen:
            why = "duplicate"
        elif why is None:
            seen.add(e.key())
        out.append((e, why))
    if any(e.target for e, why in out if why is None):
        out = [(e, UNAIMED_BESIDE if why is None and unaimed(e, roots) else why) for e, why in out]
    return out


UNAIMED_BESIDE = "an act done to someone, but nobody named it is done to, beside events whose parties are named"


def _in_its_sentence(e: Event, tok: Token, events: list[Event], trig_of: list[Token], lex: Lexicon) -> str | None:
    """Why the act is not news in its own right, judged by its place in the sentence."""
    roots, main = lex.roots, set(trig_of)
    # the outcome of an act ("shelled Juba, killing 20"); when the act is generic and only
    # the participle names whom it hit ("retaliated, killing three soldiers"), that is the news
    aimed = {t for o, t in zip(events, trig_of) if o.target or not _generic(o.cameo)}
    reacting = {t for o, t in zip(events, trig_of) if roots.has(o.cameo, "reaction") and t.pos_ == "VERB"}
    # "rejected an ultimatum from the rebels, accusing Rwanda of ...": a criticism or rejection
    # set off by a comma is the clause's own act, though the parser hangs it on the noun
    own_clause = roots.has(e.cameo, "own_act") and clause_adjunct(tok) is not None
    if is_theme_of(tok, reacting) and not own_clause:
        return "the act is what another event reacts to ('rejected a US offer': the offer is not coded again)"
    if is_outcome_of(tok, aimed, roots.has(e.cameo, "violent")) and not roots.has(e.cameo, "own_act"):
        return "the participle tells the outcome of the main event ('shelled Juba, killing 20')"
    if means_of(e, tok, events, trig_of):
        return "the act is done by means of another ('retaliated by expelling diplomats': the expulsion)"
    if voiced_by_protest(e, tok, events, trig_of, lex):
        return "what the protest voices ('staged demonstrations to demand reforms': the protest is the event)"
    if said_more_specifically(e, tok, events, trig_of, lex):
        return "the act it governs is coded ('threatened to fire missiles': 1384, not 130 too)"
    if same_act_again(e, events, lex):
        return "the same act again, in a verb coordinated with it ('killed one soldier and wounded two others')"
    if motive_of(e, tok, events, trig_of, lex):
        return "the purpose of another act ('recalled its ambassadors to protest the decision': the recall is the protest)"
    if purpose_of(e, tok, events, trig_of):
        return "the purpose of another act ('signed a communique to establish relations': the signing is the news)"
    if protest_of_protest(e, tok, events, trig_of, lex):
        return "the 'in protest' phrase of another protest ('launched a strike in protest against the reforms': one act)"
    if weapon_of(e, tok, events, trig_of, lex):
        return "the weapon of another act of force ('killed in air strikes': one act, coded by its weapon)"
    if answered_act(tok) or decided_background(tok, main):
        return "the act is what another answers or follows ('in response to Romania's decision to expel a diplomat')"
    if is_background(tok, main) or (nominal_background(tok, main, lex) and not roots.has(e.cameo, "protest")
                                    and not own_clause and not took_part(e, tok, lex)):
        return "a relative or temporal clause gives background to another event ('after crowds burned its embassy')"
    if not e.target and mentioned_act(tok, lex):
        return "an act only mentioned by its noun, with no other party ('the country's 1994 genocide')"
    return None


# An event dated this many days or more before the story date is not the story's news.
RECAP_DAYS = 7


def recap_sentences(events: list[Event]) -> set[int]:
    """The sentences that tell of earlier events: an act in them is dated a week or more
    before the story ("Xi recalled his meeting with Quang last November", "Last year Trump
    offered to mediate ..., but it was rejected by India") and none is dated later."""
    old = {e.sentence_id for e in events if (e.evidence.get("age") or 0) >= RECAP_DAYS}
    recent = {e.sentence_id for e in events if e.evidence.get("age") is not None and e.evidence["age"] < RECAP_DAYS}
    return old - recent


def is_restated(e: Event, seen: dict) -> bool:
    """The same act by the same actor to the same country as an event of an earlier
    sentence, on the same day or with no day of its own: the headline, the lead and a quote
    telling it again are one event ("condemned the coup" and "strongly condemns the
    attempted coup", the AU said). Acts on other days are other acts ("On Wednesday, an
    airstrike hit ..."; "On Thursday, aircraft fired ...")."""
    day = e.date if e.evidence.get("date") else None
    told = seen.setdefault((e.source, e.target[:3], e.cameo), [])
    again = any(sid != e.sentence_id and (d is None or day is None or d == day) for sid, d in told)
    told.append((e.sentence_id, day))
    return again


def aim_at_story_place(e: Event, place: str, roots) -> bool:
    """Aim an act done to someone that names nobody (``unaimed``) at the country the story
    happens in (roots.tsv ``story_place``: "the UN sent relief supplies to the scene of the
    earthquake", "the US and the EU condemned Wednesday's coup", "police fired tear gas"),
    not force at a state's own home ("Indian troops fired" in a story about India). True
    when it was aimed."""
    if not place or not unaimed(e, roots) or not roots.has(e.cameo, "story_place"):
        return False
    home = e.source[:3] == place and (len(e.source) == 3 or e.source[3:6] in STATE_SECTORS)
    if home and (roots.has(e.cameo, "violent") or roots.has(e.cameo, "relations")):
        return False  # nor relations cut with oneself ("closed the country's borders")
    e.target, e.target_text = place, ""
    e.evidence["target_entry"] = f"story place: {place}"
    e.evidence["target_rule"] = "story_place"
    e.evidence.pop("unaimed_beside", None)
    return True


def story_verdicts(events: list[Event], lexicon: Lexicon | None = None,
                   place: str = "") -> list[tuple[Event, str | None]]:
    """Each event of a whole story with the reason it is dropped as not the story's news,
    or None: recaps of earlier events beside the news, acts told again, and bare
    statements beside the story's acts, and acts done to someone that name nobody beside
    the story's events whose parties are named, unless the story's ``place`` is whom
    they are done to (``aim_at_story_place``)."""
    roots = (lexicon or default_lexicon()).roots
    # what its sentence dropped as aimed at nobody, unless the story's place is whom
    # (Coder keeps it for this with the sentence's reason in its evidence); the story's
    # recaps are judged without it
    told = [e for e in events if not e.evidence.get("unaimed_beside")]
    if place and any(e.target for e in events):
        for e in events:
            aim_at_story_place(e, place, roots)
    beside = {id(e) for e in events if e.evidence.get("unaimed_beside")}
    acts = any(not roots.has(e.cameo, "bare") and not aside(e, roots) for e in told)
    recaps = recap_sentences(told)
    if all(e.sentence_id in recaps for e in told):
        recaps = set()  # a story of earlier events only (a one-sentence record) keeps them
    seen: dict = {}
    out: list[tuple[Event, str | None]] = []
    for e in events:
        if id(e) in beside:
            why = UNAIMED_BESIDE
        elif e not in told and (e.evidence.get("age") or 0) >= RECAP_DAYS:
            why = "a recap: the act is dated a week or more before the story ('territories occupied in 1948')"
        elif acts and roots.has(e.cameo, "bare"):
            why = "a bare statement ('X said ...') in a story that tells of acts: the acts are its news"
        elif acts and aside(e, roots):
            why = "a comment on nobody named ('India is hoping for progress') in a story that tells of acts: the acts are its news"
        elif e.sentence_id in recaps:
            why = "a recap: the sentence dates its acts a week or more before the story, which has news of its own"
        elif is_restated(e, seen):
            why = "the same act between the same parties on the same day, told again in the story"
        else:
            why = None
        out.append((e, why))
    if any(e.target for e, why in out if why is None):
        out = [(e, "an act done to someone, but nobody named it is done to, in a story whose other events name "
                "their parties" if why is None and unaimed(e, roots) else why) for e, why in out]
    return out


def aside(e: Event, roots) -> bool:
    """Is the event a comment on nobody named (roots.tsv ``aside``: hope, accord)? Beside a
    story's acts it says how someone feels about them, not what happened ("India is hoping
    for progress on trade"); aimed at someone it is news ("expressed hope that Japan would
    join")."""
    return not e.target and roots.has(e.cameo, "aside") and not e.evidence.get("joint")


def unaimed(e: Event, roots) -> bool:
    """Is the event an act done to someone (roots.tsv ``dyadic``: an aid delivery, a
    demand, an attack) that names nobody it is done to? Beside a story's events whose
    parties are named it is mostly a misreading or an aside ("the allies demanded
    retaliation", "sent medical supplies to treat the injured"), as within a sentence
    (``verdicts``); a joint act (``--scheme plover``) has no target by design."""
    return not e.target and roots.has(e.cameo, "dyadic") and not e.evidence.get("joint")
