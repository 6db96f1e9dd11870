"""The words around a pattern's verb as dyad pattern elements.

After the verb (``after_verb``), items are read left to right: a marker (``+ $ ^ %``)
by ``_marker``, anything else by the first of ``WORD_STEPS`` that takes it (a
determiner, a negation, a particle, a phrase, a bare preposition, else the object).
Phrases with no words of their own wait until the end (``_settle_bare_phrases``).
Before the verb (``before_verb``) only the subject's noun can be said.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..loader import PREPOSITIONS
from .lemmas import _Lemmas
from .sets import _SynonymSets
from .tokens import _DETERMINERS, _MODALS, _NEGATIONS, PARTICLES, _show, _Skip


@dataclass
class _AfterVerb:
    """The words after the verb, and what they have made so far."""

    items: list
    n: int  # the pattern's line
    sets: _SynonymSets
    i: int = 0  # the next item
    particle: str = ""
    els: list[str] = field(default_factory=list)  # dyad tokens, already joined per element
    approx: list[str] = field(default_factory=list)
    have_obj: bool = False
    have_target: bool = False
    obj_el: str | None = None  # the object element, once there is one
    bare_pps: list[int] = field(default_factory=list)  # indexes in els of "PREP ?" placeholders
    first: bool = True  # nothing read yet: only now can a word be the verb's particle


def after_verb(sets: _SynonymSets, items: list, n: int) -> tuple[str, list[str], list[str]]:
    """Words after the verb -> (particle, dyad elements, approximations)."""
    st = _AfterVerb(items, n, sets)
    while st.i < len(st.items):
        it = st.items[st.i]
        st.i += 1
        if isinstance(it, str):
            _marker(st, it)
        else:
            next(step for step in WORD_STEPS if step(st, it))
    _settle_bare_phrases(st)
    return st.particle, [e for e in st.els if e], st.approx


def _marker(st: _AfterVerb, it: str) -> None:
    if it == "^":
        return
    if it == "%":
        st.approx.append("the compound marker % is dropped")
        return
    els = st.els
    if st.bare_pps and st.bare_pps[-1] == len(els) - 1:  # "(IN) $", "(AT) ^ +"
        k = st.bare_pps.pop()
        els[k] = els[k].replace("?", it)
        st.have_target |= it == "+"
    elif it == "+" and not els and not st.have_target:
        els.append("+")
        st.have_target = True
    elif it == "+":
        st.approx.append("a + after other words is dropped (dyad then takes the target from the object or a with/to/against phrase)")
    elif els and els[-1] == st.obj_el and not any(e.endswith(" $") for e in els):
        # "+ * MONEY $": the source follows the object, as "from" does
        els.append("from $")
        st.approx.append("a $ after the object is read as (FROM $)")
    else:
        raise _Skip("a $ right after the verb must be in a prepositional phrase, e.g. (FROM $)")
    st.first = False


def _determiner(st: _AfterVerb, it: tuple) -> bool:
    # "THEIR ^ ABOUT +": a determiner or possessive says nothing
    return it[0] == "word" and it[1].lower() in _DETERMINERS


def _negation(st: _AfterVerb, it: tuple) -> bool:
    if it[0] == "word" and it[1].lower() in _NEGATIONS:
        raise _Skip(f"{it[1]} (negation is decided by the coder, not by patterns)")
    return False


def _particle(st: _AfterVerb, it: tuple) -> bool:
    if it[0] != "word" or not st.first or st.particle or it[1].lower() not in PARTICLES:
        return False
    st.particle = it[1].lower()
    st.first = False
    return True


def _phrase(st: _AfterVerb, it: tuple) -> bool:
    if it[0] != "pp":
        return False
    prep = it[1].lower()
    inner = it[2]
    if prep in PARTICLES and prep not in PREPOSITIONS and st.first and not st.particle:
        st.particle = prep  # "(UP LICENSING)", "(OFF)"
        st.first = False
        if inner:
            st.items = st.items[:st.i] + inner + st.items[st.i:]
        return True
    if prep not in PREPOSITIONS:
        raise _Skip(f"the preposition {it[1]!r} is not one dyad patterns know ({' '.join(sorted(PREPOSITIONS))})")
    _pp(st, prep, inner)
    st.have_target |= any(e.endswith(" +") for e in st.els)
    st.first = False
    return True


def _last_preposition(st: _AfterVerb, it: tuple) -> bool:
    if it[0] != "word" or it[1].lower() not in PREPOSITIONS:
        return False
    if not (st.i >= len(st.items) or st.items[st.i] == "^"):
        return False
    _pp(st, it[1].lower(), [])  # "* ACROSS": as (ACROSS)
    st.first = False
    return True


def _bare_preposition(st: _AfterVerb, it: tuple) -> bool:
    if it[0] != "word" or it[1].lower() not in PREPOSITIONS:
        return False
    # TABARI style: a bare preposition with what follows ("ON &SOLUTION", "ABOUT +")
    nxt = st.items[st.i]
    st.i += 1
    inner = [nxt] if nxt in ("+", "$") or nxt[0] in ("word", "np") else None
    if inner is None:
        raise _Skip(f"cannot read {it[1]} followed by a (...) group")
    _pp(st, it[1].lower(), inner)
    st.have_target |= any(e.endswith(" +") for e in st.els)
    st.first = False
    return True


def _object(st: _AfterVerb, it: tuple) -> bool:
    """A noun, a synonym set or a {multi word} noun."""
    st.first = False
    if not st.have_obj and not (st.els and st.els[-1] == "+"):
        st.obj_el = st.sets.words([it], st.n)
        st.els.append(st.obj_el)
        st.have_obj = True
    else:
        st.approx.append(f"{_show([it])} is dropped (a pattern constrains one object)")
    return True


WORD_STEPS: tuple[Callable[[_AfterVerb, tuple], bool], ...] = (
    _determiner, _negation, _particle, _phrase, _last_preposition, _bare_preposition, _object)


def _settle_bare_phrases(st: _AfterVerb) -> None:
    """A bare (PREP) names the target when nothing else does: "(WITH)", "(AGAINST)"."""
    for k in st.bare_pps:
        if not st.have_target:
            st.els[k] = st.els[k].replace("?", "+")
            st.have_target = True
        else:
            st.approx.append(f"the phrase ({st.els[k].split()[0].upper()}) is dropped (it has no words, and the target is named elsewhere)")
            st.els[k] = ""


# --- prepositional phrases ---------------------------------------------------------


def _pp(st: _AfterVerb, prep: str, inner: list) -> None:
    """Append a prepositional element (and nested ones: "TO END OF EARTH")."""
    inner = [x for x in inner if not (isinstance(x, tuple) and x[0] == "word" and x[1].lower() in _DETERMINERS)]
    if not inner:
        st.els.append(f"{prep} ?")
        st.bare_pps.append(len(st.els) - 1)
        return
    if all(x == "^" for x in inner):
        st.approx.append(f"the phrase ({prep.upper()} ^) is dropped (any words: dyad needs a word, + or $)")
        return
    head, role, rest = _split_phrase(st, prep, inner)
    if role and not head:
        st.els.append(f"{prep} {role}")
    elif head:
        if role:
            st.approx.append(f"the {role} in ({prep.upper()} ...) is dropped")
        st.els.append(f"{prep} {st.sets.words(head, st.n)}")
    if rest:
        _nested_phrases(st, rest)


def _split_phrase(st: _AfterVerb, prep: str, inner: list) -> tuple[list, str, list]:
    """A phrase's own words, its ``+`` or ``$``, and the phrases after its words."""
    head: list = []
    rest: list = []
    role = ""
    for k, x in enumerate(inner):
        if x in ("+", "$"):
            if head or role:
                st.approx.append(f"the {x} inside ({prep.upper()} ...) after other words is dropped")
                continue
            role = x
            continue
        if x == "^":
            continue
        if x == "%":
            st.approx.append(f"the compound marker % inside ({prep.upper()} ...) is dropped")
            continue
        if x[0] == "word" and x[1].lower() in PREPOSITIONS and head:
            rest = inner[k:]
            break
        if x[0] == "pp":
            rest = inner[k:]
            break
        if x[0] == "word" and x[1].lower() in _NEGATIONS:
            raise _Skip(f"{x[1]} (negation is decided by the coder, not by patterns)")
        head.append(x)
    return head, role, rest


def _nested_phrases(st: _AfterVerb, rest: list) -> None:
    """``(TO END OF EARTH)``, ``(FOR WAR (WITH +))``: the phrases inside a phrase are
    elements of their own. After a ``(...)`` group nothing more is read."""
    first = rest[0]
    if first[0] == "pp":
        _pp(st, first[1].lower(), first[2])
        return
    nested_prep = first[1].lower()
    j = 1
    while j < len(rest) and not (isinstance(rest[j], tuple) and rest[j][0] in ("word",) and rest[j][1].lower() in PREPOSITIONS):
        j += 1
    _pp(st, nested_prep, rest[1:j])
    rest = rest[j:]
    if rest:
        _pp(st, rest[0][1].lower(), rest[1:])


# --- before the verb ---------------------------------------------------------------


def before_verb(sets: _SynonymSets, lemmas: _Lemmas, pre: list, elements: list[str], n: int) -> list[str]:
    """Words before the verb: ``$`` (the subject is the source: dyad's default),
    ``+`` (the subject is the target: needs a ``PREP $`` after the verb), ``%``
    (compound actor), ``^``; one noun (``CABINETS``, ``{DEATH TOLL}``) names the
    subject (``subj:``); other words cannot be expressed."""
    has_source = any(e.endswith(" $") for e in elements)
    approx = []
    rest = []
    for it in pre:
        if it == "$" or it == "^":
            continue
        if it == "+":
            if not has_source:
                raise _Skip("+ before the verb (the subject is the target) needs a (PREP $) after it; dyad cannot take the source elsewhere")
            continue
        if it == "%":
            elements.append("%")  # a compound subject, the act between its members
            continue
        rest.append(it)
    if len(rest) == 1 and rest[0][0] in ("word", "np") and _is_noun(lemmas, rest[0]):
        # "- {DEATH TOLL} * [190]": PETRARCH matches the words against the subject
        elements.append("subj:" + sets.words(rest, n))
        return approx
    if rest:
        if not elements:
            raise _Skip(f"the words before the verb ({_show(rest)}) are not a noun naming the subject, which is all dyad patterns can say there; without them it is the bare verb")
        approx.append(f"the words before the verb ({_show(rest)}) are dropped: dyad patterns can only name the subject's noun")
    return approx


def _is_noun(lemmas: _Lemmas, item) -> bool:
    """Is the (last) word of a pattern item a noun ("CABINETS", "{DEATH TOLL}"),
    not an adverb, modal or verb form ("HEAVILY", "WILL", "INDICATED")?"""
    word = (item[1] if item[0] == "word" else item[1][-1]).lower()
    if word.startswith("&"):
        return True
    if word in _MODALS or word.endswith("ly"):
        return False
    return lemmas.is_noun(word)
