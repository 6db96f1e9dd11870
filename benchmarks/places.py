"""How often dyad's event place names the place the gold says the event happened.

    python benchmarks/places.py                  # plover_gsr, the records with a gold location
    python benchmarks/places.py --misses         # also list every record that misses
    python benchmarks/places.py --gold FILE      # any gold file whose records carry "location"

The records are coded as `dyad evaluate` codes them (`--scheme plover` for plover_gsr).
A record counts as a hit when the location of its FIRST predicted event (in output
order) has the gold name; a record with no event is a miss. Both names are compared
after the gazetteer's normalisation (``places.key``: case, accents, dots, hyphens,
"the"), without the words that say what kind of place it is ("town of", "province",
"city", "peninsula", ...), and the gold name may match either the name the gazetteer
gave the place ("Kathmandu") or the text it was read from ("Khatmandu"); a gold name
that the gazetteer (``places.resolve``) reads as the very place dyad gave counts too
("Bosnia" for the country dyad names "Bosnia and Herzegovina"). The rate with ANY event
of the record having the gold name is printed too.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from dyad.api import code_gold
from dyad.coding import places
from dyad.coding.coder import get_coder
from dyad.coding.evaluate import gold_scheme, load_gold

HERE = Path(__file__).resolve().parent
# Words that say what kind of place a name is, not which: "the town of Rafah", "Jaffna peninsula".
KIND_WORDS = {"of", "town", "city", "village", "province", "region", "district", "state", "peninsula",
              "capital", "port", "enclave", "county"}


def name_key(name: str) -> str:
    """A place name as compared here: the gazetteer's key without the words of kind."""
    return " ".join(w for w in places.key(name).split() if w not in KIND_WORDS)


def has_name(location: dict | None, gold_name: str) -> bool:
    """Does the event's location carry the gold place's name (as its name or its text)?"""
    if not location:
        return False
    want = name_key(gold_name)
    if want and want in {name_key(location.get("name") or ""), name_key(location.get("text") or "")}:
        return True
    same = places.resolve(gold_name, [location["country"]] if location.get("country") else [])
    return same is not None and (same.name, same.country) == (location.get("name"), location.get("country"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(HERE.parents[1] / "shared" / "gold" / "plover_gsr.jsonl"))
    ap.add_argument("--misses", action="store_true", help="list the records that miss")
    args = ap.parse_args()
    gold = [r for r in load_gold(args.gold) if r.get("location")]
    pred = code_gold(get_coder(None, (), True), gold, scheme=gold_scheme(gold))
    first = anyone = 0
    for r in gold:
        events = pred.get(r["id"]) or []
        locs = [e.get("location") for e in events]
        want = r["location"]["name"]
        hit = bool(locs) and has_name(locs[0], want)
        first += hit
        anyone += any(has_name(loc, want) for loc in locs)
        if args.misses and not hit:
            got = locs[0] if locs else None
            shown = f"{got['name']!r} from {got.get('text') or got.get('source')!r}" if got else "no event"
            print(f"- {r['id']}: gold {want!r}, dyad {shown}\n    {r['text']}")
    n = len(gold)
    print(f"place of the first event has the gold name: {first} of {n} ({first / n:.0%})")
    print(f"some event of the record has the gold name: {anyone} of {n} ({anyone / n:.0%})")


if __name__ == "__main__":
    main()
