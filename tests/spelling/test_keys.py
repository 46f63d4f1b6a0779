"""The one search key of a text, stored by the job board and the agency registry."""

import pytest

from spelling import normalise_token, search_key, search_words


def test_words_are_skeletons_in_order_without_repeats():
    assert search_words("Сварщик", "svarshik Ulsan", "Ульсан") == [
        normalise_token("svarshik"),
        normalise_token("Ulsan"),
    ]


@pytest.mark.parametrize("text", ["2024", "24/7", "№ 5"])
def test_a_number_is_no_word(text):
    assert search_words(text) == []
    assert search_key(text) == ""


def test_a_word_counts_for_its_letters_only():
    assert search_words("Servis24 C2") == [normalise_token("Servis"), normalise_token("C")]


def test_the_key_has_a_space_before_every_word_and_after_the_last():
    ipak, yoli = normalise_token("Ipak"), normalise_token("Yoʻli")
    assert search_key("Ipak Yoʻli", "Ипак") == f" {ipak} {yoli} "
    assert search_key("", "!!!") == ""
