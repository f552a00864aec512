"""Interface strings in English and Russian, and country names in the reader's language.

Profile texts stay as RSF published them; only labels, help and errors are translated.
Country names come from CLDR (Babel) so a Russian reader sees "Казахстан", with RSF's
English name as the fallback for RSF's own entities (OECS, Northern Cyprus).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Final

from babel import Locale

from bot.names import alpha2_of, flag_of

LANGS: Final = ("en", "ru")

# Languages whose speakers more likely read Russian than English.
_RUSSIAN_READERS: Final = frozenset({"ru", "uk", "be", "kk", "ky", "uz", "tg", "hy", "az"})


_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_LATIN_RE = re.compile("[A-Za-z]")


def pick_lang(hint: str | None, text: str = "") -> str:
    """The interface language: Cyrillic text or a Russian-reading user's locale → "ru"."""
    if _CYRILLIC_RE.search(text):
        return "ru"
    if _LATIN_RE.search(text):
        return "en"
    base = (hint or "en").split("-")[0].lower()
    return "ru" if base in _RUSSIAN_READERS else "en"


_STRINGS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "reloaded": "Reloaded: data version {version}, years {first}–{latest}, {countries} "
        "countries.",
        "reloaded_empty": "Reloaded: the database is empty.",
        # The command menus (setMyCommands), one description per command.
        "cmd_country": "A country's rank, score and profile",
        "cmd_compare": "Compare countries: /compare Norway, Finland",
        "cmd_top": "The freest countries: /top 10 Africa",
        "cmd_bottom": "The least free countries",
        "cmd_chart": "A country's history as a chart",
        "cmd_subscribe": "Alerts when a new index is out",
        "cmd_subscribe_group": "Alerts for this group (admins)",
        "cmd_topics": "What you can ask about",
        "cmd_about": "Source, method and credits",
        "cmd_help": "How to use the bot",
        "index": "World Press Freedom Index",
        "rank_of": "Rank <b>{rank}</b> of {total}",
        "score": "Score <b>{score}</b>",
        "since": "Since {year}",
        "rank_up": "▲{n} ({prev} → {rank})",
        "rank_down": "▼{n} ({prev} → {rank})",
        "rank_same": "unchanged",
        "rank": "rank",
        "score_word": "score",
        "indicators": "Indicators",
        "indicator_head": "score · rank",
        "not_ranked": "{country} is not in the {year} index.",
        "ranked_in_parts": "In {year} RSF listed it as:",
        "no_profile": "RSF's full profile of {country} is not in our database yet: read it on "
        '<a href="{url}">rsf.org</a>.',
        "no_section": "The profile has no “{section}” section.",
        "profile_of": "from RSF's profile, index {year}",
        "source": "Source",
        "era_warning": "⚠️ Scores from different methods ({eras}) are not comparable: "
        "only the ranks are.",
        "year_note": "There is no {asked} index; showing {shown}.",
        "history": "History",
        "compare_title": "Comparison, {year}",
        "compare_missing": "not ranked in {year}",
        "top": "Top {n}",
        "bottom": "Bottom {n}",
        "position": "Rank {n}",
        "by_indicator": "by the {indicator} indicator",
        "in_region": "in {region}",
        "region_note": "RSF's region used: {region}.",
        "in_subregion": "in {subregion}",
        "capped": "A list shows at most {n} countries.",
        "tied": "{n} more shown: they share the last rank.",
        "subregion_note": "{subregion} is part of RSF's {region} region; ranks are world ranks.",
        "no_indicators": "The five indicators exist since 2022: ranked by the global score.",
        "left_out": "One table compares at most {n} countries; {k} more were left out: {names}.",
        "oecs": "RSF ranks the Organisation of Eastern Caribbean States as one entry: Antigua "
        "and Barbuda, Dominica, Grenada, Saint Kitts and Nevis, Saint Lucia, and Saint Vincent "
        "and the Grenadines.",
        "last_ranked": "Not in the {latest} index: last ranked in {year}.",
        "central_asia": "Central Asia",
        "eu": "the European Union",
        "latin_america": "Latin America",
        "nobody_at": "No country holds rank {n} in {year}.",
        "search_title": "Profiles mentioning “{terms}”",
        "search_none": "No RSF profile in our database mentions “{terms}”.",
        "search_scope": "Profiles in the database: {n}.",
        "clarify": "I didn't recognise “{word}”. Did you mean {names}?",
        "need_country": "Which country? For example: <i>{example}</i>",
        "no_data": "The database holds no index data yet. An operator can load it with "
        "<code>pressbot data import</code>.",
        "none": "I answer questions about press freedom in any country, from RSF's World Press "
        "Freedom Index. Try <i>Kazakhstan</i>, <i>compare Norway and Finland</i> or "
        "<i>worst in Asia</i>.",
        "not_understood": "I didn't understand that. I answer questions about press freedom "
        "in any country, from RSF's World Press Freedom Index. Try <i>Kazakhstan</i>, "
        "<i>compare Norway and Finland</i> or <i>worst in Asia</i> — or send /help.",
        "greeting": "Hello! Ask me about press freedom in any country, for example "
        "<i>Kazakhstan</i>, <i>are journalists safe in Mexico?</i> or <i>compare Norway "
        "and Finland</i>.",
        "thanks": "You're welcome! Ask about another country any time, for example "
        "<i>Kazakhstan</i>.",
        "everyday": "I answer questions about press freedom, from RSF's World Press Freedom "
        "Index. Did you mean press freedom in {countries}?",
        "unplaced_note": "I don't know the country “{words}”: it is left out.",
        "help_languages": "I read questions in English, Russian, Kazakh, Ukrainian, Uzbek "
        "(Latin and Cyrillic), Kyrgyz, Tajik, German, French, Spanish, Portuguese, Turkish, "
        "Arabic, Persian and Chinese, and country names in many more languages. I answer in "
        "English or Russian: in Russian when you write in Cyrillic or your Telegram is set "
        "to a language of the region. Add <i>in English</i> or <i>in Russian</i> to choose.",
        "help_charts": "Charts: send <code>/chart Kazakhstan</code> for a country's score "
        "over the years and its five indicators, or up to five countries to compare them: "
        "<code>/chart Kazakhstan Kyrgyzstan</code>. Under a country's answer, tap 📈 Chart.",
        "help_groups": "In a group: add me as a member. I answer commands (<code>/country "
        "Kazakhstan</code>, <code>/compare Norway, Finland</code>, <code>/top 10</code>) and "
        "replies to my messages; Telegram's privacy mode keeps other messages from me. Only "
        "the group's administrators change its alerts.",
        "help_inline": "Inline: in any chat, type my username, a space and a country or a "
        "question (<code>@bot kazakhstan</code>), then pick a card to send it there.",
        "help_subscriptions": "Alerts: <code>/subscribe Kazakhstan</code> (several countries "
        "separated by commas) and I send you one message when RSF publishes a new index, "
        "with each country's new rank and score. <code>/subscriptions</code> lists them; "
        "<code>/unsubscribe Kazakhstan</code> or <code>/unsubscribe all</code> stops them.",
        "help_examples": "Questions to try:\n• <i>Kazakhstan</i>\n• <i>are journalists safe "
        "in Mexico?</i>\n• <i>who owns the media in Hungary</i>\n• <i>compare Norway and "
        "Finland</i>\n• <i>top 10 in Africa</i>, <i>worst for safety</i>\n• <i>Russia since "
        "2022</i>\n• <i>which countries mention Pegasus</i>",
        "help": (
            "<b>Press Freedom Bot</b> answers from RSF's World Press Freedom Index "
            "(2002–{latest}).\n\n"
            "Ask in plain words, for example:\n"
            "• <i>Kazakhstan</i> or <i>are journalists safe in Kazakhstan?</i>\n"
            "• <i>compare Norway and Finland</i>\n"
            "• <i>top 10</i>, <i>worst in Africa</i>, <i>most dangerous for journalists</i>\n"
            "• <i>Mexico in 2023</i>, <i>Russia since 2022</i>\n"
            "• <i>which countries mention Pegasus</i>\n\n"
            "Topics: media landscape, political, legal, economic, social, safety."
        ),
        "topics": "Topics",
        "neighbours": "Compare with neighbours",
        "chart": "📈 Chart",
        "apology": "Sorry, something went wrong on my side. Please try again in a moment.",
        "example_country": "Kazakhstan",
        "rsf_button": "RSF ↗",
        "unknown_command": "I don't know that command. Send /help for what I can do.",
        "alert_title": "RSF's World Press Freedom Index {year} is out",
        "group_help": "<b>In this group</b> I answer commands (/country Kazakhstan, /compare "
        "Norway, Finland, /top 10) and replies to my messages. Telegram's privacy mode keeps "
        "other messages from me, so chatter stays private. In any chat you can also type "
        "<code>@{bot} kazakhstan</code> and pick a card to send.",
        "usage_country": "Send a country after the command, e.g. /country Kazakhstan",
        "usage_compare": "Name two to five countries, e.g. /compare Norway, Finland",
        "topic_landscape": "who owns the media, which outlets and channels matter",
        "topic_political": "government pressure, censorship, internet shutdowns",
        "topic_legal": "laws, defamation, jailing of journalists",
        "topic_economic": "advertising, funding, ownership pressure",
        "topic_social": "trust in journalists, taboo subjects",
        "topic_safety": "journalists killed, arrested, attacked or threatened",
        "about": (
            "<b>Source</b>: {credit}, {first}–{latest}. RSF ranks 180 countries and territories "
            "every year from a survey of experts and a tally of abuses against journalists.\n\n"
            "<b>Method</b>: since 2022 a score of 0–100 (higher is freer) from five indicators "
            "— political, economic, legal, social and safety — each with its own rank.\n\n"
            "<b>Scales</b> (never compared silently):\n{scales}\n\n"
            "<b>Regions</b>: {regions}.\n\n"
            "RSF's data may be shared for non-commercial use with attribution."
        ),
        "stale_button": "This button is out of date: ask again.",
        "bot_description": "Press freedom in any country, from Reporters Without Borders' "
        "World Press Freedom Index: rank, score, the five indicators, RSF's country profiles, "
        "comparisons and rankings. Ask in plain words, e.g. 'Kazakhstan' or 'compare Norway "
        "and Finland'.",
        "bot_short_description": "Press freedom in any country, from RSF's World Press "
        "Freedom Index.",
        "subscribed": "Subscribed: {countries}. You'll get one message when a new index is out.",
        "already_subscribed": "Already subscribed: {countries}.",
        "unsubscribed": "Unsubscribed ({n}).",
        "not_saved": "Sorry, I could not save that just now. Nothing was changed; please try "
        "again in a few minutes.",
        "subscriptions": "Subscriptions: {countries}.",
        "no_subscriptions": "No subscriptions. /subscribe Kazakhstan — to hear when a new "
        "index is out.",
        "usage_subscribe": "Name the countries, e.g. /subscribe Kazakhstan, Kyrgyzstan",
        "usage_unsubscribe": "Name the countries or 'all', e.g. /unsubscribe all",
        "group_admins_only": "In groups only administrators can change subscriptions.",
        "not_a_country": "I don't know the country “{word}”.",
        # Charts (bot.charts draws the picture labels; bot.render.chart_caption the caption).
        "chart_title_history": "{name}: press freedom, {first}–{last}",
        "chart_subtitle": "Score history and the five indicators of {year} against the world "
        "median",
        "chart_subtitle_compare": "Scores {first}–2021 and 2022+ (two methods: not comparable) "
        "and the indicators of {year}",
        "chart_score_axis": "Score (higher = freer)",
        "chart_year_axis": "Index year",
        "chart_indicator_axis": "Indicator score {year} (0–100)",
        "chart_median": "World median",
        "chart_old_method": "2013–2021 method",
        "chart_new_method": "2022+ method",
        "chart_divider": "new method 2022: not comparable",
        "chart_source": "{source}: {credit} · rsf.org/en/index",
        # Situation bands, short enough for the picture (name() has the full labels).
        "chart_good": "Good",
        "chart_satisfactory": "Satisfactory",
        "chart_problematic": "Problematic",
        "chart_difficult": "Difficult",
        "chart_very_serious": "Very serious",
        "chart_caption_history": "Score {first}–{last} and indicators {year}",
        "chart_caption_compare": "Scores since {first} and indicators {year}",
        "chart_caption_line": "rank {rank} of {total}, score {score}",
        "chart_caption_break": "⚠️ Scores before 2022 come from another method: not "
        "comparable with later ones.",
        "chart_usage": "Send <code>/chart COUNTRY</code> for a country's score history and "
        "indicators, or up to five countries to compare them, for example "
        "<code>/chart Kazakhstan</code> or <code>/chart Kazakhstan Kyrgyzstan 2024</code>.",
        "chart_limit": "one chart compares at most {n} countries",
        "chart_cannot": "I can't draw that chart: {reason}.",
        "chart_no_data": "the database holds no index data yet",
        "chart_no_score": "{country} has no score since {year}",
        "chart_open": "📈 Open the chart",
    },
    "ru": {
        "reloaded": "Перечитано: версия данных {version}, годы {first}–{latest}, стран: "
        "{countries}.",
        "reloaded_empty": "Перечитано: база пуста.",
        "cmd_country": "Место, балл и профиль страны",
        "cmd_compare": "Сравнить страны",
        "cmd_top": "Самые свободные страны",
        "cmd_bottom": "Наименее свободные страны",
        "cmd_chart": "График истории страны",
        "cmd_subscribe": "Уведомления о новом индексе",
        "cmd_subscribe_group": "Уведомления для группы (админы)",
        "cmd_topics": "О чём можно спросить",
        "cmd_about": "Источник, методика, авторство",
        "cmd_help": "Как пользоваться ботом",
        "index": "Мировой индекс свободы прессы",
        "rank_of": "Место <b>{rank}</b> из {total}",
        "score": "Балл <b>{score}</b>",
        "since": "С {year} г.",
        "rank_up": "▲{n} ({prev} → {rank})",
        "rank_down": "▼{n} ({prev} → {rank})",
        "rank_same": "без изменений",
        "rank": "место",
        "score_word": "балл",
        "indicators": "Показатели",
        "indicator_head": "балл · место",
        "not_ranked": "В индексе {year} года нет страны «{country}».",
        "ranked_in_parts": "В {year} году RSF учитывал её так:",
        "no_profile": "Полного профиля страны «{country}» от RSF пока нет в нашей базе: "
        'читайте его на <a href="{url}">rsf.org</a>.',
        "no_section": "В профиле нет раздела «{section}».",
        "profile_of": "из профиля RSF, индекс {year}",
        "source": "Источник",
        "era_warning": "⚠️ Баллы разных методик ({eras}) несравнимы: сравнимы только места.",
        "year_note": "Индекса за {asked} год нет; показан {shown}.",
        "history": "История",
        "compare_title": "Сравнение, {year}",
        "compare_missing": "нет в индексе {year}",
        "top": "Первые {n}",
        "bottom": "Последние {n}",
        "position": "Место {n}",
        "by_indicator": "по показателю «{indicator}»",
        "in_region": "регион: {region}",
        "region_note": "Регион RSF: {region}.",
        "in_subregion": "{subregion}",
        "capped": "В списке не больше {n} стран.",
        "tied": "Ещё {n} показаны: они делят последнее место.",
        "subregion_note": "{subregion} входит в регион RSF «{region}»; места — мировые.",
        "no_indicators": "Пять показателей есть только с 2022 года: порядок по общему баллу.",
        "left_out": "В одной таблице не больше {n} стран; ещё {k} не вошли: {names}.",
        "oecs": "RSF оценивает Организацию восточнокарибских государств как одну запись: "
        "Антигуа и Барбуда, Доминика, Гренада, Сент-Китс и Невис, Сент-Люсия, Сент-Винсент "
        "и Гренадины.",
        "last_ranked": "В индексе {latest} года нет: последний раз оценивалась в {year} году.",
        "central_asia": "Центральная Азия",
        "eu": "Евросоюз",
        "latin_america": "Латинская Америка",
        "nobody_at": "В {year} году ни одна страна не занимает место {n}.",
        "search_title": "Профили, где упоминается «{terms}»",
        "search_none": "Ни один профиль RSF в нашей базе не упоминает «{terms}».",
        "search_scope": "Профилей в базе: {n}.",
        "clarify": "Я не узнал «{word}». Возможно, вы имели в виду: {names}?",
        "need_country": "Какая страна? Например: <i>{example}</i>",
        "no_data": "В базе пока нет данных индекса. Оператор может загрузить их командой "
        "<code>pressbot data import</code>.",
        "none": "Я отвечаю на вопросы о свободе прессы в любой стране по Мировому индексу "
        "свободы прессы RSF. Попробуйте: <i>Казахстан</i>, <i>сравни Норвегию и Финляндию</i> "
        "или <i>худшие в Азии</i>.",
        "not_understood": "Я не понял вопрос. Я отвечаю на вопросы о свободе прессы в любой "
        "стране по Мировому индексу свободы прессы RSF. Попробуйте: <i>Казахстан</i>, "
        "<i>сравни Норвегию и Финляндию</i> или <i>худшие в Азии</i> — или отправьте /help.",
        "greeting": "Здравствуйте! Спросите о свободе прессы в любой стране, например: "
        "<i>Казахстан</i>, <i>безопасно ли журналистам в Мексике?</i> или <i>сравни "
        "Норвегию и Финляндию</i>.",
        "thanks": "Пожалуйста! Спрашивайте о любой другой стране, например "
        "<i>Казахстан</i>.",
        "everyday": "Я отвечаю на вопросы о свободе прессы по Мировому индексу свободы прессы "
        "RSF. Вы имели в виду свободу прессы: {countries}?",
        "unplaced_note": "Не знаю страну «{words}»: она пропущена.",
        "help_languages": "Я читаю вопросы на английском, русском, казахском, украинском, "
        "узбекском (латиницей и кириллицей), кыргызском, таджикском, немецком, французском, "
        "испанском, португальском, турецком, арабском, персидском и китайском, а названия "
        "стран — на многих других языках. Отвечаю по-английски или по-русски: по-русски, "
        "если вы пишете кириллицей или Telegram настроен на язык региона. Добавьте "
        "<i>на английском</i> или <i>на русском</i>, чтобы выбрать.",
        "help_charts": "Графики: отправьте <code>/chart Казахстан</code> — история балла "
        "страны и пять показателей, или до пяти стран для сравнения: <code>/chart Казахстан "
        "Кыргызстан</code>. Под ответом о стране нажмите 📈 График.",
        "help_groups": "В группе: добавьте меня участником. Я отвечаю на команды "
        "(<code>/country Казахстан</code>, <code>/compare Норвегия, Финляндия</code>, "
        "<code>/top 10</code>) и на ответы на мои сообщения; режим приватности Telegram не "
        "показывает мне остальное. Уведомления группы меняют только её администраторы.",
        "help_inline": "Инлайн: в любом чате наберите моё имя, пробел и страну или вопрос "
        "(<code>@bot казахстан</code>) и выберите карточку, чтобы отправить её туда.",
        "help_subscriptions": "Уведомления: <code>/subscribe Казахстан</code> (несколько "
        "стран через запятую) — и я пришлю одно сообщение, когда RSF опубликует новый "
        "индекс, с новым местом и баллом каждой страны. <code>/subscriptions</code> — список; "
        "<code>/unsubscribe Казахстан</code> или <code>/unsubscribe all</code> — отписаться.",
        "help_examples": "Попробуйте спросить:\n• <i>Казахстан</i>\n• <i>безопасно ли "
        "журналистам в Мексике?</i>\n• <i>кому принадлежат СМИ в Венгрии</i>\n• <i>сравни "
        "Норвегию и Финляндию</i>\n• <i>топ 10 в Африке</i>, <i>худшие по безопасности</i>"
        "\n• <i>Россия с 2022</i>\n• <i>какие страны упоминают Pegasus</i>",
        "help": (
            "<b>Press Freedom Bot</b> отвечает по Мировому индексу свободы прессы RSF "
            "(2002–{latest}).\n\n"
            "Спрашивайте своими словами, например:\n"
            "• <i>Казахстан</i> или <i>безопасно ли журналистам в Казахстане?</i>\n"
            "• <i>сравни Норвегию и Финляндию</i>\n"
            "• <i>топ 10</i>, <i>худшие в Африке</i>, <i>самые опасные для журналистов</i>\n"
            "• <i>Мексика в 2023</i>, <i>Россия с 2022</i>\n"
            "• <i>какие страны упоминают Pegasus</i>\n\n"
            "Темы: медиа, политика, право, экономика, общество, безопасность."
        ),
        "topics": "Темы",
        "neighbours": "Сравнить с соседями",
        "chart": "📈 График",
        "apology": "Извините, у меня что-то сломалось. Попробуйте ещё раз через минуту.",
        "example_country": "Казахстан",
        "rsf_button": "RSF ↗",
        "unknown_command": "Я не знаю такой команды. /help — что я умею.",
        "alert_title": "Вышел Мировой индекс свободы прессы RSF {year}",
        "group_help": "<b>В группе</b> я отвечаю на команды (/country Казахстан, /compare "
        "Норвегия, Финляндия, /top 10) и на ответы на мои сообщения. Режим приватности "
        "Telegram не показывает мне остальные сообщения. В любом чате можно также набрать "
        "<code>@{bot} казахстан</code> и выбрать карточку.",
        "usage_country": "Укажите страну после команды, например /country Казахстан",
        "usage_compare": "Назовите от двух до пяти стран, например /compare Норвегия, Финляндия",
        "topic_landscape": "кому принадлежат СМИ, какие издания и каналы важны",
        "topic_political": "давление власти, цензура, отключения интернета",
        "topic_legal": "законы, клевета, заключение журналистов",
        "topic_economic": "реклама, финансирование, давление владельцев",
        "topic_social": "доверие к журналистам, запретные темы",
        "topic_safety": "убийства, аресты, нападения и угрозы журналистам",
        "about": (
            "<b>Источник</b>: {credit}, {first}–{latest}. RSF ежегодно ранжирует 180 стран и "
            "территорий по опросу экспертов и учёту нападений на журналистов.\n\n"
            "<b>Методика</b>: с 2022 года балл 0–100 (выше — свободнее) из пяти показателей — "
            "политика, экономика, право, общество и безопасность, у каждого своё место.\n\n"
            "<b>Шкалы</b> (не сравниваются без предупреждения):\n{scales}\n\n"
            "<b>Регионы</b>: {regions}.\n\n"
            "Данные RSF можно распространять в некоммерческих целях со ссылкой на источник."
        ),
        "stale_button": "Эта кнопка устарела: спросите снова.",
        "bot_description": "Свобода прессы в любой стране по Мировому индексу свободы прессы "
        "«Репортёров без границ»: место, балл, пять показателей, профили стран RSF, сравнения и "
        "рейтинги. Спрашивайте своими словами, например «Казахстан» или «сравни Норвегию и "
        "Финляндию».",
        "bot_short_description": "Свобода прессы в любой стране по индексу RSF.",
        "subscribed": "Подписка оформлена: {countries}. Пришлю одно сообщение, когда выйдет "
        "новый индекс.",
        "already_subscribed": "Уже в подписке: {countries}.",
        "unsubscribed": "Подписка отменена ({n}).",
        "not_saved": "Не удалось сохранить, ничего не изменилось. Попробуйте ещё раз через "
        "несколько минут.",
        "subscriptions": "Подписки: {countries}.",
        "no_subscriptions": "Подписок нет. /subscribe Казахстан — чтобы узнать о новом индексе.",
        "usage_subscribe": "Назовите страны, например /subscribe Казахстан, Киргизия",
        "usage_unsubscribe": "Назовите страны или all, например /unsubscribe all",
        "group_admins_only": "В группах подписками управляют только администраторы.",
        "not_a_country": "Не знаю страну «{word}».",
        "chart_title_history": "{name}: свобода прессы, {first}–{last}",
        "chart_subtitle": "История балла и пять показателей {year} г. в сравнении с медианой "
        "мира",
        "chart_subtitle_compare": "Баллы {first}–2021 и с 2022 г. (разные методики, несравнимы) "
        "и показатели {year} г.",
        "chart_score_axis": "Балл (выше = свободнее)",
        "chart_year_axis": "Год индекса",
        "chart_indicator_axis": "Балл показателя, {year} (0–100)",
        "chart_median": "Медиана мира",
        "chart_old_method": "Методика 2013–2021",
        "chart_new_method": "Методика с 2022",
        "chart_divider": "новая методика 2022: несравнимо",
        "chart_source": "{source}: {credit} · rsf.org/en/index",
        "chart_good": "Хорошая",
        "chart_satisfactory": "Удовлетв.",
        "chart_problematic": "Проблемная",
        "chart_difficult": "Сложная",
        "chart_very_serious": "Очень серьёзная",
        "chart_caption_history": "Балл {first}–{last} и показатели {year} г.",
        "chart_caption_compare": "Баллы с {first} г. и показатели {year} г.",
        "chart_caption_line": "место {rank} из {total}, балл {score}",
        "chart_caption_break": "⚠️ Баллы до 2022 года получены по другой методике и "
        "несравнимы с более поздними.",
        "chart_usage": "Отправьте <code>/chart СТРАНА</code> — история балла и показатели "
        "страны; до пяти стран — сравнение. Например: <code>/chart Казахстан</code> или "
        "<code>/chart Казахстан Кыргызстан 2024</code>.",
        "chart_limit": "на одном графике не больше {n} стран",
        "chart_cannot": "Не получается построить график: {reason}.",
        "chart_no_data": "в базе пока нет данных индекса",
        "chart_no_score": "у страны «{country}» нет балла с {year} года",
        "chart_open": "📈 Открыть график",
    },
}

#: The analytical answers' strings (a group's figures, bands, movers, why, what the index
#: means), kept together and merged into the one catalogue below.
_ANALYSIS_STRINGS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "world": "World",
        "help_more": (
            "\n\n<b>Figures and meaning</b>:\n"
            "• <i>average score in Europe</i>, <i>median safety score in Africa 2024</i>\n"
            "• <i>how many countries are in each situation</i>, <i>Kazakhstan in Central "
            "Asia</i>\n"
            "• <i>countries in a good situation</i>, <i>very serious situation 2023</i>\n"
            "• <i>biggest fallers this year</i>, <i>who rose most since 2022 by score</i>\n"
            "• <i>worst for safety 2024</i>, <i>Kazakhstan's political indicator since "
            "2022</i>\n"
            "• <i>why did Kazakhstan fall?</i>\n"
            "• <i>how is the index calculated?</i>, <i>what does the economic indicator "
            "measure?</i>"
        ),
        "example_fallers": "📉 Biggest fallers",
        "example_good": "🟢 Good situation",
        "example_method": "❓ How is the score built?",
        # a group's figures
        "agg_title_mean": "Average scores",
        "agg_title_median": "Median scores",
        "agg_title_count": "Countries by situation",
        "agg_score": "Score",
        "agg_lead_mean": "{figure}: average <b>{mean}</b>, median {median} ({n} countries)",
        "agg_lead_median": "{figure}: median <b>{median}</b>, average {mean} ({n} countries)",
        "agg_head_mean": "average",
        "agg_head_median": "median",
        "agg_head_world": "world",
        "agg_world": "World, for comparison: average {mean}, median {median}.",
        "agg_empty": "No country of this group is in the {year} index.",
        "agg_no_indicators": "The five indicators exist since 2022: only the global score "
        "before.",
        "agg_total": "Countries: {n}.",
        "agg_bands_since": "RSF's situation bands exist since its 2022 method: showing "
        "{year}.",
        "agg_subregion_note": "{subregion} is part of RSF's {region} region.",
        "place_title": "{country} in {group}",
        "place_line": "Place <b>{place}</b> of {n} in {group} · world rank {rank} of {total}",
        "place_line_indicator": "{indicator} indicator: place <b>{place}</b> of {n} in "
        "{group} · world rank {rank}",
        "place_group": "{group}: average {mean}, median {median}.",
        "place_around": "The {n} countries around it in {group}:",
        "bands_button": "Countries by situation",
        "movers_button": "Risers and fallers",
        # one band
        "band_count": "Countries: {n}",
        "band_page": "countries {first}–{last} of {n}",
        "band_none": "No country is in this situation in {year}.",
        "band_prev": "◀ Back",
        "band_next": "More ▶",
        # movers
        "movers_title_both": "Biggest risers and fallers",
        "movers_title_rise": "Biggest risers",
        "movers_title_fall": "Biggest fallers",
        "movers_by_rank": "by rank",
        "movers_by_score": "by score",
        "movers_by_indicator_rank": "by the {indicator} indicator's rank",
        "movers_by_indicator_score": "by the {indicator} indicator's score",
        "risers": "Rose most",
        "fallers": "Fell most",
        "movers_none_rise": "No country rose.",
        "movers_none_fall": "No country fell.",
        "movers_compared": "Countries in both indexes: {n}.",
        "movers_totals": "Ranks of {base} are out of {base_total} countries, of {year} out "
        "of {total}.",
        "movers_scores_across_methods": "⚠️ Scores of {base} and {year} come from different "
        "methods and are not comparable: compared by rank.",
        "movers_scores_old_method": "⚠️ Before 2013 RSF's scores were open-ended and changed "
        "between editions: compared by rank.",
        "movers_no_indicators": "The five indicators exist since 2022: compared by the global "
        "figure.",
        "movers_rsf_figures": "Score changes are RSF's own published figures.",
        "movers_list_button": "📋 As a list",
        "by_score_button": "By score",
        "by_rank_button": "By rank",
        "what_moved_button": "{country}: what moved?",
        # why
        "why_heading": "what moved since {base}",
        "why_no_previous": "{country} was not in the index before {year}: there is no change "
        "to show.",
        "why_first_index": "{year} is RSF's first index: there is no change to show.",
        "movers_first_index": "{year} is RSF's first index: compared with the one after it.",
        "why_not_fall": "Not a fall: {country} rose {n} places in {year} (▲{n}).",
        "why_not_rise": "Not a rise: {country} fell {n} places in {year} (▼{n}).",
        "why_unchanged": "{country} kept its rank in {year}.",
        "why_moves_head": "Indicators that moved most",
        "why_moves_columns": "change · score · rank",
        "why_was": "was",
        "why_no_indicators": "RSF's five indicators exist since 2022; before, it published "
        "the global score only.",
        "why_break": "2022 brought RSF's current method: its indicators have no 2021 "
        "counterpart and scores do not compare across it, ranks do.",
        "why_reasons": "These figures show what changed, not why. RSF gives its reasons in "
        'its country profile: <a href="{url}">{country} on rsf.org</a>.',
        "why_profile_match": "RSF's profile on the indicator that moved most:",
        # what the index means
        "explain_credit": "In our words, from RSF's methodology: "
        '<a href="{url}">{credit}</a>',
        "explain_button_index": "What is the index?",
        "explain_button_method": "How is the score built?",
        "explain_button_indicator": "The five indicators",
        "explain_button_bands": "The situation bands",
        "explain_button_comparability": "Comparing years",
        "explain_index": (
            "<b>The World Press Freedom Index</b> is published every year since 2002 by "
            "Reporters Without Borders (RSF), an international non-profit based in Paris that "
            "defends journalists. It ranks countries and territories ({total} in {latest}) by "
            "how free journalists are to choose, produce and publish news in the public "
            "interest, without political, economic, legal or social interference and without "
            "threats to their safety. It measures the freedom journalists have, not the "
            "quality of journalism. RSF publishes it around World Press Freedom Day, 3 May. "
            "This bot holds the editions {first}–{latest}."
        ),
        "explain_method": (
            "<b>How the score is built</b> (RSF's method since 2022)\n"
            "Each country gets a score from 0 to 100 (higher is freer) from five indicators "
            "— political, economic, legal, social and safety — each scored 0–100 and ranked "
            "on its own.\n\n"
            "Two kinds of data go in:\n"
            "• a <b>quantitative tally of abuses</b> against journalists and media in "
            "connection with their work — killings, detentions, kidnappings, disappearances, "
            "attacks — kept by RSF over the year;\n"
            "• a <b>questionnaire answered by experts</b> in each country — journalists, "
            "researchers, lawyers, human-rights defenders — in many languages.\n\n"
            "The tally counts in the safety indicator; the experts' answers in all five. In "
            "RSF's published figures the global score is the average of the five indicators, "
            "and the ranking is the order of the global scores."
        ),
        "explain_indicators": (
            "<b>The five indicators</b> (each 0–100, higher is freer, each with its own "
            "rank):\n"
            "• <b>Political</b> — autonomy from the state and political actors\n"
            "• <b>Economic</b> — economic constraints: owners, advertisers, subsidies\n"
            "• <b>Legal</b> — laws, censorship, lawsuits, impunity\n"
            "• <b>Social</b> — social and cultural pressure on what may be covered\n"
            "• <b>Safety</b> — physical, psychological and professional harm to journalists"
        ),
        "explain_political": (
            "<b>Political indicator</b>: how far the media are free from the state and other "
            "political actors — pressure and interference from government and parties, the "
            "state's support for or hostility to independent media, whether journalists can "
            "hold power to account, and how far different views are accepted."
        ),
        "explain_economic": (
            "<b>Economic indicator</b>: the economic constraints on journalism — state "
            "advertising and subsidies handed out for favours, pressure from advertisers and "
            "business partners, owners' interests and the concentration of ownership, and how "
            "hard it is to create and run an independent outlet."
        ),
        "explain_legal": (
            "<b>Legal indicator</b> (RSF's “legislative framework”): whether journalists can "
            "work without censorship or judicial sanctions — laws on defamation, security or "
            "“false news” used against the press, access to information, protection of "
            "sources, and whether crimes against journalists go unpunished."
        ),
        "explain_social": (
            "<b>Social indicator</b> (RSF's “sociocultural context”): pressure from society "
            "and culture — attacks on journalists for covering subjects such as religion, "
            "gender, ethnicity or class, and pressure not to question powerful groups or "
            "beliefs."
        ),
        "explain_safety": (
            "<b>Safety indicator</b> (RSF's “security”): whether journalists can gather and "
            "publish news without risk of bodily harm (killing, violence, arbitrary "
            "detention, kidnapping), psychological harm (intimidation, harassment, "
            "surveillance, threats) or professional harm (losing their job, equipment "
            "seized). RSF's tally of abuses counts here."
        ),
        "explain_bands": (
            "<b>Situation bands</b> (RSF's map colours since 2022), read from the global "
            "score, each band starting at its lower bound:\n{bands}\n\n"
            "Before 2022 RSF used other scales: the bands apply from 2022 on."
        ),
        "band_good_meaning": "journalists work freely; problems are rare",
        "band_satisfactory_meaning": "largely free, with some problems (economic fragility, "
        "legal pressure, occasional attacks)",
        "band_problematic_meaning": "real problems: pressure on the media, lawsuits, attacks",
        "band_difficult_meaning": "press freedom seriously restricted; journalists often at "
        "risk",
        "band_very_serious_meaning": "journalism severely repressed: censorship, jail, "
        "violence",
        "explain_comparability": (
            "<b>Comparing years</b>\n"
            "• <b>2002–2012</b>: RSF's first method. Scores counted problems, so lower was "
            "freer, with no upper bound, and the scale changed between editions; 2011 and "
            "2012 were one edition (2011–12).\n"
            "• <b>2013–2021</b>: a new method with a 0–100 score, which RSF now publishes "
            "re-expressed so that higher is freer.\n"
            "• <b>2022 on</b>: the current method, with five indicators and situation bands.\n\n"
            "Scores compare only within one method; across a break only ranks do — and the "
            "number of countries ranked grew from {first_total} ({first}) to {total} "
            "({latest}). This bot compares scores only within a method and says so whenever "
            "an answer spans a break."
        ),
        # a country's history and profile
        "history_with_indicator": "rank and score, then the {indicator} indicator's score "
        "and rank",
        "split_years": "In {years} RSF ranked {country} in parts, not as one entry "
        "({parts}): those years are not in this table.",
        "profile_other_year": "⚠️ <b>RSF's profile of the {year} index</b>, not of {shown}: "
        "the text describes {year}.",
        # the movers chart (chart_* keys: the picture's own words)
        "chart_world": "World",
        "chart_movers_title_both": "Biggest moves, {base} → {year}",
        "chart_movers_title_rise": "Biggest risers, {base} → {year}",
        "chart_movers_title_fall": "Biggest fallers, {base} → {year}",
        "chart_movers_rank": "{scope} · change of rank, in places",
        "chart_movers_score": "{scope} · change of score, in points",
        "chart_movers_indicator_rank": "{scope} · change of the {indicator} indicator's rank",
        "chart_movers_indicator_score": "{scope} · change of the {indicator} indicator's "
        "score",
        "chart_movers_axis": "← fell · rose →",
        "chart_movers_none": "No country moved",
    },
    "ru": {
        "world": "Мир",
        "help_more": (
            "\n\n<b>Цифры и смысл</b>:\n"
            "• <i>средний балл в Европе</i>, <i>медиана безопасности в Африке 2024</i>\n"
            "• <i>сколько стран в каждой ситуации</i>, <i>Казахстан в Центральной Азии</i>\n"
            "• <i>страны в хорошей ситуации</i>, <i>очень серьёзная ситуация 2023</i>\n"
            "• <i>кто больше всех упал в этом году</i>, <i>кто вырос с 2022 по баллу</i>\n"
            "• <i>худшие по безопасности 2024</i>, <i>политический показатель Казахстана "
            "с 2022</i>\n"
            "• <i>почему Казахстан опустился?</i>\n"
            "• <i>как считается индекс?</i>, <i>что измеряет экономический показатель?</i>"
        ),
        "example_fallers": "📉 Кто опустился",
        "example_good": "🟢 Хорошая ситуация",
        "example_method": "❓ Как считается балл?",
        "agg_title_mean": "Средние баллы",
        "agg_title_median": "Медианные баллы",
        "agg_title_count": "Страны по ситуации",
        "agg_score": "Балл",
        "agg_lead_mean": "{figure}: среднее <b>{mean}</b>, медиана {median} (стран: {n})",
        "agg_lead_median": "{figure}: медиана <b>{median}</b>, среднее {mean} (стран: {n})",
        "agg_head_mean": "среднее",
        "agg_head_median": "медиана",
        "agg_head_world": "мир",
        "agg_world": "Для сравнения, мир: среднее {mean}, медиана {median}.",
        "agg_empty": "Ни одной страны этой группы нет в индексе {year} года.",
        "agg_no_indicators": "Пять показателей есть только с 2022 года: раньше — только общий "
        "балл.",
        "agg_total": "Стран: {n}.",
        "agg_bands_since": "Ситуации RSF появились в методике 2022 года: показан {year}.",
        "agg_subregion_note": "{subregion} входит в регион RSF «{region}».",
        "place_title": "{country}: {group}",
        "place_line": "Место <b>{place}</b> из {n} ({group}) · в мире {rank} из {total}",
        "place_line_indicator": "Показатель «{indicator}»: место <b>{place}</b> из {n} "
        "({group}) · в мире {rank}",
        "place_group": "{group}: среднее {mean}, медиана {median}.",
        "place_around": "Ближайшие {n} стран ({group}):",
        "bands_button": "Страны по ситуации",
        "movers_button": "Кто поднялся и опустился",
        "band_count": "Стран: {n}",
        "band_page": "страны {first}–{last} из {n}",
        "band_none": "В {year} году ни одной страны в этой ситуации.",
        "band_prev": "◀ Назад",
        "band_next": "Дальше ▶",
        "movers_title_both": "Больше всех поднялись и опустились",
        "movers_title_rise": "Больше всех поднялись",
        "movers_title_fall": "Больше всех опустились",
        "movers_by_rank": "по месту",
        "movers_by_score": "по баллу",
        "movers_by_indicator_rank": "по месту в показателе «{indicator}»",
        "movers_by_indicator_score": "по баллу показателя «{indicator}»",
        "risers": "Поднялись",
        "fallers": "Опустились",
        "movers_none_rise": "Ни одна страна не поднялась.",
        "movers_none_fall": "Ни одна страна не опустилась.",
        "movers_compared": "Стран в обоих индексах: {n}.",
        "movers_totals": "Места {base} года — из {base_total} стран, {year} года — из "
        "{total}.",
        "movers_scores_across_methods": "⚠️ Баллы {base} и {year} годов получены по разным "
        "методикам и несравнимы: сравнение по месту.",
        "movers_scores_old_method": "⚠️ До 2013 года баллы RSF не имели верхней границы и "
        "менялись от выпуска к выпуску: сравнение по месту.",
        "movers_no_indicators": "Пять показателей есть только с 2022 года: сравнение по общему "
        "результату.",
        "movers_rsf_figures": "Изменения балла — опубликованные цифры RSF.",
        "movers_list_button": "📋 Списком",
        "by_score_button": "По баллу",
        "by_rank_button": "По месту",
        "what_moved_button": "{country}: что изменилось?",
        "why_heading": "что изменилось с {base} года",
        "why_no_previous": "В индексе до {year} года страны «{country}» не было: сравнивать "
        "не с чем.",
        "why_first_index": "{year} — первый индекс RSF: сравнивать не с чем.",
        "movers_first_index": "{year} — первый индекс RSF: сравнение со следующим.",
        "why_not_fall": "Это не падение: {country} в {year} году — ▲{n}.",
        "why_not_rise": "Это не подъём: {country} в {year} году — ▼{n}.",
        "why_unchanged": "{country}: место в {year} году не изменилось.",
        "why_moves_head": "Сильнее всего изменились показатели",
        "why_moves_columns": "изменение · балл · место",
        "why_was": "было",
        "why_no_indicators": "Пять показателей RSF есть только с 2022 года; раньше "
        "публиковался только общий балл.",
        "why_break": "С 2022 года действует новая методика RSF: у её показателей нет аналогов "
        "в 2021 году, баллы через этот рубеж несравнимы, места — сравнимы.",
        "why_reasons": "Эти цифры показывают, что изменилось, но не почему. Причины RSF "
        'объясняет в профиле страны: <a href="{url}">{country} на rsf.org</a>.',
        "why_profile_match": "Профиль RSF о показателе, изменившемся сильнее всего:",
        "explain_credit": "Своими словами, по методике RSF: <a href=\"{url}\">{credit}</a>",
        "explain_button_index": "Что это за индекс?",
        "explain_button_method": "Как считается балл?",
        "explain_button_indicator": "Пять показателей",
        "explain_button_bands": "Ситуации",
        "explain_button_comparability": "Сравнение лет",
        "explain_index": (
            "<b>Мировой индекс свободы прессы</b> с 2002 года ежегодно публикует организация "
            "«Репортёры без границ» (RSF) — международная некоммерческая организация из "
            "Парижа, защищающая журналистов. Индекс ранжирует страны и территории ({total} в "
            "{latest} году) по тому, насколько свободно журналисты могут выбирать, готовить и "
            "публиковать новости в общественных интересах — без политического, "
            "экономического, правового и общественного вмешательства и без угроз их "
            "безопасности. Он измеряет свободу журналистов, а не качество журналистики. RSF "
            "публикует его ко Всемирному дню свободы печати, 3 мая. В боте — выпуски "
            "{first}–{latest}."
        ),
        "explain_method": (
            "<b>Как считается балл</b> (методика RSF с 2022 года)\n"
            "Каждая страна получает балл от 0 до 100 (выше — свободнее) по пяти показателям — "
            "политика, экономика, право, общество и безопасность; у каждого свой балл 0–100 "
            "и своё место.\n\n"
            "Данные двух видов:\n"
            "• <b>количественный учёт нарушений</b> против журналистов и СМИ в связи с их "
            "работой — убийства, задержания, похищения, исчезновения, нападения, — который RSF "
            "ведёт в течение года;\n"
            "• <b>анкета экспертов</b> в каждой стране — журналистов, исследователей, юристов, "
            "правозащитников — на многих языках.\n\n"
            "Учёт нарушений входит в показатель безопасности, ответы экспертов — во все пять. "
            "В опубликованных цифрах RSF общий балл — среднее пяти показателей, а место — "
            "порядок общих баллов."
        ),
        "explain_indicators": (
            "<b>Пять показателей</b> (каждый 0–100, выше — свободнее, у каждого своё место):\n"
            "• <b>Политика</b> — независимость от государства и политиков\n"
            "• <b>Экономика</b> — экономические ограничения: владельцы, рекламодатели, "
            "субсидии\n"
            "• <b>Право</b> — законы, цензура, иски, безнаказанность\n"
            "• <b>Общество</b> — давление общества и культуры на то, о чём можно писать\n"
            "• <b>Безопасность</b> — физический, психологический и профессиональный вред "
            "журналистам"
        ),
        "explain_political": (
            "<b>Политический показатель</b>: насколько СМИ независимы от государства и других "
            "политических сил — давление и вмешательство власти и партий, поддержка "
            "независимых СМИ или враждебность к ним, возможность журналистов требовать "
            "отчёта от власти, терпимость к разным взглядам."
        ),
        "explain_economic": (
            "<b>Экономический показатель</b>: экономические ограничения журналистики — "
            "государственная реклама и субсидии в обмен на лояльность, давление "
            "рекламодателей и партнёров, интересы владельцев и концентрация собственности, "
            "трудность создать и содержать независимое издание."
        ),
        "explain_legal": (
            "<b>Правовой показатель</b> («законодательная база» у RSF): могут ли журналисты "
            "работать без цензуры и судебного преследования — законы о клевете, безопасности "
            "или «фейках» против прессы, доступ к информации, защита источников, "
            "безнаказанность преступлений против журналистов."
        ),
        "explain_social": (
            "<b>Общественный показатель</b> («социокультурный контекст» у RSF): давление "
            "общества и культуры — нападения на журналистов за темы вроде религии, гендера, "
            "этничности или социального положения, давление не трогать влиятельные группы и "
            "убеждения."
        ),
        "explain_safety": (
            "<b>Показатель безопасности</b>: могут ли журналисты собирать и публиковать "
            "новости без риска физического вреда (убийства, насилие, произвольные задержания, "
            "похищения), психологического (запугивание, травля, слежка, угрозы) или "
            "профессионального (потеря работы, изъятие техники). Сюда входит учёт нарушений "
            "RSF."
        ),
        "explain_bands": (
            "<b>Ситуации</b> (цвета карты RSF с 2022 года) определяются по общему баллу, "
            "каждая начинается с нижней границы:\n{bands}\n\n"
            "До 2022 года RSF пользовался другими шкалами: ситуации применимы с 2022 года."
        ),
        "band_good_meaning": "журналисты работают свободно, проблемы редки",
        "band_satisfactory_meaning": "в основном свободно, но есть проблемы (экономическая "
        "уязвимость, правовое давление, отдельные нападения)",
        "band_problematic_meaning": "серьёзные проблемы: давление на СМИ, иски, нападения",
        "band_difficult_meaning": "свобода прессы сильно ограничена, журналисты часто в "
        "опасности",
        "band_very_serious_meaning": "журналистика жёстко подавлена: цензура, тюрьмы, насилие",
        "explain_comparability": (
            "<b>Сравнение лет</b>\n"
            "• <b>2002–2012</b>: первая методика RSF. Балл считал проблемы, поэтому меньше — "
            "свободнее, без верхней границы, и шкала менялась от выпуска к выпуску; 2011 и "
            "2012 годы — один выпуск (2011–12).\n"
            "• <b>2013–2021</b>: новая методика с баллом 0–100; RSF теперь публикует его "
            "пересчитанным так, что выше — свободнее.\n"
            "• <b>С 2022 года</b>: нынешняя методика с пятью показателями и ситуациями.\n\n"
            "Баллы сравнимы только внутри одной методики; через рубеж сравнимы лишь места — "
            "а число стран в индексе выросло с {first_total} ({first}) до {total} ({latest}). "
            "Бот сравнивает баллы только внутри методики и предупреждает, когда ответ "
            "пересекает рубеж."
        ),
        "history_with_indicator": "место и балл, затем балл и место показателя "
        "«{indicator}»",
        "split_years": "В {years} годах RSF учитывал страну «{country}» по частям, а не одной "
        "записью ({parts}): этих лет нет в таблице.",
        "profile_other_year": "⚠️ <b>Профиль RSF к индексу {year} года</b>, а не {shown}: "
        "текст описывает {year} год.",
        "chart_world": "Мир",
        "chart_movers_title_both": "Крупнейшие изменения, {base} → {year}",
        "chart_movers_title_rise": "Больше всех поднялись, {base} → {year}",
        "chart_movers_title_fall": "Больше всех опустились, {base} → {year}",
        "chart_movers_rank": "{scope} · изменение места, в позициях",
        "chart_movers_score": "{scope} · изменение балла, в пунктах",
        "chart_movers_indicator_rank": "{scope} · изменение места по показателю "
        "«{indicator}»",
        "chart_movers_indicator_score": "{scope} · изменение балла показателя «{indicator}»",
        "chart_movers_axis": "← опустились · поднялись →",
        "chart_movers_none": "Никто не сдвинулся",
    },
}

for _lang, _table in _ANALYSIS_STRINGS.items():
    assert not _table.keys() & _STRINGS[_lang].keys(), "a key in both tables"
    _STRINGS[_lang].update(_table)

#: What operators see: an import's or an undo's summary (the command line prints the
#: English), and the Telegram way of importing (a document, a pasted page, the buttons).
#: Shell-like words (csv, --force, #12) stay as typed.
_OPERATOR_STRINGS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "op_would_import": "would import {file}: {what}: {counts}",
        "op_imported": "imported {file}: {what}: {counts}",
        "op_counts": "{rows} rows, {added} added, {changed} changed, {unchanged} unchanged",
        "op_counts_removed": ", {removed} removed",
        "op_kind_csv": "csv",
        "op_kind_profile": "profile",
        "op_kind_aliases": "aliases",
        "op_kind_vdem": "vdem",
        "op_rank": "rank {old} → {new}",
        "op_score": "score {old} → {new}",
        "op_columns": "{columns} changed",
        "op_more_rows": "… and {n} more rows",
        "op_sections_added": "sections added: {names}",
        "op_sections_changed": "sections changed: {names}",
        "op_sections_removed": "sections removed: {names}",
        "op_aliases_added": "aliases added: {names}",
        "op_aliases_removed": "aliases removed: {names}",
        "op_more": "… and {n} more",
        "op_countries_added": "countries appearing: {names}",
        "op_countries_gone": "countries disappearing: {names}",
        "op_alert": "release alert: the {year} index goes to {chats} subscribed chat(s)",
        "op_dry_run": "nothing was changed (dry run)",
        "op_done": "change #{id} by {who}; to take it back: {undo}",
        "op_would_undo": "would undo #{id}, {kind} of {at} by {who}: {summary}",
        "op_undid": "undid #{id}, {kind} of {at} by {who}: {summary}",
        "op_kind_import": "the import",
        "op_kind_remove": "the removal",
        "op_rows_back": "{rows} rows put back as they were",
        "op_years_back": "index years coming back: {years}",
        "op_years_gone": "index years going: {years}",
        "op_sections_back": "profile sections put back or taken out: {n}",
        "op_aliases_back": "curated aliases put back or taken out: {n}",
        "op_announced": "release alerts: announced year {before} → {after}",
        "op_undo_done": "recorded as #{id} by {who}",
        "op_none": "none",
        # Telegram: a file sent by an operator, the buttons, the answers.
        "op_preview": "<b>Dry run</b>: nothing changes until you press Import.",
        "op_committed": "<b>Imported.</b> The bot answers from the new data now.",
        "op_same": "<b>Nothing to import</b>: the data already holds this file as it is.",
        "op_refused": "<b>Refused</b>: {where}: {reason}\nNothing was changed.",
        "op_failed": "<b>Not done</b>: {reason}\nNothing was changed.",
        "op_import": "✅ Import",
        "op_cancel": "✖️ Cancel",
        "op_undo": "↩️ Undo",
        "op_cancelled": "Cancelled: nothing was changed.",
        "op_expired": "This is no longer waiting (done, cancelled or expired): send the "
        "file again.",
        "op_undo_preview": "<b>Undo?</b> Nothing changes until you press Undo.",
        "op_undone": "<b>Undone.</b> The bot answers from the data as it was before.",
        "op_nothing_to_undo": "Nothing to undo: {reason}.",
        "op_too_big": "Telegram lets bots download files of up to 20 MB, and this one is "
        "{size} MB: import it from the shell with <code>pressbot data import</code>.",
        "op_no_download": "Telegram did not hand over the file ({reason}): send it again.",
        "op_paste": "Paste the profile page now. Telegram may split a long paste into "
        "several messages: send /done when all of it is here, /cancel to stop.",
        "op_paste_part": "Part {n} received ({chars} characters so far). /done when the "
        "page is complete.",
        "op_paste_empty": "Nothing was pasted: send /import, the page's text, then /done.",
        "op_paste_too_long": "A profile page may be at most 1 MB, and this paste is longer: "
        "nothing was kept.",
        "op_paste_cancelled": "Stopped: the pasted text was dropped.",
        "op_nothing_to_cancel": "Nothing is waiting to be cancelled.",
    },
    "ru": {
        "op_would_import": "будет импортирован {file}: {what}: {counts}",
        "op_imported": "импортирован {file}: {what}: {counts}",
        "op_counts": "строк: {rows}, добавлено: {added}, изменено: {changed}, "
        "без изменений: {unchanged}",
        "op_counts_removed": ", удалено: {removed}",
        "op_kind_csv": "индекс",
        "op_kind_profile": "профиль",
        "op_kind_aliases": "псевдонимы",
        "op_kind_vdem": "V-Dem",
        "op_rank": "место {old} → {new}",
        "op_score": "балл {old} → {new}",
        "op_columns": "изменены столбцы: {columns}",
        "op_more_rows": "… и ещё строк: {n}",
        "op_sections_added": "добавлены разделы: {names}",
        "op_sections_changed": "изменены разделы: {names}",
        "op_sections_removed": "удалены разделы: {names}",
        "op_aliases_added": "добавлены псевдонимы: {names}",
        "op_aliases_removed": "удалены псевдонимы: {names}",
        "op_more": "… и ещё {n}",
        "op_countries_added": "появляются страны: {names}",
        "op_countries_gone": "исчезают страны: {names}",
        "op_alert": "оповещение о выпуске индекса {year}: получат подписанные чаты ({chats})",
        "op_dry_run": "ничего не изменено (пробный прогон)",
        "op_done": "изменение #{id}, автор {who}; отменить: {undo}",
        "op_would_undo": "будет отменено #{id}, {kind} от {at}, автор {who}: {summary}",
        "op_undid": "отменено #{id}, {kind} от {at}, автор {who}: {summary}",
        "op_kind_import": "импорт",
        "op_kind_remove": "удаление",
        "op_rows_back": "строк возвращено к прежнему виду: {rows}",
        "op_years_back": "возвращаются годы индекса: {years}",
        "op_years_gone": "убираются годы индекса: {years}",
        "op_sections_back": "разделов профилей возвращено или убрано: {n}",
        "op_aliases_back": "псевдонимов из списка возвращено или убрано: {n}",
        "op_announced": "оповещения о выпуске: объявленный год {before} → {after}",
        "op_undo_done": "записано как #{id}, автор {who}",
        "op_none": "нет",
        "op_preview": "<b>Пробный прогон</b>: ничего не изменится, пока вы не нажмёте "
        "«Импортировать».",
        "op_committed": "<b>Импортировано.</b> Бот уже отвечает по новым данным.",
        "op_same": "<b>Импортировать нечего</b>: в данных уже есть этот файл в точности.",
        "op_refused": "<b>Не принято</b>: {where}: {reason}\nНичего не изменено.",
        "op_failed": "<b>Не сделано</b>: {reason}\nНичего не изменено.",
        "op_import": "✅ Импортировать",
        "op_cancel": "✖️ Отмена",
        "op_undo": "↩️ Отменить",
        "op_cancelled": "Отменено: ничего не изменено.",
        "op_expired": "Это уже не ждёт подтверждения (сделано, отменено или устарело): "
        "пришлите файл снова.",
        "op_undo_preview": "<b>Отменить?</b> Ничего не изменится, пока вы не нажмёте "
        "«Отменить».",
        "op_undone": "<b>Отменено.</b> Бот отвечает по данным, какими они были до этого.",
        "op_nothing_to_undo": "Нечего отменять: {reason}.",
        "op_too_big": "Telegram даёт ботам скачивать файлы до 20 МБ, а этот — {size} МБ: "
        "импортируйте его из командной строки, <code>pressbot data import</code>.",
        "op_no_download": "Telegram не отдал файл ({reason}): пришлите его снова.",
        "op_paste": "Вставьте текст страницы профиля. Длинный текст Telegram может разбить "
        "на несколько сообщений: когда всё будет здесь, отправьте /done, чтобы прервать — "
        "/cancel.",
        "op_paste_part": "Часть {n} получена (всего символов: {chars}). /done — когда "
        "страница целиком здесь.",
        "op_paste_empty": "Ничего не вставлено: отправьте /import, текст страницы, затем "
        "/done.",
        "op_paste_too_long": "Страница профиля — не больше 1 МБ, а этот текст длиннее: "
        "ничего не сохранено.",
        "op_paste_cancelled": "Прервано: вставленный текст удалён.",
        "op_nothing_to_cancel": "Нечего отменять: ничего не ждёт подтверждения.",
    },
}

for _lang, _table in _OPERATOR_STRINGS.items():
    assert not _table.keys() & _STRINGS[_lang].keys(), "a key in both tables"
    _STRINGS[_lang].update(_table)

#: The second source's strings (V-Dem's media indicators, and RSF beside V-Dem), kept
#: together and merged into the one catalogue below.
_VDEM_STRINGS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "help_vdem": (
            "\n\n<b>A second source, V-Dem</b> (1970–):\n"
            "• <i>censorship in Kazakhstan since 1990</i>, <i>harassment of journalists in "
            "Mexico</i>\n"
            "• <i>most internet censorship 2023</i>, <i>compare Kazakhstan and Kyrgyzstan on "
            "harassment of journalists</i>\n"
            "• <i>do RSF and V-Dem agree on Kazakhstan?</i>"
        ),
        "example_vdem": "🔎 V-Dem: Kazakhstan since 1990",
        "about_vdem": (
            "\n\n<b>Second source</b>: {credit}, {first}–{last}: expert estimates of media "
            "censorship, harassment of journalists, self-censorship and more, each on "
            "V-Dem's own scale. They are shown beside RSF's figures, named as V-Dem's, never "
            "on RSF's 0–100 scale nor in its rankings."
        ),
        "vdem_card": "🔎 <b>V-Dem</b>, the year {year} (expert estimates, higher = freer; "
        "place among the countries V-Dem rates): {figures} — "
        '<a href="{url}">V-Dem</a>',
        "vdem_card_not_rated": "🔎 V-Dem does not rate {country}.",
        "vdem_part_only": "V-Dem's figures for Palestine are the West Bank's (it rates Gaza "
        "apart).",
        "vdem_no_value": "no value",
        "vdem_place": "{ordinal} of {n}",
        "vdem_percent": "{value}%",
        "vdem_about_scales": "V-Dem's figures describe the year itself, from several country "
        "experts' ratings, each on its own scale (never RSF's 0–100). Place 1 is the "
        "freest (for women journalists, the highest share) of the countries with a value "
        "that year.",
        "vdem_latent": "expert-estimate scale: centred near 0, mostly −3 to +3",
        "vdem_index": "index from 0 to 1",
        "vdem_share": "share of journalists, %",
        "vdem_history_title": "V-Dem: {country}, {first}–{last}",
        "vdem_history_compare_title": "V-Dem: {measure}, {first}–{last}",
        "vdem_year_title": "V-Dem: {country}, the year {year}",
        "vdem_compare_title": "V-Dem, the year {year}",
        "vdem_columns": "V-Dem's values, each on its own scale (below); — no value that year",
        "vdem_place_columns": "value · place among the countries V-Dem rates",
        "vdem_col_year": "year",
        "vdem_col_place": "place",
        "vdem_starts": "V-Dem rates {country} from {first}.",
        "vdem_not_rated": "V-Dem does not rate {names}.",
        "vdem_note": "{asked} is outside the years this answer covers ({first}–{last}): "
        "showing {shown}.",
        "vdem_ranking_top": "V-Dem, the year {year}: the {n} freest by {measure}",
        "vdem_ranking_bottom": "V-Dem, the year {year}: the {n} least free by {measure}",
        "vdem_ranking_top_share": "V-Dem, the year {year}: the {n} highest shares of "
        "{measure}",
        "vdem_ranking_bottom_share": "V-Dem, the year {year}: the {n} lowest shares of "
        "{measure}",
        "vdem_ranking_of": "{n} countries rated that year; place 1 = {first}.",
        "vdem_first_free": "the freest",
        "vdem_first_share": "the highest share",
        "vdem_no_data": "The database holds no V-Dem data yet. An operator can load it with "
        "<code>pressbot data import vdem_media_v14.csv</code>.",
        "vdem_chart_no_value": "V-Dem has no value for {country} since {year}",
        "vdem_button": "🔎 V-Dem",
        "vdem_history_button": "🔎 V-Dem since {year}",
        "vdem_chart_button": "📈 {measure}",
        "agree_button": "⚖️ RSF vs V-Dem",
        "scatter_button": "📊 RSF vs V-Dem chart",
        "agree_title": "RSF and V-Dem on {country}",
        "agree_title_world": "RSF and V-Dem: do they agree?",
        "agree_years": "V-Dem's {vdem_year} beside RSF's index {rsf_year}, which covers "
        "{vdem_year}; places among the {n} countries both rate (1 = the freest).",
        "agree_rsf": "RSF, score: {value} — {place}",
        "agree_rsf_indicator": "RSF, {indicator} indicator: {value} — {place}",
        "agree_vdem": "V-Dem, {measure}: {value} — {place}",
        "agree_close": "They agree closely: the places are within a tenth of the list.",
        "agree_broad": "They broadly agree: the places are within a quarter of the list.",
        "agree_apart_rsf": "They differ: RSF places {country} well above V-Dem.",
        "agree_apart_vdem": "They differ: V-Dem places {country} well above RSF.",
        "agree_correlation": "Over all {n} countries, how far RSF's order and V-Dem's "
        "agree (rank correlation, 1 = the same order): {figures}.",
        "agree_strong": "strong",
        "agree_moderate": "moderate",
        "agree_weak": "weak",
        "agree_apart_head_rsf": "RSF places higher than V-Dem's {measure}:",
        "agree_apart_head_vdem": "V-Dem's {measure} places higher than RSF:",
        "agree_apart_row": "RSF {rsf} · V-Dem {vdem}",
        "agree_method": "They measure differently: RSF scores press freedom 0–100 from a "
        "questionnaire of experts and a tally of abuses, published the year after the one it "
        "covers; V-Dem estimates each aspect of the year itself from country experts' "
        "ratings, on its own scale. Places compare; the figures do not.",
        "vdem_chart_title": "{names}: {measure}, {first}–{last}",
        "vdem_chart_subtitle": "V-Dem's expert estimates · {direction}",
        "vdem_chart_axis": "V-Dem: {direction}",
        "vdem_chart_year_axis": "Year described",
        "vdem_chart_rsf_years": "years RSF's index covers",
        "vdem_chart_median": "Median, all countries",
        "vdem_chart_source": "{source}: V-Dem Institute, V-Dem dataset (CC BY-SA 4.0) · "
        "v-dem.net",
        "vdem_caption": "{measure}, V-Dem {first}–{last} ({direction})",
        "vdem_caption_line": "{value} in {year} ({place})",
        "scatter_title": "RSF and V-Dem: {year}",
        "scatter_subtitle": "Each dot a country both rate · rank correlation {r}",
        "scatter_x": "V-Dem {year}: {measure} ({direction})",
        "scatter_y": "RSF index {year}: score (0–100, higher = freer)",
        "scatter_y_indicator": "RSF index {year}: {indicator} (0–100, higher = freer)",
        "scatter_source": "{source}: RSF World Press Freedom Index · V-Dem Institute, "
        "V-Dem dataset (CC BY-SA 4.0)",
        "scatter_caption": "V-Dem's {measure} in {vdem_year} against RSF's {figure} in its "
        "index {rsf_year} (covering {vdem_year}), {n} countries; rank correlation {r}.",
        "scatter_score": "score",
        "scatter_indicator": "{indicator} indicator",
        "scatter_line": "{value} · RSF {rsf}",
        "scatter_different": "Two ways of measuring, each on its own scale: the order "
        "compares, the figures do not.",
    },
    "ru": {
        "help_vdem": (
            "\n\n<b>Второй источник, V-Dem</b> (с 1970 г.):\n"
            "• <i>цензура в Казахстане с 1990</i>, <i>преследование журналистов в "
            "Мексике</i>\n"
            "• <i>больше всего цензуры интернета 2023</i>, <i>сравни Казахстан и Киргизию по "
            "преследованию журналистов</i>\n"
            "• <i>согласны ли RSF и V-Dem насчёт Казахстана?</i>"
        ),
        "example_vdem": "🔎 V-Dem: Казахстан с 1990",
        "about_vdem": (
            "\n\n<b>Второй источник</b>: {credit}, {first}–{last}: экспертные оценки "
            "цензуры СМИ, преследования журналистов, самоцензуры и другого, каждая в "
            "собственной шкале V-Dem. Они показаны рядом с цифрами RSF, с указанием V-Dem, "
            "никогда в шкале RSF 0–100 и не в его рейтингах."
        ),
        "vdem_card": "🔎 <b>V-Dem</b>, {year} год (экспертные оценки, выше — свободнее; "
        "место среди стран, которые оценивает V-Dem): {figures} — "
        '<a href="{url}">V-Dem</a>',
        "vdem_card_not_rated": "🔎 V-Dem не оценивает страну «{country}».",
        "vdem_part_only": "Цифры V-Dem для Палестины — это Западный берег (Газу V-Dem "
        "оценивает отдельно).",
        "vdem_no_value": "нет данных",
        "vdem_place": "{place}-е место из {n}",
        "vdem_percent": "{value} %",
        "vdem_about_scales": "Цифры V-Dem описывают сам год: это оценки нескольких экспертов "
        "по стране, у каждой своя шкала (не шкала RSF 0–100). Место 1 — самая свободная "
        "(для доли женщин-журналистов — наибольшая доля) из стран, у которых есть значение "
        "за этот год.",
        "vdem_latent": "шкала экспертных оценок: около 0, в основном от −3 до +3",
        "vdem_index": "индекс от 0 до 1",
        "vdem_share": "доля журналистов, %",
        "vdem_history_title": "V-Dem: {country}, {first}–{last}",
        "vdem_history_compare_title": "V-Dem: {measure}, {first}–{last}",
        "vdem_year_title": "V-Dem: {country}, {year} год",
        "vdem_compare_title": "V-Dem, {year} год",
        "vdem_columns": "значения V-Dem, у каждого своя шкала (ниже); — нет данных за год",
        "vdem_place_columns": "значение · место среди стран, которые оценивает V-Dem",
        "vdem_col_year": "год",
        "vdem_col_place": "место",
        "vdem_starts": "V-Dem оценивает страну «{country}» с {first} года.",
        "vdem_not_rated": "V-Dem не оценивает: {names}.",
        "vdem_note": "{asked} — вне лет этого ответа ({first}–{last}): показан {shown}.",
        "vdem_ranking_top": "V-Dem, {year} год: {n} самых свободных — {measure}",
        "vdem_ranking_bottom": "V-Dem, {year} год: {n} наименее свободных — {measure}",
        "vdem_ranking_top_share": "V-Dem, {year} год: {n} с наибольшей долей — {measure}",
        "vdem_ranking_bottom_share": "V-Dem, {year} год: {n} с наименьшей долей — {measure}",
        "vdem_ranking_of": "Стран с оценкой за год: {n}; место 1 — {first}.",
        "vdem_first_free": "самая свободная",
        "vdem_first_share": "наибольшая доля",
        "vdem_no_data": "В базе пока нет данных V-Dem. Оператор может загрузить их командой "
        "<code>pressbot data import vdem_media_v14.csv</code>.",
        "vdem_chart_no_value": "у V-Dem нет значения для страны «{country}» с {year} года",
        "vdem_button": "🔎 V-Dem",
        "vdem_history_button": "🔎 V-Dem с {year}",
        "vdem_chart_button": "📈 {measure}",
        "agree_button": "⚖️ RSF и V-Dem",
        "scatter_button": "📊 График RSF и V-Dem",
        "agree_title": "RSF и V-Dem: {country}",
        "agree_title_world": "RSF и V-Dem: согласны ли они?",
        "agree_years": "{vdem_year} год по V-Dem рядом с индексом RSF {rsf_year}, который "
        "описывает {vdem_year} год; места среди {n} стран, которые оценивают оба (1 — самая "
        "свободная).",
        "agree_rsf": "RSF, балл: {value} — {place}",
        "agree_rsf_indicator": "RSF, показатель «{indicator}»: {value} — {place}",
        "agree_vdem": "V-Dem, {measure}: {value} — {place}",
        "agree_close": "Они во многом согласны: места различаются меньше чем на десятую "
        "часть списка.",
        "agree_broad": "В целом согласны: места различаются не больше чем на четверть списка.",
        "agree_apart_rsf": "Они расходятся: RSF ставит страну «{country}» заметно выше, чем "
        "V-Dem.",
        "agree_apart_vdem": "Они расходятся: V-Dem ставит страну «{country}» заметно выше, "
        "чем RSF.",
        "agree_correlation": "По всем {n} странам порядок RSF и порядок V-Dem совпадают "
        "(ранговая корреляция, 1 — тот же порядок): {figures}.",
        "agree_strong": "сильная",
        "agree_moderate": "умеренная",
        "agree_weak": "слабая",
        "agree_apart_head_rsf": "RSF ставит выше, чем V-Dem ({measure}):",
        "agree_apart_head_vdem": "V-Dem ({measure}) ставит выше, чем RSF:",
        "agree_apart_row": "RSF {rsf} · V-Dem {vdem}",
        "agree_method": "Они измеряют по-разному: RSF оценивает свободу прессы баллом 0–100 "
        "по анкете экспертов и учёту нарушений и публикует индекс через год после "
        "описанного; V-Dem оценивает каждую сторону самого года по оценкам экспертов, в "
        "собственной шкале. Сравнимы места, а не цифры.",
        "vdem_chart_title": "{names}: {measure}, {first}–{last}",
        "vdem_chart_subtitle": "Экспертные оценки V-Dem · {direction}",
        "vdem_chart_axis": "V-Dem: {direction}",
        "vdem_chart_year_axis": "Описанный год",
        "vdem_chart_rsf_years": "годы индекса RSF",
        "vdem_chart_median": "Медиана всех стран",
        "vdem_chart_source": "{source}: V-Dem Institute, V-Dem dataset (CC BY-SA 4.0) · "
        "v-dem.net",
        "vdem_caption": "{measure}, V-Dem {first}–{last} ({direction})",
        "vdem_caption_line": "{value} в {year} г. ({place})",
        "scatter_title": "RSF и V-Dem: {year}",
        "scatter_subtitle": "Точка — страна, которую оценивают оба · ранговая корреляция {r}",
        "scatter_x": "V-Dem {year}: {measure} ({direction})",
        "scatter_y": "Индекс RSF {year}: балл (0–100, выше — свободнее)",
        "scatter_y_indicator": "Индекс RSF {year}: «{indicator}» (0–100, выше — свободнее)",
        "scatter_source": "{source}: RSF World Press Freedom Index · V-Dem Institute, "
        "V-Dem dataset (CC BY-SA 4.0)",
        "scatter_caption": "{measure} по V-Dem за {vdem_year} год против {figure} RSF в "
        "индексе {rsf_year} (описывает {vdem_year} год), стран: {n}; ранговая корреляция "
        "{r}.",
        "scatter_score": "балла",
        "scatter_indicator": "показателя «{indicator}»",
        "scatter_line": "{value} · RSF {rsf}",
        "scatter_different": "Два способа измерения, у каждого своя шкала: сравним порядок, "
        "а не цифры.",
    },
}

for _lang, _table in _VDEM_STRINGS.items():
    assert not _table.keys() & _STRINGS[_lang].keys(), "a key in both tables"
    _STRINGS[_lang].update(_table)

_NAMES: Final[dict[str, dict[str, str]]] = {
    "en": {
        "2002-2012": "2002–2012 method: lower is freer, open-ended",
        "2013-2021": "2013–2021 method, re-expressed 0–100: higher is freer",
        "2022+": "2022+ method, 0–100: higher is freer",
        "summary": "Overview",
        "landscape": "Media landscape",
        "political": "Political",
        "legal": "Legal",
        "economic": "Economic",
        "social": "Social",
        "safety": "Safety",
        "good": "Good situation",
        "satisfactory": "Satisfactory situation",
        "problematic": "Problematic situation",
        "difficult": "Difficult situation",
        "very_serious": "Very serious situation",
        "political_short": "Pol",
        "economic_short": "Eco",
        "legal_short": "Leg",
        "social_short": "Soc",
        "safety_short": "Saf",
    },
    "ru": {
        "2002-2012": "методика 2002–2012: меньше — свободнее, без верхней границы",
        "2013-2021": "методика 2013–2021, пересчитана в 0–100: больше — свободнее",
        "2022+": "методика с 2022 года, 0–100: больше — свободнее",
        "summary": "Обзор",
        "landscape": "Медиа",
        "political": "Политика",
        "legal": "Право",
        "economic": "Экономика",
        "social": "Общество",
        "safety": "Безопасность",
        "good": "Хорошая ситуация",
        "satisfactory": "Удовлетворительная ситуация",
        "problematic": "Проблемная ситуация",
        "difficult": "Сложная ситуация",
        "very_serious": "Очень серьёзная ситуация",
        "political_short": "Пол",
        "economic_short": "Эко",
        "legal_short": "Пра",
        "social_short": "Общ",
        "safety_short": "Без",
    },
}

#: V-Dem's measures: a name to use inside a sentence, a short one for table heads and
#: picture legends, and which way is freer.
_VDEM_NAMES: Final[dict[str, dict[str, str]]] = {
    "en": {
        "v2x_freexp_altinf": "freedom of expression and alternative information",
        "v2x_freexp_altinf_short": "Free expression",
        "v2x_freexp_altinf_dir": "0–1, higher = freer",
        "v2xme_altinf": "alternative sources of information",
        "v2xme_altinf_short": "Alt. sources",
        "v2xme_altinf_dir": "0–1, higher = freer",
        "v2mecenefm": "media censorship",
        "v2mecenefm_short": "Censorship",
        "v2mecenefm_dir": "higher = less censorship",
        "v2mecenefi": "internet censorship",
        "v2mecenefi_short": "Internet cens.",
        "v2mecenefi_dir": "higher = less censorship",
        "v2meharjrn": "harassment of journalists",
        "v2meharjrn_short": "Harassment",
        "v2meharjrn_dir": "higher = less harassment",
        "v2meslfcen": "self-censorship",
        "v2meslfcen_short": "Self-cens.",
        "v2meslfcen_dir": "higher = less self-censorship",
        "v2mebias": "media bias against the opposition",
        "v2mebias_short": "Bias",
        "v2mebias_dir": "higher = less bias",
        "v2mecrit": "media critical of the government",
        "v2mecrit_short": "Critical",
        "v2mecrit_dir": "higher = more critical media",
        "v2merange": "range of political views in the media",
        "v2merange_short": "Range",
        "v2merange_dir": "higher = a wider range",
        "v2mefemjrn": "women journalists",
        "v2mefemjrn_short": "Women %",
        "v2mefemjrn_dir": "share of journalists who are women, %",
    },
    "ru": {
        "v2x_freexp_altinf": "свобода выражения и альтернативной информации",
        "v2x_freexp_altinf_short": "Своб. выраж.",
        "v2x_freexp_altinf_dir": "0–1, выше — свободнее",
        "v2xme_altinf": "альтернативные источники информации",
        "v2xme_altinf_short": "Альт. источн.",
        "v2xme_altinf_dir": "0–1, выше — свободнее",
        "v2mecenefm": "цензура СМИ",
        "v2mecenefm_short": "Цензура",
        "v2mecenefm_dir": "выше — меньше цензуры",
        "v2mecenefi": "цензура интернета",
        "v2mecenefi_short": "Цензура сети",
        "v2mecenefi_dir": "выше — меньше цензуры",
        "v2meharjrn": "преследование журналистов",
        "v2meharjrn_short": "Преследов.",
        "v2meharjrn_dir": "выше — меньше преследований",
        "v2meslfcen": "самоцензура",
        "v2meslfcen_short": "Самоценз.",
        "v2meslfcen_dir": "выше — меньше самоцензуры",
        "v2mebias": "предвзятость СМИ против оппозиции",
        "v2mebias_short": "Предвзят.",
        "v2mebias_dir": "выше — меньше предвзятости",
        "v2mecrit": "критика власти в СМИ",
        "v2mecrit_short": "Критика",
        "v2mecrit_dir": "выше — больше критики",
        "v2merange": "разнообразие политических взглядов в СМИ",
        "v2merange_short": "Разнообр.",
        "v2merange_dir": "выше — шире спектр",
        "v2mefemjrn": "доля женщин-журналистов",
        "v2mefemjrn_short": "Женщины %",
        "v2mefemjrn_dir": "доля женщин среди журналистов, %",
    },
}

for _lang, _table in _VDEM_NAMES.items():
    assert not _table.keys() & _NAMES[_lang].keys(), "a name in both tables"
    _NAMES[_lang].update(_table)

_REGION_NAMES: Final[dict[str, dict[str, str]]] = {
    "en": {
        "africa": "Africa",
        "americas": "Americas",
        "asia_pacific": "Asia-Pacific",
        "europe_central_asia": "Europe – Central Asia",
        "mena": "Middle East – North Africa",
    },
    "ru": {
        "africa": "Африка",
        "americas": "Америка",
        "asia_pacific": "Азиатско-Тихоокеанский регион",
        "europe_central_asia": "Европа – Центральная Азия",
        "mena": "Ближний Восток – Северная Африка",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """An interface string; values are inserted as given (escape data before passing it)."""
    table = _STRINGS.get(lang, _STRINGS["en"])
    text = table.get(key) or _STRINGS["en"][key]
    return text.format(**values) if values else text


def name(lang: str, key: str) -> str:
    """A section, topic, indicator or situation label."""
    return _NAMES.get(lang, _NAMES["en"]).get(key) or _NAMES["en"].get(key, key)


def region_name(lang: str, region: str) -> str:
    return _REGION_NAMES.get(lang, _REGION_NAMES["en"]).get(region, region)


def fmt_score(value: float, places: int = 2, signed: bool = False) -> str:
    """A score (or a change of one, ``signed``) as RSF prints it: two decimals, rounded half
    up (RSF's 51.055 is 51.06; binary floats would give 51.05).  Every score shown goes
    through here.  Float noise of arithmetic (46.46 - 51.055 = -4.594999…) is rounded off at
    the ninth decimal first, beyond any figure RSF publishes."""
    exact = Decimal(repr(round(value, 9))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    if exact == 0:
        exact = abs(exact)  # never "-0.00"
    return f"{exact:+}" if signed else f"{exact}"


def fmt_vdem(value: float, scale: str, lang: str) -> str:
    """A V-Dem figure as V-Dem's file has it: three decimals (a typographic minus, so
    "−0.712" reads as a value below zero), a share of journalists to one decimal with its
    percent sign.  Never on RSF's 0–100 scale."""
    if scale == "percent":
        return t(lang, "vdem_percent", value=fmt_score(value, 1))
    return fmt_score(value, 3).replace("-", "−")


def fmt_place(place: int, of: int, lang: str) -> str:
    """A place among ``of`` countries: "150th of 179", "150-е место из 179"."""
    if lang == "en":
        return t(lang, "vdem_place", ordinal=f"{place}{_english_ordinal(place)}", n=of)
    return t(lang, "vdem_place", place=place, n=of, ordinal=place)


def _english_ordinal(number: int) -> str:
    """"st", "nd", "rd" or "th": CLDR's English ordinal rule, written out because asking
    Babel loads its whole English locale (~40 ms, on the first card a process shows)."""
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


# --- country names -------------------------------------------------------------------------


@lru_cache(maxsize=512)
def flag(code: str) -> str:
    """The flag emoji of a country, or "" for entities without one (OECS, Northern Cyprus)."""
    two = alpha2_of(code)
    return flag_of(two) if two else ""


@lru_cache(maxsize=4096)
def country_name(code: str, name_en: str, lang: str) -> str:
    """A country's name in ``lang`` (CLDR), else RSF's English name."""
    if lang == "en":
        return name_en
    two = alpha2_of(code)
    if two:
        found = Locale.parse(lang).territories.get(two)
        if found:
            # CLDR writes some names with a spaced hyphen ("Конго - Браззавиль").
            return str(found).replace(" - ", "-")
    return name_en
