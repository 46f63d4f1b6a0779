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
    page.locator("details.more-filters summary").click()  # the filters are folded
    page.get_by_label("Barıw mámleketi").select_option("KR")
    page.get_by_label("Aylıq eń az is haqı, AQSH dolları").fill("1500")
    page.get_by_role("button", name="Vakansiyalardı kórsetiw").click()
    page.wait_for_url(re.compile(r".*country=KR.*min_wage=1500.*#results$"))
    # The page lands on the results, not at its top.
    assert page.evaluate("window.scrollY") > 0 or page.locator("#results").bounding_box()["y"] < 200
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


def test_the_first_vacancy_is_on_the_first_screen_in_every_language(live_server, page, axe):
    rates(KRW=1400, UZS=12000, KGS=87)
    korea = CountryFactory(code="KR", name_en="South Korea")
    for n in range(3):
        VacancyFactory(
            title_en=f"Welder {n}", country=korea, wage_min=2_800_000, city="Ulsan", housing=True
        )
    for lang in ("uz", "kaa", "ky", "ru", "en"):
        page.goto(f"{live_server.url}/{lang}/vacancies/")
        first = page.locator("li.vacancy").first.bounding_box()
        assert first["y"] < 740, f"the first vacancy starts below the first screen in {lang}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert axe(page) == [], f"accessibility violations on the list in {lang}"
    # Filters set: chips, the count on the folded filters, still no violation.
    page.goto(f"{live_server.url}/ky/vacancies/?country=KR&housing=on")
    assert page.locator("ul.chips li").count() == 3  # two chips and "clear all"
    assert axe(page) == [], "accessibility violations with chips"
    # Every link and button is at least 24 px high (WCAG 2.2, 2.5.8); a card's title
    # link is the whole card (its ::after covers it), links inside a sentence are exempt.
    small = page.evaluate(
        """() => [...document.querySelectorAll('main a, main button, main summary')]
              .filter(e => e.getClientRects().length && e.getBoundingClientRect().height < 24
                           && !e.closest('p.small, .sort, .tappable'))
              .map(e => e.textContent.trim())"""
    )
    assert small == []
    # The whole card opens the vacancy.
    card = page.locator("li.vacancy").first
    box = card.bounding_box()
    card.click(position={"x": box["width"] - 10, "y": box["height"] - 8})  # a corner, no text
    page.wait_for_url(re.compile(r".*/ky/vacancies/\d+/$"))
    assert axe(page) == [], "accessibility violations on the vacancy"


def test_karakalpak_pages_show_karakalpak_dates_and_grouped_numbers(live_server, page):
    import datetime

    rates(KRW=1400, UZS=12000)
    vacancy = VacancyFactory(
        wage_min=2_096_270,
        deadline=datetime.date(2099, 4, 22),
        start_date=datetime.date(2099, 3, 1),
    )
    page.goto(f"{live_server.url}/kaa/vacancies/{vacancy.pk}/")
    main = page.locator("main").inner_text().replace("\xa0", " ")
    assert "22.04.2099" in main and "01.03.2099" in main
    assert "2 096 270 KRW" in main
    assert "04/22/2099" not in main and "Apr." not in main


def test_a_country_guide_is_lists_and_a_short_contents(live_server, page, axe):
    country = CountryFactory(code="KR", name_en="South Korea")
    country.entry_and_permits_en = "Apply through EPS.\n\n- Age 18 to 39\n- EPS-TOPIK passed"
    country.climate_en = "Cold winters.\n\n- Bring warm clothes"
    country.save()
    page.goto(f"{live_server.url}/en/countries/KR/")
    assert page.locator("main section ul li").count() == 3
    toc = page.locator("nav.toc").bounding_box()
    assert toc["height"] < 200
    assert axe(page) == []
