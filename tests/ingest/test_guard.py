"""The guard between cleaning and parsing: pathological text is skipped and long text cut
into blocks, without moving any offset into Article.text."""
import base64
import json
import random
import time
from pathlib import Path


import dyad
from dyad.ingest import clean, guard
from dyad.model import Article

ROOT = Path(__file__).resolve().parents[2]
REAL = ("Russian troops attacked Ukrainian positions near Kharkiv on Tuesday.\n\n"
        "Israel released 20 Palestinian prisoners on Wednesday.\n\n")


def spans_of(text: str, origin: str | None = "in/s.txt"):
    art = Article(id="s1", text=text, origin=origin)
    warnings: list[str] = []
    return art, guard.safe_spans(art, clean.story_spans(art), warnings.append), warnings


def wire_sentences() -> list[str]:
    lines = (ROOT / "benchmarks" / "dev_wire.jsonl").read_text("utf-8").splitlines()
    return [json.loads(x)["text"].replace("\n", " ") for x in lines]


def distinct_paragraph(chars: int, seed: int = 1) -> str:
    """One paragraph of real sentences in which no 1,000 characters repeat."""
    rnd, sents, out, n = random.Random(seed), wire_sentences(), [], 0
    while n < chars:
        rnd.shuffle(sents)
        out.extend(sents)
        n += sum(len(s) + 1 for s in sents)
    return " ".join(out)[:chars].rsplit(". ", 1)[0] + "."


def words(text: str) -> list[str]:
    return text.split()


# --- what is skipped -------------------------------------------------------------


def test_an_ordinary_story_passes_unchanged():
    text = (ROOT / "examples" / "wire_story.txt").read_text("utf-8")
    art = Article(id="w", text=text)
    spans = clean.story_spans(art)
    warnings: list[str] = []
    assert guard.safe_spans(art, spans, warnings.append) == spans
    assert warnings == []


def test_a_long_run_without_spaces_is_cut_out_of_its_sentence():
    text = REAL + "The envoy said " + "x" * 200_000 + " and left the talks in Geneva.\n"
    art, spans, warnings = spans_of(text)
    assert [text[s:e] for s, e in spans] == [
        "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday.",
        "Israel released 20 Palestinian prisoners on Wednesday.",
        "The envoy said", "and left the talks in Geneva."]
    start = text.index("x")
    assert warnings == [f"skipped 200,000 characters: a run without spaces longer than 1,000 characters "
                        f"(at {start}-{start + 200_000})"]


def test_a_run_at_the_limit_is_kept():
    text = "The envoy quoted " + "y" * guard.MAX_TOKEN_CHARS + " in the talks."
    _, spans, warnings = spans_of(text)
    assert spans == [(0, len(text))] and warnings == []


def test_long_runs_of_punctuation_are_cut_out():
    # spaCy's tokenizer strips these one at a time: 20,000 quote marks took it 57 s
    text = REAL + 'He shouted ' + '"' * 20_000 + " and the talks ended " + "?!" * 300 + " in Geneva.\n"
    _, spans, warnings = spans_of(text)
    assert [text[s:e] for s, e in spans][2:] == ["He shouted", "and the talks ended", "in Geneva."]
    assert len(warnings) == 2
    assert "a run without spaces longer than 1,000 characters" in warnings[0]
    assert "skipped 600 characters: a run of more than 100 punctuation marks" in warnings[1]


def test_a_story_of_quote_marks_codes_quickly(coder):
    text = REAL + "He said " + '"' * 20_000 + " and left.\n\n" + ('" ' * 50 + "?" * 90 + " ") * 200
    t0 = time.perf_counter()
    (story,) = coder.code_stories([Article(id="q", text=text)])
    assert time.perf_counter() - t0 < 10  # 0.1 s here
    assert {(e.source[:3], e.target[:3]) for e in story.events} == {("RUS", "UKR"), ("ISR", "PSE")}


def test_base64_blobs_are_skipped_but_long_words_are_not():
    blob = base64.b64encode(random.Random(2).randbytes(300)).decode()
    text = f"Egypt hosted talks on Sunday {blob} in Cairo, officials said. " + "Pneumono" * 14 + " is a word."
    _, spans, warnings = spans_of(text)
    kept = " ".join(text[s:e] for s, e in spans)
    assert blob not in kept and "Pneumono" * 14 in kept and "in Cairo, officials said." in kept
    assert len(warnings) == 1 and "a base64 or hex blob" in warnings[0]


def test_binary_noise_is_skipped_and_a_stray_control_character_is_not():
    # bytes that passed a reader as latin-1 text, in a paragraph cleaning keeps (it ends a sentence)
    rnd = random.Random(3)
    raw = bytes(rnd.randrange(256) for _ in range(3000)).decode("latin-1")
    noise = "The file said " + " ".join(raw[i:i + 7] for i in range(0, 3000, 7)).translate(
        {ord(c): "x" for c in "\r\n\x0b\x0c\x1c\x1d\x1e\x85"}) + " end."
    text = REAL + "Egypt hosted\x07 talks on Sunday in Cairo, officials said.\n\n" + noise + "\n\nIran released two sailors."
    _, spans, warnings = spans_of(text)
    kept = [text[s:e] for s, e in spans]
    assert "Egypt hosted\x07 talks on Sunday in Cairo, officials said." in kept
    assert kept[-1] == "Iran released two sailors."
    assert not any(c in "".join(kept) for c in "\x00\x01\x02\x03\x90")
    assert len(warnings) == 1 and "binary noise" in warnings[0]


def test_repeated_words_and_repeated_sentences_are_coded_once():
    sentence = "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday. "
    for text in ("Talks resumed. " + "word " * 70_000, sentence * 72_000):  # 350 kB; 5 MB
        _, spans, warnings = spans_of(text)
        kept = " ".join(text[s:e] for s, e in spans)
        assert len(kept) < 100
        assert len(warnings) == 1 and "a repeat, word for word, of the text before it" in warnings[0]


def test_text_that_repeats_less_than_the_limit_is_kept():
    text = "He said no, no, no and no again. " * 25  # 825 characters
    _, spans, warnings = spans_of(text)
    assert spans == [(0, len(text) - 1)] and warnings == []


# --- what is split ---------------------------------------------------------------


def test_a_long_paragraph_is_cut_into_blocks_at_sentence_ends():
    text = distinct_paragraph(5 * guard.BLOCK_CHARS)
    art, spans, warnings = spans_of(text)
    assert len(spans) >= 5
    assert all(e - s <= guard.BLOCK_CHARS for s, e in spans)
    assert all(text[e - 1] in ".!?\"'”’)" for s, e in spans)  # each block ends a sentence
    assert words(" ".join(text[s:e] for s, e in spans)) == words(text)  # nothing lost
    assert [s for s, _ in spans] == sorted(s for s, _ in spans)
    assert warnings == []  # nothing is lost


def test_a_paragraph_with_no_sentence_end_is_cut_at_spaces():
    text = " ".join(f"w{i}" for i in range(20_000))
    _, spans, _ = spans_of(text, origin=None)
    assert all(e - s <= guard.BLOCK_CHARS for s, e in spans)
    assert words(" ".join(text[s:e] for s, e in spans)) == words(text)


# --- coding through the guard ----------------------------------------------------


def test_code_text_of_a_200000_character_token_is_quick():
    dyad.code_text("warm up.")
    t0 = time.perf_counter()
    assert dyad.code_text("x" * 200_000) == []
    assert time.perf_counter() - t0 < 10  # 0.03 s here; it took 57 s in spaCy's tokenizer alone


def test_real_sentences_around_a_long_token_still_code_and_offsets_hold(coder):
    text = REAL + "The envoy said " + "x" * 200_000 + " and left.\n\nGermany pledged to send tanks to Ukraine.\n"
    t0 = time.perf_counter()
    (story,) = coder.code_stories([Article(id="t", text=text, origin="in/t.txt")])
    assert time.perf_counter() - t0 < 10
    assert story.error is None
    assert {(e.source[:3], e.cameo[:2], e.target[:3]) for e in story.events} >= {
        ("RUS", "19", "UKR"), ("ISR", "08", "PSE"), ("DEU", "03", "UKR")}
    for s in story.sentences:
        assert text[s.start:s.end] == s.text
    for e in story.events:
        (a, b), (c, d) = e.evidence["source"], e.evidence["trigger"]
        assert text[a:b] in e.sentence and text[c:d] == e.evidence["trigger_text"]
    assert len(story.warnings) == 1 and story.warnings[0].startswith("skipped 200,000 characters")


def test_a_5mb_story_of_repeated_sentences_codes_once_without_e088(coder):
    text = "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday. " * 72_000
    assert len(text) > 1_000_000 * 4.9  # spaCy's nlp.max_length is 1,000,000
    (story,) = coder.code_stories([Article(id="big", text=text)])
    assert story.error is None
    assert [(e.source[:3], e.target[:3]) for e in story.events] == [("RUS", "UKR")]
    assert story.warnings and "repeat" in story.warnings[0]


def test_a_long_paragraph_codes_in_blocks_with_offsets_into_the_text(coder):
    text = "Ukraine war\n\n" + distinct_paragraph(int(2.4 * guard.BLOCK_CHARS))
    (story,) = coder.code_stories([Article(id="long", text=text)])
    assert story.error is None and story.events
    assert len(story.sentences) > 70
    for s in story.sentences:
        assert text[s.start:s.end] == s.text
    assert story.warnings == []
