"""A V-Dem figure and the place it gives a country: what the country card's line and every
V-Dem answer are made of (plain values, loaded at start-up with the card; the V-Dem answers
themselves are in :mod:`.vdem_kinds`)."""

from __future__ import annotations

from msgspec import Struct


class Standing(Struct, frozen=True):
    """One V-Dem figure of one country in one year, and where it puts the country among
    every country V-Dem rates that year (place 1: the freest; for the share of women
    journalists, the highest share)."""

    measure: str  # a key of bot.domain.VDEM_MEASURES
    year: int  # the year described
    value: float | None  # None: V-Dem has no value
    place: int | None
    of: int  # countries with a value that year


class VdemContext(Struct, frozen=True):
    """A country card's line of V-Dem: its measures in V-Dem's latest year."""

    year: int
    standings: tuple[Standing, ...]  # empty when V-Dem does not rate the country
    part_only: bool = False  # V-Dem's figures are for part of the country (the West Bank)
