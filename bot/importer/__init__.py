"""RSF's files and V-Dem's → the store, all or nothing.

Four kinds of file are recognised by their content, not their name:

* RSF's yearly index CSV, in any of the layouts RSF has used since 2002.  Columns are
  matched by meaning (``Score``, ``Score N``, ``Score 2027`` are all the score), so next
  year's file loads without a code change.  → :mod:`bot.importer.index_csv`
* A country profile pasted from rsf.org (``Index 2024`` / ``142/ 180`` / ``Score : 41.11``
  followed by the summary and the six sections).  → :mod:`bot.importer.profile`
* The curated alias list (``alias,code,lang`` header).  → :mod:`bot.importer.alias_list`
* V-Dem's country-year CSV (a ``country_text_id`` column), the second source's values,
  columns matched by name.  → :mod:`bot.importer.vdem_csv`

Every import of one or more files runs in a single ``BEGIN IMMEDIATE`` transaction: a bad
file, a crash or a SIGKILL leaves the database exactly as it was, and readers (WAL) see the
old data until the commit and the new data after it, never a mix (:mod:`.transaction`).

An import replaces what its file defines, and nothing is left of what it replaces: the
countries table and RSF's names among the aliases are rebuilt from the index rows after
every change (:mod:`.derived`); ``pressbot data remove`` takes out years, a profile or the
alias list the same way (:mod:`.removal`).  Writing is split from checking
(:func:`~.transaction.apply`, ``remove_*_in``): both run inside a transaction the caller
holds, so the same change can be committed, or reported and rolled back (``pressbot data
import --dry-run``, the bot's preview of a file an operator sends).  Every import and
removal is recorded as a change, with who made it and its reverse diff
(:mod:`bot.store.history`), so :mod:`.undo` can take the last ones back.

The other modules: :mod:`.text` reads a file within limits (regular files only, 50 MB,
10,000 lines) a chunk at a time and decodes it (UTF-8 or cp1252), :mod:`.years` which
index years a file may bring, :mod:`.errors` holds :class:`ImportFailed`
(``file:line:column: why``), :mod:`.fields` the CSV records, field positions and value
checks, :mod:`.report` what each import changed and its row in the ``imports`` table,
:mod:`.aliases` the names generated from the countries table (CLDR, ISO codes, flags),
:mod:`.shipped` the shipped ``data/`` and the first build from it.  Every read and write of
the database goes through :mod:`bot.store.writes`.
"""

from bot.importer.alias_list import parse_aliases_csv
from bot.importer.errors import ImportFailed
from bot.importer.index_csv import ParsedIndex, parse_index_csv
from bot.importer.profile import ParsedProfile, parse_profile
from bot.importer.report import ImportReport
from bot.importer.shipped import build_database, open_store, shipped_files
from bot.importer.text import read_text
from bot.importer.transaction import detect_kind, import_files, import_paths

__all__ = [
    "ImportFailed",
    "ImportReport",
    "ParsedIndex",
    "ParsedProfile",
    "build_database",
    "detect_kind",
    "import_files",
    "import_paths",
    "open_store",
    "parse_aliases_csv",
    "parse_index_csv",
    "parse_profile",
    "read_text",
    "shipped_files",
]
