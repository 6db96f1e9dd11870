"""Reading an actor code: which part is the country, which the sectors, what to call it.

CAMEO actor codes are three-letter parts: a country or organisation type first, then
sectors (``RUSGOV``, ``SYRREBMIL``) or an organisation id (``IGOUNO``). The store labels
actors with this, and the GDELT export splits codes into its country, known-group,
religion and type columns.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import ontology
from .loader import builtin_dir
from .tsv import read_tsv


@dataclass(frozen=True)
class ActorCode:
    code: str
    country: str | None  # ISO3/CAMEO country code, when the code starts with one
    parts: tuple[str, ...]  # the three-letter parts after the country
    types: tuple[str, ...]  # parts that are CAMEO actor types (GOV, MIL, IGO, ...)
    religions: tuple[str, ...]  # parts that are CAMEO religion codes
    groups: tuple[str, ...]  # the rest: ids of known groups and organisations (UNO, TAL)
    label: str


@cache
def _names() -> dict[str, str]:
    """Code -> name, for countries, organisations, groups and named actors."""
    names: dict[str, str] = {}
    actors = builtin_dir() / "actors"
    for f, cols in (("countries.tsv", ["code", "name"]), ("organisations.tsv", ["code", "name"]),
                    ("groups.tsv", ["code", "name"])):
        for _, row in read_tsv(actors / f, cols, []):
            names.setdefault(row["code"], row["name"])
    return names


def split(code: str) -> ActorCode:
    code = (code or "").strip().upper()
    names = _names()
    types = ontology.actor_types()
    religions = ontology.religions()
    chunks = tuple(code[i:i + 3] for i in range(0, len(code), 3))
    country = chunks[0] if chunks and len(chunks[0]) == 3 and chunks[0] not in types and chunks[0] in names else None
    parts = chunks[1:] if country else chunks
    kinds = {"type": [], "religion": [], "group": []}
    for p in parts:
        kinds["type" if p in types else "religion" if p in religions else "group"].append(p)
    return ActorCode(code, country, parts, tuple(kinds["type"]), tuple(kinds["religion"]), tuple(kinds["group"]),
                     _label(code, country, parts, names, types, religions))


def _label(code, country, parts, names, types, religions) -> str:
    if code in names:
        return names[code]
    # The longest known prefix names the body ("IGOUNOPKO..." is a UN mission).
    for n in range(len(code) - 3, 2, -3):
        if code[:n] in names and code[:n] != country:
            head, rest = names[code[:n]], [code[i:i + 3] for i in range(n, len(code), 3)]
            break
    else:
        head, rest = (names[country] if country else ""), list(parts)
    words = [types.get(p) or religions.get(p) or p for p in rest]
    return ", ".join(x for x in [head, " ".join(words)] if x) or code
