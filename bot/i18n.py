"""Interface strings in English and Russian, and country names in the reader's language.

Profile texts stay as RSF published them; only labels, help and errors are translated.
Country names come from CLDR (Babel) so a Russian reader sees "Казахстан", with RSF's
English name as the fallback for RSF's own entities (OECS, Northern Cyprus).
"""

from __future__ import annotations

import re
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
        "chart_subtitle_compare": "Scores since {first} (comparable) and the indicators of "
        "{year} against the world median",
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
        "subscriptions": "Подписки: {countries}.",
        "no_subscriptions": "Подписок нет. /subscribe Казахстан — чтобы узнать о новом индексе.",
        "usage_subscribe": "Назовите страны, например /subscribe Казахстан, Киргизия",
        "usage_unsubscribe": "Назовите страны или all, например /unsubscribe all",
        "group_admins_only": "В группах подписками управляют только администраторы.",
        "not_a_country": "Не знаю страну «{word}».",
        "chart_title_history": "{name}: свобода прессы, {first}–{last}",
        "chart_subtitle": "История балла и пять показателей {year} г. в сравнении с медианой "
        "мира",
        "chart_subtitle_compare": "Баллы с {first} г. (сравнимы) и показатели {year} г. "
        "в сравнении с медианой мира",
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


def fmt_score(value: float) -> str:
    """A score as RSF prints it: two decimals."""
    return f"{value:.2f}"


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
