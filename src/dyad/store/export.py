"""Exporting merged events: Parquet, CSV, JSON Lines, and GDELT 2.0's event table.

Every format has one row per event that ``dyad events`` lists with the same filters.
The GDELT export writes the 61 tab-separated columns of the GDELT 2.0 event table in
their order, without a header; docs/STORE.md says which columns dyad fills and how.
"""
from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from ..errors import InputError
from .db import scalar
from ..lexicon.actor_codes import split as split_code
from . import queries
from .output import write_frame
from .queries import Filters

FORMATS = ("parquet", "csv", "jsonl", "gdelt")

GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

# GDELT's geographic resolution codes.
_GEO_TYPE = {"country": 1, "region": 5, "city": 4}
_US_GEO_TYPE = {"region": 2, "city": 3}


def export(con, path: Path, fmt: str, filters: Filters) -> int:
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", f"choose one of: {', '.join(FORMATS)}")
    if not path.parent.is_dir():
        raise InputError(f"{path}: the folder {path.parent} does not exist", "create it first or choose another path")
    if fmt == "parquet":
        where, params = filters.where("e")
        rel = con.sql(f"SELECT * FROM events e WHERE {where} ORDER BY date NULLS LAST, event_id", params=params)
        rel.write_parquet(str(path))
        return scalar(con, f"SELECT count(*) FROM events e WHERE {where}", params)
    frame = queries.events(con, filters)
    with open(path, "w", encoding="utf-8", newline="") as out:
        if fmt == "gdelt":
            return _write_gdelt(con, frame, out)
        return write_frame(frame, fmt, out)


def _write_gdelt(con, frame, out) -> int:
    extra = {row[0]: row[1:] for row in con.execute("""
        SELECT m.event_id, min(st.coded_at), bool_or(m.sentence_idx = 0)
        FROM mentions m JOIN stories st USING (story_id) GROUP BY m.event_id""").fetchall()}
    n = 0
    for e in frame.to_dict(orient="records"):
        added, is_root = extra.get(e["event_id"], (None, False))
        out.write("\t".join(_clean(v) for v in gdelt_row(e, added, is_root)) + "\n")
        n += 1
    return n


def gdelt_row(e: dict, added: dt.datetime | None, is_root: bool) -> list:
    """The 61 GDELT fields of one merged event (a row of ``events``)."""
    day = _as_date(e["date"])
    return [
        int(e["event_id"][:15], 16),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor(e["source"], e["source_text"]),
        *_actor(e["target"], e["target_text"]),
        int(bool(is_root)), e["cameo"], e["cameo"][:3], e["cameo"][:2], e["quad_class"], e["goldstein"],
        e["num_mentions"], e["num_sources"], e["num_articles"],
        "",  # AvgTone: dyad does not measure tone
        *_country_geo(split_code(e["source"]).country),
        *_country_geo(split_code(e["target"]).country),
        *_action_geo(e),
        added.strftime("%Y%m%d%H%M%S") if added is not None and added == added else "",
        e["source_url"] or (e["story_ids"][0] if len(e["story_ids"]) else ""),
    ]


def _actor(code: str, text: str | None) -> list:
    if not code:
        return [""] * 10
    a = split_code(code)
    types = list(a.types[:3]) + [""] * (3 - len(a.types[:3]))
    religions = list(a.religions[:2]) + [""] * (2 - len(a.religions[:2]))
    return [code, (text or a.label).upper(), a.country or "", a.groups[0] if a.groups else "", "", *religions, *types]


def _country_geo(iso3: str | None) -> list:
    """An actor's geography: its country, as GDELT gives a country-level match."""
    info = _countries().get(iso3 or "")
    if not info:
        return [0, "", "", "", "", "", "", ""]
    name, fips, lat, lon = info
    return [1, name, fips, fips, "", _num(lat), _num(lon), fips]


def _action_geo(e: dict) -> list:
    name = e.get("location_name")
    if not name:
        return [0, "", "", "", "", "", "", ""]
    iso3 = e.get("location_country") or ""
    country = _countries().get(iso3)
    fips = country[1] if country else ""
    feature = e.get("location_feature") or ""
    kind = (_US_GEO_TYPE if iso3 == "USA" else {}).get(feature) or _GEO_TYPE.get(feature, 4)
    full = name if feature == "country" or not country else f"{name}, {country[0]}"
    return [kind, full, fips, fips if feature == "country" else "", "", _num(e.get("location_lat")),
            _num(e.get("location_lon")), fips if feature == "country" else ""]


@cache
def _countries() -> dict[str, tuple[str, str, float | None, float | None]]:
    """ISO3 -> (name, FIPS 10-4 code, lat, lon of the capital)."""
    from ..coding import places

    index = places._index()
    out = {}
    for info in places._gc().get_countries().values():
        iso3 = info.get("iso3")
        if not iso3:
            continue
        cap = index.capital(iso3) if iso3 in index.countries else None
        out[iso3] = (info["name"], info.get("fips") or "", cap.lat if cap else None, cap.lon if cap else None)
    if "XKX" in out:
        out.setdefault("KSV", out["XKX"])  # CAMEO's code for Kosovo
    return out


def _as_date(value) -> dt.date | None:
    if value is None or value != value:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _num(value) -> str:
    return "" if value is None or value != value else f"{float(value):.4f}"


def _clean(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")
