"""Operator commands: ``pressbot data import`` and ``pressbot data status``."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bot.importer import ImportFailed, import_paths
from bot.store import Store, open_store


def import_command(files: Sequence[Path], country: str | None = None) -> int:
    """Import files all-or-nothing; print what changed, or the refusal and exit 1."""
    store = open_store()
    try:
        reports = import_paths(store.db, files, country=country.upper() if country else None)
    except ImportFailed as exc:
        print(f"refused: {exc}", file=sys.stderr)
        print("nothing was changed in the database", file=sys.stderr)
        return 1
    finally:
        store.close()
    for report in reports:
        what = report.kind
        if report.year:
            what += f" {report.year}"
        if report.code:
            what += f" {report.code}"
        print(f"imported {Path(report.file).name}: {what}: {report.summary}")
    return 0


def status_lines(store: Store) -> list[str]:
    """What the database holds, as operators read it (also behind the /status command)."""
    db = store.db
    lines = [f"database: {store.path}"]
    per_year = list(db.query("SELECT year, count(*) AS n FROM results GROUP BY year ORDER BY year"))
    if per_year:
        lines.append(f"years: {per_year[0]['year']}–{per_year[-1]['year']} ({len(per_year)})")
        lines.append("countries per year: " + ", ".join(f"{r['year']}:{r['n']}" for r in per_year))
    else:
        lines.append("years: none")
    countries = db.execute("SELECT count(*) FROM countries").fetchone()[0]
    profiles = list(
        db.query(
            "SELECT code, year, count(*) AS sections FROM profiles GROUP BY code, year "
            "ORDER BY code, year"
        )
    )
    aliases = list(
        db.query("SELECT source, count(*) AS n FROM aliases GROUP BY source ORDER BY source")
    )
    lines.append(f"countries: {countries}")
    listed = ", ".join(f"{p['code']} {p['year']}" for p in profiles[:20])
    more = ", …" if len(profiles) > 20 else ""
    lines.append(f"profiles: {len(profiles)}" + (f" ({listed}{more})" if profiles else ""))
    total_aliases = sum(a["n"] for a in aliases)
    lines.append(
        f"aliases: {total_aliases} (" + ", ".join(f"{a['source']} {a['n']}" for a in aliases) + ")"
    )
    lines.append("last imports:")
    for row in db.query("SELECT * FROM imports ORDER BY id DESC LIMIT 5"):
        what = " ".join(str(x) for x in (row["kind"], row["year"], row["code"]) if x)
        lines.append(f"  {row['at']}  {row['file']}  {what}: {row['summary']}")
    return lines


def status_command() -> int:
    store = open_store()
    try:
        print("\n".join(status_lines(store)))
    finally:
        store.close()
    return 0


#: A heartbeat older than this means the bot's event loop is stuck or the process is gone.
HEARTBEAT_MAX_AGE = 120.0


def health_command() -> int:
    """Healthy: the running bot touched its heartbeat file recently and the database reads."""
    from bot.settings import heartbeat_path
    from bot.store import default_db_path

    beat = heartbeat_path()
    try:
        age = time.time() - beat.stat().st_mtime
    except OSError:
        print(f"unhealthy: no heartbeat at {beat}", file=sys.stderr)
        return 1
    if age > HEARTBEAT_MAX_AGE:
        print(f"unhealthy: last heartbeat {age:.0f} s ago", file=sys.stderr)
        return 1
    path = default_db_path()
    if not path.exists():  # Store() would create an empty database there
        print(f"unhealthy: no database at {path}", file=sys.stderr)
        return 1
    store = Store(path)
    try:
        years = store.db.execute("SELECT count(DISTINCT year) FROM results").fetchone()[0]
    finally:
        store.close()
    print(f"healthy: heartbeat {age:.0f} s ago, {years} index years")
    return 0
