"""The PETRARCH verb dictionary: verb blocks, synonym sets and patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..loader import parse_pattern
from .codes import _Codes
from .elements import after_verb, before_verb
from .lemmas import _Lemmas
from .report import ImportReport
from .tokens import _Skip, _tokenize
from .sets import _SynonymSets
from .verbfile import _Block, _read_verb_file

# --- verb dictionary --------------------------------------------------------------


@dataclass
class _Converted:
    particle: str
    elements: list[str]
    code: str
    exact: bool


class _VerbImporter:
    def __init__(self, path: str, codes: _Codes, lemmas: _Lemmas, report: ImportReport):
        self.path, self.codes, self.lemmas, self.report = path, codes, lemmas, report
        self.name = Path(path).name
        self.synsets = _SynonymSets(path, lemmas, report)
        self.sets = self.synsets.sets  # dyad name -> words
        self.blocks: dict[str, _Block] = {}
        # (trigger, elements) -> [code, exact, pattern line]
        self.rows: dict[tuple[str, tuple[str, ...]], list] = {}
        self.conflicts: dict[tuple[int, str], set[str]] = {}

    def issue(self, line: int, reason: str) -> None:
        self.report.add(self.path, line, reason)

    # -- reading ---------------------------------------------------------------

    def read(self) -> None:
        f = _read_verb_file(self.path, self.lemmas, self.report)
        self.blocks = f.blocks
        self.synsets.resolve(f)

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
            particle, elements, more = after_verb(self.synsets, post, n)
            approx += more
            approx += before_verb(self.synsets, self.lemmas, pre, elements, n)
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

    # -- writing ---------------------------------------------------------------

    def build(self) -> list[tuple[str, str, str]]:
        """Rows (code, pattern, source) for verbs/petrarch.tsv."""
        c = self.report.counts
        self._sets_fs = self.synsets.frozen()
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
