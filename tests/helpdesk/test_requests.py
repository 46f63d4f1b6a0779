"""Asking for help: two steps, no account, a case number and a private link; the
numbers to call at once for urgent categories; bad input changes nothing."""

import pytest
from django.contrib.auth.models import User

from helpdesk.models import Case, CaseEvent
from tests.factories.directory import OrganisationFactory
from tests.helpdesk.conftest import SECRET_TEXT, form_data

pytestmark = pytest.mark.django_db


def test_every_page_links_to_the_request_form(client):
    for url in ("/uz/", "/kaa/vacancies/", "/ru/help/directory/"):
        assert 'href="/' + url.split("/")[1] + '/help/request/"' in client.get(url).text


def test_step_one_asks_what_and_where(client):
    response = client.get("/kaa/help/request/")
    assert response.status_code == 200
    assert 'name="category"' in response.text and 'name="country"' in response.text
    assert 'method="post"' not in response.text


def test_step_one_with_bad_values_is_a_400(client):
    response = client.get("/en/help/request/?category=nonsense&country=ZZ")
    assert response.status_code == 400
    assert "Please choose what happened" in response.text


def test_urgent_categories_show_the_countrys_numbers_at_once(client):
    OrganisationFactory(
        name_en="Verified line",
        kind="hotline",
        country="RU",
        phone="+7 1",
        contacts_status="verified",
        verified_on="2026-11-01",
    )
    OrganisationFactory(name_en="Unsure embassy", kind="embassy", country="RU", phone="+7 2")
    OrganisationFactory(
        name_en="Demo shelter", kind="shelter", country="RU", phone="+7 3", contacts_status="demo"
    )
    OrganisationFactory(name_en="Elsewhere line", kind="hotline", country="KZ", phone="+7 4")
    page = client.get("/en/help/request/?category=violence&country=RU").text
    panel = page[page.index('id="urgent-title"') :]
    assert panel.index("Verified line") < panel.index("Unsure embassy")
    assert "badge-ok" in panel and "badge-warn" in panel and "badge-bad" in panel
    assert "Elsewhere line" not in page
    calm = client.get("/en/help/request/?category=unpaid_wages&country=RU").text
    assert 'id="urgent-title"' not in calm


def test_a_request_gets_a_case_number_and_a_private_link(client):
    response = client.post("/kaa/help/request/", form_data())
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/kaa/help/case/{case.token}/?sent=1"
    assert len(case.token) >= 43
    assert (case.contact, case.language, case.user) == ("+998901234567", "kaa", None)
    assert list(case.events.values_list("kind", "status")) == [("status", "new")]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert case.number in page.text
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "no-referrer"


def test_a_signed_in_persons_case_is_theirs(client):
    person = User.objects.create_user("person", password="x-long-password-1")
    client.force_login(person)
    client.post("/en/help/request/", form_data())
    case = Case.objects.get()
    assert case.user == person
    assert case.number in client.get("/en/help/my-cases/").text
    assert case.number in client.get("/en/account/").text
    client.logout()
    assert case.number not in client.get("/en/help/my-cases/").text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact", "call me"),
        ("contact", ""),
        ("channel", "pigeon"),
        ("language", "de"),
        ("country", "ZZ"),
        ("email", "not-an-address"),
        ("description", "x" * 1001),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(client, field, value):
    response = client.post("/en/help/request/", form_data(**{field: value}))
    assert response.status_code == 400
    assert Case.objects.count() == 0


def test_a_telegram_name_is_accepted(client):
    client.post("/en/help/request/", form_data(channel="telegram", contact="demo_user_77"))
    assert Case.objects.get().contact == "@demo_user_77"


def test_the_form_is_rate_limited(client):
    for _ in range(5):
        assert client.post("/en/help/request/", form_data()).status_code == 302
    response = client.post("/en/help/request/", form_data())
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert Case.objects.count() == 5


def test_the_private_link_opens_only_its_own_case(client):
    client.post("/en/help/request/", form_data())
    client.post("/en/help/request/", form_data(description="Another person"))
    first, second = Case.objects.order_by("pk")
    page = client.get(f"/en/help/case/{first.token}/").text
    assert first.number in page and second.number not in page
    assert SECRET_TEXT not in page  # the person's words are not shown back on the link
    for token in (first.token[:-1], first.token + "x", "x" * 200, "%00"):
        assert client.get(f"/en/help/case/{token}/").status_code == 404


def test_the_link_shows_status_changes_but_never_notes(client, officer):
    from helpdesk import services

    client.post("/en/help/request/", form_data())
    case = Case.objects.get()
    services.record(case, CaseEvent.Kind.NOTE, "internal-only remark", actor=officer)
    services.change_status(case, Case.Status.IN_PROGRESS, actor=officer)
    page = client.get(f"/en/help/case/{case.token}/").text
    assert "Being worked on" in page
    assert "internal-only remark" not in page
