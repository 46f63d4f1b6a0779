"""A Karakalpak reader on a phone: filters vacancies by country and minimum wage,
opens one, and follows the agency link to the registry."""

import re

import pytest

from tests.factories.agencies import AgencyFactory, LicenceFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory, rates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_karakalpak_reader_filters_opens_a_vacancy_and_checks_the_agency(live_server, page, axe):
    rates(KRW=1400, UZS=12000)
    korea = CountryFactory(code="KR", name_en="South Korea", name_kaa="Qubla Koreya")
    CountryFactory(code="GB", name_en="United Kingdom", name_kaa="Ullı Britaniya")
    agency = AgencyFactory(legal_name="Ipak Yoli Servis")
    LicenceFactory(agency=agency, destinations=["KR"])
    VacancyFactory(
        title_en="Welder",
        title_kaa="Svarshık",
        country=korea,
        channel="agency",
        agency=agency,
        wage_min=2_800_000,
        city="Ulsan",
    )
    VacancyFactory(title_en="Cleaner", title_kaa="Tazalawshı", country=korea, wage_min=1_400_000)
    VacancyFactory(
        title_en="Fruit picker",
        title_kaa="Miywe teriwshi",
        country=CountryFactory(code="GB"),
        wage_min=2500,
        wage_currency="USD",
    )

    page.goto(f"{live_server.url}/kaa/vacancies/")
    assert page.locator("html").get_attribute("lang") == "kaa"
    assert axe(page) == [], "accessibility violations on the list"
    page.get_by_label("Baratuǵın mámleket").select_option("KR")
    page.get_by_label("Aylıq eń az is haqı, AQSH dolları").fill("1500")
    page.get_by_role("button", name="Vakansiyalardı kórsetiw").click()
    page.wait_for_url(re.compile(r".*country=KR.*min_wage=1500.*"))
    cards = page.locator("li.vacancy h3")
    assert cards.all_inner_texts() == ["Svarshık"]

    cards.first.get_by_role("link").click()
    page.wait_for_url(re.compile(r".*/kaa/vacancies/\d+/$"))
    assert "Qubla Koreya" in page.locator("main").inner_text()
    assert axe(page) == [], "accessibility violations on the vacancy"
    page.get_by_role("link", name="Agentlikler reestrinde: Ipak Yoli Servis").click()
    page.wait_for_url(f"{live_server.url}/kaa/agencies/{agency.pk}/")
    assert "Ipak Yoli Servis" in page.locator("h1").inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
