"""Writers for coded events: JSON Lines, CSV and a terminal table.

Every writer takes ``Event`` objects or plain dicts and any iterable, so the coder can
stream events out as it produces them; jsonl and csv write each event as it arrives.
``write_frame`` writes the store's answers (pandas DataFrames) the same three ways.
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


def records(frame) -> list[dict[str, Any]]:
    """The rows of a DataFrame as JSON-ready dicts: dates as YYYY-MM-DD, missing values
    as None, arrays as lists, NumPy numbers as Python numbers."""
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _plain(value: Any) -> Any:
    import datetime as dt

    if value is None or type(value).__name__ in ("NaTType", "NAType"):  # pandas' missing date and value
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return [_plain(v) for v in value.tolist()] if getattr(value, "ndim", 0) else _plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "isoformat") and isinstance(value, (dt.datetime, dt.date)):
        if isinstance(value, dt.datetime) and value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    return value


def write_frame(frame, fmt: str, stream: TextIO, title: str | None = None, width: int | None = None) -> int:
    """Write a DataFrame as a table, JSON Lines or CSV; returns the number of rows."""
    rows = records(frame)
    cols = [str(c) for c in frame.columns]
    if fmt == "jsonl":
        for r in rows:
            stream.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            writer.writerow([_csv_cell(r[c]) for c in cols])
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        is_tty = bool(getattr(stream, "isatty", lambda: False)())
        console = Console(file=stream, width=width, color_system="auto" if is_tty else None, highlight=False,
                          emoji=False, markup=False)
        table = Table(header_style="bold", title=title)
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*[_csv_cell(r[c]) for c in cols])
        table.caption = f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
        console.print(table)
    else:
        raise ValueError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return len(rows)


def _csv_cell(value: Any) -> str:
    if isinstance(value, list):
        return "|".join(map(str, value))
    return _cell(value)


PARQUET_STORIES_PER_PART = 1000


def write_parquet_parts(stories, folder, stories_per_part: int = PARQUET_STORIES_PER_PART) -> int:
    """Write the events of ``stories`` (``Coded`` records) as Parquet files
    ``part-00000.parquet``, ... in ``folder``, one per ``stories_per_part`` stories, so a
    corpus of any size is written as it is coded. Returns the number of events."""
    from pathlib import Path

    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out} is a file; --format parquet writes a folder of parts: give a folder with -o")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.parquet"):
        old.unlink()  # a folder is one output: parts of an earlier run would be mixed in
    rows, part, seen, n = [], 0, 0, 0
    for coded in stories:
        rows += [_flat(e) for e in coded.events]
        seen += 1
        if seen % stories_per_part == 0:
            n += _write_part(rows, out, part)
            rows, part = [], part + 1
    if rows or part == 0:
        n += _write_part(rows, out, part)
    return n


PARQUET_COLUMNS = ("doc_id", "sentence_id", "sentence", "date", "source", "target", "cameo", "source_text",
                   "target_text", "plover", "plover_mode", "goldstein", "quad_class", "location_name",
                   "location_country", "location_lat", "location_lon", "rule", "confidence", "evidence")


def _flat(event: Any) -> dict[str, Any]:
    d = _as_dict(event)
    loc = d.get("location") or {}
    row = {k: d.get(k) for k in PARQUET_COLUMNS}
    row.update(location_name=loc.get("name"), location_country=loc.get("country"), location_lat=loc.get("lat"),
               location_lon=loc.get("lon"), evidence=json.dumps(d.get("evidence") or {}, ensure_ascii=False))
    return row


def _write_part(rows: list[dict], folder, part: int) -> int:
    import duckdb
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(PARQUET_COLUMNS))
    con = duckdb.connect()
    try:
        con.register("part", frame)
        con.execute(f"COPY part TO '{folder / f'part-{part:05d}.parquet'}' (FORMAT parquet)")
    finally:
        con.close()
    return len(rows)
