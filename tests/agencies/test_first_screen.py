"""Issue 16 on the registry's pages: it opens on the agencies licensed today, the
agency page lists its open vacancies, the verify answer comes first, and the report
form's errors are a summary linked to the fields in the reader's language."""

import re

import pytest

from tests.agencies.test_pages import registry  # noqa: F401  (the fixture)
from tests.factories.vacancies import VacancyFactory

pytestmark = pytest.mark.django_db


def test_the_registry_opens_on_agencies_licensed_today(client, registry):  # noqa: F811
    html = client.get("/en/agencies/").content.decode()
    assert "Ипак Йули Сервис" in html
    assert "Tulpar Jumush" not in html and "Бахт Кадр" not in html
    assert "1 agency found" in html
    assert '<option value="today" selected>agencies licensed today</option>' in html


def test_the_others_are_one_filter_away_and_any_search_sees_them(client, registry):  # noqa: F811
    every = client.get("/en/agencies/", {"licensed": "all"}).content.decode()
    assert "Tulpar Jumush" in every and "Бахт Кадр" in every
    # Someone checking a name must learn that its licence was revoked.
    searched = client.get("/en/agencies/", {"q": "Бахт"}).content.decode()
    assert "Бахт Кадр" in searched and "Licence revoked" in searched


def test_the_api_still_lists_every_agency(api_client, registry):  # noqa: F811
    names = [row["legal_name"] for row in api_client.get("/api/v1/agencies/").json()["results"]]
    assert {"Tulpar Jumush", "Бахт Кадр"} <= set(names)


def test_the_agency_page_lists_its_open_vacancies(client, registry):  # noqa: F811
    agency = registry["active"].agency
    VacancyFactory(title_en="Hotel cleaner", channel="agency", agency=agency, country__code="TR")
    VacancyFactory(title_en="Closed job", channel="agency", agency=agency, status="closed")
    html = client.get(f"/en/agencies/{agency.pk}/").content.decode()
    section = html.split('id="agency-vacancies"')[1].split("</section>")[0]
    assert "Hotel cleaner" in section and "Closed job" not in section
    other = registry["revoked"].agency
    html = client.get(f"/en/agencies/{other.pk}/").content.decode()
    assert "This agency has no open vacancy on the portal today." in html


def test_destination_words_are_not_split_into_fragments():
    from pathlib import Path

    from django.conf import settings

    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    assert "overflow-wrap: anywhere" not in css
    assert "main { overflow-wrap: break-word; }" in css


def test_the_verify_answer_comes_before_the_form(client, registry):  # noqa: F811
    html = client.get("/en/agencies/verify/", {"q": "+996 555 123 456"}).content.decode()
    assert html.index('id="answer"') < html.index("<form")
    assert "Licensed agency" in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ky", "Жалдоочунун атын"),
        ("kaa", "Jallawshınıń atın"),
        ("ru", "Укажите имя вербовщика"),
    ],
)
def test_an_empty_report_says_what_to_do_in_the_readers_language(client, lang, message):
    response = client.post(
        f"/{lang}/agencies/report/",
        {"recruiter_name": "", "channel": "", "what_happened": "x", "website": ""},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "report_names_recruiter" not in html
    assert "cheklovi buzildi" not in html
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert message in summary
    assert 'href="#id_recruiter_name"' in summary


def test_the_error_summary_links_every_field_error(client):
    response = client.post(
        "/en/agencies/report/",
        {"recruiter_name": "Jasur", "channel": "", "what_happened": "", "website": ""},
    )
    html = response.content.decode()
    assert "<title>Error: Report a suspicious recruiter" in html
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert '<a href="#id_what_happened">What happened?: This field is required.</a>' in summary


def test_every_aria_describedby_points_at_an_element_that_exists(client):
    for html in (
        client.get("/en/agencies/report/").content.decode(),
        client.post("/en/agencies/report/", {"what_happened": ""}).content.decode(),
    ):
        described = re.findall(r'aria-describedby="([^"]+)"', html)
        assert described, "the help texts are announced"
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        for value in described:
            for target in value.split():
                assert target in ids, f"aria-describedby points at missing #{target}"
    assert 'id="id_what_happened_helptext"' in html
