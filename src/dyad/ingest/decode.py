"""Bytes to text: the encoding of a file or stream, and names made safe to write.

The encoding is chosen from the first bytes (up to ``HEAD_BYTES``), then the whole
stream is decoded as it is read, so a multi-gigabyte JSON Lines file is never held in
memory:

1. a byte-order mark: UTF-8, UTF-32 LE/BE, UTF-16 LE/BE (UTF-32 is tested first: its
   little-endian mark ``FF FE 00 00`` begins with UTF-16's ``FF FE``, and reading UTF-32
   as UTF-16 gives a NUL after every letter, which once coded nothing, silently);
2. UTF-8. A few stray bytes (at most 2% of the sample: typically cp1252 quotes pasted
   into UTF-8) are read as U+FFFD and their lines reported; but stray bytes with no
   UTF-8 sequence anywhere in the sample make a Windows file (cp1252), whose few accents
   ("Café") no detector can place, and the choice is reported;
3. otherwise charset-normalizer guesses (cp1252, latin-1, Shift-JIS, UTF-16 without a
   mark, ...); the guess is reported, since it can be wrong. Bytes with NULs that are
   not UTF-16/32 text, or that no encoding fits, are binary: the file is skipped.

Bytes the chosen encoding cannot decode never raise: each becomes U+FFFD and its line
is reported once the stream has been read.

Names: file names on Linux are bytes. Python hands over the bytes that are not UTF-8
as lone surrogates (``b'caf\\xe9.txt'`` becomes ``'caf\\udce9.txt'``), which cannot be
written as UTF-8. ``printable`` writes each such byte as the four characters ``\\xNN``
(``caf\\xe9.txt``), like Python's ``backslashreplace``: readable, and the original bytes
can be recovered (unless a name really contains a backslash followed by ``x`` and two
hex digits). Any other lone surrogate, e.g. from a JSON ``"\\ud800"`` escape, is written
``\\ud800``. Ids and messages built from names use this form, so output is valid UTF-8
whatever the file system holds.
"""
from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO

from ..errors import MissingDependency

__all__ = ["HEAD_BYTES", "TextSource", "printable", "valid_text"]

HEAD_BYTES = 1 << 18  # 256 KiB: enough for charset-normalizer, small beside any corpus
_MAX_BAD_BYTES = 0.02
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Compressed data given a text suffix (or piped to stdin) is binary; say what it is.
_PACKED = (
    (re.compile(rb"\x1f\x8b"), "gzip-compressed"),
    (re.compile(rb"BZh[1-9]1AY&SY"), "bzip2-compressed"),
    (re.compile(rb"\xfd7zXZ\x00"), "xz-compressed"),
    (re.compile(rb"PK\x03\x04"), "zip archive"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_MARKED = re.compile("[\udc00-\udcff]")
_NON_ASCII = re.compile("[\u0080-\ud7ff\ue000-\U0010ffff]")  # a character UTF-8 decoded, not a marked byte
_MARK = "dyad.mark"


def _mark_bytes(exc: UnicodeError):
    # Like "surrogateescape", but for every byte value, so it also works for UTF-16 and
    # UTF-32 (surrogateescape cannot escape bytes below 0x80). Valid input never decodes
    # to a lone surrogate in any codec used here, so each one marks a bad byte.
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(_MARK, _mark_bytes)


def printable(name: str) -> str:
    """``name`` as valid UTF-8 text: an undecodable file-name byte as ``\\xNN``, another
    lone surrogate as ``\\udNNN`` (see the module docstring)."""
    return _SURROGATE.sub(_escape, name) if _SURROGATE.search(name) else name


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD (same length, so offsets hold),
    and how many there were."""
    found = len(_SURROGATE.findall(text))
    return (_SURROGATE.sub("\ufffd", text) if found else text), found


Report = Callable[[int | None, str], None]  # (line or None, message)


class TextSource:
    """The text of a binary stream, decoded in the encoding its first bytes show.

    ``encoding`` is None when the stream is not text (already reported). Read it with
    ``read()`` or ``lines()``, once, then call ``finish()`` to report undecodable bytes.
    """

    def __init__(self, stream: BinaryIO, report: Report, whole: bool = False):
        self._stream = stream
        self._report = report
        self.head = _read_up_to(stream, -1 if whole else HEAD_BYTES)
        self.complete = whole or len(self.head) < HEAD_BYTES  # the sample is all there is
        self._bad_lines: dict[int, int] = {}
        self.encoding = self._choose()

    # -- choosing the encoding ------------------------------------------------------

    def _choose(self) -> str | None:
        head = self.head
        for bom, name in _BOMS:
            if head.startswith(bom):
                self.head = head[len(bom):]
                return name
        packed = next((what for magic, what in _PACKED if magic.match(head)), None)
        if packed:
            self._report(None, f"holds {packed} data, not text; skipped (name it with its suffix, e.g. "
                               "corpus.jsonl.gz or news.zip, or unpack it)")
            return None
        if b"\x00" in head:
            guess = _guess(head)
            if guess and guess.startswith(("utf-16", "utf-32")):
                self._report(None, f"has no byte-order mark; read as {guess.upper()} (detected by "
                                   "charset-normalizer)")
                return guess
            self._report(None, "contains NUL bytes and is not UTF-16 or UTF-32 text, so it is not a text "
                               "file; skipped")
            return None
        sample = head.decode("utf-8", _MARK) if self.complete else codecs.getincrementaldecoder("utf-8")(_MARK).decode(head)
        bad = _count_marked(sample)
        if bad <= _MAX_BAD_BYTES * len(head):
            if bad and not _NON_ASCII.search(sample) and _fits(head, "cp1252"):
                # Not one UTF-8 sequence beside the stray bytes: a Windows-encoded file
                # whose accents are few ("Café" in English text), too few for a detector
                # to tell cp1252 from its neighbours; cp1252 is what Western text is saved in.
                self._report(None, "not UTF-8 (no UTF-8 sequence in it); read as cp1252, the Windows encoding "
                                   "of Western text (if accents look wrong, convert it, e.g. iconv -f latin1 -t utf-8)")
                return "cp1252"
            return "utf-8"  # stray bytes, if any, are reported line by line as they are read
        guess = _guess(head)
        if guess is None or guess in ("utf-8", "ascii"):
            self._report(None, f"not UTF-8 ({bad} undecodable bytes in the first {len(head):,}) and no other "
                               "encoding fits, so it is not a text file; skipped (if it is text, re-save "
                               "it as UTF-8)")
            return None
        self._report(None, f"not UTF-8; read as {guess} (guessed by charset-normalizer; if the text looks "
                           f"garbled, convert it, e.g. iconv -f {guess} -t utf-8)")
        return guess

    # -- reading --------------------------------------------------------------------

    def _wrapper(self, newline: str) -> io.TextIOWrapper:
        raw = io.BufferedReader(_Replay(self.head, self._stream))
        return io.TextIOWrapper(raw, encoding=self.encoding, errors=_MARK, newline=newline)

    def head_text(self) -> str:
        """The text of the sample the encoding was chosen from (its last line may be cut)."""
        decoder = codecs.getincrementaldecoder(self.encoding or "utf-8")(_MARK)
        return _MARKED.sub("\ufffd", decoder.decode(self.head, final=self.complete))

    def read(self) -> str:
        """All the text, line ends as in the file."""
        # A second mark is left when a file with one is converted again (UTF-8 with a
        # mark, then to UTF-16); kept, it sticks to the first word and changes its actor.
        text = self._wrapper("").read().lstrip("\ufeff")
        if _MARKED.search(text):
            for n, line in enumerate(text.split("\n"), 1):
                self._tally(line, n)
            text = _MARKED.sub("\ufffd", text)
        return text

    def lines(self, newline: str) -> Iterator[str]:
        """Lines as ``open(newline=newline)`` gives them: ``"\\n"`` splits only there (JSON
        strings may hold U+2028 and other line breaks), ``""`` as the csv module needs."""
        for n, line in enumerate(self._wrapper(newline), 1):
            if n == 1:
                line = line.lstrip("\ufeff")
            if _MARKED.search(line):
                self._tally(line, n)
                line = _MARKED.sub("\ufffd", line)
            yield line

    def _tally(self, line: str, n: int) -> None:
        count = _count_marked(line)
        if count:
            self._bad_lines[n] = count

    def finish(self) -> None:
        """Report the lines that held undecodable bytes, if any."""
        bad = self._bad_lines
        if not bad:
            return
        n_bad = sum(bad.values())
        lines = ", ".join(map(str, list(bad)[:10])) + (", ..." if len(bad) > 10 else "")
        enc = "UTF-8" if self.encoding == "utf-8" else f"valid {self.encoding}"
        self._report(next(iter(bad)), f"{n_bad} bytes that are not {enc} on lines {lines} read as '\ufffd'; "
                                      "re-save it as UTF-8 (e.g. iconv -f cp1252 -t utf-8)")


def _fits(head: bytes, encoding: str) -> bool:
    """Does ``head`` decode in ``encoding`` with no byte left over (cp1252 leaves five)?"""
    try:
        head.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _count_marked(text: str) -> int:
    return len(_MARKED.findall(text))


def _guess(head: bytes) -> str | None:
    """charset-normalizer's best encoding for ``head``, as a Python codec name."""
    try:
        from charset_normalizer import from_bytes
    except ImportError as exc:
        raise MissingDependency("charset-normalizer", "reading a file that is not UTF-8") from exc
    best = from_bytes(head).best()
    return codecs.lookup(best.encoding).name if best else None


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    if size < 0:
        return stream.read()
    parts, left = [], size
    while left > 0:
        chunk = stream.read(left)  # pipes and decompressors may return less than asked
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


class _Replay(io.RawIOBase):
    """``head`` (already read to choose the encoding), then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
