"""The directory of help: search by country and need; how sure the portal is of
each contact is always said; the shared list for other pages."""

import pytest
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.test import RequestFactory

from directory.context import directory_context
from directory.models import Organisation
from tests.factories.directory import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations():
    return {
        "ru_wages": OrganisationFactory(
            name_en="Wage help Russia",
            name_kaa="Is haqı járdemi",
            country="RU",
            needs=["unpaid_wages"],
            phone="+7 1",
            contacts_status="verified",
            verified_on="2026-11-02",
        ),
        "ru_shelter": OrganisationFactory(
            name_en="Shelter Russia",
            kind="shelter",
            country="RU",
            needs=["violence"],
            phone="+7 2",
        ),
        "kz_wages": OrganisationFactory(
            name_en="Wage help Kazakhstan",
            country="KZ",
            needs=["unpaid_wages"],
            phone="+7 3",
            contacts_status="demo",
        ),
        "hidden": OrganisationFactory(
            name_en="Closed office", country="RU", needs=["unpaid_wages"], is_active=False
        ),
    }


def names(response):
    return [o.name_en for o in response.context["organisations"]]


def test_search_by_country_and_need(client, organisations):
    assert names(client.get("/en/help/directory/?country=RU&need=unpaid_wages")) == [
        "Wage help Russia"
    ]
    assert set(names(client.get("/en/help/directory/?country=RU"))) == {
        "Wage help Russia",
        "Shelter Russia",
    }
    assert set(names(client.get("/en/help/directory/?need=unpaid_wages"))) == {
        "Wage help Russia",
        "Wage help Kazakhstan",
    }
    assert "Closed office" not in client.get("/en/help/directory/").text


@pytest.mark.parametrize("query", ["country=ZZ", "need=magic", "country=%00", "need=" + "x" * 5000])
def test_bad_filters_are_a_400(client, organisations, query):
    response = client.get(f"/en/help/directory/?{query}")
    assert response.status_code == 400
    assert response.context["organisations"] == []


def test_every_contact_says_how_sure_the_portal_is(client, organisations):
    page = client.get("/en/help/directory/").text
    assert page.count("badge-ok") == 1 and "Contacts checked on" in page
    assert page.count("badge-warn") == 1 and "not verified yet" in page
    assert page.count("badge-bad") == 1 and "+7 3</a> (demo)" in page


def test_the_page_is_translated(client, organisations):
    page = client.get("/kaa/help/directory/?country=RU&need=unpaid_wages").text
    assert "Járdem mánzilleri" in page and "Is haqı járdemi" in page and "tastıyıqlanǵan" in page


def test_languages_are_named_in_the_readers_language(client):
    OrganisationFactory(
        name_en="Centre in Ansan",
        country="KR",
        languages=["ko", "ru", "uz", "xx", 7],
        source="ICMPD",
    )
    page = client.get("/ky/help/directory/?country=KR").text
    # Names, not codes; a code Django does not know is shown as written.
    assert "Корей тили, Орусча, Өзбекче, xx, 7" in page
    assert "ICMPD" in page


def test_demo_contacts_cite_no_source(client):
    """A demo record's "source" is no source a reader could check: its badge and
    the footer say it is fictional instead."""
    OrganisationFactory(
        name_en="Demo centre", country="KR", contacts_status="demo", source="Demo data"
    )
    page = client.get("/uz/help/directory/?country=KR").text
    assert "Demo centre" in page and "namuna" in page  # shown, marked as demo
    assert "Demo data" not in page


def test_verified_needs_the_date_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(contacts_status="verified", verified_on=None)


def test_other_pages_show_the_relevant_organisations(organisations):
    context = directory_context(country="RU", needs=["violence"])
    assert [o.name_en for o in context["directory_organisations"]] == ["Shelter Russia"]
    request = RequestFactory().get("/en/")
    html = Template('{% include "directory/_for_page.html" %}').render(
        Context({**context, "request": request})
    )
    assert "Shelter Russia" in html and "?country=RU&amp;need=violence" in html
    tagged = Template('{% load directory_tags %}{% help_directory "KZ" %}').render(Context({}))
    assert "Wage help Kazakhstan" in tagged and "Shelter Russia" not in tagged


def test_verified_contacts_come_first(organisations):
    OrganisationFactory(name_en="Unsure wages", country="RU", needs=["unpaid_wages"])
    context = directory_context(country="RU", needs=["unpaid_wages"])
    first = context["directory_organisations"][0]
    assert first.contacts_status == Organisation.Contacts.VERIFIED
