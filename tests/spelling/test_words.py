"""Where the words of a free text begin and end, however its apostrophes are typed."""

import pytest

from spelling import normalise_token, split_words


@pytest.mark.parametrize(
    "text", ["Gʻisht zavodi", "G'isht zavodi", "G‘isht  zavodi", "G’isht, zavodi"]
)
def test_a_word_keeps_its_apostrophe_however_it_is_typed(text):
    assert [normalise_token(word) for word in split_words(text)] == [
        normalise_token("Gʻisht"),
        normalise_token("zavodi"),
    ]
