"""PETRARCH event codes and the internal coding ontology (PICO)."""
from __future__ import annotations

import re

from .report import ImportReport, _read_lines

# What a negation subtracts from an internal value (PETRARCH2's VerbPhrase.get_lower).
NEGATION = 0xFFFF


class _Codes:
    """PETRARCH event codes -> CAMEO codes of dyad's ontology.

    A CAMEO code stays as it is. Other codes go through the PETRARCH internal coding
    ontology when given, as PETRARCH does (the code itself, else its first two digits
    + "0"), and back to the CAMEO code with the same internal value; without the
    ontology, the longest prefix that is a CAMEO code is used. A code none of this
    reaches is the dictionary's own, kept as written (``own``, no CAMEO fallback).
    """

    def __init__(self, ontology_file: str | None, report: ImportReport):
        from .. import ontology

        self.known = frozenset(ontology.all_codes())
        self.report = report
        self.pico: dict[str, int] = {}
        if ontology_file:
            self._read_ontology(ontology_file)
        self.cache: dict[str, tuple[str | None, str]] = {}
        # codes of the ontology that CAMEO lacks, kept as event codes of their own, and
        # the CAMEO code they fall back to (Goldstein, quad class, PLOVER)
        self.own: dict[str, str] = {}

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

    def negations(self) -> list[tuple[str, str]]:
        """``(code, negated code)`` for every CAMEO code of the ontology whose negation
        is a CAMEO code.

        PETRARCH2 codes a negated verb as its internal value minus ``0xFFFF`` and keeps
        the event only when some code has that value: an ontology that gives 110
        ``0xFFFF + 0x80`` makes "did not clash" 050 (0x80), and 120 ``-0xFFFF`` makes
        "did not meet" nothing. Where several codes share a value, the first in the
        file is used, which is the general one in PETRARCH's ordering.
        """
        usable = self.known | self.own.keys()
        by_value: dict[int, str] = {}
        for code, value in self.pico.items():
            if code in usable:
                by_value.setdefault(value, code)
        out = []
        for code, value in self.pico.items():
            negated = by_value.get(value - NEGATION)
            if code in usable and negated:
                out.append((code, negated))
        return out

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
                if pre and key == code:
                    # PETRARCH writes the code that has the value back: 1951 stays 1951
                    self.own[code] = pre
                    return code, "kept: the ontology defines it"
                if pre:
                    return pre, "ontology value has no CAMEO code; used its CAMEO prefix"
        else:
            pre = self._prefix(code)
            if pre:
                return pre, "prefix"
        if _OWN_CODE.match(code):
            # A dictionary may code outside CAMEO ("--- ARREST [212] ---"): PETRARCH
            # writes such a code as it stands, and so does dyad, with no CAMEO code to
            # take a Goldstein score, quad class or PLOVER type from.
            self.own[code] = ""
            return code, "kept: no CAMEO code"
        return None, f"code {code} is not a CAMEO code" + ("" if self.pico else " (give --ontology to convert internal codes)")

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
            elif active in self.own and self.own[active]:
                self.report.codes[active] = code
                self.report.counts["event codes kept from the ontology (codes.tsv)"] += 1
            elif active in self.own:
                self.report.codes[active] = code
                self.report.counts["event codes outside CAMEO kept as written (codes.tsv)"] += 1
                self.report.add(file, line, f"note: code {code} is neither CAMEO nor derived from it: kept as written, "
                                            "without Goldstein score, quad class or PLOVER type")
        code, how = self.cache[active]
        if code is None:
            self.report.add(file, line, f"skipped: {how}")
        return code, passive


# the shape of an event code dyad accepts in codes.tsv (lexicon._load_codes)
_OWN_CODE = re.compile(r"^\d{2}[0-9A-Za-z]{0,3}$")


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
