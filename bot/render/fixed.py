"""Texts that are not answers to a question: /topics, /about, the group help, lists of
names, operator output."""

from __future__ import annotations

import html
from pathlib import Path

from bot import button_data
from bot.domain import (
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
from bot.i18n import LANGS, country_name, language_label, name, region_name, t
from bot.render.html import MAX_MESSAGE, echo, label
from bot.render.output import Button, Rendered
from bot.store import Country, ImportRecord, Status
from bot.store.history import KEEP_STEPS


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
        credit=f'<a href="{RSF_INDEX_URL}">{html.escape(t(lang, "credit"))}</a>',
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


def preformatted(lines: list[str], reserve: int = 0) -> str:
    """Operator output (/status) as one monospaced block; lines that would not fit in one
    message (less ``reserve`` characters for text around it) are left out whole, never cut
    inside an escape."""
    kept: list[str] = []
    room = MAX_MESSAGE - reserve - len("<pre></pre>")
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
    return lines + history_lines(status)


#: Files listed under each change in ``data status`` (then "… and N more files").
_FILES_SHOWN = 3


def history_lines(status: Status) -> list[str]:
    """The latest changes, newest first: who made each, from where, whether it is still in
    the data (live) or was undone, and which one an undo takes back next; then what the
    kept history costs."""
    lines = ["last imports:"]
    undoable = status.undo_target
    target = undoable.id if undoable is not None and undoable.kept else None
    for change in status.changes:
        by = f"{change.who} ({change.via})"
        if change.kind == "undo":
            lines.append(f"  #{change.id}  {change.at}  undo by {by}: {change.summary}")
            continue
        state = "live" if change.live else f"undone by #{change.undone_by}"
        if change.id == target:
            state += ", the next undo takes it back"
        lines.append(f"  #{change.id}  {change.at}  {change.kind} by {by}, {state}")
        files = [r for r in status.imports if r.change_id == change.id]
        lines += ["      " + _file_line(record) for record in files[:_FILES_SHOWN]]
        if len(files) > _FILES_SHOWN:
            lines.append(f"      … and {len(files) - _FILES_SHOWN} more files")
    # Imports made before the history of changes began (an older database).
    lines += ["  " + f"{record.at}  " + _file_line(record)
              for record in status.imports if record.change_id is None]
    kept = status.history
    lines.append(f"undo history: {kept.changes} of the last {KEEP_STEPS} changes kept, "
                 f"{kept.rows} rows, {kept.bytes / 1024:,.0f} KB")
    return lines


def _file_line(record: ImportRecord) -> str:
    what = " ".join(str(x) for x in (record.kind, record.year, record.code) if x)
    return "  ".join(x for x in (record.file, f"{what}: {record.summary}") if x)


#: Buttons per row of the menu of languages.
_LANGUAGES_PER_ROW = 3


def language_menu(current: str | None, lang: str) -> Rendered:
    """``/language``: the fifteen languages, each named in itself, and "automatic" (follow
    each question); the chat's current choice is ticked."""
    def item(code: str | None, text: str) -> Button:
        return Button(("✓ " if code == current else "") + text, button_data.language(code))

    items = [item(code, language_label(code)) for code in LANGS]
    rows = [items[i:i + _LANGUAGES_PER_ROW] for i in range(0, len(items), _LANGUAGES_PER_ROW)]
    rows.append([item(None, t(lang, "language_auto_button"))])
    shown = language_label(current) if current else t(lang, "language_auto_button")
    return Rendered([t(lang, "language_prompt", current=html.escape(shown))], rows)


def language_set(chosen: str | None, lang: str) -> str:
    """What ``/language`` says once a chat's language is kept (in that language)."""
    if chosen is None:
        return t(lang, "language_auto")
    return t(lang, "language_set", language=html.escape(language_label(chosen)))
