"""Byte-order marks first, then UTF-8, then charset-normalizer's guess, which is reported."""
import codecs
import io
import json
import os
import random

import pytest

from dyad.ingest.decode import HEAD_BYTES
from dyad.ingest.read import ReadIssue, read_paths

STORY = "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday.\r\nKyiv said two soldiers died.\r\n"


def read(paths):
    issues: list[ReadIssue] = []
    arts = list(read_paths([str(p) for p in paths], on_error=issues.append))
    return arts, issues


@pytest.mark.parametrize("codec, bom", [
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    # UTF-32 LE's mark begins with UTF-16 LE's: read as UTF-16 it gave a NUL after
    # every letter and no event, with no message
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
])
def test_byte_order_marks_give_the_text(tmp_path, codec, bom):
    f = tmp_path / "s.txt"
    f.write_bytes(bom + STORY.encode(codec))
    (art,), issues = read([f])
    assert issues == []
    assert art.text == STORY


@pytest.mark.parametrize("codec", ["utf-16", "utf-32-le"])
def test_a_story_with_a_byte_order_mark_codes(tmp_path, codec, coder):
    f = tmp_path / "s.txt"
    f.write_bytes(STORY.encode(codec) if codec == "utf-16" else codecs.BOM_UTF32_LE + STORY.encode(codec))
    (art,), _ = read([f])
    events = list(coder.code_articles([art]))
    assert [(e.source[:3], e.cameo[:2], e.target[:3]) for e in events] == [("RUS", "19", "UKR")]


def test_records_and_rows_with_byte_order_marks(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(json.dumps({"id": "j1", "text": "Iran released two sailors."})
                                       .encode("utf-16"))
    (tmp_path / "b.csv").write_bytes(codecs.BOM_UTF8 + b"text,id\nQatar offered aid.,c1\n")
    arts, issues = read([tmp_path])
    assert issues == []
    assert [(a.id, a.text) for a in arts] == [("j1", "Iran released two sailors."), ("c1", "Qatar offered aid.")]


def test_a_mark_left_twice_is_dropped(tmp_path):
    # a UTF-8 file with a mark, converted to UTF-16: the first mark is now a character
    (tmp_path / "s.txt").write_bytes(("\ufeff" + STORY).encode("utf-16"))
    (art,), _ = read([tmp_path / "s.txt"])
    assert art.text == STORY


def test_utf16_without_a_mark_is_detected_and_said(tmp_path):
    (tmp_path / "s.txt").write_bytes((STORY * 3).encode("utf-16-le"))
    (art,), issues = read([tmp_path / "s.txt"])
    assert art.text == STORY * 3
    assert [i.message for i in issues] == [
        "has no byte-order mark; read as UTF-16-LE (detected by charset-normalizer)"]


@pytest.mark.parametrize("text, codec, guessed", [
    ("Le ministre a déclaré à Genève que l'accord était signé. « C’est une étape », a-t-il ajouté.",
     "cp1252", "cp1252"),
    ("日本政府は火曜日、中国の大使を呼び出し抗議した。外務省が発表した。", "shift_jis", "cp932"),
])
def test_other_encodings_are_guessed_and_the_guess_is_reported(tmp_path, text, codec, guessed):
    (tmp_path / "s.txt").write_bytes(text.encode(codec))
    (art,), issues = read([tmp_path / "s.txt"])
    assert art.text == text
    assert len(issues) == 1 and issues[0].line is None
    assert f"not UTF-8; read as {guessed}" in issues[0].message and "charset-normalizer" in issues[0].message


def test_a_windows_file_with_few_accents_is_cp1252(tmp_path):
    # Too few accented bytes for a detector (under 2%), and no UTF-8 sequence: cp1252, not U+FFFD.
    text = "Turkey and Greece met in Café Zürich on Monday and called the talks “useful”.\n" + (
        "The ministers agreed to meet again next month to discuss the maritime border.\n" * 6)
    (tmp_path / "s.txt").write_bytes(text.encode("cp1252"))
    (art,), issues = read([tmp_path / "s.txt"])
    assert art.text == text
    assert len(issues) == 1 and "read as cp1252" in issues[0].message


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path):
    rest = "The ministers agreed to meet again next month to discuss the maritime border.\n" * 3
    (tmp_path / "s.txt").write_bytes("Talks in Genève resumed,".encode() + b" \x93officials\x94 said.\n" + rest.encode())
    (art,), issues = read([tmp_path / "s.txt"])
    assert art.text == "Talks in Genève resumed, \ufffdofficials\ufffd said.\n" + rest
    assert len(issues) == 1 and issues[0].line == 1


def test_binary_files_are_skipped_and_said(tmp_path):
    rnd = random.Random(7)
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(4000)))
    (tmp_path / "b.txt").write_bytes(bytes(rnd.randrange(128, 256) for _ in range(4000)))
    (tmp_path / "c.jsonl").write_bytes(os.urandom(3000).replace(b"\x00", b"") + b"\x00")
    arts, issues = read([tmp_path])
    assert arts == []
    assert [i.path.rsplit("/", 1)[1] for i in issues] == ["a.txt", "b.txt", "c.jsonl"]
    assert all("not a text file; skipped" in i.message for i in issues)


def test_stray_bytes_past_the_sample_are_reported_by_line(tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": f"Story number {i} about the talks."}) for i in range(20_000)]
    assert len("\n".join(lines)) > HEAD_BYTES
    raw = "\n".join(lines).encode().replace(b"Story number 15000 ", b"Story \x93number\x94 15000 ")
    (tmp_path / "c.jsonl").write_bytes(raw)
    arts, issues = read([tmp_path / "c.jsonl"])
    assert len(arts) == 20_000
    assert arts[15_000].text == "Story \ufffdnumber\ufffd 15000 about the talks."
    assert [(i.line, i.message.split(";")[0]) for i in issues] == [
        (15_001, "2 bytes that are not UTF-8 on lines 15001 read as '\ufffd'")]


def test_stdin_utf16_and_stdin_jsonl_stream(monkeypatch):
    raw = io.TextIOWrapper(io.BytesIO(STORY.encode("utf-16")), encoding="latin-1")
    monkeypatch.setattr("sys.stdin", raw)
    (art,), issues = read(["-"])
    assert issues == [] and art.text == STORY
    lines = [json.dumps({"text": f"Story {i} about the talks in Geneva."}) for i in range(20_000)]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("\n".join(lines).encode()), encoding="utf-8"))
    arts, issues = read(["-"])
    assert len(arts) == 20_000 and arts[-1].id == "stdin:20000"
