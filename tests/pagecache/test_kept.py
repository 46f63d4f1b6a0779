"""What pages keep in the cache (`pagecache.kept`) is read once, and forgotten at a
change: at once, and again at the commit, for a page that read the old rows in
between."""

import contextlib

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from agencies.filters import covered_destinations, licensing_authorities
from pagecache import kept as kept_module
from pagecache.kept import Kept
from portal.models import Hotline
from tests.factories.agencies import LicenceFactory, LicensingAuthorityFactory
from tests.factories.vacancies import rates
from vacancies import selectors
from vacancies.filters import menu_choices
from vacancies.models import ExchangeRate, Occupation

pytestmark = pytest.mark.django_db


def names(language):
    return sorted(line.name_en for line in Hotline.objects.all())


def test_read_once_per_variant_and_forgotten_at_a_change_and_at_the_commit(
    django_capture_on_commit_callbacks,
):
    kept = Kept("test-hotline-names", names, models=[Hotline], variants=lambda: ["a", "b"])
    kept.watch()
    Hotline.objects.create(name_en="First", phone="+998 71 000 00 01")
    assert kept.get("a") == ["First"]
    with CaptureQueriesContext(connection) as queries:
        assert kept.get("a") == ["First"]
    assert len(queries) == 0
    Hotline.objects.create(name_en="Second", phone="+998 71 000 00 02")
    assert kept.get("a") == kept.get("b") == ["First", "Second"]  # forgotten at once
    with django_capture_on_commit_callbacks(execute=True):
        Hotline.objects.filter(name_en="Second").get().delete()
        # Another page reads the rows before the commit and keeps what it read.
        cache.set("kept:test-hotline-names:a", ["First", "Second"])
    assert kept.get("a") == ["First"]  # forgotten again at the commit


def test_todays_rates_are_read_once_and_a_new_rate_is_seen_at_once():
    rates(KRW=1400)
    assert selectors.rates_today()["KRW"] == 1400
    with CaptureQueriesContext(connection) as queries:
        selectors.rates_today()
    assert len(queries) == 0
    rates(KRW=1500)  # the same day's rate, corrected
    assert selectors.rates_today()["KRW"] == 1500
    ExchangeRate.objects.filter(currency="KRW").delete()
    assert "KRW" not in selectors.rates_today()


def test_the_registrys_destinations_follow_the_licences_in_each_language():
    licence = LicenceFactory(destinations=["KR"])
    with translation.override("en"):
        assert dict(covered_destinations()) == {"KR": "South Korea"}
    licence.destinations.create(
        country="GB", valid_from=licence.issued_on, valid_until=licence.expires_on
    )
    with translation.override("en"):
        assert dict(covered_destinations()) == {"KR": "South Korea", "GB": "United Kingdom"}
    with translation.override("ru"):
        assert dict(covered_destinations())["GB"] == "Великобритания"


def test_the_registrys_authorities_follow_their_rows_in_each_language():
    uzbek = LicensingAuthorityFactory(country="UZ", name_en="Agency A", name_ru="Агентство А")
    with translation.override("en"):
        assert licensing_authorities() == [(str(uzbek.pk), "Agency A")]
    kyrgyz = LicensingAuthorityFactory(country="KG", name_en="Agency B")
    uzbek.name_en = "Agency C"
    uzbek.save()
    with translation.override("en"):
        assert licensing_authorities() == [
            (str(kyrgyz.pk), "Agency B"),
            (str(uzbek.pk), "Agency C"),
        ]
    with translation.override("ru"):
        assert (str(uzbek.pk), "Агентство А") in licensing_authorities()


def test_the_search_menus_follow_the_occupations():
    with translation.override("en"):
        assert dict(menu_choices("occupation"))["9"] != "9 Renamed group"
        group = Occupation.objects.get(code="9")
        group.title_en = "Renamed group"
        group.save()
        assert dict(menu_choices("occupation"))["9"] == "9 Renamed group"


def test_each_process_holds_what_it_read_until_the_generation_changes():
    """The held copy spares the cache read; a change anywhere (a new generation in
    the shared cache) makes every process read again."""
    kept = Kept("test-held", names, models=[Hotline], variants=lambda: ["a"])
    kept.watch()
    Hotline.objects.create(name_en="First", phone="+998 71 000 00 01")
    assert kept.get("a") == ["First"]
    cache.delete("kept:test-held:a")  # evicted from the shared cache
    with CaptureQueriesContext(connection) as queries:
        assert kept.get("a") == ["First"]  # this process's copy
    assert len(queries) == 0
    Hotline.objects.create(name_en="Second", phone="+998 71 000 00 02")
    assert kept.get("a") == ["First", "Second"]
    # Another process's change: its new generation reaches this one's next read.
    Hotline.objects.filter(name_en="Second").update(name_en="Third")
    cache.delete("kept:test-held:a")
    cache.set(kept_module.GENERATION_KEY, "another-process-changed-it")
    assert kept.get("a") == ["First", "Third"]


def test_a_request_reads_the_generation_once():
    """Between `request_started` and `request_finished` the generation is read once:
    a list page's five kept values cost one cache read, not five."""
    kept = Kept("test-request", names, models=[Hotline], variants=lambda: ["a"])
    Hotline.objects.create(name_en="First", phone="+998 71 000 00 01")
    with a_request():
        assert kept.get("a") == ["First"]
        Hotline.objects.filter(name_en="First").update(name_en="Changed")
        cache.delete("kept:test-request:a")  # as another process's change does
        cache.set(kept_module.GENERATION_KEY, "changed-by-another-process")
        assert kept.get("a") == ["First"]  # the request reads one generation
    assert kept.get("a") == ["Changed"]  # the next reader sees the change


@contextlib.contextmanager
def a_request():
    """The signals around a request, without Django's closing of the test's database
    connection (as its test client sends them)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        yield
        request_finished.send(sender=None)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
