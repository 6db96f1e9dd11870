"""Match event patterns on the dependency parse and decide what really happened.

For every verb or noun whose lemma starts a pattern, the patterns are tried against
its dependents; the most specific match wins. Source and target come from the
subject, object and prepositional phrases the pattern names. The clause around the
trigger then decides its mood: negated and hypothetical events are dropped, promised
or threatened actions become intent (03x) or threat (13x) codes, and bare statements
are dropped when the sentence says something more.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Span, Token

from ..lexicon.loader import PREPOSITIONS, Element, Lexicon, Pattern
from .parse import kids, per_doc

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_PASSIVE_SETTING = {"in", "near", "at", "during", "on", "outside", "inside", "after"}
_OBJ = {"dobj", "obj"}
_DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "for", "from")
_COMP_DEPS = {"xcomp", "ccomp", "advcl", "pcomp", "conj", "acl"}
_CHAIN_DEPS = {"xcomp", "conj", "pcomp", "csubj", "acl", "advcl", "dobj", "pobj", "acomp"}
_REPORT_DEPS = {"ccomp", "parataxis"}


@dataclass
class Candidate:
    """A pattern matched at a trigger, before mood and actor checks."""

    pattern: Pattern
    trigger: Token
    consumed: set[int]
    target_tokens: list[Token] = field(default_factory=list)
    source_tokens: list[Token] = field(default_factory=list)
    swapped: bool = False  # `$` pattern: the subject is the target
    code: str = ""
    others: list["Candidate"] = field(default_factory=list)
    anchors: list[Token] = field(default_factory=list)  # nouns the pattern's words matched
    particle_objects: list[Token] = field(default_factory=list)  # object of a particle read as a preposition
    named_act: bool = False  # its object word is the act an agreement noun's modifier names


class PatternIndex:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.verbs: dict[str, list[Pattern]] = defaultdict(list)
        self.nouns: dict[str, list[Pattern]] = defaultdict(list)
        for p in lexicon.patterns:
            (self.nouns if p.kind == "noun" else self.verbs)[p.trigger].append(p)
        for table in (self.verbs, self.nouns):
            for plist in table.values():
                # Longer patterns first; among equals, the one with more words to match.
                plist.sort(key=lambda p: (-p.specificity, -sum(bool(e.words) for e in p.elements)))
        # by trigger word, for verbs and nouns; plain dicts (not defaultdicts) from here on,
        # so that looking a word up never adds it
        self.verbs = {w: _WordIndex(plist) for w, plist in self.verbs.items()}
        self.nouns = {w: _WordIndex(plist) for w, plist in self.nouns.items()}

    def candidates(self, sent: Span) -> list[Candidate]:
        found: list[Candidate] = []
        words = doc_words(sent.doc)
        for tok in sent:
            pos = tok.pos_
            if pos in ("VERB", "AUX") or (pos == "NOUN" and tok.tag_ in ("VBG", "VBN")):
                table = self.verbs
            elif pos == "ADJ" and tok.dep_ in ("acomp", "ROOT") and any(
                    c.dep_ in ("prep", "ccomp", "xcomp") for c in kids(tok)):
                # a predicate adjective with what it is about: "is concerned about the
                # arrests", "was critical of Israel" (not "as far as Iran is concerned")
                table = self.verbs
            elif pos in ("NOUN", "PROPN"):
                table = self.nouns
            else:
                continue
            index = next((table[w] for w in lemma_candidates(tok) if w in table), None)
            plist = index.possible(words) if index else ()
            matches = [c for c in (match(p, tok, self.lexicon) for p in plist) if c is not None]
            if matches:  # most specific first; the others are fallbacks
                passive = is_passive(tok)
                # "talks were held": on a passive, the subject is what happened (subj:), not an
                # object held by nobody named; among equals, the act an agreement names
                # ("signed a truce agreement": the truce)
                matches.sort(key=lambda c: (passive and not any(e.kind == "subj" for e in c.pattern.elements),
                                            -c.pattern.specificity, not c.named_act))
                matches[0].others = matches[1:]
                found.append(matches[0])
        # A token used as another pattern's object or complement is not a trigger itself
        # ("launched an attack on", "refused to meet").
        found.sort(key=lambda c: -c.pattern.specificity)
        kept, used = [], set()
        for c in found:
            if c.trigger.i in used:
                continue
            kept.append(c)
            used |= c.consumed
        return kept


class _WordIndex:
    """The patterns of one trigger, found by the words they need: a trigger such as
    "threaten" has hundreds of patterns, and most need a word the story never uses."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        self.needs = [_needed_words(p) for p in patterns]
        self.free = [i for i, needs in enumerate(self.needs) if not needs]
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for i, needs in enumerate(self.needs):
            if needs:  # indexed by its first need: any pattern that can match has one of these
                single, multi = needs[0]
                for w in {*single, *(parts[0] for parts in multi)}:
                    self.by_word[w].append(i)
        self.keys = frozenset(self.by_word)

    def possible(self, words: frozenset[str]) -> list[Pattern]:
        """The patterns, in their order, whose every needed word is among ``words``."""
        found = set(self.free)
        for w in self.keys & words:
            found.update(self.by_word[w])
        return [self.patterns[i] for i in sorted(found) if all(
            not single.isdisjoint(words) or any(all(w in words for w in parts) for parts in multi)
            for single, multi in self.needs[i])]


def _needed_words(p: Pattern) -> tuple[tuple[frozenset[str], tuple[tuple[str, ...], ...]], ...]:
    """Per element that names words, the words one of which the text must hold (each as
    ``word_is`` reads them: single words, or every word of a multi-word entry)."""
    needs = [(frozenset([p.particle]), ())] if p.particle else []
    for el in p.elements:
        if el.words and (el.kind in ("obj", "subj", "comp") or (el.kind == "prep" and not el.role)):
            needs.append(_split_words(el.words))
    return tuple(needs)


_DOC_WORDS: dict = {"doc": None, "words": frozenset()}


def doc_words(doc) -> frozenset[str]:
    """Every lower-cased form and lemma in the Doc being coded (a superset of what any
    token a pattern can reach from a trigger may spell)."""
    if doc is not _DOC_WORDS["doc"]:
        _DOC_WORDS["doc"] = doc
        _DOC_WORDS["words"] = frozenset(w for t in doc for w in (t.lower_, t.lemma_.lower()))
    return _DOC_WORDS["words"]


@functools.cache
def _split_words(words: frozenset[str]) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    single = frozenset(w for w in words if " " not in w)
    multi = tuple(tuple(w.split()) for w in words if " " in w)
    return single, multi


@per_doc
def word_is(tok: Token, words: frozenset[str], modifiers: bool = False) -> bool:
    """Does ``tok`` (with its particle or modifiers) spell one of ``words``? Multi-word
    entries match a verb with its particle ("step down") or a noun with its compound or
    adjective modifiers ("hunger strike", "car bomb"). With ``modifiers``, a single word
    may also be one of the noun's modifiers ("economic issues" for ``economic``)."""
    single, multi = _split_words(words)
    lemma = tok.lemma_.lower()
    if lemma in single or tok.lower_ in single:
        return True
    if modifiers and any(c.dep_ in ("amod", "compound") and (c.lemma_.lower() in single or c.lower_ in single)
                         for c in kids(tok)):
        return True
    for parts in multi:
        words_below = {c.lower_ for c in kids(tok)} | {c.lemma_.lower() for c in kids(tok)}
        if lemma == parts[0] and all(p in words_below for p in parts[1:]):
            return True  # verb + particle
        if lemma == parts[-1] and all(p in words_below for p in parts[:-1]):
            return True  # modifiers + noun
    return False


@per_doc
def lemma_candidates(tok: Token) -> list[str]:
    """The lemma, then guesses from the word form: the small model mislemmatises some
    verbs ("staged" -> "stag", "raped" -> "rap")."""
    out = [tok.lemma_.lower()]
    w = tok.lower_
    if tok.tag_ in ("VBD", "VBN") and w.endswith("ed"):
        out += [w[:-1], w[:-2]]
    elif tok.tag_ == "VBZ" and w.endswith("s"):
        out += [w[:-1], w[:-2]]
    elif tok.tag_ == "VBG" and w.endswith("ing"):
        out += [w[:-3] + "e", w[:-3]]
    if w.endswith(("took", "taken")) and w not in ("took", "taken"):
        out.append(w[:w.rindex("t")] + "take")  # "retook", "overtaken": the small model keeps the form
    return out


def governor_of(tok: Token, lex: Lexicon) -> str | None:
    """The effect (governors.tsv) of a governing verb, adjective or noun, through the small
    model's misreadings of its lemma ("hoped" read as "hop"); a phrasal verb by its own row
    ("ruled out resuming talks": ``rule_out``)."""
    lemmas = lemma_candidates(tok)
    phrasal = [f"{lemmas[0]}_{c.lower_}" for c in kids(tok) if c.dep_ == "prt"]
    return next((e for e in map(lex.governor, [*phrasal, *lemmas]) if e), None)


_QUANTITY = {"thousand", "hundred", "dozen", "million", "billion", "number", "some", "most", "many",
             "first", "part", "half", "batch", "shipment", "consignment", "group", "score", "ton", "tonne",
             # "a new round of sanctions", "a series of meetings", "a wave of arrests"
             "round", "series", "wave", "set", "raft", "string", "spate", "flurry", "slew", "host",
             # "the first deployment of NATO peacekeeping troops", "a contingent of soldiers"
             "deployment", "contingent", "detachment", "patch",
             # "a convoy of UN food aid reached Baghdad", "a convoy of troops"
             "convoy", "fleet", "flotilla",
             # "held two hours of talks", "began three days of exercises": how long, not what
             "minute", "hour", "day", "week", "month"}


def _through_quantity(obj: Token) -> list[Token]:
    """The object, and for "thousands of soldiers", "the first of four systems" also the
    noun after "of": patterns name the soldiers, not the thousands."""
    if obj.lemma_.lower() in _QUANTITY or obj.pos_ == "NUM":
        return [obj, *prep_objects(obj, "of")]
    return [obj]


@per_doc
def _objects(verb: Token, lex: Lexicon) -> list[Token]:
    if is_passive(verb) and verb.lemma_.lower() in lex.words.stative_passives and not any(
            c.dep_ == "agent" for c in kids(verb)):
        return prep_objects(verb, "to") or prep_objects(verb, "in")  # "is opposed to X"
    if is_passive_modifier(verb):
        return [verb.head]
    if is_passive(verb):
        found = [c for c in kids(verb) if c.dep_ in _PASS_SUBJ] or _stolen_subject(verb)
        if not found and verb.dep_ == "conj":
            # "the civilians imprisoned ... were released by Putin": the parser hangs the
            # passive on the first verb, whose subject is the one released
            found = [c for c in kids(verb.head) if c.dep_ in _SUBJ | _PASS_SUBJ]
        return found
    objs = [c for c in kids(verb) if c.dep_ in _OBJ]
    if not objs and governor_of(verb, lex) in ("object-control", "causative", "future", "appeal"):
        # "allowed aid trucks to enter", "wants Putin to attack": the parser makes the
        # trucks the subject of "enter"; they are the object of "allowed"
        objs = [g for c in kids(verb) if c.dep_ in ("ccomp", "xcomp") and any(a.lower_ == "to" for a in kids(c))
                for g in kids(c) if g.dep_ in _SUBJ]
    if not objs:
        # "arrested up to 100 protesters": "up to" counts the object, which the parser
        # reads as the object of a "to" phrase
        near = [*kids(verb), *(g for c in kids(verb) if c.lower_ == "up" for g in kids(c))]
        objs = [g for c in near if c.dep_ == "prep" and c.lower_ == "to" and c.i > 0
                and c.doc[c.i - 1].lower_ == "up" for g in kids(c) if g.dep_ == "pobj"
                and any(n.like_num for n in g.subtree)]
    return objs


@per_doc
def is_passive(verb: Token) -> bool:
    return any(c.dep_ in _PASS_SUBJ or c.dep_ == "auxpass" for c in kids(verb))


@per_doc
def is_passive_modifier(verb: Token) -> bool:
    """"10 soldiers killed in Ukraine", "civilians detained by police": a past participle
    on a noun is a passive whose subject is that noun."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in _OBJ for c in kids(verb)):
        return False  # "Israeli airstrikes killed 30 people", misparsed: a passive has no object
    # The small parser also reads "a rights group protested here" and "youths resorted to"
    # as participles: a passive one names its doer or where or when it happened.
    # "officials accused of playing a role", "men charged with murder": the complement of
    # a verb of charging
    return any(c.dep_ == "agent" or (c.dep_ == "prep" and (c.lower_ in _PASSIVE_SETTING or c.lower_ in ("of", "with", "for")))
               for c in kids(verb))


# Nouns of a time of day: what hangs on them belongs to the verb ("killed on Thursday dawn
# in an Israeli airstrike": the parser hangs the airstrike on the dawn).
_TIME_NOUNS = {"dawn", "morning", "afternoon", "evening", "night", "midnight", "noon", "daybreak", "dusk", "day"}


@per_doc
def timed_prep_objects(verb: Token, prep: str) -> list[Token]:
    """The verb's ``prep`` phrases, with those the parser hangs on its time phrase ("on
    Thursday dawn in an Israeli airstrike", "at midnight in shelling")."""
    out = prep_objects(verb, prep)
    for c in kids(verb):
        if c.dep_ == "prep" and c.lower_ in ("on", "at", "in", "during", "before", "after"):
            out += [o for t in kids(c) if t.dep_ == "pobj" and (t.lemma_.lower() in _TIME_NOUNS or t.ent_type_ in ("DATE", "TIME"))
                    for o in prep_objects(t, prep)]
    return out


@per_doc
def prep_objects(anchor: Token, prep: str) -> list[Token]:
    out = []
    for c in kids(anchor):
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
            objs = [g for g in kids(c) if g.dep_ in ("pobj", "pcomp")]
            if not objs and c.i + 1 < len(c.doc):
                # "granted asylum to five officers holed up in ...": the parser makes the
                # officers the subject of "holed" and leaves the preposition bare
                nxt = c.doc[c.i + 1]
                objs = [g for g in kids(anchor) if g.dep_ in ("advcl", "ccomp") for g in kids(g)
                        if g.dep_ in _SUBJ and g.left_edge.i == nxt.i]
            out.extend(objs)
        elif c.dep_ == "prt" and c.lower_ == prep and prep in PREPOSITIONS:
            # "clashed over the efforts": the parser reads the preposition as a particle
            # and its object as the verb's
            out.extend(g for g in kids(anchor) if g.dep_ in _OBJ)
        elif c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "away", "back", "up", "down", "off"):
            # "walked out of the talks": the phrase hangs on the particle
            out.extend(g for p in kids(c) if p.dep_ == "prep" and p.lower_ == prep
                       for g in kids(p) if g.dep_ in ("pobj", "pcomp"))
        elif c.dep_ == "dative" and prep == "to" and c.pos_ != "ADP":
            out.append(c)  # "gave Iraq aid" reads as "gave aid to Iraq"
    return out


def match(p: Pattern, trig: Token, lex: Lexicon) -> Candidate | None:
    """Try one pattern at one trigger token; None when an element is not satisfied.
    Each element kind has its matcher in ``_ELEMENT_MATCHERS``, which reads and moves
    the place the pattern has reached (``_Matching``)."""
    particle_objs: list[Token] = []
    if p.particle:
        prt = _particle(p, trig)
        if prt is None:
            return None
        if p.kind == "verb" and prt.dep_ == "prep":
            # "cordoned off the roads": read as a preposition, the particle holds the object
            particle_objs = [g for g in kids(prt) if g.dep_ == "pobj"]
    cand = Candidate(p, trig, {trig.i}, particle_objects=particle_objs)
    m = _Matching(cand, lex, trig, [trig])
    if not all(_ELEMENT_MATCHERS[el.kind](m, el) for el in p.elements):
        return None
    cand.code = p.code
    cand.anchors = [a for a in m.anchors if a != trig and a.i in cand.consumed]
    return cand


def _particle(p: Pattern, trig: Token) -> Token | None:
    """The particle of a phrasal verb ("turn down") or the modifier of a noun ("hunger
    strike") the pattern needs, if the trigger has it."""
    deps = ("prt", "prep", "advmod") if p.kind == "verb" else ("compound", "amod", "nmod")
    prt = [c for c in kids(trig) if c.dep_ in deps and p.particle in (c.lower_, c.lemma_.lower())]
    if prt and p.kind == "verb" and prt[0].dep_ == "prep" and any(c.dep_ in _OBJ for c in kids(trig)) and any(
            g.dep_ == "pobj" for g in kids(prt[0])):
        return None  # "a ship carrying tanks off the coast": a preposition with its own object, not "carry off"
    return prt[0] if prt else None


@dataclass
class _Matching:
    """A pattern on its way along the parse: the candidate it builds, the verb (or noun)
    its next element applies to, and the words it has matched last (its anchors)."""

    cand: Candidate
    lex: Lexicon
    verb: Token
    anchors: list[Token]

    @property
    def modifiers(self) -> bool:
        """Setting ``modifier_words``: a pattern's word may be a modifier of the noun."""
        return self.lex.settings.modifier_words

    def objects(self) -> list[Token]:
        """The verb's objects; the trigger's may be held by its particle."""
        trig = self.cand.trigger
        return _objects(self.verb, self.lex) or (self.cand.particle_objects if self.verb == trig else [])

    def subjects(self) -> list[Token]:
        """The trigger's subjects, as parsed, else as ``subjects`` finds them."""
        trig = self.cand.trigger
        return [c for c in kids(trig) if c.dep_ in _SUBJ | _PASS_SUBJ] or subjects(trig, self.lex)


def _match_target(m: _Matching, el: Element) -> bool:
    """``+``: the object is the target ("attack +"); for a noun, its "of" phrase."""
    objs = m.objects() if m.cand.pattern.kind == "verb" else prep_objects(m.verb, "of")
    if not objs:
        return False
    m.cand.target_tokens = objs
    m.anchors = [m.verb, *objs]  # "accused the minister of corruption"
    return True


def _match_object(m: _Matching, el: Element) -> bool:
    """A word the object must be ("express regret"), through quantities ("thousands of
    soldiers") and attributes ("is a threat", "gave support")."""
    own = m.objects() if m.verb.pos_ != "NOUN" else []
    objs = [o for o in own for o in _through_quantity(o) if word_is(o, el.words, m.modifiers) or _counted_people(o, el.words)]
    if not objs:  # "summoned Russian Ambassador Sergey Andreyev": the title before the name
        objs = [t for o in own for t in _titles(o) if word_is(t, el.words, m.modifiers)]
    if objs and m.lex.roots.has(m.cand.pattern.code, "violent"):
        objs = [o for o in objs if not is_stance(o, m.lex)]  # "taking a tougher position" is no ground taken
    if not objs:
        # "signed a cease-fire agreement": the agreement is the ceasefire (sign &TRUCE)
        acts = [(a, o) for o in own for o in _through_quantity(o) for a in _agreement_acts(o, m.lex)
                if word_is(a, el.words)]
        if acts:
            m.cand.named_act = True
            m.cand.consumed.update(i for pair in acts for i in (pair[0].i, pair[1].i))
            m.anchors = [acts[0][1], m.verb]
            return True
    if not objs:
        # "is a threat", "called Israel a terrorist state", "the accusations were baseless":
        # the predicate noun or adjective, or the predicate noun's modifier
        said = ("attr", "oprd", "npadvmod", "acomp") if m.verb.lemma_ == "be" else ("attr", "oprd", "npadvmod")
        objs = [c for c in kids(m.verb) if c.dep_ in said and word_is(c, el.words, c.dep_ == "oprd")]
    if not objs:
        objs = _predicate_modifiers(own, el.words)
    if not objs and m.lex.settings.complement_objects and m.verb.pos_ != "NOUN" and not own:
        objs = _complement_objects(m, el)
    if not objs:
        return False
    m.cand.consumed.update(o.i for o in objs)
    m.anchors = [objs[0], m.verb]
    return True


def _titles(obj: Token) -> list[Token]:
    """The words before a name that the parser hangs on it as compounds: "Ambassador" in
    "Russian Ambassador Sergey Andreyev", "Minister" in "Foreign Minister Sergei Lavrov"."""
    if obj.pos_ != "PROPN":
        return []
    return [c for c in kids(obj) if c.dep_ == "compound" and c.i < obj.i]


# Adjectives that make a noun of stance_nouns.txt a stance ("a firm stand"); any comparative
# or superlative does too ("a tougher position").
_STANCE_ADJECTIVES = {"tough", "hard", "firm", "soft", "strong", "clear", "neutral", "common", "principled",
                      "moderate", "hardline", "uncompromising", "flexible", "cautious", "conciliatory", "consistent",
                      "unified", "united", "official", "public", "aggressive", "tough-minded", "careful", "pragmatic"}
# What a stance is on: "its position on Syria", "a hard line toward Kosovo".
_STANCE_PREPS = {"on", "over", "toward", "towards", "regarding", "concerning", "about", "vis-a-vis"}


def is_stance(obj: Token, lex: Lexicon) -> bool:
    """Does a noun of stance_nouns.txt name a stance here: "a tougher position", "a hard
    line", "a neutral position", "its position on Syria" (not "a key position near Bakhmut",
    "Bosnian army positions")?"""
    if obj.lemma_.lower() not in lex.words.stance_nouns:
        return False
    for c in kids(obj):
        if c.dep_ == "amod" and (c.tag_ in ("JJR", "JJS") or c.lemma_.lower() in _STANCE_ADJECTIVES
                                 or any(a.lower_ in ("more", "less", "most", "least") for a in kids(c))):
            return True
        if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS:
            return True
    return False


def _agreement_acts(obj: Token, lex: Lexicon) -> list[Token]:
    """The act an agreement noun's modifier names ("a cease-fire agreement", "a truce
    deal"): a pattern that names that act is finer than one that names the agreement."""
    if obj.lemma_.lower() not in lex.sets.get("&AGREEMENT", frozenset()):
        return []
    return [c for c in kids(obj) if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]


def _counted_people(obj: Token, words: frozenset[str]) -> bool:
    """A bare number as the object counts people ("killed six rebels and captured eight"):
    it matches a pattern word list that names people."""
    return obj.pos_ == "NUM" and obj.dep_ in _OBJ and "people" in words and not any(c.dep_ == "prep" for c in kids(obj))


def _predicate_modifiers(objects: list[Token], words: frozenset[str]) -> list[Token]:
    """What is said of the object, parsed as an adjective after it ("called the sanctions
    outrageous and unacceptable"): an English adjective follows its noun only as a
    predicate."""
    return [a for o in objects for c in kids(o) if c.dep_ == "amod" and c.i > o.i
            for a in (c, *c.conjuncts) if word_is(a, words)]


def _complement_objects(m: _Matching, el: Element) -> list[Token]:
    """Setting ``complement_objects``: "vowed to wage war" matches `vow war`, as PETRARCH
    reads on past the verb."""
    for comp in (c for c in kids(m.verb) if c.dep_ == "xcomp"):
        objs = [o for o in _objects(comp, m.lex) if word_is(o, el.words, m.modifiers)]
        if objs:
            m.cand.consumed.add(comp.i)
            return objs
    return []


def _match_subject_word(m: _Matching, el: Element) -> bool:
    """``subj:WORD``: the subject names what happened, not an actor ("- {DEATH TOLL} *
    [190]": "the death toll rose")."""
    # through quantities, as objects are: "the last batch of fighters left the town"
    return any(word_is(w, el.words, m.modifiers) for s in m.subjects() for w in _through_quantity(s))


def _match_between(m: _Matching, el: Element) -> bool:
    """``%``: only "A and B postponed ..." (coded between A and B; "- % * [120]")."""
    return any(len(expand_conj(s)) > 1 for s in m.subjects())


def _match_complement(m: _Matching, el: Element) -> bool:
    """``to VERB``: a complement with that lemma ("refused to meet", "demanded an end to
    the fighting", "calls to resign"), where the rest of the pattern goes on; ``to *``:
    any complement."""
    if not el.words:
        return _any_complement(m)
    comps: list[Token] = []
    for a in m.anchors:
        # not a negated complement: "vowed that Iran would not halt enrichment"
        comps = [c for c in kids(a) if c.dep_ in _COMP_DEPS and word_is(c, el.words)
                 and not any(is_negation_word(g) or _adverbial_mark(g) for g in kids(c))]
        comps = comps or [o for o in prep_objects(a, "to") if word_is(o, el.words)]
        if comps:
            break
    if not comps:
        return False
    m.verb = comps[0]
    m.cand.consumed.add(m.verb.i)
    m.anchors = [m.verb]
    return True


# Words that open a clause saying when, why or on what condition, not what is done
# ("promised to call it off if they come under attack": "come" is no complement of "call").
_ADVERBIAL_MARKS = {"if", "unless", "when", "whenever", "while", "because", "as", "after", "before", "since",
                    "though", "although", "until", "once", "whether"}


def _adverbial_mark(tok: Token) -> bool:
    return tok.dep_ == "mark" and tok.lower_ in _ADVERBIAL_MARKS


def _any_complement(m: _Matching) -> bool:
    """`to *`: "agreed to set up a centre", "agreed to an extension"; the complement stays
    free to code its own event, which then supersedes the generic one."""
    return any(c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in kids(c)) for a in m.anchors for c in kids(a)) or any(
        prep_objects(a, "to") for a in m.anchors)


def _match_phrase(m: _Matching, el: Element) -> bool:
    """``PREP +`` (its object is the target), ``PREP $`` (its object is the source, the
    subject the target) or ``PREP word``. The phrase may hang on the verb or on its
    object ("warned their populations about the Prince")."""
    objs: list[Token] = []
    for a in [*m.anchors, *(_objects(m.verb, m.lex) if m.verb.pos_ != "NOUN" else [])]:
        objs = prep_objects(a, el.prep)
        if objs:
            break
    if not objs:
        return False
    if el.role == "+":
        m.cand.target_tokens = objs
    elif el.role == "$":
        m.cand.source_tokens = objs
        m.cand.swapped = True
    else:
        objs = [o for o in objs if word_is(o, el.words, m.modifiers)]
        if not objs:
            return False
        m.cand.consumed.update(o.i for o in objs)
        m.anchors = [objs[0]] + m.anchors
    return True


_ELEMENT_MATCHERS: dict[str, Callable[[_Matching, Element], bool]] = {
    "target": _match_target,
    "obj": _match_object,
    "subj": _match_subject_word,
    "between": _match_between,
    "comp": _match_complement,
    "prep": _match_phrase,
}


# --- arguments ----------------------------------------------------------------


def expand_conj(tok: Token) -> list[Token]:
    """``tok`` and its coordinated nouns: "Egypt, Saudi Arabia and the UAE"."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in kids(t) if (c.dep_ == "conj" or is_list_appos(c)) and c.pos_ in ("NOUN", "PROPN", "PRON")
                     and not _subject_of_next_clause(c))
    return sorted(out, key=lambda t: t.i)


def _stolen_subject(verb: Token) -> list[Token]:
    """The subject the small parser coordinated into the phrase before a clause's
    auxiliary: "the people" of "damaged by fire and 25 people were wounded"."""
    aux = next((c for c in kids(verb) if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    if aux is None or verb.dep_ != "conj":
        return []
    return [t for t in verb.sent if t.dep_ == "conj" and t.right_edge.i + 1 == aux.i and t.pos_ in ("NOUN", "PROPN", "PRON")
            and _subject_of_next_clause(t)]


def _subject_of_next_clause(tok: Token) -> bool:
    """Is a coordinated noun the subject of the clause right after it, which the small
    parser left without one: "damaged by fire and a total of 25 people were wounded" (the
    people were wounded; they are not among the doers)?"""
    nxt = tok.right_edge.i + 1
    if nxt >= len(tok.doc) or tok.doc[nxt].dep_ not in ("aux", "auxpass"):
        return False
    verb = tok.doc[nxt].head
    return verb.i > nxt and verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids(verb))


def is_list_appos(tok: Token) -> bool:
    """"The US, Russia, and Switzerland", "Mordor, the awful Arnor, and Gondor", "Arnor
    and the evil awful Gondor": the parser reads Russia, Arnor, Gondor as an apposition
    (of the list's first member, before its next member or right after a word it
    misread as one)."""
    if tok.dep_ != "appos":
        return False
    return any(c.dep_ == "conj" for c in kids(tok)) or any(
        c.dep_ == "conj" and (c.i > tok.i or c.i == tok.i - 1) for c in kids(tok.head))


@per_doc
def subjects(verb: Token, lex: Lexicon) -> list[Token]:
    """Who did it: the subject, the ``by`` phrase of a passive, or the controller of a
    complement clause ("Moscow agreed to send", "rebels seeking to overthrow")."""
    found = _syntactic_subjects(verb, lex)
    if found or verb.pos_ == "NOUN":
        return found
    # The small parser often hangs a subject on an adjective ("the forces loyal to X
    # are fighting" parses "forces" as the subject of "loyal"): take the nearest such
    # stray subject before the verb.
    for tok in reversed(verb.sent[: verb.i - verb.sent.start]):
        if tok.dep_ in _SUBJ and tok.head.pos_ not in ("VERB", "AUX"):
            return [tok]
        if tok.dep_ in _SUBJ:
            break
    return []


def _syntactic_subjects(verb: Token, lex: Lexicon) -> list[Token]:
    if is_passive_modifier(verb):
        # The participle's own doer only ("civilians detained by police"); the noun it
        # qualifies is whom it was done to.
        return [g for c in kids(verb) if c.dep_ == "agent" for g in kids(c) if g.dep_ == "pobj"]
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        if is_passive(verb):
            agents = [g for v in (verb, *gapped_passives(verb)) for c in kids(v) if c.dep_ == "agent"
                      for g in kids(c) if g.dep_ == "pobj"]
            if agents:
                return agents
            if verb.lemma_.lower() in lex.words.stative_passives:  # "Israel is opposed to"
                return [c for c in kids(verb) if c.dep_ in _PASS_SUBJ]
            if seen > 1:  # "X was asked to attack", "X has been dedicated to attacking"
                return [c for c in kids(verb) if c.dep_ in _PASS_SUBJ]
            # "were killed in Israeli shelling", "died in a Taliban attack": the doer is
            # whoever did the act named in the phrase.
            for prep in ("in", "during", "after"):
                for noun in timed_prep_objects(verb, prep):
                    doers = named_doers(noun) if noun.pos_ == "NOUN" else []
                    if not doers and noun.lemma_.lower() in lex.words.clash_nouns:
                        doers = prep_objects(noun, "with")  # "injured in clashes with protesters"
                    if doers:
                        return doers
            if verb.dep_ == "acl":  # "rebels backed by Turkey" -> nothing more to find
                return []
        else:
            subj = [c for c in kids(verb) if c.dep_ in _SUBJ]
            if subj and _written_act(verb, lex) and all(t.tag_ in ("WDT", "WP") for t in subj):
                subj = []  # "passed a resolution that imposes sanctions": whoever passed it
            if subj:
                return subj
        if verb.pos_ == "NOUN":
            return noun_sources(verb, lex)
        dep, head = verb.dep_, verb.head
        if head == verb:
            return []
        if _written_act(verb, lex):
            return subjects(head.head, lex)  # "Bush signed a law imposing sanctions": whoever signed it acts through it
        clause = clause_adjunct(verb)
        if clause is not None:  # "rejected an ultimatum from the rebels, accusing Rwanda of ...": the government accuses
            verb = clause
            continue
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            return [head]
        if dep == "xcomp":
            objs = [c for c in kids(head) if c.dep_ in _OBJ]
            if objs and governor_of(head, lex) in ("object-control", "causative"):
                return objs
            verb = head
        elif dep in ("conj", "advcl", "acomp"):  # "Norway is willing to send"
            verb = head
        elif dep == "pcomp":  # "dedicated to attacking"
            verb = head.head if head.dep_ in ("prep", "agent") else head
        elif dep == "pobj":
            verb = head.head
        else:
            return []
    return []


@per_doc
def clause_adjunct(part: Token) -> Token | None:
    """A participle set off by a comma after an object ("rejected an ultimatum from the
    rebels, accusing Rwanda of ...") is an adjunct of the clause, which the small parser
    hangs on the noun: the clause's verb, else None."""
    if part.dep_ != "acl" or part.tag_ != "VBG" or part.i == 0 or part.doc[part.i - 1].text != ",":
        return None
    head = part.head
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX") or head.head == head:
            break
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


@per_doc
def gapped_passives(verb: Token) -> list[Token]:
    """The passives coordinated with a passive verb whose auxiliary they share, and whose
    "by" phrase is the verb's too: "Fourteen people were killed and 145 injured by a
    suicide attack" (the small model hangs "injured" on "145", the verb's conjunct)."""
    out = []
    for c in kids(verb):
        if c.dep_ != "conj":
            continue
        out += [c] if c.tag_ == "VBN" else [g for g in kids(c) if g.dep_ == "acl" and g.tag_ == "VBN"]
    return out


def _written_act(verb: Token, lex: Lexicon) -> bool:
    """Is the verb the act of a document a verb's subject made ("signed a law imposing
    sanctions", "passed a resolution that imposes sanctions": document_nouns.txt,
    enacting_verbs.txt)?"""
    head = verb.head
    return (verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG")) and head.dep_ in _OBJ \
        and head.lemma_.lower() in lex.words.document_nouns and head.head.lemma_.lower() in lex.words.enacting_verbs


def named_doers(noun: Token) -> list[Token]:
    """Who did the act a noun names, as the noun's own phrase says: "Russia's offer", "a
    Russian offer", "the offer from the Russian government", "attacks by rebels"."""
    poss = [c for c in kids(noun) if c.dep_ == "poss"]
    if poss:
        return poss
    by = prep_objects(noun, "by") or prep_objects(noun, "from")
    if by:
        return by
    # "a Russian offer", "army attacks"; not "direct assistance", "a fresh offer"
    mods = [c for c in kids(noun) if c.dep_ in ("amod", "compound", "nmod")
            and (c.pos_ in ("PROPN", "NOUN") or (c.pos_ == "ADJ" and c.text[:1].isupper()))]
    return mods


def noun_sources(noun: Token, lex: Lexicon) -> list[Token]:
    """Who did the act a noun names: its own phrase says ("Russia's offer"), else the
    subject of a light, promising or refusing verb does the act ("X launched an attack",
    "X kept providing support", "X refused to commit to any assistance"), or of an
    active verb the act is an "in" phrase of ("went on hunger strike in protest against
    X"); a name an "on" phrase qualifies does it ("Steinmeier on a visit to Tanzania")."""
    named = named_doers(noun)
    if named:
        return named
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        prep, verb = verb, verb.head
        if prep.lower_ == "on" and verb.pos_ in ("PROPN", "NOUN"):
            return [verb]  # "Steinmeier on a visit to Tanzania": the visitor
        if prep.lower_ == "in" and verb.pos_ == "VERB" and not is_passive(verb) and not any(
                c.dep_ in ("det", "poss", "nummod") for c in kids(noun)):
            # "began a hunger strike in protest against", "hit back in retaliation for":
            # an act in which the subject acts (not "were killed in an attack", nor
            # "detained 400 people in the latest protests")
            return subjects(verb, lex)
    if noun.dep_ in _OBJ | {"pobj"} and verb.pos_ in ("VERB", "AUX") and (
            governor_of(verb, lex) in ("light", "future", "negate", "refuse")):
        return subjects(verb, lex)
    return []


def default_targets(trig: Token, lex: Lexicon, depth: int = 0) -> Iterator[list[Token]]:
    """Candidate targets for a pattern that names none, best first: the object, a
    with/to/against... phrase, the subject of a demanded clause, then the same inside a
    purpose or complement clause. The caller takes the first that names an actor."""
    if trig.pos_ != "NOUN":
        yield _objects(trig, lex)
    for prep in _DEFAULT_TARGET_PREPS:
        yield prep_objects(trig, prep)
    # "demanded that Hamas renounce...": the one asked is the complement's subject.
    for c in kids(trig):
        if c.dep_ in ("ccomp", "xcomp"):
            yield [g for g in kids(c) if g.dep_ in _SUBJ]
    if depth == 0:
        # "staged demonstrations to demand reforms by Suharto's government", "agreed to
        # provide aid for Romania": the complement names whom the act is aimed at.
        for c in kids(trig):
            if c.dep_ in ("advcl", "xcomp", "acl") and (c.dep_ == "xcomp" or any(g.dep_ == "aux" and g.lower_ == "to" for g in kids(c))):
                yield from default_targets(c, lex, depth=1)
            if c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() == "protest" for g in kids(c)):
                yield [g for pr in kids(c) for g in kids(pr) if g.dep_ == "prep" for g in kids(g) if g.dep_ == "pobj"]


# --- mood ---------------------------------------------------------------------

_HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must", "can", "ought"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
_NEG = {"neg"}


def mood(trig: Token, speech: set[str], lex: Lexicon) -> tuple[str, str | Token]:
    """``fact``, ``future``, ``negated``, ``refused`` or ``hypothetical``, with the word
    that decided (the token itself for a negation word such as "not"). The search climbs
    from the trigger through the clauses that govern it: at each, the words on the verb
    (``_clause_mood``), then the verb or noun above (``_denied_or_asked``,
    ``_wanted_of_another``, ``_governed``). Under the setting ``modals keep``, modals and
    conditions ("could", "if") leave the act a fact."""
    counted = _counted_none(trig)
    if counted is not None:
        return counted
    state, why = _mood(trig, speech, lex)
    if state in ("fact", "future") and _counted_any(trig) and not lex.settings.keep_modals:
        return "hypothetical", "any"  # "any attack on Iran will result in war" ("refused any assistance" is refused)
    return state, why


def _mood(trig: Token, speech: set[str], lex: Lexicon) -> tuple[str, str | Token]:
    reported = _is_reported(trig, speech)
    node, result, why = trig, "fact", ""
    own_negation = True  # false above an "and"/"but" conjunct: its "not" is its own
    for _ in range(8):
        said = _clause_mood(node, reported, lex.settings.keep_modals, own_negation)
        if said.final:
            return said.state, said.word
        if said.state == "future":
            result, why = said.state, said.word
        clause = clause_adjunct(node)
        if clause is not None:  # ", accusing Rwanda of ...": the clause's mood, not the noun's governor's
            node = clause
            continue
        head = node.head
        if head == node:
            break
        above = _denied_or_asked(node, head, lex)
        if above is not None:
            return above
        if node.dep_ in _REPORT_DEPS and head.lemma_.lower() in speech:
            break  # reported content: the speaker's mood is not the event's
        if _wanted_of_another(node, head, lex):
            return "hypothetical", head.text
        if node.dep_ not in _CHAIN_DEPS:
            break
        if node.dep_ == "conj" and any(c.dep_ in _SUBJ | _PASS_SUBJ for c in kids(node)):
            break  # "X did not attack, but Y will send": a clause of its own
        if node.dep_ == "conj" and not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in kids(head)):
            # "said Russia had not targeted civilians and accused the West": the second
            # act is not negated ("did not attack or kill" negates both)
            own_negation = False
        if node.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.pos_ == "ADP":
            node, head = head, head.head  # "dedicated to attacking", "commit to assistance"
        governed = _governed(node, head, lex)
        if governed is not None and governed[0] != "future":
            return governed
        if governed is not None and result == "fact":
            result, why = governed
        node = head
    return result, why


def _counted_none(trig: Token) -> tuple[str, Token] | None:
    """An act whose subject is counted as none did not happen ("no talks took place", "no
    shots were fired")."""
    for s in (c for c in kids(trig) if c.dep_ in _SUBJ | _PASS_SUBJ):
        none = next((c for c in kids(s) if c.dep_ == "det" and c.lower_ == "no"), None)
        if none is not None:
            return "negated", none
    return None


def _counted_any(trig: Token) -> bool:
    """An act named as "any" is only thought of ("any U.S. strike on Iran will result in
    war"), where nothing else negates or refuses it."""
    return trig.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in trig.subtree if c.i < trig.i)


class _Said(NamedTuple):
    """What the words on one verb say of its mood; ``final`` ends the search (a future
    may still be overruled from above)."""

    state: str
    word: str | Token
    final: bool = False


def _clause_mood(node: Token, reported: bool, keep_modals: bool, own_negation: bool) -> _Said:
    """The words on one verb: a negation ("not", "never"), a future or modal auxiliary
    ("will", "could", reported "would"), a condition ("if")."""
    said = _Said("fact", "")
    for c in kids(node):
        w = c.lower_
        neg = (c if is_negation_word(c) else _adverb_negation(c)) if own_negation else None
        if neg is not None:
            # "will not attend", "would not provide": a refusal, not a non-event.
            # The word itself is returned: PETRARCH negation needs the verb it is on.
            if any(a.dep_ == "aux" and a.lower_ in _FUTURE_AUX | {"would"} for a in kids(node)):
                return _Said("refused", neg, True)
            return _Said("negated", neg, True)
        if c.dep_ == "aux" and c.tag_ == "MD" or (c.dep_ == "aux" and w in _FUTURE_AUX):
            if w in _FUTURE_AUX or (w == "would" and reported):
                said = _Said("future", c.text)
            elif (w == "would" or w in _HYPOTHETICAL_AUX) and not keep_modals:
                return _Said("hypothetical", c.text, True)
        if c.dep_ == "mark" and w in _CONDITIONAL_MARKS and not keep_modals:
            return _Said("hypothetical", c.text, True)
        if w == "going" and c.dep_ == "aux":
            said = _Said("future", "going to")
    return said


def _denied_or_asked(clause: Token, head: Token, lex: Lexicon) -> tuple[str, str] | None:
    """A clause that is denied ("Iran denied that Tehran had supplied missiles") or that a
    demand or a permission governs ("reiterated its demand that Israel ease")."""
    if clause.dep_ == "ccomp" and governor_of(head, lex) == "negate":
        return "negated", head.text
    if _granted_or_asked(clause, head, lex):
        return "hypothetical", head.text
    return None


def _wanted_of_another(clause: Token, head: Token, lex: Lexicon) -> bool:
    """"Obama wants Putin to attack", "demanded that the US cancel", "was pressed by
    Congress to help", "pressure from Congress to help": asked, not done."""
    effect = governor_of(head, lex)
    return (clause.dep_ in ("xcomp", "ccomp", "acl") and effect in ("future", "future-clause", "object-control", "appeal")
            and _own_doer(clause, head)) or (effect in ("object-control", "appeal") and _asked_of_another(clause, head))


def _governed(node: Token, head: Token, lex: Lexicon) -> tuple[str, str] | None:
    """What a governor (governors.tsv) makes of its complement: "refused to meet",
    "failed to agree", "considering sending", "pledged to send". Governors act on their
    complements, not on adjuncts ("refused ... following an offer": the offer is not
    refused)."""
    effect = governor_of(head, lex)
    if effect == "future-clause":  # "is set to visit", but not "set fire to"
        effect = "future" if node.dep_ in ("xcomp", "acl") else None
    if not effect or not (node.dep_ in ("xcomp", "acl", "dobj") or (node.dep_ == "prep" and effect != "refuse")):
        return None
    state = {"refuse": "refused", "negate": "negated", "hypothetical": "hypothetical", "future": "future"}.get(effect)
    return (state, head.text) if state else None


def is_negation_word(tok: Token) -> bool:
    return tok.dep_ in _NEG or (tok.lower_ in ("never", "no") and tok.dep_ in ("advmod", "det", "neg"))


def _adverb_negation(adv: Token) -> Token | None:
    """"did not even ever clash": the parser may hang the "not" on an adverb before
    the verb; it still negates the verb ("not only" does not)."""
    if adv.dep_ != "advmod" or adv.i > adv.head.i or adv.lower_ in ("only", "just", "merely", "simply"):
        return None
    return next((g for g in kids(adv) if is_negation_word(g)), None)


def negated_verb(neg: Token) -> Token:
    """The verb a negation word is on (through the adverb it may hang on)."""
    verb = neg.head
    while verb.dep_ == "advmod" and verb.head != verb:
        verb = verb.head
    return verb


def _asked_of_another(clause: Token, governor: Token) -> bool:
    """An asking verb in the passive ("Obama was urged to help": Obama is asked), or an
    asking noun ("pressure to help", "a call to withdraw"): what is asked is not done."""
    if governor.pos_ == "NOUN":
        return clause.dep_ == "acl"
    # the small parser may attach the infinitive as an adverbial clause
    infinitive = clause.dep_ == "xcomp" or (clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(clause)))
    return infinitive and any(c.dep_ == "nsubjpass" for c in kids(governor))


def _granted_or_asked(clause: Token, verb: Token, lex: Lexicon) -> bool:
    """"gave permission to Russia to help Israel", "issued an order to withdraw",
    "reiterated its demand that Israel ease": the parser hangs the clause on the verb,
    but it belongs to the asking noun."""
    infinitive = clause.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(clause))
    # "reiterated its demand that Israel ease restrictions"
    that_clause = clause.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(clause))
    if not (infinitive or that_clause):
        return False
    return any(o.dep_ == "dobj" and o.pos_ == "NOUN" and governor_of(o, lex) in ("object-control", "appeal")
               for o in kids(verb))


def _own_doer(clause: Token, governor: Token) -> bool:
    """Does the complement clause have a doer other than the governor's subject?"""
    if any(c.dep_ in _SUBJ for c in kids(clause)):
        return True
    # "urged Iran to stop", "called on both sides to agree"
    return clause.dep_ == "xcomp" and any(c.dep_ in _OBJ or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))
                                          for c in kids(governor))


def _is_reported(trig: Token, speech: set[str]) -> bool:
    """Is the trigger's clause someone's reported words: under a speech verb ("said
    Russia would...") or carrying one as an aside ("Moscow, he said, would...")?"""
    node = trig
    for _ in range(8):
        if node.lemma_.lower() in speech and node != trig and node.pos_ == "VERB":
            return True
        if any(c.dep_ in _REPORT_DEPS and c.lemma_.lower() in speech for c in kids(node) if c != trig):
            return True
        if node.head == node:
            return False
        node = node.head
    return False
