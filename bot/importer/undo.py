"""``pressbot data undo`` and the bot's ``/undo``: take back the last import or removal.

The change's reverse diff (:mod:`bot.store.history`) puts back every row of the four data
tables it touched, in one transaction, so the data is exactly as it was before it.  The
bot's own state stays: subscriptions, the alert outbox, who was alerted.  Only the announced
year of release alerts follows the data, as after a removal
(:func:`~bot.store.subscriptions.settle_after_removal`): undoing the import of a new year
steps it back, so importing that year again alerts the chats not alerted yet, and never a
chat twice (an alert sent stays recorded).

Undo goes one change further back each time, as far as the history keeps; an undo itself
is recorded (who, when) but cannot be undone: import the file again.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

from bot.changes import Actor, Country, UndoReport, row_change
from bot.errors import OperatorError
from bot.importer import derived
from bot.store import Store, history, writes
from bot.store.subscriptions import settle_after_removal


class NothingToUndo(OperatorError):
    """No change can be undone now; the sentence says why.  Nothing was changed."""


def undo_last(store: Store, actor: Actor, expected: int | None = None,
              dry_run: bool = False, deadline: float | None = None) -> UndoReport:
    """Undo the last change in one transaction (``dry_run``: say what it would do, change
    nothing).  ``expected``: the change the operator was shown; if another one is the last
    by now (a second press of a button, another operator's import), nothing is undone."""
    with store.write(deadline, dry_run=dry_run) as conn:
        report = undo_in(conn, actor, expected)
    if dry_run:
        report.change_id = None
    return report


def undo_in(conn: sqlite3.Connection, actor: Actor, expected: int | None = None,
            now: datetime | None = None) -> UndoReport:
    """:func:`undo_last` inside the caller's transaction."""
    target = history.undo_target(conn)
    if target is None:
        raise NothingToUndo("there is nothing to undo: no import or removal since the "
                            "history of changes began")
    if expected is not None and target.id != expected:
        undone = expected > target.id
        raise NothingToUndo(
            f"change #{expected} was already undone" if undone else
            f"the last change is #{target.id} now, not #{expected}: nothing was undone; "
            "look at it again before undoing it")
    if not target.kept:
        if target.via == "build":
            raise NothingToUndo(f"change #{target.id} is the first build from the shipped "
                                "data: there is nothing before it to go back to")
        raise NothingToUndo(
            f"the data before change #{target.id} is no longer kept (the history keeps the "
            f"last {history.KEEP_STEPS} changes): import the files you want instead")
    report = UndoReport(target.id, target.kind, target.at, Actor(target.who, target.via),
                        target.summary, rows=0, by=actor)
    years_before = set(writes.years(conn))
    countries_before = writes.country_names(conn)
    # Index rows by year and country (a row the change rewrote has another row id now).
    restored: dict[tuple[int, str], dict[str, Any]] = {}
    current: dict[tuple[int, str], dict[str, Any]] = {}
    for put_back, there in history.reverse_diff(conn, target.id, "results"):
        for row, into in ((put_back, restored), (there, current)):
            if row is not None:
                into[(int(row["year"]), str(row["code"]))] = row
    report.sections = len(history.reverse_diff(conn, target.id, "profiles"))
    report.aliases = sum(
        1 for pair in history.reverse_diff(conn, target.id, "aliases")
        if any(row is not None and row["source"] == "curated" for row in pair))
    try:
        report.rows = history.restore(conn, target.id)
    except sqlite3.IntegrityError as exc:
        raise NothingToUndo(
            f"the data was edited outside pressbot since change #{target.id}, so its rows "
            "cannot be put back: import the files you want instead") from exc
    derived.refresh(conn)  # changes nothing unless the tables were edited by hand since
    years_after = set(writes.years(conn))
    report.years_back = sorted(years_after - years_before)
    report.years_gone = sorted(years_before - years_after)
    # Rows of a year that comes back or goes are said as that year, not row by row.
    whole = set(report.years_back) | set(report.years_gone)
    report.row_changes = [
        row_change(current.get(key), restored.get(key))
        for key in sorted(set(restored) | set(current), key=lambda k: (-k[0], k[1]))
        if key[0] not in whole and current.get(key) != restored.get(key)
    ]
    countries_after = writes.country_names(conn)
    report.countries_added = [Country(c, countries_after[c])
                              for c in sorted(set(countries_after) - set(countries_before))]
    report.countries_gone = [Country(c, countries_before[c])
                             for c in sorted(set(countries_before) - set(countries_after))]
    before, after = settle_after_removal(conn)
    if before != after:
        report.announced = (before, after)
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    report.change_id = history.note(conn, "undo", actor.who, actor.via, stamp,
                                    f"undid #{target.id}: {target.summary}")
    history.mark_undone(conn, target.id, report.change_id)
    return report
