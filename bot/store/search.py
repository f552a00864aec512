"""Full-text search over profile texts (SQLite FTS5)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from msgspec import Struct


class TextHit(Struct, frozen=True):
    code: str
    year: int
    section: str
    snippet: str  # plain text with \x02…\x03 around the matched words


def search_profiles(
    conn: sqlite3.Connection, alternatives: Sequence[Sequence[str]], limit: int = 20
) -> list[TextHit]:
    """Profile sections that hold every word of at least one group, best matches first.

    Every word is quoted, so nothing a reader typed is read as FTS syntax; the groups are
    joined with OR (understanding decides what separates them: "Pegasus or spyware")."""
    groups = []
    for words in alternatives:
        # Letters and digits only: "foreign-agents" is the words "foreign" "agents".
        plain = "".join(c if c.isalnum() else " " for c in " ".join(words)).split()
        quoted = [f'"{w}"' for w in plain]
        if quoted:
            groups.append("(" + " ".join(quoted) + ")")
    if not groups:
        return []
    sql = (
        "SELECT profiles.code, profiles.year, profiles.section, "
        "snippet(profiles_fts, 0, '\u0002', '\u0003', '…', 24) "
        "FROM profiles_fts JOIN profiles ON profiles.rowid = profiles_fts.rowid "
        "WHERE profiles_fts MATCH ? ORDER BY rank LIMIT ?"
    )
    return [
        TextHit(str(code), int(year), str(section), str(snippet))
        for code, year, section, snippet in conn.execute(sql, [" OR ".join(groups), limit])
    ]
