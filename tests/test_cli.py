"""The command line end to end: inputs, formats, errors reported with file and line."""
import csv
import io
import json

from click.testing import CliRunner

from dyad.cli import main


def test_code_folder_reports_bad_line_and_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(
        json.dumps({"id": "s1", "text": "Russian troops attacked Ukrainian positions near Kharkiv on Wednesday.", "date": "2024-05-16"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "s2", "text": "Germany pledged to send tanks to Ukraine.", "date": "2024-05-16"}) + "\n"
    )
    (corpus / "b.txt").write_text("Israel released 20 Palestinian prisoners on Tuesday.\n")
    res = CliRunner().invoke(main, ["code", str(corpus), "--date", "2024-05-16", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert "a.jsonl:2" in res.stderr
    rows = [json.loads(l) for l in res.stdout.splitlines() if l.strip()]
    ids = {r["doc_id"] for r in rows}
    assert {"s1", "s2"} <= ids
    s1 = [r for r in rows if r["doc_id"] == "s1"][0]
    assert s1["source"].startswith("RUS") and s1["target"].startswith("UKR") and s1["cameo"].startswith("19")
    assert s1["date"] == "2024-05-15"
    for key in ("sentence_id", "sentence", "source_text", "target_text", "plover", "goldstein", "quad_class", "location", "evidence", "rule", "confidence"):
        assert key in s1


def test_csv_and_output_file(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Russian troops attacked Ukrainian positions near Kharkiv.\n")
    out = tmp_path / "out.csv"
    res = CliRunner().invoke(main, ["code", str(story), "--date", "2024-05-16", "--format", "csv", "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows and rows[0]["cameo"].startswith("19") and rows[0]["doc_id"] == "s.txt"


def test_stdin_table(tmp_path):
    res = CliRunner().invoke(main, ["code", "-", "--date", "2024-05-16", "--format", "table"],
                             input="Russian troops attacked Ukrainian positions near Kharkiv.\n")
    assert res.exit_code == 0, res.output
    assert "RUS" in res.stdout and "UKR" in res.stdout


def test_dict_validate_names_file_and_line(tmp_path):
    (tmp_path / "verbs").mkdir()
    (tmp_path / "verbs" / "v.tsv").write_text("code\tpattern\n190\tattack +\n190\tattack on\n")
    res = CliRunner().invoke(main, ["dict", "validate", str(tmp_path)])
    assert res.exit_code != 0
    assert "v.tsv:3" in res.output


def test_explain_shows_rule_and_drop_reason():
    res = CliRunner().invoke(main, ["explain", "Russian troops did not attack Ukrainian positions.", "--date", "2024-05-16"])
    assert res.exit_code == 0, res.output
    assert "negated" in res.output and "verbs/19" in res.output


def test_builtin_lexicon_is_valid():
    from dyad.lexicon import load

    lex = load()
    assert not lex.issues, lex.issues[:5]
    assert len(lex.patterns) >= 1500
    codes = {p.code for p in lex.patterns}
    assert len(codes) >= 200
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}


def test_dict_lookup_shows_code_and_entry():
    res = CliRunner().invoke(main, ["dict", "lookup", "Dmitry Medvedev", "--date", "2015-10-15"])
    assert res.exit_code == 0, res.output
    assert "RUSGOV" in res.output and "people.tsv" in res.output
    chosen = [l for l in res.output.splitlines() if "chosen" in l]
    assert len(chosen) == 1 and "Prime Minister" in chosen[0]


def test_bad_date_and_missing_input_fail_clearly(tmp_path):
    res = CliRunner().invoke(main, ["code", str(tmp_path / "nope.txt")])
    assert res.exit_code == 1 and "nope.txt" in res.stderr and "no such file" in res.stderr
    story = tmp_path / "s.txt"
    story.write_text("Russian troops attacked Ukrainian positions.\n")
    res = CliRunner().invoke(main, ["code", str(story), "--date", "2024-13-45"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_scheme_plover_codes_each_participant_of_a_joint_act():
    import json

    story = "Chinese President Xi Jinping and Russian President Vladimir Putin held talks on Tuesday."
    cameo = CliRunner().invoke(main, ["code", "-", "--date", "2024-05-16", "--format", "jsonl"], input=story)
    plover = CliRunner().invoke(main, ["code", "-", "--date", "2024-05-16", "--format", "jsonl", "--scheme", "plover"],
                                input=story)
    pairs = sorted((e["source"][:3], e["target"][:3]) for e in map(json.loads, cameo.stdout.splitlines()))
    each = sorted((e["source"][:3], e["target"][:3]) for e in map(json.loads, plover.stdout.splitlines()))
    assert pairs == [("CHN", "RUS"), ("RUS", "CHN")]
    assert each == [("CHN", ""), ("RUS", "")]
