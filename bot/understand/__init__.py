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
   guessing.  Common words that sit that close to a name ("больше" ~ Польше, "hungry" ~
   Hungary) are listed and never fuzzed.
4. **Intent** last: a search trigger ("mention", "упоминается") → search; two countries or
   more → compare; one → profile; otherwise ranking words, a region or a rank position →
   ranking; "help" → help; a topic or year alone → profile with no country (a follow-up the
   conversation layer completes); anything else → none.

A message costs a regex tokenization and a few dozen dict lookups, typically 10–40 µs; the
fuzzy step runs only on unexplained long words and its results are cached per word.

Where each part lives:

* :mod:`~bot.understand.text`: cleaning and tokenizing a message, the regexes;
* :mod:`~bot.understand.vocabulary`: the word tables (stopwords, topic and intent features,
  regions, common words that look like names);
* :mod:`~bot.understand.inflection`: Russian and Ukrainian case forms of names (step 1);
* :mod:`~bot.understand.parser`: :class:`Understander`, the index and the walk (steps 1–3);
* :mod:`~bot.understand.typos`: the typo verdicts and the fuzzy match (step 3);
* :mod:`~bot.understand.decide`: intent, years, ranking and search terms (step 4);
* :mod:`~bot.understand.followup`: a follow-up read in the light of the answer before.

Only the names below are for use outside the package.
"""

from bot.names import normalize
from bot.understand.inflection import inflections
from bot.understand.parser import Understander
from bot.understand.text import clean, tokenize
from bot.understand.vocabulary import _STOPWORDS, _VOCABULARY

__all__ = ["Understander", "clean", "inflections", "is_question_word", "normalize", "tokenize"]


def is_question_word(text: str) -> bool:
    """Whether a word or phrase belongs to the vocabulary questions are made of (topics,
    rankings, intents, common words of a supported language): such a word can never be a
    country's alias, or "are journalists safe" would name a country."""
    key = normalize(text)
    return key in _VOCABULARY or key in _STOPWORDS
