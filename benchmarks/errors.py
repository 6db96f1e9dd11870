"""Sort the root-level errors of a `dyad evaluate --json` report into classes and count them.

    dyad evaluate ../shared/gold/news_dev.jsonl --json > report.json
    python benchmarks/errors.py report.json                 # the table
    python benchmarks/errors.py before.json after.json      # two reports side by side

Events are compared at root level, (source[:3], target[:3], CAMEO root), record by
record. What an exact match leaves over is paired off in this order, so that each error
is counted once, under the most specific class it fits:

* wrong source: a predicted and a gold event with the same root and target, different
  source;
* wrong target: the same root and source, different target;
* wrong code: the same source and target, a different root;
* missed, record silent: a gold event in a record where nothing was predicted;
* missed: any other gold event left over;
* false alarm: a predicted event in a record whose gold has no event;
* extra event: any other predicted event left over.

The classes are what docs/ACCURACY.md reports before and after a change to the coder.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from dyad.coding.evaluate import normalise_actor

CLASSES = ("wrong source", "wrong target", "wrong code", "missed, record silent", "missed",
           "false alarm", "extra event")

Key = tuple[str, str, str]


def _keys(events: list[dict]) -> list[Key]:
    """Root-level keys as the scorer makes them (legacy country codes mapped, ``---``
    empty); an event without a CAMEO code is not scored."""
    return [(normalise_actor(e.get("source"), 3), normalise_actor(e.get("target"), 3), str(e["cameo"]).strip()[:2])
            for e in events if str(e.get("cameo") or "").strip()]


def _pair_off(gold: list[Key], pred: list[Key], same) -> int:
    """Remove pairs for which ``same(g, p)`` holds, first come first paired; return how many."""
    n = 0
    for g in list(gold):
        p = next((p for p in pred if same(g, p)), None)
        if p is not None:
            gold.remove(g)
            pred.remove(p)
            n += 1
    return n


def classify(record: dict) -> Counter:
    """The error classes of one record of an evaluate report."""
    gold, pred = _keys(record["gold"]), _keys(record["predicted"])
    counts: Counter = Counter()
    _pair_off(gold, pred, lambda g, p: g == p)
    counts["wrong source"] = _pair_off(gold, pred, lambda g, p: g[1:] == p[1:])
    counts["wrong target"] = _pair_off(gold, pred, lambda g, p: (g[0], g[2]) == (p[0], p[2]))
    counts["wrong code"] = _pair_off(gold, pred, lambda g, p: g[:2] == p[:2])
    counts["missed, record silent" if not _keys(record["predicted"]) else "missed"] = len(gold)
    counts["false alarm" if not _keys(record["gold"]) else "extra event"] = len(pred)
    return counts


def count(report: dict) -> Counter:
    total: Counter = Counter()
    for record in report["records"]:
        total.update(classify(record))
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="+", type=Path, help="`dyad evaluate --json` outputs")
    args = ap.parse_args()
    counts = [count(json.loads(p.read_text(encoding="utf-8"))) for p in args.reports]
    print("| class | " + " | ".join(p.stem for p in args.reports) + " |")
    print("|---|" + "---|" * len(counts))
    for c in CLASSES:
        print(f"| {c} | " + " | ".join(str(n[c]) for n in counts) + " |")
    print("| all errors | " + " | ".join(str(sum(n.values())) for n in counts) + " |")


if __name__ == "__main__":
    main()
