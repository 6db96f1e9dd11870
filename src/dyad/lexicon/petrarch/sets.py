"""Synonym sets (``&NAME`` with ``+MEMBER`` lines) as dyad sets, and a pattern's words
(``{&SET WORD}``, ``&SET``, ``RELATIONS``) as the dyad words they stand for."""
from __future__ import annotations

import re
from itertools import product

from ..loader import is_lemma
from .lemmas import _Lemmas
from .report import ImportReport
from .tokens import _DETERMINERS, _Skip
from .verbfile import _VerbFile

_SET_NAME = re.compile(r"^&[A-Z][A-Z0-9_]*$")
_MAX_ALTERNATIVES = 400  # a {&SET &SET WORD} phrase expands to at most this many


class _SynonymSets:
    """The verb file's sets, named and expanded (``resolve``), and the words of
    pattern elements written with them."""

    def __init__(self, path: str, lemmas: _Lemmas, report: ImportReport):
        self.path, self.lemmas, self.report = path, lemmas, report
        self.sets: dict[str, list[str]] = {}  # dyad name -> words
        self.set_names: dict[str, str] = {}  # PETRARCH name -> dyad name

    def issue(self, line: int, reason: str) -> None:
        self.report.add(self.path, line, reason)

    def frozen(self) -> dict[str, frozenset[str]]:
        """The sets as ``parse_pattern`` takes them, words with spaces."""
        return {k: frozenset(w.replace("_", " ") for w in v) for k, v in self.sets.items()}

    # -- the file's sets -------------------------------------------------------

    def resolve(self, f: _VerbFile) -> None:
        self._name(f)
        c = self.report.counts
        done: dict[str, list[str] | None] = {}
        for name in f.raw_sets:
            words = self._expand(f, name, (), done)
            c["synonym sets"] += 1
            c["synonym set members"] += len(f.raw_sets[name])
            if words:
                dy = self.set_names[name]
                self.sets[dy] = list(dict.fromkeys(self.sets.get(dy, []) + words))
            else:
                self.issue(f.set_lines[name], f"skipped: synonym set {name} has no member dyad can use; patterns using it are skipped")

    def _name(self, f: _VerbFile) -> None:
        for name in f.raw_sets:
            # "&AUXVERB_": the final _ only says "no plurals"; patterns may omit it
            dy = "&" + re.sub(r"[^A-Z0-9_]", "_", name[1:].upper()).rstrip("_")
            if not _SET_NAME.match(dy):
                dy = "&S_" + dy[1:]
            if dy != name and dy + "_" != name:
                self.issue(f.set_lines[name], f"note: synonym set {name} is written as {dy}")
            self.set_names[name] = dy
            self.set_names.setdefault(name.rstrip("_"), dy)
            self.set_names.setdefault(name.rstrip("_") + "_", dy)

    def _expand(self, f: _VerbFile, name: str, stack: tuple[str, ...], done: dict[str, list[str] | None]) -> list[str]:
        """The words of set ``name``, sets inside it expanded (``stack``: the sets
        being expanded around it, to catch a set inside itself)."""
        if name in done:
            return done[name] or []
        if name in stack:
            self.issue(f.set_lines[name], f"skipped: synonym set {name} contains itself")
            return []
        words: list[str] = []
        for n, member in f.raw_sets[name]:
            m = member.strip().rstrip("_").strip()
            if m.startswith("&"):
                ref = next((r for r in (m.split()[0], m.split()[0] + "_", m.split()[0].rstrip("_")) if r in f.raw_sets), None)
                if ref is None:
                    self.issue(n, f"skipped: synonym set {m} is not defined")
                    continue
                words += self._expand(f, ref, stack + (name,), done)
                continue
            alts = self.phrase_alternatives(m.replace("_", " ").split(), n, allow_sets=False)
            if alts is None:
                continue
            words += alts
        words = list(dict.fromkeys(words))
        done[name] = words
        return words

    # -- words of patterns -----------------------------------------------------

    def phrase_alternatives(self, words: list[str], n: int, allow_sets: bool = True) -> list[str] | None:
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

    def words(self, items: list, n: int) -> str:
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
        alts = self.phrase_alternatives(words, n)
        if alts is None:
            raise _Skip("reported above")
        return "|".join(alts)
