"""Request and response shapes of the HTTP API. They exist for validation and for the
OpenAPI page (/docs); rows of the store keep every column the store gives
(docs/STORE.md), so they are described, not re-declared."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid",
                              json_schema_extra={"examples": [{"text": "Russian troops shelled Ukrainian positions near "
                                                                       "Kharkiv on Wednesday.", "date": "2024-05-16"}]})

    text: str = Field(description="The story, as plain text.")
    date: str | None = Field(None, description="Story date, YYYY-MM-DD: relative dates and people's offices are "
                                                "resolved against it.")
    id: str = Field("text", max_length=200, description="The events' doc_id.")


class Event(BaseModel):
    """One coded event, as `dyad code` writes it (README: Output fields)."""

    doc_id: str
    sentence_id: int
    sentence: str
    date: str | None
    source: str
    target: str = Field(description="'' when the event has none")
    cameo: str
    source_text: str = ""
    target_text: str = ""
    plover: str = ""
    plover_mode: str = ""
    goldstein: float | None = None
    quad_class: int | None = None
    location: dict[str, Any] | None = None
    evidence: dict[str, Any] = Field(default_factory=dict, description="[start, end] character spans into the text "
                                                                        "of source, target and trigger, and the "
                                                                        "lexicon entries the actors came from")
    rule: str = ""
    confidence: float = 0.0


class ExplainedSentence(BaseModel):
    """What `dyad explain` shows for one sentence."""

    sentence: str
    parse: list[list[Any]] = Field(description="[index, word, lemma, POS, dependency, head index] per token")
    actors: list[dict[str, Any]] = Field(description="text, code, lexicon entry and [start, end) span in the text")
    candidates: list[dict[str, Any]] = Field(description="what the coder tried (dyad.model.Attempt): trigger, rule, "
                                                         "pattern, code, kind, `dropped` (why; empty when kept), "
                                                         "`made` (events), mood, source_rule, target_rule, kept")
    events: list[Event]


class CodeResponse(BaseModel):
    events: list[Event]
    sentences: list[ExplainedSentence] | None = Field(None, description="only with ?explain=true")


class EventsPage(BaseModel):
    events: list[dict[str, Any]] = Field(description="merged events, every column of the store's events table")
    total: int = Field(description="events matching the filters, all pages together")


class EventDetail(BaseModel):
    event: dict[str, Any]
    mentions: list[dict[str, Any]] = Field(description="every mention, with its sentence (and `sentence_start`, its "
                                                       "offset in the story), story title, outlet, url and date")


class Rows(BaseModel):
    rows: list[dict[str, Any]]


class Info(BaseModel):
    version: str
    store: str | None = Field(description="file name of the event store, or null when the server has none")
    counts: dict[str, int] | None = Field(description="rows per table of the store")
    max_body_bytes: int


class Error(BaseModel):
    error: str = Field(description="what went wrong, and how to fix it")
