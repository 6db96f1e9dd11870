"""CAMEO event codes, their PLOVER equivalents and the CAMEO actor types.

The tables live in ``dyad/data/ontology/`` (regenerate with ``tools/build_ontology.py``)
and are read on first use, once per process.
"""
from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    root: str


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_class: int
    modes: tuple[str, ...]
    definition: str


def _rows(filename: str) -> list[dict[str, str]]:
    text = (resources.files("dyad") / "data" / "ontology" / filename).read_text(encoding="utf-8")
    text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    # QUOTE_NONE: names such as "Make 'third-party' visit" must come through verbatim.
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def _cameo() -> dict[str, CameoCode]:
    return {
        r["code"]: CameoCode(r["code"], r["name"], float(r["goldstein"]), int(r["quad_class"]), r["code"][:2])
        for r in _rows("cameo.tsv")
    }


@cache
def _mapping() -> dict[str, tuple[str, str, str]]:
    return {r["cameo"]: (r["plover"], r["mode"], r["basis"]) for r in _rows("cameo2plover.tsv")}


@cache
def _plover_types() -> tuple[PloverType, ...]:
    return tuple(
        PloverType(r["type"], int(r["quad_class"]), tuple(m for m in r["modes"].split(",") if m), r["definition"])
        for r in _rows("plover.tsv")
    )


def _norm(code: str | int) -> str:
    if isinstance(code, int):
        # An int may have lost its leading zero (42 for "042"); the literal reading wins.
        for c in (str(code), str(code).zfill(2), "0" + str(code)):
            if c in _cameo():
                return c
    return str(code).strip()


def _unknown(code: str) -> KeyError:
    known = _cameo()
    near = difflib.get_close_matches(code, list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    return KeyError(
        f"unknown CAMEO code {code!r}: codes are 2-4 digit strings with a leading zero "
        f"for roots 01-09 (e.g. '042', '0211', '190'){hint}"
    )


def is_code(code: str) -> bool:
    return _norm(code) in _cameo()


def cameo(code: str) -> CameoCode:
    """Look up a CAMEO code; unknown codes raise KeyError naming near matches."""
    c = _norm(code)
    try:
        return _cameo()[c]
    except KeyError:
        raise _unknown(c) from None


def all_codes() -> list[str]:
    return list(_cameo())


def root(code: str) -> str:
    return cameo(code).root


def goldstein(code: str) -> float:
    return cameo(code).goldstein


def quad_class(code: str) -> int:
    return cameo(code).quad_class


def plover(code: str) -> tuple[str, str]:
    """(PLOVER type, mode) for a CAMEO code; mode is "" when the mapping gives none."""
    c = cameo(code).code
    event, mode, _ = _mapping()[c]
    return event, mode


def plover_basis(code: str) -> str:
    """Where the PLOVER mapping of a code comes from.

    ``table``: the published CAMEO->PLOVER table; ``parent:XXX``: inherited from the
    nearest listed parent; ``rule``: our own choice (statements 01x have no PLOVER
    counterpart, appeals 02x follow demands 10x). Coders may want to drop PLOVER
    labels on ``rule`` statements.
    """
    return _mapping()[cameo(code).code][2]


def plover_types() -> list[PloverType]:
    return list(_plover_types())


def plover_type(name: str) -> PloverType:
    for t in _plover_types():
        if t.name == name.upper():
            return t
    raise KeyError(f"unknown PLOVER type {name!r}; known: {', '.join(t.name for t in _plover_types())}")


@cache
def actor_types() -> dict[str, str]:
    return {r["code"]: r["label"] for r in _rows("actor_types.tsv")}


@cache
def religions() -> dict[str, str]:
    """CAMEO religion codes and their names."""
    return {r["code"]: r["label"] for r in _rows("religions.tsv")}
