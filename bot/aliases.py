"""Country names the matcher knows: RSF's names, CLDR names, codes, flags, curated names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

GENERATED_SOURCES = frozenset({"iso"})


def generated_aliases(countries: Iterable[dict[str, Any]]) -> Iterator[dict[str, str]]:
    for country in countries:
        yield {"alias": country["code"], "code": country["code"], "lang": "und", "source": "iso"}
