"""What a button or a deep link asks for: callback data for inline buttons and deep-link
payloads, compact, versionless, always within Telegram's limits (64 bytes of callback data,
64 characters of payload).

``p:KAZ:2024:safety`` a country view, ``c:KAZ,KGZ:2026:`` a comparison, ``g:KAZ:2026`` a
chart.  Buttons carry no state beyond this, so a button keeps working after a restart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.digits import ascii_int
from bot.domain import MAX_COMPARE, TOPICS
from bot.query import Intent, Query

MAX_BYTES = 64
_CODE = re.compile(r"[A-Z][A-Z0-9_]{1,7}")


@dataclass(frozen=True, slots=True)
class Callback:
    kind: Literal["profile", "compare", "chart"]
    codes: tuple[str, ...]
    year: int | None
    topic: str | None

    def to_query(self, lang: str = "en") -> Query:
        if self.kind == "chart":
            intent = Intent.CHART
        else:
            intent = Intent.COMPARE if len(self.codes) > 1 else Intent.PROFILE
        return Query(
            text="",
            intent=intent,
            countries=self.codes,
            topic=self.topic,
            year=self.year,
            lang=lang,
        )


def _encode(prefix: str, codes: tuple[str, ...], year: int | None, topic: str | None) -> str:
    data = f"{prefix}:{','.join(codes)}:{year or ''}:{topic or ''}"
    if len(data.encode()) > MAX_BYTES:  # Telegram would refuse the whole keyboard
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def profile(code: str, year: int | None, topic: str | None) -> str:
    return _encode("p", (code,), year, topic)


def compare(codes: tuple[str, ...], year: int | None, topic: str | None) -> str:
    return _encode("c", codes[:MAX_COMPARE], year, topic)


def chart(codes: tuple[str, ...], year: int | None) -> str:
    return _encode("g", codes[:MAX_COMPARE], year, None)


_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")


def deep_link(payload: str) -> Callback | None:
    """A ``t.me/<bot>?start=PAYLOAD`` link: ``KAZ``, ``KAZ_safety``, ``KAZ_2024``,
    ``compare_KAZ_KGZ``, ``chart_KAZ``.  Codes come back upper-cased as written (RSF's
    alpha-3, or alpha-2 for the caller to resolve); None for anything else."""
    if not _PAYLOAD.fullmatch(payload):
        return None
    parts = payload.split("_")
    kind: Literal["profile", "compare", "chart"] = "profile"
    if parts[0].lower() in ("compare", "chart"):
        kind = "compare" if parts[0].lower() == "compare" else "chart"
        parts = parts[1:]
    codes: list[str] = []
    topic: str | None = None
    year: int | None = None
    for part in parts:
        if part.lower() in TOPICS:
            topic = part.lower()
        elif len(part) == 4 and (number := ascii_int(part)) is not None:
            year = number
        elif re.fullmatch(r"[A-Za-z]{2,3}", part):
            codes.append(part.upper())
        else:
            return None
    if not codes:
        return None
    if kind == "profile" and len(codes) > 1:
        kind = "compare"
    return Callback(kind, tuple(codes[:MAX_COMPARE]), year, topic)


_KINDS: dict[str, Literal["profile", "compare", "chart"]] = {
    "p": "profile",
    "c": "compare",
    "g": "chart",
}


def decode(data: str) -> Callback | None:
    """Parse callback data; None for anything we did not produce (old or forged buttons)."""
    parts = data.split(":")
    if len(parts) != 4 or parts[0] not in _KINDS:
        return None
    kind = _KINDS[parts[0]]
    codes = tuple(c for c in parts[1].split(",") if c)
    if not codes or len(codes) > MAX_COMPARE or not all(_CODE.fullmatch(c) for c in codes):
        return None
    year = ascii_int(parts[2])
    if parts[2] and year is None:
        return None  # we write years in ASCII digits: anything else is forged
    topic = parts[3] if parts[3] in TOPICS else None
    return Callback(kind, codes, year, topic)
