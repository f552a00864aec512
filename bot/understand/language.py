"""Which language a question is written in (:attr:`bot.query.Query.said_in`).

Read from what the walk found: the lexicons each known word belongs to (a word of several
lexicons counts for each, less), the language whose suffixes a word carries ("Ресей|де"),
and the letters only one language of a script uses ("ә" is Kazakh, "ў" Uzbek, "ї"
Ukrainian), among the languages written in the question's script.  A question with no
such evidence (a bare name, a code, a flag) shows no language: None.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.understand.text import Kind, Token, script_of

if TYPE_CHECKING:
    from bot.understand.decide import Parse

#: The lexicons of each script, in the order ties are settled.
SCRIPT_LANGS = {
    "latin": ("en", "de", "fr", "es", "pt", "tr", "uz"),
    "cyrillic": ("ru", "uk", "kk", "ky", "uz", "tg"),
    "arabic": ("ar", "fa"),
    "cjk": ("zh",),
}


def said_in(
    tokens: Sequence[Token],
    parsed: Parse,
    body: str,
    langs: Sequence[str],
    letters: dict[str, str],
) -> str | None:
    counts: dict[str, int] = {}
    for token in tokens:
        if token.kind == Kind.WORD:
            script = script_of(token.norm)
            counts[script] = counts.get(script, 0) + len(token.norm)
    if not counts:
        return None
    script = max(counts, key=counts.__getitem__)
    candidates = SCRIPT_LANGS.get(script, ())
    if not candidates:
        return None
    votes = dict.fromkeys(candidates, 0.0)
    for mask in parsed.langs:
        owners = [lang for bit, lang in enumerate(langs) if mask >> bit & 1 and lang in votes]
        for lang in owners:
            votes[lang] += 1 / len(owners)
    for readers in parsed.vias:  # a word read through its suffixes: weaker evidence
        for lang in readers:
            if lang in votes:
                votes[lang] += 0.5 / len(readers)
    # Letters, outside the countries' names ("Côte d'Ivoire" says nothing of an English
    # question).
    named = {i for start, size in parsed.spans for i in range(start, start + size)
             if any(start == at for at, _ in parsed.countries)}
    present = {char for i, token in enumerate(tokens) if i not in named
               for char in token.raw.casefold() if char.isalpha() and not char.isascii()}
    words = sum(1 for i, t in enumerate(tokens) if t.kind == Kind.WORD and i not in named)
    for lang in candidates:
        own = set(letters.get(lang, ""))
        if own & present:
            votes[lang] += 2
        # Letters of the script's other languages this one never uses ("ә" is no Russian,
        # "ў" no Kazakh) speak against it, and so, in a sentence, does the lack of every
        # letter only this language has (Kazakh without "ә", "і", "ұ" or "һ").
        others = {c for other in candidates if other != lang for c in letters.get(other, "")}
        if present & (others - own):
            votes[lang] -= 3
        unique = own - others
        if unique and words >= 3 and not present & unique and script != "latin":
            votes[lang] -= 1
    best = max(candidates, key=lambda lang: votes[lang])
    if votes[best] <= 0:
        return "zh" if script == "cjk" and len(tokens) > 1 else None
    return best
