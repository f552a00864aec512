"""What follows from the index years, rebuilt whole after every change to them.

An index file defines its year's rows, and each row the names RSF printed for the country.
Everything else about countries is derived from those rows, never accumulated:

* the ``countries`` table: each country's names, zone and region from the latest index
  that lists it, and that year as ``last_year``;
* RSF's names among the aliases (source ``rsf``): every name any stored year prints, so
  former names ("Burma", "Swaziland") still work while their year is loaded — except a
  name that is a word questions are made of (``bot.understand.is_question_word``);
* the generated aliases (CLDR names, variants, ISO codes, flags) of those countries;
* nothing of a country no index lists any more: its profiles and aliases go with it.

The aliases table holds one row per alias, code and language: a generated name gives way
to RSF's or the operator's (bot.store.writes.replace_aliases).

So a corrected file leaves nothing behind of the wrong one it replaces, and removing a year
removes what only that year defined.  Rows whose content would not change are not written
(an unchanged import does not even change the data version).
"""

from __future__ import annotations

import sqlite3

from bot.domain import ZONE_REGION
from bot.importer.aliases import generated_aliases
from bot.index_cache import kept_parts
from bot.store import writes
from bot.understand import is_question_word

#: The name columns the countries table keeps (RSF's Arabic and Persian names are aliases
#: only: its cp1252 exports lost them as "???").
COUNTRY_NAME_LANGS = ("en", "fr", "es", "pt")


def refresh(conn: sqlite3.Connection) -> list[str]:
    """Rebuild the countries table and the aliases derived from the stored index rows
    (inside the caller's transaction); returns the codes of countries no longer listed."""
    stored = {row["code"]: row for row in writes.all_countries(conn)}
    # Rows stored by a version that did not keep names in results: keep what the countries
    # table and RSF's aliases already say of those countries until their years are imported
    # again (then the file's names replace them).
    unnamed = writes.codes_without_names(conn)
    countries = []
    for row in writes.latest_rows(conn):
        code = str(row["code"])
        zone = row["zone"]
        country = {
            "code": code,
            **{f"name_{lang}": row[f"name_{lang}"] for lang in COUNTRY_NAME_LANGS},
            "region": ZONE_REGION.get(str(zone or "").lower()),
            "zone": zone,
            "last_year": row["year"],
        }
        if row["name_en"] is None and code in stored:
            country.update({f"name_{lang}": stored[code][f"name_{lang}"]
                            for lang in COUNTRY_NAME_LANGS})
        countries.append(country)
    gone = writes.replace_countries(conn, countries)
    printed = [
        {"alias": name, "code": code, "lang": lang, "source": "rsf"}
        for name, code, lang in writes.printed_names(conn)
        # RSF's cp1252 exports turned Arabic script into "???": worthless as an alias.  A
        # name that is a word of questions would change what questions mean.
        if "?" not in name and not is_question_word(name, kept_parts())
    ]
    printed += [row for row in writes.aliases_of(conn, "rsf") if row["code"] in unnamed]
    writes.replace_aliases(conn, ["rsf"], printed)
    writes.replace_aliases(conn, writes.GENERATED_SOURCES, generated_aliases(countries))
    writes.remove_orphans(conn)
    return gone
