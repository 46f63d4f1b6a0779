"""Parts of pages kept as HTML (`pagecache.fragments`): one per part, language,
query and generation of the kept values; written every time when the cache keeps
no generation; all forgotten when the process holds its limit."""

import pytest
from django.test import override_settings
from django.utils import translation

from pagecache import fragments, kept

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty():
    fragments._written.clear()
    yield
    fragments._written.clear()


def writer(log):
    def write():
        log.append(translation.get_language())
        return f"<p>{len(log)}</p>"

    return write


def test_written_once_per_part_language_and_query():
    log = []
    for _round in range(2):
        for language in ("uz", "ru"):
            with translation.override(language):
                for name, query in (("a", ""), ("a", "x=1"), ("b", "")):
                    assert fragments.kept_html(name, query, writer(log)).startswith("<p>")
    assert log == ["uz"] * 3 + ["ru"] * 3
    with translation.override("uz"):
        assert fragments.kept_html("a", "x=1", writer(log)) == "<p>2</p>"


def test_a_change_to_the_kept_values_writes_it_again():
    log = []
    fragments.kept_html("a", "", writer(log))
    kept._new_generation()
    assert fragments.kept_html("a", "", writer(log)) == "<p>2</p>"


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_with_a_cache_that_keeps_nothing_it_is_written_every_time():
    """Every read of the generation makes a new one: nothing written before is used."""
    log = []
    fragments.kept_html("a", "", writer(log))
    assert fragments.kept_html("a", "", writer(log)) == "<p>2</p>"


def test_all_are_forgotten_when_the_limit_is_held(monkeypatch):
    monkeypatch.setattr(fragments, "KEPT_PARTS", 3)
    log = []
    for n in range(4):
        fragments.kept_html("a", f"n={n}", writer(log))
    assert len(fragments._written) == 1
