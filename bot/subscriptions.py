"""Subscriptions and release alerts, kept in SQLite beside (never inside) the index data.

Imports replace index tables; these tables belong to the bot's users and no import touches
them.  Alerts are an outbox: when a new index year appears, one ``alerts`` row per
subscribed chat is written in the same transaction that records the year as announced.
Delivery marks each row sent, so a restart resumes where it stopped: no duplicates, no
losses.  A chat that blocked the bot is unsubscribed instead of being retried forever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

#: Delivery attempts before an alert is given up (network trouble, not a block).
MAX_ATTEMPTS = 5


def ensure_tables(db: sqlite_utils.Database) -> None:
    tables = set(db.table_names())
    if "subscriptions" not in tables:
        db.table("subscriptions").create(
            {"chat_id": int, "code": str, "lang": str, "created": str}, pk=("chat_id", "code")
        )
    if "alerts" not in tables:
        db.table("alerts").create(
            {"chat_id": int, "year": int, "status": str, "attempts": int, "updated": str},
            pk=("chat_id", "year"),
        )
    if "bot_state" not in tables:
        db.table("bot_state").create({"key": str, "value": str}, pk="key")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def subscribe(
    db: sqlite_utils.Database, chat_id: int, codes: list[str], lang: str = "en"
) -> list[str]:
    """Add subscriptions (``lang``: the language alerts are written in); returns the new."""
    existing = set(subscriptions(db, chat_id))
    new = [c for c in dict.fromkeys(codes) if c not in existing]
    db.table("subscriptions").insert_all(
        [{"chat_id": chat_id, "code": c, "lang": lang, "created": _now()} for c in new],
        ignore=True,
    )
    return new


def unsubscribe(db: sqlite_utils.Database, chat_id: int, codes: list[str] | None) -> int:
    """Remove the given subscriptions, or all of a chat's when ``codes`` is None: then the
    chat's alert records go too, and nothing about it stays in the database."""
    before = len(subscriptions(db, chat_id))
    if codes is None:
        db.execute("DELETE FROM subscriptions WHERE chat_id = ?", [chat_id])
        db.execute("DELETE FROM alerts WHERE chat_id = ?", [chat_id])
    else:
        for code in codes:
            db.execute("DELETE FROM subscriptions WHERE chat_id = ? AND code = ?", [chat_id, code])
    return before - len(subscriptions(db, chat_id))


def subscriptions(db: sqlite_utils.Database, chat_id: int) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT code FROM subscriptions WHERE chat_id = ? ORDER BY created, code", [chat_id]
        )
    ]


def subscriber_count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(DISTINCT chat_id) FROM subscriptions").fetchone()[0])


def plan_alerts(db: sqlite_utils.Database, latest_year: int | None) -> int:
    """Queue one alert per subscribed chat for a year not announced yet.

    The first run only records the current year: subscribers hear about the *next* index,
    not about data that was there when they subscribed.  Returns the alerts queued.
    """
    if latest_year is None:
        return 0
    db.execute("BEGIN IMMEDIATE")
    try:
        row = db.execute("SELECT value FROM bot_state WHERE key = 'announced_year'").fetchone()
        announced = int(row[0]) if row else None
        queued = 0
        if announced is not None and latest_year > announced:
            cursor = db.execute(
                "INSERT OR IGNORE INTO alerts (chat_id, year, status, attempts, updated) "
                "SELECT DISTINCT chat_id, ?, 'pending', 0, ? FROM subscriptions",
                [latest_year, _now()],
            )
            queued = cursor.rowcount
        if announced is None or latest_year > announced:
            db.execute(
                "INSERT OR REPLACE INTO bot_state (key, value) VALUES ('announced_year', ?)",
                [str(latest_year)],
            )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return queued


@dataclass(frozen=True)
class PendingAlert:
    chat_id: int
    year: int
    codes: list[str]
    lang: str


def pending_alerts(db: sqlite_utils.Database, limit: int = 100) -> list[PendingAlert]:
    rows = db.execute(
        "SELECT chat_id, year FROM alerts WHERE status = 'pending' ORDER BY year, chat_id "
        "LIMIT ?",
        [limit],
    ).fetchall()
    alerts = []
    for chat_id, year in rows:
        lang = db.execute(
            "SELECT lang FROM subscriptions WHERE chat_id = ? ORDER BY created DESC LIMIT 1",
            [chat_id],
        ).fetchone()
        alerts.append(
            PendingAlert(chat_id, year, subscriptions(db, chat_id), lang[0] if lang else "en")
        )
    return alerts


def mark(db: sqlite_utils.Database, alert: PendingAlert, status: str) -> None:
    """Record an outcome: "sent", "blocked" (the chat is forgotten: no subscriptions, no
    alert rows), or "retry"."""
    if status == "blocked":
        unsubscribe(db, alert.chat_id, None)
        return
    if status == "retry":
        db.execute(
            "UPDATE alerts SET attempts = attempts + 1, updated = ?, status = CASE WHEN "
            "attempts + 1 >= ? THEN 'failed' ELSE 'pending' END WHERE chat_id = ? AND year = ?",
            [_now(), MAX_ATTEMPTS, alert.chat_id, alert.year],
        )
        return
    db.execute(
        "UPDATE alerts SET status = ?, updated = ? WHERE chat_id = ? AND year = ?",
        [status, _now(), alert.chat_id, alert.year],
    )
