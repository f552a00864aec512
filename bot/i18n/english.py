"""The interface's words in English: the source every catalog translates.

Each entry's key is its context in the message catalogs (``msgctxt``); its text is the
``msgid``.  An entry written as a :class:`Plural` has a singular and a plural, and each
catalog gives as many forms as its language's CLDR plural rule asks for.  ``{name}``
fields are filled in by :func:`bot.i18n.t`; HTML tags are Telegram's.  ``pybabel
extract -F babel.cfg`` reads this file (through :mod:`bot.i18n.extract`) into
``bot/locales/messages.pot``; see README, "Languages".
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Plural(NamedTuple):
    """A message whose words follow a number ``{n}``: English's two forms."""

    one: str
    other: str


Message = str | Plural


#: Cards, lists, comparisons, help, errors, buttons, alerts, charts, commands.
MESSAGES_INTERFACE: Final[dict[str, Message]] = {
    "reloaded": "Reloaded: data version {version}, years {first}–{latest}, {countries} countries.",
    "reloaded_empty": "Reloaded: the database is empty.",
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
    "cmd_language": "The bot's language in this chat",
    "index": "World Press Freedom Index",
    # How every reply credits its source (RSF's own name in the language, where it has one).
    "credit": "Reporters Without Borders (RSF), World Press Freedom Index",
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
    "no_profile": (
        "RSF's full profile of {country} is not in our database yet: read it on <a "
        'href="{url}">rsf.org</a>.'
    ),
    "no_section": "The profile has no “{section}” section.",
    "profile_of": "from RSF's profile, index {year}",
    "source": "Source",
    "era_warning": (
        "⚠️ Scores from different methods ({eras}) are not comparable: only the ranks are."
    ),
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
    "tied": Plural(
        "{n} more shown: it shares the last rank.",
        "{n} more shown: they share the last rank.",
    ),
    "subregion_note": "{subregion} is part of RSF's {region} region; ranks are world ranks.",
    "no_indicators": "The five indicators exist since 2022: ranked by the global score.",
    "left_out": "One table compares at most {n} countries; {k} more were left out: {names}.",
    "oecs": (
        "RSF ranks the Organisation of Eastern Caribbean States as one entry: Antigua and "
        "Barbuda, Dominica, Grenada, Saint Kitts and Nevis, Saint Lucia, and Saint Vincent "
        "and the Grenadines."
    ),
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
    "no_data": (
        "The database holds no index data yet. An operator can load it with <code>pressbot "
        "data import</code>."
    ),
    "none": (
        "I answer questions about press freedom in any country, from RSF's World Press "
        "Freedom Index. Try <i>Kazakhstan</i>, <i>compare Norway and Finland</i> or "
        "<i>worst in Asia</i>."
    ),
    "not_understood": (
        "I didn't understand that. I answer questions about press freedom in any country, "
        "from RSF's World Press Freedom Index. Try <i>Kazakhstan</i>, <i>compare Norway and "
        "Finland</i> or <i>worst in Asia</i> — or send /help."
    ),
    "greeting": (
        "Hello! Ask me about press freedom in any country, for example <i>Kazakhstan</i>, "
        "<i>are journalists safe in Mexico?</i> or <i>compare Norway and Finland</i>."
    ),
    "thanks": "You're welcome! Ask about another country any time, for example <i>Kazakhstan</i>.",
    "everyday": (
        "I answer questions about press freedom, from RSF's World Press Freedom Index. Did "
        "you mean press freedom in {countries}?"
    ),
    "unplaced_note": "I don't know the country “{words}”: it is left out.",
    "help_languages": (
        "I read questions in English, Russian, Kazakh, Ukrainian, Uzbek (Latin and "
        "Cyrillic), Kyrgyz, Tajik, German, French, Spanish, Portuguese, Turkish, Arabic, "
        "Persian and Chinese, and country names in many more languages, and I answer in the "
        "language you write in. A bare country name is answered in this chat's language "
        "(choose it with /language) or else your Telegram's. Add <i>in English</i> or "
        "<i>in Russian</i> to a question to get that one answer in English or Russian."
    ),
    "help_charts": (
        "Charts: send <code>/chart Kazakhstan</code> for a country's score over the years "
        "and its five indicators, or up to five countries to compare them: <code>/chart "
        "Kazakhstan Kyrgyzstan</code>. Under a country's answer, tap 📈 Chart."
    ),
    "help_groups": (
        "In a group: add me as a member. I answer commands (<code>/country "
        "Kazakhstan</code>, <code>/compare Norway, Finland</code>, <code>/top 10</code>) "
        "and replies to my messages; Telegram's privacy mode keeps other messages from me. "
        "Only the group's administrators change its alerts."
    ),
    "help_inline": (
        "Inline: in any chat, type my username, a space and a country or a question "
        "(<code>@bot kazakhstan</code>), then pick a card to send it there."
    ),
    "help_subscriptions": (
        "Alerts: <code>/subscribe Kazakhstan</code> (several countries separated by commas) "
        "and I send you one message when RSF publishes a new index, with each country's new "
        "rank and score. <code>/subscriptions</code> lists them; <code>/unsubscribe "
        "Kazakhstan</code> or <code>/unsubscribe all</code> stops them."
    ),
    "help_examples": (
        "Questions to try:\n"
        "• <i>Kazakhstan</i>\n"
        "• <i>are journalists safe in "
        "Mexico?</i>\n"
        "• <i>who owns the media in Hungary</i>\n"
        "• <i>compare Norway and "
        "Finland</i>\n"
        "• <i>top 10 in Africa</i>, <i>worst for safety</i>\n"
        "• <i>Russia since "
        "2022</i>\n"
        "• <i>which countries mention Pegasus</i>"
    ),
    "help": (
        "<b>Press Freedom Bot</b> answers from RSF's World Press Freedom Index "
        "(2002–{latest}).\n"
        "\n"
        "Ask in plain words, for example:\n"
        "• <i>Kazakhstan</i> or "
        "<i>are journalists safe in Kazakhstan?</i>\n"
        "• <i>compare Norway and Finland</i>\n"
        "• "
        "<i>top 10</i>, <i>worst in Africa</i>, <i>most dangerous for journalists</i>\n"
        "• "
        "<i>Mexico in 2023</i>, <i>Russia since 2022</i>\n"
        "• <i>which countries mention "
        "Pegasus</i>\n"
        "\n"
        "Topics: media landscape, political, legal, economic, social, "
        "safety."
    ),
    "topics": "Topics",
    "neighbours": "Compare with neighbours",
    "chart": "📈 Chart",
    "apology": "Sorry, something went wrong on my side. Please try again in a moment.",
    "example_country": "Kazakhstan",
    "rsf_button": "RSF ↗",
    "unknown_command": "I don't know that command. Send /help for what I can do.",
    "alert_title": "RSF's World Press Freedom Index {year} is out",
    "group_help": (
        "<b>In this group</b> I answer commands (/country Kazakhstan, /compare Norway, "
        "Finland, /top 10) and replies to my messages. Telegram's privacy mode keeps other "
        "messages from me, so chatter stays private. In any chat you can also type "
        "<code>@{bot} kazakhstan</code> and pick a card to send."
    ),
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
        "every year from a survey of experts and a tally of abuses against "
        "journalists.\n"
        "\n"
        "<b>Method</b>: since 2022 a score of 0–100 (higher is freer) from "
        "five indicators — political, economic, legal, social and safety — each with its "
        "own rank.\n"
        "\n"
        "<b>Scales</b> (never compared silently):\n"
        "{scales}\n"
        "\n"
        "<b>Regions</b>: "
        "{regions}.\n"
        "\n"
        "RSF's data may be shared for non-commercial use with attribution."
    ),
    "stale_button": "This button is out of date: ask again.",
    "bot_description": (
        "Press freedom in any country, from Reporters Without Borders' World Press Freedom "
        "Index: rank, score, the five indicators, RSF's country profiles, comparisons and "
        "rankings. Ask in plain words, e.g. 'Kazakhstan' or 'compare Norway and Finland'."
    ),
    "bot_short_description": "Press freedom in any country, from RSF's World Press Freedom Index.",
    "subscribed": "Subscribed: {countries}. You'll get one message when a new index is out.",
    "already_subscribed": "Already subscribed: {countries}.",
    "unsubscribed": "Unsubscribed ({n}).",
    "not_saved": (
        "Sorry, I could not save that just now. Nothing was changed; please try again in a "
        "few minutes."
    ),
    "subscriptions": "Subscriptions: {countries}.",
    "no_subscriptions": (
        "No subscriptions. /subscribe Kazakhstan — to hear when a new index is out."
    ),
    "usage_subscribe": "Name the countries, e.g. /subscribe Kazakhstan, Kyrgyzstan",
    "usage_unsubscribe": "Name the countries or 'all', e.g. /unsubscribe all",
    "group_admins_only": "In groups only administrators can change subscriptions.",
    "language_prompt": (
        "Which language should I answer in, in this chat? Now: <b>{current}</b>.\n"
        "“Automatic” answers each question in the language it is written in."
    ),
    "language_auto_button": "Automatic",
    "language_set": "The language of this chat is now <b>{language}</b>.",
    "language_auto": "From now on I answer each question in the language it is written in.",
    "language_admins_only": "Sorry: in groups only administrators can change the bot's language.",
    "not_a_country": "I don't know the country “{word}”.",
    "chart_title_history": "{name}: press freedom, {first}–{last}",
    "chart_subtitle": "Score history and the five indicators of {year} against the world median",
    "chart_subtitle_compare": (
        "Scores {first}–2021 and 2022+ (two methods: not comparable) and the indicators of "
        "{year}"
    ),
    "chart_score_axis": "Score (higher = freer)",
    "chart_year_axis": "Index year",
    "chart_indicator_axis": "Indicator score {year} (0–100)",
    "chart_median": "World median",
    "chart_old_method": "2013–2021 method",
    "chart_new_method": "2022+ method",
    "chart_divider": "new method 2022: not comparable",
    "chart_source": "{source}: {credit} · rsf.org/en/index",
    "chart_good": "Good",
    "chart_satisfactory": "Satisfactory",
    "chart_problematic": "Problematic",
    "chart_difficult": "Difficult",
    "chart_very_serious": "Very serious",
    "chart_caption_history": "Score {first}–{last} and indicators {year}",
    "chart_caption_compare": "Scores since {first} and indicators {year}",
    "chart_caption_line": "rank {rank} of {total}, score {score}",
    "chart_caption_break": (
        "⚠️ Scores before 2022 come from another method: not comparable with later ones."
    ),
    "chart_usage": (
        "Send <code>/chart COUNTRY</code> for a country's score history and indicators, or "
        "up to five countries to compare them, for example <code>/chart Kazakhstan</code> "
        "or <code>/chart Kazakhstan Kyrgyzstan 2024</code>."
    ),
    "chart_limit": "one chart compares at most {n} countries",
    "chart_cannot": "I can't draw that chart: {reason}.",
    "chart_no_data": "the database holds no index data yet",
    "chart_no_score": "{country} has no score since {year}",
    "chart_open": "📈 Open the chart",
}

#: A group's figures, situation bands, movers, why, what the index means.
MESSAGES_ANALYSIS: Final[dict[str, Message]] = {
    "world": "World",
    "help_more": (
        "\n"
        "\n"
        "<b>Figures and meaning</b>:\n"
        "• <i>average score in Europe</i>, <i>median "
        "safety score in Africa 2024</i>\n"
        "• <i>how many countries are in each "
        "situation</i>, <i>Kazakhstan in Central Asia</i>\n"
        "• <i>countries in a good "
        "situation</i>, <i>very serious situation 2023</i>\n"
        "• <i>biggest fallers this "
        "year</i>, <i>who rose most since 2022 by score</i>\n"
        "• <i>worst for safety "
        "2024</i>, <i>Kazakhstan's political indicator since 2022</i>\n"
        "• <i>why did "
        "Kazakhstan fall?</i>\n"
        "• <i>how is the index calculated?</i>, <i>what does the "
        "economic indicator measure?</i>"
    ),
    "example_fallers": "📉 Biggest fallers",
    "example_good": "🟢 Good situation",
    "example_method": "❓ How is the score built?",
    "agg_title_mean": "Average scores",
    "agg_title_median": "Median scores",
    "agg_title_count": "Countries by situation",
    "agg_score": "Score",
    "agg_lead_mean": Plural(
        "{figure}: average <b>{mean}</b>, median {median} ({n} country)",
        "{figure}: average <b>{mean}</b>, median {median} ({n} countries)",
    ),
    "agg_lead_median": Plural(
        "{figure}: median <b>{median}</b>, average {mean} ({n} country)",
        "{figure}: median <b>{median}</b>, average {mean} ({n} countries)",
    ),
    "agg_head_mean": "average",
    "agg_head_median": "median",
    "agg_head_world": "world",
    "agg_world": "World, for comparison: average {mean}, median {median}.",
    "agg_empty": "No country of this group is in the {year} index.",
    "agg_no_indicators": "The five indicators exist since 2022: only the global score before.",
    "agg_total": "Countries: {n}.",
    "agg_bands_since": "RSF's situation bands exist since its 2022 method: showing {year}.",
    "agg_subregion_note": "{subregion} is part of RSF's {region} region.",
    "place_title": "{country} in {group}",
    "place_line": "Place <b>{place}</b> of {n} in {group} · world rank {rank} of {total}",
    "place_line_indicator": (
        "{indicator} indicator: place <b>{place}</b> of {n} in {group} · world rank {rank}"
    ),
    "place_group": "{group}: average {mean}, median {median}.",
    "place_around": Plural(
        "The {n} country around it in {group}:",
        "The {n} countries around it in {group}:",
    ),
    "bands_button": "Countries by situation",
    "movers_button": "Risers and fallers",
    "band_count": "Countries: {n}",
    "band_page": "countries {first}–{last} of {n}",
    "band_none": "No country is in this situation in {year}.",
    "band_prev": "◀ Back",
    "band_next": "More ▶",
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
    "movers_totals": "Ranks of {base} are out of {base_total} countries, of {year} out of {total}.",
    "movers_scores_across_methods": (
        "⚠️ Scores of {base} and {year} come from different methods and are not comparable: "
        "compared by rank."
    ),
    "movers_scores_old_method": (
        "⚠️ Before 2013 RSF's scores were open-ended and changed between editions: compared "
        "by rank."
    ),
    "movers_no_indicators": "The five indicators exist since 2022: compared by the global figure.",
    "movers_rsf_figures": "Score changes are RSF's own published figures.",
    "movers_list_button": "📋 As a list",
    "by_score_button": "By score",
    "by_rank_button": "By rank",
    "what_moved_button": "{country}: what moved?",
    "why_heading": "what moved since {base}",
    "why_no_previous": "{country} was not in the index before {year}: there is no change to show.",
    "why_first_index": "{year} is RSF's first index: there is no change to show.",
    "movers_first_index": "{year} is RSF's first index: compared with the one after it.",
    "why_not_fall": Plural(
        "Not a fall: {country} rose {n} place in {year} (▲{n}).",
        "Not a fall: {country} rose {n} places in {year} (▲{n}).",
    ),
    "why_not_rise": Plural(
        "Not a rise: {country} fell {n} place in {year} (▼{n}).",
        "Not a rise: {country} fell {n} places in {year} (▼{n}).",
    ),
    "why_unchanged": "{country} kept its rank in {year}.",
    "why_moves_head": "Indicators that moved most",
    "why_moves_columns": "change · score · rank",
    "why_was": "was",
    "why_no_indicators": (
        "RSF's five indicators exist since 2022; before, it published the global score "
        "only."
    ),
    "why_break": (
        "2022 brought RSF's current method: its indicators have no 2021 counterpart and "
        "scores do not compare across it, ranks do."
    ),
    "why_reasons": (
        "These figures show what changed, not why. RSF gives its reasons in its country "
        'profile: <a href="{url}">{country} on rsf.org</a>.'
    ),
    "why_profile_match": "RSF's profile on the indicator that moved most:",
    "explain_credit": (
        'In our words, from RSF\'s methodology: <a href="{url}">{credit}</a>'
    ),
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
        "threats to their safety. It measures the freedom journalists have, not the quality "
        "of journalism. RSF publishes it around World Press Freedom Day, 3 May. This bot "
        "holds the editions {first}–{latest}."
    ),
    "explain_method": (
        "<b>How the score is built</b> (RSF's method since 2022)\n"
        "Each country gets a score "
        "from 0 to 100 (higher is freer) from five indicators — political, economic, legal, "
        "social and safety — each scored 0–100 and ranked on its own.\n"
        "\n"
        "Two kinds of data "
        "go in:\n"
        "• a <b>quantitative tally of abuses</b> against journalists and media in "
        "connection with their work — killings, detentions, kidnappings, disappearances, "
        "attacks — kept by RSF over the year;\n"
        "• a <b>questionnaire answered by experts</b> "
        "in each country — journalists, researchers, lawyers, human-rights defenders — in "
        "many languages.\n"
        "\n"
        "The tally counts in the safety indicator; the experts' answers "
        "in all five. In RSF's published figures the global score is the average of the "
        "five indicators, and the ranking is the order of the global scores."
    ),
    "explain_indicators": (
        "<b>The five indicators</b> (each 0–100, higher is freer, each with its own "
        "rank):\n"
        "• <b>Political</b> — autonomy from the state and political actors\n"
        "• "
        "<b>Economic</b> — economic constraints: owners, advertisers, subsidies\n"
        "• "
        "<b>Legal</b> — laws, censorship, lawsuits, impunity\n"
        "• <b>Social</b> — social and "
        "cultural pressure on what may be covered\n"
        "• <b>Safety</b> — physical, "
        "psychological and professional harm to journalists"
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
        "“false news” used against the press, access to information, protection of sources, "
        "and whether crimes against journalists go unpunished."
    ),
    "explain_social": (
        "<b>Social indicator</b> (RSF's “sociocultural context”): pressure from society and "
        "culture — attacks on journalists for covering subjects such as religion, gender, "
        "ethnicity or class, and pressure not to question powerful groups or beliefs."
    ),
    "explain_safety": (
        "<b>Safety indicator</b> (RSF's “security”): whether journalists can gather and "
        "publish news without risk of bodily harm (killing, violence, arbitrary detention, "
        "kidnapping), psychological harm (intimidation, harassment, surveillance, threats) "
        "or professional harm (losing their job, equipment seized). RSF's tally of abuses "
        "counts here."
    ),
    "explain_bands": (
        "<b>Situation bands</b> (RSF's map colours since 2022), read from the global score, "
        "each band starting at its lower bound:\n"
        "{bands}\n"
        "\n"
        "Before 2022 RSF used other "
        "scales: the bands apply from 2022 on."
    ),
    "band_good_meaning": "journalists work freely; problems are rare",
    "band_satisfactory_meaning": (
        "largely free, with some problems (economic fragility, legal pressure, occasional "
        "attacks)"
    ),
    "band_problematic_meaning": "real problems: pressure on the media, lawsuits, attacks",
    "band_difficult_meaning": "press freedom seriously restricted; journalists often at risk",
    "band_very_serious_meaning": "journalism severely repressed: censorship, jail, violence",
    "explain_comparability": (
        "<b>Comparing years</b>\n"
        "• <b>2002–2012</b>: RSF's first method. Scores counted "
        "problems, so lower was freer, with no upper bound, and the scale changed between "
        "editions; 2011 and 2012 were one edition (2011–12).\n"
        "• <b>2013–2021</b>: a new "
        "method with a 0–100 score, which RSF now publishes re-expressed so that higher is "
        "freer.\n"
        "• <b>2022 on</b>: the current method, with five indicators and situation "
        "bands.\n"
        "\n"
        "Scores compare only within one method; across a break only ranks do — "
        "and the number of countries ranked grew from {first_total} ({first}) to {total} "
        "({latest}). This bot compares scores only within a method and says so whenever an "
        "answer spans a break."
    ),
    "history_with_indicator": "rank and score, then the {indicator} indicator's score and rank",
    "split_years": (
        "In {years} RSF ranked {country} in parts, not as one entry ({parts}): those years "
        "are not in this table."
    ),
    "profile_other_year": (
        "⚠️ <b>RSF's profile of the {year} index</b>, not of {shown}: the text describes "
        "{year}."
    ),
    "chart_world": "World",
    "chart_movers_title_both": "Biggest moves, {base} → {year}",
    "chart_movers_title_rise": "Biggest risers, {base} → {year}",
    "chart_movers_title_fall": "Biggest fallers, {base} → {year}",
    "chart_movers_rank": "{scope} · change of rank, in places",
    "chart_movers_score": "{scope} · change of score, in points",
    "chart_movers_indicator_rank": "{scope} · change of the {indicator} indicator's rank",
    "chart_movers_indicator_score": "{scope} · change of the {indicator} indicator's score",
    "chart_movers_axis": "← fell · rose →",
    "chart_movers_none": "No country moved",
}

#: What operators see: an import's or an undo's summary (the command line prints the
#: English), and the Telegram way of importing. Shell-like words (csv, --force, #12) stay as typed.
MESSAGES_OPERATORS: Final[dict[str, Message]] = {
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
    "op_more_rows": Plural("… and {n} more row", "… and {n} more rows"),
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
    "op_preview": "<b>Dry run</b>: nothing changes until you press Import.",
    "op_committed": "<b>Imported.</b> The bot answers from the new data now.",
    "op_same": "<b>Nothing to import</b>: the data already holds this file as it is.",
    "op_refused": "<b>Refused</b>: {where}: {reason}\nNothing was changed.",
    "op_failed": "<b>Not done</b>: {reason}\nNothing was changed.",
    "op_import": "✅ Import",
    "op_cancel": "✖️ Cancel",
    "op_undo": "↩️ Undo",
    "op_cancelled": "Cancelled: nothing was changed.",
    "op_expired": "This is no longer waiting (done, cancelled or expired): send the file again.",
    "op_undo_preview": "<b>Undo?</b> Nothing changes until you press Undo.",
    "op_undone": "<b>Undone.</b> The bot answers from the data as it was before.",
    "op_nothing_to_undo": "Nothing to undo: {reason}.",
    "op_too_big": (
        "Telegram lets bots download files of up to 20 MB, and this one is {size} MB: "
        "import it from the shell with <code>pressbot data import</code>."
    ),
    "op_no_download": "Telegram did not hand over the file ({reason}): send it again.",
    "op_paste": (
        "Paste the profile page now. Telegram may split a long paste into several messages: "
        "send /done when all of it is here, /cancel to stop."
    ),
    "op_paste_part": (
        "Part {n} received ({chars} characters so far). /done when the page is complete."
    ),
    "op_paste_empty": "Nothing was pasted: send /import, the page's text, then /done.",
    "op_paste_too_long": (
        "A profile page may be at most 1 MB, and this paste is longer: nothing was kept."
    ),
    "op_paste_cancelled": "Stopped: the pasted text was dropped.",
    "op_nothing_to_cancel": "Nothing is waiting to be cancelled.",
}

#: The second source: V-Dem's media indicators, and RSF beside V-Dem.
MESSAGES_VDEM: Final[dict[str, Message]] = {
    "help_vdem": (
        "\n"
        "\n"
        "<b>A second source, V-Dem</b> (1970–):\n"
        "• <i>censorship in Kazakhstan since "
        "1990</i>, <i>harassment of journalists in Mexico</i>\n"
        "• <i>most internet "
        "censorship 2023</i>, <i>compare Kazakhstan and Kyrgyzstan on harassment of "
        "journalists</i>\n"
        "• <i>do RSF and V-Dem agree on Kazakhstan?</i>"
    ),
    "example_vdem": "🔎 V-Dem: Kazakhstan since 1990",
    "about_vdem": (
        "\n"
        "\n"
        "<b>Second source</b>: {credit}, {first}–{last}: expert estimates of media "
        "censorship, harassment of journalists, self-censorship and more, each on V-Dem's "
        "own scale. They are shown beside RSF's figures, named as V-Dem's, never on RSF's "
        "0–100 scale nor in its rankings."
    ),
    "vdem_card": (
        "🔎 <b>V-Dem</b>, the year {year} (expert estimates, higher = freer; place among the "
        'countries V-Dem rates): {figures} — <a href="{url}">V-Dem</a>'
    ),
    "vdem_card_not_rated": "🔎 V-Dem does not rate {country}.",
    "vdem_part_only": "V-Dem's figures for Palestine are the West Bank's (it rates Gaza apart).",
    "vdem_no_value": "no value",
    "vdem_place": "{ordinal} of {n}",
    "vdem_percent": "{value}%",
    "vdem_about_scales": (
        "V-Dem's figures describe the year itself, from several country experts' ratings, "
        "each on its own scale (never RSF's 0–100). Place 1 is the freest (for women "
        "journalists, the highest share) of the countries with a value that year."
    ),
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
    "vdem_note": (
        "{asked} is outside the years this answer covers ({first}–{last}): showing {shown}."
    ),
    "vdem_ranking_top": "V-Dem, the year {year}: the {n} freest by {measure}",
    "vdem_ranking_bottom": "V-Dem, the year {year}: the {n} least free by {measure}",
    "vdem_ranking_top_share": "V-Dem, the year {year}: the {n} highest shares of {measure}",
    "vdem_ranking_bottom_share": "V-Dem, the year {year}: the {n} lowest shares of {measure}",
    "vdem_ranking_of": Plural(
        "{n} country rated that year; place 1 = {first}.",
        "{n} countries rated that year; place 1 = {first}.",
    ),
    "vdem_first_free": "the freest",
    "vdem_first_share": "the highest share",
    "vdem_no_data": (
        "The database holds no V-Dem data yet. An operator can load it with <code>pressbot "
        "data import vdem_media_v14.csv</code>."
    ),
    "vdem_chart_no_value": "V-Dem has no value for {country} since {year}",
    "vdem_button": "🔎 V-Dem",
    "vdem_history_button": "🔎 V-Dem since {year}",
    "vdem_chart_button": "📈 {measure}",
    "agree_button": "⚖️ RSF vs V-Dem",
    "scatter_button": "📊 RSF vs V-Dem chart",
    "agree_title": "RSF and V-Dem on {country}",
    "agree_title_world": "RSF and V-Dem: do they agree?",
    "agree_years": (
        "V-Dem's {vdem_year} beside RSF's index {rsf_year}, which covers {vdem_year}; "
        "places among the {n} countries both rate (1 = the freest)."
    ),
    "agree_rsf": "RSF, score: {value} — {place}",
    "agree_rsf_indicator": "RSF, {indicator} indicator: {value} — {place}",
    "agree_vdem": "V-Dem, {measure}: {value} — {place}",
    "agree_close": "They agree closely: the places are within a tenth of the list.",
    "agree_broad": "They broadly agree: the places are within a quarter of the list.",
    "agree_apart_rsf": "They differ: RSF places {country} well above V-Dem.",
    "agree_apart_vdem": "They differ: V-Dem places {country} well above RSF.",
    "agree_correlation": (
        "Over all {n} countries, how far RSF's order and V-Dem's agree (rank correlation, 1 "
        "= the same order): {figures}."
    ),
    "agree_strong": "strong",
    "agree_moderate": "moderate",
    "agree_weak": "weak",
    "agree_apart_head_rsf": "RSF places higher than V-Dem's {measure}:",
    "agree_apart_head_vdem": "V-Dem's {measure} places higher than RSF:",
    "agree_apart_row": "RSF {rsf} · V-Dem {vdem}",
    "agree_method": (
        "They measure differently: RSF scores press freedom 0–100 from a questionnaire of "
        "experts and a tally of abuses, published the year after the one it covers; V-Dem "
        "estimates each aspect of the year itself from country experts' ratings, on its own "
        "scale. Places compare; the figures do not."
    ),
    "vdem_chart_title": "{names}: {measure}, {first}–{last}",
    "vdem_chart_subtitle": "V-Dem's expert estimates · {direction}",
    "vdem_chart_axis": "V-Dem: {direction}",
    "vdem_chart_year_axis": "Year described",
    "vdem_chart_rsf_years": "years RSF's index covers",
    "vdem_chart_median": "Median, all countries",
    "vdem_chart_source": "{source}: V-Dem Institute, V-Dem dataset (CC BY-SA 4.0) · v-dem.net",
    "vdem_caption": "{measure}, V-Dem {first}–{last} ({direction})",
    "vdem_caption_line": "{value} in {year} ({place})",
    "scatter_title": "RSF and V-Dem: {year}",
    "scatter_subtitle": "Each dot a country both rate · rank correlation {r}",
    "scatter_x": "V-Dem {year}: {measure} ({direction})",
    "scatter_y": "RSF index {year}: score (0–100, higher = freer)",
    "scatter_y_indicator": "RSF index {year}: {indicator} (0–100, higher = freer)",
    "scatter_source": (
        "{source}: RSF World Press Freedom Index · V-Dem Institute, V-Dem dataset (CC BY-SA "
        "4.0)"
    ),
    "scatter_caption": (
        "V-Dem's {measure} in {vdem_year} against RSF's {figure} in its index {rsf_year} "
        "(covering {vdem_year}), {n} countries; rank correlation {r}."
    ),
    "scatter_score": "score",
    "scatter_indicator": "{indicator} indicator",
    "scatter_line": "{value} · RSF {rsf}",
    "scatter_different": (
        "Two ways of measuring, each on its own scale: the order compares, the figures do "
        "not."
    ),
}

#: Sections, topics, indicators, situation bands, methods and V-Dem's measures.
NAMES: Final[dict[str, Message]] = {
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
}

#: RSF's five regions.
REGIONS: Final[dict[str, Message]] = {
    "africa": "Africa",
    "americas": "Americas",
    "asia_pacific": "Asia-Pacific",
    "europe_central_asia": "Europe – Central Asia",
    "mena": "Middle East – North Africa",
}


#: Every message by its key (the catalogs' context).
MESSAGES: Final[dict[str, Message]] = {
    **MESSAGES_INTERFACE, **MESSAGES_ANALYSIS, **MESSAGES_OPERATORS, **MESSAGES_VDEM,
}
