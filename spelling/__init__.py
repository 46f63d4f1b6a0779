"""How the portal reads a word in any script: one package, no Django, no project import.

Job seekers, agencies and entry-ban lists write the same word in Uzbek Latin, Uzbek,
Kyrgyz, Tajik, Karakalpak or Russian Cyrillic and passport Latin. Everything that
compares such words meets here, so that a search, an agency's name and a person's
name are read by one set of rules:

- `spelling.words`: where a free text's words begin and end (`split_words`);
- `spelling.tokens`: one word as a Latin spelling and as the skeleton that
  scripts agree on (`latin_spelling`, `skeleton`, `normalise_token`);
- `spelling.keys`: the stored search key of a text (`search_words`, `search_key`).

The job board and the agency registry store search keys; the entry-ban app compares
people's names on top of the same spellings.
"""

from spelling.keys import search_key, search_words
from spelling.tokens import latin_spelling, normalise_token, skeleton
from spelling.words import APOSTROPHES, split_words

__all__ = [
    "APOSTROPHES",
    "latin_spelling",
    "normalise_token",
    "search_key",
    "search_words",
    "skeleton",
    "split_words",
]
