"""The import report, and reading and writing the files of an import."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..loader import LexiconIssue

# --- report -----------------------------------------------------------------------


# One line (or part of one) that was not converted as written: file, line, reason.
ImportIssue = LexiconIssue


@dataclass
class ImportReport:
    """What was converted (``counts``) and what was not (``issues``).

    Reasons start with ``skipped:`` (nothing written for it), ``approximated:``
    (written, with part of its meaning lost) or ``note:``. ``codes`` maps every event
    code of the verb file that is not a CAMEO code to the CAMEO code used (or ``""``).
    """

    out: str
    counts: Counter = field(default_factory=Counter)
    issues: list[ImportIssue] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # kind -> written file
    seconds: float = 0.0

    def add(self, file: str | Path, line: int, reason: str) -> None:
        self.issues.append(ImportIssue(str(file), line, reason))

    @property
    def skipped(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.reason.startswith("skipped")]

    @property
    def approximated(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.reason.startswith("approximated")]

    def format(self, issues: bool = True) -> str:
        lines = [f"imported into {self.out} in {self.seconds:.1f}s"]
        width = max((len(k) for k in self.counts), default=0)
        for k, v in self.counts.items():
            lines.append(f"  {k:<{width}}  {v}")
        if self.codes:
            lines.append("event codes that are not CAMEO codes, and the CAMEO code used:")
            lines.append("  " + ", ".join(f"{k}->{v or 'skipped'}" for k, v in sorted(self.codes.items())))
        lines.append(f"{len(self.issues)} issue(s): {len(self.skipped)} skipped, {len(self.approximated)} approximated")
        if issues:
            lines.extend(str(i) for i in self.issues)
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"out": self.out, "counts": dict(self.counts), "codes": self.codes, "files": self.files,
                "seconds": round(self.seconds, 2), "issues": [str(i) for i in self.issues]}


# --- reading ----------------------------------------------------------------------


def _read_lines(path: str | Path, report: ImportReport) -> list[tuple[int, str]]:
    """``(line number, text)`` of the non-empty lines, PETRARCH comments removed:
    ``#`` to the end of the line, ``<!-- ... -->`` (also over several lines)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        report.add(path, 0, f"skipped: cannot read file: {exc.strerror or exc}")
        return []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw.decode("latin-1")
        report.add(path, 0, f"note: not UTF-8 ({exc.reason} at byte {exc.start}); read as Latin-1")
    text = text.lstrip("\ufeff")
    out: list[tuple[int, str]] = []
    in_comment = False
    for n, line in enumerate(text.splitlines(), 1):
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!" in line:
            i = line.index("<!")
            j = line.find("-->", i)
            if j < 0:
                line, in_comment = line[:i], True
                break
            line = line[:i] + line[j + 3:]
        if "#" in line:
            line = line[: line.index("#")]
        if line.strip():
            out.append((n, line.rstrip()))
    return out


# --- writing ----------------------------------------------------------------------


def _clean_cell(v: str) -> str:
    return v.replace("\t", " ").replace("\n", " ").strip()


def _write_tsv(path: Path, header: list[str], rows: list[list[str]] | list[tuple], note: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {note}\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(_clean_cell(str(x)) for x in r) + "\n")
