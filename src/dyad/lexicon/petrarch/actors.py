"""PETRARCH actor, agent and discard dictionaries."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..loader import CODE_RE, NAMED_CODE_RE
from .report import ImportReport, _read_lines

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


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
    if up in ("---", "###") or not up:
        report.add(file, n, f"skipped: [{cell}] means no actor code; dyad has no null actor" + (" (the other periods are kept)" if rest else ""))
        return None
    if not NAMED_CODE_RE.match(up):
        report.add(file, n, f"skipped: cannot read the actor code {code!r} (letters, digits, / and +)")
        return None
    if not CODE_RE.match(up):
        # PETRARCH writes whatever code the dictionary gives (ELR/GAL, +++): so does dyad
        report.add(file, n, f"note: actor code {code!r} is not made of 3-character CAMEO parts; kept as written")
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
        place = "after"
        if cell.startswith("~") and "~" not in cell[1:]:
            sector = cell[1:].upper()
        elif cell.endswith("~") and "~" not in cell[:-1]:
            sector, place = cell[:-1].upper(), "before"  # [NGO~]: "MSF Arnor" is NGOARN
            c["agents before the country ([CODE~])"] += 1
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
        # PETRARCH adds the regular plural unless {} or {PLURALS} say otherwise; written
        # out, it also matches where the lemmatizer fails ("the Calenardhon Congresses")
        plural = "no" if plurals == [] else "yes"
        if plurals:
            phrases += [_phrase(p, path, n, report, case="lower") for p in plurals]
        elif plurals is None:
            phrases += [_plural(p) for p in phrases if p]
        else:
            c["agents without plural ({})"] += 1
        phrases = [p for p in dict.fromkeys(phrases) if p]
        if not phrases:
            report.add(path, n, "skipped: no words in the agent phrase")
            c["agents skipped"] += 1
            continue
        c["agents"] += 1
        for p in phrases:
            rows.append([p, sector, place, plural, f"{name}:{n}"])
    return rows


def _plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word."""
    head, sep, last = phrase.rpartition(" ")
    if re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return head + sep + last


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
