"""The rows of ``verbs/petrarch.tsv``: every verb of a block with every pattern of it,
one row per dyad pattern, ties between patterns settled and reported."""
from __future__ import annotations

from ..loader import parse_pattern
from .patterns import _Converted, _VerbContext, _with_reverse
from .verbfile import _Verb


class _Rows:
    def __init__(self, ctx: _VerbContext):
        self.ctx = ctx
        self.sets = ctx.sets.frozen()
        # (trigger, elements) -> [code, exact, pattern line, verb]
        self.rows: dict[tuple[str, tuple[str, ...]], list] = {}
        # (line, reason) -> the verbs whose row from that line was not written for it
        self.conflicts: dict[tuple[int, str], set[str]] = {}

    def add_verb(self, v: _Verb, converted: list[tuple[int, _Converted | None]]) -> None:
        """The bare verb, then the patterns of its block."""
        c = self.ctx.report.counts
        raw = v.code_raw
        code, passive = self.ctx.codes.convert(raw, self.ctx.path, v.line)
        if code is None:
            if raw.strip().startswith("---") or not raw.strip().partition(":")[0].strip():
                c["verbs whose bare form is no event ([---])"] += 1
        else:
            code = _with_reverse(self.ctx, code, passive, v.line)
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

    def finish(self) -> list[tuple[str, str, str]]:
        """Report the rows not written, one issue per line and reason; the rows
        (code, pattern, source) that were."""
        c = self.ctx.report.counts
        for (n, reason), verbs in sorted(self.conflicts.items()):
            shown = ", ".join(sorted(verbs)[:6]) + (f" and {len(verbs) - 6} more" if len(verbs) > 6 else "")
            self.ctx.issue(n, f"skipped for {shown}: {reason}")
            c["pattern rows skipped (verb x pattern)"] += len(verbs)
        rows = []
        for (trigger, els), (code, exact, line, word) in self.rows.items():
            rows.append((code, " ".join([trigger, *els]), f"{self.ctx.name}:{line}"))
        c["pattern rows written (verb x pattern)"] += len(rows)
        return rows

    def _conflict(self, n: int, word: str, reason: str) -> None:
        self.conflicts.setdefault((n, reason), set()).add(word.lower())

    def _add(self, trigger: str, els: list[str], code: str, exact: bool, n: int, word: str) -> None:
        text = " ".join([trigger, *els])
        try:
            parse_pattern(text, code.partition(":")[0], "verb", f"{self.ctx.name}:{n}", self.sets)
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
