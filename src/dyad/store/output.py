"""Writers for coded events: JSON Lines, CSV and a terminal table.

Every writer takes ``Event`` objects or plain dicts and any iterable, so the coder can
stream events out as it produces them; jsonl and csv write each event as it arrives.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

FORMATS = ("table", "jsonl", "csv")

CSV_COLUMNS = (
    "doc_id",
    "sentence_id",
    "date",
    "source",
    "source_text",
    "cameo",
    "plover",
    "target",
    "target_text",
    "goldstein",
    "quad_class",
    "location_name",
    "location_country",
    "rule",
    "confidence",
    "sentence",
)


def _as_dict(event: Any) -> dict[str, Any]:
    if isinstance(event, Mapping):
        return dict(event)
    if hasattr(event, "to_dict"):
        return event.to_dict()
    raise TypeError(f"cannot write event of type {type(event).__name__}")


def _location(ev: Mapping[str, Any]) -> tuple[str, str]:
    loc = ev.get("location") or {}
    if not isinstance(loc, Mapping):
        return str(loc), ""
    # Gazetteers disagree on the country key; plover_gsr uses country_iso2.
    country = next(
        (loc[k] for k in ("country", "country_iso2", "country_iso3", "country_code") if loc.get(k)),
        "",
    )
    return str(loc.get("name") or ""), str(country)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def write_jsonl(events: Iterable[Any], stream: TextIO) -> int:
    """One JSON object per line; returns the number of events written."""
    n = 0
    for ev in events:
        stream.write(json.dumps(_as_dict(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[Any], stream: TextIO) -> int:
    """A header and one row per event (the main fields only; jsonl keeps everything)."""
    # "\n" rather than csv's default "\r\n": text-mode streams already translate
    # newlines, and "\r\n" would come out as "\r\r\n" on Windows.
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for ev in events:
        d = _as_dict(ev)
        loc_name, loc_country = _location(d)
        row = {k: _cell(d.get(k)) for k in CSV_COLUMNS}
        row["location_name"], row["location_country"] = loc_name, loc_country
        writer.writerow([row[k] for k in CSV_COLUMNS])
        n += 1
    return n


def write_table(
    events: Iterable[Any],
    stream: TextIO,
    names: Mapping[str, str] | None = None,
    width: int | None = None,
) -> int:
    """A rich table; ``names`` maps CAMEO codes to short names for the event column."""
    from rich.console import Console
    from rich.table import Table

    is_tty = bool(getattr(stream, "isatty", lambda: False)())
    # color_system=None drops all styling, even when FORCE_COLOR is set, so piped
    # output never carries escape codes.
    console = Console(
        file=stream,
        width=width,
        color_system="auto" if is_tty else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    table = Table(header_style="bold")
    for col in ("doc", "sent", "date", "source", "event", "target", "plover", "location", "rule"):
        table.add_column(col, overflow="fold")

    n = 0
    for ev in events:
        d = _as_dict(ev)
        cameo = _cell(d.get("cameo"))
        name = (names or {}).get(cameo, "") if cameo else ""
        plover = _cell(d.get("plover"))
        mode = _cell(d.get("plover_mode"))
        loc_name, loc_country = _location(d)
        table.add_row(
            _cell(d.get("doc_id")),
            _cell(d.get("sentence_id")),
            _cell(d.get("date")),
            _cell(d.get("source")) or "-",
            f"{cameo} {name}".strip(),
            _cell(d.get("target")) or "-",
            f"{plover}/{mode}" if plover and mode else plover,
            f"{loc_name} ({loc_country})" if loc_name and loc_country else loc_name,
            _cell(d.get("rule")),
        )
        n += 1
    table.caption = f"{n} event{'s' if n != 1 else ''}"
    console.print(table)
    return n


def write_events(events: Iterable[Any], fmt: str, stream: TextIO, **options: Any) -> int:
    """Write ``events`` as ``fmt``; ``options`` (names, width) go to the table writer."""
    if fmt == "jsonl":
        return write_jsonl(events, stream)
    if fmt == "csv":
        return write_csv(events, stream)
    if fmt == "table":
        return write_table(events, stream, **options)
    raise ValueError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")
