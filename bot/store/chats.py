"""Chats' own settings (``chat_settings``): the interface language a chat chose with
``/language``.  Bot state like subscriptions: no import touches it, and a database made
before the table existed gets it, empty, when opened (:func:`bot.store.schema.ensure_schema`).

Every function takes a connection the caller holds alone; a write is one transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from bot.store.connection import WRITE_DEADLINE, write_transaction


def chat_lang(conn: sqlite3.Connection, chat_id: int) -> str | None:
    """The language a chat chose, or None (it follows each question)."""
    row = conn.execute("SELECT lang FROM chat_settings WHERE chat_id = ?", [chat_id]).fetchone()
    return str(row[0]) if row and row[0] else None


def set_chat_lang(conn: sqlite3.Connection, chat_id: int, lang: str | None,
                  deadline: float = WRITE_DEADLINE) -> None:
    """Keep a chat's language; None forgets it (the chat follows each question again,
    and nothing about it stays in the database)."""
    with write_transaction(conn, deadline):
        if lang is None:
            conn.execute("DELETE FROM chat_settings WHERE chat_id = ?", [chat_id])
        else:
            conn.execute(
                "INSERT INTO chat_settings (chat_id, lang, updated) VALUES (?, ?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET lang = excluded.lang, "
                "updated = excluded.updated",
                [chat_id, lang, datetime.now(UTC).isoformat(timespec="seconds")],
            )
