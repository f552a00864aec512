"""What an import or an undo changed (or, in a dry run, would change), as plain lines in the
reader's language: ``pressbot data import`` and ``data undo`` print them, the bot sends them
to operators in one monospaced block (:func:`operator_message`).

Per file: what it is and its counts of rows added, changed and unchanged; for an index CSV
the rows that change, rank and score before → after (the first :data:`ROWS_SHOWN`, then a
count); for a profile the sections; for an alias list the aliases.  Then the countries that
appear or disappear, the release alert the change makes due, and who made it.
"""

from __future__ import annotations

from pathlib import Path

from bot.changes import Actor, Country, DataChange, ImportReport, RowChange, UndoReport
from bot.i18n import country_name, fmt_score, name, t
from bot.render.fixed import preformatted

#: Changed rows listed per file (then "… and N more rows").
ROWS_SHOWN = 20


def who(actor: Actor) -> str:
    """``alice (cli)``, ``4242 (telegram)``."""
    return f"{actor.who} ({actor.via})"


def change_lines(change: DataChange, lang: str, undo_with: str,
                 display: dict[str, str] | None = None) -> list[str]:
    """An import's summary; ``undo_with``: how the reader takes it back (a command);
    ``display``: names to show for files (a file an operator sent is stored under
    another)."""
    dry_run = change.change_id is None
    lines: list[str] = []
    for report in change.reports:
        lines += _file_lines(report, lang, dry_run, (display or {}).get(report.file))
    if change.countries_added:
        lines.append(t(lang, "op_countries_added",
                       names=_countries(change.countries_added, lang)))
    if change.countries_gone:
        lines.append(t(lang, "op_countries_gone", names=_countries(change.countries_gone, lang)))
    if change.alert is not None and change.alert.chats:
        lines.append(t(lang, "op_alert", chats=change.alert.chats, year=change.alert.year))
    if dry_run:
        lines.append(t(lang, "op_dry_run"))
    elif change.changes_anything:
        lines.append(t(lang, "op_done", id=change.change_id, who=who(change.actor),
                       undo=undo_with))
    return lines


def _file_lines(report: ImportReport, lang: str, dry_run: bool,
                shown_as: str | None) -> list[str]:
    what = " ".join(str(x) for x in (t(lang, f"op_kind_{report.kind}"), report.year,
                                     report.code) if x)
    counts = t(lang, "op_counts", rows=report.rows, added=report.added,
               changed=report.changed, unchanged=report.unchanged)
    if report.removed:
        counts += t(lang, "op_counts_removed", removed=report.removed)
    lines = [t(lang, "op_would_import" if dry_run else "op_imported",
               file=shown_as or Path(report.file).name, what=what, counts=counts)]
    if report.kind == "csv":
        lines += _rows(report.row_changes, lang)
    elif report.kind == "profile":
        for key, sections in (("op_sections_added", report.added_keys),
                              ("op_sections_changed", report.changed_keys),
                              ("op_sections_removed", report.removed_keys)):
            if sections:
                names = ", ".join(name(lang, section) for section in sections)
                lines.append("  " + t(lang, key, names=names))
    else:
        for key, aliases in (("op_aliases_added", report.added_keys),
                             ("op_aliases_removed", report.removed_keys)):
            if aliases:
                lines.append("  " + t(lang, key, names=_some(aliases, lang)))
    return lines


def _some(items: list[str], lang: str) -> str:
    shown = ", ".join(items[:ROWS_SHOWN])
    more = len(items) - ROWS_SHOWN
    return shown + (" " + t(lang, "op_more", n=more) if more > 0 else "")


def _rows(changes: list[RowChange], lang: str) -> list[str]:
    lines = ["  " + _row(change, lang) for change in changes[:ROWS_SHOWN]]
    if len(changes) > ROWS_SHOWN:
        lines.append("  " + t(lang, "op_more_rows", n=len(changes) - ROWS_SHOWN))
    return lines


def _value(value: float | int | None, score: bool, lang: str) -> str:
    if value is None:
        return "—"
    return fmt_score(value, lang=lang) if score else str(value)


def _row(change: RowChange, lang: str) -> str:
    """``KAZ Kazakhstan 2026: rank 142 → 140, score 41.11 → 43.00``."""
    parts = []
    if change.rank[0] != change.rank[1]:
        parts.append(t(lang, "op_rank", old=_value(change.rank[0], False, lang),
                       new=_value(change.rank[1], False, lang)))
    if change.score[0] != change.score[1]:
        parts.append(t(lang, "op_score", old=_value(change.score[0], True, lang),
                       new=_value(change.score[1], True, lang)))
    if not parts:  # same figures: names, zone or indicators differ
        parts.append(t(lang, "op_columns", columns=", ".join(change.columns)))
    named = country_name(change.code, change.name, lang)
    return f"{change.code} {named} {change.year}: {', '.join(parts)}"


def _countries(countries: list[Country], lang: str) -> str:
    return _some([f"{c.code} {country_name(c.code, c.name, lang)}" for c in countries], lang)


def undo_lines(report: UndoReport, lang: str) -> list[str]:
    """An undo's summary (or a dry run's: what it would put back)."""
    dry_run = report.change_id is None
    lines = [t(lang, "op_would_undo" if dry_run else "op_undid", id=report.target,
               kind=t(lang, f"op_kind_{report.target_kind}"), at=report.target_at,
               who=who(report.target_actor), summary=report.target_summary),
             "  " + t(lang, "op_rows_back", rows=report.rows)]
    if report.years_back:
        lines.append("  " + t(lang, "op_years_back", years=", ".join(map(str, report.years_back))))
    if report.years_gone:
        lines.append("  " + t(lang, "op_years_gone", years=", ".join(map(str, report.years_gone))))
    lines += _rows(report.row_changes, lang)
    if report.sections:
        lines.append("  " + t(lang, "op_sections_back", n=report.sections))
    if report.aliases:
        lines.append("  " + t(lang, "op_aliases_back", n=report.aliases))
    if report.countries_added:
        lines.append(t(lang, "op_countries_added",
                       names=_countries(report.countries_added, lang)))
    if report.countries_gone:
        lines.append(t(lang, "op_countries_gone", names=_countries(report.countries_gone, lang)))
    if report.announced is not None:
        before, after = report.announced
        none = t(lang, "op_none")
        lines.append(t(lang, "op_announced", before=before or none, after=after or none))
    if dry_run:
        lines.append(t(lang, "op_dry_run"))
    elif report.by is not None:
        lines.append(t(lang, "op_undo_done", id=report.change_id, who=who(report.by)))
    return lines


def operator_message(heading: str, lines: list[str]) -> str:
    """A bot message to an operator: a heading (HTML of ours) over the lines, escaped, in
    one monospaced block that fits one message."""
    if not lines:
        return heading
    return heading + "\n" + preformatted(lines, reserve=len(heading) + 1)
