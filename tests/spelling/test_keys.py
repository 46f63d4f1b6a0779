"""The one search key of a text, stored by the job board and the agency registry."""

import pytest

from spelling import keys, normalise_token, search_key, search_words


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


def test_only_texts_of_real_length_have_their_words_remembered():
    """A title, an employer or a city is remembered (a feed repeats them); a long
    text (a pasted description in a search box) is read but not kept."""
    keys._cached_text_words.cache_clear()
    long_text = "Payvandchi Ulsan " * 1000
    assert search_words(long_text) == [normalise_token("Payvandchi"), normalise_token("Ulsan")]
    assert keys._cached_text_words.cache_info().currsize == 0
    assert search_key("Hanil Agro", "Gimhae") == search_key("Hanil Agro", "Gimhae")
    assert keys._cached_text_words.cache_info().currsize == 2
    assert keys._cached_text_words.cache_info().hits == 2
