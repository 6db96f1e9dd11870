"""Turn files, folders, stdin and Python dicts into Articles.

A bad input never stops a run: each problem becomes a ``ReadIssue`` (file, line,
what is wrong and how to fix it) passed to ``on_error`` -- or printed to stderr --
and only the broken file or record is skipped.

Choices worth knowing:

* Text is read as UTF-8 (a BOM is allowed; UTF-16 with a BOM too), whatever the
  locale, so a corpus reads the same everywhere. A file that is mostly UTF-8 with
  a few stray bytes (typically cp1252 quotes) is kept with U+FFFD in their place
  and the offending lines are reported; one with more than 2% undecodable bytes
  is in another encoding, would be garbled throughout, and is skipped.
* HTML is the exception: pages declare their own charset, so undecodable pages
  are handed to trafilatura's decoder instead.
* stdin is JSONL when every non-empty line starts with ``{``; a broken line is
  then reported, rather than the whole input being coded as one odd story.
* A record whose date cannot be read is kept without a date (the default date
  is not used, since it was given for records that have none).
"""
from __future__ import annotations

import codecs
import csv
import email.utils
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from .clean import looks_like_headline
from ..errors import MissingDependency
from ..model import Article

__all__ = ["ReadIssue", "SUFFIXES", "articles_from_records", "read_paths"]

SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".csv": "csv"}
_MAX_BAD_BYTES = 0.02
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%B %d %Y")
_EXAMPLE = '{"id": "a1", "text": "...", "date": "2015-10-15"}'

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
    """Articles from files, folders (recursive) and ``-`` (stdin), in the order given.

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
        if p == "-":
            yield from _read_stdin(date, report)
        elif os.path.isdir(p):
            yield from _read_folder(Path(p), date, report)
        elif not os.path.exists(p):
            report(ReadIssue(p, None, "no such file or folder; check the path"))
        elif Path(p).suffix.lower() not in SUFFIXES:
            report(ReadIssue(p, None, f"unknown file type; dyad reads {_known()} (rename or convert the file)"))
        else:
            yield from _read_file(Path(p), Path(p).name, date, report)


def _read_folder(root: Path, date: str | None, report: Report) -> Iterator[Article]:
    found = False
    for f in sorted(root.rglob("*"), key=lambda f: f.relative_to(root).parts):
        rel = f.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or f.suffix.lower() not in SUFFIXES:
            continue
        if f.is_file():
            found = True
            yield from _read_file(f, rel.as_posix(), date, report)
    if not found:
        report(ReadIssue(str(root), None, f"no files to read in this folder; dyad reads {_known()}"))


def _known() -> str:
    return ", ".join(SUFFIXES)


def _read_file(path: Path, name: str, date: str | None, report: Report) -> Iterator[Article]:
    """``name`` is the file's id: its path relative to the folder given, or its file name."""
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        report(ReadIssue(where, None, f"cannot read the file ({e.strerror}); check its permissions"))
        return
    kind = SUFFIXES[path.suffix.lower()]
    if kind == "html":
        yield from _html_articles(raw, where, name, date, report)
        return
    text = _decode(raw, where, report)
    if text is None:
        return
    if not text.strip():
        report(ReadIssue(where, None, "the file is empty; nothing to code"))
    elif kind == "text":
        yield _text_article(text, name, where, date)
    elif kind == "jsonl":
        yield from _jsonl_articles(text, where, name, date, report)
    else:
        yield from _csv_articles(text, where, name, date, report)


def _read_stdin(date: str | None, report: Report) -> Iterator[Article]:
    where = "<stdin>"
    stream = sys.stdin
    if stream is None:
        report(ReadIssue(where, None, "there is no standard input to read"))
        return
    buffer = getattr(stream, "buffer", None)
    text = _decode(buffer.read(), where, report) if buffer else stream.read()
    if text is None:
        return
    lines = [x for x in text.split("\n") if x.strip()]
    if not lines:
        report(ReadIssue(where, None, "standard input is empty; nothing to code"))
    elif all(x.lstrip().startswith("{") for x in lines):
        yield from _jsonl_articles(text, where, "stdin", date, report)
    else:
        yield _text_article(text, "stdin", where, date)


def _text_article(text: str, doc_id: str, where: str, date: str | None) -> Article:
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    first = re.sub(r"^#{1,6}\s+", "", lines[0])
    # A headline needs a story under it; a lone line is the story itself.
    title = first if len(lines) > 1 and looks_like_headline(first) else None
    return Article(id=doc_id, text=text, date=date, title=title, origin=where)


def _jsonl_articles(text: str, where: str, name: str, date: str | None, report: Report) -> Iterator[Article]:
    # split("\n"), not splitlines(): JSON strings may hold U+2028 and other line breaks.
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
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


def _csv_articles(text: str, where: str, name: str, date: str | None, report: Report) -> Iterator[Article]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] = []
    while not any(h.strip() for h in header):
        header = next(reader, None)
        if header is None:
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
    value = str(value).strip()
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


def _decode(raw: bytes, where: str, report: Report) -> str | None:
    """UTF-8 text of ``raw``, or None (reported) when it is in some other encoding."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            report(ReadIssue(where, None, "starts like UTF-16 but is not valid UTF-16; re-save it as UTF-8"))
            return None
    if b"\x00" in raw:
        report(ReadIssue(where, None, "contains NUL bytes, so it is not a text file; skipped"))
        return None
    text = raw.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    bad = _bad_lines(text)
    if not bad:
        return text
    n_bad = sum(bad.values())
    lines = ", ".join(map(str, list(bad)[:10])) + (", ..." if len(bad) > 10 else "")
    fix = "re-save it as UTF-8 (e.g. iconv -f cp1252 -t utf-8)"
    first = next(iter(bad))
    if n_bad > _MAX_BAD_BYTES * len(raw):
        report(ReadIssue(where, first, f"not UTF-8: {n_bad} undecodable bytes on lines {lines}; file skipped, {fix}"))
        return None
    report(ReadIssue(where, first, f"{n_bad} bytes that are not UTF-8 on lines {lines} read as '\ufffd'; {fix}"))
    return re.sub("[\udc80-\udcff]", "\ufffd", text)


def _bad_lines(text: str) -> dict[int, int]:
    """Line number -> count of undecodable bytes (surrogate escapes) on that line."""
    bad: dict[int, int] = {}
    for n, line in enumerate(text.split("\n"), 1):
        count = len(re.findall("[\udc80-\udcff]", line))
        if count:
            bad[n] = count
    return bad
