"""The registry's search prepared once per language, query and day
(`agencies.prepared`): each page reads the matches afresh, so a suspension or a new
agency shows at once; another language, query or generation of the kept menus
prepares it again; a query that can match nothing reads nothing."""

import pytest
from django.http import QueryDict
from django.utils import translation

from agencies import prepared, services
from pagecache import kept

pytestmark = pytest.mark.django_db


def search(query, language="en"):
    with translation.override(language):
        return prepared.prepared_registry(QueryDict(query))


def names(client, url):
    html = client.get(url).content.decode()
    return {
        entry.split("</a>")[0].rsplit(">", 1)[1] for entry in html.split('<li class="card">')[1:]
    }


def test_one_search_per_language_query_and_generation_whatever_the_page():
    first = search("licensed=all")
    assert search("licensed=all&page=2") is first and first.query == "licensed=all"
    assert search("licensed=all", "ru") is not first
    assert search("") is not first
    kept._new_generation()
    assert search("licensed=all") is not first


def test_every_page_reads_the_matches_as_they_are_now(client, make_licence, make_agency, officer):
    licence = make_licence(agency=make_agency("Ала-Тоо Эмгек"))
    assert names(client, "/en/agencies/") == {"Ала-Тоо Эмгек"}
    make_licence(agency=make_agency("Tulpar Jumush"))
    assert names(client, "/en/agencies/") == {"Ала-Тоо Эмгек", "Tulpar Jumush"}
    before = search("")
    services.suspend(licence, actor=officer, reason="Complaints")
    assert search("") is before, "the search stays prepared: it holds no rows"
    assert names(client, "/en/agencies/") == {"Tulpar Jumush"}
    assert names(client, "/en/agencies/?licensed=all") == {"Ала-Тоо Эмгек", "Tulpar Jumush"}


def test_an_invalid_query_matches_nothing_and_reads_nothing(client, make_licence):
    make_licence()
    found = search("status=bogus")
    assert found.compiled is None and found.ids() == []
    assert "0 agencies found" in client.get("/en/agencies/?status=bogus").content.decode()
