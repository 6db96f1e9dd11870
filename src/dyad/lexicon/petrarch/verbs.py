"""The PETRARCH verb dictionary: verb blocks, synonym sets and patterns.

The file is read as written (``verbfile``), its synonym sets named and expanded
(``sets``), each pattern line translated once (``patterns``, with the words around the
verb in ``elements``), and every verb of a block written with every pattern of it
(``rows``).
"""
from __future__ import annotations

from .codes import _Codes
from .lemmas import _Lemmas
from .patterns import _convert, _VerbContext
from .report import ImportReport
from .rows import _Rows
from .sets import _SynonymSets
from .verbfile import _read_verb_file


def _import_verbs(path: str, codes: _Codes, lemmas: _Lemmas,
                  report: ImportReport) -> tuple[dict[str, list[str]], list[tuple[str, str, str]]]:
    """The synonym sets (dyad name -> words) and the rows (code, pattern, source) of
    ``verbs/petrarch.tsv``; what was not converted is in ``report``."""
    f = _read_verb_file(path, lemmas, report)
    sets = _SynonymSets(path, lemmas, report)
    sets.resolve(f)
    ctx = _VerbContext(path, codes, lemmas, sets, report)
    rows = _Rows(ctx)
    for block in f.blocks.values():
        # a pattern is translated once, and written for every verb of its block
        converted = [(n, _convert(ctx, n, text)) for n, text in block.patterns]
        for v in block.verbs:
            rows.add_verb(v, converted)
    return sets.sets, rows.finish()
