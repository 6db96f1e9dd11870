"""Score dyad on the gold sets and time it; prints a Markdown table for docs/ACCURACY.md.

    python benchmarks/gold.py [--shared ../shared] [--lexicon DIR] [--no-builtin]
"""
from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from dyad import ontology
from dyad.evaluate import load_gold, score
from dyad.pipeline import code_gold, get_coder

SUITES = {"petr2_gsr": ["root", "code", "plover", "detect"], "plover_gsr": ["plover", "detect"],
          "petr_validate": ["root", "code", "detect"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--lexicon", action="append", default=[])
    ap.add_argument("--no-builtin", action="store_true")
    ap.add_argument("--suite", action="append")
    args = ap.parse_args()
    coder = get_coder(None, tuple(args.lexicon), not args.no_builtin)
    print(f"model {coder.nlp.meta['name']} {coder.nlp.meta['version']}, python {platform.python_version()}\n")
    print("| set | level | precision | recall | F1 | tp | fp | fn |")
    print("|---|---|---|---|---|---|---|---|")
    # Load the place and date tables before timing: they are a one-off start-up cost.
    from dyad.model import Article
    list(coder.code_articles([Article("warm-up", "Troops shelled Aleppo and Kiev on Monday, officials said on March 3.", "2015-10-15")]))
    speeds = []
    for suite in args.suite or SUITES:
        gold = load_gold(Path(args.shared) / "gold" / f"{suite}.jsonl")
        t0 = time.perf_counter()
        pred = code_gold(coder, gold)
        took = time.perf_counter() - t0
        speeds.append((suite, len(gold), took))
        rep = score(gold, pred, cameo_to_plover=lambda c: ontology.plover(c)[0])
        for level in SUITES.get(suite, rep.levels):
            if level in rep.levels:
                m = rep.levels[level]
                print(f"| {suite} | {level} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {m.tp} | {m.fp} | {m.fn} |")
    print()
    for suite, n, took in speeds:
        print(f"- {suite}: {n} records in {took:.1f} s = {n / took:.0f} sentences/s (warm model, one process)")


if __name__ == "__main__":
    main()
