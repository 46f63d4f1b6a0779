"""The self-check in real Chromium, in Russian: a demo person typed in Uzbek Latin
is found, an unknown person is not, and the pages pass axe-core."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone

from demo import bans as demo_bans

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_people():
    source = demo_bans.demo_source()
    demo_bans.BanRecord.objects.bulk_create(
        demo_bans.build_records(source, demo_bans.DOCUMENTED_PEOPLE, timezone.localdate())
    )
    source.refresh_statistics()
    return source


@pytest.fixture
def styled_page(page):
    """The live server's static handler does not know the hashed names of the
    collected files; serve them from STATIC_ROOT so the page is tested styled."""

    def serve(route):
        name = urlsplit(route.request.url).path.removeprefix(settings.STATIC_URL)
        path = Path(settings.STATIC_ROOT) / name
        if path.is_file():
            route.fulfill(path=path)
        else:
            route.continue_()

    page.route("**/static/**", serve)
    return page


def fill(page, surname, given_name, patronymic, born, citizenship):
    page.get_by_label("Фамилия").fill(surname)
    page.get_by_label("Имя", exact=True).fill(given_name)
    page.get_by_label("Отчество (необязательно)").fill(patronymic)
    year, month, day = born.split("-")  # three boxes: day, month, year
    page.get_by_label("День").fill(day)
    page.get_by_label("Месяц").fill(month)
    page.get_by_label("Год").fill(year)
    page.get_by_label("Гражданство").select_option(citizenship)
    page.get_by_role("button", name="Проверить").click()
    page.wait_for_load_state()


def test_check_in_russian(live_server, styled_page, axe, demo_people):
    page = styled_page
    page.goto(f"{live_server.url}/ru/")
    page.get_by_role("link", name="Проверка запрета на въезд").click()
    page.wait_for_url(f"{live_server.url}/ru/blacklist/check/")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    assert axe(page) == [], "accessibility violations on the form"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("button", name="Проверить").click()  # nothing filled in
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() == 4
    summary = page.locator(".error-summary")
    assert summary.locator("a").count() == 4  # each error, linked to its field
    summary.get_by_role("link", name="Дата рождения: Введите дату рождения.").click()
    assert page.evaluate("document.activeElement.id") == "id_date_of_birth_0"
    assert axe(page) == [], "accessibility violations on the form with errors"

    fill(page, "Abdullayev", "Shahzod", "Botir oʻgʻli", "1991-03-14", "UZ")
    assert page.url == f"{live_server.url}/ru/blacklist/check/"  # nothing in the URL
    result = page.locator(".result")
    assert "Запись найдена" in result.inner_text()
    cards = page.locator(".cards").inner_text()
    assert "Россия: запреты на въезд (синтетический демонстрационный список)" in cards
    assert "30.06.2028" in cards
    assert axe(page) == [], "accessibility violations on the record-found page"

    page.get_by_role("link", name="Проверить другого человека").click()
    fill(page, "Karimov", "Aziz", "", "1960-01-01", "UZ")
    assert "Запись не найдена" in page.locator(".result").inner_text()
    sources = page.locator("#sources-title + ul").inner_text()
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert f"обновлён: {today}; действующих запретов: 3" in sources
    assert axe(page) == [], "accessibility violations on the no-record page"
