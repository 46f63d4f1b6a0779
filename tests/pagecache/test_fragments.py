"""Parts of pages kept by each process (`pagecache.fragments`): one per key and
language, and per generation of the kept values for a list's search; all
forgotten when the process holds its limit."""

import pytest
from django.test import override_settings
from django.utils import translation

from pagecache import kept
from pagecache.fragments import KeptHtml, KeptInProcess

pytestmark = pytest.mark.django_db


def writer(log):
    def write():
        log.append(translation.get_language())
        return f"<p>{len(log)}</p>"

    return write


def test_written_once_per_key_and_language():
    kept_parts, log = KeptHtml(10), []
    for _round in range(2):
        for language in ("uz", "ru"):
            with translation.override(language):
                for key in ("a", ("a", 1), "b"):
                    assert kept_parts.get(key, writer(log)).startswith("<p>")
    assert log == ["uz"] * 3 + ["ru"] * 3
    with translation.override("uz"):
        assert kept_parts.get(("a", 1), writer(log)) == "<p>2</p>"


def test_a_search_is_built_again_for_a_new_generation_of_the_kept_values():
    searches, log = KeptInProcess(10, kept_values=True), []
    searches.get("x=1", writer(log))
    assert searches.get("x=1", writer(log)) == "<p>1</p>"
    kept._new_generation()
    assert searches.get("x=1", writer(log)) == "<p>2</p>"


def test_a_part_kept_by_what_it_shows_needs_no_generation():
    kept_parts, log = KeptHtml(10), []
    kept_parts.get("a", writer(log))
    kept._new_generation()
    assert kept_parts.get("a", writer(log)) == "<p>1</p>"


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_with_a_cache_that_keeps_nothing_a_search_is_built_every_time():
    """Every read of the generation makes a new one: nothing built before is used."""
    searches, log = KeptInProcess(10, kept_values=True), []
    searches.get("", writer(log))
    assert searches.get("", writer(log)) == "<p>2</p>"


def test_all_are_forgotten_when_the_limit_is_held():
    kept_parts, log = KeptHtml(3), []
    for n in range(4):
        kept_parts.get(n, writer(log))
    assert len(kept_parts.written) == 1
