"""Reading a PETRARCH verb file: its verb blocks, their verbs and patterns, and its
synonym sets as written. Nothing is translated here except the verbs themselves."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..loader import PREPOSITIONS, is_lemma
from .lemmas import _Lemmas
from .report import ImportReport, _read_lines
from .tokens import _CONJUNCTIONS, PARTICLES


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
class _VerbFile:
    """The verb file as read: blocks by name, and each synonym set's ``+`` lines."""

    blocks: dict[str, _Block] = field(default_factory=dict)
    raw_sets: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # name -> (line, member)
    set_lines: dict[str, int] = field(default_factory=dict)  # name -> line of its first definition


def _read_verb_file(path: str, lemmas: _Lemmas, report: ImportReport) -> _VerbFile:
    reader = _Reader(path, lemmas, report)
    for n, line in _read_lines(path, report):
        reader.line(n, line.strip())
    return reader.file


class _Reader:
    """Reads the file line by line; a line is read in the light of the block or the
    synonym set open above it."""

    def __init__(self, path: str, lemmas: _Lemmas, report: ImportReport):
        self.path, self.lemmas, self.report = path, lemmas, report
        self.file = _VerbFile()
        self.block: _Block | None = None
        self.block_code = "---"
        self.cur_set: str | None = None  # the set whose + lines follow, if any

    def issue(self, line: int, reason: str) -> None:
        self.report.add(self.path, line, reason)

    def line(self, n: int, s: str) -> None:
        if s.startswith("---"):
            self.block_header(n, s)
        elif s.startswith("&"):
            self.set_header(n, s)
        elif s.startswith("+") and self.cur_set:
            self.file.raw_sets[self.cur_set].append((n, s[1:].strip()))
        elif s.startswith("~"):
            self.issue(n, "skipped: verb transformations (~ ... = ...) have no dyad equivalent")
            self.report.counts["transformations skipped"] += 1
        elif s.startswith("-") or (s.startswith("*") and "[" in s):
            self.pattern(n, s)
        else:
            self.verb_line(n, s)

    def block_header(self, n: int, s: str) -> None:
        m = re.match(r"^-{3,}\s*(.*?)\s*(?:\[([^\]]*)\])?\s*-*\s*$", s)
        name = (m.group(1) if m else "").strip() or f"block@{n}"
        self.block_code = (m.group(2) if m and m.group(2) is not None else "---").strip()
        block = self.file.blocks.get(name)
        if block is None:
            block = self.file.blocks[name] = _Block(name, n, self.block_code)
            self.report.counts["verb blocks"] += 1
        else:
            # PETRARCH keys patterns by block name: a block opened again shares them
            self.issue(n, f"note: block {name} is opened again; its verbs share the patterns of line {block.line}")
        self.block, self.cur_set = block, None

    def set_header(self, n: int, s: str) -> None:
        name = s.split()[0]
        self.cur_set = name
        if name in self.file.raw_sets:
            self.issue(n, f"note: synonym set {name} is defined again; the members are merged")
        self.file.raw_sets.setdefault(name, [])
        self.file.set_lines.setdefault(name, n)

    def pattern(self, n: int, s: str) -> None:
        if self.block is None:
            self.issue(n, "skipped: pattern outside a verb block (no '--- NAME [code] ---' before it)")
            return
        if s.startswith("*"):
            self.issue(n, "note: pattern line without its leading '-'; read as a pattern")
        self.report.counts["patterns read"] += 1
        self.block.patterns.append((n, s.lstrip("-").strip()))
        self.cur_set = None

    def verb_line(self, n: int, s: str) -> None:
        self.cur_set = None
        if self.block is None:
            self.issue(n, f"skipped: {s!r} is neither a synonym set, a verb block nor a pattern")
            return
        verb = self._verb(n, s)
        if verb is not None:
            self.block.verbs.append(verb)

    def _verb(self, n: int, s: str) -> _Verb | None:
        """``SAY {SAID SAYS} [010] ; comment``: the forms are left to the lemmatizer."""
        s = s.split(";", 1)[0].strip()  # TABARI comments
        code_raw = None
        m = re.search(r"\[([^\]]*)\]\s*$", s)
        if m:
            code_raw, s = m.group(1).strip(), s[: m.start()].strip()
        if "{" in s:
            forms = s[s.index("{") + 1: s.index("}")] if "}" in s else ""
            self.report.counts["verb forms (left to the lemmatizer)"] += len(forms.split())
            s = (s[: s.index("{")] + (s[s.index("}") + 1:] if "}" in s else "")).strip()
        toks = s.split()
        if len(toks) != 1:
            self.issue(n, f"skipped: verb line {s!r} should hold one verb (words joined by _)")
            return None
        return self._verb_word(n, toks[0], code_raw if code_raw is not None else self.block_code)

    def _verb_word(self, n: int, word: str, code_raw: str) -> _Verb | None:
        """``+CARRY_OUT``, ``+GIVE_NOTICE``, ``RE_+ARREST``: the word marked ``+`` is
        the verb; a particle or preposition after it joins the trigger, another word
        is its object, and words before it cannot be said."""
        c = self.report.counts
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
        v = _Verb(n, word, trigger, obj, code_raw, "; ".join(approx))
        if v.approx:
            self.issue(n, f"approximated: {v.approx}")
        return v
