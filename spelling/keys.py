"""The search key of a text: the skeletons of its words, stored to be searched.

The job board stores one key per vacancy (titles in every language, employer, city,
occupation) and the agency registry one per agency (legal and brand names); a query
is reduced the same way, so "Сеул", "Seul" and "Seoul" meet, as do Cyrillic and Latin
Uzbek.
"""

import functools

from spelling.tokens import normalise_token
from spelling.words import split_words

# Texts up to this length have their words remembered (`_text_words`): a title,
# an employer, a city, an occupation's title. Longer ones (a pasted description
# in a search box) are read each time, so the cache stays a few megabytes.
CACHED_TEXT_LENGTH = 120


def search_words(*texts: str) -> list[str]:
    """The skeletons of the words of some texts, in order, without repeats or empties.

    The digit rule: a word counts only for the letters it has, so a number ("2",
    "2024", "24/7") gives no word and "C2" is "c". Searching for a number made no
    sense on either side: a query of digits alone would otherwise narrow the job
    board to vacancies whose title happens to hold that number instead of showing
    all of them, and the registry looks digits up as licence, tax and phone numbers,
    not as a name. A key without digits is also plain a-z, so a word is safe to join
    into PostgreSQL's raw full-text query. (The registry used to keep digit-only
    words; ``rebuild_search_keys`` brings stored keys to this rule.)
    """
    return list(dict.fromkeys(skeleton for text in texts for skeleton in _text_words(text)))


def _text_words(text):
    """The skeletons of one text's words, in order. Remembered for texts of real
    length: keying a feed of a thousand vacancies reads the same employers,
    cities and occupations' titles (in five languages) over and over."""
    if not text:
        return ()  # the blank translations of most titles
    if len(text) <= CACHED_TEXT_LENGTH:
        return _cached_text_words(text)
    return _read_text_words(text)


def _read_text_words(text):
    return tuple(skeleton for word in split_words(text) if (skeleton := normalise_token(word)))


_cached_text_words = functools.lru_cache(maxsize=16384)(_read_text_words)


def search_key(*texts: str) -> str:
    """The key to store: the words of `search_words` with a space before each and
    after the last, so that ``" " + word`` finds a word's beginning with a plain
    ``LIKE`` (SQLite), as the full-text prefix query does on PostgreSQL.
    "" when the texts have no word."""
    words = search_words(*texts)
    return f" {' '.join(words)} " if words else ""
