"""Announcements on the home page (all destinations) and on a country's page (its
own): only published ones still within their "show until" day, with the country's
name and never its guide."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts.models import Announcement
from tests.factories.vacancies import CountryFactory

pytestmark = pytest.mark.django_db


def announcement(country, title, **fields):
    fields.setdefault("published_at", timezone.now())
    return Announcement.objects.create(
        country=country, title_en=title, body_en=f"{title}: details.", **fields
    )


@pytest.fixture
def korea():
    return CountryFactory(code="KR", name_en="South Korea", name_ru="Южная Корея")


def test_the_home_page_shows_visible_announcements_with_the_country_name(client, korea):
    uk = CountryFactory(code="GB", name_en="United Kingdom")
    today = timezone.localdate()
    announcement(korea, "EPS-TOPIK results are out")
    announcement(uk, "Seasonal call opens", show_until=today)
    announcement(korea, "Draft, not published", published_at=None)
    announcement(korea, "Call closed", show_until=today - datetime.timedelta(days=1))
    page = client.get("/en/").content.decode()
    assert "EPS-TOPIK results are out" in page and "Seasonal call opens" in page
    assert "South Korea" in page and "United Kingdom" in page
    assert "Draft, not published" not in page and "Call closed" not in page


def test_a_country_page_shows_only_its_own_announcements(client, korea):
    uk = CountryFactory(code="GB", name_en="United Kingdom")
    announcement(korea, "EPS-TOPIK results are out")
    announcement(uk, "Seasonal call opens")
    page = client.get("/en/countries/KR/").content.decode()
    assert "EPS-TOPIK results are out" in page and "Seasonal call opens" not in page


def test_announcements_read_the_country_name_in_the_reader_language_not_the_guide(client, korea):
    client.get("/ru/")  # the hotlines are kept from now on; the announcements until a change
    for title in ("EPS-TOPIK results are out", "Second call", "Third call"):
        announcement(korea, title)  # in English only: the Russian page falls back to it
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/ru/").content.decode()
    assert "Южная Корея" in page and "Third call" in page
    assert len(queries) == 1  # every language's title and text in the one query
    assert "alerts_announcement" in queries[0]["sql"]
    assert "entry_and_permits" not in queries[0]["sql"]


def test_the_home_pages_announcements_are_kept_for_the_day_and_a_change_is_seen_at_once(
    client, korea
):
    announcement(korea, "EPS-TOPIK results are out")
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        assert "EPS-TOPIK results are out" in client.get("/en/").content.decode()
    assert len(queries) == 0
    announcement(korea, "Second call")
    assert "Second call" in client.get("/en/").content.decode()
    korea.name_en = "Republic of Korea"
    korea.save()
    assert "Republic of Korea" in client.get("/en/").content.decode()
