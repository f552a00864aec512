"""Answer → Telegram-HTML messages and buttons: the only producer of markup.

Every interface (terminal, private chat, group, inline card, button) shows what this module
returns, so escaping and Telegram's limits are handled once, here:

* every piece of data goes through :func:`html.escape`; only Telegram's tags are emitted;
* a reply is built from blocks (complete HTML fragments) packed into messages of at most
  4096 characters, so a message never ends inside a tag; a text too long for one message
  is cut at paragraph or sentence boundaries *before* it is wrapped in markup;
* buttons carry callback data from :mod:`bot.callbacks`, always within 64 bytes.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot import callbacks
from bot.answer import (
    Answer,
    CompareAnswer,
    MessageAnswer,
    ProfileAnswer,
    RankingAnswer,
    SearchAnswer,
    indicator_order,
)
from bot.domain import (
    CREDIT,
    MAX_COMPARE,
    MAX_RANKING,
    REGIONS,
    RSF_INDEX_URL,
    SCALE_CURRENT,
    SCALE_OLD,
    SCALE_REEXPRESSED,
    TOPICS,
    index_label,
    scale_of,
    situation_of,
)
from bot.i18n import country_name, flag, name, region_name, t
from bot.store import Country, Result

if TYPE_CHECKING:  # bot.charts imports this module; only its plain data type is needed
    from bot.charts import ChartData

MAX_MESSAGE = 4096
#: Room left for the credit line and joins when a long text is cut into pieces.
_MAX_PIECE = 3500


@dataclass(frozen=True, slots=True)
class Button:
    """One inline button: its label and the callback data it sends (bot.callbacks)."""

    text: str
    data: str


@dataclass
class Rendered:
    messages: list[str]
    buttons: list[list[Button]] = field(default_factory=list)
    title: str = ""  # a one-line plain summary (inline result titles, logs)
    description: str = ""


def country_url(country: Country) -> str:
    """RSF's page for a country: ``https://rsf.org/en/country/<english-name>``, the name
    without accents or apostrophes ("Côte d'Ivoire" → ``cote-divoire``)."""
    plain = unicodedata.normalize("NFKD", country.name_en).encode("ascii", "ignore").decode()
    plain = re.sub(r"['’]", "", plain.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return f"https://rsf.org/en/country/{slug}" if slug else RSF_INDEX_URL


def credit(url: str, lang: str) -> str:
    return f'{t(lang, "source")}: <a href="{html.escape(url)}">{html.escape(CREDIT)}</a>'


def fmt_score(value: float) -> str:
    return f"{value:.2f}"


def label(country: Country, lang: str) -> str:
    """Flag and name, escaped for a message."""
    return html.escape(button_label(country, lang))


def button_label(country: Country, lang: str) -> str:
    """Flag and name as plain text (button texts are not parsed as HTML)."""
    shown = country_name(country.code, country.name_en, lang)
    mark = flag(country.code)
    return f"{mark} {shown}" if mark else shown


def render(answer: Answer, lang: str = "en") -> Rendered:
    """The messages and buttons for an answer, in the interface language ``lang``."""
    if isinstance(answer, ProfileAnswer):
        return _profile(answer, lang)
    if isinstance(answer, CompareAnswer):
        return _compare(answer, lang)
    if isinstance(answer, RankingAnswer):
        return _ranking(answer, lang)
    if isinstance(answer, SearchAnswer):
        return _search(answer, lang)
    return _message(answer, lang)


# --- profile --------------------------------------------------------------------------------


def _change_line(result: Result, previous: Result, lang: str) -> str:
    moved = previous.rank - result.rank
    if moved > 0:
        rank = t(lang, "rank_up", n=moved, prev=previous.rank, rank=result.rank)
    elif moved < 0:
        rank = t(lang, "rank_down", n=-moved, prev=previous.rank, rank=result.rank)
    else:
        rank = t(lang, "rank_same")
    line = f"{t(lang, 'since', year=previous.year)}: {t(lang, 'rank')} {rank}"
    if previous.scale == result.scale:
        delta = result.score - previous.score
        line += f", {t(lang, 'score_word')} {delta:+.2f}"
    return line


def _indicator_table(result: Result, order: tuple[str, ...], lang: str) -> str:
    width = max(len(name(lang, i)) for i in order)
    lines = [
        f"{name(lang, i):<{width}}  {fmt_score(result.indicators[i][0]):>6}  "
        f"{result.indicators[i][1]:>3}"
        for i in order
        if i in result.indicators
    ]
    return "<pre>" + html.escape("\n".join(lines)) + "</pre>"


def _split_text(text: str, limit: int = _MAX_PIECE) -> list[str]:
    """Cut plain text into pieces ≤ limit at paragraph, then sentence, then word bounds."""
    pieces: list[str] = []
    current = ""
    units = [p for p in text.split("\n\n") if p.strip()]
    expanded: list[str] = []
    for unit in units:
        if len(unit) <= limit:
            expanded.append(unit)
            continue
        for sentence in re.split(r"(?<=[.!?…])\s+", unit):
            while len(sentence) > limit:
                cut = sentence.rfind(" ", 0, limit)
                cut = cut if cut > limit // 2 else limit
                expanded.append(sentence[:cut])
                sentence = sentence[cut:].lstrip()
            expanded.append(sentence)
    for unit in expanded:
        joined = f"{current}\n\n{unit}" if current else unit
        if len(joined) <= limit:
            current = joined
        else:
            pieces.append(current)
            current = unit
    if current:
        pieces.append(current)
    return pieces


def _quote(text: str) -> list[str]:
    return [
        f"<blockquote expandable>{html.escape(piece)}</blockquote>" for piece in _split_text(text)
    ]


def _profile(answer: ProfileAnswer, lang: str) -> Rendered:
    country, result = answer.country, answer.result
    url = country_url(country)
    blocks: list[str] = []
    head = f"{label(country, lang)} · <b>{t(lang, 'index')} {index_label(answer.year)}</b>"
    if answer.year_note:
        head += (
            "\n<i>"
            + t(lang, "year_note", asked=answer.year_note.asked, shown=answer.year_note.shown)
            + "</i>"
        )
    if result is None:
        shown = html.escape(country_name(country.code, country.name_en, lang))
        lines = [head, t(lang, "not_ranked", country=shown, year=answer.year)]
        if answer.parts:
            lines.append(t(lang, "ranked_in_parts", year=answer.year))
            lines += [
                f"• {html.escape(part.name_en)}: "
                + t(lang, "rank_of", rank=r.rank, total=r.total)
                + f", {t(lang, 'score_word')} <b>{fmt_score(r.score)}</b>"
                for part, r in answer.parts
            ]
            lines.append(f"<i>{html.escape(name(lang, answer.parts[0][1].scale))}</i>")
        blocks.append("\n".join(lines))
    else:
        facts = [
            t(lang, "rank_of", rank=result.rank, total=result.total),
            t(lang, "score", score=fmt_score(result.score)),
        ]
        if result.situation:
            facts.append(name(lang, result.situation))
        lines = [head, " · ".join(facts)]
        if result.scale != SCALE_CURRENT:
            lines.append(f"<i>{html.escape(name(lang, result.scale))}</i>")
        if answer.latest_index and country.last_year and country.last_year < answer.latest_index:
            lines.append(t(lang, "last_ranked", latest=answer.latest_index, year=country.last_year))
        if country.code == "CSS":
            lines.append(f"<i>{t(lang, 'oecs')}</i>")
        if answer.previous:
            lines.append(_change_line(result, answer.previous, lang))
        blocks.append("\n".join(lines))
        if result.indicators:
            order = indicator_order(answer.topic)
            blocks.append(
                f"<b>{t(lang, 'indicators')}</b> ({t(lang, 'indicator_head')})\n"
                + _indicator_table(result, order, lang)
            )
    if answer.history:
        rows = [
            f"{index_label(r.year):<7}  {r.rank:>3}/{r.total}  {fmt_score(r.score):>6}  "
            f"{r.scale.replace('-', '–')}"
            for r in answer.history
        ]
        blocks.append(
            f"<b>{t(lang, 'history')}</b>\n<pre>" + html.escape("\n".join(rows)) + "</pre>"
        )
    if len(answer.eras) > 1:
        eras = ", ".join(era.replace("-", "–") for era in answer.eras)
        blocks.append(t(lang, "era_warning", eras=eras))
    section = answer.section or "summary"
    if answer.excerpt:
        blocks.append(
            f"<b>{name(lang, section)}</b> — <i>{t(lang, 'profile_of', year=answer.excerpt_year)}"
            "</i>"
        )
        blocks.extend(_quote(answer.excerpt))
    elif answer.excerpt_year is not None:
        blocks.append(t(lang, "no_section", section=name(lang, section)))
    else:
        shown = html.escape(country_name(country.code, country.name_en, lang))
        blocks.append(t(lang, "no_profile", country=shown, url=html.escape(url)))
    blocks.append(credit(url, lang))
    title = country_name(country.code, country.name_en, lang)
    description = (
        f"{answer.year}: {result.rank}/{result.total}, {fmt_score(result.score)}"
        if result
        else t(lang, "not_ranked", country=title, year=answer.year)
    )
    return Rendered(pack(blocks), _profile_buttons(answer, lang), title, description)


def _profile_buttons(answer: ProfileAnswer, lang: str) -> list[list[Button]]:
    code, year = answer.country.code, answer.year
    current = answer.topic or "summary"
    sections = ["summary", *TOPICS]
    buttons = [
        Button(
            ("• " if s == current else "") + name(lang, s),
            callbacks.profile(code, year, None if s == "summary" else s),
        )
        for s in sections
    ]
    rows = [buttons[:4], buttons[4:]]
    earlier = [y for y in answer.years_available if y != year][-4:]
    if earlier:
        rows.append([Button(str(y), callbacks.profile(code, y, answer.topic)) for y in earlier])
    last: list[Button] = []
    if answer.neighbours:
        last.append(
            Button(
                t(lang, "neighbours"),
                callbacks.compare((code, *answer.neighbours), year, answer.topic),
            )
        )
    last.append(Button(t(lang, "chart"), callbacks.chart((code,), year)))
    rows.append(last)
    return rows


# --- compare --------------------------------------------------------------------------------


def _compare(answer: CompareAnswer, lang: str) -> Rendered:
    blocks = [
        f"<b>{t(lang, 'compare_title', year=index_label(answer.year))}</b>\n"
        + "\n".join(f"<code>{html.escape(c.code)}</code> {label(c, lang)}" for c, _ in answer.rows)
    ]
    current = any(r is not None and r.indicators for _, r in answer.rows)
    header = ["", t(lang, "rank"), t(lang, "score_word")]
    if current:
        header += [name(lang, f"{i}_short") for i in answer.indicator_order]
    table = [header]
    for country, result in answer.rows:
        if result is None:
            table.append([country.code, "—", t(lang, "compare_missing", year=answer.year)])
            continue
        row = [country.code, str(result.rank), fmt_score(result.score)]
        if current:
            row += [
                fmt_score(result.indicators[i][0]) if i in result.indicators else "—"
                for i in answer.indicator_order
            ]
        table.append(row)
    widths = [max(len(r[i]) for r in table if i < len(r)) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.rjust(widths[i]) if i else cell.ljust(widths[i]) for i, cell in enumerate(r)
        ).rstrip()
        for r in table
    ]
    blocks.append("<pre>" + html.escape("\n".join(lines)) + "</pre>")
    scales = {r.scale for _, r in answer.rows if r is not None}
    if answer.rows and any(r is not None and r.scale != SCALE_CURRENT for _, r in answer.rows):
        blocks.append("<i>" + html.escape(name(lang, next(iter(scales)))) + "</i>")
    if answer.left_out:
        blocks.append(f"<i>{t(lang, 'left_out', n=MAX_COMPARE, k=answer.left_out)}</i>")
    blocks.append(credit(RSF_INDEX_URL, lang))
    codes = tuple(c.code for c, _ in answer.rows)
    buttons = [
        [
            Button(
                button_label(c, lang), callbacks.profile(c.code, answer.year, answer.query.topic)
            )
            for c, _ in answer.rows[i : i + 3]
        ]
        for i in range(0, len(answer.rows), 3)
    ]
    buttons.append([Button(t(lang, "chart"), callbacks.chart(codes[:5], answer.year))])
    title = " · ".join(country_name(c.code, c.name_en, lang) for c, _ in answer.rows)
    return Rendered(pack(blocks), buttons, title, t(lang, "compare_title", year=answer.year))


# --- ranking --------------------------------------------------------------------------------


def _ranking(answer: RankingAnswer, lang: str) -> Rendered:
    spec = answer.ranking
    if spec.position is not None:
        title = t(lang, "position", n=spec.position)
    else:
        title = t(lang, spec.order, n=len(answer.rows))
    scope = []
    if spec.indicator:
        scope.append(t(lang, "by_indicator", indicator=name(lang, spec.indicator).lower()))
    subregion = t(lang, spec.subregion) if spec.subregion else None
    if subregion:
        scope.append(t(lang, "in_subregion", subregion=subregion))
    elif spec.region:
        scope.append(t(lang, "in_region", region=region_name(lang, spec.region)))
    heading = f"<b>{html.escape(title)}</b> · {t(lang, 'index')} {index_label(answer.year)}"
    if scope:
        heading += "\n" + html.escape(", ".join(scope))
    blocks = [heading]
    if not answer.rows:
        blocks.append(t(lang, "nobody_at", n=spec.position or 0, year=answer.year))
    else:
        lines = []
        for country, result in answer.rows:
            if spec.indicator and spec.indicator in result.indicators:
                score, rank = result.indicators[spec.indicator]
            else:
                score, rank = result.score, result.rank
            lines.append(f"{rank:>3}. {label(country, lang)} — <b>{fmt_score(score)}</b>")
        blocks.append("\n".join(lines))
    if answer.no_indicators:
        blocks.append(f"<i>{t(lang, 'no_indicators')}</i>")
    if answer.capped:
        blocks.append(f"<i>{t(lang, 'capped', n=MAX_RANKING)}</i>")
    tied = len(answer.rows) - min(spec.limit, MAX_RANKING)
    if spec.position is None and tied > 0:
        blocks.append(f"<i>{t(lang, 'tied', n=tied)}</i>")
    if subregion and spec.region:
        note = t(lang, "subregion_note", subregion=subregion, region=region_name(lang, spec.region))
        blocks.append(f"<i>{html.escape(note)}</i>")
    elif spec.region:
        blocks.append(
            "<i>" + t(lang, "region_note", region=region_name(lang, spec.region)) + "</i>"
        )
    first = answer.rows[0][1] if answer.rows else None
    if first is not None and first.scale != SCALE_CURRENT:
        blocks.append("<i>" + html.escape(name(lang, first.scale)) + "</i>")
    blocks.append(credit(RSF_INDEX_URL, lang))
    buttons = [
        [
            Button(button_label(c, lang), callbacks.profile(c.code, answer.year, None))
            for c, _ in answer.rows[i : i + 2]
        ]
        for i in range(0, min(len(answer.rows), 6), 2)
    ]
    return Rendered(pack(blocks), buttons, title, f"{t(lang, 'index')} {answer.year}")


# --- search and messages --------------------------------------------------------------------


def _snippet(text: str) -> str:
    escaped = html.escape(text)
    return escaped.replace("\x02", "<b>").replace("\x03", "</b>")


#: Search words are echoed back; a longer paste is shortened so the reply stays one message.
_MAX_ECHO = 80


def _search(answer: SearchAnswer, lang: str) -> Rendered:
    shown_terms = answer.terms if len(answer.terms) <= _MAX_ECHO else answer.terms[:_MAX_ECHO] + "…"
    terms = html.escape(shown_terms)
    if not answer.hits:
        blocks = [t(lang, "search_none", terms=terms)]
    else:
        blocks = [f"<b>{t(lang, 'search_title', terms=terms)}</b>"]
        for hit in answer.hits:
            blocks.append(
                f"{label(hit.country, lang)} · {name(lang, hit.section)} ({hit.year})\n"
                f"<i>{_snippet(hit.snippet)}</i>"
            )
    # Only some countries have their full RSF profile here: say how many were searched.
    blocks.append(f"<i>{t(lang, 'search_scope', n=answer.profiles)}</i>")
    blocks.append(credit(RSF_INDEX_URL, lang))
    seen: dict[str, Country] = {h.country.code: h.country for h in answer.hits}
    buttons = [
        [Button(button_label(c, lang), callbacks.profile(c.code, None, None))]
        for c in list(seen.values())[:6]
    ]
    return Rendered(pack(blocks), buttons, t(lang, "search_title", terms=shown_terms))


def _message(answer: MessageAnswer, lang: str) -> Rendered:
    if answer.kind == "help":
        text = t(lang, "help", latest=answer.latest or "")
        return Rendered([text], _example_buttons(lang), re.sub(r"<[^>]+>", "", text))
    elif answer.kind == "clarify":
        word = (answer.query.unknown or answer.query.text)[:_MAX_ECHO]
        names = ", ".join(label(c, lang) for c in answer.candidates)
        text = t(lang, "clarify", word=html.escape(word), names=names)
        buttons = [
            [
                Button(
                    button_label(c, lang),
                    callbacks.profile(c.code, answer.query.year, answer.query.topic),
                )
            ]
            for c in answer.candidates
        ]
        return Rendered([text], buttons, text)
    elif answer.kind == "need_country":
        text = t(lang, "need_country", example=t(lang, "example_country"))
    elif answer.kind == "no_data":
        text = t(lang, "no_data")
    else:
        text = t(lang, "none")
    return Rendered([text], [], re.sub(r"<[^>]+>", "", text))


def _example_buttons(lang: str) -> list[list[Button]]:
    """Two examples to tap under the help text, so a first question is one touch away."""

    def named(code: str, english: str) -> str:
        return f"{flag(code)} {country_name(code, english, lang)}"

    return [[
        Button(named("KAZ", "Kazakhstan"), callbacks.profile("KAZ", None, None)),
        Button(f"{named('NOR', 'Norway')} · {named('FIN', 'Finland')}",
               callbacks.compare(("NOR", "FIN"), None, None)),
    ]]


# --- fixed texts ----------------------------------------------------------------------------


def topics(lang: str) -> str:
    """/topics: what can be asked about."""
    lines = [f"<b>{t(lang, 'topics')}</b>"]
    lines += [f"• <b>{name(lang, topic)}</b> — {t(lang, 'topic_' + topic)}" for topic in TOPICS]
    return "\n".join(lines)


def about(years: list[int], lang: str) -> str:
    """/about: the source, the method in brief, the scales and the credits."""
    scales = "\n".join(
        f"• {html.escape(name(lang, scale))}"
        for scale in (SCALE_OLD, SCALE_REEXPRESSED, SCALE_CURRENT)
    )
    regions = ", ".join(region_name(lang, region) for region in REGIONS)
    return t(
        lang,
        "about",
        credit=f'<a href="{RSF_INDEX_URL}">{html.escape(CREDIT)}</a>',
        first=years[0] if years else "",
        latest=years[-1] if years else "",
        scales=scales,
        regions=html.escape(regions),
    )


def not_understood(words: list[tuple[str, list[Country]]], lang: str) -> str:
    """Replies to country names not recognised in a list (/subscribe, /chart): each word
    repeated back, with the likeliest countries when there are any."""
    lines = []
    for word, near in words:
        shown = html.escape(word[:_MAX_ECHO])
        if near:
            names = ", ".join(label(c, lang) for c in near)
            lines.append(t(lang, "clarify", word=shown, names=names))
        else:
            lines.append(t(lang, "not_a_country", word=shown))
    return "\n".join(lines)


def country_names(countries: list[Country], lang: str) -> str:
    """Names in the reader's language, escaped, comma-separated."""
    return ", ".join(html.escape(country_name(c.code, c.name_en, lang)) for c in countries)


def plain(text: str) -> str:
    """A sentence made of interface strings and data, escaped for an HTML message (quotes
    need no escaping outside attributes)."""
    return html.escape(text, quote=False)


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


# --- packing and plain text -----------------------------------------------------------------


def pack(blocks: list[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Join blocks into as few messages as fit, never splitting a block."""
    messages: list[str] = []
    current = ""
    for block in _fit(blocks, limit):
        joined = f"{current}\n\n{block}" if current else block
        if len(joined) <= limit:
            current = joined
        else:
            if current:
                messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def _fit(blocks: list[str], limit: int) -> list[str]:
    """Blocks are built to fit a message; should one not, it is sent as plain escaped text
    in pieces rather than cut inside a tag."""
    fitted: list[str] = []
    for block in blocks:
        if len(block) <= limit:
            fitted.append(block)
        else:
            # Escaping can grow text up to six-fold ('"' → "&quot;"): pieces leave that room.
            pieces = _split_text(to_plain_text(block), limit // 6)
            fitted.extend(html.escape(piece) for piece in pieces)
    return fitted


_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.S)


def to_plain_text(message: str) -> str:
    """Telegram HTML → terminal text: links as ``text (url)``, tags dropped, entities decoded."""
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", message)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


def visible_length(message: str) -> int:
    """Length after entity parsing, as Telegram counts it against the 4096 limit."""
    return len(html.unescape(re.sub(r"<[^>]+>", "", message)))


def alert(answers: list[ProfileAnswer], year: int, lang: str) -> Rendered:
    """A release alert: the new index is out, with each subscribed country's rank and score."""
    lines = [f"📰 <b>{t(lang, 'alert_title', year=year)}</b>"]
    for item in answers:
        result = item.result
        if result is None:
            shown = html.escape(country_name(item.country.code, item.country.name_en, lang))
            lines.append(t(lang, "not_ranked", country=shown, year=year))
            continue
        line = (
            f"{label(item.country, lang)}: "
            + t(lang, "rank_of", rank=result.rank, total=result.total)
            + f", {t(lang, 'score_word')} <b>{fmt_score(result.score)}</b>"
        )
        if item.previous is not None:
            line += "\n    " + _change_line(result, item.previous, lang)
        lines.append(line)
    blocks = ["\n".join(lines), credit(RSF_INDEX_URL, lang)]
    buttons = [
        [
            Button(button_label(a.country, lang), callbacks.profile(a.country.code, year, None))
            for a in answers[i : i + 3]
        ]
        for i in range(0, min(len(answers), 9), 3)
    ]
    return Rendered(pack(blocks), buttons, t(lang, "alert_title", year=year))


def chart_caption(data: ChartData, lang: str) -> str:
    """A chart photo's caption: Telegram HTML, every value escaped, at most 1024 characters."""
    limit = 1024  # Telegram's limit for a caption; five countries' lines fit with room to spare
    first = data.countries[0]
    last = first.history[-1][0] if first.history else data.year
    head = t(lang, "chart_caption_compare" if data.compare else "chart_caption_history",
             first=data.first_year, last=last, year=data.indicator_year)
    lines = [f"<b>📈 {html.escape(', '.join(c.name for c in data.countries))}</b>",
             html.escape(head)]
    if data.compare:
        lines.append(f"<b>{index_label(data.year)}</b>")
    for c in data.countries:
        mark = f"{flag(c.code)} " if flag(c.code) else ""
        who = f"{mark}{html.escape(c.name)}: " if data.compare else f"{index_label(data.year)}: "
        if c.rank is None or c.score is None or c.total is None:
            lines.append(who + html.escape(t(lang, "compare_missing", year=index_label(data.year))))
            continue
        line = t(lang, "chart_caption_line", rank=c.rank, total=c.total, score=fmt_score(c.score))
        band = situation_of(c.score, data.year)
        if band:
            line += f" — {name(lang, band)}"
        lines.append(who + html.escape(line))
    if not data.compare or scale_of(data.year) != SCALE_CURRENT:
        lines.append(html.escape(t(lang, "chart_caption_break")))
    lines.append(credit(data.url, lang))
    result = "\n".join(lines)
    if len(result) > limit:
        raise ValueError(f"caption of {len(result)} characters is over {limit}")
    return result
