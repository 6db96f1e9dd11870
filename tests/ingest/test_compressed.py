"""Compressed files and zip archives are read as what they contain, as a stream."""
import bz2
import gzip
import io
import json
import lzma
import zipfile

import pytest

from dyad.ingest.read import ReadIssue, kind_of, read_paths

RECORDS = [
    {"id": "r1", "text": "Russian troops attacked Ukrainian positions near Kharkiv."},
    {"text": "Germany pledged to send tanks to Ukraine."},
    {"id": "r3", "text": "Israel released 20 Palestinian prisoners on Tuesday."},
]
JSONL = "".join(json.dumps(r) + "\n" for r in RECORDS).encode()
PAGE = (b"<html><head><title>Chad and Niger agree patrols</title></head><body><article>"
        b"<p>Chad and Niger agreed on Monday to run joint patrols along their shared border, officials said.</p>"
        b"<p>The ministers of both countries met in N'Djamena to sign the accord.</p></article></body></html>")


def read(paths):
    issues: list[ReadIssue] = []
    arts = list(read_paths([str(p) for p in paths], on_error=issues.append))
    return arts, issues


@pytest.mark.parametrize("name, kind", [
    ("a.jsonl.gz", ("jsonl", ".gz")), ("A.CSV.GZ", ("csv", ".gz")), ("s.txt.bz2", ("text", ".bz2")),
    ("p.html.xz", ("html", ".xz")), ("x.zip", ("zip", None)), ("a.txt", ("text", None)),
    ("a.gz", None), ("a.tar.gz", None), ("a.zip.gz", None), ("a.pdf", None),
])
def test_kind_of_names(name, kind):
    assert kind_of(name) == kind


def test_each_compression_reads_as_what_it_holds(tmp_path):
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(JSONL))
    (tmp_path / "d.csv.gz").write_bytes(gzip.compress(b"id,text\nc1,Iran released two sailors.\n"))
    (tmp_path / "s.txt.bz2").write_bytes(bz2.compress("Egypt hosted talks on Sunday.\n".encode()))
    (tmp_path / "p.html.xz").write_bytes(lzma.compress(PAGE))
    (tmp_path / "u.md.xz").write_bytes(lzma.compress("Kenya recalled its envoy.".encode("utf-16")))
    arts, issues = read([tmp_path])
    assert issues == []
    assert [(a.id, a.origin.replace(str(tmp_path) + "/", "")) for a in arts] == [
        ("r1", "c.jsonl.gz:1"), ("c.jsonl.gz:2", "c.jsonl.gz:2"), ("r3", "c.jsonl.gz:3"),
        ("c1", "d.csv.gz:2"),
        ("p.html.xz", "p.html.xz"),
        ("s.txt.bz2", "s.txt.bz2"),
        ("u.md.xz", "u.md.xz"),
    ]
    assert "joint patrols" in arts[4].text
    assert arts[6].text == "Kenya recalled its envoy."


def test_compressed_corpus_keeps_the_ids_and_texts_of_the_plain_one(tmp_path):
    (tmp_path / "plain").mkdir()
    (tmp_path / "packed").mkdir()
    (tmp_path / "plain" / "corpus.jsonl").write_bytes(JSONL)
    (tmp_path / "packed" / "corpus.jsonl.gz").write_bytes(gzip.compress(JSONL))
    plain, _ = read([tmp_path / "plain"])
    packed, _ = read([tmp_path / "packed"])
    assert [a.text for a in plain] == [a.text for a in packed]
    assert [a.id for a in packed] == ["r1", "corpus.jsonl.gz:2", "r3"]
    assert [a.id for a in plain] == ["r1", "corpus.jsonl:2", "r3"]


def _zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def test_zip_is_read_like_a_folder_in_name_order(tmp_path):
    inner = io.BytesIO()
    _zip(inner, {"deep.txt": b"Oman hosted talks between the envoys.\n"})
    _zip(tmp_path / "news.zip", {
        "b/story.txt": b"Jordan closed its border crossing.\n",
        "a.jsonl": JSONL.replace(b'{"id": "r3"', b'{"id": "r3", "date": "someday"'),
        "c.csv.gz": gzip.compress(b"text\nQatar offered aid.\n"),
        "d/inner.zip": inner.getvalue(),
        "dir/": b"",
        ".hidden.txt": b"never read",
        "sub/.git/x.txt": b"never read",
        "__MACOSX/._a.jsonl": b"never read",
        "notes.pdf": b"never read",
    })
    arts, issues = read([tmp_path])
    assert [a.id for a in arts] == ["r1", "news.zip:a.jsonl:2", "r3", "news.zip:b/story.txt",
                                    "news.zip:c.csv.gz:2", "news.zip:d/inner.zip:deep.txt"]
    assert arts[0].origin == f"{tmp_path}/news.zip:a.jsonl:1"
    # only the bad date is reported, named file:member:line; skipped members are quiet
    assert [str(i).replace(str(tmp_path) + "/", "") for i in issues] == [
        "news.zip:a.jsonl:3: cannot read date 'someday'; write it as YYYY-MM-DD (record kept without a date)"]


def test_empty_and_broken_archives_are_reported_and_the_run_goes_on(tmp_path):
    _zip(tmp_path / "a_empty.zip", {})
    _zip(tmp_path / "b_unknown.zip", {"x.pdf": b"%PDF", "y/": b""})
    (tmp_path / "c_broken.zip").write_bytes(b"PK\x03\x04 this is not an archive")
    (tmp_path / "d.txt").write_text("Egypt hosted talks on Sunday.\n", "utf-8")
    arts, issues = read([tmp_path])
    assert [a.id for a in arts] == ["d.txt"]
    assert [(i.path.rsplit("/", 1)[1], i.line) for i in issues] == [
        ("a_empty.zip", None), ("b_unknown.zip", None), ("c_broken.zip", None)]
    assert "no files to read in this archive" in issues[0].message
    assert "no files to read in this archive" in issues[1].message
    assert "not a readable zip archive" in issues[2].message


def _big_jsonl(n: int) -> bytes:
    filler = "Officials said the talks would resume next week in Geneva. " * 4
    return "".join(json.dumps({"id": f"s{i}", "text": f"Story {i}. {filler}"}) + "\n"
                   for i in range(n)).encode()


@pytest.mark.parametrize("suffix, compress", [(".gz", gzip.compress), (".bz2", bz2.compress),
                                              (".xz", lzma.compress)])
def test_truncated_file_keeps_the_records_before_and_names_the_line(tmp_path, suffix, compress):
    n = 20_000  # about 5 MB: bz2 works in 900 kB blocks, so several must be whole
    packed = compress(_big_jsonl(n))
    f = tmp_path / f"big.jsonl{suffix}"
    f.write_bytes(packed[: len(packed) * 3 // 4])
    (tmp_path / "later.txt").write_text("Egypt hosted talks on Sunday.\n", "utf-8")
    arts, issues = read([f, tmp_path / "later.txt"])
    kept = [a for a in arts if a.id.startswith("s")]
    assert 0 < len(kept) < n
    assert [a.id for a in kept] == [f"s{i}" for i in range(len(kept))]  # in order, none garbled
    assert arts[-1].id == "later.txt"  # the run went on
    (issue,) = issues
    assert issue.path == str(f) and issue.line is not None and issue.line > len(kept)
    assert "corrupt or truncated" in issue.message and "kept" in issue.message


def test_a_jsonl_gz_is_streamed_not_read_whole(tmp_path):
    """The first record arrives before the reader has met the broken end of the file."""
    packed = gzip.compress(_big_jsonl(20_000))
    f = tmp_path / "big.jsonl.gz"
    f.write_bytes(packed[:-100])
    issues: list[ReadIssue] = []
    stories = read_paths([str(f)], on_error=issues.append)
    assert next(stories).id == "s0"
    assert issues == []
    rest = list(stories)
    assert rest and len(issues) == 1


def test_a_file_that_is_not_what_its_suffix_says_is_reported(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(JSONL)  # not compressed at all
    (tmp_path / "b.txt.xz").write_bytes(b"\xfd7zXZ\x00\x00broken")
    arts, issues = read([tmp_path])
    assert arts == []
    assert [i.path.rsplit("/", 1)[1] for i in issues] == ["a.jsonl.gz", "b.txt.xz"]
    assert all("corrupt or truncated" in i.message and "skipped" in i.message for i in issues)


def test_a_zip_member_with_a_bad_record_is_named_file_member_line(tmp_path):
    _zip(tmp_path / "n.zip", {"day/1.jsonl": JSONL + b"{broken\n"})
    arts, issues = read([tmp_path / "n.zip"])
    assert len(arts) == 3
    assert str(issues[0]).startswith(f"{tmp_path}/n.zip:day/1.jsonl:4: not valid JSON")
    assert arts[1].id == "n.zip:day/1.jsonl:2"


def test_compressed_data_under_a_text_name_is_named_for_what_it_is(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(gzip.compress(JSONL))
    (tmp_path / "b.txt").write_bytes(bz2.compress(b"Egypt hosted talks."))
    arts, issues = read([tmp_path])
    assert arts == []
    assert [i.message.split(",")[0] for i in issues] == ["holds gzip-compressed data", "holds bzip2-compressed data"]
    assert "corpus.jsonl.gz" in issues[0].message
