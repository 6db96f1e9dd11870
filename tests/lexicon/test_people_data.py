"""Sanity checks for the people lexicon, src/dyad/data/actors/people.tsv.

Format (docs/LEXICON.md): UTF-8, tab-separated, one header line, blank lines and
lines starting with ``#`` ignored, ``|``-separated lists, dates ``YYYY-MM-DD``.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict

import pytest
from conftest import ROOT

PEOPLE = ROOT / "src" / "dyad" / "data" / "actors" / "people.tsv"
HEADER = ["name", "aliases", "code", "role", "start", "end"]
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE_RE = re.compile(r"^[A-Z]{6,}$")


def _read() -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return (header, [(line_number, row), ...]) skipping comments and blank lines."""
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    with PEOPLE.open(encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            text = line.rstrip("\r\n")
            if not text.strip() or text.startswith("#"):
                continue
            row = next(csv.reader([text], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = row
            else:
                rows.append((lineno, row))
    assert header is not None, "people.tsv has no header line"
    return header, rows


@pytest.fixture(scope="module")
def table():
    return _read()


@pytest.fixture(scope="module")
def rows(table):
    return table[1]


def _date(value: str) -> dt.date:
    assert DATE_RE.match(value), f"not YYYY-MM-DD: {value!r}"
    return dt.date.fromisoformat(value)


def test_header(table):
    assert table[0] == HEADER


def test_every_row_has_six_columns(rows):
    bad = [(n, len(r)) for n, r in rows if len(r) != len(HEADER)]
    assert not bad, f"rows with wrong column count (line, count): {bad[:10]}"


def test_no_stray_whitespace_or_empty_list_items(rows):
    bad = []
    for n, r in rows:
        if any(cell != cell.strip() for cell in r):
            bad.append((n, "whitespace"))
        if not r[0] or not r[3]:
            bad.append((n, "empty name or role"))
        if r[1] and any(not a.strip() or a != a.strip() for a in r[1].split("|")):
            bad.append((n, "empty/space-padded alias"))
    assert not bad, bad[:10]


def test_dates_parse(rows):
    bad = []
    for n, r in rows:
        start, end = r[4], r[5]
        try:
            _date(start)
            if end:
                _date(end)
        except (AssertionError, ValueError) as exc:
            bad.append((n, str(exc)))
    assert not bad, bad[:10]


def test_start_not_after_end(rows):
    bad = [(n, r[0], r[4], r[5]) for n, r in rows if r[5] and _date(r[4]) > _date(r[5])]
    assert not bad, bad[:10]


def test_codes_are_uppercase(rows):
    bad = [(n, r[2]) for n, r in rows if not CODE_RE.match(r[2])]
    assert not bad, bad[:10]


def test_enough_distinct_people(rows):
    names = {r[0] for _, r in rows}
    assert len(names) >= 400, f"only {len(names)} distinct people"


def test_no_duplicate_rows(rows):
    seen: dict[tuple[str, ...], int] = {}
    dups = []
    for n, r in rows:
        key = tuple(r)
        if key in seen:
            dups.append((seen[key], n))
        seen[key] = n
    assert not dups, f"duplicate rows (first line, repeat line): {dups[:10]}"


def test_same_person_ranges_do_not_overlap_with_different_codes(rows):
    far_future = dt.date(9999, 12, 31)
    by_name: dict[str, list[tuple[dt.date, dt.date, str, int]]] = defaultdict(list)
    for n, r in rows:
        end = _date(r[5]) if r[5] else far_future
        by_name[r[0]].append((_date(r[4]), end, r[2], n))
    clashes = []
    for name, spans in by_name.items():
        for i, (s1, e1, c1, n1) in enumerate(spans):
            for s2, e2, c2, n2 in spans[i + 1:]:
                if c1 != c2 and s1 <= e2 and s2 <= e1:
                    clashes.append((name, n1, c1, n2, c2))
    assert not clashes, f"overlapping ranges with different codes: {clashes[:10]}"


def test_same_person_has_same_aliases_on_every_row(rows):
    """Aliases describe the person, not the office, so rows of one person should agree."""
    aliases: dict[str, set[str]] = defaultdict(set)
    for _, r in rows:
        aliases[r[0]].add(r[1])
    differing = {name: sorted(a) for name, a in aliases.items() if len(a) > 1}
    assert not differing, list(differing.items())[:5]


@pytest.mark.parametrize(
    "name, date, code",
    [
        ("Dmitry Medvedev", "2010-01-01", "RUSGOV"),
        ("Dmitry Medvedev", "2015-06-01", "RUSGOV"),
        ("Aung San Suu Kyi", "2010-01-01", "MMROPP"),
        ("Aung San Suu Kyi", "2018-01-01", "MMRGOV"),
        ("Hibatullah Akhundzada", "2019-01-01", "AFGREB"),
        ("Hibatullah Akhundzada", "2022-01-01", "AFGGOV"),
        ("Ismail Haniyeh", "2006-06-01", "PSEGOV"),
        ("Ismail Haniyeh", "2020-01-01", "PSEREB"),
        ("Jens Stoltenberg", "2016-01-01", "IGOWSTNAT"),
        ("Ban Ki-moon", "2010-01-01", "IGOUNO"),
        # 1975-1999 leaders
        ("Ronald Reagan", "1985-06-01", "USAGOV"),
        ("Mikhail Gorbachev", "1987-12-08", "RUSGOV"),
        ("Eduard Shevardnadze", "1980-01-01", "GEOGOV"),
        ("Eduard Shevardnadze", "1988-01-01", "RUSGOV"),
        ("Yasser Arafat", "1982-06-01", "PSEGOV"),
        ("Muhammad Zia-ul-Haq", "1977-09-01", "PAKMIL"),
        ("Muhammad Zia-ul-Haq", "1985-01-01", "PAKGOV"),
        ("Lech Wałęsa", "1981-01-01", "POLOPP"),
        ("Lech Wałęsa", "1993-01-01", "POLGOV"),
        ("Nelson Mandela", "1988-01-01", "ZAFOPP"),
        ("Shimon Peres", "1980-01-01", "ISROPP"),
        ("Jonas Savimbi", "1985-01-01", "AGOREB"),
        ("Radovan Karadžić", "1994-01-01", "BIHREB"),
        ("Javier Pérez de Cuéllar", "1985-01-01", "IGOUNO"),
        ("Lord Carrington", "1986-01-01", "IGOWSTNAT"),
    ],
)
def test_known_people_resolve_by_date(rows, name, date, code):
    day = _date(date)
    hits = {
        r[2]
        for _, r in rows
        if r[0] == name and _date(r[4]) <= day and (not r[5] or day <= _date(r[5]))
    }
    assert hits == {code}
