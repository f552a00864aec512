"""Text → :class:`~bot.query.Query`: which countries, topic, year and intent a question names.

Approach (all lookups, no model):

1. **One index per data version.**  :class:`Understander` is built from a snapshot's
   ``aliases`` (RSF, CLDR, curated, ISO, flags) and ``countries``.  Every alias becomes a
   key of folded words ("Côte d'Ivoire" → ``cote divoire``); Russian and Ukrainian names
   also get their case forms generated ("Казахстан" → "казахстане", "казахстаном";
   "Южная Корея" → "южной корее"), adjectives every gender and case ("казахстанских").
   A key that names several codes resolves to the current ones (``last_year`` = the latest
   index): "Israel" is ISR, not the 2002 split ``ISR1``, whose own name must be written out.
2. **Tokenize once**, then walk the tokens left to right, taking at each point the longest
   key of one to seven words, so "Papua New Guinea" beats "Guinea" and "South Sudan"
   beats "Sudan".  The same walk reads the question's vocabulary (topics, ranking words,
   years, help, search) from small tables; Russian words are matched by stem.
3. **Fallbacks for leftovers only**: ISO codes typed in capitals ("KZ", "KAZ"), an English
   plural or possessive ("Kazakhs", "Kazakhstan's"), a Turkish/Kazakh case suffix
   ("Kazakistan'da", "Қазақстанда"), CJK names inside a longer word.  Then, for leftover
   words of four letters or more that are not known vocabulary, one rapidfuzz call against
   English and Russian names of about the same length (OSA distance: a swap of two
   letters is one typo).  One or two typos in names of six letters or more are accepted,
   Latin or Cyrillic, a first letter too when it is the only one ("Jermany"); two typos
   in a word of six or seven letters and one in a shorter word ("Chna", "Канда") only make
   ``Query.candidates`` (≤ 3) with the word in ``Query.unknown``, as does a tie between
   countries ("Austrlia": Australia or Austria?), so the answer can ask instead of
   guessing (:data:`_TYPO_VERDICTS`).  Common words that sit that close to a name
   ("больше" ~ Польше, "hungry" ~ Hungary) are listed and never fuzzed.

4. **Intent** last: a search trigger ("mention", "упоминается") → search; two countries or
   more → compare; one → profile; otherwise ranking words, a region or a rank position →
   ranking; "help" → help; a topic or year alone → profile with no country (a follow-up the
   conversation layer completes); anything else → none.

A message costs a regex tokenization and a few dozen dict lookups, typically 10–40 µs; the
fuzzy step runs only on unexplained long words and its results are cached per word.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice, product

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.aliases import INVISIBLE_RE, fold, normalize
from bot.domain import MAX_RANKING, REGIONS, SUBREGIONS, TOPIC_INDICATOR, TOPICS
from bot.i18n import pick_lang
from bot.query import Intent, Query, Ranking
from bot.store import Snapshot

__all__ = ["Understander", "normalize"]

DEFAULT_LIMIT = 10
# Years read as years: from before RSF's first index (2002), so that "Kazakhstan 1999" is
# answered "there is no 1999 index" rather than as Kazakhstan today.
_FIRST_YEAR = 1990
_MAX_KEY_WORDS = 7
_FUZZY_CACHE_SIZE = 20_000

# --- vocabulary -------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """Whitespace-separated words: keeps the long word lists below readable."""
    return text.split()


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

# Feature tables: a folded word or phrase → what it says about the question.
#   topic:X   the topic (a key of bot.domain.TOPICS)
#   top/bottom  a ranking order said outright ("best", "worst"); "count" a ranking size word
#   rank      a ranking is asked for; neg/pos polarity of an adjective for "most"/"least"
#   most/least, sing (one country wanted), plural ("which countries")
#   help, search, compare, greet, lang:en/lang:ru, num:N, pos:N (a rank position),
#   yr:last/yr:this/yr:prev2/yr:since/yr:until/yr:history/yr:ago/yr:lastn
_EN_FEATURES: dict[str, tuple[str, ...]] = {}
_RU_STEMS: dict[str, tuple[str, ...]] = {}


def _add(table: dict[str, tuple[str, ...]], words: str, *features: str) -> None:
    for word in words.split("|"):
        key = normalize(word)
        table[key] = tuple(dict.fromkeys(table.get(key, ()) + features))


# Topics, English.
_add(
    _EN_FEATURES,
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
    _EN_FEATURES,
    "government|governments|government control|control|controls|controlled|"
    "political|politics|politically|censorship|censor|censors|internet shutdown|"
    "internet shutdowns|shutdown|shutdowns|propaganda|authorities|regime|president|"
    "election|elections|interference|political pressure|blocked|blocking|state control|"
    "political context|shut down|shuts down|shutting down|shut off|blackout|blackouts|"
    "internet freedom|internet access|online censorship|vpn|vpns",
    "topic:political",
)
_add(_EN_FEATURES, "censored|repressive|authoritarian", "topic:political", "neg")
_add(
    _EN_FEATURES,
    "law|laws|legal|legislation|legislative|jail|jailed|jails|prison|prisons|"
    "imprisoned|imprisonment|imprison|defamation|defamation law|libel|slander|court|courts|"
    "judiciary|judicial|judges|prosecuted|prosecution|lawsuit|lawsuits|sued|criminal|"
    "criminalised|criminalized|constitution|regulation|regulations|foreign agent|"
    "foreign agents|licence|license|licensing|legal framework|sentenced|convicted|"
    "extremism|lawyers|legally|behind bars|fined|fines|banned",
    "topic:legal",
)
_add(
    _EN_FEATURES,
    "jailed|jails|imprisoned|imprison|prosecuted|sentenced|convicted|"
    "criminalised|criminalized|sued",
    "neg",
)
_add(
    _EN_FEATURES,
    "advertising|advertisers|advertisement|advertisements|ads|funding|funded|"
    "funds|money|economic|economy|economics|financial|finances|finance|revenue|revenues|"
    "subsidies|subsidy|subsidised|subsidized|budget|profit|profitable|commercial|business|"
    "salaries|salary|economic context|financially|sponsors|donors|paid|wages|income|"
    "incomes|earn|earnings|make money|make a living",
    "topic:economic",
)
_add(
    _EN_FEATURES,
    "trust|trusted|trusts|distrust|mistrust|taboo|taboos|taboo subjects|"
    "religion|religious|society|social|societal|culture|cultural|sociocultural|"
    "self censorship|gender|women journalists|stigma|public opinion|traditions|"
    "traditional|minorities|social context|respect|respected|reputation|prestige|"
    "discrimination|discriminated",
    "topic:social",
)
_add(_EN_FEATURES, "social media", "media")  # not the social topic
_add(_EN_FEATURES, "safety|security|physical safety", "topic:safety")
_add(_EN_FEATURES, "safe|safer|secure|protection|protected", "topic:safety", "pos")
_add(_EN_FEATURES, "at risk|risk|risks|risky", "topic:safety", "neg")
_add(
    _EN_FEATURES,
    "unsafe|danger|dangerous|dangers|killed|kill|kills|killing|killings|"
    "murder|murdered|murders|arrested|arrest|arrests|detained|detention|attacked|attack|"
    "attacks|assault|assaulted|assaults|violence|violent|threat|threats|threatened|"
    "harassment|harassed|kidnapped|abducted|disappeared|tortured|torture|intimidation|"
    "surveillance|spyware|persecuted|persecution|beaten|deadly|hostile|exile|exiled|"
    "fled|flee",
    "topic:safety",
    "neg",
)
_add(_EN_FEATURES, "safest", "topic:safety", "top", "rank")
_add(_EN_FEATURES, "deadliest|most dangerous", "topic:safety", "bottom", "rank")
# Ranking.
_add(_EN_FEATURES, "top|topmost", "count", "rank")
_add(
    _EN_FEATURES,
    "best|freest|highest|leading|greatest|most free|least repressive|"
    "least dangerous|best ranked|highest ranked",
    "top",
    "rank",
)
_add(
    _EN_FEATURES,
    "worst|bottom|lowest|least free|most repressive|most censored|"
    "lowest ranked|worst ranked|unfree|least safe",
    "bottom",
    "rank",
)
_add(
    _EN_FEATURES,
    "ranking|rankings|ranked|leaderboard|league table|list of countries|rank list|ranks",
    "rank",
)
_add(_EN_FEATURES, "most|more", "most")
_add(_EN_FEATURES, "least|fewest", "least")
_add(_EN_FEATURES, "free|open|independent|democratic|good|better|protected", "pos")
_add(_EN_FEATURES, "bad|worse|poor|poorer|terrible|awful|repressed", "neg")
_add(_EN_FEATURES, "country|nation", "sing")
_add(_EN_FEATURES, "countries|nations|which countries|what countries|where", "plural")
_add(
    _EN_FEATURES,
    "number one|no 1|first place|ranked first|ranks first|is first|comes first|top spot|number 1",
    "pos:1",
)
_add(
    _EN_FEATURES,
    "last place|ranked last|ranks last|is last|comes last|dead last",
    "bottom",
    "rank",
    "last1",
)
_add(_EN_FEATURES, "number|no|place|position|spot|placed", "posword")
# Years.
_add(_EN_FEATURES, "last year|previous year|a year ago|one year ago|past year", "yr:last")
_add(_EN_FEATURES, "this year|current year|this years|the current index|latest index", "yr:this")
_add(_EN_FEATURES, "since|from|after|starting|starting from|beginning", "yr:since")
_add(_EN_FEATURES, "until|till|through|to|up to|before", "yr:until")
_add(_EN_FEATURES, "between", "yr:since")
_add(
    _EN_FEATURES,
    "history|historical|trend|trends|evolution|over time|over the years|"
    "all years|every year|changed|change",
    "yr:history",
)
_add(_EN_FEATURES, "ago|years ago", "yr:ago")
_add(_EN_FEATURES, "last|past|previous", "yr:lastn")
# Intents.
_add(
    _EN_FEATURES,
    "help|commands|what can you do|how does this work|how do i use|"
    "how to use|how does it work|what do you do|what are you|usage|start",
    "help",
)
_add(
    _EN_FEATURES,
    "mention|mentions|mentioned|mentioning|search|search for|look for|"
    "containing|contain|contains|refer to|refers to|talk about|talks about|word",
    "search",
)
_add(
    _EN_FEATURES,
    "compare|comparison|compared|versus|vs|vs.|difference|differences|against|between them",
    "compare",
)
_add(
    _EN_FEATURES,
    "thanks|thank you|hello|hi|hey|good morning|good evening|how are you|"
    "bye|goodbye|cool|nice|great|lol|ok|okay",
    "greet",
)
_add(
    _EN_FEATURES,
    "in english|in russian|answer in english|answer in russian|"
    "reply in english|reply in russian|speak english|speak russian",
    "lang",
)
_add(_EN_FEATURES, "in english|answer in english|reply in english|speak english", "lang:en")
_add(_EN_FEATURES, "in russian|answer in russian|reply in russian|speak russian", "lang:ru")
for _number, _word in enumerate(
    _words(
        """
        one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
        sixteen seventeen eighteen nineteen twenty
        """
    ),
    start=1,
):
    _add(_EN_FEATURES, _word, f"num:{_number}")
_add(_EN_FEATURES, "thirty", "num:30")
_add(_EN_FEATURES, "forty", "num:40")
_add(_EN_FEATURES, "fifty", "num:50")
_add(_EN_FEATURES, "dozen", "num:12")

# Russian and Ukrainian: whole words and phrases first, then stems (a word's beginning).
_add(
    _EN_FEATURES, "на русском|по русски|на русском языке|по-русски|русском языке", "lang", "lang:ru"
)
_add(_EN_FEATURES, "на английском|по английски|на английском языке", "lang", "lang:en")
_add(
    _EN_FEATURES,
    "помощь|помоги|справка|команды|что ты умеешь|что умеешь|что ты можешь|"
    "как пользоваться|что ты такое|кто ты",
    "help",
)
# Topic phrases whose words alone say another thing ("государственный контроль" is political).
_add(
    _EN_FEATURES,
    "государственные сми|государственных сми|государственным сми|государственное телевидение|"
    "государственного телевидения|государственном телевидении|государственные телеканалы|"
    "государственных телеканалов|независимые сми|независимых сми|независимым сми",
    "topic:landscape",
)
_add(
    _EN_FEATURES,
    "иностранный агент|иностранные агенты|иностранных агентов|иностранным агентом|"
    "иностранными агентами|иностранных агентах|за решеткой",
    "topic:legal",
)
_add(_EN_FEATURES, "привет|спасибо|здравствуйте|пока|хорошо|понятно|отлично|добрый день", "greet")
_add(_EN_FEATURES, "сравни|сравнить|сравнение|сравните|против|или", "compare")
_add(_EN_FEATURES, "топ", "count", "rank")
_add(_EN_FEATURES, "рейтинг|рейтинге|рейтинга|место|месте|места|позиция|позиции|номер|№", "posword")
_add(_EN_FEATURES, "рейтинг|рейтинге|рейтинга", "rank")
_add(_EN_FEATURES, "первое место|первом месте|на первом месте", "pos:1")
_add(_EN_FEATURES, "последнее место|последнем месте|на последнем месте", "bottom", "rank", "last1")
_add(
    _EN_FEATURES, "самые|самый|самая|самое|самых|самой|наиболее|больше всего|сильнее всего", "most"
)
_add(_EN_FEATURES, "наименее|меньше всего", "least")
_add(_EN_FEATURES, "хуже всего|хуже", "bottom", "rank")
_add(_EN_FEATURES, "лучше всего", "top", "rank")
_add(_EN_FEATURES, "страна|страну|страной", "sing")
_add(_EN_FEATURES, "страны|стран|странах|каких странах|какие страны|где", "plural")
_add(
    _EN_FEATURES, "в прошлом году|прошлом году|прошлый год|прошлого года|в минулому році", "yr:last"
)
_add(
    _EN_FEATURES,
    "в этом году|этом году|этот год|текущем году|нынешнем году|этого года|цього року",
    "yr:this",
)
_add(_EN_FEATURES, "позапрошлом году", "yr:prev2")
_add(_EN_FEATURES, "с|со|начиная с|после|з|від|начиная", "yr:since")
_add(_EN_FEATURES, "до|по", "yr:until")
_add(
    _EN_FEATURES,
    "история|историю|истории|динамика|динамику|за все годы|изменилась|изменилось|менялась|тренд",
    "yr:history",
)
_add(_EN_FEATURES, "назад", "yr:ago")
_add(_EN_FEATURES, "последние|последних|прошлые", "yr:lastn")
_add(
    _EN_FEATURES,
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
    _add(_EN_FEATURES, _word, f"num:{_number}")
_add(_EN_FEATURES, "пятерка|пятерку|пятерке", "num:5")
_add(_EN_FEATURES, "десятка|десятку|десятке", "num:10")
_add(_EN_FEATURES, "тридцать", "num:30")
_add(_EN_FEATURES, "пятьдесят", "num:50")
_add(_EN_FEATURES, "лет|года|годы", "years")
_add(_EN_FEATURES, "years|year", "years")

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
# "последних 5 лет" is a span, "последнее место" a position: phrases above take precedence.
_RU_STEM_LENGTHS = sorted({len(s) for s in _RU_STEMS}, reverse=True)

# Words a question is made of: never handed to the fuzzy matcher.
_VOCABULARY = frozenset(_EN_FEATURES) | _STOPWORDS
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

# Typos: (d, n) → what a word `d` edits from the nearest country's name makes of it, `n`
# being the length of the shorter of the word and the name (capped at _LONG_WORD); an edit
# is a letter added, dropped or changed, or two neighbours swapped (OSA distance).  Two
# typos are trusted in long words only; two in a word of six or seven letters, and one in a
# shorter word ("Chna", "Lybia", "Канда"), are only offered ("did you mean China?"), as is
# a tie between countries.  A missing pair is no match.  _fuzzy adds the finer points.
_MIN_TYPO_WORD = 4
_LONG_WORD = 8
_TYPO_VERDICTS: dict[tuple[int, int], str] = {
    (1, 4): "maybe", (1, 5): "maybe", (1, 6): "accept", (1, 7): "accept", (1, 8): "accept",
    (2, 5): "maybe", (2, 6): "maybe", (2, 7): "maybe", (2, 8): "accept",
}  # fmt: skip

_TURKIC_LANGS = frozenset({"tr", "az", "uz", "tk", "kk", "ky"})
_FUZZY_LANGS = frozenset({"en", "ru", "uk", "be"})
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
_ARABIC_PREFIXES = ("و", "ب", "ل", "ف")

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

_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")

_TOKEN_RE = re.compile(
    r"(?P<flag>[\U0001F1E6-\U0001F1FF]{2})"
    r"|(?P<num>\d+)(?:-?(?P<ord>st|nd|rd|th|ое|ой|ий|ым|ом|го|ая|е|й|я|м)(?![^\W\d_]))?"
    r"|(?P<word>[^\W\d_]+(?:['’ʼʻ`´‘][^\W\d_]+)*)"
)
_APOSTROPHE_RE = re.compile(r"['’ʼʻ`´‘]")
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u06d6-\u06ed]")
_ABBREVIATION_RE = re.compile(r"(?<![^\W\d_])((?:[A-Za-z]\.){2,})")
_COMMAND_RE = re.compile(r"^\s*/([A-Za-z_]+)(?:@\w+)?")
_LIST_SPLIT_RE = re.compile(r"[,;\n]+")
_QUOTED_RE = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,80})[\"“”«»„]")

_WORD, _NUM, _FLAG = 0, 1, 2


@dataclass(slots=True)
class _Token:
    kind: int
    raw: str
    norm: str
    start: int
    end: int
    ordinal: bool = False


@dataclass(slots=True)
class _Parse:
    """What the walk over the tokens found, before the intent is decided."""

    countries: list[tuple[int, str]] = field(default_factory=list)  # (token index, code)
    regions: list[tuple[str, str | None]] = field(default_factory=list)  # (region, subregion)
    features: list[tuple[int, str]] = field(default_factory=list)  # (token index, feature)
    leftovers: list[int] = field(default_factory=list)
    candidates: tuple[str, ...] = ()
    unknown: str | None = None
    unclear: list[int] = field(default_factory=list)  # tokens of names of several countries


def clean(text: str) -> str:
    """The text the tokenizer reads: "U.S." → "US"; invisible formatting characters
    ("Kaz\u200bakhstan") dropped; separately typed marks composed or, when they would split
    a word ("عُمان"), dropped."""
    if not text.isascii():
        text = INVISIBLE_RE.sub("", text)
        if _COMBINING_RE.search(text):
            text = _COMBINING_RE.sub("", unicodedata.normalize("NFC", text))
    if "." in text:
        text = _ABBREVIATION_RE.sub(lambda m: m.group(1).replace(".", ""), text)
    return text


def tokenize(text: str) -> list[_Token]:
    """Words, numbers (with an ordinal suffix: "142nd", "142-е") and flag emojis of a
    :func:`clean` text."""
    tokens: list[_Token] = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        raw = match.group(0)
        if kind == "flag":
            tokens.append(_Token(_FLAG, raw, raw, match.start(), match.end()))
        elif kind == "word":
            word = raw.lower() if raw.isascii() else fold(raw)
            if "'" in word or not word.isascii():
                word = _APOSTROPHE_RE.sub("'", word)
                if word.endswith("'s"):  # possessive: "Kazakhstan's"
                    word = word[:-2]
                word = word.replace("'", "")
            tokens.append(_Token(_WORD, raw, word, match.start(), match.end()))
        else:
            digits = match.group("num")
            tokens.append(
                _Token(_NUM, digits, digits, match.start(), match.end(), bool(match.group("ord")))
            )
    return tokens


# --- Russian and Ukrainian case forms --------------------------------------------------------

_CASES = ("gen", "dat", "acc", "ins", "loc")
_HUSHING = set("гкхжшчщ")


def _noun_forms(word: str, lang: str) -> dict[str, set[str]] | None:
    """Case forms of a (place) noun, Russian and Ukrainian endings together; None when the
    word does not decline (foreign names in -о, -и, -у, -е: Того, Мали, Перу)."""
    if word == "египет":  # the vowel drops: Египта, Египте
        word = "египт"
    if len(word) < 3:
        return None
    last, stem = word[-1], word[:-1]
    if word.endswith(("ия", "ія")):
        s = word[:-2]
        return {"gen": {s + "ии", s + "ії"}, "dat": {s + "ии", s + "ії"},
                "acc": {s + "ию", s + "ію"}, "ins": {s + "ией", s + "ією"},
                "loc": {s + "ии", s + "ії"}}  # fmt: skip
    if last == "я":
        return {"gen": {stem + "и", stem + "ї"}, "dat": {stem + "е", stem + "ї"},
                "acc": {stem + "ю"}, "ins": {stem + "ей", stem + "єю"},
                "loc": {stem + "е", stem + "ї"}}  # fmt: skip
    if last == "а" and stem[-1] in "аеиоуыэюяі":
        return None  # Самоа, Папуа: foreign names in a vowel + "а" do not decline
    if last == "а":
        gen = stem + ("и" if stem[-1] in _HUSHING else "ы")
        return {"gen": {gen, stem + "и", stem + "і"}, "dat": {stem + "е", stem + "і"},
                "acc": {stem + "у"}, "ins": {stem + "ой", stem + "ей", stem + "ою", stem + "ею"},
                "loc": {stem + "е", stem + "і"}}  # fmt: skip
    if last == "ь":
        return {"gen": {stem + "и", stem + "я", stem + "і"}, "dat": {stem + "и", stem + "ю"},
                "acc": {word}, "ins": {stem + "ью", stem + "ем"},
                "loc": {stem + "и", stem + "е", stem + "і"}}  # fmt: skip
    if last == "й":
        return {
            "gen": {stem + "я", stem + "ю"},
            "dat": {stem + "ю"},
            "acc": {word},
            "ins": {stem + "ем", stem + "єм"},
            "loc": {stem + "е", stem + "ї"},
        }
    if last == "ы" or (last == "и" and lang == "uk" and len(word) > 5):
        # The bare genitive plural ("Филиппин") only when long enough not to be a word:
        # "штат" is a state, not the United States.
        bare = {stem} if len(stem) >= 6 else set()
        return {"gen": bare | {stem + "ов", stem + "ев", stem + "ів"}, "dat": {stem + "ам"},
                "acc": {word},
                "ins": {stem + "ами"}, "loc": {stem + "ах"}}  # fmt: skip
    if word.endswith(("ство", "ово")):
        return {"gen": {stem + "а"}, "dat": {stem + "у"}, "acc": {word}, "ins": {stem + "ом"},
                "loc": {stem + "е"}}  # fmt: skip
    if last in "бвгдзклмнпрстфхцчшщж":
        return {"gen": {word + "а", word + "у"}, "dat": {word + "у", word + "ові"},
                "acc": {word}, "ins": {word + "ом", word + "ем"},
                "loc": {word + "е", word + "і", word + "у"}}  # fmt: skip
    return None


def _adjective_forms(word: str) -> dict[str, set[str]] | None:
    """Case forms of an adjective in a name ("Южная", "Северный", "Соединенные")."""
    if len(word) < 5:
        return None
    ending, stem = word[-2:], word[:-2]
    soft = stem.endswith("н") and ending == "ий"  # ближний → ближнего
    if ending == "ая":
        return {"gen": {stem + "ой"}, "dat": {stem + "ой"}, "acc": {stem + "ую"},
                "ins": {stem + "ой", stem + "ою"}, "loc": {stem + "ой"}}  # fmt: skip
    if ending == "яя":  # soft: Средняя → Средней
        return {"gen": {stem + "ей"}, "dat": {stem + "ей"}, "acc": {stem + "юю"},
                "ins": {stem + "ей", stem + "ею"}, "loc": {stem + "ей"}}  # fmt: skip
    if ending in ("ый", "ий", "ой", "ое"):
        o = "е" if soft else "о"
        return {"gen": {stem + o + "го"}, "dat": {stem + o + "му"}, "acc": {word},
                "ins": {stem + "ым", stem + "им"}, "loc": {stem + o + "м"}}  # fmt: skip
    if ending in ("ые", "ие"):
        return {"gen": {stem + "ых", stem + "их"}, "dat": {stem + "ым", stem + "им"},
                "acc": {word}, "ins": {stem + "ыми", stem + "ими"},
                "loc": {stem + "ых", stem + "их"}}  # fmt: skip
    return None


_ADJECTIVE_SUFFIXES = ("ский", "цкий", "ський", "цький")
# Endings of a demonym adjective in every gender, number and case ("казахстанск-ий").
_ADJ_ENDINGS_RU = ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ою", "ое", "ие", "их", "ими")
_ADJ_ENDINGS_UK = ("ий", "ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "е", "і", "их",
                   "ими")  # fmt: skip


def inflections(name: str, lang: str) -> set[str]:
    """Folded case forms of a Russian, Ukrainian or Belarusian name, without the name itself.

    A one-word adjective (a demonym: "казахстанский") gets every gender, number and case;
    a name of several words declines word by word in step ("южной корее", not "южная
    корее").  Words that do not decline stay as they are.
    """
    words = normalize(name).split()
    if not words:
        return set()
    if len(words) == 1 and words[0].endswith(_ADJECTIVE_SUFFIXES):
        stem = words[0][:-2]
        endings = _ADJ_ENDINGS_UK if lang == "uk" else _ADJ_ENDINGS_RU
        return {stem + e for e in endings} - {words[0]}
    per_word: list[dict[str, set[str]]] = []
    declines = False
    for index, word in enumerate(words):
        forms = None
        if (
            len(words) > 1
            and index < len(words) - 1
            and word[-2:] in ("ая", "яя", "ый", "ий", "ой", "ое", "ые", "ие")
        ):
            forms = _adjective_forms(word)
        if forms is None and word not in ("и", "і"):
            forms = _noun_forms(word, lang)
        if forms is None:
            forms = {case: {word} for case in _CASES}
        else:
            declines = True
        per_word.append(forms)
    if not declines:
        return set()
    found: set[str] = set()
    for case in _CASES:
        for combo in product(*(forms[case] for forms in per_word)):
            found.add(" ".join(combo))
    return found - {" ".join(words)}


# --- the index --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Match:
    codes: tuple[str, ...]  # one code, or several when the name is ambiguous
    region: tuple[str, str | None] | None = None  # (region, subregion) for a region's name


class Understander:
    """Parses questions against one snapshot's vocabulary; build once per data version."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.latest_year = snapshot.latest_year
        self.years = tuple(snapshot.years)
        self.current = frozenset(
            code for code, c in snapshot.countries.items()
            if c.last_year is not None and c.last_year == self.latest_year
        )  # fmt: skip
        self.keys: dict[str, _Match] = {}
        self.cased: dict[str, tuple[str, ...]] = {}  # ISO codes: matched as typed
        self.first_len: dict[str, int] = {}  # first word of a key → most words in such a key
        self.english: dict[str, tuple[str, ...]] = {}  # for plurals ("Kazakhs")
        self.turkic: dict[str, tuple[str, ...]] = {}  # for case suffixes ("Rusyada")
        self.cjk: dict[str, tuple[str, ...]] = {}
        self.titlecase_only: set[str] = set()
        self.short: dict[str, tuple[str, ...]] = {}  # "çad", "irã": short names, unfolded
        self._cjk_lengths: list[int] = []
        self._fuzzy_lists: dict[tuple[bool, int], list[str]] = {}
        self._fuzzy_codes: dict[str, tuple[str, ...]] = {}
        self._fuzzy_forms: frozenset[str] = frozenset()
        self._fuzzy_cache: dict[tuple[str, bool], tuple[str, tuple[str, ...]] | None] = {}
        self._build(snapshot)

    # -- building ------------------------------------------------------------------------

    def _resolve(self, codes: Iterable[str]) -> tuple[str, ...]:
        """Prefer current codes: a name shared with an early split entry is the country."""
        codes = set(codes)
        current = codes & self.current
        return tuple(sorted(current or codes))

    def _build(self, snapshot: Snapshot) -> None:
        # key → tier → codes.  The first tier present wins: RSF's and the curated names
        # (0) over generated CLDR names (1) over generated case forms (2), so the curated
        # "Конго" (Congo-Brazzaville, as RSF calls it) is not undone by Kazakh CLDR's
        # "Конго" for DR Congo.
        tiers: dict[str, dict[int, set[str]]] = {}
        english: dict[str, set[str]] = {}
        turkic: dict[str, set[str]] = {}
        # Typos are corrected towards names in the languages people write to the bot in:
        # every CLDR language's names would put a real word within two letters of some
        # name ("service" ~ French "Serbie").
        fuzzy_keys: set[str] = set()
        fuzzy_forms: set[str] = set()  # generated case forms: for clear typos only

        def add(key: str, tier: int, code: str) -> None:
            tiers.setdefault(key, {}).setdefault(tier, set()).add(code)

        for alias in snapshot.aliases:
            if alias.code not in snapshot.countries:
                continue
            text = alias.alias.strip()
            if alias.source == "iso":
                self.cased[text] = (*self.cased.get(text, ()), alias.code)
                continue
            key = text if alias.source == "flag" else normalize(text)
            if not key:
                continue
            if text.isascii() and text.isupper() and key in _STOPWORDS | _SHOUTED_WORDS:
                # "US", "CAR": all-caps curated names of common words match as typed.
                self.cased[text] = (*self.cased.get(text, ()), alias.code)
                continue
            if key in _STOPWORDS or key in _FOREIGN_WORDS.get(alias.lang, ()):
                continue
            if key in _COMMON_NAMES_TITLECASE:
                self.titlecase_only.add(key)
            if len(key) <= 3 and key.isascii() and alias.source not in ("curated", "flag"):
                # "Irã" → "ira", "Çad" → "cad": too short once folded to be told from
                # words, so such names match only as written, accents and all.
                if not text.isascii():
                    self.short[text.casefold()] = (*self.short.get(text.casefold(), ()), alias.code)
                continue
            tier = 1 if alias.source in ("cldr", "variant") else 0
            add(key, tier, alias.code)
            if INVISIBLE_RE.search(text):  # a Persian ZWNJ is typed as a space too
                add(normalize(INVISIBLE_RE.sub(" ", text)), tier, alias.code)
            demonym = alias.source == "curated" and (
                alias.lang == "en" or key.endswith(_ADJECTIVE_SUFFIXES)
            )
            if alias.lang in _FUZZY_LANGS and not demonym:
                fuzzy_keys.add(key)
            if alias.lang == "en" and alias.source == "curated" and " " not in key:
                english.setdefault(key, set()).add(alias.code)  # demonyms, for plurals
            if alias.lang in _TURKIC_LANGS and " " not in key:
                turkic.setdefault(key, set()).add(alias.code)
            if alias.lang in ("ru", "uk", "be"):
                if text.isupper():
                    continue  # "ЦАР", "ЮАР": abbreviations do not decline ("царе" is no CAR)
                for form in inflections(text, alias.lang):
                    if form not in _STOPWORDS:
                        add(form, 2, alias.code)
                        if not demonym:
                            fuzzy_forms.add(form)
                        if key in _COMMON_NAMES_TITLECASE:
                            self.titlecase_only.add(form)
        for key, by_tier in tiers.items():
            self.keys[key] = _Match(self._resolve(by_tier[min(by_tier)]))
        for key, region in _REGION_NAMES.items():
            self.keys.setdefault(key, _Match((), region))
            for form in inflections(key, "ru") if _CYRILLIC_RE.search(key) else ():
                self.keys.setdefault(form, _Match((), region))
        for key in self.keys:
            words = key.split(" ")
            if len(words) <= _MAX_KEY_WORDS:
                self.first_len[words[0]] = max(self.first_len.get(words[0], 0), len(words))
            if _CJK_RE.search(key) and " " not in key:
                self.cjk[key] = self.keys[key].codes
        self._cjk_lengths = sorted({len(k) for k in self.cjk}, reverse=True)
        # Type-ahead (prefix_matches): every name of a current country, folded and sorted,
        # so that the names beginning with what was typed are one bisection away.
        # Each name notes its language and whether it is the country's own (RSF's or CLDR's).
        self._prefix_names = sorted(
            {
                (alias.alias if alias.source == "flag" else normalize(alias.alias),
                 alias.code, alias.lang, alias.source in ("rsf", "cldr"))
                for alias in snapshot.aliases
                if alias.code in self.current
            }
        )  # fmt: skip
        self._prefix_keys = [name[0] for name in self._prefix_names]
        self.cased = {k: self._resolve(v) for k, v in self.cased.items()}
        self.short = {k: self._resolve(v) for k, v in self.short.items()}
        self.english = {k: self._resolve(v) for k, v in english.items()}
        self.turkic = {k: self._resolve(v) for k, v in turkic.items()}
        # Fuzzy choices: one-word names of four letters or more in Latin or Cyrillic script
        # (the short ones only ever offered, see _TYPO_VERDICTS), bucketed by script and
        # length so one call compares a word with a few hundred names.  Names that are also
        # common words ("гана", "чад") are matched as written or not at all.
        self._fuzzy_forms = frozenset(fuzzy_forms - fuzzy_keys)
        for key in sorted(fuzzy_keys | fuzzy_forms):  # sorted: the same order every run
            match = self.keys.get(key, _NO_MATCH)
            if (
                match.region or len(match.codes) != 1 or len(key) < _MIN_TYPO_WORD
                or " " in key or key in self.titlecase_only
            ):  # fmt: skip
                continue
            cyrillic = bool(_CYRILLIC_RE.match(key))
            if not cyrillic and not key.isascii():
                continue
            self._fuzzy_codes[key] = match.codes
            for length in range(len(key) - 2, len(key) + 3):
                self._fuzzy_lists.setdefault((cyrillic, length), []).append(key)

    # -- parsing -------------------------------------------------------------------------

    def parse(self, text: str, lang: str | None = None) -> Query:
        """Understand one message; ``lang`` is the user's Telegram language code, if any."""
        command = None
        body = text
        if found := _COMMAND_RE.match(text):
            command = found.group(1).lower()
            body = text[found.end() :]
        body = clean(body)
        tokens = tokenize(body)
        parsed = self._walk(tokens, body)
        return self._decide(text, body, tokens, parsed, command, lang)

    def country_list(self, text: str, lang: str | None = None) -> tuple[list[str], list[str]]:
        """Countries listed as /subscribe and /chart take them: (the codes, in the order
        written and once each; the parts that name no country).

        "Kazakhstan, Kyrgyzstan, Narnia" → (["KAZ", "KGZ"], ["Narnia"]), and "Kazakhstan
        Kyrgyzstan" → (["KAZ", "KGZ"], []).  Commas, semicolons and new lines separate
        parts; within a part names are read as in a question, so "and"/"и" separate two
        ("Kazakhstan and Narnia") yet "Trinidad and Tobago" stays one country.  Only a sure
        match counts: a near miss ("Chna") or a name of two countries ("Korea") is a part
        not understood.  A part that is a bare ISO code counts in any case ("kz, uz"): a
        list has no words to mistake for codes.  Names are read in every language, so
        ``lang`` (the user's, as for :meth:`parse`) changes nothing today.
        """
        codes: list[str] = []
        unknown: list[str] = []
        for part in _LIST_SPLIT_RE.split(text):
            body = clean(part)
            tokens = tokenize(body)
            if len(tokens) == 1 and len(code := self.cased.get(tokens[0].raw.upper(), ())) == 1:
                codes.append(code[0])
                continue
            parsed = self._walk(tokens, body)
            codes.extend(code for _, code in sorted(parsed.countries))
            found = {i for i, _ in parsed.countries}
            unclear = set(parsed.unclear) | {
                i for i in parsed.leftovers if i not in found and tokens[i].norm not in _STOPWORDS
            }
            runs: list[list[_Token]] = []  # unexplained words next to each other: one part
            for i in sorted(unclear):
                token = tokens[i]
                if runs and i - 1 in unclear and body[runs[-1][-1].end : token.start].isspace():
                    runs[-1].append(token)
                else:
                    runs.append([token])
            unknown.extend(body[run[0].start : run[-1].end] for run in runs)
        return list(dict.fromkeys(codes)), unknown

    def prefix_matches(self, text: str, lang: str, limit: int = 50) -> list[str]:
        """Current countries with a name beginning with ``text`` (case, accents and
        punctuation aside), for inline mode as the user types: "kaz" → ["KAZ"], "ni" →
        ["NER", "NGA", "NIC", …].  First the countries whose own name in English or in
        ``lang`` matches, then those with another name in these languages ("Burma",
        "Kazakh"), then the rest (other languages, ISO codes); in each, the shortest name
        first (a finished "niger" is Niger before Nigeria)."""
        prefix = normalize(text)
        if not prefix:
            return []
        langs = {"en", lang.split("-")[0].lower()}
        best: dict[str, tuple[int, int, str]] = {}
        start = bisect_left(self._prefix_keys, prefix)
        for key, code, name_lang, own in islice(self._prefix_names, start, None):
            if not key.startswith(prefix):
                break
            order = (0 if own else 1) if name_lang in langs else 2, len(key), key
            if code not in best or order < best[code]:
                best[code] = order
        return sorted(best, key=best.__getitem__)[: max(0, limit)]

    def _lookup(self, tokens: Sequence[_Token], i: int, shouting: bool) -> tuple[int, _Match]:
        """The longest name starting at token ``i``: (number of tokens, match) or (0, …)."""
        token = tokens[i]
        norm = token.norm
        most = self.first_len.get(norm, 0)
        n = len(tokens)
        if most:
            for size in range(min(most, n - i), 0, -1):
                if size == 1:
                    key = norm
                else:
                    if any(t.kind == _NUM for t in tokens[i + 1 : i + size]):
                        continue
                    key = " ".join(t.norm for t in tokens[i : i + size])
                match = self.keys.get(key)
                if match is None:
                    continue
                if key in self.titlecase_only and not tokens[i].raw[:1].isupper():
                    continue
                return size, match
        if token.kind == _FLAG:
            return 0, _NO_MATCH
        raw = token.raw
        if raw.isupper() and raw.isascii() and 2 <= len(raw) <= 4:
            codes = self.cased.get(raw)
            if codes and not (shouting and norm in _STOPWORDS | _SHOUTED_WORDS):
                return 1, _Match(codes)
        if token.kind != _WORD:
            return 0, _NO_MATCH
        if len(norm) < 4:
            codes = self.short.get(raw.casefold()) if len(norm) <= 3 else None
            return (1, _Match(codes)) if codes else (0, _NO_MATCH)
        if norm.endswith("s") and (codes := self.english.get(norm[:-1])):
            return 1, _Match(codes)  # "Kazakhs", "Americans"
        if "'" in raw or "’" in raw or "ʼ" in raw:
            head = _APOSTROPHE_RE.split(fold(raw), 1)[0]
            if len(head) >= 4 and (match := self.keys.get(head)) and match.codes:
                return 1, match  # "Türkiye'de", "Kazakistan'ın"
        for suffix in _TURKIC_SUFFIXES:
            if norm.endswith(suffix) and len(norm) - len(suffix) >= 5:  # not "мали|на"
                codes = self.turkic.get(norm[: -len(suffix)])
                if codes:
                    return 1, _Match(codes)
        if _ARABIC_RE.match(norm):
            for prefix in _ARABIC_PREFIXES:
                if norm.startswith(prefix) and (match := self.keys.get(norm[1:])):
                    return 1, match
        if self._cjk_lengths and _CJK_RE.search(norm):
            for length in self._cjk_lengths:
                for start in range(0, len(norm) - length + 1):
                    codes = self.cjk.get(norm[start : start + length])
                    if codes:
                        return 1, _Match(codes)
        return 0, _NO_MATCH

    def _features_at(self, tokens: Sequence[_Token], i: int) -> tuple[int, tuple[str, ...]]:
        """The longest vocabulary phrase at ``i`` (up to four words), else a Russian stem."""
        n = len(tokens)
        for size in range(min(4, n - i), 1, -1):
            key = " ".join(t.norm for t in tokens[i : i + size])
            if (found := _EN_FEATURES.get(key)) is not None:
                return size, found
        norm = tokens[i].norm
        if (found := _EN_FEATURES.get(norm)) is not None:
            return 1, found
        if tokens[i].kind == _WORD and _CYRILLIC_RE.match(norm):
            for length in _RU_STEM_LENGTHS:
                if length <= len(norm) and (found := _RU_STEMS.get(norm[:length])):
                    return 1, found
        return 0, ()

    def _walk(self, tokens: Sequence[_Token], text: str) -> _Parse:
        parsed = _Parse()
        letters = [c for c in text if c.isalpha()]
        shouting = len(tokens) > 1 and bool(letters) and all(not c.islower() for c in letters)
        i = 0
        n = len(tokens)
        while i < n:
            size, match = self._lookup(tokens, i, shouting)
            fsize, features = self._features_at(tokens, i)
            if fsize > size or (fsize == size and fsize and "lang" in features):
                for feature in features:
                    parsed.features.append((i, feature))
                i += fsize
                continue
            if size:
                if match.region:
                    parsed.regions.append(match.region)
                elif len(match.codes) == 1:
                    parsed.countries.append((i, match.codes[0]))
                elif match.codes:
                    parsed.unclear.extend(range(i, i + size))
                    if not parsed.candidates:
                        parsed.candidates = match.codes[:3]
                        parsed.unknown = " ".join(t.raw for t in tokens[i : i + size])
                i += size
                continue
            if tokens[i].kind == _WORD:
                parsed.leftovers.append(i)
            i += 1
        for i in parsed.leftovers:
            self._fuzzy_token(tokens, i, parsed)
        return parsed

    def _fuzzy_token(self, tokens: Sequence[_Token], i: int, parsed: _Parse) -> None:
        token = tokens[i]
        norm = token.norm
        if len(norm) < _MIN_TYPO_WORD or norm in _VOCABULARY or norm in _NEAR_NAME_WORDS:
            return
        cyrillic = bool(_CYRILLIC_RE.match(norm))
        if cyrillic:
            if norm.startswith(_RU_KNOWN_PREFIXES):
                return
        elif not norm.isascii():
            return
        result = self._fuzzy(norm, cyrillic)
        if result is None:
            return
        verdict, codes = result
        if verdict == "accept":
            parsed.countries.append((i, codes[0]))
        elif not parsed.candidates and (
            verdict == "ask"
            or len(tokens) == 1
            or (token.raw[:1].isupper() and (i or len(tokens) <= 3))
        ):
            # A weak match is worth a question only for a word written like a name or
            # typed alone; a strong one tied between countries ("austrlia") always is.
            parsed.candidates = codes
            parsed.unknown = token.raw

    def _fuzzy(self, word: str, cyrillic: bool) -> tuple[str, tuple[str, ...]] | None:
        """("accept", (code,)) for a clear typo; ("ask", codes) for a clear typo of several
        countries at once; ("maybe", codes) for a weak match; None when no name is near.
        The nearest names decide, as :data:`_TYPO_VERDICTS` says."""
        cache_key = (word, cyrillic)
        if cache_key in self._fuzzy_cache:
            return self._fuzzy_cache[cache_key]
        choices = self._fuzzy_lists.get((cyrillic, len(word)), [])
        hits = [
            # Two letters swapped around a third ("Lybia") are one typo too.
            (key, 1 if d == 2 and _swapped_around(word, key) else d)
            for key, d, _ in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=2, limit=12
            )
        ]
        # Nearest first; among names as near, the most alike ("austrlia": Australia).
        hits.sort(key=lambda hit: (hit[1], -fuzz.ratio(word, hit[0]), hit[0]))
        best = hits[0][1] if hits else 0
        # Two typos only in names of six letters or more: "think" is two from "china".
        keys = [key for key, d in hits if d == best and (d == 1 or len(key) >= 6)]
        verdict = keys and _TYPO_VERDICTS.get((best, min(len(word), *map(len, keys), _LONG_WORD)))
        # A typo seldom hits the first letter: one that does must be the only one
        # ("Jermany").  A weak match must begin right ("think" is no "China") and be a
        # name as written, not a case form ("куда" is one letter from "кубу", Cuba).
        if verdict == "accept":
            keys = [key for key in keys if key[0] == word[0] or key[1:] == word[1:]]
        elif verdict == "maybe":
            keys = [key for key in keys if key[0] == word[0] and key not in self._fuzzy_forms]
        codes: list[str] = []
        for key in keys:
            codes.extend(code for code in self._fuzzy_codes[key] if code not in codes)
        if verdict == "accept" and len(codes) > 1:
            verdict = "ask"  # as near to two countries: ask which
        result = (verdict, tuple(codes[:3])) if verdict and codes else None
        return self._remember(cache_key, result)

    def _remember(
        self, key: tuple[str, bool], result: tuple[str, tuple[str, ...]] | None
    ) -> tuple[str, tuple[str, ...]] | None:
        if len(self._fuzzy_cache) >= _FUZZY_CACHE_SIZE:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[key] = result
        return result

    # -- deciding ------------------------------------------------------------------------

    def _decide(
        self,
        text: str,
        body: str,
        tokens: Sequence[_Token],
        parsed: _Parse,
        command: str | None,
        hint: str | None,
    ) -> Query:
        features = parsed.features
        names = {f for _, f in features}
        # The project's one rule for the interface language (a command's name says nothing
        # of it), unless the question asks for a language outright ("in Russian").
        lang = pick_lang(hint, body)
        if "lang:en" in names:
            lang = "en"
        elif "lang:ru" in names:
            lang = "ru"

        search = self._search_terms(body, tokens, parsed, command)
        search_terms = span = None
        if search is not None:
            search_terms, span = search
            # Words inside the searched phrase are what is looked for, not the question's
            # countries or topic: "search 'foreign agents'" is no question about the law.
            features = [(i, f) for i, f in features if i not in span]
        countries: list[str] = []
        for i, code in sorted(parsed.countries):
            if code not in countries and (span is None or i not in span):
                countries.append(code)

        marks: dict[int, set[str]] = {}
        for i, feature in features:
            marks.setdefault(i, set()).add(feature)
        topic = self._topic(features)
        year, since, numbers = self._years(tokens, marks, names)

        ranking = self._ranking(body, tokens, parsed, marks, topic, numbers, command)
        intent: Intent
        if search_terms is not None:
            intent = "search"
        elif len(countries) >= 2:
            intent = "compare"
        elif countries:
            intent = "profile"
        elif ranking is not None:
            intent = "ranking"
        elif "help" in names or command in ("help", "start"):
            intent = "help"
        elif parsed.candidates or topic or year or since:
            # A follow-up ("and in 2023?", "are journalists safe there?") or a near miss:
            # the answer layer takes the country from the conversation or asks.
            intent = "profile"
        else:
            intent = "none"
        if intent != "ranking":
            ranking = None
        return Query(
            text=text,
            intent=intent,
            countries=tuple(countries),
            topic=topic,
            year=year,
            since=since,
            ranking=ranking,
            search_terms=search_terms,
            candidates=parsed.candidates,
            unknown=parsed.unknown,
            lang=lang,
        )

    @staticmethod
    def _topic(features: Sequence[tuple[int, str]]) -> str | None:
        """The most named topic; on a tie the one named first."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for index, feature in features:
            if feature.startswith("topic:"):
                name = feature[6:]
                counts[name] = counts.get(name, 0) + 1
                first.setdefault(name, index)
        if not counts:
            return None
        best = max(counts.items(), key=lambda kv: (kv[1], -first[kv[0]]))[0]
        return best if best in TOPICS else None

    def _years(
        self, tokens: Sequence[_Token], marks: dict[int, set[str]], names: set[str]
    ) -> tuple[int | None, int | None, list[tuple[int, int]]]:
        """(year, since, the other numbers as (token index, value)).

        A four-digit number from :data:`_FIRST_YEAR` to 2100 is a year unless it is an
        ordinal or follows "top"; "since"/"from"/"с" make it the start of a span ("from 2015
        to 2020" and "2015–2020" too: the answer shows the history from that year on).  A
        year without an index (1999) is still the year asked: the answer says there is none.
        """
        year = since = None
        plain: list[int] = []
        numbers: list[tuple[int, int]] = []
        for i, token in enumerate(tokens):
            if token.kind != _NUM:
                continue
            value = int(token.raw)
            if not (
                len(token.raw) == 4 and _FIRST_YEAR <= value <= 2100 and not token.ordinal
                and not (i and tokens[i - 1].norm in ("top", "топ", "number", "no"))
            ):  # fmt: skip
                numbers.append((i, value))
                continue
            before = marks.get(i - 1, set())
            if "yr:since" in before or (
                "yr:since" in marks.get(i - 2, set()) and tokens[i - 1].norm in _SINCE_GLUE
            ):
                since = value
            elif "yr:until" in before and (since is not None or plain):
                continue  # the end of a span: the history runs to the latest index anyway
            else:
                plain.append(value)
        if since is None and len(set(plain)) >= 2:
            since = min(plain)  # "2015–2020", "2020 and 2024"
        elif since is None and plain:
            year = plain[0]
        latest = self.latest_year
        if latest is None or year is not None or since is not None:
            return year, since, numbers
        if "yr:last" in names:
            last_at = next(i for i, f in _flat(marks) if f == "yr:last")
            if "yr:since" in marks.get(last_at - 1, set()):
                since = latest - 1  # "since last year"
            else:
                year = latest - 1
        elif "yr:prev2" in names:
            year = latest - 2
        elif "yr:this" in names:
            year = latest
        elif "yr:ago" in names:
            ago = next((v for i, v in numbers if marks.get(i + 1, set()) & {"years", "yr:ago"}), 1)
            if 0 < ago < 30:
                year = latest - ago
        elif "yr:lastn" in names and "years" in names:
            span = next((v for i, v in numbers if "years" in marks.get(i + 1, set())), None)
            if span is None:
                span = next((int(f[4:]) for f in names if f.startswith("num:")), None)
            if span and 0 < span < 30:
                since = latest - span + 1
        if since is None and year is None and "yr:history" in names and self.years:
            since = self.years[0]
        return year, since, numbers

    def _ranking(
        self,
        body: str,
        tokens: Sequence[_Token],
        parsed: _Parse,
        marks: dict[int, set[str]],
        topic: str | None,
        numbers: list[tuple[int, int]],
        command: str | None,
    ) -> Ranking | None:
        names = {f for _, f in parsed.features}
        position: int | None = None
        position_at: int | None = None
        for i, value in numbers:
            token = tokens[i]
            hashed = body[token.start - 1 : token.start] in ("#", "№")
            if 1 <= value <= 200 and (
                token.ordinal or hashed
                or "posword" in marks.get(i - 1, set()) or "posword" in marks.get(i + 1, set())
            ):  # fmt: skip
                position, position_at = value, i
                break
        if position is None:
            position = next((int(f[4:]) for f in names if f.startswith("pos:")), None)
        region, subregion = parsed.regions[0] if parsed.regions else (None, None)
        wants = (
            "rank" in names or region is not None or position is not None
            or command in ("top", "ranking", "rank", "bottom", "worst")
            or ("plural" in names and ("neg" in names or "pos" in names))
            or ("most" in names and ("neg" in names or "pos" in names))
            or ("least" in names and ("neg" in names or "pos" in names))
        )  # fmt: skip
        if not wants:
            return None
        # Order: said outright, else from "most"/"least" + an adjective's polarity.
        bottom = "bottom" in names or command in ("bottom", "worst")
        top = "top" in names
        if not bottom and not top:
            for i, feature in parsed.features:
                if feature in ("most", "least"):
                    # "most dangerous", "jailed the most"
                    near = (
                        marks.get(i + 1, set()) | marks.get(i + 2, set())
                        | marks.get(i - 1, set()) | marks.get(i - 2, set())
                    )  # fmt: skip
                    if "neg" in near or "pos" in near:
                        negative = "neg" in near and "pos" not in near
                        bottom = negative == (feature == "most")
                        break
            else:
                if "plural" in names and "neg" in names and "pos" not in names:
                    bottom = True
        limit: int | None = None
        for i, value in numbers:
            if 0 < value <= 1000 and i != position_at:
                near = (
                    marks.get(i - 1, set()) | marks.get(i + 1, set())
                    | marks.get(i - 2, set()) | marks.get(i + 2, set())
                )  # fmt: skip
                if near & {"count", "top", "bottom", "rank", "plural"} and not (tokens[i].ordinal):
                    limit = value
                    break
        if limit is None:
            for i, feature in parsed.features:
                if feature.startswith("num:"):
                    near = marks.get(i - 1, set()) | marks.get(i + 1, set())
                    if near & {"count", "top", "bottom", "rank", "plural"}:
                        limit = int(feature[4:])
                        break
        if limit is None:
            one = "last1" in names or ("sing" in names and "plural" not in names)
            limit = 1 if one and position is None else DEFAULT_LIMIT
        indicator = TOPIC_INDICATOR.get(topic) if topic else None
        return Ranking(
            order="bottom" if bottom else "top",
            limit=max(1, min(limit, MAX_RANKING)),
            region=region if region in REGIONS else None,
            subregion=subregion if subregion in SUBREGIONS else None,
            indicator=indicator,
            position=position,
        )

    @staticmethod
    def _search_terms(
        body: str, tokens: Sequence[_Token], parsed: _Parse, command: str | None
    ) -> tuple[str, range] | None:
        """The words to look for in profile texts and the tokens they span, or None when
        the message is no search.  "which profiles mention Pegasus" → after the trigger;
        "where is Pegasus mentioned" → before it; a quoted phrase wins."""
        triggers = [i for i, f in parsed.features if f == "search"]
        if command == "search":
            triggers = [-1]
        if not triggers:
            return None
        if quoted := _QUOTED_RE.search(body):
            inside = [i for i, t in enumerate(tokens) if quoted.start() < t.start < quoted.end()]
            span = range(inside[0], inside[-1] + 1) if inside else range(0)
            return quoted.group(1).strip(), span
        trigger = triggers[0]
        end = trigger + 1
        while (
            end < len(tokens)
            and tokens[end].kind == _WORD
            and tokens[end].norm
            in (
                "search",
                "for",
                "the",
                "word",
                "words",
                "term",
                "about",
                "to",
                "of",
                "слово",
                "слова",
                "про",
                "о",
                "об",
            )
        ):
            end += 1  # "search for the word …"
        if end < len(tokens):
            first, last = end, len(tokens) - 1
        else:
            first, last = 0, trigger - 1
            while first <= last and tokens[first].norm in _STOPWORDS | _SEARCH_LEAD:
                first += 1
        while last >= first and tokens[last].norm in _SEARCH_TAIL:
            last -= 1
        if first > last:
            return None
        return body[tokens[first].start : tokens[last].end], range(first, last + 1)


_NO_MATCH = _Match(())


def _swapped_around(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with two letters one apart swapped ("lybia", "libya")."""
    if len(word) != len(name):
        return False
    differ = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
    return (
        len(differ) == 2
        and differ[1] - differ[0] == 2
        and word[differ[0]] == name[differ[1]]
        and word[differ[1]] == name[differ[0]]
    )


def _flat(marks: dict[int, set[str]]) -> list[tuple[int, str]]:
    return sorted((i, f) for i, features in marks.items() for f in features)


# Words between "since"/"from" and a year that keep it a start: "starting from 2020".
_SINCE_GLUE = frozenset({"from", "с", "з", "in", "в"})

# Words around what a search looks for that are not part of it.
_SEARCH_LEAD = frozenset(_words("which what where profiles profile где в каких какие"))
_SEARCH_TAIL = frozenset(_words("please in is are mentioned пожалуйста упоминается"))

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
