"""Free-text search over vacancies in any of the five languages and any script.

Every word of a vacancy's titles (all languages), employer, city and occupation is
reduced to its spelling skeleton with `blacklist.matching.normalise_token`, the
project's one normaliser, and stored in `Vacancy.search_key` on save. A query is
reduced the same way, so "Сеул", "Seul" and "Seoul" meet, as do Cyrillic and Latin
Uzbek. Every query word must occur in the key (as a substring, so word beginnings
match); on PostgreSQL that test is served by a trigram GIN index on the key
(migration 0002).
"""

from django.conf import settings
from django.db.models import Q

from blacklist.matching import normalise_token, split_words

# A query longer than this is cut: nobody types more, and each word costs a LIKE.
MAX_QUERY_WORDS = 6


def tokens(text):
    """The skeletons of the words of a text, in order, without repeats or empties."""
    seen = []
    for word in split_words(text):
        skeleton = normalise_token(word)
        if skeleton and skeleton not in seen:
            seen.append(skeleton)
    return seen


def search_key(vacancy):
    texts = [
        getattr(vacancy, f"title_{lang}", "") or "" for lang in settings.MODELTRANSLATION_LANGUAGES
    ]
    texts += [vacancy.employer_name, vacancy.city]
    if vacancy.occupation_id and vacancy.occupation:
        texts += [
            getattr(vacancy.occupation, f"title_{lang}", "") or ""
            for lang in settings.MODELTRANSLATION_LANGUAGES
        ]
    return " " + " ".join(tokens(" ".join(texts))) + " "


def search_filter(text):
    """A Q object matching vacancies whose key holds every word of the query (at the
    start of a word of the key), or None when the query has no searchable word."""
    words = tokens(text)[:MAX_QUERY_WORDS]
    if not words:
        return None
    condition = Q()
    for word in words:
        condition &= Q(search_key__contains=" " + word)
    return condition
