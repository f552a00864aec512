"""Importing files: recognise each by its content, parse all, write all in one transaction."""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from msgspec import Struct

from bot.changes import BUILD, Actor, AlertOutlook, Country, DataChange
from bot.importer import derived, years
from bot.importer.alias_list import AliasRows, parse_aliases_csv, store_aliases
from bot.importer.errors import ImportFailed
from bot.importer.index_csv import ParsedIndex, index_delimiter, parse_index_csv, store_index
from bot.importer.profile import (
    SECTION_HEADINGS,
    ParsedProfile,
    parse_profile,
    profile_country,
    store_profile,
)
from bot.importer.report import ImportReport, record
from bot.importer.text import (
    MAX_LINES,
    MAX_PROFILE_BYTES,
    MAX_VDEM_LINES,
    ImportFile,
    first_line,
)
from bot.importer.vdem_csv import ParsedVdem, looks_like_vdem, parse_vdem_csv, store_vdem
from bot.store import Store, history, writes
from bot.store.subscriptions import alert_outlook

_INDEX_LINE = re.compile(r"^\s*index\s+[0-9]{4}\s*$", re.I)
_HEADING_LINE = re.compile(
    "^\\s*(" + "|".join(map(re.escape, SECTION_HEADINGS)) + ")\\s*:?\\s*$", re.I
)


def detect_kind(lines: str | Iterable[str]) -> str:
    """``"csv"``, ``"vdem"``, ``"profile"``, ``"aliases"`` or ``"unknown"``, by content
    alone: the first line tells an RSF CSV, a V-Dem CSV or an alias list; a profile has an
    "Index YYYY" or a section heading line somewhere."""
    lines = iter(lines.split("\n") if isinstance(lines, str) else lines)
    first = next(lines, "").lstrip("\ufeff")
    if first.count(";") >= 3:
        return "csv"
    if looks_like_vdem(first):
        return "vdem"
    if re.match(r"\s*alias\s*,", first, re.I):
        return "aliases"
    if index_delimiter(first) is not None:
        return "csv"  # RSF's file saved again by a spreadsheet: "," or tabs
    for line in itertools.chain([first], lines):
        if _INDEX_LINE.match(line) or _HEADING_LINE.match(line):
            return "profile"  # parse_profile says what is missing if the figures are
    return "unknown"


def import_paths(
    store: Store,
    paths: Iterable[Path | str],
    country: str | None = None,
    now: datetime | None = None,
    force: bool = False,
    actor: Actor | None = None,
) -> list[ImportReport]:
    """Import files in one transaction; on any error nothing at all is written.  Returns
    what each file changed (:func:`import_files` says the rest)."""
    return import_files(store, paths, actor or Actor.shell(), country=country, now=now,
                        force=force).reports


def import_files(
    store: Store,
    paths: Iterable[Path | str],
    actor: Actor,
    *,
    country: str | None = None,
    now: datetime | None = None,
    force: bool = False,
    dry_run: bool = False,
    deadline: float | None = None,
) -> DataChange:
    """Import files in one transaction, recorded as one change by ``actor`` that an undo
    can take back; on any error nothing at all is written.

    Everything is read and checked before the write lock is taken (most refusals cost no
    lock at all); then :func:`change_in` writes it.  ``force`` accepts a year that leaves
    years without an index after the latest one (:mod:`.years`).  ``dry_run`` does all of
    it, the checks that need the database included, and rolls it back: what it returns is
    what the import would change.  ``deadline``: seconds to wait for the write lock.
    """
    now = now or datetime.now(UTC)
    parsed = [parse_file(Path(p), now.year) for p in paths]
    with store.write(deadline, dry_run=dry_run) as conn:
        change = change_in(conn, parsed, actor, country=country, now=now, force=force,
                           keep=actor.via != BUILD.via)
    if dry_run:
        change.change_id = None
    return change


def change_in(
    conn: sqlite3.Connection,
    files: list[ParsedFile],
    actor: Actor,
    *,
    country: str | None = None,
    now: datetime | None = None,
    force: bool = False,
    keep: bool = True,
) -> DataChange:
    """:func:`apply` inside the caller's transaction, recorded as one change (with its
    reverse diff when ``keep``: the first build has nothing before it to go back to), with
    the countries that came and went and the release alert it makes due."""
    now = now or datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    before = writes.country_names(conn)
    with history.recorded(conn, "import", actor.who, actor.via, stamp, keep) as change:
        reports = apply(conn, files, country=country, now=now, force=force,
                        change_id=change.id)
        change.summary = _files_summary(reports)
    after = writes.country_names(conn)
    outlook = alert_outlook(conn)
    return DataChange(
        reports, actor,
        countries_added=[Country(c, after[c]) for c in sorted(set(after) - set(before))],
        countries_gone=[Country(c, before[c]) for c in sorted(set(before) - set(after))],
        alert=AlertOutlook(*outlook) if outlook else None,
        change_id=change.id,
    )


def _files_summary(reports: list[ImportReport]) -> str:
    """The ``changes`` row's summary of an import: its files, by name and what they hold."""
    def what(report: ImportReport) -> str:
        return " ".join(str(x) for x in (Path(report.file).name, report.kind, report.year,
                                         report.code) if x)

    shown = ", ".join(what(report) for report in reports[:3])
    return shown + (f" and {len(reports) - 3} more files" if len(reports) > 3 else "")


class ParsedFile(Struct):
    """One file, read and checked, ready to be written."""

    path: Path
    kind: str  # "csv" | "vdem" | "profile" | "aliases"
    content: ParsedIndex | ParsedVdem | ParsedProfile | AliasRows
    sha256: str


def parse_file(path: Path, this_year: int) -> ParsedFile:
    """Read, recognise and parse one file: every refusal that needs no database.  The file
    is read a chunk at a time, within the limits of :mod:`.text`."""
    # V-Dem's country-years run to thousands of lines: a file that starts as V-Dem's does
    # is held to V-Dem's line limit, any other to RSF's.
    header = first_line(path)
    vdem_file = looks_like_vdem(header)
    with ImportFile.open(path, max_lines=MAX_VDEM_LINES if vdem_file else MAX_LINES) as source:
        source.check()
        if source.blank:
            raise ImportFailed(path, 1, 1, "the file is empty")
        kind = detect_kind(source.lines())
        if kind == "vdem":
            vdem = parse_vdem_csv(path, "\n".join(source.lines()))
            return ParsedFile(path, kind, vdem, source.sha256)
        if kind == "csv":
            index = parse_index_csv(path, source.lines(), index_delimiter(header) or ";")
            years.check_possible(path, index, this_year)
            return ParsedFile(path, kind, index, source.sha256)
        if kind == "profile":
            if source.size > MAX_PROFILE_BYTES:
                raise ImportFailed(
                    path, 0, 0, f"the page is {source.size / 2**20:.1f} MB; a profile page may "
                    f"be at most {MAX_PROFILE_BYTES // 2**20} MB"
                )
            return ParsedFile(path, kind, parse_profile(path, source.lines()), source.sha256)
        if kind == "aliases":
            return ParsedFile(path, kind, parse_aliases_csv(path, source.lines()),
                              source.sha256)
    raise ImportFailed(
        path, 1, 1, "neither an RSF index CSV (ISO, Score, Rank… separated by ';', ',' "
        "or tabs), a V-Dem CSV "
        "(country_text_id,…), a profile page ('Index YYYY' block) nor an alias list "
        "(alias,code,lang)"
    )


def apply(
    conn: sqlite3.Connection,
    files: list[ParsedFile],
    country: str | None = None,
    now: datetime | None = None,
    force: bool = False,
    change_id: int | None = None,
) -> list[ImportReport]:
    """Write parsed files inside the caller's transaction; returns what each changed
    (``change_id``: the change the files' rows in ``imports`` belong to).

    Index CSVs go first, oldest year first (so 2026 and 2027 in one command follow each
    other), then V-Dem's table (the last such file wins: it replaces the whole table),
    then profiles (matched to their country by the figures just written), then the alias
    list.  The countries and aliases that follow from the index rows are rebuilt once at
    the end of the CSVs, and again after an alias list (:mod:`.derived`).
    """
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    reports: dict[int, ImportReport] = {}  # by the file's place in ``files``
    csvs = sorted(
        ((at, f.path, f.content, f.sha256) for at, f in enumerate(files)
         if isinstance(f.content, ParsedIndex)),
        key=lambda item: item[2].year,
    )
    for at, path, index, sha256 in csvs:
        stored = writes.years(conn)
        years.check_follows(path, index, stored[-1] if stored else None, force)
        report = ImportReport(str(path), "csv", year=index.year)
        store_index(conn, index, report)
        reports[at] = record(conn, report, sha256, stamp, change_id)
    if csvs:
        derived.refresh(conn)
    for at, item in enumerate(files):
        if isinstance(item.content, ParsedVdem):
            report = ImportReport(str(item.path), "vdem", year=item.content.latest)
            store_vdem(conn, item.content, report)
            reports[at] = record(conn, report, item.sha256, stamp, change_id)
    for at, item in enumerate(files):
        if isinstance(item.content, ParsedProfile):
            code = profile_country(conn, item.path, item.content, country)
            report = ImportReport(str(item.path), "profile", year=item.content.year, code=code)
            store_profile(conn, code, item.content, report)
            reports[at] = record(conn, report, item.sha256, stamp, change_id)
    lists = [(at, item) for at, item in enumerate(files) if isinstance(item.content, list)]
    for at, item in lists:
        assert isinstance(item.content, list)
        report = ImportReport(str(item.path), "aliases")
        store_aliases(conn, item.path, item.content, report)
        reports[at] = record(conn, report, item.sha256, stamp, change_id)
    if lists:
        # The generated names a shorter list no longer stands in for come back, as after
        # ``data remove aliases``: the data is always what its files define.
        derived.refresh(conn)
    return [reports[at] for at in sorted(reports)]
