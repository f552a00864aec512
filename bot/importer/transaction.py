"""Importing files: recognise each by its content, parse all, write all in one transaction."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from bot.importer.alias_list import parse_aliases_csv, store_aliases
from bot.importer.aliases import GENERATED_SOURCES, generated_aliases
from bot.importer.errors import ImportFailed
from bot.importer.index_csv import parse_index_csv, store_index
from bot.importer.profile import SECTION_HEADINGS, parse_profile, profile_country, store_profile
from bot.importer.report import ImportReport, record
from bot.importer.text import read_text
from bot.importer.vdem_csv import looks_like_vdem, parse_vdem_csv, store_vdem
from bot.store import Store, writes

_INDEX_LINE_ANYWHERE = re.compile(r"^\s*index\s+\d{4}\s*$", re.I | re.M)
_HEADING_LINE_ANYWHERE = re.compile(
    "^\\s*(" + "|".join(map(re.escape, SECTION_HEADINGS)) + ")\\s*:?\\s*$", re.I | re.M
)


def detect_kind(text: str) -> str:
    """``"csv"``, ``"vdem"``, ``"profile"``, ``"aliases"`` or ``"unknown"``, by content
    alone."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if first.count(";") >= 3:
        return "csv"
    if looks_like_vdem(first):
        return "vdem"
    if re.match(r"\s*alias\s*,", first, re.I):
        return "aliases"
    if _INDEX_LINE_ANYWHERE.search(text) or _HEADING_LINE_ANYWHERE.search(text):
        return "profile"  # parse_profile says what is missing if the figures are
    return "unknown"


def import_paths(
    store: Store,
    paths: Iterable[Path | str],
    country: str | None = None,
    now: datetime | None = None,
) -> list[ImportReport]:
    """Import files in one transaction; on any error nothing at all is written.

    Index CSVs are applied before profiles so a profile can be matched to its country by the
    figures the same command imports.  Aliases are regenerated from the countries table at
    the end, inside the same transaction.
    """
    items: list[tuple[Path, str, str, bytes]] = []
    for p in paths:
        path = Path(p)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFailed(path, 0, 0, f"cannot read: {exc.strerror or exc}") from None
        text = read_text(path, data)
        if not text.strip():
            raise ImportFailed(path, 1, 1, "the file is empty")
        kind = detect_kind(text)
        if kind == "unknown":
            raise ImportFailed(
                path, 1, 1, "neither an RSF index CSV (';'-separated), a V-Dem CSV "
                "(country_text_id,…), a profile page ('Index YYYY' block) nor an alias list "
                "(alias,code,lang)"
            )
        items.append((path, kind, text, data))
    # Parse everything before touching the database: most refusals cost no lock at all.
    parsed_csv = [(p, parse_index_csv(p, t), d) for p, k, t, d in items if k == "csv"]
    parsed_profiles = [(p, parse_profile(p, t), d) for p, k, t, d in items if k == "profile"]
    parsed_aliases = [(p, parse_aliases_csv(p, t), d) for p, k, t, d in items if k == "aliases"]
    parsed_vdem = [(p, parse_vdem_csv(p, t), d) for p, k, t, d in items if k == "vdem"]
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    reports: list[ImportReport] = []
    with store.write() as conn:
        for path, index, data in parsed_csv:
            report = ImportReport(str(path), "csv", year=index.year)
            store_index(conn, index, report)
            reports.append(record(conn, report, data, stamp))
        for path, vdem, data in parsed_vdem:  # the whole V-Dem table: the last file wins
            report = ImportReport(str(path), "vdem", year=vdem.latest)
            store_vdem(conn, vdem, report)
            reports.append(record(conn, report, data, stamp))
        for path, profile, data in parsed_profiles:
            code = profile_country(conn, path, profile, country)
            report = ImportReport(str(path), "profile", year=profile.year, code=code)
            store_profile(conn, code, profile, report)
            reports.append(record(conn, report, data, stamp))
        for path, rows, data in parsed_aliases:
            store_aliases(conn, path, rows)
            report = ImportReport(str(path), "aliases", rows=len(rows), added=len(rows))
            reports.append(record(conn, report, data, stamp))
        if parsed_csv:
            writes.replace_aliases(
                conn, GENERATED_SOURCES, generated_aliases(writes.all_countries(conn))
            )
    return reports
