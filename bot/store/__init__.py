"""The only place that knows SQL: the schema of every table, connections, snapshots,
queries and writes.

* :mod:`.paths` — where the database and the shipped data live;
* :mod:`.schema` — every table as DDL, created or extended on open, never rewritten;
* :mod:`.connection` — WAL connections and the one write-transaction helper;
* :mod:`.faults` — faults of the database file, as one sentence for the operator;
* :mod:`.snapshot` — the in-memory version of the index data every answer reads;
* :mod:`.vdem` — V-Dem's values of a snapshot, read when first asked for;
* :mod:`.store` — :class:`Store`: a file, its current snapshot, reads and writes;
* :mod:`.search` — full-text search over profiles;
* :mod:`.writes` — what an import reads and writes inside its transaction;
* :mod:`.subscriptions` — subscriptions and the release-alert outbox;
* :mod:`.chats` — chats' own settings (the language a chat chose);
* :mod:`.status` — what ``data status`` and ``/status`` report.

Modules inside the package import each other directly, never this one.
"""

from bot.store.connection import StoreBusy, connect
from bot.store.faults import DatabaseFault, DatabaseGone
from bot.store.paths import data_dir, default_db_path, project_dir
from bot.store.search import TextHit
from bot.store.snapshot import Alias, Country, Result, Snapshot
from bot.store.status import ImportRecord, Status
from bot.store.store import Store
from bot.store.subscriptions import PendingAlert
from bot.store.vdem import SnapshotStale, Vdem, VdemRow

__all__ = [
    "Alias",
    "Country",
    "DatabaseFault",
    "DatabaseGone",
    "ImportRecord",
    "PendingAlert",
    "Result",
    "Snapshot",
    "SnapshotStale",
    "Status",
    "Store",
    "StoreBusy",
    "TextHit",
    "Vdem",
    "VdemRow",
    "connect",
    "data_dir",
    "default_db_path",
    "project_dir",
]
