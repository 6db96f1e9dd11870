"""Issue 9's folder: every good story is coded, every bad input is named with its file
(and line), no traceback, exit status 0."""
import json
import random

from click.testing import CliRunner

from dyad.cli import main

SENTENCE = "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday. "


def test_a_folder_of_bad_inputs_codes_every_good_story(tmp_path):
    root = tmp_path / "folder"
    root.mkdir()
    (root / "a_good.txt").write_text("Israel released 20 Palestinian prisoners on Tuesday.\n", "utf-8")
    (root / "b_empty.txt").write_bytes(b"")
    (root / "c_binary.txt").write_bytes(bytes(random.Random(9).randrange(256) for _ in range(5000)) + b"\x00")
    (root / "d_records.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Germany pledged to send tanks to Ukraine."}) + "\n"
        + '{"id": "j2", "text": "unterminated\n'
        + json.dumps({"id": "j3", "text": "Egypt hosted talks with Israeli officials in Cairo."}) + "\n", "utf-8")
    (root / "e_notext.csv").write_text("id,body\n1,Iran released two sailors.\n", "utf-8")
    (root / "f_rows.csv").write_text("id,text\nc1,Turkey condemned the air strike on Syria.\n", "utf-8")
    # 5 MB in one paragraph: spaCy's E088 ended the whole run here before
    big = "Syria's foreign ministry accused Turkey of violating its airspace. " + SENTENCE * 76_000
    (root / "g_big.txt").write_text(big, "utf-8")
    assert len(big.encode()) > 5 * 2**20

    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(main, ["code", str(root), "--date", "2024-05-16", "-o", str(out)])

    assert res.exit_code == 0, res.output
    assert res.exception is None and "Traceback" not in res.output
    rows = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert {r["doc_id"] for r in rows} == {"a_good.txt", "j1", "j3", "c1", "g_big.txt"}
    big_events = {(r["source"][:3], r["target"][:3]) for r in rows if r["doc_id"] == "g_big.txt"}
    assert big_events == {("SYR", "TUR"), ("RUS", "UKR")}

    warnings = [x.removeprefix("warning: ").replace(str(root) + "/", "")
                for x in res.stderr.splitlines() if x.startswith("warning: ")]
    named = [w.split(": ")[0] for w in warnings]
    assert named == ["b_empty.txt", "c_binary.txt", "d_records.jsonl:2", "e_notext.csv:1", "g_big.txt"]
    assert "the file is empty" in warnings[0]
    assert "not a text file; skipped" in warnings[1]
    assert "not valid JSON" in warnings[2]
    assert "no 'text' column" in warnings[3]
    assert warnings[4].startswith("g_big.txt: story g_big.txt: skipped 5,2") and "repeat" in warnings[4]
    assert "5 input problem(s)" in res.stderr
