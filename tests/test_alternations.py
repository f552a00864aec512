"""A stem's last letter written differently before a suffix (a lexicon's
``alternations``): Kazakh and Kyrgyz voice a final к, қ, п before a vowel, Turkish
softens k, p, t, Tajik writes the izofat of a word in -ӣ as -ии.  The stem found is the
dictionary's word, and only where the rest of the word is a chain of the language's
suffixes."""

from __future__ import annotations

import pytest

from bot.understand import Understander
from bot.understand.lexicon import VOWELS, LexiconError, parse_lexicon
from bot.understand.morphology import stems

_KNOWN = {"кеңістік": 1, "сиесӣ": 2}


def test_a_stem_is_found_under_its_altered_last_letter() -> None:
    assert stems("кеңістігі", frozenset({"і", "ы"}), 1, (), _KNOWN, 1,
                 alternations={"г": ("к", VOWELS)}) == ["кеңістік"]
    assert stems("сиесии", frozenset({"и"}), 1, (), _KNOWN, 2,
                 alternations={"и": ("ӣ", "и")}) == ["сиесӣ"]


def test_only_before_a_chain_of_suffixes_and_only_in_its_language() -> None:
    # "ға" is no suffix of this table: no stem; "ға" begins with no vowel either.
    assert stems("кеңістігға", frozenset({"і"}), 1, (), _KNOWN, 1,
                 alternations={"г": ("к", VOWELS)}) == []
    # Another language's bit: its words are not this language's stems.
    assert stems("кеңістігі", frozenset({"і"}), 1, (), _KNOWN, 2,
                 alternations={"г": ("к", VOWELS)}) == []
    # Without the table, nothing is altered.
    assert stems("кеңістігі", frozenset({"і"}), 1, (), _KNOWN, 1) == []


def test_a_lexicon_states_its_alternations_as_pairs_of_letters() -> None:
    text = ('language = "xx"\n[morphology]\nsource = "s"\nsuffixes = "і"\n'
            'alternations = "г к, и ӣ и"\n[stop]\nsource = "s"\nwords = "a"\n')
    assert parse_lexicon(text, "xx.toml").alternations == (("г", "к", VOWELS),
                                                           ("и", "ӣ", "и"))
    with pytest.raises(LexiconError, match="two letters"):
        parse_lexicon(text.replace('"г к, и ӣ и"', '"гк"'), "xx.toml")


def test_only_before_the_letters_the_change_happens_before() -> None:
    suffixes = frozenset({"он", "и"})
    assert stems("миллион", suffixes, 2, (), {"миллӣ": 1}, 1,
                 alternations={"и": ("ӣ", "и")}) == []  # a Russian million, no Tajik word
    assert stems("миллии", suffixes, 2, (), {"миллӣ": 1}, 1,
                 alternations={"и": ("ӣ", "и")}) == ["миллӣ"]


@pytest.mark.parametrize("word", ["monde", "verde", "verdade", "agenda", "cuba", "boden",
                                  "midi", "миллион", "германия"])
def test_words_of_other_languages_gain_no_altered_stem(understander: Understander,
                                                       word: str) -> None:
    # Turkish softens only k (no "mont" in "monde", no "cup" in "cuba"), Tajik changes -ӣ
    # only before the izofat (no "миллӣ" in "миллион").  A word of a Turkic language's
    # shape is still read so ("yoga" is "yok|a" in Turkish): a stem's senses count only in
    # that language's questions.
    state = understander.state()
    for lang, table in state["alternations"].items():
        suffixes, longest, prefixes, _ = state["morph"][lang]
        bit = 1 << state["langs"].index(lang)
        plain = stems(word, frozenset(suffixes), longest, prefixes, state["stems"], bit)
        altered = stems(word, frozenset(suffixes), longest, prefixes, state["stems"], bit,
                        alternations=table)
        assert altered == plain, (word, lang, altered)


@pytest.mark.parametrize(("text", "country", "topic"), [
    ("вазъи сиёсии Тоҷикистон", "TJK", "political"),  # сиёсӣ + izofat
    ("Өзбекстанның ақпарат кеңістігі", "UZB", "landscape"),  # кеңістік + і
    ("Казакстандын маалымат мейкиндиги", "KAZ", "landscape"),  # мейкиндик + и
    ("Azerbaycan'da gazetecilerin güvenliği", "AZE", "safety"),  # güvenlik + i
])
def test_questions_with_altered_stems(understander: Understander, text: str, country: str,
                                      topic: str) -> None:
    query = understander.parse(text)
    assert (query.countries, query.topic) == ((country,), topic)
