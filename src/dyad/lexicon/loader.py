"""Load and validate lexicon data: verb patterns, synonym sets, actors, agents, people,
settings, and the coder's own tables (mood, reported speech, mutual acts, root
behaviours, word lists: ``tables.py``).

A lexicon is a directory laid out like ``src/dyad/data`` (see docs/LEXICON.md). Several
directories can be layered: later ones add to (and for actors, override) earlier ones.
Every problem is reported as ``LexiconIssue(file, line, reason)``.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path

from ..errors import DyadError
from . import ontology
from .settings import Settings, read_settings
from .tables import (Allegation, RootTable, SectorRow, WordLists, read_allegations, read_governors, read_modality, read_obligations,
                     read_charges, read_official, read_reverse_codes, read_roots, read_sector_codes, read_thing_sectors,
                     read_weapons,
                     read_word_lists)
from .tsv import LexiconIssue, is_lemma, read_tsv

PREPOSITIONS = frozenset(
    "with to against for of on in into from about over at by toward towards upon "
    "between among across through under without as until despite before after during "
    "near along behind amid within since onto beyond inside outside around via".split()
)
SECTOR_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^(?:[A-Z0-9]{3})+$")
# named.tsv also takes the codes a user's dictionary makes up outside CAMEO's 3-letter
# parts (PETRARCH's ELR/GAL, YEMNO, +++), written out as they stand; only dashes
# (PETRARCH's "no actor") are no code.
NAMED_CODE_RE = re.compile(r"^(?!-+$)[A-Z0-9+/\-]{3,}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def builtin_dir() -> Path:
    return Path(str(resources.files("dyad") / "data"))


class LexiconError(DyadError, ValueError):
    def __init__(self, issues: list[LexiconIssue]):
        self.issues = issues
        shown = "\n".join(str(i) for i in issues[:20])
        more = f"\n... and {len(issues) - 20} more" if len(issues) > 20 else ""
        super().__init__(f"{len(issues)} lexicon problem(s):\n{shown}{more}", "run `dyad dict validate DIR` for the full list")


# --- patterns -----------------------------------------------------------------


@dataclass(frozen=True)
class Element:
    """One step of a pattern.

    kind: ``target`` (direct object is the target), ``obj`` (direct object lemma in
    ``words``), ``prep`` (phrase with ``prep``; ``role`` is ``+``, ``$`` or ``""`` with
    ``words``), ``comp`` (infinitive/gerund complement verb in ``words``; empty for
    ``to *``, any complement, verb or noun), ``subj``
    (the subject's noun in ``words``), ``between`` (the subject is several actors, and
    the act is between them: PETRARCH's ``%``).
    """

    kind: str
    words: frozenset[str] = frozenset()
    prep: str = ""
    role: str = ""


@dataclass(frozen=True)
class Pattern:
    code: str
    trigger: str
    particle: str
    kind: str  # verb | noun
    elements: tuple[Element, ...]
    rule: str  # file:line
    text: str
    reverse: str = ""  # code of the target-to-source event the act also is, if any
    plover: tuple[str, str] = ("", "")  # PLOVER type and mode when finer than the CAMEO code's

    @property
    def specificity(self) -> int:
        return 1 + len(self.elements) + (1 if self.particle else 0)

    @property
    def between_subjects(self) -> bool:
        return any(e.kind == "between" for e in self.elements)

    @property
    def names_target(self) -> bool:
        return any(e.kind == "target" or (e.kind == "prep" and e.role == "+") for e in self.elements)


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def parse_pattern(text: str, code: str, kind: str, rule: str, sets: dict[str, frozenset[str]]) -> Pattern:
    """Parse the pattern mini-language of docs/LEXICON.md; raises ValueError with the reason."""
    toks = text.split()
    if not toks:
        raise ValueError("empty pattern")
    trig = toks[0]
    if not is_lemma(trig):
        raise ValueError(f"trigger {trig!r} must be a lower-case lemma (phrasal verbs as turn_down)")
    if kind == "noun" and "_" in trig:
        # "hunger_strike": the head noun is the trigger, the rest its modifier
        particle, _, trigger = trig.rpartition("_")
        particle = particle.replace("_", " ")
    else:
        trigger, _, particle = trig.partition("_")

    def words(tok: str) -> frozenset[str]:
        out: set[str] = set()
        for alt in tok.split("|"):
            if alt.startswith("&"):
                if alt not in sets:
                    raise ValueError(f"synonym set {alt} is not defined in any sets*.tsv")
                out |= sets[alt]
            elif is_lemma(alt):
                out.add(alt.replace("_", " "))
            else:
                raise ValueError(f"{alt!r} is not a lower-case lemma or &SET")
        return frozenset(out)

    elements: list[Element] = []
    i = 1
    while i < len(toks):
        tok = toks[i]
        if tok == "+":
            if not (i == 1 or (elements and elements[-1].kind == "comp")):
                raise ValueError("a bare + may only follow the trigger or a 'to VERB'; write PREP + for a prepositional target")
            elements.append(Element("target"))
        elif tok == "$":
            raise ValueError("$ must follow a preposition (e.g. 'from $')")
        elif tok.startswith("subj:"):
            elements.append(Element("subj", words(tok[5:])))
        elif tok == "%":
            elements.append(Element("between"))
        elif tok == "to" and i + 1 < len(toks) and toks[i + 1] == "*":
            if i + 2 < len(toks):
                raise ValueError("'to *' (any complement) must end the pattern")
            elements.append(Element("comp", frozenset()))
            i += 1
        elif tok == "to" and i + 1 < len(toks) and toks[i + 1] not in "+$":
            elements.append(Element("comp", words(toks[i + 1])))
            i += 1
        elif tok in PREPOSITIONS:
            if i + 1 >= len(toks):
                raise ValueError(f"preposition {tok!r} at the end: follow it with +, $ or a word")
            arg = toks[i + 1]
            if arg in ("+", "$"):
                elements.append(Element("prep", prep=tok, role=arg))
            else:
                elements.append(Element("prep", words(arg), prep=tok))
            i += 1
        else:
            elements.append(Element("obj", words(tok)))
        i += 1
    roles = [e for e in elements if e.kind == "target" or e.role in ("+", "$") and e.kind == "prep"]
    if len(roles) > 1 and not all(e.role == "$" or e.kind == "target" or e.role == "+" for e in roles):
        raise ValueError("a pattern has at most one + and one $")
    if sum(1 for e in roles if e.role == "$") > 1 or sum(1 for e in roles if e.kind == "target" or e.role == "+") > 1:
        raise ValueError("a pattern has at most one + and one $")
    return Pattern(code, trigger, particle, kind, tuple(elements), rule, text)


# --- actors -------------------------------------------------------------------


@dataclass(frozen=True)
class ActorEntry:
    """A phrase that names an actor. ``code`` may be a country (3 letters), a full code,
    or, for agents (``kind`` agent), a bare sector. People carry date ranges."""

    phrase: str
    code: str
    kind: str  # country | capital | government | organisation | group | agent | person
    source: str  # file:line
    start: str = ""
    end: str = ""
    role: str = ""
    country: str = ""  # home country for groups
    before: bool = False  # agents: the sector goes before the country (NGOARN)
    inflect: bool = True  # agents: also matches inflected forms ("officials")


@dataclass(frozen=True)
class Discard:
    """A phrase that marks a sentence (or a whole story) as not event news: sports
    results, film titles, idioms ("war of words" is no war)."""

    phrase: str
    scope: str  # sentence | story
    source: str


@dataclass(eq=False)  # one lexicon is itself and no other: hashable by identity
class Lexicon:
    """Every table the coder reads, layered from one or more lexicon directories."""

    patterns: list[Pattern] = field(default_factory=list)
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    actors: list[ActorEntry] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    future: dict[str, str] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)
    negated: dict[str, str] = field(default_factory=dict)  # negation.tsv
    codes: dict[str, str] = field(default_factory=dict)  # codes.tsv: own event code -> CAMEO code
    # The coder's own tables (tables.py): always started from the built-in ones
    governors: dict[str, str] = field(default_factory=dict)  # lemma -> effect on the clause it governs
    obligations: dict[str, str] = field(default_factory=dict)  # modal -> demand or appeal code
    allegations: dict[str, Allegation] = field(default_factory=dict)  # speech lemma -> what it makes of reported force
    # symmetric.tsv: code -> (code of the reverse event, the schemes in which it is added)
    reverse_codes: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    official: dict[str, str] = field(default_factory=dict)  # official.tsv: code prefix -> code when a state does it
    charges: dict[str, str] = field(default_factory=dict)  # charges.tsv: code prefix of an act -> accusation of it
    weapons: dict[str, frozenset[str]] = field(default_factory=dict)  # weapons.tsv: code -> weapon nouns
    sector_codes: list[SectorRow] = field(default_factory=list)  # sectors.tsv: codes by who does it to whom
    thing_sectors: dict[str, str] = field(default_factory=dict)  # noun of a thing -> the sector it belongs to
    roots: RootTable = field(default_factory=RootTable)
    words: WordLists = field(default_factory=WordLists)
    issues: list[LexiconIssue] = field(default_factory=list)
    dirs: list[str] = field(default_factory=list)

    def future_code(self, code: str) -> str:
        """The intent/threat code for a promised or threatened action (modality.tsv)."""
        return _by_prefix(self.future, code) or code

    def sector_code(self, code: str, sources: list[str], targets: list[str]) -> str | None:
        """The code sectors.tsv gives an act done by actors of ``sources`` to ``targets``
        (codes such as USACOP, VENOPP): the longest matching prefix's row, else None."""
        def fits(wanted: frozenset[str], codes: list[str]) -> bool:
            return not wanted or (bool(codes) and all(c[3:6] in wanted for c in codes))
        rows = [r for r in self.sector_codes if code.startswith(r.prefix) and fits(r.sources, sources) and fits(r.targets, targets)]
        return max(rows, key=lambda r: len(r.prefix)).code if rows else None

    def official_code(self, code: str) -> str | None:
        """What the act is when a state or an international body does it (official.tsv):
        a government's protest is a formal complaint (141 -> 114); None: the same act."""
        return _by_prefix(self.official, code)

    def charge_code(self, code: str) -> str | None:
        """The accusation code for charging someone with an act of ``code`` (charges.tsv):
        force is aggression (1123); None: a plain accusation."""
        return _by_prefix(self.charges, code)

    def asked_code(self, asking: str, code: str) -> str | None:
        """The appeal (``asking`` 02) or demand (10) for an act of ``code``: the one that
        mirrors the act's intent code (modality.tsv future: a release, 0841, is promised as
        0353, appealed for as 0253, demanded as 1053); None when the act has no intent
        code or the mirror is no CAMEO code."""
        intent = _by_prefix(self.future, code)
        if not intent or not intent.startswith("03") or len(intent) < 3:
            return None
        asked = asking + intent[2:]
        return asked if ontology.is_code(asked) else None

    def refused_code(self, code: str) -> str | None:
        """The rejection code for a refused action ("declined to resign"), if any."""
        return _by_prefix(self.refused, code)

    def cameo_code(self, code: str) -> str | None:
        """The CAMEO code behind an event code: itself, or for a code of the
        lexicon's own (codes.tsv, e.g. PETRARCH's 1951) the CAMEO code it falls back to,
        None for an own code without one."""
        return self.codes.get(code, code) or None

    def negated_code(self, code: str) -> str | None:
        """What a negated event is coded as under ``negation pico`` ("did not clash"
        110 -> 050), None when it is no event."""
        return self.negated.get(code)

    def governor(self, lemma: str) -> str | None:
        """The effect (governors.tsv) of a verb or adjective on the clause it governs."""
        return self.governors.get(lemma)

    def reverse_code(self, code: str, scheme: str = "cameo") -> str | None:
        """The code of the event a mutual act also is from the other side under ``scheme``
        (symmetric.tsv), None when it has none there."""
        reverse, schemes = self.reverse_codes.get(code, (None, frozenset()))
        return reverse if scheme in schemes else None


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _valid_date(value: str) -> bool:
    if not DATE_RE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _load_dir(lex: Lexicon, d: Path, known_codes: frozenset[str] | None) -> None:
    issues = lex.issues
    _load_codes(lex, d / "codes.tsv", known_codes)
    if known_codes is not None:
        known_codes = known_codes | lex.codes.keys()
    verbs = d / "verbs"
    if verbs.is_dir():
        for f in sorted(verbs.glob("sets*.tsv")):
            for ln, row in read_tsv(f, ["name", "words"], issues):
                name = row["name"]
                if not re.match(r"^&[A-Z][A-Z0-9_]*$", name):
                    issues.append(LexiconIssue(str(f), ln, f"set name {name!r} must be & followed by upper-case letters"))
                    continue
                ws = _split(row["words"])
                bad = [w for w in ws if not is_lemma(w.replace(" ", "_"))]
                if bad or not ws:
                    issues.append(LexiconIssue(str(f), ln, f"set {name} needs lower-case lemmas separated by |; bad: {bad}"))
                    continue
                lex.sets[name] = lex.sets.get(name, frozenset()) | frozenset(w.replace("_", " ") for w in ws)
        for f in sorted(verbs.glob("*.tsv")):
            if f.name.startswith("sets"):
                continue
            for ln, row in read_tsv(f, ["code", "pattern"], issues):
                code, kind = row["code"], (row.get("kind") or "verb").lower()
                where = f"verbs/{f.name}:{ln}" if d == builtin_dir() else f"{f}:{ln}"
                if kind not in ("verb", "noun"):
                    issues.append(LexiconIssue(str(f), ln, f"kind {kind!r} must be verb or noun"))
                    continue
                if known_codes is not None and code not in known_codes:
                    issues.append(LexiconIssue(str(f), ln, f"unknown CAMEO code {code!r}"))
                    continue
                reverse = row.get("reverse") or ""
                if reverse and known_codes is not None and reverse not in known_codes:
                    issues.append(LexiconIssue(str(f), ln, f"unknown CAMEO code {reverse!r} in column reverse"))
                    continue
                plover = _plover_column(row.get("plover") or "")
                if plover is None:
                    issues.append(LexiconIssue(str(f), ln, f"plover {row.get('plover')!r} must be a PLOVER type, optionally with one of its modes (RETREAT:resign)"))
                    continue
                try:
                    lex.patterns.append(replace(parse_pattern(row["pattern"], code, kind, where, lex.sets), reverse=reverse, plover=plover))
                except ValueError as exc:
                    issues.append(LexiconIssue(str(f), ln, f"pattern {row['pattern']!r}: {exc}"))
    _load_negation(lex, d / "negation.tsv", known_codes)
    _load_coder_tables(lex, d, known_codes)
    _load_actors(lex, d / "actors")
    _load_discards(lex, d / "discards.tsv")
    lex.settings = read_settings(lex.settings, d / "settings.tsv", lex.issues)


def _load_coder_tables(lex: Lexicon, d: Path, known_codes: frozenset[str] | None) -> None:
    """Mood, reported speech, mutual acts, root behaviours and word lists: how the coder
    reads English, which a lexicon directory may extend."""
    issues = lex.issues
    if (d / "modality.tsv").exists():
        read_modality(lex.future, lex.refused, d / "modality.tsv", issues, known_codes)
    if (d / "governors.tsv").exists():
        read_governors(lex.governors, d / "governors.tsv", issues)
    if (d / "obligation.tsv").exists():
        read_obligations(lex.obligations, d / "obligation.tsv", issues, known_codes)
    f = d / "allegation.tsv"
    if f.exists():
        # built-in rules are named by file alone in events, as patterns are
        read_allegations(lex.allegations, f, issues, known_codes, f.name if d == builtin_dir() else str(f))
    if (d / "sectors.tsv").exists():
        read_sector_codes(lex.sector_codes, d / "sectors.tsv", issues, known_codes)
    if (d / "weapons.tsv").exists():
        read_weapons(lex.weapons, d / "weapons.tsv", issues, known_codes)
    if (d / "official.tsv").exists():
        read_official(lex.official, d / "official.tsv", issues, known_codes)
    if (d / "charges.tsv").exists():
        read_charges(lex.charges, d / "charges.tsv", issues, known_codes)
    if (d / "symmetric.tsv").exists():
        read_reverse_codes(lex.reverse_codes, d / "symmetric.tsv", issues, known_codes)
    if (d / "roots.tsv").exists():
        lex.roots = read_roots(lex.roots, d / "roots.tsv", issues, known_codes)
    if (d / "thing_sectors.tsv").exists():
        read_thing_sectors(lex.thing_sectors, d / "thing_sectors.tsv", issues)
    lex.words = read_word_lists(lex.words, d, issues)


def _load_codes(lex: Lexicon, f: Path, known_codes: frozenset[str] | None) -> None:
    if not f.exists():
        return
    for ln, r in read_tsv(f, ["code", "cameo"], lex.issues):
        code, cameo = r["code"], r["cameo"]
        # An empty cameo is a code with no CAMEO counterpart at all (a dictionary's own
        # 212 "arrest"): its events have no Goldstein score, quad class or PLOVER type.
        if not re.match(r"^\d{2}[0-9A-Za-z]{0,3}$", code) or (known_codes is not None and (code in known_codes or (cameo and cameo not in known_codes))):
            lex.issues.append(LexiconIssue(str(f), ln, f"need a new event code (2 digits, then up to 3 digits or letters) and the CAMEO code it falls back to, or none (got {code!r}, {cameo!r})"))
            continue
        lex.codes[code] = cameo


def _load_negation(lex: Lexicon, f: Path, known_codes: frozenset[str] | None) -> None:
    if not f.exists():
        return
    for ln, r in read_tsv(f, ["code", "negated"], lex.issues):
        bad = [c for c in (r["code"], r["negated"]) if not c or (known_codes is not None and c not in known_codes)]
        if bad:
            lex.issues.append(LexiconIssue(str(f), ln, f"unknown CAMEO code {bad[0]!r}"))
            continue
        lex.negated[r["code"]] = r["negated"]


def _load_discards(lex: Lexicon, f: Path) -> None:
    if not f.exists():
        return
    for ln, r in read_tsv(f, ["phrase", "scope"], lex.issues):
        scope = (r["scope"] or "sentence").lower()
        if scope not in ("sentence", "story") or not r["phrase"]:
            lex.issues.append(LexiconIssue(str(f), ln, f"need a phrase and a scope of sentence or story (got {scope!r})"))
            continue
        lex.discards.append(Discard(r["phrase"], scope, f"{f}:{ln}"))


def _plover_column(value: str) -> tuple[str, str] | None:
    """("TYPE", "mode") from a pattern's ``plover`` cell (empty: no override); None when
    the type or mode is not in the PLOVER ontology."""
    if not value:
        return ("", "")
    name, _, mode = value.partition(":")
    try:
        ptype = ontology.plover_type(name)
    except KeyError:
        return None
    if mode and mode not in ptype.modes:
        return None
    return (ptype.name, mode)


def _load_actors(lex: Lexicon, d: Path) -> None:
    if not d.is_dir():
        return
    issues, add = lex.issues, lex.actors.append

    prefix = "" if d.parent == builtin_dir() else f"{d.parent}/"

    def src(f: Path, ln: int) -> str:
        return f"{prefix}actors/{f.name}:{ln}"

    f = d / "countries.tsv"
    if f.exists():
        for ln, r in read_tsv(f, ["code", "name", "aliases", "adjectives", "capitals", "government"], issues):
            code = r["code"].upper()
            if not SECTOR_RE.match(code):
                issues.append(LexiconIssue(str(f), ln, f"country code {code!r} must be 3 letters"))
                continue
            for p in [r["name"], *_split(r["aliases"]), *_split(r["adjectives"])]:
                add(ActorEntry(p, code, "country", src(f, ln)))
            for p in _split(r["capitals"]):
                add(ActorEntry(p, code, "capital", src(f, ln)))
            for p in _split(r["government"]):
                add(ActorEntry(p, code + "GOV", "government", src(f, ln)))
    for name, kind, cols in (
        ("organisations.tsv", "organisation", ["code", "name", "aliases"]),
        ("groups.tsv", "group", ["code", "name", "aliases"]),
    ):
        f = d / name
        if not f.exists():
            continue
        for ln, r in read_tsv(f, cols, issues):
            code = r["code"].upper()
            if not CODE_RE.match(code):
                issues.append(LexiconIssue(str(f), ln, f"code {code!r} must be groups of 3 upper-case letters"))
                continue
            country = (r.get("country") or "").upper()
            for p in [r["name"], *_split(r["aliases"])]:
                add(ActorEntry(p, code, kind, src(f, ln), country=country))
    f = d / "agents.tsv"
    if f.exists():
        for ln, r in read_tsv(f, ["phrase", "sector"], issues):
            sector = r["sector"].upper()
            place, plural = (r.get("place") or "after").lower(), (r.get("plural") or "yes").lower()
            if not CODE_RE.match(sector):
                issues.append(LexiconIssue(str(f), ln, f"sector {sector!r} must be a CAMEO sector code such as GOV"))
                continue
            if place not in ("after", "before") or plural not in ("yes", "no"):
                issues.append(LexiconIssue(str(f), ln, f"place must be after or before, plural yes or no (got {place!r}, {plural!r})"))
                continue
            add(ActorEntry(r["phrase"], sector, "agent", src(f, ln), before=place == "before", inflect=plural == "yes"))
    # people.tsv: people by office; named.tsv: any named actor whose code changes with
    # time (imported dictionaries). Same columns, same date rules.
    for name, kind in (("people.tsv", "person"), ("named.tsv", "named")):
        f = d / name
        if not f.exists():
            continue
        for ln, r in read_tsv(f, ["name", "aliases", "code", "role", "start", "end"], issues):
            code = r["code"].upper()
            bad = [v for v in (r["start"], r["end"]) if v and not _valid_date(v)]
            if not (NAMED_CODE_RE if kind == "named" else CODE_RE).match(code) or bad:
                issues.append(LexiconIssue(str(f), ln, f"need a code like RUSGOV and dates as YYYY-MM-DD (got {code!r}, {bad})"))
                continue
            for p in [r["name"], *_split(r["aliases"])]:
                add(ActorEntry(p, code, kind, src(f, ln), r["start"], r["end"], r["role"]))



def load(dirs: list[str | Path] | None = None, builtin: bool = True, strict: bool = False) -> Lexicon:
    """Load the built-in lexicon and/or user directories, in that order."""
    from . import ontology

    known = frozenset(ontology.all_codes())
    lex = Lexicon()
    if not builtin:
        # How English marks mood and what each root implies belong to the coder, not to a
        # vocabulary: a lexicon without the built-in one still starts from ours.
        _load_coder_tables(lex, builtin_dir(), known)
    paths = ([builtin_dir()] if builtin else []) + [Path(p) for p in (dirs or [])]
    for p in paths:
        if not p.is_dir():
            lex.issues.append(LexiconIssue(str(p), 0, "lexicon directory does not exist"))
            continue
        lex.dirs.append(str(p))
        _load_dir(lex, p, known)
    if strict and lex.issues:
        raise LexiconError(lex.issues)
    return lex


@functools.cache
def default_lexicon() -> Lexicon:
    """The built-in lexicon, from the cache when its files and dyad's code are unchanged."""
    from . import cache

    key = cache.source_key("dyad.lexicon.loader", "dyad.lexicon.tables", "dyad.lexicon.settings",
                           "dyad.lexicon.tsv", "dyad.lexicon.ontology") + cache.dir_key(str(builtin_dir()))
    return cache.load_or_build("lexicon", hashlib.sha256(key.encode()).hexdigest(), load)


def validate(path: str | Path) -> list[LexiconIssue]:
    """Every problem in a lexicon directory, with file, line and reason."""
    return load([path], builtin=False).issues
