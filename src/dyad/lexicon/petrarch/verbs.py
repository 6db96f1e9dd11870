"""The PETRARCH verb dictionary: verb blocks, synonym sets and patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..loader import PREPOSITIONS, parse_pattern
from .codes import _Codes
from .lemmas import _Lemmas
from .report import ImportReport
from .tokens import (_DETERMINERS, _MODALS, _NEGATIONS, PARTICLES, _show, _Skip,
                     _tokenize)
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
            particle, elements, more = self._post(post, n)
            approx += more
            approx += self._pre(pre, elements, n)
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

    def _pre(self, pre: list, elements: list[str], n: int) -> list[str]:
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
        if len(rest) == 1 and rest[0][0] in ("word", "np") and self._is_noun(rest[0]):
            # "- {DEATH TOLL} * [190]": PETRARCH matches the words against the subject
            elements.append("subj:" + self.synsets.words(rest, n))
            return approx
        if rest:
            if not elements:
                raise _Skip(f"the words before the verb ({_show(rest)}) are not a noun naming the subject, which is all dyad patterns can say there; without them it is the bare verb")
            approx.append(f"the words before the verb ({_show(rest)}) are dropped: dyad patterns can only name the subject's noun")
        return approx

    def _is_noun(self, item) -> bool:
        """Is the (last) word of a pattern item a noun ("CABINETS", "{DEATH TOLL}"),
        not an adverb, modal or verb form ("HEAVILY", "WILL", "INDICATED")?"""
        word = (item[1] if item[0] == "word" else item[1][-1]).lower()
        if word.startswith("&"):
            return True
        if word in _MODALS or word.endswith("ly"):
            return False
        return self.lemmas.is_noun(word)

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
                obj_el = self.synsets.words([it], n)
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
            els.append(f"{prep} {self.synsets.words(head, n)}")
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
