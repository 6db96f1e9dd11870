"""Whom a pronoun stands for: an actor of the sentence, or of the story so far.

"He" and "she" are the last person named, "it" and "they" the last country,
organisation or group (``DocContext``), and a pronoun inside reported words is the
speaker's ("X said it would ...").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .mentions import np_head, possessor_in_apposition
from .parse import kids
from ..model import Actor

if TYPE_CHECKING:
    from .actors import SentenceActors

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_THING_PRONOUNS = {"it", "its", "they", "them", "their"}
_PLURAL_PRONOUNS = {"they", "them", "their"}


def referent(sa: SentenceActors, pron: Token) -> Token | None:
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
    speaker = _speaker_of(sa, pron) or _owner_speaking(sa, pron, want)
    if speaker is not None:
        return speaker  # "Militants loyal to Zarqawi said they attempted...": the militants
    if pron.dep_ == "nsubj" and pron.head.dep_ == "advcl":
        # "bombers killed 23 people when they blew themselves up": the subject of the
        # clause a subject pronoun's clause hangs on
        main = [c for c in kids(pron.head.head) if c.dep_ == "nsubj" and c.i < pron.i]
        if main and main[0].i in sa.by_token and sa.by_token[main[0].i].kind in want:
            return main[0]
    found = None
    for m in sa.mentions:
        if m.end <= pron.i and m.kind in want:
            # a possessor inside an apposition is not whom it describes: in "Bakary,
            # Biya's main challenger, said he ...", "he" is Bakary
            head = possessor_in_apposition(pron.doc[m.end - 1]) or np_head(pron.doc[m.end - 1])
            if head.i < pron.i and (m.kind != "agent" or w not in _PERSON_PRONOUNS
                                    or head.ent_type_ == "PERSON" or head == pron.doc[m.end - 1]) \
                    and not (w in _PERSON_PRONOUNS and head.tag_ in ("NNS", "NNPS")):
                found = head  # "he" is one person, not "the authorities"
    if found is not None and w in _PLURAL_PRONOUNS:
        while found.dep_ == "conj" and found.head.i < found.i:
            found = found.head  # the first of "Obama and Putin"
    return found


def _owner_speaking(sa: SentenceActors, pron: Token, want: tuple[str, ...]) -> Token | None:
    """A possessive in reported words that name another party is the speaker's: "Iran
    said US drones had violated its airspace", "South Africa said the UAE turned down
    its request"; not "its own"."""
    if pron.dep_ != "poss" or pron.lower_ not in ("its", "their") or (
            pron.i + 1 < len(pron.doc) and pron.doc[pron.i + 1].lower_ == "own"):
        return None
    verb = pron.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in sa.context.speech or verb.head.i > verb.i:
        return None  # not a trailing attribution ("..., the news agency said")
    speaker = next((c for c in kids(verb.head) if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    own = [c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    m = sa.by_token.get(speaker.i) if speaker is not None else None
    if m is None or m.kind not in want or not own or own[0].i in (speaker.i, pron.head.i):
        return None
    return speaker


def _speaker_of(sa: SentenceActors, pron: Token) -> Token | None:
    """For the subject of reported words, the one who speaks: "X said they..."."""
    verb = pron.head
    if pron.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
        return None
    speech = verb.head
    if speech.lemma_.lower() not in sa.context.speech:
        return None
    subj = next((c for c in kids(speech) if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    if subj is None or sa.resolve(subj) is None:
        return None
    if pron.lower_ in _PERSON_PRONOUNS and subj.ent_type_ != "PERSON" and not any(
            m.kind in ("person", "agent") for m in sa.mentions if m.start <= subj.i < m.end):
        return None
    return subj


def pronoun(sa: SentenceActors, pron: Token) -> Actor | None:
    """The actor a pronoun refers to, looking back into earlier sentences if needed."""
    found = referent(sa, pron)
    if found is not None:
        a = sa.resolve(found)
    elif pron.lower_ in _PERSON_PRONOUNS:
        a = sa.context.last_person
    elif pron.lower_ in _THING_PRONOUNS:
        a = sa.context.last_actor
    else:
        a = None
    if a is None:
        return None
    return Actor(a.code, pron.text, pron.idx + sa.offset, pron.idx + len(pron) + sa.offset, f"pronoun -> {a.text} ({a.entry})", pron.i)
