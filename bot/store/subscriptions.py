"""Subscriptions and release alerts, kept beside (never inside) the index data.

Imports replace index tables; these tables belong to the bot's users and no import touches
them.  Alerts are an outbox: when a new index year appears, one ``alerts`` row per
subscribed chat is written in the same transaction that records the year as announced.
Delivery is at most once: each row is claimed (``sending``) just before its message goes
out and marked ``sent`` when Telegram confirms, so a restart resumes where it stopped and
never sends an alert twice.  A chat that blocked the bot is unsubscribed instead of being
retried forever.

Every function takes a connection the caller holds alone; writes run in one transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from msgspec import Struct

from bot.store.connection import WRITE_DEADLINE, write_transaction

#: Delivery attempts before an alert is given up (network trouble, not a block).
MAX_ATTEMPTS = 5


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def subscribe(conn: sqlite3.Connection, chat_id: int, codes: list[str], lang: str,
              deadline: float = WRITE_DEADLINE) -> list[str]:
    """Add subscriptions (``lang``: the language alerts are written in); returns the new."""
    with write_transaction(conn, deadline):
        existing = set(subscriptions(conn, chat_id))
        new = [c for c in dict.fromkeys(codes) if c not in existing]
        conn.executemany(
            "INSERT OR IGNORE INTO subscriptions (chat_id, code, lang, created) "
            "VALUES (?, ?, ?, ?)",
            [(chat_id, c, lang, _now()) for c in new],
        )
    return new


def unsubscribe(conn: sqlite3.Connection, chat_id: int, codes: list[str] | None,
                deadline: float = WRITE_DEADLINE) -> int:
    """Remove the given subscriptions, or all of a chat's when ``codes`` is None: then the
    chat's alert records go too, and nothing about it stays in the database."""
    with write_transaction(conn, deadline):
        before = len(subscriptions(conn, chat_id))
        if codes is None:
            conn.execute("DELETE FROM subscriptions WHERE chat_id = ?", [chat_id])
            conn.execute("DELETE FROM alerts WHERE chat_id = ?", [chat_id])
        else:
            conn.executemany(
                "DELETE FROM subscriptions WHERE chat_id = ? AND code = ?",
                [(chat_id, code) for code in codes],
            )
        return before - len(subscriptions(conn, chat_id))


def subscriptions(conn: sqlite3.Connection, chat_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT code FROM subscriptions WHERE chat_id = ? ORDER BY created, code", [chat_id]
        )
    ]


def subscriber_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(DISTINCT chat_id) FROM subscriptions").fetchone()[0])


def _announced(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT value FROM bot_state WHERE key = 'announced_year'").fetchone()
    return int(row[0]) if row else None


def _latest(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT max(year) FROM results").fetchone()
    return int(row[0]) if row and row[0] is not None else None


def plan_alerts(conn: sqlite3.Connection, deadline: float = WRITE_DEADLINE) -> int:
    """Queue one alert per subscribed chat for a year not announced yet.

    The latest year is read from the results table itself, in the same transaction that
    records it as announced: a snapshot taken a moment earlier could still hold a year an
    operator has just removed.  The first run only records the current year: subscribers
    hear about the *next* index, not about data that was there when they subscribed.  A
    chat already alerted for a year (removed, then imported again) is not alerted twice.
    Returns the alerts queued.
    """
    latest, announced = _latest(conn), _announced(conn)
    if latest is None or announced == latest:
        return 0  # the usual case: nothing new, no write lock taken
    with write_transaction(conn, deadline):
        latest, announced = _latest(conn), _announced(conn)
        if latest is None or announced == latest:
            return 0
        queued = 0
        if announced is not None and latest > announced:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO alerts (chat_id, year, status, attempts, updated) "
                "SELECT DISTINCT chat_id, ?, 'pending', 0, ? FROM subscriptions",
                [latest, _now()],
            )
            queued = cursor.rowcount
        # A later year announced than the data holds (years removed by hand): step back,
        # so the next real year is new again.
        _set_announced(conn, latest)
    return queued


def _set_announced(conn: sqlite3.Connection, year: int | None) -> None:
    if year is None:
        conn.execute("DELETE FROM bot_state WHERE key = 'announced_year'")
    else:
        conn.execute(
            "INSERT OR REPLACE INTO bot_state (key, value) VALUES ('announced_year', ?)",
            [str(year)],
        )


def settle_after_removal(conn: sqlite3.Connection) -> tuple[int | None, int | None]:
    """After index years were removed, by ``data remove`` or by an undo (inside the
    caller's transaction): alerts still waiting for a year that is gone are dropped, and
    the announced year steps back to the latest one left, so the next year imported alerts
    again.  Alerts already sent stay recorded, so a year removed and imported again is not
    announced twice to a chat.  Returns the announced year before and after."""
    before = _announced(conn)
    conn.execute(
        "DELETE FROM alerts WHERE status = 'pending' "
        "AND year NOT IN (SELECT DISTINCT year FROM results)"
    )
    latest = _latest(conn)
    after = None if before is None or latest is None else min(before, latest)
    if after != before:
        _set_announced(conn, after)
    return before, after


class PendingAlert(Struct, frozen=True):
    chat_id: int
    year: int
    codes: list[str]
    lang: str


def pending_alerts(conn: sqlite3.Connection, limit: int = 100) -> list[PendingAlert]:
    rows = conn.execute(
        "SELECT chat_id, year FROM alerts WHERE status = 'pending' ORDER BY year, chat_id "
        "LIMIT ?",
        [limit],
    ).fetchall()
    alerts = []
    for chat_id, year in rows:
        lang = conn.execute(
            "SELECT lang FROM subscriptions WHERE chat_id = ? ORDER BY created DESC LIMIT 1",
            [chat_id],
        ).fetchone()
        alerts.append(
            PendingAlert(chat_id, year, subscriptions(conn, chat_id), lang[0] if lang else "en")
        )
    return alerts


def claim(conn: sqlite3.Connection, alert: PendingAlert,
          deadline: float = WRITE_DEADLINE) -> bool:
    """Mark a pending alert ``sending`` just before its message goes out; False when it is
    no longer pending (another run took it, the chat unsubscribed).

    Delivery is at most once: a claimed alert is never sent again, so a bot stopped between
    the send and :func:`mark` leaves it ``sending`` (unconfirmed) rather than send it
    twice.  The attempt is counted here, before the send."""
    with write_transaction(conn, deadline):
        cursor = conn.execute(
            "UPDATE alerts SET status = 'sending', attempts = attempts + 1, updated = ? "
            "WHERE chat_id = ? AND year = ? AND status = 'pending'",
            [_now(), alert.chat_id, alert.year],
        )
        return cursor.rowcount == 1


def mark(conn: sqlite3.Connection, alert: PendingAlert, status: str,
         deadline: float = WRITE_DEADLINE) -> None:
    """Record the outcome of a claimed alert: "sent"; "blocked" (the chat is forgotten: no
    subscriptions, no alert rows); "retry" (Telegram did not deliver it: pending again,
    or ``failed`` after :data:`MAX_ATTEMPTS`); "unconfirmed" (the send's outcome is unknown:
    it stays ``sending`` and is not sent again)."""
    if status == "blocked":
        unsubscribe(conn, alert.chat_id, None, deadline)
        return
    if status == "unconfirmed":
        return
    with write_transaction(conn, deadline):
        if status == "retry":
            conn.execute(
                "UPDATE alerts SET updated = ?, status = CASE WHEN attempts >= ? "
                "THEN 'failed' ELSE 'pending' END WHERE chat_id = ? AND year = ?",
                [_now(), MAX_ATTEMPTS, alert.chat_id, alert.year],
            )
        else:
            conn.execute(
                "UPDATE alerts SET status = ?, updated = ? WHERE chat_id = ? AND year = ?",
                [status, _now(), alert.chat_id, alert.year],
            )


def alert_outlook(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """The release alert the data now makes due (read inside the transaction that changed
    it): (the new latest index year, how many subscribed chats have not been alerted for it
    yet), or None when no alert is due (no new year, or the first run, which only records
    the current one)."""
    latest, announced = _latest(conn), _announced(conn)
    if latest is None or announced is None or latest <= announced:
        return None
    chats = conn.execute(
        "SELECT count(DISTINCT chat_id) FROM subscriptions WHERE chat_id NOT IN "
        "(SELECT chat_id FROM alerts WHERE year = ?)", [latest]).fetchone()[0]
    return latest, int(chats)
