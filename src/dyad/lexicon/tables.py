"""The coder's own tables: how English marks mood and reported speech (governors,
obligations, allegations), which acts are mutual (symmetric.tsv), what each CAMEO root
implies (roots.tsv) and the word lists that name kinds of things (place nouns, weapon
nouns, ...). A lexicon directory may extend each of them; docs/LEXICON.md gives the
formats. Every reader reports a bad row as a ``LexiconIssue`` and goes on."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .tsv import LexiconIssue, is_lemma, read_tsv, read_words

# What a governing verb or adjective does to the clause it governs (governors.tsv).
GOVERNOR_EFFECTS = ("refuse", "negate", "light", "future", "future-clause", "hypothetical", "object-control",
                    "appeal", "causative")

# What a row of roots.tsv may say about the codes that start with its code.
ROOT_BEHAVIOURS = {
    "statement": "words, not deeds: speech verbs; a reported obligation makes it a demand; coded only when the sentence says nothing more",
    "needs_other_party": "a statement about nobody else ('Macron said France would...') is no event",
    "bare": "a bare statement: coded only when the whole story says nothing more",
    "aside": "a comment on nobody named (hope, accord): coded only when the whole story says nothing more",
    "claim": "a claim of responsibility: aimed at the victims of what is claimed, and news beside the act",
    "speech_act": "words that are themselves the news (a denial, condolences, declining to comment): coded beside other events",
    "reciprocal": "'A and B <act>' with no other party is A and B acting on each other",
    "own_forces": "the actor's own troops and police are what it moves, not a target",
    "relations": "relations are cut through one's own diplomats: the actor's government is no target either",
    "violent": "force: a doer the text does not name is the unidentified forces of the place; a speaker who reports it alleges it",
    "arrest": "an arrest that names no doer was made by the police (or the courts) of the place",
    "protest": "a protest that names no target is aimed at the country where it happens",
    "rejection": "a refusal is aimed at whoever pressed for what it turns down ('despite pressure by X')",
    "threat": "a threat is aimed at whoever must comply ('unless Israel rescinded')",
    "defiance": "defying a curfew, ban or order is aimed at whoever imposed it: with no one named, the defiers' own government",
    "reaction": "reacts to another act named as its object ('rejected a US offer'): that act is not coded again",
    "own_act": "in a participle it is an act of its own, not the outcome of the main event",
    "dyadic": "done to someone: with nobody named, it gives way to events whose parties are named",
    "voiced": "in the purpose clause of a protest, it is what the protest voices",
    "to_holder": "a call for the release of the actor's own people is aimed at whoever holds them ('a US journalist detained in Russia')",
    "country_by_leader": "a country as a whole, also named by its state organ, is that organ ('visited Brazil, where President Lula received him')",
    "no_home_target": "the actor's own country as a whole is no target of it ('declared a ceasefire in south Lebanon')",
    "about_place": "with no target named, aimed at the country of a place in what it is about ('an inquiry into abuses in Ethiopia')",
    "named_target": "aimed only at whom its pattern names ('denied the accusations by X'), not at a party of the act it is about",
    "place_no_target": "where the actor's forces move is no target: a withdrawal from a town",
    "home_no_target": "where the actor's forces move in its own country is no target: a deployment in one of its regions",
    "deployment": "the actor's own forces sent to nobody named are no aid but a deployment: the trigger's next pattern is tried",
    "abettors": "people or groups named by what they did for a country ('firms that helped Iran's nuclear programme') are aimed at through it",
    "story_place": "with nobody named, in a story whose other events name their parties, aimed at the country the story happens in",
}

_CODE_PREFIX = re.compile(r"^\d{2}[0-9A-Za-z]{0,3}$")


@dataclass(frozen=True)
class Allegation:
    """What a speech verb makes of the use of force it reports (allegation.tsv)."""

    other: str  # the code when another did it (empty: no event)
    own: str  # the code when the speaker's own side did it (empty: no event)
    drops_act: bool  # the verb presents the act as only a claim: not coded itself
    rule: str  # file:line


class RootTable:
    """Which behaviours (``ROOT_BEHAVIOURS``) an event code has: those of every row whose
    code it starts with ("0871" has those of "08" and of "0871")."""

    def __init__(self, rows: Mapping[str, frozenset[str]] | None = None):
        self.rows: dict[str, frozenset[str]] = dict(rows or {})
        self._prefixes = {b: tuple(code for code, bs in self.rows.items() if b in bs) for b in ROOT_BEHAVIOURS}
        # a row's "-behaviour" takes away what a shorter row gives: 033 "-reciprocal" under 03
        self._removed = {b: tuple(code for code, bs in self.rows.items() if "-" + b in bs) for b in ROOT_BEHAVIOURS}

    def has(self, code: str, behaviour: str) -> bool:
        """Whether ``code`` has ``behaviour``: the longest row code it starts with that
        gives or takes away the behaviour decides."""
        try:
            given, removed = self._prefixes[behaviour], self._removed[behaviour]
        except KeyError:
            raise ValueError(f"unknown root behaviour {behaviour!r}; known: {', '.join(ROOT_BEHAVIOURS)}") from None
        if not code.startswith(given):
            return False
        if not removed or not code.startswith(removed):
            return True
        return max(len(p) for p in given if code.startswith(p)) > max(len(p) for p in removed if code.startswith(p))

    def codes(self, behaviour: str) -> tuple[str, ...]:
        """The codes of the rows that give ``behaviour`` (a longer row may take it away
        again: ask ``has`` about a code)."""
        return self._prefixes[behaviour]


@dataclass(frozen=True)
class WordLists:
    """The built-in word lists (``NAME.txt``, one lemma a line); a lexicon directory adds
    words to them with files of the same names."""

    place_nouns: frozenset[str] = frozenset()
    weapon_nouns: frozenset[str] = frozenset()
    court_verbs: frozenset[str] = frozenset()
    clash_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    enacting_verbs: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    rival_nouns: frozenset[str] = frozenset()
    border_nouns: frozenset[str] = frozenset()
    stance_nouns: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()
    intermediary_verbs: frozenset[str] = frozenset()
    stative_passives: frozenset[str] = frozenset()
    toll_nouns: frozenset[str] = frozenset()
    chemical_nouns: frozenset[str] = frozenset()
    venue_nouns: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    water_nouns: frozenset[str] = frozenset()
    abetting_verbs: frozenset[str] = frozenset()


def read_word_lists(words: WordLists, d: Path, issues: list[LexiconIssue]) -> WordLists:
    """``words`` with the words of the lists in directory ``d`` added."""
    for f in fields(WordLists):
        path = d / f"{f.name}.txt"
        if path.exists():
            added = frozenset(w for _, w in read_words(path, issues))
            words = replace(words, **{f.name: getattr(words, f.name) | added})
    return words


def _bad_codes(codes: Iterable[str], known: frozenset[str] | None) -> list[str]:
    return [c for c in codes if known is not None and c not in known]


def read_modality(future: dict[str, str], refused: dict[str, str], path: Path, issues: list[LexiconIssue],
                  known: frozenset[str] | None) -> None:
    for ln, r in read_tsv(path, ["prefix", "future"], issues):
        said = [c for c in (r["future"], r.get("refused") or "") if c]
        if not _CODE_PREFIX.match(r["prefix"]) or _bad_codes(said, known):
            issues.append(LexiconIssue(str(path), ln, f"need a code prefix and known CAMEO codes or nothing in future and refused "
                                                      f"(got {r['prefix']!r}, {r['future']!r}, {r.get('refused')!r})"))
            continue
        if r["future"]:
            future[r["prefix"]] = r["future"]
        if r.get("refused"):
            refused[r["prefix"]] = r["refused"]


def read_official(table: dict[str, str], path: Path, issues: list[LexiconIssue], known: frozenset[str] | None) -> None:
    """official.tsv: code prefix -> the code of the act when a state or an international
    body does it ("Japan protested against North Korea": a formal complaint, 114)."""
    for ln, r in read_tsv(path, ["prefix", "official"], issues):
        if not _CODE_PREFIX.match(r["prefix"]) or not r["official"] or _bad_codes([r["official"]], known):
            issues.append(LexiconIssue(str(path), ln, f"need a code prefix and a known CAMEO code (got {r['prefix']!r}, {r['official']!r})"))
            continue
        table[r["prefix"]] = r["official"]


def read_charges(table: dict[str, str], path: Path, issues: list[LexiconIssue], known: frozenset[str] | None) -> None:
    """charges.tsv: code prefix of the act an accusation charges -> the accusation's code
    ("accused Rwanda of sending commandos into Congo": aggression, 1123)."""
    for ln, r in read_tsv(path, ["prefix", "charge"], issues):
        if not _CODE_PREFIX.match(r["prefix"]) or not r["charge"] or _bad_codes([r["charge"]], known):
            issues.append(LexiconIssue(str(path), ln, f"need a code prefix and a known CAMEO code (got {r['prefix']!r}, {r['charge']!r})"))
            continue
        table[r["prefix"]] = r["charge"]


@dataclass(frozen=True)
class SectorRow:
    """A row of sectors.tsv: an act whose code starts with ``prefix`` done by an actor of
    one of ``sources`` to one of ``targets`` (either empty: anyone) is coded ``code``."""

    prefix: str
    sources: frozenset[str]
    targets: frozenset[str]
    code: str
    rule: str


def read_sector_codes(rows: list[SectorRow], path: Path, issues: list[LexiconIssue], known: frozenset[str] | None) -> None:
    """sectors.tsv: codes that depend on who does the act to whom ("police fired on
    protesters": 175)."""
    for ln, r in read_tsv(path, ["prefix", "source", "target", "code"], issues):
        src, tgt = (frozenset(x.strip().upper() for x in (r.get(k) or "").split("|") if x.strip()) for k in ("source", "target"))
        if not _CODE_PREFIX.match(r["prefix"]) or not r["code"] or _bad_codes([r["code"]], known) or not (src or tgt):
            issues.append(LexiconIssue(str(path), ln, f"need a code prefix, sectors of the source and/or target separated by | "
                                                      f"and a known CAMEO code (got {r['prefix']!r}, {r.get('source')!r}, "
                                                      f"{r.get('target')!r}, {r['code']!r})"))
            continue
        rows.append(SectorRow(r["prefix"], src, tgt, r["code"], f"{path.name}:{ln}"))


def read_weapons(table: dict[str, frozenset[str]], path: Path, issues: list[LexiconIssue],
                 known: frozenset[str] | None) -> None:
    """weapons.tsv: CAMEO code -> the weapon nouns (lemmas; ``modifier_head`` for two
    words) whose use makes force that code ("killed in air strikes": 195)."""
    for ln, r in read_tsv(path, ["weapon", "code"], issues):
        words = [w.strip() for w in r["weapon"].split("|") if w.strip()]
        if not words or not all(is_lemma(w) for w in words) or not r["code"] or _bad_codes([r["code"]], known):
            issues.append(LexiconIssue(str(path), ln, f"need weapon lemmas (a_b for two words) and a known CAMEO code "
                                                      f"(got {r['weapon']!r}, {r['code']!r})"))
            continue
        table[r["code"]] = table.get(r["code"], frozenset()) | frozenset(w.replace("_", " ") for w in words)


def read_governors(table: dict[str, str], path: Path, issues: list[LexiconIssue]) -> None:
    for ln, r in read_tsv(path, ["lemma", "effect"], issues):
        if not is_lemma(r["lemma"]) or r["effect"] not in GOVERNOR_EFFECTS:
            issues.append(LexiconIssue(str(path), ln, f"need a lower-case lemma and an effect of {', '.join(GOVERNOR_EFFECTS)} "
                                                      f"(got {r['lemma']!r}, {r['effect']!r})"))
            continue
        table[r["lemma"]] = r["effect"]


def read_obligations(table: dict[str, str], path: Path, issues: list[LexiconIssue], known: frozenset[str] | None) -> None:
    for ln, r in read_tsv(path, ["modal", "code"], issues):
        bad = _bad_codes([r["code"]], known)
        if not is_lemma(r["modal"]) or not r["code"] or bad:
            issues.append(LexiconIssue(str(path), ln, f"need a lower-case modal and a known CAMEO code (got {r['modal']!r}, {r['code']!r})"))
            continue
        table[r["modal"]] = r["code"]


def read_thing_sectors(table: dict[str, str], path: Path, issues: list[LexiconIssue]) -> None:
    """thing_sectors.tsv: nouns for things that belong to a sector ("positions": MIL)."""
    for ln, r in read_tsv(path, ["noun", "sector"], issues):
        if not is_lemma(r["noun"]) or not re.fullmatch(r"[A-Z]{3}", r["sector"] or ""):
            issues.append(LexiconIssue(str(path), ln, f"need a lower-case noun and a three-letter sector code (got {r['noun']!r}, {r['sector']!r})"))
            continue
        table[r["noun"]] = r["sector"]


def read_allegations(table: dict[str, Allegation], path: Path, issues: list[LexiconIssue], known: frozenset[str] | None,
                     name: str) -> None:
    """``name``: how rules from this file are named in events (``allegation.tsv:12``)."""
    for ln, r in read_tsv(path, ["lemma", "other", "own", "act"], issues):
        bad = _bad_codes([c for c in (r["other"], r["own"]) if c], known)
        if not is_lemma(r["lemma"]) or bad or r["act"] not in ("keep", "drop"):
            issues.append(LexiconIssue(str(path), ln, f"need a speech lemma, known CAMEO codes or nothing in other and own, and "
                                                      f"an act of keep or drop (got {r['lemma']!r}, bad codes {bad}, act {r['act']!r})"))
            continue
        table[r["lemma"]] = Allegation(r["other"], r["own"], r["act"] == "drop", f"{name}:{ln}")


SCHEMES = ("cameo", "plover")


def read_reverse_codes(table: dict[str, tuple[str, frozenset[str]]], path: Path, issues: list[LexiconIssue],
                       known: frozenset[str] | None) -> None:
    """symmetric.tsv: code -> (code of the reverse event, the schemes it holds in; an empty
    ``schemes`` cell is every scheme)."""
    for ln, r in read_tsv(path, ["code", "reverse"], issues):
        bad = _bad_codes([r["code"], r["reverse"]], known)
        schemes = frozenset(x.strip() for x in (r.get("schemes") or "").split("|") if x.strip()) or frozenset(SCHEMES)
        if not r["code"] or not r["reverse"] or bad or not schemes <= set(SCHEMES):
            issues.append(LexiconIssue(str(path), ln, f"need a known CAMEO code, the code of its reverse event and schemes out of "
                                                      f"{'|'.join(SCHEMES)} or nothing (got {r['code']!r}, {r['reverse']!r}, "
                                                      f"{r.get('schemes')!r})"))
            continue
        table[r["code"]] = (r["reverse"], schemes)


def read_roots(roots: RootTable, path: Path, issues: list[LexiconIssue], known: frozenset[str] | None) -> RootTable:
    """``roots`` with the rows of a roots.tsv over it: a row replaces the row of the same code."""
    rows = dict(roots.rows)
    for ln, r in read_tsv(path, ["code", "behaviours"], issues):
        code, said = r["code"], [b.strip() for b in r["behaviours"].split("|") if b.strip()]
        unknown = [b for b in said if b.removeprefix("-") not in ROOT_BEHAVIOURS]
        both = [b for b in said if "-" + b in said]
        if not _CODE_PREFIX.match(code) or _bad_codes([code], known) or unknown or both:
            issues.append(LexiconIssue(str(path), ln, f"need a known event code and behaviours separated by | out of "
                                                      f"{', '.join(ROOT_BEHAVIOURS)}, each given or taken away "
                                                      f"(-name) once (got {code!r}, unknown {unknown}, both {both})"))
            continue
        rows[code] = frozenset(said)
    return RootTable(rows)
