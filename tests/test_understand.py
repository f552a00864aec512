"""The understanding of questions: the table of phrasings (tests/phrasings.py), then the
rules that hold for any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phrasings import CHIT_CHAT, PHRASINGS, Expected

from bot.domain import INDICATORS, REGIONS, SUBREGIONS, TOPICS
from bot.i18n import LANGS
from bot.query import INTENTS
from bot.store import Snapshot
from bot.understand import Understander, normalize

HISTORIC_NAMES = {
    "YUG": ("Federal Republic of Yugoslavia", "Yugoslavia"),
    # RSF's one entry for Serbia and Montenegro in 2003-2006, named with such a year.
    "SCG": ("Serbia-Montenegro", "Serbia and Montenegro 2005"),
    "GRD": ("Grenada",),
    "USA2": ("United States (US territory)",),
}


@pytest.mark.parametrize(("text", "expected"), PHRASINGS, ids=[t for t, _ in PHRASINGS])
def test_phrasing(understander: Understander, text: str, expected: Expected) -> None:
    query = understander.parse(text, expected.hint, chosen=expected.chosen)
    assert not expected.mismatches(query), "\n".join(expected.mismatches(query))


def test_the_table_covers_enough(snapshot: Snapshot) -> None:
    assert len(PHRASINGS) >= 300
    intents = {e.intent for _, e in PHRASINGS}
    assert intents <= set(INTENTS)
    assert intents >= {"profile", "compare", "ranking", "search", "chart", "help", "none"}
    assert {e.topic for _, e in PHRASINGS} >= set(TOPICS)
    ranked = [e.ranking for _, e in PHRASINGS if e.ranking]
    assert {r.region for r in ranked} >= set(REGIONS)


def test_current_codes_unless_the_historic_entity_is_named(
    snapshot: Snapshot, understander: Understander
) -> None:
    current = {c for c, v in snapshot.countries.items() if v.last_year == snapshot.latest_year}
    for text, _ in PHRASINGS:
        query = understander.parse(text)
        historic = set(query.countries) - current
        for code in historic:
            names = HISTORIC_NAMES.get(code, ())
            assert any(normalize(n) in normalize(text) for n in names), (text, code)
    assert understander.parse("United States").countries == ("USA",)
    assert understander.parse("Israel in 2003").countries == ("ISR",)
    for code, names in HISTORIC_NAMES.items():
        for name in names:
            assert understander.parse(name).countries == (code,)


def test_a_fresh_index_per_snapshot_gives_the_same_answers(
    snapshot: Snapshot, understander: Understander
) -> None:
    other = Understander(snapshot)
    for text, expected in PHRASINGS[:50]:
        assert other.parse(text, expected.hint) == understander.parse(text, expected.hint)


def test_the_fuzzy_cache_stays_bounded(snapshot: Snapshot, understander: Understander) -> None:
    # Its own caches, over the session's index (building one anew takes seconds).
    understander = Understander(snapshot, understander.state())
    for n in range(25_000):
        understander.parse(f"Kazakhstan{n:05d}x Qazaq{n:05d}")
    assert len(understander._fuzzy_cache) <= 20_000
    assert len(understander._word_cache) <= 20_000


def test_chit_chat_names_no_country(understander: Understander) -> None:
    """The false-positive rate over ordinary English and Russian messages is zero."""
    assert len(CHIT_CHAT) >= 190
    found = {}
    for text in CHIT_CHAT:
        for hint in (None, "ru"):
            query = understander.parse(text, hint)
            if query.countries or query.candidates:
                found[text] = (query.countries, query.candidates)
    assert not found, f"{len(found)} of {len(CHIT_CHAT)} name a country: {found}"


def test_real_words_near_names_are_ones_the_typo_rules_would_take(
    understander: Understander,
) -> None:
    """The real words kept from the typo step (wordfreq's, found when the index is built)
    are what they say: real words of a reader's language, no name, each one the typo rules
    would take for a country or ask about; and common words near names are among them."""
    real = understander.state()["real_words"]
    assert {"hungry", "several", "ivan", "susan"} <= real
    stale = [
        word for word in sorted(real)
        if word in understander.names or (
            understander._three_letters(word) if len(word) == 3 else understander._fuzzy(word)
        ) is None
    ]  # fmt: skip
    assert not stale
    for word in ("hungry", "больше", "several"):
        assert understander.parse(word).countries == ()


@pytest.mark.parametrize(
    ("text", "codes", "unknown"),
    [
        ("Kazakhstan, Kyrgyzstan, Narnia", ["KAZ", "KGZ"], ["Narnia"]),
        ("Kazakhstan Kyrgyzstan", ["KAZ", "KGZ"], []),
        ("Kazakhstan and Narnia", ["KAZ"], ["Narnia"]),
        ("Казахстан и Киргизия; Узбекистан", ["KAZ", "KGZ", "UZB"], []),
        ("Trinidad and Tobago, Bosnia and Herzegovina", ["TTO", "BIH"], []),
        ("Niger\nNigeria\nNiger", ["NER", "NGA"], []),
        ("kz, uz, DE", ["KAZ", "UZB", "DEU"], []),
        ("🇰🇿 🇺🇿", ["KAZ", "UZB"], []),
        ("Kazahstan, Jermany", ["KAZ", "DEU"], []),
        ("Korea, Meksico", [], ["Korea", "Meksico"]),
        ("Narnia Gondor, Kazakhstan Mordor", ["KAZ"], ["Narnia Gondor", "Mordor"]),
        ("Narnia & Gondor", [], ["Narnia", "Gondor"]),
        ("the Netherlands, the UK", ["NLD", "GBR"], []),
        ("", [], []),
        (" ,; ", [], []),
    ],
)
def test_country_list(
    understander: Understander, text: str, codes: list[str], unknown: list[str]
) -> None:
    assert understander.country_list(text, "en") == (codes, unknown)


def test_prefix_matches(understander: Understander) -> None:
    assert understander.prefix_matches("kaz", "en") == ["KAZ"]
    assert understander.prefix_matches("Ni", "en")[:3] == ["NER", "NGA", "NIC"]
    assert understander.prefix_matches("niger", "en") == ["NER", "NGA"]
    assert understander.prefix_matches("каз", "ru") == ["KAZ"]
    assert understander.prefix_matches("Гер", "ru") == ["DEU"]
    assert understander.prefix_matches("Côte d’", "fr") == ["CIV"]
    assert set(understander.prefix_matches("south ", "en")) >= {"KOR", "SSD", "ZAF"}
    assert understander.prefix_matches("", "en") == []
    assert understander.prefix_matches("narn", "en") == []
    assert len(understander.prefix_matches("a", "en", limit=5)) == 5
    # Only countries of the current index: "Yugoslavia" is a name of the past.
    assert understander.prefix_matches("yugo", "en") == []
    # Names in the user's language come before names in others: Polish "Niemcy".
    assert understander.prefix_matches("ni", "pl")[:2] == ["NER", "DEU"]
    assert understander.prefix_matches("ni", "en").index("DEU") > 2


def test_tokens_keep_numbers_ordinals_and_flags_apart(understander: Understander) -> None:
    tokens = understander.tokenize("Which is 142nd, #3 or 10-е? 🇰🇿🇺🇿 Kazakhstan's top10")
    kinds = [(t.raw, t.norm, t.ordinal) for t in tokens]
    assert ("142", "142", True) in kinds and ("10", "10", True) in kinds
    assert ("3", "3", False) in kinds
    assert ("🇰🇿", "🇰🇿", False) in kinds and ("🇺🇿", "🇺🇿", False) in kinds
    assert ("Kazakhstan's", "kazakhstans", False) in kinds
    assert next(t.base for t in tokens if t.raw == "Kazakhstan's") == "kazakhstan"
    assert ("top", "top", False) in kinds and ("10", "10", False) in kinds


text_strategy = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.sampled_from(
            [
                "Kazakhstan",
                "KZ",
                "в",
                "Казахстане",
                "top",
                "10",
                "worst",
                "in",
                "Asia",
                "2023",
                "since",
                "142nd",
                "compare",
                "and",
                "vs",
                "mention",
                "Pegasus",
                "🇰🇿",
                "safe",
                "jailed",
                "Korea",
                "Austrlia",
                "help",
                "#",
                "'s",
                "U.S.",
                "-",
                "?",
                "самые",
                "опасные",
                "ЦАР",
                "Guinea",
                "Bissau",
                "\u0301",
                "ُ",
                "\n",
            ]
        ),
        max_size=25,
    ).map(" ".join),
)


@settings(max_examples=400, deadline=None)
@given(text=text_strategy, hint=st.sampled_from([None, "en", "ru", "kk", "de", "", "ru-RU"]))
def test_any_text_gives_a_well_formed_query(
    understander: Understander, snapshot: Snapshot, text: str, hint: str | None
) -> None:
    query = understander.parse(text, hint)
    assert query.text == text
    assert query.intent in INTENTS
    assert query.lang in LANGS
    assert all(code in snapshot.countries for code in query.countries)
    assert len(set(query.countries)) == len(query.countries)
    assert query.topic is None or query.topic in TOPICS
    assert query.year is None or 1990 <= query.year <= 2100
    assert query.since is None or 1990 <= query.since <= 2100
    assert len(query.candidates) <= 3 and (query.unknown is None) == (not query.candidates)
    if query.intent == "ranking":
        assert query.ranking is not None
        assert 1 <= query.ranking.limit <= 50
        assert query.ranking.region is None or query.ranking.region in REGIONS
        if query.ranking.subregion is not None:
            assert SUBREGIONS[query.ranking.subregion][0] == query.ranking.region
        assert query.ranking.indicator is None or query.ranking.indicator in INDICATORS
    else:
        assert query.ranking is None
    assert (query.intent == "search") == (query.search_terms is not None)
    if query.intent == "compare":
        assert len(query.countries) >= 2


def test_an_abbreviated_name_keeps_its_suffix_or_possessive(understander: Understander) -> None:
    # Two capitals before an apostrophe are a name, not an elided article ("d'Iran"); a
    # suffix written straight onto capitals is read as one too.
    for question, code in (("UK's rank", "GBR"), ("US's rank", "USA"),
                           ("UK'de basın özgürlüğü", "GBR"), ("d'Iran", "IRN"),
                           ("ABDde basın özgürlüğü", "USA"), ("Çin'in medyası", "CHN")):
        assert understander.parse(question).countries == (code,), question
    assert understander.parse("NGOs and the press").countries == ()


def test_a_band_word_apart_from_its_situation_needs_countries_asked_for(
    understander: Understander,
) -> None:
    assert understander.parse("countries whose situation is good").analysis is not None
    # Small talk and a question of another kind are no list of a band.
    for question in ("Salam, vaziyat yaxshi mi?", "Good, and the situation in Europe?"):
        query = understander.parse(question)
        assert query.intent != "band", question


def test_one_edit_at_either_end_of_a_name_of_several_words(understander: Understander) -> None:
    # A run of words is compared with the names only when it begins or ends as one does:
    # an edit among the first letters leaves the last ones, and the other way round.
    cases = {"KOR": ("Xouth Korea", "outh Korea", "oSuth Korea", "SSouth Korea", "Sotuh Korea",
                     "South Koreq", "South Kore", "South Koera", "South Koreaa", "SouthKorea"),
             "CRI": ("Costa Riac", "Cpsta Rica", "Costa Ricaa", "osta Rica")}
    for code, typos in cases.items():
        for typo in typos:
            question = f"press freedom in {typo}"
            assert understander.parse(question).countries == (code,), question


def test_a_misspelt_word_of_the_lexicons_says_what_the_word_says(
    understander: Understander,
) -> None:
    # One edit from words that ask for a ranking, a comparison or a chart (six letters or
    # more), or from words of the press or of a topic (nine or more) that agree on the
    # topic, and no common word itself: read as the word spelt right would be.
    for question, topic in (("censorhip in Iran", "political"),
                            ("безопастность журналистов в Казахстане", "safety"),
                            ("Selbstzenzur der Journalisten in China", "social")):
        assert understander.parse(question).topic == topic, question
    for typo, right in (("deadlliest countries for journalists",
                         "deadliest countries for journalists"),
                        ("weather informaton for Italy", "weather information for Italy"),
                        ("chna and censorhip", "censorhip and chna"),
                        ("comapre norway and finland", "compare norway and finland"),
                        ("rankng of kazakhstan", "ranking of kazakhstan"),
                        ("the freeest countries", "the freest countries")):
        got, expected = understander.parse(typo), understander.parse(right)
        assert (got.intent, got.countries, got.topic, got.ranking) == (
            expected.intent, expected.countries, expected.topic, expected.ranking), typo
    # In another language's words only, a guess is dropped as a suffix's reading is:
    # English "contamnation" is no French "condamnation" (a sentence of the law).
    assert understander.parse("water contamnation in Brazil").topic is None


def test_a_region_in_an_everyday_phrase_is_no_ranking(understander: Understander) -> None:
    # As a country's name in "chile con carne": a region's word, asked nothing of, beside
    # words of daily life or words no lexicon explains.
    for question in ("African safari tips for beginners", "Nordic walking poles",
                     "азиатская кухня рецепты"):
        query = understander.parse(question)
        assert (query.intent, query.ranking) == ("none", None), question
    # Named alone, with a year, a word of the press or of a ranking: still the region's.
    for question in ("Europe", "Africa 2023", "africa press", "worst in the Balkans",
                     "Central Asia overview", "Europe pls", "Europa Übersicht"):
        query = understander.parse(question)
        assert query.intent == "ranking" and query.ranking is not None, question


def test_a_german_compound_of_the_press_says_the_topic_it_begins_with(
    understander: Understander,
) -> None:
    # "Sicherheits|indikator": the indicator (its last part), of safety (its first).
    query = understander.parse("Was misst der Sicherheitsindikator?")
    assert query.analysis is not None and query.analysis.indicator == "safety"
    assert understander.parse("Rechtslage der Journalisten in Ungarn").topic == "legal"
    # The last part's own topic stands: security policy is politics, economic security
    # safety; a compound whose last part is no word of the press is read as nothing.
    assert understander.parse("Sicherheitspolitik in Deutschland").topic == "political"
    assert understander.parse("Wirtschaftssicherheit in Deutschland").topic == "safety"
    assert understander.parse("Sicherheitsgurt kaufen in Polen").topic is None
