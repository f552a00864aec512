"""The SQLite store: schema, connections and the in-memory snapshot the answers read.

The database is plain SQLite managed with sqlite-utils so that operators can read and edit
it with the ``sqlite3`` or ``sqlite-utils`` command-line tools; README.md documents every
table.  The bot never keeps a long read transaction open: it loads a :class:`Snapshot` of
the index data in one read transaction and reloads it only when ``PRAGMA data_version``
says another connection committed.  Every answer is therefore computed from one consistent
version of the data, old or new, never a mix, and an import is served without a restart.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from bot.domain import INDICATORS

#: Codes RSF changed in 2023: history is kept under the current code.
CODE_RENAMES: dict[str, str] = {"XKO": "XKX", "XCD": "CSS"}


def project_dir() -> Path:
    """The checkout the package runs from (holds ``data/``)."""
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Where the shipped RSF files live: ``PRESSBOT_DATA`` or the project's ``data/``."""
    return Path(os.environ.get("PRESSBOT_DATA") or project_dir() / "data")


def default_db_path() -> Path:
    """``PRESSBOT_DB``, else ``$XDG_DATA_HOME/pressbot/pressbot.db``."""
    if env := os.environ.get("PRESSBOT_DB"):
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "pressbot" / "pressbot.db"


def connect(path: Path | str) -> sqlite_utils.Database:
    """Open the database in WAL mode so readers never block the importer, nor it them."""
    conn = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    db = sqlite_utils.Database(conn)
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create missing tables and indexes; never drops or rewrites existing data.

    Besides the index data, the bot's own tables (subscriptions, alerts) are created here
    too, so every database has the schema README documents, whichever command made it."""
    from bot.subscriptions import ensure_tables

    ensure_tables(db)
    indicator_cols: dict[str, type] = {}
    for name in INDICATORS:
        indicator_cols[name] = float
        indicator_cols[f"{name}_rank"] = int
    tables = set(db.table_names())
    if "countries" not in tables:
        db.table("countries").create(
            {
                "code": str,
                "name_en": str,
                "name_fr": str,
                "name_es": str,
                "name_pt": str,
                "region": str,
                "zone": str,
                "last_year": int,
            },
            pk="code",
        )
    if "results" not in tables:
        db.table("results").create(
            {
                "year": int,
                "code": str,
                "rsf_code": str,
                "rank": int,
                "total": int,
                "score": float,
                "scale": str,
                "situation": str,
                **indicator_cols,
                "zone": str,
            },
            pk=("year", "code"),
            not_null={"year", "code", "rank", "total", "score", "scale"},
        )
        db.table("results").create_index(["code", "year"])
    if "profiles" not in tables:
        db.table("profiles").create(
            {"code": str, "year": int, "section": str, "text": str},
            pk=("code", "year", "section"),
            not_null={"code", "year", "section", "text"},
        )
        db.table("profiles").enable_fts(["text"], create_triggers=True, tokenize="unicode61")
    if "aliases" not in tables:
        db.table("aliases").create(
            {"alias": str, "code": str, "lang": str, "source": str},
            pk=("alias", "code", "lang"),
            not_null={"alias", "code", "lang", "source"},
        )
    if "imports" not in tables:
        db.table("imports").create(
            {
                "id": int,
                "at": str,
                "file": str,
                "sha256": str,
                "kind": str,
                "year": int,
                "code": str,
                "summary": str,
            },
            pk="id",
        )


# --- the snapshot the answers read ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_en: str
    name_fr: str | None
    name_es: str | None
    name_pt: str | None
    region: str | None
    zone: str | None
    last_year: int | None


@dataclass(frozen=True, slots=True)
class Result:
    year: int
    code: str
    rank: int
    total: int
    score: float
    scale: str
    situation: str | None
    indicators: dict[str, tuple[float, int]]  # indicator → (score, rank); empty before 2022
    zone: str | None


@dataclass(frozen=True, slots=True)
class Alias:
    alias: str
    code: str
    lang: str
    source: str


@dataclass(frozen=True)
class Snapshot:
    """One consistent version of the index data, read in a single transaction."""

    generation: int
    countries: dict[str, Country]
    results: dict[tuple[str, int], Result]
    by_year: dict[int, list[Result]]  # sorted by rank
    profiles: dict[str, dict[int, dict[str, str]]]  # code → year → section → text
    aliases: list[Alias]
    years: list[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "years", sorted(self.by_year))

    @property
    def latest_year(self) -> int | None:
        return self.years[-1] if self.years else None

    def result(self, code: str, year: int) -> Result | None:
        return self.results.get((code, year))

    def history(self, code: str) -> list[Result]:
        """Every year's result for a country, oldest first."""
        return [r for y in self.years if (r := self.results.get((code, y))) is not None]

    def previous(self, result: Result) -> Result | None:
        """The country's result in the index before ``result``'s year."""
        earlier = [y for y in self.years if y < result.year]
        return self.results.get((result.code, earlier[-1])) if earlier else None

    def profile(self, code: str, year: int | None = None) -> tuple[int, dict[str, str]] | None:
        """The profile for ``year``; else the latest one before it; else the earliest after
        it (an older year still gets the only text there is, and the reply names its year)."""
        by_year = self.profiles.get(code)
        if not by_year:
            return None
        before = [y for y in by_year if year is None or y <= year]
        best = max(before) if before else min(by_year)
        return best, by_year[best]


#: Words that separate alternatives in a search ("Pegasus and spyware", "или").
_ALTERNATIVES = frozenset({"and", "or", "и", "или"})


def _load_snapshot(db: sqlite_utils.Database, generation: int) -> Snapshot:
    countries = {
        row["code"]: Country(**row) for row in db.query("SELECT * FROM countries ORDER BY code")
    }
    results: dict[tuple[str, int], Result] = {}
    by_year: dict[int, list[Result]] = {}
    for row in db.query("SELECT * FROM results ORDER BY year, rank, code"):
        indicators = {
            name: (row[name], row[f"{name}_rank"])
            for name in INDICATORS
            if row[name] is not None and row[f"{name}_rank"] is not None
        }
        result = Result(
            year=row["year"],
            code=row["code"],
            rank=row["rank"],
            total=row["total"],
            score=row["score"],
            scale=row["scale"],
            situation=row["situation"],
            indicators=indicators,
            zone=row["zone"],
        )
        results[(result.code, result.year)] = result
        by_year.setdefault(result.year, []).append(result)
    profiles: dict[str, dict[int, dict[str, str]]] = {}
    for row in db.query("SELECT code, year, section, text FROM profiles"):
        profiles.setdefault(row["code"], {}).setdefault(row["year"], {})[row["section"]] = row[
            "text"
        ]
    aliases = [Alias(**row) for row in db.query("SELECT alias, code, lang, source FROM aliases")]
    return Snapshot(generation, countries, results, by_year, profiles, aliases)


class Store:
    """A connection plus the current snapshot, refreshed when the file changes.

    ``snapshot()`` costs one ``PRAGMA data_version`` when nothing changed, so it is called
    on every request.  It is safe to call from several threads.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.db = connect(self.path)
        self._lock = threading.Lock()
        self._seen_version: int | None = None
        self._snapshot: Snapshot | None = None
        self._generation = 0

    def data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def snapshot(self) -> Snapshot:
        """The latest committed data: reloaded only when another connection committed."""
        with self._lock:
            version = self.data_version()
            if self._snapshot is None or version != self._seen_version:
                with self.read_transaction():
                    # Re-read the version inside the transaction: what we load is that version.
                    version = self.data_version()
                    self._generation += 1
                    self._snapshot = _load_snapshot(self.db, self._generation)
                self._seen_version = version
            return self._snapshot

    def invalidate(self) -> None:
        """Forget the snapshot, e.g. after this very connection wrote to the database."""
        with self._lock:
            self._snapshot = None

    @contextmanager
    def read_transaction(self) -> Iterator[None]:
        """Make several SELECTs see one version of the database."""
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def search(self, words: str, limit: int = 20) -> list[dict[str, object]]:
        """Full-text search over profile texts (FTS5), best matches first.

        "Pegasus and spyware" finds texts with either; "foreign agents" texts with both
        words: "and", "or" and commas separate alternatives, words next to each other must
        all be there.  Every word is quoted, so nothing typed is read as FTS syntax."""
        plain = "".join(c if c.isalnum() else " " for c in words.replace(",", " or "))
        groups: list[list[str]] = [[]]
        for word in plain.split():
            if word.lower() in _ALTERNATIVES:
                groups.append([])
            else:
                groups[-1].append(word)
        match = " OR ".join(
            "(" + " ".join(f'"{w}"' for w in group) + ")" for group in groups if group
        )
        if not match:
            return []
        sql = (
            "SELECT profiles.code, profiles.year, profiles.section, "
            "snippet(profiles_fts, 0, '\u0002', '\u0003', '…', 24) AS snippet "
            "FROM profiles_fts JOIN profiles ON profiles.rowid = profiles_fts.rowid "
            "WHERE profiles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        return list(self.db.query(sql, [match, limit]))

    def close(self) -> None:
        self.db.close()


def open_store(path: Path | str | None = None) -> Store:
    """Open the store, building it from the shipped ``data/`` first if it does not exist
    (or exists but never had anything imported).

    The first build goes to a temporary file that is linked into place only if nothing is
    there yet, so two processes starting at once never see a half-built database, and a
    process that already opened the database never has it swapped under its feet.
    """
    target = Path(path) if path is not None else default_db_path()
    if not target.exists():
        build_database(target)
    store = Store(target)
    if store.db.execute("SELECT 1 FROM imports LIMIT 1").fetchone() is None:
        # An empty file (e.g. created by a bare connect()) would otherwise serve no data
        # forever: give it the shipped data, in one transaction like any import.
        from bot.importer import import_paths, shipped_files

        try:
            import_paths(store.db, shipped_files(data_dir()))
        except BaseException:
            store.close()
            raise
    return store


def build_database(target: Path, source: Path | None = None) -> None:
    """Build a fresh database at ``target`` from every file in ``source`` (default data/).

    An existing ``target`` is left untouched (see :func:`_place`); to rebuild, build to a new
    path and move it over the old one while no process has it open.
    """
    from bot.importer import import_paths, shipped_files

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".pressbot-", suffix=".db", dir=target.parent)
    os.close(fd)
    try:
        db = connect(tmp)
        import_paths(db, shipped_files(source or data_dir()))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        _place(Path(tmp), target)
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            if os.path.exists(leftover):
                os.unlink(leftover)


def _place(built: Path, target: Path) -> None:
    """Put a finished database at ``target`` unless another process already put one there.

    ``os.replace`` would overwrite a database another process may already have opened (and
    whose WAL files share the target's name); a hard link fails instead when the target
    exists.  Where hard links are not supported, fall back to check-then-rename.
    """
    try:
        os.link(built, target)
    except FileExistsError:
        pass  # another process won the race: keep its database
    except OSError:
        if not target.exists():
            os.replace(built, target)
