"""What the analytical replies share: the name of a group of countries, the marks of the
situation bands, and the heading line."""

from __future__ import annotations

import html

from bot.answer.stats import Scope
from bot.domain import SITUATIONS, index_label
from bot.i18n import region_name, t

#: RSF's map colours as marks, best band first.
BAND_MARKS = dict(zip((band for _, band in SITUATIONS), ("🟢", "🟡", "🟠", "🔴", "⚫"),
                      strict=True))


def scope_name(scope: Scope, lang: str) -> str:
    """"World", an RSF region, or the part of one a question named (plain text)."""
    if scope.subregion:
        return t(lang, scope.subregion)
    if scope.region:
        return region_name(lang, scope.region)
    return t(lang, "world")


def heading(title: str, year: int, scope: Scope | None, lang: str) -> str:
    """``<b>Title</b> · Europe – Central Asia · World Press Freedom Index 2026``."""
    parts = [f"<b>{html.escape(title)}</b>"]
    if scope is not None:
        parts.append(html.escape(scope_name(scope, lang)))
    parts.append(f"{t(lang, 'index')} {index_label(year)}")
    return " · ".join(parts)


def band_bounds(band: str) -> str:
    """A band's scores: "85–100"."""
    bounds = [bound for bound, _ in SITUATIONS]
    index = [name for _, name in SITUATIONS].index(band)
    upper = 100 if index == 0 else bounds[index - 1]
    return f"{bounds[index]:g}–{upper:g}"


def subregion_note(scope: Scope, lang: str) -> str | None:
    """"Central Asia is part of RSF's Europe – Central Asia region." (italic), or None."""
    if scope.subregion is None or scope.region is None:
        return None
    note = t(lang, "agg_subregion_note", subregion=t(lang, scope.subregion),
             region=region_name(lang, scope.region))
    return f"<i>{html.escape(note)}</i>"
