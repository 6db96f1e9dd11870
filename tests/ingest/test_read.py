import io
import json
from pathlib import Path

import pytest

from dyad.model import Article
from dyad.ingest.read import ReadIssue, articles_from_records, read_paths
from conftest import DATA

DATA = DATA / "read"


def read(paths, **kw):
    issues: list[ReadIssue] = []
    arts = list(read_paths([str(p) for p in paths], on_error=issues.append, **kw))
    return arts, issues


# --- one format at a time -------------------------------------------------------


def test_markdown_story_keeps_text_whole_and_takes_headline_as_title():
    (art,), issues = read([DATA / "story.md"])
    assert issues == []
    assert art.id == "story.md"
    assert art.title == "Kenya recalls envoy from Somalia"
    assert art.text == (DATA / "story.md").read_text("utf-8")
    assert art.origin == str(DATA / "story.md")
    assert art.date is None


def test_a_lone_line_is_the_story_not_a_title():
    (art,), _ = read([DATA / "lead_only.txt"])
    assert art.title is None
    assert art.text.strip() == "Brazil and Argentina sign a trade pact in Buenos Aires"


def test_first_line_ending_in_a_period_is_not_a_title(tmp_path):
    f = tmp_path / "s.txt"
    f.write_text("Russia said it would attend.\n\nThe talks open on Monday.\n", "utf-8")
    (art,), _ = read([f])
    assert art.title is None


def test_jsonl_records_fields_ids_and_dates():
    arts, issues = read([DATA / "records.jsonl"])
    assert issues == []
    assert [a.id for a in arts] == ["vn-1", "records.jsonl:2", "ph-3"]
    first = arts[0]
    assert first.date == "2019-07-22"  # ISO timestamp -> calendar date
    assert (first.title, first.source, first.url) == (
        "Vietnam protests to China", "Example Wire", "https://example.org/vn-1")
    assert first.origin == f"{DATA / 'records.jsonl'}:1"
    assert arts[2].text == "The Philippines summoned the Chinese ambassador.\nManila called the incident unacceptable."


def test_csv_with_quoted_newline_reports_each_records_first_line():
    arts, issues = read([DATA / "stories.csv"])
    assert issues == []
    assert [a.id for a in arts] == ["c1", "c2"]
    assert arts[0].text == ("Peru expelled the Venezuelan ambassador on Tuesday,\n"
                            "saying he had interfered in domestic politics.")
    assert arts[0].source == "Example Wire" and arts[1].source is None
    assert [a.date for a in arts] == ["2017-08-11", "2017-08-12"]
    # header is line 1, c1 spans lines 2-3, so c2 starts on line 4
    assert [a.origin.rsplit(":", 1)[1] for a in arts] == ["2", "4"]


def test_csv_line_numbers_in_issues_and_ids(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text('text,date\n"two\nlines",2015-10-15\n,2015-10-16\nthird,\n', "utf-8")
    arts, issues = read([f])
    assert [a.id for a in arts] == ["t.csv:2", "t.csv:5"]
    assert [(i.path, i.line) for i in issues] == [(str(f), 4)]
    assert "'text' is empty" in issues[0].message


def test_csv_without_text_column_is_reported(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("id,body\n1,hello\n", "utf-8")
    arts, issues = read([f])
    assert arts == []
    assert issues[0].line == 1 and "no 'text' column" in issues[0].message


def test_html_extracts_the_article_body_not_the_page_furniture():
    (art,), issues = read([DATA / "page.html"])
    assert issues == []
    assert "joint patrols along their shared border" in art.text
    assert "called on Nigeria and Cameroon" in art.text
    for furniture in ("Subscribe Today", "Africa Desk", "Most read", "Floods displace",
                      "All rights reserved", "Privacy policy", "tracking"):
        assert furniture not in art.text
    assert art.title == "Chad and Niger agree joint border patrols"
    assert art.date == "2019-03-04"
    assert art.url == "https://sahelcourier.example/2019/03/chad-niger-patrols"
    assert art.id == "page.html"


def test_html_falls_back_to_page_text_and_says_so(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    (art,), issues = read([DATA / "page.html"])
    assert "joint patrols along their shared border" in art.text
    assert "window.tracking" not in art.text and "display: flex" not in art.text
    assert len(issues) == 1 and "trafilatura found no article body" in issues[0].message


# --- a folder with broken inputs ----------------------------------------------


@pytest.fixture
def messy(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Egypt hosts Gaza talks\n\nEgypt hosted talks on Sunday.\n", "utf-8")
    (root / "sub" / "b.txt").write_text("Jordan closed its border crossing.\n", "utf-8")
    (root / ".hidden.txt").write_text("never read", "utf-8")
    (root / "notes.xyz").write_text("never read", "utf-8")
    lines = [
        json.dumps({"id": "ok-1", "text": "Iran released two sailors."}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "no-text", "title": "Headline only"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "ok-2", "text": "Iraq expelled a diplomat.", "date": "last Tuesday"}),
    ]
    (root / "recs.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    # cp1252 through and through: read as what charset-normalizer guesses, and said so
    (root / "latin.txt").write_bytes("Le ministre a déclaré à Genève que l'accord était signé.".encode("cp1252"))
    # UTF-8 with one stray cp1252 quote on line 3: kept, stray byte reported
    (root / "stray.txt").write_bytes(
        "Syria talks resume\n\nThe envoy said talks would resume in Genève next week, ".encode()
        + b"and that both delegations had agreed to attend the first session \x94 officials said.\n")
    return root


def test_folder_reads_good_files_in_order_and_reports_each_problem(messy):
    arts, issues = read([messy])
    assert [a.id for a in arts] == ["a.txt", "latin.txt", "ok-1", "ok-2", "stray.txt", "sub/b.txt"]
    by_id = {a.id: a for a in arts}
    assert by_id["latin.txt"].text == "Le ministre a déclaré à Genève que l'accord était signé."
    assert by_id["ok-2"].date is None  # unreadable date: kept, without a date
    assert by_id["ok-1"].origin == f"{messy / 'recs.jsonl'}:1"
    assert "\ufffd officials said" in by_id["stray.txt"].text

    where = [(Path(i.path).name, i.line) for i in issues]
    assert where == [
        ("latin.txt", None),
        ("recs.jsonl", 2), ("recs.jsonl", 3), ("recs.jsonl", 4), ("recs.jsonl", 6), ("recs.jsonl", 7),
        ("stray.txt", 3),
    ]
    msgs = [i.message for i in issues]
    assert "not UTF-8; read as cp1252" in msgs[0] and "guessed" in msgs[0] and "iconv -f cp1252" in msgs[0]
    assert "not valid JSON" in msgs[1]
    assert "no 'text' field" in msgs[2]
    assert "expected a JSON object" in msgs[3] and "got a list" in msgs[3]
    assert "'text' is empty" in msgs[4]
    assert "cannot read date 'last Tuesday'" in msgs[5] and "YYYY-MM-DD" in msgs[5]
    assert "lines 3" in msgs[6]


def test_issues_go_to_stderr_without_a_handler(messy, capsys):
    arts = list(read_paths([str(messy / "recs.jsonl")]))
    assert len(arts) == 2
    err = capsys.readouterr().err
    assert f"{messy / 'recs.jsonl'}:2: not valid JSON" in err


def test_missing_path_and_unknown_type_given_directly_are_reported(tmp_path):
    odd = tmp_path / "notes.xyz"
    odd.write_text("x", "utf-8")
    arts, issues = read([tmp_path / "nope.txt", odd])
    assert arts == []
    assert ["no such file" in issues[0].message, "unknown file type" in issues[1].message] == [True, True]


def test_utf8_bom_and_utf16_are_read(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffPakistan recalled its envoy.".encode("utf-8"))
    (tmp_path / "u16.txt").write_text("India summoned the envoy.", "utf-16")
    arts, issues = read([tmp_path])
    assert issues == []
    assert [a.text for a in arts] == ["Pakistan recalled its envoy.", "India summoned the envoy."]


# --- dates ---------------------------------------------------------------------


def test_default_date_fills_only_records_without_one():
    arts, _ = read([DATA / "records.jsonl"], date="2020-01-02")
    assert [a.date for a in arts] == ["2019-07-22", "2019-11-22", "2020-01-02"]


@pytest.mark.parametrize("given, expected", [
    ("2015-10-15", "2015-10-15"),
    ("2015-10-15T08:00:00Z", "2015-10-15"),
    ("2015-10-15T23:30:00-05:00", "2015-10-15"),
    ("2015-10-15 08:00", "2015-10-15"),
    ("20151015", "2015-10-15"),
    ("Thu, 15 Oct 2015 08:00:00 GMT", "2015-10-15"),
    ("October 15, 2015", "2015-10-15"),
    ("15 Oct 2015", "2015-10-15"),
    ("10/15/2015", None),
    ("2015-13-40", None),
])
def test_record_dates_are_normalised(given, expected):
    issues = []
    (art,) = articles_from_records([{"text": "x", "date": given}], on_error=issues.append)
    assert art.date == expected
    assert len(issues) == (0 if expected else 1)


def test_bad_default_date_is_the_callers_error():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        read_paths([str(DATA)], date="15/10/2015")


# --- stdin -----------------------------------------------------------------------


def test_stdin_prose_is_one_story(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Oman mediates\n\nOman hosted talks between the envoys.\n"))
    (art,), issues = read(["-"], date="2018-05-01")
    assert issues == []
    assert (art.id, art.title, art.date, art.origin) == ("stdin", "Oman mediates", "2018-05-01", "<stdin>")


def test_stdin_jsonl_is_records_and_broken_lines_are_reported(monkeypatch):
    text = '{"id": "s1", "text": "Qatar hosted talks."}\n\n{"text": "Kuwait offered aid."}\n{"text": broken}\n'
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    arts, issues = read(["-"])
    assert [a.id for a in arts] == ["s1", "stdin:3"]
    assert [(i.path, i.line) for i in issues] == [("<stdin>", 4)]


def test_stdin_bytes_are_decoded_as_utf8(monkeypatch):
    raw = io.TextIOWrapper(io.BytesIO("\ufeffTürkiye summoned the envoy.".encode("utf-8")), encoding="latin-1")
    monkeypatch.setattr("sys.stdin", raw)
    (art,), _ = read(["-"])
    assert art.text == "Türkiye summoned the envoy."


def test_empty_stdin_is_reported(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("  \n"))
    arts, issues = read(["-"])
    assert arts == [] and "empty" in issues[0].message


# --- Python callers --------------------------------------------------------------


def test_records_from_python_are_checked_like_files():
    issues = []
    recs = [{"id": 7, "text": "Egypt opened the crossing.", "date": "2014-01-02"},
            {"text": "Libya closed its airspace."},
            "not a dict",
            {"id": "x"}]
    arts = list(articles_from_records(recs, date="2014-01-05", on_error=issues.append))
    assert [(a.id, a.date, a.origin) for a in arts] == [
        ("7", "2014-01-02", "record 1"), ("record-2", "2014-01-05", "record 2")]
    assert [str(i).split(":")[0] for i in issues] == ["record 3", "record 4"]
    assert isinstance(arts[0], Article)


def test_read_issue_prints_as_path_line_message():
    assert str(ReadIssue("a.jsonl", 3, "not valid JSON")) == "a.jsonl:3: not valid JSON"
    assert str(ReadIssue("a.txt", None, "the file is empty")) == "a.txt: the file is empty"


def test_a_single_path_string_is_not_read_letter_by_letter():
    arts = list(read_paths(str(DATA / "story.md")))
    assert [a.id for a in arts] == ["story.md"]
