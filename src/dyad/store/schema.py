"""The event store's tables, one place for their columns, types and meanings.

``TABLES`` is the single source: the DDL is generated from it, and so is the column
reference in docs/STORE.md (``python -m dyad.store.schema`` prints it), so the two
cannot drift apart.
"""
from __future__ import annotations

FORMAT = "dyad event store"
SCHEMA_VERSION = 1

# table -> [(column, SQL type, meaning)]; the first column is the primary key.
TABLES: dict[str, list[tuple[str, str, str]]] = {
    "meta": [
        ("key", "VARCHAR", "setting name: `format`, `schema_version`, `window_days`, `created_by`"),
        ("value", "VARCHAR", "its value"),
    ],
    "stories": [
        ("story_id", "VARCHAR", "the story's id: the record's `id`, else `file:line` or the file's path"),
        ("text_hash", "VARCHAR", "SHA-256 of the story's text, title and date: a changed story is re-coded"),
        ("fingerprint", "VARCHAR", "the coder that coded it: dyad version, spaCy model, scheme and a hash of the "
                                   "lexicon files in use; a new fingerprint re-codes the story"),
        ("date", "DATE", "story date"),
        ("title", "VARCHAR", "headline, when the input gave one"),
        ("outlet", "VARCHAR", "who published it: the record's `source`, else the host of its `url`"),
        ("url", "VARCHAR", "address of the story"),
        ("origin", "VARCHAR", "file (and line) it was read from"),
        ("n_sentences", "INTEGER", "sentences coded"),
        ("n_mentions", "INTEGER", "event mentions found"),
        ("error", "VARCHAR", "why the story could not be coded; NULL when it was"),
        ("coded_at", "TIMESTAMP", "when it was coded (UTC)"),
    ],
    "sentences": [
        ("sentence_id", "VARCHAR", "`story_id#index`"),
        ("story_id", "VARCHAR", "the story it belongs to"),
        ("idx", "INTEGER", "0-based position among the story's coded sentences (the `sentence_id` of `dyad code`)"),
        ("start_char", "INTEGER", "offset of its first character in the story text"),
        ("end_char", "INTEGER", "offset just past its last character"),
        ("text", "VARCHAR", "the sentence"),
    ],
    "actors": [
        ("code", "VARCHAR", "actor code seen in a mention (`RUSGOV`, `IGOUNO`, `SYRREB`)"),
        ("country", "VARCHAR", "its country code (the first three letters when they are a country), else NULL"),
        ("sectors", "VARCHAR", "the rest of the code in three-letter parts, space-separated (`GOV`, `REB MIL`)"),
        ("label", "VARCHAR", "a readable name: country or organisation, then the sector names"),
    ],
    "mentions": [
        ("mention_id", "VARCHAR", "hash of the story, sentence, trigger, actors and code: the same finding keeps its id"),
        ("event_id", "VARCHAR", "the merged event this mention belongs to (table `events`)"),
        ("story_id", "VARCHAR", "story it was found in"),
        ("sentence_id", "VARCHAR", "sentence it was found in (table `sentences`)"),
        ("sentence_idx", "INTEGER", "that sentence's index in the story"),
        ("date", "DATE", "event date (relative dates resolved against the story date)"),
        ("source", "VARCHAR", "source actor code"),
        ("target", "VARCHAR", "target actor code; '' when the event has none"),
        ("cameo", "VARCHAR", "CAMEO event code"),
        ("root", "VARCHAR", "CAMEO root (first two digits)"),
        ("plover", "VARCHAR", "PLOVER event type"),
        ("plover_mode", "VARCHAR", "PLOVER mode"),
        ("goldstein", "DOUBLE", "Goldstein scale value of the CAMEO code"),
        ("quad_class", "TINYINT", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
        ("source_text", "VARCHAR", "text the source was coded from"),
        ("target_text", "VARCHAR", "text the target was coded from"),
        ("trigger_text", "VARCHAR", "the word that triggered the pattern"),
        ("source_start", "INTEGER", "character span of the source in the story text"),
        ("source_end", "INTEGER", ""),
        ("target_start", "INTEGER", "character span of the target (NULL without a target)"),
        ("target_end", "INTEGER", ""),
        ("trigger_start", "INTEGER", "character span of the trigger"),
        ("trigger_end", "INTEGER", ""),
        ("location_name", "VARCHAR", "where it happened: a place named in the sentence, else an actor's country"),
        ("location_country", "VARCHAR", "ISO 3166-1 alpha-3 code of the location's country"),
        ("location_lat", "DOUBLE", "latitude"),
        ("location_lon", "DOUBLE", "longitude"),
        ("location_feature", "VARCHAR", "city, region or country"),
        ("location_source", "VARCHAR", "text (named in the sentence) or actor (an actor's country)"),
        ("rule", "VARCHAR", "the lexicon pattern that fired, as file:line"),
        ("confidence", "DOUBLE", "0 to 1, higher for longer patterns and named targets"),
        ("mood", "VARCHAR", "future or intent when the act is not yet done; NULL for facts"),
        ("evidence", "VARCHAR", "JSON: every evidence field of `dyad code` (spans, lexicon entries, date expression)"),
    ],
    "events": [
        ("event_id", "VARCHAR", "hash of source, target, code and first date: stable whatever order stories came in"),
        ("date", "DATE", "date of its earliest mention"),
        ("last_date", "DATE", "date of its latest mention (within the merge window of `date`)"),
        ("source", "VARCHAR", "source actor code"),
        ("target", "VARCHAR", "target actor code; '' when none"),
        ("cameo", "VARCHAR", "CAMEO event code"),
        ("root", "VARCHAR", "CAMEO root"),
        ("plover", "VARCHAR", "PLOVER event type (of its first mention)"),
        ("plover_mode", "VARCHAR", "PLOVER mode"),
        ("goldstein", "DOUBLE", "Goldstein scale value"),
        ("quad_class", "TINYINT", "QuadClass, 1 to 4"),
        ("num_mentions", "INTEGER", "mentions merged into it (as GDELT's NumMentions)"),
        ("num_sources", "INTEGER", "distinct outlets that reported it; a story without an outlet counts as its own "
                                   "(as GDELT's NumSources)"),
        ("num_articles", "INTEGER", "distinct stories that reported it (as GDELT's NumArticles)"),
        ("source_text", "VARCHAR", "source text of its first mention"),
        ("target_text", "VARCHAR", "target text of its first mention"),
        ("location_name", "VARCHAR", "the location its mentions name most often"),
        ("location_country", "VARCHAR", "ISO3 country of that location"),
        ("location_lat", "DOUBLE", "latitude"),
        ("location_lon", "DOUBLE", "longitude"),
        ("location_feature", "VARCHAR", "city, region or country"),
        ("confidence", "DOUBLE", "highest confidence among its mentions"),
        ("source_url", "VARCHAR", "address of the first story that reported it"),
        ("sentence_ids", "VARCHAR[]", "every sentence that reported it, in date and story order"),
        ("story_ids", "VARCHAR[]", "every story that reported it"),
    ],
}

INDEXES = [
    "CREATE INDEX IF NOT EXISTS mentions_story ON mentions(story_id)",
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id)",
    "CREATE INDEX IF NOT EXISTS sentences_story ON sentences(story_id)",
]


def columns(table: str) -> list[str]:
    return [c for c, _, _ in TABLES[table]]


def ddl() -> list[str]:
    statements = []
    for table, cols in TABLES.items():
        body = ",\n  ".join(f"{name} {kind}" for name, kind, _ in cols)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  {body},\n  PRIMARY KEY ({cols[0][0]})\n)")
    return statements + INDEXES


def reference() -> str:
    """The column reference of docs/STORE.md, as Markdown."""
    out = []
    for table, cols in TABLES.items():
        out.append(f"### `{table}`\n\n| column | type | meaning |\n|---|---|---|")
        out += [f"| `{name}` | {kind} | {meaning} |" for name, kind, meaning in cols]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(reference())
