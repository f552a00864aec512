"""Typos in country names: how near a word must be to a name, and what that makes of it.

The parser hands over only leftover words (no name, no vocabulary, not a real word of a
reader's language that sits near a name: those are found when the index is built, see
:func:`bot.understand.index.real_words_near`); :func:`typo_match` compares one with the
names of about its length (OSA distance: a swap of two neighbours is one edit) and
:data:`_TYPO_VERDICTS` decides whether the nearest name is taken, offered ("did you mean
China?") or not a match.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.understand.features import Feature

# Typos are corrected towards names in the languages people write to the bot in (not
# every CLDR language's: those would put a word no reader writes within two letters of
# some name).
FUZZY_LANGS = frozenset({"en", "ru", "uk", "be", "de", "fr", "es", "pt", "tr", "kk", "ky",
                         "uz", "uz_Cyrl", "tg", "ar", "fa"})  # fmt: skip

# Typos: (d, n) → what a word `d` edits from the nearest country's name makes of it, `n`
# being the length of the shorter of the word and the name (capped at _LONG_WORD); an edit
# is a letter added, dropped or changed, or two neighbours swapped (OSA distance).
# "accept": taken.  "short": one typo in a name of four or five letters ("Mexco",
# "Frane"): taken where the word stands like a name (the parser decides), else offered.
# "maybe": offered only ("did you mean China?"): two typos in a word of six or seven
# letters.  A tie between countries is offered too.  A missing pair is no match.
MIN_TYPO_WORD = 4
#: Misspelt words of the lexicons ("comapre", "rankng", "jurnalists"), read as the words
#: they are one edit from: the least length of the misspelt word, and the features of the
#: words it may stand for.  Words that ask for a ranking, a comparison or a chart (1,800
#: of six letters or more) from six letters: of wordfreq's words of Zipf 1.5-3 in eight
#: languages, one in a thousand of six letters is one edit from one of its own language's.
#: Words of the press and of the topics (9,000, inflected) from nine: of those of seven
#: or eight letters so read, most were other words ("kipling", "избирают"); of nine or
#: more, mostly forms of the press's own ("encarcelada", "inhaftierte", "олигархии").
WORD_TYPOS: tuple[tuple[int, frozenset[Feature]], ...] = (
    (6, frozenset({Feature.TOP, Feature.BOTTOM, Feature.RANK, Feature.MOST, Feature.LEAST,
                   Feature.COMPARE, Feature.CHART})),
    (9, frozenset({Feature.CONTEXT, Feature.TOPIC})),
)
MIN_WORD_TYPO = min(least for least, _ in WORD_TYPOS)
_LONG_WORD = 8
_TYPO_VERDICTS: dict[tuple[int, int], str] = {
    (1, 4): "short", (1, 5): "short", (1, 6): "accept", (1, 7): "accept", (1, 8): "accept",
    (2, 5): "maybe", (2, 6): "maybe", (2, 7): "maybe", (2, 8): "accept",
}  # fmt: skip


def typo_match(
    word: str,
    choices: Sequence[str],
    codes_of: dict[str, tuple[str, ...]],
    case_forms: frozenset[str],
) -> tuple[str, tuple[str, ...]] | None:
    """("accept" or "short", (code,)) for a clear typo; ("ask", codes) for a clear typo of
    several countries at once; ("maybe", codes) for a weak match; None when no name is near.

    ``choices`` are the names to compare ``word`` with, ``codes_of`` their countries;
    ``case_forms`` the generated case forms among them, which a weak match may not be.
    The nearest names decide, as :data:`_TYPO_VERDICTS` says."""
    # Imported here: most questions have no typo, and a process that answers them need
    # not load rapidfuzz at start-up.
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

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
    if verdict in ("accept", "short"):
        keys = [key for key in keys if key[0] == word[0] or _first_letter_only(word, key)]
        if verdict == "short":
            keys = [key for key in keys if key not in case_forms or len(word) >= 5]
    elif verdict == "maybe":
        keys = [key for key in keys if key[0] == word[0] and key not in case_forms]
    codes: list[str] = []
    for key in keys:
        codes.extend(code for code in codes_of[key] if code not in codes)
    if verdict in ("accept", "short") and len(codes) > 1:
        verdict = "ask"  # as near to two countries: ask which
    return (verdict, tuple(codes[:3])) if verdict and codes else None


def _first_letter_only(word: str, name: str) -> bool:
    """Whether the one edit between ``word`` and ``name`` is at the first letter: changed
    ("Jermany"), dropped ("ermany"), doubled or added before it ("GGermany"), or swapped
    with the second ("eGrmany")."""
    return (
        word[1:] == name[1:]
        or word == name[1:]
        or word[1:] == name
        or (len(word) > 2 and word[0] == name[1] and word[1] == name[0]
            and word[2:] == name[2:])
    )


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
