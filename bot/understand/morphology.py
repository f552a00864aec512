"""How words change: every form of a dictionary word, and the stem under a suffixed one.

Two mechanisms, chosen per language by its lexicon's ``[morphology]``:

* **Generated forms** (Russian, Ukrainian): the lexicon lists dictionary forms ("суд",
  "сажать") and :func:`all_forms` asks pymorphy3 for every form of each ("суда",
  "судом", "сажают", "посадили"), which the index then holds as whole words.  So "суд"
  matches "суде" but never "судьба": nothing is matched by its beginning.  pymorphy3 is
  imported only while the index is built.
* **Suffix chains** (Kazakh, Kyrgyz, Uzbek, Tajik, Turkish, Persian, Arabic, and plurals
  of German, French, Spanish, Portuguese, English): :func:`stems` cuts a word into a known
  stem and a chain of the language's suffixes ("Қазақстан|да|ғы", "журналист|тер|ге",
  "gazeteci|ler"), and strips clitic prefixes ("و|ال|صحف").  The rest must be made of
  suffixes entirely, so a stem never matches inside another word ("сот" is in "соттар",
  not in "сотня").  The suffix tables are short documented lists in the lexicons (no
  library covers these languages here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from bot.names import normalize

#: The shortest stem a suffix may follow: shorter ones are too easily part of a word.
MIN_STEM = 3
#: Suffixes a chain may hold at most ("Қазақстан|дағы|лар|ға").
MAX_CHAIN = 4


def chain_of(rest: str, suffixes: frozenset[str], longest: int, depth: int = 0) -> bool:
    """Whether ``rest`` is a chain of ``suffixes`` (each at most ``longest`` letters)."""
    if not rest:
        return True
    if depth >= MAX_CHAIN:
        return False
    for size in range(min(longest, len(rest)), 0, -1):
        if rest[:size] in suffixes and chain_of(rest[size:], suffixes, longest, depth + 1):
            return True
    return False


def stems(
    word: str,
    suffixes: frozenset[str],
    longest: int,
    prefixes: tuple[str, ...],
    known: Mapping[str, int],
    bit: int,
    min_stem: int = MIN_STEM,
    alternations: Mapping[str, tuple[str, str]] | None = None,
) -> list[str]:
    """The known stems under ``word``: words ``known`` marks with ``bit`` (may take this
    language's suffixes) that, followed by a chain of ``suffixes`` (and after one of
    ``prefixes``, if any), make the word.  Before a suffix, a stem's last letter may be
    written as ``alternations`` say, before a suffix beginning with one of the letters they
    name (Kazakh "кеңістіг|і" is "кеңістік"; Tajik "сиёси|и" is "сиёсӣ").  Longest
    first."""
    found: list[str] = []
    heads = [word] + [word[len(p):] for p in prefixes if word.startswith(p)
                      and len(word) - len(p) >= min_stem]  # fmt: skip
    for head in heads:
        if head != word and known.get(head, 0) & bit:
            found.append(head)
        for cut in range(len(head) - 1, min_stem - 1, -1):
            stem = head[:cut]
            if known.get(stem, 0) & bit and chain_of(head[cut:], suffixes, longest):
                found.append(stem)
            elif alternations and (changed := alternations.get(stem[-1])) is not None:
                letter, following = changed
                written = stem[:-1] + letter
                if head[cut] in following and known.get(written, 0) & bit and chain_of(
                        head[cut:], suffixes, longest):
                    found.append(written)
    # Longest first over every prefix too: "بال|فرنسية" is "ب|الفرنسية" (in French), the
    # language's name, before it is "French" without its article.
    return sorted(dict.fromkeys(found), key=len, reverse=True)


# --- generated forms (build time) -------------------------------------------------------------


@lru_cache(maxsize=4)
def _analyzer(lang: str) -> Any:
    import pymorphy3  # imported while building only: it loads ~30 MB of dictionaries

    return pymorphy3.MorphAnalyzer(lang=lang)


def all_forms(entries: Iterable[str], lang: str) -> dict[str, set[str]]:
    """Every form of each dictionary word or phrase, with ``lang``'s pymorphy3 dictionary.

    A phrase changes its head noun and the adjectives before it, in step ("свобода
    прессы" → "свободы прессы", "государственные сми" → "государственных сми"); its
    other words stay as written.  Words pymorphy3 does not know get the forms it predicts
    from their endings ("госпропаганда" → "госпропаганды")."""
    morph = _analyzer(lang)
    found: dict[str, set[str]] = {}
    for entry in entries:
        words = entry.split()
        if len(words) == 1:
            parse = morph.parse(words[0])[0]
            # Only the forms of the entry's own degree: "лучший" is listed for the best,
            # and pymorphy3 counts it among the forms of "хороший" ("хорошо").
            degree = parse.tag.grammemes & _DEGREES
            found[entry] = {form.word for form in parse.lexeme
                            if form.tag.grammemes & _DEGREES == degree} | {entry}
            continue
        found[entry] = {entry} | _phrase_forms(morph, words)
    return {key: {_plain(form) for form in forms} for key, forms in found.items()}


def _plain(form: str) -> str:
    """A generated form as the index keys words (folded, apostrophes dropped)."""
    return normalize(form)


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
#: Degrees of comparison (OpenCorpora grammemes): superlative, comparative.
_DEGREES = frozenset({"Supr", "COMP", "Cmp2"})


def _phrase_forms(morph: Any, words: list[str]) -> set[str]:
    # The nominative reading of each word, where it has one ("восток" is read first as an
    # accusative).
    parses = []
    for word in words:
        readings = morph.parse(word)
        parses.append(next((p for p in readings if p.tag.case == "nomn"), readings[0]))
    head = next((i for i, p in enumerate(parses) if p.tag.POS == "NOUN"), None)
    if head is None or parses[head].tag.case != "nomn":
        return set()
    changing = {i for i in range(head) if parses[i].tag.POS in ("ADJF", "PRTF")}
    gender = parses[head].tag.gender
    forms: set[str] = set()
    for number in ("sing", "plur"):
        for case in _CASES:
            # Ukrainian tags leave the singular unsaid.
            own = parses[head].tag.number or "sing"
            noun = parses[head].inflect({case} if number == own else {case, number})
            if noun is None:
                continue
            out = list(words)
            out[head] = noun.word
            for i in changing:
                # An adjective agrees with its noun: in the singular by gender.
                wanted = {case, "plur"} if number == "plur" else {case} | (
                    {gender} if gender else set())
                changed = parses[i].inflect(wanted)
                out[i] = changed.word if changed else words[i]
            forms.add(" ".join(out))
    return forms
