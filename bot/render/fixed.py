"""Texts that are not answers to a question: /topics, /about, the group help, lists of
names, operator output."""

from __future__ import annotations

import html
from pathlib import Path

from bot.domain import (
    CREDIT,
    REGIONS,
    RSF_INDEX_URL,
    SCALE_CURRENT,
    SCALE_OLD,
    SCALE_REEXPRESSED,
    TOPICS,
    VDEM_CREDIT,
    VDEM_URL,
    index_label,
)
from bot.i18n import country_name, name, region_name, t
from bot.render.html import MAX_MESSAGE, echo, label
from bot.store import Country, Status


def topics(lang: str) -> str:
    """/topics: what can be asked about."""
    lines = [f"<b>{t(lang, 'topics')}</b>"]
    lines += [f"• <b>{name(lang, topic)}</b> — {t(lang, 'topic_' + topic)}" for topic in TOPICS]
    return "\n".join(lines)


def about(years: list[int], vdem: tuple[int, int] | None, lang: str) -> str:
    """/about: the sources (RSF; V-Dem beside it when the database holds it), the method in
    brief, the scales and the credits."""
    scales = "\n".join(
        f"• {html.escape(name(lang, scale))}"
        for scale in (SCALE_OLD, SCALE_REEXPRESSED, SCALE_CURRENT)
    )
    regions = ", ".join(region_name(lang, region) for region in REGIONS)
    text = t(
        lang,
        "about",
        credit=f'<a href="{RSF_INDEX_URL}">{html.escape(CREDIT)}</a>',
        first=years[0] if years else "",
        latest=years[-1] if years else "",
        scales=scales,
        regions=html.escape(regions),
    )
    if vdem is not None:
        text += t(lang, "about_vdem", first=vdem[0], last=vdem[1],
                  credit=f'<a href="{html.escape(VDEM_URL)}">{html.escape(VDEM_CREDIT)}</a>')
    return text


def not_understood(words: list[tuple[str, list[Country]]], lang: str) -> str:
    """Replies to country names not recognised in a list (/subscribe): each word repeated
    back, with the likeliest countries when there are any."""
    lines = []
    for word, near in words:
        if near:
            names = ", ".join(label(c, lang) for c in near)
            lines.append(t(lang, "clarify", word=echo(word), names=names))
        else:
            lines.append(t(lang, "not_a_country", word=echo(word)))
    return "\n".join(lines)


def country_names(countries: list[Country], lang: str) -> str:
    """Names in the reader's language, escaped, comma-separated."""
    return ", ".join(html.escape(country_name(c.code, c.name_en, lang)) for c in countries)


def preformatted(lines: list[str]) -> str:
    """Operator output (/status) as one monospaced block; lines that would not fit in one
    message are left out whole, never cut inside an escape."""
    kept: list[str] = []
    room = MAX_MESSAGE - len("<pre></pre>")
    for line in lines:
        escaped = html.escape(line)
        if len(escaped) + 1 > room:
            break
        kept.append(escaped)
        room -= len(escaped) + 1
    return "<pre>" + "\n".join(kept) + "</pre>"


def group_help(bot_username: str, lang: str) -> str:
    """What /help adds in a group: privacy mode, and using the bot inline."""
    return t(lang, "group_help", bot=html.escape(bot_username))


#: Alert states as ``data status`` names them: ``sending`` left over is a send the bot did
#: not see confirmed (it stopped meanwhile) and never repeats.
_ALERT_STATES = (("sent", "sent"), ("pending", "pending"), ("sending", "unconfirmed"),
                 ("failed", "failed"))


def status_lines(status: Status, path: Path) -> list[str]:
    """What the database holds, as operators read it (``data status`` and ``/status``)."""
    lines = [f"database: {path}"]
    per_year = status.rows_per_year
    if per_year:
        lines.append(f"years: {per_year[0][0]}–{per_year[-1][0]} ({len(per_year)})")
        lines.append("countries per year: "
                     + ", ".join(f"{index_label(y)}:{n}" for y, n in per_year))
    else:
        lines.append("years: none")
    lines.append(f"countries: {status.countries}")
    listed = ", ".join(f"{code} {year}" for code, year in status.profiles[:20])
    more = ", …" if len(status.profiles) > 20 else ""
    lines.append(f"profiles: {len(status.profiles)}" + (f" ({listed}{more})" if listed else ""))
    total = sum(n for _, n in status.aliases)
    lines.append(f"aliases: {total} (" + ", ".join(f"{s} {n}" for s, n in status.aliases) + ")")
    if status.alerts:
        counts = status.alerts
        shown = [f"{counts[s]} {label}" for s, label in _ALERT_STATES if counts.get(s)]
        lines.append("alerts: " + ", ".join(shown))
    rows, countries, first, latest = status.vdem
    lines.append(f"vdem: {rows} rows, {countries} countries, {first}–{latest}" if rows
                 else "vdem: none")
    lines.append("last imports:")
    for record in status.imports:
        what = " ".join(str(x) for x in (record.kind, record.year, record.code) if x)
        where = "  ".join(x for x in (record.at, record.file) if x)
        lines.append(f"  {where}  {what}: {record.summary}")
    return lines
