"""Import PETRARCH / TABARI dictionaries into a dyad lexicon directory.

``import_petrarch(verbs, actors, agents, discards, ontology, out)`` reads the PETRARCH
dictionary formats and writes dyad's (docs/LEXICON.md, "Importing PETRARCH
dictionaries"):

==========================  ==========================================================
PETRARCH                    dyad
==========================  ==========================================================
verb blocks and patterns    ``verbs/petrarch.tsv`` (one row per verb x pattern)
synonym sets ``&NAME``      ``verbs/sets_petrarch.tsv``
actors (with date ranges)   ``actors/named.tsv`` (one row per actor and code period)
agents ``[~SECTOR]``        ``actors/agents.tsv``
discards                    ``discards.tsv`` (``+PHRASE`` story, else sentence)
==========================  ==========================================================

PETRARCH patterns are linear (``- * (TO PEACE &TREATY) [037]``); dyad's are read along
the dependency parse, so the translation is: verb lemma as trigger; the first noun
after ``*`` constrains the direct object; ``(PREP WORDS)`` becomes ``PREP word``;
``(PREP +)``, ``(PREP $)`` name the target or the source; ``{A B C}`` is a noun with
its modifiers (``a_b_c``). What dyad cannot say is dropped (an approximation) or the
pattern is skipped; either way the report names file, line and reason. Nothing here
raises on bad input: every line that is not converted is reported.
"""
from __future__ import annotations

import functools
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import product
from pathlib import Path

from .lexicon import CODE_RE, PREPOSITIONS, LexiconIssue, is_lemma, parse_pattern

# Words that make a phrasal verb with the verb before them ("set out", "break off").
PARTICLES = frozenset(
    "up down off out back away over forth forward forwards aside together apart along "
    "around ahead home".split()
)
_DETERMINERS = frozenset({"the", "a", "an", "their", "its", "his", "her", "our", "my", "your", "whose"})
_NEGATIONS = frozenset({"not", "no", "n't", "never", "neither", "nor"})
_CONJUNCTIONS = frozenset({"and", "or"})
_SET_NAME = re.compile(r"^&[A-Z][A-Z0-9_]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_MAX_ALTERNATIVES = 400  # a {&SET &SET WORD} phrase expands to at most this many


# --- report -----------------------------------------------------------------------


# One line (or part of one) that was not converted as written: file, line, reason.
ImportIssue = LexiconIssue


@dataclass
class ImportReport:
    """What was converted (``counts``) and what was not (``issues``).

    Reasons start with ``skipped:`` (nothing written for it), ``approximated:``
    (written, with part of its meaning lost) or ``note:``. ``codes`` maps every event
    code of the verb file that is not a CAMEO code to the CAMEO code used (or ``""``).
    """

    out: str
    counts: Counter = field(default_factory=Counter)
    issues: list[ImportIssue] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # kind -> written file
    seconds: float = 0.0

    def add(self, file: str | Path, line: int, reason: str) -> None:
        self.issues.append(ImportIssue(str(file), line, reason))

    @property
    def skipped(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.reason.startswith("skipped")]

    @property
    def approximated(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.reason.startswith("approximated")]

    def format(self, issues: bool = True) -> str:
        lines = [f"imported into {self.out} in {self.seconds:.1f}s"]
        width = max((len(k) for k in self.counts), default=0)
        for k, v in self.counts.items():
            lines.append(f"  {k:<{width}}  {v}")
        if self.codes:
            lines.append("event codes that are not CAMEO codes, and the CAMEO code used:")
            lines.append("  " + ", ".join(f"{k}->{v or 'skipped'}" for k, v in sorted(self.codes.items())))
        lines.append(f"{len(self.issues)} issue(s): {len(self.skipped)} skipped, {len(self.approximated)} approximated")
        if issues:
            lines.extend(str(i) for i in self.issues)
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"out": self.out, "counts": dict(self.counts), "codes": self.codes, "files": self.files,
                "seconds": round(self.seconds, 2), "issues": [str(i) for i in self.issues]}


# --- reading ----------------------------------------------------------------------


def _read_lines(path: str | Path, report: ImportReport) -> list[tuple[int, str]]:
    """``(line number, text)`` of the non-empty lines, PETRARCH comments removed:
    ``#`` to the end of the line, ``<!-- ... -->`` (also over several lines)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        report.add(path, 0, f"skipped: cannot read file: {exc.strerror or exc}")
        return []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw.decode("latin-1")
        report.add(path, 0, f"note: not UTF-8 ({exc.reason} at byte {exc.start}); read as Latin-1")
    text = text.lstrip("\ufeff")
    out: list[tuple[int, str]] = []
    in_comment = False
    for n, line in enumerate(text.splitlines(), 1):
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!" in line:
            i = line.index("<!")
            j = line.find("-->", i)
            if j < 0:
                line, in_comment = line[:i], True
                break
            line = line[:i] + line[j + 3:]
        if "#" in line:
            line = line[: line.index("#")]
        if line.strip():
            out.append((n, line.rstrip()))
    return out


# --- lemmas -----------------------------------------------------------------------


class _Lemmas:
    """spaCy's English lemmatizer tables, so that imported words are the lemmas the
    coder will see; without a model, words are kept as written."""

    def __init__(self) -> None:
        self.rules: dict[str, list] = {}
        self.exc: dict[str, dict] = {}
        self.index: dict[str, frozenset[str]] = {}
        try:
            from .parse import load_model

            lookups = load_model().get_pipe("lemmatizer").lookups
            for pos in ("noun", "verb"):
                self.rules[pos] = list(lookups.get_table("lemma_rules").get(pos, []))
                self.exc[pos] = dict(lookups.get_table("lemma_exc").get(pos, {}))
                self.index[pos] = frozenset(lookups.get_table("lemma_index").get(pos, []))
            self.available = True
        except Exception:  # no model, or a pipeline without a rule lemmatizer
            self.available = False

    @functools.lru_cache(maxsize=None)
    def lemma(self, word: str, pos: str) -> str:
        w = word.lower()
        if not self.available or not w.isalpha():
            return w
        if pos == "verb" and w in self.index["verb"]:
            return w  # a verb entry is a base form unless the tables say otherwise
        exc = self.exc[pos].get(w)
        if exc:
            return exc[0]
        for old, new in self.rules[pos]:
            if w.endswith(old):
                form = w[: len(w) - len(old)] + new
                if form and form in self.index[pos]:
                    return form
        return w

    def noun_variants(self, word: str) -> list[str]:
        """The word as written and its lemma ("relations", "relation")."""
        w = word.lower()
        if self.available and (w in self.exc["verb"] or len(w) <= 3):
            return [w]  # "was", "has", "is": no noun plural to undo
        lem = self.lemma(w, "noun")
        return [w] if lem == w else [w, lem]


# --- event codes ------------------------------------------------------------------


class _Codes:
    """PETRARCH event codes -> CAMEO codes of dyad's ontology.

    A CAMEO code stays as it is. Other codes go through the PETRARCH internal coding
    ontology when given, as PETRARCH does (the code itself, else its first two digits
    + "0"), and back to the CAMEO code with the same internal value; without the
    ontology, the longest prefix that is a CAMEO code is used.
    """

    def __init__(self, ontology_file: str | None, report: ImportReport):
        from . import ontology

        self.known = frozenset(ontology.all_codes())
        self.report = report
        self.pico: dict[str, int] = {}
        if ontology_file:
            self._read_ontology(ontology_file)
        self.cache: dict[str, tuple[str | None, str]] = {}

    def _read_ontology(self, path: str) -> None:
        n_ok = 0
        for n, line in _read_lines(path, self.report):
            code, sep, expr = line.strip().partition(":")
            code, expr = code.strip(), expr.strip().replace(" ", "")
            if not sep or not code or not expr:
                self.report.add(path, n, f"skipped: expected CODE:HEXVALUE, got {line.strip()!r}")
                continue
            try:
                value = 0
                for sign, num in re.findall(r"([+-]?)(0x[0-9A-Fa-f]+|\d+)", expr) or [("", "x")]:
                    v = int(num, 16) if num.lower().startswith("0x") else int(num)
                    value += -v if sign == "-" else v
                if re.sub(r"[+-]?(0x[0-9A-Fa-f]+|\d+)", "", expr):
                    raise ValueError(expr)
            except ValueError:
                self.report.add(path, n, f"skipped: cannot read the value {expr!r} of code {code}")
                continue
            self.pico[code] = value
            n_ok += 1
        self.report.counts["ontology codes read"] += n_ok

    def _prefix(self, code: str) -> str | None:
        for n in range(min(len(code), 4), 1, -1):
            if code[:n] in self.known:
                return code[:n]
        return None

    def _to_cameo(self, code: str) -> tuple[str | None, str]:
        """(CAMEO code or None, how)"""
        if code in self.known:
            return code, ""
        if not re.match(r"^\d{2}", code):
            return None, f"{code!r} is not an event code"
        if self.pico:
            key = code if code in self.pico else code[:2] + "0"
            if key in self.pico:
                if key in self.known:
                    return key, "ontology"
                same = [k for k, v in self.pico.items() if v == self.pico[key] and k in self.known]
                if same:  # the CAMEO code sharing the internal value, closest in digits
                    same.sort(key=lambda k: (-len(_common_prefix(k, code)), len(k)))
                    return same[0], "ontology"
                pre = self._prefix(code)
                if pre:
                    return pre, "ontology value has no CAMEO code; used its CAMEO prefix"
            return None, f"code {code} is not a CAMEO code and the ontology maps neither {code} nor {code[:2]}0"
        pre = self._prefix(code)
        if pre:
            return pre, "prefix"
        return None, f"code {code} is not a CAMEO code (give --ontology to convert internal codes)"

    def convert(self, raw: str, file: str, line: int) -> tuple[str | None, str]:
        """``(code, passive)`` for a ``[code]`` or ``[code:passive]`` cell: code None
        means no event (reported unless the code is ``---``)."""
        raw = raw.strip()
        active, _, passive = raw.partition(":")
        active, passive = active.strip(), passive.strip()
        if not active or active == "---":
            return None, passive
        if active not in self.cache:
            self.cache[active] = self._to_cameo(active)
            code, how = self.cache[active]
            if code != active:
                self.report.codes[active] = code or ""
                if code:
                    self.report.counts["event codes converted"] += 1
        code, how = self.cache[active]
        if code is None:
            self.report.add(file, line, f"skipped: {how}")
        return code, passive


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


# --- verb dictionary --------------------------------------------------------------


class _Skip(Exception):
    """The pattern (or verb) cannot be expressed; the message says why."""


@dataclass
class _Verb:
    line: int
    word: str  # as written
    trigger: str  # dyad trigger: lemma, or lemma_particle
    obj: str = ""  # an object the multi-word verb names ("give notice")
    code_raw: str = "---"  # the verb's own [code], else its block's
    approx: str = ""


@dataclass
class _Block:
    name: str
    line: int
    code_raw: str
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Converted:
    particle: str
    elements: list[str]
    code: str
    exact: bool


def _tokenize(text: str) -> list:
    """PETRARCH pattern text -> items: ("word", W), ("np", [W...]), ("pp", PREP, [items])
    and the markers "+", "$", "^", "%". Raises _Skip for unbalanced brackets."""
    spaced = re.sub(r"([(){}])", r" \1 ", text)
    toks = spaced.split()
    pos = 0

    def group(close: str | None) -> list:
        nonlocal pos
        items: list = []
        while pos < len(toks):
            t = toks[pos]
            pos += 1
            if t == close:
                return items
            if t in (")", "}"):
                raise _Skip(f"unbalanced {t!r}")
            if t == "(":
                inner = group(")")
                if not inner or inner[0][0] != "word":
                    raise _Skip("a (...) group must start with a preposition")
                items.append(("pp", inner[0][1], inner[1:]))
            elif t == "{":
                inner = group("}")
                if any(i[0] != "word" for i in inner):
                    raise _Skip("a {...} group may only hold words and synonym sets")
                items.append(("np", [i[1] for i in inner]))
            elif t in ("+", "$", "^", "%"):
                items.append(t)
            else:
                items.append(("word", t))
        if close is not None:
            raise _Skip(f"missing {close!r}")
        return items

    return group(None)


class _VerbImporter:
    def __init__(self, path: str, codes: _Codes, lemmas: _Lemmas, report: ImportReport):
        self.path, self.codes, self.lemmas, self.report = path, codes, lemmas, report
        self.name = Path(path).name
        self.raw_sets: dict[str, list[tuple[int, str]]] = {}
        self.set_lines: dict[str, int] = {}
        self.sets: dict[str, list[str]] = {}  # dyad name -> words
        self.set_names: dict[str, str] = {}  # PETRARCH name -> dyad name
        self.blocks: dict[str, _Block] = {}
        # (trigger, elements) -> [code, exact, pattern line]
        self.rows: dict[tuple[str, tuple[str, ...]], list] = {}
        self.conflicts: dict[tuple[int, str], set[str]] = {}

    def issue(self, line: int, reason: str) -> None:
        self.report.add(self.path, line, reason)

    # -- reading ---------------------------------------------------------------

    def read(self) -> None:
        c = self.report.counts
        state: str | None = None
        cur_set: str | None = None
        block: _Block | None = None
        block_code = "---"
        for n, line in _read_lines(self.path, self.report):
            s = line.strip()
            if s.startswith("---"):
                m = re.match(r"^-{3,}\s*(.*?)\s*(?:\[([^\]]*)\])?\s*-*\s*$", s)
                name = (m.group(1) if m else "").strip() or f"block@{n}"
                block_code = (m.group(2) if m and m.group(2) is not None else "---").strip()
                block = self.blocks.get(name)
                if block is None:
                    block = self.blocks[name] = _Block(name, n, block_code)
                    c["verb blocks"] += 1
                else:
                    # PETRARCH keys patterns by block name: a block opened again shares them
                    self.issue(n, f"note: block {name} is opened again; its verbs share the patterns of line {block.line}")
                state, cur_set = "block", None
            elif s.startswith("&"):
                name = s.split()[0]
                cur_set, state = name, "set"
                if name in self.raw_sets:
                    self.issue(n, f"note: synonym set {name} is defined again; the members are merged")
                self.raw_sets.setdefault(name, [])
                self.set_lines.setdefault(name, n)
            elif s.startswith("+") and state == "set" and cur_set:
                self.raw_sets[cur_set].append((n, s[1:].strip()))
            elif s.startswith("~"):
                self.issue(n, "skipped: verb transformations (~ ... = ...) have no dyad equivalent")
                c["transformations skipped"] += 1
            elif s.startswith("-") or (s.startswith("*") and "[" in s):
                if block is None:
                    self.issue(n, "skipped: pattern outside a verb block (no '--- NAME [code] ---' before it)")
                    continue
                if s.startswith("*"):
                    self.issue(n, "note: pattern line without its leading '-'; read as a pattern")
                c["patterns read"] += 1
                block.patterns.append((n, s.lstrip("-").strip()))
                state, cur_set = "block", None
            else:
                state, cur_set = ("block" if block else None), None
                if block is None:
                    self.issue(n, f"skipped: {s!r} is neither a synonym set, a verb block nor a pattern")
                    continue
                verb = self._verb(n, s, block_code)
                if verb is not None:
                    block.verbs.append(verb)
        self._resolve_sets()

    def _verb(self, n: int, s: str, block_code: str) -> _Verb | None:
        c = self.report.counts
        s = s.split(";", 1)[0].strip()  # TABARI comments
        code_raw = None
        m = re.search(r"\[([^\]]*)\]\s*$", s)
        if m:
            code_raw, s = m.group(1).strip(), s[: m.start()].strip()
        if "{" in s:
            forms = s[s.index("{") + 1: s.index("}")] if "}" in s else ""
            c["verb forms (left to the lemmatizer)"] += len(forms.split())
            s = (s[: s.index("{")] + (s[s.index("}") + 1:] if "}" in s else "")).strip()
        toks = s.split()
        if len(toks) != 1:
            self.issue(n, f"skipped: verb line {s!r} should hold one verb (words joined by _)")
            return None
        word = toks[0]
        parts = [p for p in word.split("_")]
        if any(not p for p in parts[:-1]) or not parts[0].strip("+"):
            self.issue(n, f"skipped: cannot read the verb {word!r}")
            return None
        parts = [p for p in parts if p]
        head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
        parts = [p.lstrip("+").lower() for p in parts]
        front, verb, back = parts[:head], parts[head], parts[head + 1:]
        approx = []
        if front:
            approx.append(f"the words before the verb in {word} ({' '.join(front)}) are dropped")
        lemma = self.lemmas.lemma(verb, "verb")
        particle = obj = ""
        if back:
            if back[0] in PARTICLES or back[0] in PREPOSITIONS:
                particle, rest = back[0], back[1:]
            elif back[0] in _CONJUNCTIONS:
                rest = back
            else:
                obj, rest = "|".join(self.lemmas.noun_variants(back[0])), back[1:]
            if rest:
                approx.append(f"{' '.join(rest)} in {word} cannot be expressed and is dropped")
        if len(parts) > 1:
            c["multi-word verbs"] += 1
        trigger = lemma + (f"_{particle}" if particle else "")
        if not is_lemma(trigger) or (obj and not all(is_lemma(o) for o in obj.split("|"))):
            self.issue(n, f"skipped: verb {word!r} does not give a lemma dyad can use ({trigger!r})")
            return None
        c["verbs"] += 1
        v = _Verb(n, word, trigger, obj, code_raw if code_raw is not None else block_code, "; ".join(approx))
        if v.approx:
            self.issue(n, f"approximated: {v.approx}")
        return v

    def _resolve_sets(self) -> None:
        c = self.report.counts
        for name in self.raw_sets:
            # "&AUXVERB_": the final _ only says "no plurals"; patterns may omit it
            dy = "&" + re.sub(r"[^A-Z0-9_]", "_", name[1:].upper()).rstrip("_")
            if not _SET_NAME.match(dy):
                dy = "&S_" + dy[1:]
            if dy != name and dy + "_" != name:
                self.issue(self.set_lines[name], f"note: synonym set {name} is written as {dy}")
            self.set_names[name] = dy
            self.set_names.setdefault(name.rstrip("_"), dy)
            self.set_names.setdefault(name.rstrip("_") + "_", dy)
        done: dict[str, list[str] | None] = {}

        def expand(name: str, stack: tuple[str, ...]) -> list[str]:
            if name in done:
                return done[name] or []
            if name in stack:
                self.issue(self.set_lines[name], f"skipped: synonym set {name} contains itself")
                return []
            words: list[str] = []
            for n, member in self.raw_sets[name]:
                m = member.strip().rstrip("_").strip()
                if m.startswith("&"):
                    ref = next((r for r in (m.split()[0], m.split()[0] + "_", m.split()[0].rstrip("_")) if r in self.raw_sets), None)
                    if ref is None:
                        self.issue(n, f"skipped: synonym set {m} is not defined")
                        continue
                    words += expand(ref, stack + (name,))
                    continue
                alts = self._phrase_alternatives(m.replace("_", " ").split(), n, allow_sets=False)
                if alts is None:
                    continue
                words += alts
            words = list(dict.fromkeys(words))
            done[name] = words
            return words

        for name in self.raw_sets:
            words = expand(name, ())
            c["synonym sets"] += 1
            c["synonym set members"] += len(self.raw_sets[name])
            if words:
                dy = self.set_names[name]
                self.sets[dy] = list(dict.fromkeys(self.sets.get(dy, []) + words))
            else:
                self.issue(self.set_lines[name], f"skipped: synonym set {name} has no member dyad can use; patterns using it are skipped")

    def _phrase_alternatives(self, words: list[str], n: int, allow_sets: bool = True) -> list[str] | None:
        """A noun phrase (head last, modifiers before) as dyad words ``mod_head``;
        synonym sets in it are expanded. None (reported) when it cannot be written."""
        words = [w for w in words if w.lower() not in _DETERMINERS] or words
        if not words:
            return None
        choices: list[list[str]] = []
        for i, w in enumerate(words):
            if w.startswith("&"):
                if not allow_sets:
                    return None
                dy = self.set_names.get(w)
                if dy is None:
                    self.issue(n, f"skipped: synonym set {w} is not defined")
                    return None
                if dy not in self.sets:
                    self.issue(n, f"skipped: synonym set {w} has no usable member")
                    return None
                choices.append(self.sets[dy])
            elif i == len(words) - 1:
                choices.append(self.lemmas.noun_variants(w))
            else:
                choices.append([w.lower()])
        total = 1
        for ch in choices:
            total *= len(ch)
        if total > _MAX_ALTERNATIVES:
            self.issue(n, f"skipped: {' '.join(words)} expands to {total} phrases (more than {_MAX_ALTERNATIVES})")
            return None
        out = ["_".join(p) for p in product(*choices)]
        bad = [o for o in out if not is_lemma(o)]
        if bad:
            self.issue(n, f"skipped: {' '.join(words)} is not a word or phrase dyad can match ({bad[0]!r})")
            return None
        return out

    def _words(self, items: list, n: int) -> str:
        """One element's words: ``a|b``, ``&SET``, or multi-word alternatives."""
        if len(items) == 1 and items[0][0] == "word" and items[0][1].startswith("&"):
            w = items[0][1]
            dy = self.set_names.get(w)
            if dy is None:
                raise _Skip(f"synonym set {w} is not defined")
            if dy not in self.sets:
                raise _Skip(f"synonym set {w} has no usable member")
            return dy
        words: list[str] = []
        for it in items:
            words += it[1] if it[0] == "np" else [it[1]]
        alts = self._phrase_alternatives(words, n)
        if alts is None:
            raise _Skip("reported above")
        return "|".join(alts)

    # -- patterns --------------------------------------------------------------

    def convert(self, n: int, text: str) -> _Converted | None:
        """One PETRARCH pattern -> dyad elements; None when it cannot be converted
        (reported). Approximations are reported here too."""
        c = self.report.counts
        m = re.search(r"\[([^\]]*)\]\s*$", text)
        if not m:
            self.issue(n, "skipped: pattern without a [code] at its end")
            c["patterns skipped"] += 1
            return None
        code, passive = self.codes.convert(m.group(1), self.path, n)
        body = text[: m.start()]
        if code is None:
            if not m.group(1).strip().partition(":")[0].strip() or m.group(1).strip().startswith("---"):
                if passive and passive != "---":
                    self.issue(n, f"skipped: only a reverse code [:{passive}] (target to source), which dyad cannot express")
                    c["patterns skipped"] += 1
                else:
                    c["patterns with no event ([---]) skipped"] += 1
            else:
                c["patterns skipped"] += 1
            return None
        approx: list[str] = []
        code = self._with_reverse(code, passive, n)
        if body.count("*") != 1:
            self.issue(n, f"skipped: a pattern needs exactly one * for the verb (found {body.count('*')})")
            c["patterns skipped"] += 1
            return None
        pre_text, post_text = body.split("*")
        try:
            pre, post = _tokenize(pre_text), _tokenize(post_text)
            particle, elements, more = self._post(post, n)
            approx += more
            approx += self._pre(pre, elements)
        except _Skip as exc:
            if str(exc) != "reported above":
                self.issue(n, f"skipped: {exc}")
            c["patterns skipped"] += 1
            return None
        if approx:
            self.issue(n, "approximated: " + "; ".join(approx))
            c["patterns approximated"] += 1
        else:
            c["patterns converted exactly"] += 1
        return _Converted(particle, elements, code, not approx)

    def _pre(self, pre: list, elements: list[str]) -> list[str]:
        """Words before the verb: ``$`` (the subject is the source: dyad's default),
        ``+`` (the subject is the target: needs a ``PREP $`` after the verb), ``%``
        (compound actor), ``^``; anything else constrains the subject, which dyad
        patterns cannot."""
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
                if not elements:
                    raise _Skip("% (a compound subject, coded both ways) without other words: dyad has no such constraint, and without it this is the bare verb")
                approx.append("the compound marker % is dropped (dyad codes 'A and B met' as mutual for roots 04, 05, 06, 19)")
                continue
            rest.append(it)
        if rest:
            if not elements:
                raise _Skip(f"the words before the verb ({_show(rest)}) constrain the subject, which dyad patterns cannot; without them it is the bare verb")
            approx.append(f"the words before the verb ({_show(rest)}) are dropped: dyad patterns cannot constrain the subject")
        return approx

    def _post(self, items: list, n: int) -> tuple[str, list[str], list[str]]:
        """Words after the verb -> (particle, dyad elements, approximations)."""
        particle = ""
        els: list[str] = []  # dyad tokens, already joined per element
        approx: list[str] = []
        have_obj = have_target = False
        obj_el = None  # the object element, once there is one
        bare_pps: list[int] = []  # indexes in els of "PREP ?" placeholders
        i = 0
        first = True

        lower = str.lower
        while i < len(items):
            it = items[i]
            i += 1
            if it == "^":
                continue
            if it == "%":
                approx.append("the compound marker % is dropped")
                continue
            if it in ("+", "$"):
                if bare_pps and bare_pps[-1] == len(els) - 1:  # "(IN) $", "(AT) ^ +"
                    k = bare_pps.pop()
                    els[k] = els[k].replace("?", it)
                    have_target |= it == "+"
                elif it == "+" and not els and not have_target:
                    els.append("+")
                    have_target = True
                elif it == "+":
                    approx.append("a + after other words is dropped (dyad then takes the target from the object or a with/to/against phrase)")
                elif els and els[-1] == obj_el and not any(e.endswith(" $") for e in els):
                    # "+ * MONEY $": the source follows the object, as "from" does
                    els.append("from $")
                    approx.append("a $ after the object is read as (FROM $)")
                else:
                    raise _Skip("a $ right after the verb must be in a prepositional phrase, e.g. (FROM $)")
                first = False
                continue
            kind = it[0]
            if kind == "word" and lower(it[1]) in _DETERMINERS:
                continue  # "THEIR ^ ABOUT +": a determiner or possessive says nothing
            if kind == "word" and lower(it[1]) in _NEGATIONS:
                raise _Skip(f"{it[1]} (negation is decided by the coder, not by patterns)")
            if kind == "word" and first and not particle and lower(it[1]) in PARTICLES:
                particle = lower(it[1])
                first = False
                continue
            if kind == "pp":
                prep = lower(it[1])
                inner = it[2]
                if prep in PARTICLES and prep not in PREPOSITIONS and first and not particle:
                    particle = prep  # "(UP LICENSING)", "(OFF)"
                    first = False
                    if inner:
                        items = items[:i] + inner + items[i:]
                    continue
                if prep not in PREPOSITIONS:
                    raise _Skip(f"the preposition {it[1]!r} is not one dyad patterns know ({' '.join(sorted(PREPOSITIONS))})")
                self._pp(prep, inner, els, bare_pps, approx, n)
                have_target |= any(e.endswith(" +") for e in els)
                first = False
                continue
            if kind == "word" and lower(it[1]) in PREPOSITIONS and (i >= len(items) or items[i] == "^"):
                self._pp(lower(it[1]), [], els, bare_pps, approx, n)  # "* ACROSS": as (ACROSS)
                first = False
                continue
            if kind == "word" and lower(it[1]) in PREPOSITIONS:
                # TABARI style: a bare preposition with what follows ("ON &SOLUTION", "ABOUT +")
                nxt = items[i]
                i += 1
                inner = [nxt] if nxt in ("+", "$") or nxt[0] in ("word", "np") else None
                if inner is None:
                    raise _Skip(f"cannot read {it[1]} followed by a (...) group")
                self._pp(lower(it[1]), inner, els, bare_pps, approx, n)
                have_target |= any(e.endswith(" +") for e in els)
                first = False
                continue
            # a noun (or a synonym set, or a {multi word} noun)
            first = False
            if not have_obj and not (els and els[-1] == "+"):
                obj_el = self._words([it], n)
                els.append(obj_el)
                have_obj = True
            else:
                approx.append(f"{_show([it])} is dropped (a pattern constrains one object)")
        # A bare (PREP) names the target when nothing else does: "(WITH)", "(AGAINST)".
        for k in bare_pps:
            if not have_target:
                els[k] = els[k].replace("?", "+")
                have_target = True
            else:
                approx.append(f"the phrase ({els[k].split()[0].upper()}) is dropped (it has no words, and the target is named elsewhere)")
                els[k] = ""
        return particle, [e for e in els if e], approx

    def _pp(self, prep: str, inner: list, els: list[str], bare_pps: list[int], approx: list[str], n: int) -> None:
        """Append a prepositional element (and nested ones: "TO END OF EARTH")."""
        inner = [x for x in inner if not (isinstance(x, tuple) and x[0] == "word" and x[1].lower() in _DETERMINERS)]
        if not inner:
            els.append(f"{prep} ?")
            bare_pps.append(len(els) - 1)
            return
        if all(x == "^" for x in inner):
            approx.append(f"the phrase ({prep.upper()} ^) is dropped (any words: dyad needs a word, + or $)")
            return
        head: list = []
        rest: list = []
        role = ""
        for k, x in enumerate(inner):
            if x in ("+", "$"):
                if head or role:
                    approx.append(f"the {x} inside ({prep.upper()} ...) after other words is dropped")
                    continue
                role = x
                continue
            if x == "^":
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
        if role and not head:
            els.append(f"{prep} {role}")
        elif head:
            if role:
                approx.append(f"the {role} in ({prep.upper()} ...) is dropped")
            els.append(f"{prep} {self._words(head, n)}")
        if rest:
            first = rest[0]
            if first[0] == "pp":
                self._pp(first[1].lower(), first[2], els, bare_pps, approx, n)
                rest = rest[1:]
            else:
                nested_prep = first[1].lower()
                j = 1
                while j < len(rest) and not (isinstance(rest[j], tuple) and rest[j][0] in ("word",) and rest[j][1].lower() in PREPOSITIONS):
                    j += 1
                self._pp(nested_prep, rest[1:j], els, bare_pps, approx, n)
                rest = rest[j:]
                if rest:
                    self._pp(rest[0][1].lower(), rest[1:], els, bare_pps, approx, n)

    # -- writing ---------------------------------------------------------------

    def build(self) -> list[tuple[str, str, str]]:
        """Rows (code, pattern, source) for verbs/petrarch.tsv."""
        c = self.report.counts
        self._sets_fs = {k: frozenset(w.replace("_", " ") for w in v) for k, v in self.sets.items()}
        # bare verbs, then the patterns of their block, verb by verb
        for block in self.blocks.values():
            converted = [(n, self.convert(n, t)) for n, t in block.patterns]
            for v in block.verbs:
                raw = v.code_raw
                code, passive = self.codes.convert(raw, self.path, v.line)
                if code is None:
                    if raw.strip().startswith("---") or not raw.strip().partition(":")[0].strip():
                        c["verbs whose bare form is no event ([---])"] += 1
                else:
                    code = self._with_reverse(code, passive, v.line)
                    self._add(v.trigger, ([v.obj] if v.obj else []), code, not v.approx, v.line, v.trigger)
                for n, cv in converted:
                    if cv is None:
                        continue
                    trigger = v.trigger
                    if cv.particle:
                        if "_" in trigger:
                            self._conflict(n, v.trigger, "the verb already has a particle")
                            continue
                        trigger = f"{trigger}_{cv.particle}"
                    els = ([v.obj] if v.obj else []) + cv.elements
                    self._add(trigger, els, cv.code, cv.exact and not v.approx, n, v.trigger)
        for (n, reason), verbs in sorted(self.conflicts.items()):
            shown = ", ".join(sorted(verbs)[:6]) + (f" and {len(verbs) - 6} more" if len(verbs) > 6 else "")
            self.issue(n, f"skipped for {shown}: {reason}")
            c["pattern rows skipped (verb x pattern)"] += len(verbs)
        rows = []
        for (trigger, els), (code, exact, line, word) in self.rows.items():
            rows.append((code, " ".join([trigger, *els]), f"{self.name}:{line}"))
        c["pattern rows written (verb x pattern)"] += len(rows)
        return rows

    def _conflict(self, n: int, word: str, reason: str) -> None:
        self.conflicts.setdefault((n, reason), set()).add(word.lower())

    def _with_reverse(self, code: str, passive: str, n: int) -> str:
        """``A:B`` when [A:B] also codes target to source as B (verbs/*.tsv ``reverse``)."""
        if not passive or passive == "---":
            return code
        rev, _ = self.codes.convert(passive, self.path, n)
        return f"{code}:{rev}" if rev else code

    def _add(self, trigger: str, els: list[str], code: str, exact: bool, n: int, word: str) -> None:
        text = " ".join([trigger, *els])
        try:
            parse_pattern(text, code.partition(":")[0], "verb", f"{self.name}:{n}", self._sets_fs)
        except ValueError as exc:
            self._conflict(n, word, f"dyad cannot read {_verb_pattern(els)}: {exc}")
            return
        key = (trigger, tuple(els))
        old = self.rows.get(key)
        if old is None:
            self.rows[key] = [code, exact, n, word]
            return
        o_code, o_exact, o_line, o_word = old
        if o_line == n and o_code == code:
            return
        # An exact pattern beats an approximated one; otherwise the later line wins,
        # as in PETRARCH, which overwrites.
        if (exact, n) > (o_exact, o_line):
            if o_code != code:
                self._conflict(o_line, o_word, f"the same dyad pattern ({_verb_pattern(els)}) comes from line {n} [{code}], which wins")
            self.rows[key] = [code, exact, n, word]
        elif o_code != code:
            self._conflict(n, word, f"the same dyad pattern ({_verb_pattern(els)}) comes from line {o_line} [{o_code}], which wins")


def _verb_pattern(els: list[str]) -> str:
    return " ".join(["VERB", *els])


def _show(items: list) -> str:
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(it)
        elif it[0] == "word":
            out.append(it[1])
        elif it[0] == "np":
            out.append("{" + " ".join(it[1]) + "}")
        else:
            out.append("(" + " ".join([it[1], _show(it[2])]).strip() + ")")
    return " ".join(out)


# --- actors -----------------------------------------------------------------------


def _phrase(raw: str, file: str, n: int, report: ImportReport, case: str = "title") -> str:
    """A PETRARCH phrase (words joined by _ or blanks) as plain words."""
    p = _CONTROL.sub("", raw)
    if p != raw:
        report.add(file, n, "note: control characters removed from the phrase")
    words = p.replace("_", " ").replace("\t", " ").split()
    kept = [w for w in words if "(" not in w and ")" not in w and w != "|"]
    if len(kept) != len(words) and kept:
        report.add(file, n, f"approximated: the bracketed words of {raw.strip()!r} are dropped (dyad matches words)")
    words = [w.replace("|", "") for w in kept]
    if case == "lower":
        return " ".join(w.lower() for w in words)
    # A short one-word name is an acronym ("UN", "PLO", "NATO"): kept in capitals,
    # which dyad reads as "do not match in lower-case text". Other words get a
    # capital first ("United Nations"); matching ignores case either way.
    if len(words) == 1 and len(words[0]) <= 4:
        return words[0]
    return " ".join(w if "." in w else w[:1] + w[1:].lower() for w in words)


def _date(raw: str) -> date:
    """PETRARCH dates: YYMMDD (00-30 are 20YY) or YYYYMMDD."""
    if not raw.isdigit() or len(raw) not in (6, 8):
        raise ValueError(raw)
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = str(2000 + yy if yy <= 30 else 1900 + yy) + raw[2:]
    return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))


@dataclass
class _ActorCode:
    line: int
    code: str
    start: date | None = None
    end: date | None = None
    dated: bool = False


def _read_code(cell: str, file: str, n: int, report: ImportReport) -> _ActorCode | None:
    """``CODE``, ``CODE <D``, ``CODE >D``, ``CODE D-D`` (blanks anywhere)."""
    cell = cell.strip()
    if not cell:
        report.add(file, n, "skipped: empty [] code")
        return None
    m = re.match(r"^(\S+?)\s*([<>].*)$", cell)
    code, rest = (m.group(1), m.group(2)) if m else (cell.split()[0], " ".join(cell.split()[1:]))
    rest = rest.replace(" ", "")
    up = code.upper()
    if up in ("---", "+++", "###") or not up:
        report.add(file, n, f"skipped: [{cell}] means no actor code; dyad has no null actor" + (" (the other periods are kept)" if rest else ""))
        return None
    if not CODE_RE.match(up):
        report.add(file, n, f"skipped: actor code {code!r} is not made of 3-character CAMEO parts (dyad codes are like RUSGOV)")
        return None
    ac = _ActorCode(n, up)
    if not rest:
        return ac
    try:
        if rest.startswith("<"):
            ac.end = _date(rest[1:])
        elif rest.startswith(">"):
            ac.start = _date(rest[1:])
        elif "-" in rest:
            a, b = rest.split("-", 1)
            ac.start, ac.end = _date(a), _date(b)
            if ac.end < ac.start:
                report.add(file, n, f"skipped: [{cell}] ends before it starts")
                return None
        else:
            ac.start = _date(rest)
            report.add(file, n, f"approximated: [{cell}] has one date and no < or >; read as from that date on")
    except ValueError:
        report.add(file, n, f"skipped: cannot read the dates of [{cell}] (YYMMDD or YYYYMMDD, as <D, >D or D-D)")
        return None
    ac.dated = True
    return ac


@dataclass
class _Actor:
    file: str
    line: int
    phrases: list[str] = field(default_factory=list)
    codes: list[_ActorCode] = field(default_factory=list)


def _read_actors(path: str, report: ImportReport) -> list[_Actor]:
    name = Path(path).name
    out: list[_Actor] = []
    cur: _Actor | None = None
    for n, line in _read_lines(path, report):
        s = line.strip()
        codes_part = ""
        if "[" in s:
            i = s.index("[")
            s, codes_part = s[:i].strip(), s[i:]
        if s.startswith("+"):
            if cur is None:
                report.add(path, n, "skipped: synonym (+) before any actor")
                continue
            p = _phrase(s[1:], path, n, report)
            if p:
                cur.phrases.append(p)
        elif s:
            cur = _Actor(name, n)
            out.append(cur)
            p = _phrase(s, path, n, report)
            if p:
                cur.phrases.append(p)
            else:
                report.add(path, n, f"skipped: no words in the actor phrase {s!r}")
        if codes_part:
            if cur is None:
                report.add(path, n, "skipped: code line before any actor")
                continue
            cells = re.findall(r"\[([^\]]*)\]", codes_part)
            leftover = re.sub(r"\[[^\]]*\]", "", codes_part).strip()
            if leftover:
                report.add(path, n, f"skipped: cannot read {leftover!r} after the codes")
            for cell in cells:
                ac = _read_code(cell, path, n, report)
                if ac is not None:
                    cur.codes.append(ac)
    return out


def _actor_rows(actors: list[_Actor], path: str, report: ImportReport) -> list[list[str]]:
    """named.tsv rows: dated codes first (the coder takes the first row whose period
    holds the story date), then the undated default."""
    c = report.counts
    rows = []
    for a in actors:
        if not a.phrases:
            continue
        if not a.codes:
            report.add(path, a.line, f"skipped: actor {a.phrases[0]!r} has no usable code" + (f" (nor its {len(a.phrases) - 1} synonym(s) below)" if len(a.phrases) > 1 else ""))
            c["actors skipped"] += 1
            continue
        starts = {ac.start for ac in a.codes if ac.start}
        c["actors"] += 1
        c["actor phrases"] += len(a.phrases)
        name, aliases = a.phrases[0], "|".join(dict.fromkeys(p for p in a.phrases[1:] if p != a.phrases[0]))
        for ac in sorted(a.codes, key=lambda x: not x.dated):
            end = ac.end
            if end and end in starts and end != ac.start:
                end = end - timedelta(days=1)  # as PETRARCH: a period ends the day before the next starts
            rows.append([name, aliases, ac.code, f"{a.file}:{ac.line}",
                         ac.start.isoformat() if ac.start else "", end.isoformat() if end else ""])
            c["actor codes dated" if ac.dated else "actor codes undated"] += 1
    return rows


# --- agents -----------------------------------------------------------------------


def _read_agents(path: str, report: ImportReport) -> list[list[str]]:
    c = report.counts
    name = Path(path).name
    markers: dict[str, list[str]] = {}
    rows: list[list[str]] = []
    for n, line in _read_lines(path, report):
        s = line.strip()
        if "!" in s and "=" in s and "[" not in s:
            m = re.match(r"^!([^!]+)!\s*=\s*(.*)$", s)
            if not m:
                report.add(path, n, f"skipped: cannot read the substitution marker {s!r} (!NAME! = A, B, C)")
                continue
            markers[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            c["agent substitution markers"] += 1
            continue
        if "[" not in s or "]" not in s:
            report.add(path, n, f"skipped: agent without a [~CODE]: {s!r}")
            c["agents skipped"] += 1
            continue
        phrase_part, _, rest = s.partition("[")
        cell = rest.partition("]")[0].replace(" ", "")
        if cell.startswith("~") and "~" not in cell[1:]:
            sector = cell[1:].upper()
        elif cell.endswith("~"):
            report.add(path, n, f"skipped: [{cell}] puts {cell[:-1]} before the country code (e.g. {cell[:-1]}ISR); dyad's agents.tsv only appends a sector after it")
            c["agents skipped (code before the country)"] += 1
            continue
        else:
            report.add(path, n, f"skipped: [{cell}] is no agent code (~CODE appends CODE after the country)")
            c["agents skipped"] += 1
            continue
        if not CODE_RE.match(sector):
            report.add(path, n, f"skipped: sector {sector!r} is not made of 3-letter CAMEO codes")
            c["agents skipped"] += 1
            continue
        phrase_part = phrase_part.strip()
        plurals: list[str] | None = None
        if "{" in phrase_part:
            if "}" not in phrase_part:
                report.add(path, n, "skipped: missing '}'")
                c["agents skipped"] += 1
                continue
            inner = phrase_part[phrase_part.index("{") + 1: phrase_part.index("}")]
            plurals = inner.split()
            phrase_part = phrase_part[: phrase_part.index("{")].strip()
        forms = [phrase_part]
        if "!" in phrase_part:
            m = re.search(r"!([^!]+)!", phrase_part)
            if not m or m.group(1) not in markers:
                report.add(path, n, f"skipped: substitution marker in {phrase_part!r} is not defined")
                c["agents skipped"] += 1
                continue
            forms = [phrase_part[: m.start()] + sub + phrase_part[m.end():] for sub in markers[m.group(1)]]
        phrases = [_phrase(f, path, n, report, case="lower") for f in forms]
        if plurals:
            phrases += [_phrase(p, path, n, report, case="lower") for p in plurals]
        elif plurals == []:
            c["agents with plural suppressed ({}): dyad still matches the plural"] += 1
        phrases = [p for p in dict.fromkeys(phrases) if p]
        if not phrases:
            report.add(path, n, "skipped: no words in the agent phrase")
            c["agents skipped"] += 1
            continue
        c["agents"] += 1
        for p in phrases:
            rows.append([p, sector, f"{name}:{n}"])
    return rows


# --- discards ---------------------------------------------------------------------


def _read_discards(path: str, report: ImportReport) -> list[list[str]]:
    c = report.counts
    name = Path(path).name
    rows = []
    for n, line in _read_lines(path, report):
        s = line.strip()
        scope = "sentence"
        if s.startswith("+"):
            scope, s = "story", s[1:]
        p = " ".join(_CONTROL.sub("", s).replace("_", " ").replace("\t", " ").split())
        if not p:
            report.add(path, n, "skipped: empty discard phrase")
            continue
        rows.append([p, scope, f"{name}:{n}"])
        c[f"discards ({scope})"] += 1
    return rows


# --- writing ----------------------------------------------------------------------


def _clean_cell(v: str) -> str:
    return v.replace("\t", " ").replace("\n", " ").strip()


def _write_tsv(path: Path, header: list[str], rows: list[list[str]] | list[tuple], note: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {note}\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(_clean_cell(str(x)) for x in r) + "\n")


def import_petrarch(verbs: str | None, actors: list[str], agents: str | None, discards: str | None,
                    ontology: str | None, out: str) -> ImportReport:
    """Convert PETRARCH dictionaries into the dyad lexicon directory ``out``.

    verbs: a verb-pattern dictionary (CAMEO.2.0.txt); actors: actor dictionaries;
    agents: an agents dictionary; discards: a discard list; ontology: PETRARCH's
    internal coding ontology (to turn internal codes such as 075A into CAMEO codes).
    Files are written only for the kinds given. Never raises on bad input lines.
    """
    t0 = time.perf_counter()
    outdir = Path(out)
    report = ImportReport(str(outdir))
    outdir.mkdir(parents=True, exist_ok=True)
    # PETRARCH codes the verb as written ("will contribute" is 070, not 033) and adds
    # reverse events only where a pattern says [A:B].
    _write_tsv(outdir / "settings.tsv", ["name", "value"],
               [("future_as_intent", "false"), ("reverse_mutual", "false")],
               "coder settings for dictionaries imported from PETRARCH")
    src = ", ".join(Path(p).name for p in [verbs, *actors, agents, discards] if p)
    note = f"imported from PETRARCH dictionaries ({src}) by dyad dict import-petrarch"

    if verbs:
        codes = _Codes(ontology, report)
        vi = _VerbImporter(verbs, codes, _Lemmas(), report)
        vi.read()
        rows = vi.build()
        _write_tsv(outdir / "verbs" / "sets_petrarch.tsv", ["name", "words"],
                   [[k, "|".join(v)] for k, v in vi.sets.items()], note)
        _write_tsv(outdir / "verbs" / "petrarch.tsv", ["code", "pattern", "kind", "reverse", "source"],
                   [[code.partition(":")[0], pat, "verb", code.partition(":")[2], where] for code, pat, where in rows], note)
        report.files["verbs"] = str(outdir / "verbs" / "petrarch.tsv")
        report.files["sets"] = str(outdir / "verbs" / "sets_petrarch.tsv")
    elif ontology:
        report.add(ontology, 0, "note: the ontology is only used to convert the codes of a verb file")
    if actors:
        rows = []
        for a in actors:
            rows += _actor_rows(_read_actors(a, report), a, report)
        _write_tsv(outdir / "actors" / "named.tsv", ["name", "aliases", "code", "role", "start", "end"], rows, note)
        report.counts["actor rows written"] += len(rows)
        report.files["actors"] = str(outdir / "actors" / "named.tsv")
    if agents:
        rows = _read_agents(agents, report)
        _write_tsv(outdir / "actors" / "agents.tsv", ["phrase", "sector", "source"], rows, note)
        report.counts["agent rows written"] += len(rows)
        report.files["agents"] = str(outdir / "actors" / "agents.tsv")
    if discards:
        rows = _read_discards(discards, report)
        _write_tsv(outdir / "discards.tsv", ["phrase", "scope", "source"], rows, note)
        report.files["discards"] = str(outdir / "discards.tsv")
    # issues in file order, then line order
    order = {str(p): k for k, p in enumerate([ontology, verbs, *actors, agents, discards]) if p}
    report.issues.sort(key=lambda i: (order.get(i.file, len(order)), i.line))
    report.seconds = time.perf_counter() - t0
    return report
