"""Turn files, folders, archives, stdin and Python dicts into Articles.

A bad input never stops a run: each problem becomes a ``ReadIssue`` (file, line,
what is wrong and how to fix it) passed to ``on_error`` -- or printed to stderr --
and only the broken file or record is skipped.

Choices worth knowing:

* Encodings (``decode.py``): a byte-order mark, else UTF-8, else a guess by
  charset-normalizer, which is reported. A file that is mostly UTF-8 with a few stray
  bytes (typically cp1252 quotes) is kept with U+FFFD in their place and the
  offending lines are reported. Binary files are skipped.
* HTML is the exception: pages declare their own charset, so they are handed to
  trafilatura's decoder instead.
* Compressed files (``.gz``, ``.bz2``, ``.xz`` after any known suffix, e.g.
  ``corpus.jsonl.gz``) are read as what they contain, and ``.zip`` archives as
  folders: every member of a known type, in name order, hidden and unknown members
  skipped quietly. JSON Lines and CSV are read record by record as they are
  decompressed, never whole. A corrupt or truncated file is reported, with the
  line reached, and the stories read before it are kept.
* Ids: a file's id is its path relative to the folder given (or its name); a record
  without an ``id`` is ``file:line``; an archive member is ``archive.zip:member``
  (``archive.zip:member:line`` for its records); compression changes only the name
  (``corpus.jsonl.gz:3``). Records that carry an ``id`` keep it.
* File names are bytes on Linux; one that is not UTF-8 is written with ``\\xNN``
  escapes in ids and messages (``decode.printable``), so output stays valid UTF-8.
  Lone surrogates in records (a JSON ``"\\ud800"``) become U+FFFD in text and
  escapes in ids and other fields.
* stdin is JSONL when every non-empty line in its first 256 KiB starts with ``{``;
  a broken line is then reported, rather than the whole input being coded as one
  odd story. JSONL from stdin is streamed too (``zcat big.jsonl.gz | dyad code -``).
* A record whose date cannot be read is kept without a date (the default date
  is not used, since it was given for records that have none).
"""
from __future__ import annotations

import bz2
import csv
import email.utils
import gzip
import json
import lzma
import os
import re
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from .clean import looks_like_headline
from .decode import TextSource, printable, valid_text
from ..errors import MissingDependency
from ..model import Article

__all__ = ["ReadIssue", "SUFFIXES", "COMPRESSED", "articles_from_records", "kind_of", "read_paths"]

SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".csv": "csv"}
COMPRESSED: dict[str, Callable[[BinaryIO], BinaryIO]] = {
    ".gz": lambda f: gzip.GzipFile(fileobj=f, mode="rb"),
    ".bz2": bz2.BZ2File,
    ".xz": lzma.LZMAFile,
}
ARCHIVE = ".zip"
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%B %d %Y")
_EXAMPLE = '{"id": "a1", "text": "...", "date": "2015-10-15"}'
# What a broken compressed stream raises as it is read (BadGzipFile is an OSError,
# bz2's "Invalid data stream" too; a truncated file gives EOFError).
_CORRUPT = (OSError, EOFError, zlib.error, lzma.LZMAError, zipfile.BadZipFile)

# News stories in CSV exports exceed the csv module's 128 KiB default field limit.
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class ReadIssue:
    """A problem with one input file or record; ``line`` is None for whole files."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


Report = Callable[[ReadIssue], None]


def _to_stderr(issue: ReadIssue) -> None:
    print(issue, file=sys.stderr)


def read_paths(
    paths: list[str], date: str | None = None, on_error: Report | None = None
) -> Iterator[Article]:
    """Articles from files, folders (recursive), archives and ``-`` (stdin), in the order given.

    ``date`` is the story date for records that carry none; a malformed ``date``
    raises ValueError at once, since it is the caller's mistake, not the data's.
    """
    if isinstance(paths, (str, os.PathLike)):  # a lone path would be read letter by letter
        paths = [paths]
    return _read_paths([os.fspath(p) for p in paths], _default_date(date), on_error or _to_stderr)


def articles_from_records(
    records: Iterable[Mapping], date: str | None = None, on_error: Report | None = None
) -> Iterator[Article]:
    """Articles from dicts with ``text`` and optional ``id``, ``date``, ``title``,
    ``source``, ``url``; checked like file records, numbered from 1 in messages."""
    return _from_records(records, _default_date(date), on_error or _to_stderr)


def kind_of(name: str) -> tuple[str, str | None] | None:
    """(kind, compression suffix) of a file name: ``("jsonl", ".gz")`` for
    ``a.jsonl.gz``, ``("zip", None)`` for an archive, None for a type dyad does not read."""
    lower = name.lower()
    if lower.endswith(ARCHIVE):
        return "zip", None
    compression = next((c for c in COMPRESSED if lower.endswith(c)), None)
    if compression:
        lower = lower[: -len(compression)]
    kind = SUFFIXES.get(os.path.splitext(lower)[1])
    return (kind, compression) if kind else None


def _from_records(records: Iterable[Mapping], date: str | None, report: Report) -> Iterator[Article]:
    for n, rec in enumerate(records, 1):
        where = f"record {n}"
        if not isinstance(rec, Mapping):
            report(ReadIssue(where, None, f"expected a dict like {_EXAMPLE}, got {type(rec).__name__}"))
            continue
        art = _article(rec, f"record-{n}", where, ReadIssue(where, None, ""), date, report)
        if art:
            yield art


def _read_paths(paths: list[str], date: str | None, report: Report) -> Iterator[Article]:
    for p in paths:
        shown = printable(p)
        if p == "-":
            yield from _read_stdin(date, report)
        elif os.path.isdir(p):
            yield from _read_folder(Path(p), date, report)
        elif not os.path.exists(p):
            report(ReadIssue(shown, None, "no such file or folder; check the path"))
        elif kind_of(os.path.basename(p)) is None:
            report(ReadIssue(shown, None, f"unknown file type; dyad reads {_known()} (rename or convert the file)"))
        else:
            yield from _read_file(Path(p), printable(Path(p).name), date, report)


def _read_folder(root: Path, date: str | None, report: Report) -> Iterator[Article]:
    found = False
    for f in sorted(root.rglob("*"), key=lambda f: f.relative_to(root).parts):
        rel = f.relative_to(root)
        if _hidden(rel.parts) or kind_of(f.name) is None:
            continue
        if f.is_file():
            found = True
            yield from _read_file(f, printable(rel.as_posix()), date, report)
    if not found:
        report(ReadIssue(printable(str(root)), None, f"no files to read in this folder; dyad reads {_known()}"))


def _hidden(parts: Iterable[str]) -> bool:
    # __MACOSX holds the resource forks macOS adds to the archives it makes
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _known() -> str:
    return (", ".join(SUFFIXES) + f", each also compressed ({', '.join(COMPRESSED)}), and {ARCHIVE} archives "
            "of these")


def _read_file(path: Path, name: str, date: str | None, report: Report) -> Iterator[Article]:
    """``name`` is the file's id: its path relative to the folder given, or its file name."""
    where = printable(str(path))
    kind, compression = kind_of(path.name)
    try:
        f = open(path, "rb")
    except OSError as e:
        report(ReadIssue(where, None, f"cannot read the file ({e.strerror}); check its permissions"))
        return
    with f:
        if kind == "zip":
            yield from _read_zip(f, where, name, date, report)
        else:
            yield from _read_stream(f, kind, compression, where, name, date, report)


def _read_zip(source: BinaryIO, where: str, name: str, date: str | None, report: Report) -> Iterator[Article]:
    """Every member of a known type, in name order, as if the archive were a folder."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, *_CORRUPT) as e:
        report(ReadIssue(where, None, f"not a readable zip archive ({e}); skipped"))
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not _hidden(m.filename.split("/"))
                   and kind_of(m.filename.rsplit("/", 1)[-1])]
        if not members:
            report(ReadIssue(where, None, f"no files to read in this archive; dyad reads {_known()}"))
            return
        for member in sorted(members, key=lambda m: m.filename.split("/")):
            m_where, m_name = f"{where}:{printable(member.filename)}", f"{name}:{printable(member.filename)}"
            kind, compression = kind_of(member.filename.rsplit("/", 1)[-1])
            try:
                with archive.open(member) as f:
                    if kind == "zip":
                        yield from _read_zip(f, m_where, m_name, date, report)
                    else:
                        yield from _read_stream(f, kind, compression, m_where, m_name, date, report, packed=True)
            except (RuntimeError, NotImplementedError, *_CORRUPT) as e:  # encrypted, unknown method
                report(ReadIssue(m_where, None, f"cannot read this archive member ({e}); skipped"))


def _read_stream(raw: BinaryIO, kind: str, compression: str | None, where: str, name: str,
                 date: str | None, report: Report, packed: bool = False) -> Iterator[Article]:
    """The articles of one file's bytes, decompressed as they are read."""
    stream = COMPRESSED[compression](raw) if compression else raw
    lines_read = [0]

    def counted(lines: Iterable[str]) -> Iterator[str]:
        for line in lines:
            lines_read[0] += 1
            yield line

    def issue(line: int | None, message: str) -> None:
        report(ReadIssue(where, line, message))

    try:
        if kind == "html":
            yield from _html_articles(stream.read(), where, name, date, report)
            return
        text = TextSource(stream, issue, whole=kind == "text")
        if text.encoding is None:
            return
        if kind == "text":
            yield from _text_articles(text.read(), where, name, date, report)
        elif kind == "jsonl":
            yield from _jsonl_articles(counted(text.lines("\n")), where, name, date, report)
        else:
            yield from _csv_articles(counted(text.lines("")), where, name, date, report)
        text.finish()
    except _CORRUPT as e:
        what = "the compressed data is corrupt or truncated" if compression or packed else "cannot read further"
        if lines_read[0]:
            report(ReadIssue(where, lines_read[0] + 1, f"{what} ({e}); stopped here, the stories on the "
                                                       f"{lines_read[0]} lines before are kept"))
        else:
            report(ReadIssue(where, None, f"{what} ({e}); skipped"))


def _read_stdin(date: str | None, report: Report) -> Iterator[Article]:
    where = "<stdin>"
    stream = sys.stdin
    if stream is None:
        report(ReadIssue(where, None, "there is no standard input to read"))
        return
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream with no bytes underneath (a test, an embedding)
        text = stream.read()
        head, lines, source = text, lambda: text.split("\n"), None
    else:
        source = TextSource(buffer, lambda line, message: report(ReadIssue(where, line, message)))
        if source.encoding is None:
            return
        head, lines = source.head_text(), lambda: source.lines("\n")
        if not source.complete and "\n" in head:
            head = head[: head.rindex("\n")]  # the sample's last line may be cut
    if not head.strip() and (source is None or source.complete):
        report(ReadIssue(where, None, "standard input is empty; nothing to code"))
    elif _looks_jsonl(head):
        yield from _jsonl_articles(lines(), where, "stdin", date, report)
    else:
        yield _text_article(source.read() if source else text, "stdin", where, date)
    if source:
        source.finish()


def _looks_jsonl(text: str) -> bool:
    lines = [x for x in text.split("\n") if x.strip()]
    return bool(lines) and all(x.lstrip().startswith("{") for x in lines)


def _text_articles(text: str, where: str, name: str, date: str | None, report: Report) -> Iterator[Article]:
    if not text.strip():
        report(ReadIssue(where, None, "the file is empty; nothing to code"))
    else:
        yield _text_article(text, name, where, date)


def _text_article(text: str, doc_id: str, where: str, date: str | None) -> Article:
    text, _ = valid_text(text)
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    first = re.sub(r"^#{1,6}\s+", "", lines[0])
    # A headline needs a story under it; a lone line is the story itself.
    title = first if len(lines) > 1 and looks_like_headline(first) else None
    return Article(id=doc_id, text=text, date=date, title=title, origin=where)


def _jsonl_articles(lines: Iterable[str], where: str, name: str, date: str | None,
                    report: Report) -> Iterator[Article]:
    empty = True
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        empty = False
        here = ReadIssue(where, n, "")
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            report(_with(here, f"not valid JSON ({e.msg}, column {e.colno}); each line must be one "
                               f"JSON object such as {_EXAMPLE}"))
            continue
        if not isinstance(rec, dict):
            report(_with(here, f"expected a JSON object such as {_EXAMPLE}, got a {_json_type(rec)}"))
            continue
        art = _article(rec, f"{name}:{n}", f"{where}:{n}", here, date, report)
        if art:
            yield art
    if empty:
        report(ReadIssue(where, None, "the file is empty; nothing to code"))


def _csv_articles(lines: Iterable[str], where: str, name: str, date: str | None,
                  report: Report) -> Iterator[Article]:
    reader = csv.reader(lines)
    header: list[str] = []
    while not any(h.strip() for h in header):
        try:
            header = next(reader, None)
        except csv.Error as e:
            report(ReadIssue(where, reader.line_num, f"cannot parse the CSV header ({e}); skipped"))
            return
        if header is None:
            report(ReadIssue(where, None, "the file is empty; nothing to code"))
            return
    header = [h.strip().lower() for h in header]
    if "text" not in header:
        report(ReadIssue(where, reader.line_num, f"no 'text' column (found: {', '.join(header)}); the "
                                                 "first row must name the columns: id, text, date, ..."))
        return
    while True:
        n = reader.line_num + 1  # a quoted newline makes a record span lines; report its first
        here = ReadIssue(where, n, "")
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            report(_with(here, f"cannot parse this CSV row ({e}); check its quoting"))
            continue
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header):
            report(_with(here, f"{len(row)} fields but {len(header)} columns; quote fields that contain commas"))
            continue
        art = _article(dict(zip(header, row)), f"{name}:{n}", f"{where}:{n}", here, date, report)
        if art:
            yield art


def _html_tools():
    """trafilatura's extractor and decoder, imported on first use: they are slow to load
    and only HTML needs them."""
    try:
        import lxml_html_clean  # noqa: F401 -- justext imports it through lxml.html.clean
        import trafilatura
        from trafilatura.utils import decode_file
    except ImportError as exc:
        raise MissingDependency(_package(exc), "reading HTML pages") from exc
    return trafilatura.extract, decode_file


def _package(exc: ImportError) -> str:
    """The distribution to install for a failed import."""
    # lxml's stub for lxml.html.clean raises with no module name, only this message
    if "lxml_html_clean" in str(exc) or (exc.name or "").startswith("lxml_html_clean"):
        return "lxml_html_clean"
    return (exc.name or "trafilatura").split(".")[0].replace("_", "-")


def _html_articles(raw: bytes, where: str, name: str, date: str | None, report: Report) -> Iterator[Article]:
    extract, decode_file = _html_tools()
    html = decode_file(raw)
    found = extract(html, output_format="json", with_metadata=True, include_comments=False)
    meta = json.loads(found) if found else {}
    text = meta.get("text") or ""
    if not text.strip():
        text = _page_text(html)
        if text.strip():
            report(ReadIssue(where, None, "trafilatura found no article body; used all the page's text, which "
                                          "may include menus and footers (check that this is an article page)"))
    if not text.strip():
        report(ReadIssue(where, None, "no text found in this HTML page; nothing to code"))
        return
    rec = {
        "id": name,
        "text": text,
        "title": meta.get("title"),
        "date": meta.get("date"),
        "url": meta.get("url") or meta.get("source"),
        "source": meta.get("sitename") or meta.get("source-hostname") or meta.get("hostname"),
    }
    art = _article(rec, name, where, ReadIssue(where, None, ""), date, report)
    if art:
        yield art


class _TextOnly(HTMLParser):
    """Visible text of a page, one line per block element."""

    _SKIP = {"script", "style", "noscript", "template", "svg", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "header", "footer", "blockquote", "pre", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skipping += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def _page_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    lines = (" ".join(x.split()) for x in "".join(parser.parts).split("\n"))
    return "\n".join(x for x in lines if x)


def _article(
    rec: Mapping, default_id: str, origin: str, here: ReadIssue, date: str | None, report: Report
) -> Article | None:
    """Check one record; ``here`` locates messages about it."""
    text = rec.get("text")
    if text is None:
        report(_with(here, f"no 'text' field; give the story text as in {_EXAMPLE}"))
        return None
    if not isinstance(text, str):
        report(_with(here, f"'text' must be a string, not a {_json_type(text)}"))
        return None
    if not text.strip():
        report(_with(here, "'text' is empty; nothing to code (fill it in or remove the record)"))
        return None
    text, broken = valid_text(text)
    if broken:
        report(_with(here, f"{broken} lone surrogates (invalid escapes such as \\ud800) in 'text' read as "
                           "'\ufffd'"))
    doc_id = _optional(rec.get("id")) or default_id
    story_date = date
    given = _optional(rec.get("date"))
    if given:
        story_date = _normalise_date(given)
        if story_date is None:
            report(_with(here, f"cannot read date {given!r}; write it as YYYY-MM-DD (record kept without a date)"))
    return Article(
        id=doc_id,
        text=text,
        date=story_date,
        title=_optional(rec.get("title")),
        source=_optional(rec.get("source")),
        url=_optional(rec.get("url")),
        origin=origin,
    )


def _optional(value) -> str | None:
    if value is None:
        return None
    value = printable(str(value).strip())
    return value or None


def _with(here: ReadIssue, message: str) -> ReadIssue:
    return ReadIssue(here.path, here.line, message)


def _json_type(value) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "true/false", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _default_date(date: str | None) -> str | None:
    if date is None:
        return None
    norm = _normalise_date(date)
    if norm is None:
        raise ValueError(f"date {date!r} is not a date; write it as YYYY-MM-DD")
    return norm


def _normalise_date(value: str) -> str | None:
    """YYYY-MM-DD from ISO dates and timestamps, RFC 2822 (RSS) and spelled-out dates.

    The calendar date is the one written: ``2015-10-15T23:00:00-05:00`` stays the
    15th, since that is the day where the story was filed. Slashed day/month
    orders are ambiguous and rejected.
    """
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            pass
    return None


