"""The word tables: what a question's words say, and which words are no country.

Every key is folded as a token's ``norm`` is (:func:`bot.names.normalize`), so reading
a word is one dict or set lookup.  The parser (:mod:`bot.understand.parser`) matches them
while it walks the tokens; :mod:`bot.understand.decide` reads the features they give.
Country names themselves are not here: they come from the snapshot's ``aliases``.
"""

from __future__ import annotations

import re

from bot.names import normalize


def _words(text: str) -> list[str]:
    """Whitespace-separated words: keeps the long word lists below readable."""
    return text.split()


# --- stopwords -----------------------------------------------------------------------------------

# Words that never name a country on their own, whatever an alias table says: function
# words and chit-chat of the bot's two languages.  ("chad" is a country, "man" is not.)
_STOPWORDS = frozenset(
    _words(
        """
        a an the in on at of for to from by with about and or nor but vs versus is are was were
        be been being am how what which who whom whose where when why do does did done can could
        would should will shall may might must i you he she it we they me us him her them my
        mine your yours our
        ours their theirs its this that these those there here not no yes ok okay hi hello hey
        thanks thank please tell show give get let like man men ran run the what's whats it's
        all any some more most less least very much many than then so if as also just only into
        over under out up down off again new old one two same other such own too now still press
        freedom free media news journalist journalists reporter reporters country countries
        state states index rank ranks ranking score scores year years report situation people
        good bad world global latest current today info information data about via per
        libertad liberte liberdade prensa presse imprensa periodistas journalistes jornalistas
        medios medias midia pays paises pais en de la le les el los las da do na no в во на о
        об обо и или а но с со к ко по за из от до для про как что какой какая какие каков
        какова где когда кто ли же это этот эта эти мне я ты вы он она они мы есть был была были
        будет расскажи покажи скажи пожалуйста привет спасибо ок да нет ну так очень сейчас там
        тут здесь все всё уже еще ещё страна страны стране страну стран свобода свободы прессы
        пресса сми журналист журналисты журналистов году год года
        """
    )
)

# --- features: what a word says about the question -----------------------------------------------

# Feature tables: _FEATURES, a folded word or phrase of any language (English, Russian,
# Ukrainian) → what it says about the question; _RU_STEMS, a Russian stem → the same.
#   topic:X   the topic (a key of bot.domain.TOPICS)
#   top/bottom  a ranking order said outright ("best", "worst"); "count" a ranking size word
#   rank      a ranking is asked for; neg/pos polarity of an adjective for "most"/"least"
#   most/least, sing (one country wanted), plural ("which countries")
#   help, search, compare, greet, lang:en/lang:ru, num:N, pos:N (a rank position),
#   yr:last/yr:this/yr:prev2/yr:since/yr:until/yr:history/yr:ago/yr:lastn
_FEATURES: dict[str, tuple[str, ...]] = {}
_RU_STEMS: dict[str, tuple[str, ...]] = {}


def _add(table: dict[str, tuple[str, ...]], words: str, *features: str) -> None:
    for word in words.split("|"):
        key = normalize(word)
        table[key] = tuple(dict.fromkeys(table.get(key, ()) + features))


# Topics, English.
_add(
    _FEATURES,
    "landscape|media landscape|owns|own|owned|owner|owners|ownership|who owns|"
    "tv|television|channel|channels|tv channels|newspaper|newspapers|radio|radios|outlet|"
    "outlets|media outlets|news outlets|broadcaster|broadcasters|broadcasting|pluralism|"
    "media pluralism|concentration|state media|public media|publications|magazines|"
    "media market|news sites|main media|biggest media|oligarchs|state owned|state tv|"
    "state television|state broadcaster|independent media|independent outlets|"
    "independent press|independent journalism",
    "topic:landscape",
)
_add(
    _FEATURES,
    "government|governments|government control|control|controls|controlled|"
    "political|politics|politically|censorship|censor|censors|internet shutdown|"
    "internet shutdowns|shutdown|shutdowns|propaganda|authorities|regime|president|"
    "election|elections|interference|political pressure|blocked|blocking|state control|"
    "political context|shut down|shuts down|shutting down|shut off|blackout|blackouts|"
    "internet freedom|internet access|online censorship|vpn|vpns",
    "topic:political",
)
_add(_FEATURES, "censored|repressive|authoritarian", "topic:political", "neg")
_add(
    _FEATURES,
    "law|laws|legal|legislation|legislative|jail|jailed|jails|prison|prisons|"
    "imprisoned|imprisonment|imprison|defamation|defamation law|libel|slander|court|courts|"
    "judiciary|judicial|judges|prosecuted|prosecution|lawsuit|lawsuits|sued|criminal|"
    "criminalised|criminalized|constitution|regulation|regulations|foreign agent|"
    "foreign agents|licence|license|licensing|legal framework|sentenced|convicted|"
    "extremism|lawyers|legally|behind bars|fined|fines|banned",
    "topic:legal",
)
_add(
    _FEATURES,
    "jailed|jails|imprisoned|imprison|prosecuted|sentenced|convicted|"
    "criminalised|criminalized|sued",
    "neg",
)
_add(
    _FEATURES,
    "advertising|advertisers|advertisement|advertisements|ads|funding|funded|"
    "funds|money|economic|economy|economics|financial|finances|finance|revenue|revenues|"
    "subsidies|subsidy|subsidised|subsidized|budget|profit|profitable|commercial|business|"
    "salaries|salary|economic context|financially|sponsors|donors|paid|wages|income|"
    "incomes|earn|earnings|make money|make a living",
    "topic:economic",
)
_add(
    _FEATURES,
    "trust|trusted|trusts|distrust|mistrust|taboo|taboos|taboo subjects|"
    "religion|religious|society|social|societal|culture|cultural|sociocultural|"
    "self censorship|gender|women journalists|stigma|public opinion|traditions|"
    "traditional|minorities|social context|respect|respected|reputation|prestige|"
    "discrimination|discriminated",
    "topic:social",
)
_add(_FEATURES, "social media", "media")  # not the social topic
_add(_FEATURES, "safety|security|physical safety", "topic:safety")
_add(_FEATURES, "safe|safer|secure|protection|protected", "topic:safety", "pos")
_add(_FEATURES, "at risk|risk|risks|risky", "topic:safety", "neg")
_add(
    _FEATURES,
    "unsafe|danger|dangerous|dangers|killed|kill|kills|killing|killings|"
    "murder|murdered|murders|arrested|arrest|arrests|detained|detention|attacked|attack|"
    "attacks|assault|assaulted|assaults|violence|violent|threat|threats|threatened|"
    "harassment|harassed|kidnapped|abducted|disappeared|tortured|torture|intimidation|"
    "surveillance|spyware|persecuted|persecution|beaten|deadly|hostile|exile|exiled|"
    "fled|flee",
    "topic:safety",
    "neg",
)
_add(_FEATURES, "safest", "topic:safety", "top", "rank")
_add(_FEATURES, "deadliest|most dangerous", "topic:safety", "bottom", "rank")
# Ranking.
_add(_FEATURES, "top|topmost", "count", "rank")
_add(
    _FEATURES,
    "best|freest|highest|leading|greatest|most free|least repressive|"
    "least dangerous|best ranked|highest ranked",
    "top",
    "rank",
)
_add(
    _FEATURES,
    "worst|bottom|lowest|least free|most repressive|most censored|"
    "lowest ranked|worst ranked|unfree|least safe",
    "bottom",
    "rank",
)
_add(
    _FEATURES,
    "ranking|rankings|ranked|leaderboard|league table|list of countries|rank list|ranks",
    "rank",
)
_add(_FEATURES, "most|more", "most")
_add(_FEATURES, "least|fewest", "least")
_add(_FEATURES, "free|open|independent|democratic|good|better|protected", "pos")
_add(_FEATURES, "bad|worse|poor|poorer|terrible|awful|repressed", "neg")
_add(_FEATURES, "country|nation", "sing")
_add(_FEATURES, "countries|nations|which countries|what countries|where", "plural")
_add(
    _FEATURES,
    "number one|no 1|first place|ranked first|ranks first|is first|comes first|top spot|number 1",
    "pos:1",
)
_add(
    _FEATURES,
    "last place|ranked last|ranks last|is last|comes last|dead last",
    "bottom",
    "rank",
    "last1",
)
_add(_FEATURES, "number|no|place|position|spot|placed", "posword")
# Years.
_add(_FEATURES, "last year|previous year|a year ago|one year ago|past year", "yr:last")
_add(_FEATURES, "this year|current year|this years|the current index|latest index", "yr:this")
_add(_FEATURES, "since|from|after|starting|starting from|beginning", "yr:since")
_add(_FEATURES, "until|till|through|to|up to|before", "yr:until")
_add(_FEATURES, "between", "yr:since")
_add(
    _FEATURES,
    "history|historical|trend|trends|evolution|over time|over the years|"
    "all years|every year|changed|change",
    "yr:history",
)
_add(_FEATURES, "ago|years ago", "yr:ago")
_add(_FEATURES, "last|past|previous", "yr:lastn")
# Intents.
_add(
    _FEATURES,
    "help|commands|what can you do|how does this work|how do i use|"
    "how to use|how does it work|what do you do|what are you|usage|start",
    "help",
)
_add(
    _FEATURES,
    "mention|mentions|mentioned|mentioning|search|search for|look for|"
    "containing|contain|contains|refer to|refers to|talk about|talks about|word",
    "search",
)
_add(
    _FEATURES,
    "compare|comparison|compared|versus|vs|vs.|difference|differences|against|between them",
    "compare",
)
_add(
    _FEATURES,
    "thanks|thank you|hello|hi|hey|good morning|good evening|how are you|"
    "bye|goodbye|cool|nice|great|lol|ok|okay",
    "greet",
)
_add(
    _FEATURES,
    "in english|in russian|answer in english|answer in russian|"
    "reply in english|reply in russian|speak english|speak russian",
    "lang",
)
_add(_FEATURES, "in english|answer in english|reply in english|speak english", "lang:en")
_add(_FEATURES, "in russian|answer in russian|reply in russian|speak russian", "lang:ru")
for _number, _word in enumerate(
    _words(
        """
        one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
        sixteen seventeen eighteen nineteen twenty
        """
    ),
    start=1,
):
    _add(_FEATURES, _word, f"num:{_number}")
_add(_FEATURES, "thirty", "num:30")
_add(_FEATURES, "forty", "num:40")
_add(_FEATURES, "fifty", "num:50")
_add(_FEATURES, "dozen", "num:12")

# Russian and Ukrainian: whole words and phrases first, then stems (a word's beginning).
_add(_FEATURES, "на русском|по русски|на русском языке|по-русски|русском языке", "lang", "lang:ru")
_add(_FEATURES, "на английском|по английски|на английском языке", "lang", "lang:en")
_add(
    _FEATURES,
    "помощь|помоги|справка|команды|что ты умеешь|что умеешь|что ты можешь|"
    "как пользоваться|что ты такое|кто ты",
    "help",
)
# Topic phrases whose words alone say another thing ("государственный контроль" is political).
_add(
    _FEATURES,
    "государственные сми|государственных сми|государственным сми|государственное телевидение|"
    "государственного телевидения|государственном телевидении|государственные телеканалы|"
    "государственных телеканалов|независимые сми|независимых сми|независимым сми",
    "topic:landscape",
)
_add(
    _FEATURES,
    "иностранный агент|иностранные агенты|иностранных агентов|иностранным агентом|"
    "иностранными агентами|иностранных агентах|за решеткой",
    "topic:legal",
)
_add(_FEATURES, "привет|спасибо|здравствуйте|пока|хорошо|понятно|отлично|добрый день", "greet")
_add(_FEATURES, "сравни|сравнить|сравнение|сравните|против|или", "compare")
_add(_FEATURES, "топ", "count", "rank")
_add(_FEATURES, "рейтинг|рейтинге|рейтинга|место|месте|места|позиция|позиции|номер|№", "posword")
_add(_FEATURES, "рейтинг|рейтинге|рейтинга", "rank")
_add(_FEATURES, "первое место|первом месте|на первом месте", "pos:1")
_add(_FEATURES, "последнее место|последнем месте|на последнем месте", "bottom", "rank", "last1")
_add(_FEATURES, "самые|самый|самая|самое|самых|самой|наиболее|больше всего|сильнее всего", "most")
_add(_FEATURES, "наименее|меньше всего", "least")
_add(_FEATURES, "хуже всего|хуже", "bottom", "rank")
_add(_FEATURES, "лучше всего", "top", "rank")
_add(_FEATURES, "страна|страну|страной", "sing")
_add(_FEATURES, "страны|стран|странах|каких странах|какие страны|где", "plural")
_add(_FEATURES, "в прошлом году|прошлом году|прошлый год|прошлого года|в минулому році", "yr:last")
_add(
    _FEATURES,
    "в этом году|этом году|этот год|текущем году|нынешнем году|этого года|цього року",
    "yr:this",
)
_add(_FEATURES, "позапрошлом году", "yr:prev2")
_add(_FEATURES, "с|со|начиная с|после|з|від|начиная", "yr:since")
_add(_FEATURES, "до|по", "yr:until")
_add(
    _FEATURES,
    "история|историю|истории|динамика|динамику|за все годы|изменилась|изменилось|менялась|тренд",
    "yr:history",
)
_add(_FEATURES, "назад", "yr:ago")
_add(_FEATURES, "последние|последних|прошлые", "yr:lastn")
_add(
    _FEATURES,
    "упоминается|упоминают|упоминает|упоминание|упоминания|упомянут|"
    "упоминаются|поиск|найди|найти|ищи",
    "search",
)
for _number, _word in enumerate(
    _words(
        """
        один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать
        тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать
        двадцать
        """
    ),
    start=1,
):
    _add(_FEATURES, _word, f"num:{_number}")
del _number, _word
_add(_FEATURES, "пятерка|пятерку|пятерке", "num:5")
_add(_FEATURES, "десятка|десятку|десятке", "num:10")
_add(_FEATURES, "тридцать", "num:30")
_add(_FEATURES, "пятьдесят", "num:50")
_add(_FEATURES, "лет|года|годы", "years")
_add(_FEATURES, "years|year", "years")

# Stems: a Russian word matches the longest stem it begins with.
_add(
    _RU_STEMS,
    "медиаландшафт|ландшафт|принадлеж|владе|владел|собственник|собственност|"
    "телеканал|телевид|канал|газет|радио|издани|медиарын|медиарынок|плюрализм|госсми|"
    "госканал|гостелев|гостелек",
    "topic:landscape",
)
_add(
    _RU_STEMS,
    "правительств|власт|контрол|цензур|политич|политик|отключ|блокир|"
    "блокировк|заблокир|пропаганд|режим|президент|выбор|давлен|впн|vpn",
    "topic:political",
)
_add(
    _RU_STEMS,
    "закон|законодат|правов|юридич|суд|тюрьм|тюрем|посад|заключен|клевет|"
    "уголовн|иноагент|приговор|лиценз|сажа|судим|решетк|экстремис|штраф",
    "topic:legal",
)
_add(
    _RU_STEMS,
    "реклам|финанс|деньг|денег|экономи|доход|субсид|бюджет|зарплат|рынок|рынк|"
    "коммерч|прибыл|спонсор|заработ|платят|оплат",
    "topic:economic",
)
_add(
    _RU_STEMS,
    "довер|табу|религи|обществ|социальн|культур|самоцензур|социокультур|традици|гендер|женщин|"
    "уважа|уважен|престиж|репутац|дискримин",
    "topic:social",
)
_add(_RU_STEMS, "безопасн|защищ", "topic:safety", "pos")
_add(
    _RU_STEMS,
    "опасн|убит|убий|убива|арест|задерж|напад|насили|угроз|похищ|пытк|пыта|"
    "избит|избива|слежк|преследов|гибел|погиб|угрож|шпион|прослуш|эмигр|изгнан",
    "topic:safety",
    "neg",
)
_add(_RU_STEMS, "опаснейш", "topic:safety", "bottom", "rank")
_add(_RU_STEMS, "безопаснейш", "topic:safety", "top", "rank")
_add(_RU_STEMS, "лучш|свободнейш|первы|высш|лидир", "top", "rank")
# "последних 5 лет" is a span, "последнее место" a position: phrases above take precedence.
_add(_RU_STEMS, "худш|несвобод|низш|отстающ|последни", "bottom", "rank")
_add(_RU_STEMS, "свободн|независим|демократ", "pos")
_add(_RU_STEMS, "репрессивн|авторитарн|цензурир", "topic:political", "neg")
_add(_RU_STEMS, "рейтинг|ранжир", "rank")
_add(_RU_STEMS, "упомина|упомян", "search")
_add(_RU_STEMS, "сравн", "compare")
_add(_RU_STEMS, "помощ|помог", "help")
# Words that begin with a stem above but mean something else ("законч|ить" is to finish,
# not a law): the longest stem wins, and this one says nothing.
_add(_RU_STEMS, "законч", "plain")
# Stem lengths, longest first: a word is looked up by its beginnings of these lengths.
_RU_STEM_LENGTHS = sorted({len(s) for s in _RU_STEMS}, reverse=True)

# Words a question is made of: never handed to the fuzzy matcher, nor Russian words that
# begin with a stem or with one of these common beginnings.
_VOCABULARY = frozenset(_FEATURES) | _STOPWORDS
_RU_KNOWN_PREFIXES = tuple(_RU_STEMS) + tuple(
    _words(
        """
        журналист свобод пресс медиа новост страна стран ситуац индекс рейтинг расскаж покаж
        пожалуйст сколько насколько какая какой какие котор почему потому сейчас сегодня
        является являются ответ вопрос информац данны статист оценк балл баллы место позиц хорош
        плох лучше хуже изменил измени происход работа работн редакц издани блогер интернет сайт
        сетях соцсет правозащ организац репортер границ
        """
    )
)

# Asking for a picture: "kazakhstan chart", "график Казахстан".
_add(
    _FEATURES,
    "chart|charts|graph|graphs|plot|plots|diagram|diagrams|"
    "график|графики|графика|графиком|диаграмма|диаграмму|диаграммы",
    "chart",
)

# Words after which a four-digit number is no year: "top 2000", "number 1999".
_NOT_A_YEAR_AFTER = frozenset(_words("top топ number no"))

# Suffixes that make a number an ordinal: "142nd", "142-е", "142-й".
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th", "ое", "ой", "ий", "ым", "ом", "го", "ая", "е", "й",
                     "я", "м")

# What "/unsubscribe all" may say for every country.
_EVERYTHING = frozenset(_words("all everything все всё"))

# --- follow-ups ------------------------------------------------------------------------------

# How a follow-up begins when it adds a country to what was shown ("and Norway?", "а
# Норвегия?", "сравни с Россией") or switches to another one, keeping the topic and year
# ("what about Norway?", "а как насчёт Норвегии?").  Matched at the start of the folded text.
_FOLLOW_ADDING = re.compile(
    r"^\s*(and|vs\.?|versus|compared? (to|with)|и|а|против|сравни(те)? с[о]?)\b", re.I
)
_FOLLOW_SWITCHING = re.compile(
    r"^\s*(what|how) about\b|^\s*(а )?как насч[её]т\b|^\s*а что\b", re.I
)

# --- words around a year or a searched phrase ----------------------------------------------------

# Words between "since"/"from" and a year that keep it a start: "starting from 2020".
_SINCE_GLUE = frozenset({"from", "с", "з", "in", "в"})

# Words around what a search looks for that are not part of it.
_SEARCH_LEAD = frozenset(_words("which what where profiles profile где в каких какие"))
# Words that end a search without being searched for: "… Pegasus in their profiles", a year
# ("… in 2024", read as the year of the question).
_SEARCH_TAIL = frozenset(
    _words(
        "please in is are mentioned their the its profile profiles text texts "
        "пожалуйста упоминается в их профиле профилях тексте текстах году"
    )
)
# Words that separate alternatives in what is searched ("Pegasus and spyware", "или"):
# a section matches if it holds one of them.
_SEARCH_ALTERNATIVES = frozenset(_words("and or и или"))
# Words between a search trigger and what is looked for: "search for the word …".
_SEARCH_FILLER = frozenset(
    _words("search for the word words term about to of слово слова про о об")
)

# --- regions -------------------------------------------------------------------------------------

# Regions and their words → (a key of REGIONS, a key of SUBREGIONS or None).  RSF files
# Central Asia under "Europe – Central Asia": asked by name, it is that region's part.
_REGION_NAMES: dict[str, tuple[str, str | None]] = {}


def _region(key: str, names: str, subregion: str | None = None) -> None:
    for name in names.split("|"):
        _REGION_NAMES[normalize(name)] = (key, subregion)


_region(
    "africa",
    "Africa|African|Sub-Saharan Africa|West Africa|East Africa|Southern Africa|"
    "Central Africa|Horn of Africa|Африка|африканский|Африці|Африка южнее Сахары",
)
_region(
    "americas",
    "Americas|the Americas|Latin America|South America|North America|"
    "Central America|Caribbean|Latin American|South American|Латинская Америка|"
    "Южная Америка|Северная Америка|Центральная Америка|латиноамериканский|"
    "Американский континент|Карибы",
)
_region(
    "asia_pacific",
    "Asia|Asian|Asia-Pacific|Asia Pacific|Pacific|Southeast Asia|"
    "South Asia|East Asia|South-East Asia|Oceania|Азия|азиатский|"
    "Азиатско-Тихоокеанский регион|Юго-Восточная Азия|Южная Азия|Восточная Азия|Азії",
)
_region(
    "europe_central_asia",
    "Europe|European|Eastern Europe|Western Europe|EU|"
    "European Union|Balkans|Europe – Central Asia|"
    "Europe and Central Asia|Post-Soviet|former Soviet Union|CIS|Европа|европейский|"
    "Восточная Европа|Западная Европа|Балканы|"
    "Евросоюз|ЕС|СНГ|постсоветский|Европа и Центральная Азия|Європа",
)
_region(
    "europe_central_asia",
    "Central Asia|Central Asian|Центральная Азия|центральноазиатский|Средняя Азия|"
    "среднеазиатский|Центральна Азія",
    "central_asia",
)
_region(
    "mena",
    "Middle East|MENA|North Africa|Middle East and North Africa|Arab world|Gulf|"
    "Maghreb|Middle Eastern|North African|Arab countries|Ближний Восток|"
    "ближневосточный|Северная Африка|арабские страны|арабский мир|Магриб|Персидский залив",
)

# --- words that are no country, or not always ----------------------------------------------------

# All-caps words that are not ISO codes in a shouted message ("WHAT ARE", "2 YEARS AGO"),
# and curated all-caps names ("CAR") that are words in lower case.
_SHOUTED_WORDS = frozenset(
    _words(
        """
        are ago can car per arm dom mar pan ben jam col gab cub tun nor ken fin gin lie mus ton
        sur com cod ven bel tur irl aus che est ita bra chn pry mex sen png
        """
    )
)

# Aliases that are common English words in another language: German "Island" is Iceland,
# French "Suède" Sweden.  Keyed by the alias's language; the name stays in the table.
_FOREIGN_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset({"island", "indie"}),
    "pl": frozenset({"indie"}),
    "fr": frozenset({"grenade", "georgie"}),
    "es": frozenset({"mauricio"}),
    "it": frozenset({"malia"}),
}

# Names that are also a common word of their own language ("того" = "of that", "газа" =
# "of gas"): matched only when written with a capital, with all their case forms.
_COMMON_NAMES_TITLECASE = frozenset({"того", "чад", "гана", "перу", "газа"})

# Common words the typo rules (_TYPO_VERDICTS) would take for a country or ask about: every
# such word among wordfreq's 50,000 most frequent English and Russian words that would be
# taken (the first letter aside, "больше" is "Польше"), and among the 20,000 most frequent
# that would be asked about (written with a capital: "Ivan" for Iran), checked against this
# index when it was written, less demonyms ("Swedes", "украинец").  Never fuzzed.
_NEAR_NAME_WORDS = frozenset(
    _words(
        """
        albany alberta algebra amelia ammonia andrea angel angela angelo angels angle
        anglo angora angular arena arsenic astoria austin australasia australis balmain
        bargain basil beards bears begin beige belief believe belive belle benign beside
        blaze boland bolivar brain brawl bruce brunch brunel bruno brutal brute burgundy
        burned burner cameron canal canals canary candida candy chai chan chap char chat
        child chill chin ching chorus citrus clad cohorts colombo colors comforts condo
        corpus cube cubs cypress cyrus equator fancy farce fence fiance fiancee frame
        franc frances francine francis franck franco francs frank frankel franken
        frankie franz fringe furnace gained gambino gambit gamble gamma garcia geese
        geordie george georges georgi georgina germain germanic giorgio gloria grace
        grease greed greedy greeley green greene greener greens greet greeted grenade
        grenades grieve guide guided guides guineas guise gunner hangar honours hunger
        hungry indie iron isabel ishmael island ivan jordans labs lads lagos laps lars
        latin latina lays lebron lennon liberal liberty magnolia mail malachi malaria
        malay male malik mall malt marta mata maui medic mongols monrovia neal nicer
        nigel norma normal norman norwalk oecd omar pajama pajamas palatine panacea
        panda panorama parisian philippians philistines plaid plane plank plans plant
        polar pollard portal portland postural pound pure randy roland romana romance
        romani romans romantic rossi rustic sedan seeded sensual serena sergio serial
        serie several sheen siberia slain somatic span spawn spin stain steven sudden
        surname surnames susan sweep sweet sweeten taliban tasmania titan tourney trance
        tucked tucker turbine turkeys turned turner turret urine vienna zombie
        авария австро автора алан алания американо амурской анализ ангел ангела ангелы
        англо андреа андрей андрею антона армия арсений арсения африканцев балкарии
        барокко бассейн бассейна бассейне бассейном белоусов белоусова белья бензин
        бензина бензином биржа близ богиня больше большей большой боруссии боруссия
        браком бруно бунина верным версией версии версию версия весна ветра ветром
        вечная воинам гавани гавань галина гарсия герман гранатой грехи грозит груди
        груза грузин грузов грязи дивана диване должника дольше доменико доминик забив
        забил замки зомби иван иваном именем ирины испытания итак кабаре кадр казаки
        казани казань казни каково каменном камер камера камерами камере камерой камеру
        камеры каната карате катер катера катере катерина кита клуба кого комаров комары
        кометы конторы коров корова корову коровы короли короны коста котов ксения кубка
        куда куча кэмерон кэмерона левого лексика лексики ленина ленину лента лесного
        лесов лесом летия ливанов лидия линией линия листа литра лишения майами майора
        максима мала малая мало малыша мальчикам мальчиками мальчиков мамочка мари
        марина марка марко марков маркой маркс маркса марок марса марта марша маска
        массовой мексико мила мозговой молитва молока молотова молчания монголов
        монополии монополию монополия мороза мостовой наличия напал напала немцова обман
        обманом окраине окраины омар палата пальца паника параграф парада парами партия
        пенсии пенсий пенсию пенсия первая перми перри перси персик персики песня планам
        планами пластины полета полина полка полна полоса польза пользе пользой пользу
        пользы премия райана ранга раунд раунда раунде релиза росси сальваторе сама
        самара самаре самары само самок самом сдали седан седана секция серая сервис
        сергея сергия серией серий серия сессия слежения словами словарей словаря
        сложения сломал сломали служению служения смогли снега снимали собаки собрали
        сожгли создали сошли спали спасении спасению сражении стадия стали студией
        студии студию студия сумели тактики талант талантом тогда тока тома тона тонкой
        турнир уборщица угадай украдкой филиппов фирмой фракции фракций фракцию фракция
        франц франциск франшизы целое целой целом читаем штабов штанах штанов штаны штат
        штата штате штатом энтони ярмарка
        """
    )
)

# --- case suffixes and prefixes of other languages -----------------------------------------------

# Aliases in these languages also match followed by a case suffix ("Kazakistan'da",
# "Қазақстанда"); the suffixes, longest first.
_TURKIC_LANGS = frozenset({"tr", "az", "uz", "tk", "kk", "ky"})
_TURKIC_SUFFIXES = tuple(
    sorted(
        set(
            _words(
                """
                da de ta te dan den tan ten nda nde ndan nden ning ni ga ka qa ge ke nin nun in
                un na ne ya ye i u a e dagi daki deki ga ge дағы дегі тағы тегі нда нде да де та
                те ның нің дың дің тың тің на не ға ге қа ке ны ні ды ді ты ті дан ден тан тен
                нан нен га го ко ка гө кө дын дин тын тин нын нин дон дөн тон төн ка
                """
            )
        ),
        key=len,
        reverse=True,
    )
)
# Arabic one-letter prefixes written onto a name ("and", "with", "for", "so"): "ومصر".
_ARABIC_PREFIXES = ("و", "ب", "ل", "ف")
