"""Issue 16: visa kinds and cities in the reader's language (`vacancies.names`),
whether stored as a code or as their English name; a partner's own words shown as
written."""

import pytest

from tests.factories.vacancies import CountryFactory, VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "visa", "city"),
    [
        ("uz", "Mavsumiy ishchi vizasi (Seasonal Worker)", "Qozon"),
        ("kaa", "Máwsimlik jumısshı vizası (Seasonal Worker)", "Qazan"),
        ("ky", "Мезгилдүү жумушчу визасы (Seasonal Worker)", "Казань"),
        ("ru", "Виза сезонного работника (Seasonal Worker)", "Казань"),
        ("en", "Seasonal Worker visa", "Kazan"),
    ],
)
def test_visa_kind_and_city_on_the_page_and_the_card(client, lang, visa, city):
    CountryFactory(code="KR")
    by_code = VacancyFactory(visa_type="gb-seasonal", city="Kazan")
    by_name = VacancyFactory(visa_type="Seasonal Worker visa", city="  kazan ")
    for vacancy in (by_code, by_name):
        page = client.get(f"/{lang}/vacancies/{vacancy.pk}/").content.decode()
        assert f"<dd>{visa}</dd>" in page and f", {city}</p>" in page
        if lang != "en":
            assert "Seasonal Worker visa" not in page and "gb-seasonal" not in page
    cards = client.get(f"/{lang}/vacancies/").content.decode()
    assert cards.count(f", {city} ·") == 2


def test_a_partners_own_words_are_shown_as_written(client):
    vacancy = VacancyFactory(visa_type="H-2 (working visit)", city="Pyeongtaek")
    page = client.get(f"/ky/vacancies/{vacancy.pk}/").content.decode()
    assert "<dd>H-2 (working visit)</dd>" in page and ", Pyeongtaek</p>" in page
