"""Aliases generated from the countries table: CLDR names, variants, ISO codes, flags.

The ``aliases`` table is the whole vocabulary of :mod:`bot.understand`; operators read and
extend it with the sqlite3 / sqlite-utils CLIs.  Its rows come from four places:

* ``rsf`` — every name printed in RSF's CSVs (written by the index importer);
* ``curated`` — ``data/aliases.csv``: common, short and former names ("UK", "Burma",
  "Киргизия"), demonyms ("Kazakh", "казахстанский"; in lower case in German, French,
  Spanish, Portuguese and Turkish: "türkisch", "algérien", "rus") and OECS member states;
* the sources generated here from the countries table, replaced on every index import
  (:data:`GENERATED_SOURCES`):

  - ``cldr``: Unicode CLDR territory names from Babel in :data:`CLDR_LANGS`;
  - ``variant``: RSF's and CLDR's names with the decoration that nobody types removed
    ("Northern Cyprus (Occupied)" → "Northern Cyprus", "Morocco / Western Sahara" →
    "Morocco" and "Western Sahara", "Myanmar (Burma)" → "Burma");
  - ``iso``: ISO 3166 alpha-2 and alpha-3 codes, lang ``und``.  The matcher accepts them
    only as typed in capitals ("KZ", "KAZ"), because "in", "it", "no", "me", "can", "are"
    are words;
  - ``flag``: the flag emoji built from the alpha-2 code (🇰🇿), lang ``und``.

RSF codes are ISO alpha-3 except its own: Kosovo ``XKX`` (ISO's user-assigned ``XK``), the
OECS ``CSS`` and Northern Cyprus ``CTU`` (no ISO code), and the split entries of early
indexes (``USA1``, ``ISR2``, ``YUG``, ``SCG`` …) which get no generated names at all: they
are reachable only by the names RSF printed for them, i.e. when explicitly named.

A generated name that would also name another country is dropped rather than written, so
the table never makes two current countries share a name by accident; deliberate
ambiguity ("Korea", "Congolese") lives in the curated list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import babel

from bot.names import RSF_ALPHA2, alpha2_of, flag_of, normalize
from bot.store import writes

GENERATED_SOURCES = writes.GENERATED_SOURCES

#: CLDR locales whose territory names become aliases.  The fourteen the bot must know
#: (en fr es pt de ru uk kk ky uz tr ar fa zh) plus neighbours' and big languages.
CLDR_LANGS: tuple[str, ...] = (
    "en", "fr", "es", "pt", "de", "it", "pl", "nl", "ru", "uk", "be", "kk", "ky", "uz", "uz_Cyrl",
    "tg", "tk", "az", "hy", "ka", "tr", "ar", "fa", "zh", "ja", "ko",
)  # fmt: skip

#: Alpha-3 codes never offered as aliases, even in capitals: "AND" (Andorra) is the word
#: "and" in a shouted "COMPARE KZ AND UZ".
ISO_EXCLUDED = frozenset({"AND"})

# Marks of a special administrative region, in the languages whose CLDR name carries one.
_SAR_RE = re.compile(r"\b(SAR China|RAE de|RAE da China|SRA|ОАР Китаю|САР|MMH|МММ)\b")
_PARENS_RE = re.compile(r"\s*\(([^)]*)\)")


def name_variants(name: str) -> list[str]:
    """Shorter forms people type for a printed name, without the name itself.

    "Myanmar (Burma)" → ["Myanmar", "Burma"]; "Morocco / Western Sahara" → ["Morocco",
    "Western Sahara"]; "Hong Kong SAR China" → ["Hong Kong"]; "Gonkong (Xitoy MMH)" →
    ["Gonkong"].  Parenthesised words become a name only when they look like one (not an
    acronym, not "Occupied"): the caller still drops any that names another country.
    """
    found: list[str] = []
    if "/" in name:
        found.extend(part.strip() for part in name.split("/") if part.strip())
    base = _PARENS_RE.sub("", name).split(",")[0]
    base = re.sub(r"\s+", " ", _SAR_RE.sub("", base)).strip(" -")
    if base and base != name:
        found.append(base)
    for inner in _PARENS_RE.findall(name):
        inner = _SAR_RE.sub("", inner).strip()
        # One word that is not an acronym nor "occupied": another name ("Burma"), whereas
        # "(US territory)" or "(special administrative region)" qualify the name.
        if (
            len(inner) >= 4
            and " " not in inner
            and not inner.isupper()
            and not re.search(r"(?i)oc+up", inner)
        ):
            found.append(inner)
    return [f for f in dict.fromkeys(found) if f != name]


def generated_aliases(countries: Iterable[dict[str, Any]]) -> Iterator[dict[str, str]]:
    """Rows for the ``aliases`` table from rows of the ``countries`` table.

    Only countries that still have a name of their own get CLDR names: the split entries of
    early indexes (USA1, ISR3, YUG, SCG) have no ISO code and keep their RSF names only.
    """
    rows: list[dict[str, str]] = []
    primary: dict[str, set[str]] = {}  # normalized name → codes, to veto colliding variants
    variants: list[dict[str, str]] = []
    for country in countries:
        code = str(country["code"])
        alpha2 = alpha2_of(code)
        # The split entries of early indexes ("United States (US territory)") are kept
        # apart: shortening their names would make them the country itself.
        split_entry = alpha2 is None and code not in RSF_ALPHA2
        for lang in ("en", "fr", "es", "pt"):
            name = country.get(f"name_{lang}")
            if name:
                primary.setdefault(normalize(name), set()).add(code)
                if split_entry:
                    continue
                variants.extend(
                    {"alias": v, "code": code, "lang": lang, "source": "variant"}
                    for v in name_variants(str(name))
                )
        if alpha2 is None:
            continue
        for lang in CLDR_LANGS:
            name = babel.Locale.parse(lang).territories.get(alpha2)
            if not name:
                continue
            rows.append({"alias": name, "code": code, "lang": lang, "source": "cldr"})
            primary.setdefault(normalize(name), set()).add(code)
            variants.extend(
                {"alias": v, "code": code, "lang": lang, "source": "variant"}
                for v in name_variants(name)
            )
        if code not in ISO_EXCLUDED and len(code) == 3 and code.isalpha():
            rows.append({"alias": code, "code": code, "lang": "und", "source": "iso"})
        rows.append({"alias": alpha2, "code": code, "lang": "und", "source": "iso"})
        rows.append({"alias": flag_of(alpha2), "code": code, "lang": "und", "source": "flag"})
    # A variant must not be, nor begin, another country's name: "Конга" from Belarusian
    # "Конга (Кіншаса)" would also be the start of "Конга - Бразавіль".
    prefixes: dict[str, set[str]] = {}
    for key, codes in primary.items():
        words = key.split()
        for end in range(1, len(words) + 1):
            prefixes.setdefault(" ".join(words[:end]), set()).update(codes)
    for row in variants:
        if prefixes.get(normalize(row["alias"]), set()) <= {row["code"]}:
            rows.append(row)
    # A CLDR name that is another country's name in some other language would make the two
    # indistinguishable: keep neither (the CLDR data of Babel 2.18 has no such pair).
    for row in rows:
        if row["source"] != "cldr" or len(primary[normalize(row["alias"])]) == 1:
            yield row
