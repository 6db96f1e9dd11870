"""Import PETRARCH / TABARI dictionaries into a dyad lexicon directory.

``import_petrarch(verbs, actors, agents, discards, ontology, out)`` reads the PETRARCH
dictionary formats and writes dyad's (docs/LEXICON.md, "Importing PETRARCH
dictionaries"):

==========================  ==========================================================
PETRARCH                    dyad
==========================  ==========================================================
verb blocks and patterns    ``verbs/petrarch.tsv`` (one row per verb x pattern)
synonym sets ``&NAME``      ``verbs/sets_petrarch.tsv``
actors (with date ranges)   ``actors/named.tsv`` (one row per actor and code period)
agents ``[~SECTOR]``        ``actors/agents.tsv`` (``[SECTOR~]``: place before)
discards                    ``discards.tsv`` (``+PHRASE`` story, else sentence)
coding ontology (PICO)      ``negation.tsv`` (negated codes), ``codes.tsv`` (its own codes)
codes outside CAMEO         ``codes.tsv`` (no fallback), ``named.tsv`` (``ELR/GAL``, ``+++``)
(PETRARCH's way of coding)  ``settings.tsv``
==========================  ==========================================================

PETRARCH patterns are linear (``- * (TO PEACE &TREATY) [037]``); dyad's are read along
the dependency parse, so the translation is: verb lemma as trigger; the first noun
after ``*`` constrains the direct object; ``(PREP WORDS)`` becomes ``PREP word``;
``(PREP +)``, ``(PREP $)`` name the target or the source; ``{A B C}`` is a noun with
its modifiers (``a_b_c``). What dyad cannot say is dropped (an approximation) or the
pattern is skipped; either way the report names file, line and reason. Nothing here
raises on bad input: every line that is not converted is reported.

Modules: ``report`` (the import report, reading and writing files), ``codes`` (event
codes and the internal coding ontology), ``actors`` (actors, agents, discards), and for
the verb dictionary ``verbs`` (the whole of it, in order), ``verbfile`` (reading its
blocks, verbs, patterns and sets as written), ``sets`` (synonym sets and the words of
pattern elements), ``patterns`` (one pattern line), ``elements`` (the words around its
verb), ``rows`` (every verb x pattern, ties settled), ``tokens`` (pattern text as
items) and ``lemmas`` (spaCy's lemma tables).
"""
from __future__ import annotations

import time
from pathlib import Path

from .actors import _actor_rows, _read_actors, _read_agents, _read_discards
from .codes import _Codes
from .report import ImportIssue, ImportReport, _write_tsv
from .lemmas import _Lemmas
from .verbs import _import_verbs

__all__ = ["ImportIssue", "ImportReport", "import_petrarch"]


def import_petrarch(verbs: str | None, actors: list[str], agents: str | None, discards: str | None,
                    ontology: str | None, out: str) -> ImportReport:
    """Convert PETRARCH dictionaries into the dyad lexicon directory ``out``.

    verbs: a verb-pattern dictionary (CAMEO.2.0.txt); actors: actor dictionaries;
    agents: an agents dictionary; discards: a discard list; ontology: PETRARCH's
    internal coding ontology (to turn internal codes such as 075A into CAMEO codes,
    and to code negated verbs as PETRARCH does: ``negation.tsv``). Files are written only for the kinds given. Never raises on bad input lines.
    """
    t0 = time.perf_counter()
    outdir = Path(out)
    report = ImportReport(str(outdir))
    outdir.mkdir(parents=True, exist_ok=True)
    # PETRARCH codes the verb as written ("will contribute" is 070, not 033; "should
    # have acted" is an act), adds reverse events only where a pattern says [A:B], reads
    # actors from prepositional phrases, matches a pattern word against any word of a
    # noun phrase or later in the clause ("vowed to wage war"), and codes a phrase as
    # its actor's code followed by its agents' sectors.
    settings = [("future_as_intent", "false"), ("modals", "keep"), ("reverse_mutual", "false"),
                ("phrase_targets", "true"), ("modifier_words", "true"), ("combine_agents", "true"),
                ("complement_objects", "true")]
    src = ", ".join(Path(p).name for p in [verbs, *actors, agents, discards] if p)
    note = f"imported from PETRARCH dictionaries ({src}) by dyad dict import-petrarch"

    codes = _Codes(ontology, report) if (verbs or ontology) else None
    if verbs:
        sets, rows = _import_verbs(verbs, codes, _Lemmas(), report)
        _write_tsv(outdir / "verbs" / "sets_petrarch.tsv", ["name", "words"],
                   [[k, "|".join(v)] for k, v in sets.items()], note)
        _write_tsv(outdir / "verbs" / "petrarch.tsv", ["code", "pattern", "kind", "reverse", "source"],
                   [[code.partition(":")[0], pat, "verb", code.partition(":")[2], where] for code, pat, where in rows], note)
        report.files["verbs"] = str(outdir / "verbs" / "petrarch.tsv")
        report.files["sets"] = str(outdir / "verbs" / "sets_petrarch.tsv")
    if codes is not None and codes.own:
        _write_tsv(outdir / "codes.tsv", ["code", "cameo"], sorted(codes.own.items()),
                   "event codes the dictionaries use that CAMEO lacks, with the CAMEO code they fall back to (none: no Goldstein score, quad class or PLOVER type)")
        report.files["codes"] = str(outdir / "codes.tsv")
    if codes is not None and codes.pico:
        # PETRARCH codes a negated verb through the ontology ("did not clash" as 050)
        # instead of dropping it: the coder does the same with this table.
        negated = codes.negations()
        _write_tsv(outdir / "negation.tsv", ["code", "negated"], negated,
                   f"what a negated event becomes, from {Path(ontology).name} (value minus 0xFFFF)")
        settings.append(("negation", "pico"))
        report.counts["negation codes written"] += len(negated)
        report.files["negation"] = str(outdir / "negation.tsv")
    _write_tsv(outdir / "settings.tsv", ["name", "value"], settings,
               "coder settings for dictionaries imported from PETRARCH")
    if actors:
        rows = []
        for a in actors:
            rows += _actor_rows(_read_actors(a, report), a, report)
        _write_tsv(outdir / "actors" / "named.tsv", ["name", "aliases", "code", "role", "start", "end"], rows, note)
        report.counts["actor rows written"] += len(rows)
        report.files["actors"] = str(outdir / "actors" / "named.tsv")
    if agents:
        rows = _read_agents(agents, report)
        _write_tsv(outdir / "actors" / "agents.tsv", ["phrase", "sector", "place", "plural", "source"], rows, note)
        report.counts["agent rows written"] += len(rows)
        report.files["agents"] = str(outdir / "actors" / "agents.tsv")
    if discards:
        rows = _read_discards(discards, report)
        _write_tsv(outdir / "discards.tsv", ["phrase", "scope", "source"], rows, note)
        report.files["discards"] = str(outdir / "discards.tsv")
    # issues in file order, then line order
    order = {str(p): k for k, p in enumerate([ontology, verbs, *actors, agents, discards]) if p}
    report.issues.sort(key=lambda i: (order.get(i.file, len(order)), i.line))
    report.seconds = time.perf_counter() - t0
    return report
