"""Score dyad on the gold sets and time it; prints the Markdown tables of docs/ACCURACY.md.

    python benchmarks/gold.py                      # every set, built-in lexicon
    python benchmarks/gold.py --suite petr2_gsr    # one set
    python benchmarks/gold.py --lexicon DIR --no-builtin

Sets: the four shared gold sets (../shared/gold: news_dev, real news sentences coded
under ../shared/gold/CONVENTIONS.md; petr2_gsr; plover_gsr; petr_validate), dyad's own wire-style development
set (benchmarks/dev_wire.jsonl), and petr_validate coded with its own PETR_Validate_*
dictionaries imported by `dyad dict import-petrarch` (built-in lexicon off).
Each set is coded with the scheme `dyad evaluate` picks for it: `--scheme plover` for
plover_gsr (labelled only with PLOVER types; an act done together is one event per
participant, without a target), `--scheme cameo` for the others. `plover_gsr+cameo`
shows plover_gsr coded with CAMEO's conventions instead (A->B and B->A).
"""
from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

from dyad.coding import places
from dyad.lexicon import ontology
from dyad.coding.evaluate import gold_scheme, load_gold, score
from dyad.model import Article
from dyad.api import code_gold
from dyad.coding.coder import Coder, get_coder

HERE = Path(__file__).resolve().parent
LEVELS = {"news_dev": ["root", "code", "plover", "detect"], "petr2_gsr": ["root", "code", "plover", "detect"], "plover_gsr": ["plover", "detect"],
          "plover_gsr+cameo": ["plover", "detect"],
          "petr_validate": ["root", "code", "detect"], "dev_wire": ["root", "code", "plover", "detect"],
          "petr_validate+dicts": ["root", "code", "detect"]}


def validation_coder(shared: Path) -> Coder:
    from dyad.lexicon.petrarch import import_petrarch

    d = shared / "dicts" / "petrarch"
    out = tempfile.mkdtemp(prefix="dyad-petr-validate-")
    import_petrarch(str(d / "PETR_Validate_verbs_2_02.txt"), [str(d / "PETR_Validate_actors_2_02.txt")],
                    str(d / "PETR_Validate_agents_2_02.txt"), str(d / "PETR_Validate_discards_2_02.txt"),
                    str(d / "PETR_Validate_Internal_Coding_Ontology_1_01.txt"), out)
    return Coder(lexicon_dirs=[out], builtin=False)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(HERE.parents[1] / "shared"))
    ap.add_argument("--lexicon", action="append", default=[])
    ap.add_argument("--no-builtin", action="store_true")
    ap.add_argument("--suite", action="append", help=f"one of {', '.join(LEVELS)} (repeatable)")
    args = ap.parse_args()
    shared = Path(args.shared)
    coder = get_coder(None, tuple(args.lexicon), not args.no_builtin)
    print(f"model {coder.nlp.meta['name']} {coder.nlp.meta['version']}, python {platform.python_version()}\n")
    print("| set | level | precision | recall | F1 | tp | fp | fn |")
    print("|---|---|---|---|---|---|---|---|")
    # The place and date tables load once per process: not part of the timing.
    list(coder.code_articles([Article("warm-up", "Russian troops shelled Kiev on Monday, officials said on March 3.", "2015-10-15")]))
    places.resolve("Kiev")
    places.resolve("Fallujah")  # a miss in the main index builds the alternate names
    speeds = []
    for suite in args.suite or list(LEVELS):
        path = HERE / "dev_wire.jsonl" if suite == "dev_wire" else shared / "gold" / f"{suite.split('+')[0]}.jsonl"
        this = validation_coder(shared) if suite == "petr_validate+dicts" else coder
        gold = load_gold(path)
        t0 = time.perf_counter()
        scheme = "cameo" if suite.endswith("+cameo") else gold_scheme(gold)
        pred = code_gold(this, gold, scheme=scheme)
        took = time.perf_counter() - t0
        speeds.append((suite, len(gold), took))
        rep = score(gold, pred, cameo_to_plover=lambda c: ontology.plover(c)[0] if ontology.is_code(c) else "")
        for level in LEVELS.get(suite, list(rep.levels)):
            if level in rep.levels:
                m = rep.levels[level]
                print(f"| {suite} | {level} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {m.tp} | {m.fp} | {m.fn} |")
    print()
    for suite, n, took in speeds:
        print(f"- {suite}: {n} records in {took:.1f} s = {n / took:.0f} sentences/s (warm model, one process)")


if __name__ == "__main__":
    main()
