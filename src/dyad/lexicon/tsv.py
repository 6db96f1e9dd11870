"""Reading lexicon files: tab-separated tables and word lists, every problem kept as a
``LexiconIssue(file, line, reason)`` so that one bad row never hides the others."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"^[^\W_][\w'\-.]*(?:_[\w'\-.]+)*$")


@dataclass(frozen=True)
class LexiconIssue:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


def is_lemma(w: str) -> bool:
    """A lower-case lemma, letters of any script, phrasal parts joined by ``_``."""
    return bool(_WORD.match(w)) and w == w.lower()


def _text(path: Path, issues: list[LexiconIssue]) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        issues.append(LexiconIssue(str(path), 0, f"cannot read file: {exc}"))
        return None


def read_tsv(path: Path, columns: list[str], issues: list[LexiconIssue]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line_number, row dict) for a TSV file with a header naming ``columns``."""
    text = _text(path, issues)
    if text is None:
        return
    header: list[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in columns if c not in header]
            if missing:
                issues.append(LexiconIssue(str(path), lineno, f"header lacks column(s) {', '.join(missing)}; expected {' / '.join(columns)} separated by tabs"))
                return
            continue
        if len(cells) > len(header):
            issues.append(LexiconIssue(str(path), lineno, f"{len(cells)} cells but the header has {len(header)}: check for stray tabs"))
            continue
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        yield lineno, row


def read_words(path: Path, issues: list[LexiconIssue]) -> Iterator[tuple[int, str]]:
    """Yield (line_number, word) for a word list: one lower-case lemma a line, ``#``
    comments and blank lines skipped."""
    text = _text(path, issues)
    if text is None:
        return
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if len(line.split()) > 1 or not is_lemma(line):
            issues.append(LexiconIssue(str(path), lineno, f"{line!r}: write one lower-case lemma a line (phrasal parts joined by _)"))
            continue
        yield lineno, line
