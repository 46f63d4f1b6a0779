import pytest
from django.contrib import admin

from tests.factories.users import StaffUserFactory
from tests.factories.vacancies import VacancyFactory, rates
from vacancies.models import ExchangeRate, Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = StaffUserFactory(
        username="editor", password="editor-pass-123", groups=["Content editor"]
    )
    client.force_login(user)
    return client


def test_content_editor_manages_vacancies_with_language_tabs_and_missing_translations(
    editor_client,
):
    vacancy = VacancyFactory(title_en="Welder", title_ru="Сварщик")
    listing = editor_client.get("/en/admin/vacancies/vacancy/").content.decode()
    assert "uz, kaa, ky" in listing
    assert f"/en/vacancies/{vacancy.pk}/preview/" in listing
    form = editor_client.get(f"/en/admin/vacancies/vacancy/{vacancy.pk}/change/")
    assert form.status_code == 200
    assert "id_title_kaa" in form.content.decode()
    assert editor_client.get("/en/admin/vacancies/country/").status_code == 200
    assert editor_client.get("/en/admin/vacancies/exchangerate/add/").status_code == 200
    # Tying partners to recruiters is for administrators.
    assert editor_client.get("/en/admin/vacancies/publisher/add/").status_code == 403


def test_editor_closes_vacancies_in_bulk(editor_client):
    first, second = VacancyFactory(), VacancyFactory()
    response = editor_client.post(
        "/en/admin/vacancies/vacancy/",
        {"action": "close_selected", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assert "2 vacancies closed." in response.content.decode()
    assert Vacancy.objects.public().count() == 0


def test_editor_previews_a_draft_the_public_cannot_see(editor_client, client):
    draft = VacancyFactory(status="draft", published_at=None, title_en="Draft job")
    response = editor_client.get(f"/en/vacancies/{draft.pk}/preview/")
    assert response.status_code == 200
    assert "Preview for editors" in response.content.decode()
    client.logout()
    assert client.get(f"/en/vacancies/{draft.pk}/preview/").status_code == 302
    assert client.get(f"/en/vacancies/{draft.pk}/").status_code == 404


def test_rate_change_in_admin_updates_wages(admin_client):
    rates(KRW=1400)
    vacancy = VacancyFactory(wage_min=2_800_000, wage_currency="KRW")
    assert vacancy.monthly_wage_usd == 2000
    admin_client.post(
        "/en/admin/vacancies/exchangerate/add/",
        {"currency": "KRW", "per_usd": "1120", "date": "2099-01-01"},
    )
    assert ExchangeRate.objects.filter(currency="KRW", date="2099-01-01").exists()
    vacancy.refresh_from_db()
    assert vacancy.monthly_wage_usd == 2000, "a future rate does not apply yet"


@pytest.mark.parametrize(("currency", "valid"), [("KRW", True), ("USD", True), ("ZZZ", False)])
def test_editor_states_a_wage_only_in_a_currency_with_a_rate(rf, admin_user, currency, valid):
    rates(KRW=1400)
    # A draft (the admin splits a publication date in two fields); its currency has no
    # rate any more, and other edits still save.
    vacancy = VacancyFactory(wage_currency="EUR", status="draft", published_at=None)
    request = rf.get("/")
    request.user = admin_user
    form_class = admin.site._registry[Vacancy].get_form(request, vacancy)
    unbound = form_class(instance=vacancy)
    data = {name: unbound[name].value() for name in unbound.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    unchanged = form_class(data, instance=vacancy)
    assert unchanged.is_valid(), unchanged.errors
    form = form_class({**data, "wage_currency": currency}, instance=vacancy)
    assert form.is_valid() is valid
    if not valid:
        assert "There is no exchange rate for ZZZ" in form.errors["wage_currency"][0]
