"""File names that are not UTF-8, and lone surrogates in records, never reach the output raw."""
import csv
import json
import os
import sys

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.ingest.decode import printable
from dyad.ingest.read import ReadIssue, articles_from_records, read_paths

STORY = b"Russian troops attacked Ukrainian positions near Kharkiv on Tuesday.\n"

needs_byte_names = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                      reason="this file system only holds valid Unicode names")


def test_printable_escapes_each_undecodable_byte():
    assert printable(os.fsdecode(b"caf\xe9/\xff\xfe.txt")) == "caf\\xe9/\\xff\\xfe.txt"
    assert printable("d\ud800x") == "d\\ud800x"
    assert printable("Genève.txt") == "Genève.txt"


@needs_byte_names
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_name_that_is_not_utf8_gives_valid_utf8_output(tmp_path, fmt):
    root = os.fsencode(tmp_path / "in")
    os.mkdir(root)
    with open(os.path.join(root, b"caf\xe9.txt"), "wb") as f:
        f.write(STORY)
    with open(os.path.join(root, b"vide\xe9.txt"), "wb"):
        pass
    out = tmp_path / f"out.{fmt}"
    res = CliRunner().invoke(main, ["code", os.fsdecode(root), "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    with open(out, encoding="utf-8", errors="strict") as f:
        text = f.read()
    rows = [json.loads(x) for x in text.splitlines()] if fmt == "jsonl" else list(csv.DictReader(text.splitlines()))
    assert {r["doc_id"] for r in rows} == {"caf\\xe9.txt"}
    # the empty file is named in the warning the same readable way
    assert "vide\\xe9.txt: the file is empty" in res.stderr


def test_lone_surrogates_in_records_become_replacement_characters():
    issues: list[ReadIssue] = []
    recs = [json.loads('{"id": "a\\udce9", "text": "Iran\\ud800 released two sailors.", "title": "T\\udfff"}')]
    (art,) = articles_from_records(recs, on_error=issues.append)
    assert (art.id, art.text, art.title) == ("a\\xe9", "Iran\ufffd released two sailors.", "T\\udfff")
    assert len(issues) == 1 and "1 lone surrogates" in issues[0].message


def test_jsonl_with_a_surrogate_escape_codes_to_valid_utf8(tmp_path):
    f = tmp_path / "r.jsonl"
    f.write_text('{"id": "x\\udce9", "text": "Russian troops attacked Ukrainian positions \\ud83d near Kharkiv."}\n',
                 "utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(main, ["code", str(f), "-o", str(out)])
    assert res.exit_code == 0, res.output
    (row,) = [json.loads(x) for x in out.read_text("utf-8", errors="strict").splitlines()]
    assert row["doc_id"] == "x\\xe9" and "\ufffd" in row["sentence"]


@needs_byte_names
def test_reader_ids_and_origins_are_printable(tmp_path):
    root = os.fsencode(tmp_path)
    with open(os.path.join(root, b"\xff.txt"), "wb") as f:
        f.write(STORY)
    (art,) = read_paths([os.fsdecode(root)])
    assert art.id == "\\xff.txt"
    assert art.origin.endswith("/\\xff.txt")
    art.origin.encode("utf-8")


def test_code_text_with_a_lone_surrogate_gives_events_that_encode():
    import dyad

    (event,) = dyad.code_text("Russian troops attacked Ukrainian positions \udce9 near Kharkiv.", doc_id="a\udce9")
    assert event.doc_id == "a\\xe9"
    json.dumps(event.to_dict(), ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("value", [None, b"Russia attacked Ukraine.", 3])
def test_code_text_says_what_it_takes(value):
    import dyad

    with pytest.raises(TypeError, match="takes the story as a str"):
        dyad.code_text(value)
