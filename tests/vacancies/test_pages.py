"""The public pages: list and filters, search, detail (410/404), countries, feed."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partners.models import Partner
from spelling import search_words
from tests.factories.agencies import AgencyFactory, LicenceFactory
from tests.factories.users import OfficerFactory
from tests.factories.vacancies import CountryFactory, OccupationFactory, VacancyFactory, rates
from vacancies.models import Vacancy, VacancyCost
from vacancies.pagination import CappedPaginator

pytestmark = pytest.mark.django_db


def titles(response):
    return [vacancy.title for vacancy in response.context["page"].object_list]


@pytest.fixture
def korea():
    return CountryFactory(code="KR", name_en="South Korea", name_ru="Южная Корея")


@pytest.fixture
def uk():
    return CountryFactory(code="GB", name_en="United Kingdom", name_ru="Великобритания")


def test_list_shows_only_public_vacancies(client, korea):
    VacancyFactory(title_en="Open job")
    VacancyFactory(title_en="Closed job", status="closed")
    VacancyFactory(title_en="Unlicensed job", channel="agency", agency=AgencyFactory())
    response = client.get("/en/vacancies/")
    assert response.status_code == 200
    assert titles(response) == ["Open job"]


def test_filter_by_country(client, korea, uk):
    VacancyFactory(title_en="Seoul", country=korea)
    VacancyFactory(title_en="Kent", country=uk)
    assert titles(client.get("/en/vacancies/?country=GB")) == ["Kent"]


def test_filter_by_occupation_group(client):
    builders = OccupationFactory(code="7", title_en="Craft and related trades workers")
    welder = OccupationFactory(code="7212", title_en="Welders and flamecutters")
    VacancyFactory(title_en="Welder", occupation=welder)
    VacancyFactory(title_en="Operator", occupation=OccupationFactory(code="8"))
    assert titles(client.get(f"/en/vacancies/?occupation={builders.code}")) == ["Welder"]


def test_filter_by_minimum_monthly_wage_in_usd(client):
    rates(KRW=1400, GBP="0.8")
    VacancyFactory(title_en="Low", wage_min=Decimal("1400000"), wage_currency="KRW")
    VacancyFactory(title_en="High", wage_min=Decimal("2800000"), wage_currency="KRW")
    VacancyFactory(
        title_en="Hourly",
        wage_min=Decimal("12"),
        wage_currency="GBP",
        wage_period="hour",
        hours_per_week=39,
    )
    assert set(titles(client.get("/en/vacancies/?min_wage=1500"))) == {"High", "Hourly"}
    assert titles(client.get("/en/vacancies/?min_wage=2100")) == ["Hourly"]


def test_filter_by_language_including_none(client):
    VacancyFactory(title_en="Korean needed", language="ko", language_level="EPS-TOPIK")
    VacancyFactory(title_en="No language", language="none")
    assert titles(client.get("/en/vacancies/?language=none")) == ["No language"]
    assert titles(client.get("/en/vacancies/?language=ko")) == ["Korean needed"]


def test_filter_by_housing(client):
    VacancyFactory(title_en="With housing", housing=True)
    VacancyFactory(title_en="Without housing", housing=False)
    assert titles(client.get("/en/vacancies/?housing=on")) == ["With housing"]
    assert len(titles(client.get("/en/vacancies/"))) == 2


def test_filter_by_contract_length(client):
    VacancyFactory(title_en="Season", contract_months=6)
    VacancyFactory(title_en="Year", contract_months=12)
    VacancyFactory(title_en="Two years", contract_months=24)
    assert titles(client.get("/en/vacancies/?contract=short")) == ["Season"]
    assert titles(client.get("/en/vacancies/?contract=year")) == ["Year"]
    assert titles(client.get("/en/vacancies/?contract=long")) == ["Two years"]


def test_filter_by_channel(client):
    agency = AgencyFactory()
    LicenceFactory(agency=agency, destinations=["KR"])
    VacancyFactory(title_en="State", channel="authority")
    VacancyFactory(title_en="Private", channel="agency", agency=agency)
    assert titles(client.get("/en/vacancies/?channel=agency")) == ["Private"]
    assert titles(client.get("/en/vacancies/?channel=authority")) == ["State"]


@pytest.mark.parametrize(
    "query",
    [
        "welder",  # English
        "сварщик",  # Russian, Cyrillic
        "svarshik",  # Russian typed in Latin
        "payvandchi",  # Uzbek Latin
        "пайвандчи",  # Uzbek Cyrillic
        "dánekerlewshi",  # Karakalpak
        "ширетүүчү",  # Kyrgyz
        "Ulsan",
        "Ульсан",
        "WELD",  # beginning of a word
        "Payvandchi Gʻisht",  # two words, the second with Uzbek oʻ/gʻ
        "payvandchi g'isht",  # the apostrophe as phones type it
        "Payvandchi G‘isht",
    ],
)
def test_text_search_in_every_language_and_script(client, query):
    VacancyFactory(
        title_en="Welder",
        title_ru="Сварщик",
        title_uz="Payvandchi (g'isht zavodi)",
        title_kaa="Dánekerlewshi",
        title_ky="Ширетүүчү",
        city="Ulsan",
    )
    VacancyFactory(title_en="Cook", title_ru="Повар", city="Busan")
    assert titles(client.get("/en/vacancies/", {"q": query})) == ["Welder"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("weld & !cook", []),  # "cook" is a word to find, not to exclude
        ("weld:* | (cook", []),
        ("'weld'", ["Welder"]),
        ("weld\\", ["Welder"]),
        ("!!! :*", ["Cook", "Welder"]),  # no word at all: no search
    ],
)
def test_search_syntax_in_a_query_is_only_text(client, query, found):
    """Full-text query operators a person types are words or nothing, never syntax."""
    VacancyFactory(title_en="Welder")
    VacancyFactory(title_en="Cook")
    response = client.get("/en/vacancies/", {"q": query})
    assert response.status_code == 200
    assert sorted(titles(response)) == found


def test_search_follows_an_edited_title(client):
    vacancy = VacancyFactory(title_en="Welder")
    vacancy.title_en = "Poultry worker"
    vacancy.save()
    assert titles(client.get("/en/vacancies/?q=poultry")) == ["Poultry worker"]
    assert titles(client.get("/en/vacancies/?q=welder")) == []


@pytest.mark.postgres
def test_search_uses_the_stored_full_text_document_on_postgresql(client):
    """The database keeps ``search_document`` (the key's words) itself, on insert and
    on update, and the list searches it rather than the key's text."""
    vacancy = VacancyFactory(title_en="Welder")
    (poultry,) = search_words("Poultry")
    Vacancy.objects.filter(pk=vacancy.pk).update(search_key=f" {poultry} ")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_document::text FROM vacancies_vacancy WHERE id = %s", [vacancy.pk]
        )
        assert cursor.fetchone() == (f"'{poultry}':1",)
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'vacancy_country_search_document'"
        )
        assert "gin (country_id, search_document)" in cursor.fetchone()[0]
    with CaptureQueriesContext(connection) as queries:
        assert titles(client.get("/en/vacancies/?q=poult")) == ["Welder"]
    assert any(".search_document @@" in query["sql"] for query in queries)


def test_sort_by_wage_and_deadline(client):
    today = timezone.localdate()
    rates(KRW=1000)
    VacancyFactory(title_en="A", wage_min=1_500_000, deadline=today + timedelta(days=30))
    VacancyFactory(title_en="B", wage_min=2_500_000, deadline=today + timedelta(days=3))
    VacancyFactory(title_en="C", wage_min=2_000_000)
    VacancyFactory(title_en="D", wage_min=9_000_000, wage_currency="XAF")  # no rate
    assert titles(client.get("/en/vacancies/?sort=wage")) == ["B", "C", "A", "D"]
    assert titles(client.get("/en/vacancies/?sort=deadline")) == ["B", "A", "D", "C"]
    assert titles(client.get("/en/vacancies/?sort=newest")) == ["D", "C", "B", "A"]


def test_pagination_keeps_the_filters_in_the_links(client):
    for n in range(25):
        VacancyFactory(title_en=f"Job {n}", housing=True)
    response = client.get("/en/vacancies/?housing=on&sort=newest")
    assert len(titles(response)) == 20
    assert 'href="?housing=on&amp;sort=newest&amp;page=2#results"' in response.content.decode()
    assert len(titles(client.get("/en/vacancies/?housing=on&sort=newest&page=2"))) == 5


def test_a_broad_search_is_counted_only_up_to_the_limit(client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "limit", 40)
    for n in range(45):
        VacancyFactory(title_en=f"Job {n}")
    response = client.get("/en/vacancies/?page=2")
    page = response.content.decode()
    assert "More than 40 vacancies found" in page
    assert "Page 2<" in page and "Page 2 of" not in page
    assert len(titles(response)) == 20
    assert len(titles(client.get("/en/vacancies/?page=3"))) == 20  # page 3 is page 2 again


def test_a_search_within_the_limit_is_counted_exactly(client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "limit", 40)
    for n in range(40):
        VacancyFactory(title_en=f"Job {n}")
    page = client.get("/en/vacancies/?page=2").content.decode()
    assert "40 vacancies found" in page and "More than" not in page
    assert "Page 2 of 2" in page


@pytest.mark.parametrize(
    "query",
    [
        {"country": "ZZ"},
        {"country": "x" * 5000},
        {"min_wage": "lots"},
        {"min_wage": "-5"},
        {"q": "bad\x00byte"},
        {"q": "y" * 10000},
        {"occupation": "9999999"},
        {"language": "klingon"},
        {"contract": "forever"},
        {"sort": "-pk; drop table"},
        {"page": "last-but-one"},
        {"page": "99999"},
        {"housing": "maybe"},
    ],
)
def test_malformed_filters_answer_200(client, query):
    VacancyFactory()
    response = client.get("/en/vacancies/", query)
    assert response.status_code == 200


def test_list_page_queries_do_not_grow_with_page_size(client):
    """The same queries for one vacancy as for a full page from many agencies:
    count, page, countries, agencies and the hotlines (the filter menus come
    from the cache after the first search)."""
    rates(KRW=1400)
    occupation = OccupationFactory(code="8")

    def queries_for_list():
        client.get("/en/vacancies/")
        with CaptureQueriesContext(connection) as context:
            response = client.get("/en/vacancies/?q=operator&sort=wage")
        return len(titles(response)), len(context.captured_queries)

    def add_vacancies(count):
        for n in range(count):
            agency = AgencyFactory()
            LicenceFactory(agency=agency, destinations=["KR"])
            VacancyFactory(channel="agency", agency=agency, occupation=occupation, housing=n % 2)

    add_vacancies(1)
    shown, one = queries_for_list()
    assert shown == 1
    add_vacancies(24)
    shown, full_page = queries_for_list()
    assert shown == 20
    assert full_page == one <= 6


def test_filter_menus_follow_edits_of_countries_and_occupations(client, korea):
    assert "New Zealand" not in client.get("/en/vacancies/").content.decode()
    CountryFactory(code="NZ", name_en="New Zealand")
    crafts = OccupationFactory(code="7")
    crafts.title_en = "Craft workers"
    crafts.save()
    page = client.get("/en/vacancies/?country=NZ&occupation=7").content.decode()
    assert '<option value="NZ" selected>New Zealand</option>' in page
    assert '<option value="7" selected>7 Craft workers</option>' in page
    korea.name_en = "Republic of Korea"
    korea.save()
    assert ">Republic of Korea</option>" in client.get("/en/vacancies/").content.decode()


def full_vacancy(**fields):
    rates(KRW=1400, UZS=12600, KGS=87)
    agency = AgencyFactory()
    LicenceFactory(agency=agency, destinations=["KR"])
    vacancy = VacancyFactory(
        channel="agency",
        agency=agency,
        wage_min=Decimal("2100000"),
        wage_max=Decimal("2800000"),
        hours_per_week=40,
        housing=True,
        language="ko",
        language_level="EPS-TOPIK",
        age_min=18,
        age_max=39,
        **fields,
    )
    VacancyCost.objects.create(vacancy=vacancy, kind="medical", amount=40, currency="USD")
    VacancyCost.objects.create(vacancy=vacancy, kind="agency_fee", amount=300000, currency="UZS")
    return vacancy


def test_detail_shows_what_to_check_before_signing(client):
    vacancy = full_vacancy()
    response = client.get(f"/uz/vacancies/{vacancy.pk}/")
    html = re.sub(r"[\xa0\u202f]", " ", response.content.decode())
    assert response.status_code == 200
    assert "2 100 000–2 800 000 KRW" in html
    assert "1 500–2 000 USD · 18 900 000–25 200 000 UZS" in html
    assert "KGS" not in html  # Uzbek readers see soʻm, Kyrgyz readers som
    assert "EPS-TOPIK" in html
    assert "300 000 UZS" in html
    assert "40 USD" in html
    assert "Ipak Yoli Servis" in html
    assert "https://t.me/share/url?url=" in html
    assert "https://wa.me/?text=" in html
    html_ky = client.get(f"/ky/vacancies/{vacancy.pk}/").content.decode()
    assert "KGS" in html_ky


def test_detail_says_where_a_vacancy_came_from_and_when_it_was_updated(client):
    partner = Partner.objects.create(name="Hanil Manpower Co.")
    vacancy = VacancyFactory(source="feed", partner=partner, external_id="HM-1")
    html = client.get(f"/en/vacancies/{vacancy.pk}/").content.decode()
    updated = timezone.localtime(vacancy.updated_at).strftime("%d/%m/%Y")
    assert f"partner feed: Hanil Manpower Co.; last updated: {updated}" in html
    manual = VacancyFactory()
    html = client.get(f"/en/vacancies/{manual.pk}/").content.decode()
    assert "entered by staff; last updated: " in html


def test_detail_links_the_agency_to_its_registry_page_and_the_report_form(client):
    vacancy = full_vacancy()
    html = client.get(f"/en/vacancies/{vacancy.pk}/").content.decode()
    assert f'href="/en/agencies/{vacancy.agency.pk}/"' in html
    assert 'href="/en/agencies/report/"' in html
    assert client.get(f"/en/agencies/{vacancy.agency.pk}/").status_code == 200


def test_detail_page_makes_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    vacancy = full_vacancy()
    with django_assert_max_num_queries(6):
        assert client.get(f"/en/vacancies/{vacancy.pk}/").status_code == 200


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "closed"},
        {"expires_on": timezone.localdate() - timedelta(days=1)},
        {"deadline": timezone.localdate() - timedelta(days=2)},
    ],
)
def test_closed_or_expired_vacancy_answers_410_with_similar_open_ones(client, fields):
    gone = VacancyFactory(title_en="Gone", **fields)
    VacancyFactory(title_en="Still open")
    response = client.get(f"/en/vacancies/{gone.pk}/")
    assert response.status_code == 410
    assert [v.title for v in response.context["similar"]] == ["Still open"]


def test_similar_vacancies_are_of_the_same_destination_and_occupation_group_first(client):
    gone = VacancyFactory(title_en="Gone", status="closed", occupation=OccupationFactory(code="8"))
    VacancyFactory(title_en="Same group", occupation=OccupationFactory(code="83"))
    VacancyFactory(title_en="Other group", occupation=OccupationFactory(code="9"))
    VacancyFactory(title_en="Other country", country=CountryFactory(code="GB"))
    response = client.get(f"/en/vacancies/{gone.pk}/")
    assert [v.title for v in response.context["similar"]] == ["Same group"]
    assert response.context["similar"][0].country_name == "South Korea"  # as a card

    Vacancy.objects.filter(title_en="Same group").update(status="closed")
    response = client.get(f"/en/vacancies/{gone.pk}/")
    assert [v.title for v in response.context["similar"]] == ["Other group"]


def test_vacancy_of_a_suspended_agency_answers_410(client):
    from agencies import services

    vacancy = full_vacancy()
    licence = vacancy.agency.licences.get()
    services.suspend(licence, actor=OfficerFactory(), reason="Complaints")
    assert client.get(f"/en/vacancies/{vacancy.pk}/").status_code == 410


@pytest.mark.parametrize("path", ["/en/vacancies/999999/", "/en/vacancies/abc/"])
def test_unknown_vacancy_is_404(client, path):
    assert client.get(path).status_code == 404


def test_draft_is_404(client):
    draft = VacancyFactory(status="draft", published_at=None)
    assert client.get(f"/en/vacancies/{draft.pk}/").status_code == 404


def test_countries_list_counts_open_vacancies(client, korea, uk, django_assert_max_num_queries):
    VacancyFactory(country=korea)
    VacancyFactory(country=korea)
    VacancyFactory(country=uk, status="closed")
    with django_assert_max_num_queries(3):
        response = client.get("/ru/countries/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Южная Корея" in html
    counts = {c.code: c.open_vacancies for c in response.context["countries"]}
    assert counts["KR"] == 2 and counts["GB"] == 0
    assert response.context["countries"][0].code == "KR", "most open vacancies first"


def test_open_vacancy_counts_are_counted_once_for_all_destination_pages(client, korea):
    VacancyFactory(country=korea)
    client.get("/ru/countries/")
    with CaptureQueriesContext(connection) as context:
        list_page = client.get("/ru/countries/")
        country_page = client.get("/ru/countries/KR/")
    assert not [q for q in context.captured_queries if "COUNT(" in q["sql"].upper()]
    assert {c.code: c.open_vacancies for c in list_page.context["countries"]}["KR"] == 1
    assert country_page.context["open_vacancies"] == 1


def test_shipped_guides_are_loaded_in_every_language(client):
    html = client.get("/kaa/countries/KR/").content.decode()
    assert "Qubla Koreya" in html
    assert "EPS-TOPIK" in html
    assert "This guide was last checked" not in html  # shown in Karakalpak
    ru = client.get("/ru/countries/GB/").content.decode()
    assert "Великобритания" in ru and "визе сезонного работника" in ru


def test_country_page_shows_its_guide_and_vacancies(client, korea):
    korea.entry_and_permits_en = "Work needs an E-9 visa under the Employment Permit System."
    korea.entry_and_permits_ru = "Для работы нужна виза E-9 по Системе разрешений на работу."
    korea.save()
    VacancyFactory(title_en="Welder", country=korea)
    html = client.get("/ru/countries/kr/").content.decode()
    assert "Для работы нужна виза E-9" in html
    assert "Welder" in html


@pytest.mark.parametrize("code", ["XX", "K1", "a" * 300])
def test_unknown_country_is_404(client, code):
    assert client.get(f"/en/countries/{code}/").status_code == 404


def test_feed_follows_a_search(client, korea, uk):
    VacancyFactory(title_en="Seoul welder", country=korea)
    VacancyFactory(title_en="Kent picker", country=uk)
    VacancyFactory(title_en="Closed one", country=uk, status="closed")
    response = client.get("/en/vacancies/feed/?country=GB")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Kent picker" in body
    assert "Seoul welder" not in body and "Closed one" not in body


def test_feed_with_malformed_filters_is_still_a_feed(client):
    VacancyFactory(title_en="Welder")
    response = client.get("/en/vacancies/feed/", {"min_wage": "x", "q": "\x00"})
    assert response.status_code == 200
    assert "Welder" in response.content.decode()


def test_suspended_agency_vacancies_leave_the_feed(client):
    from agencies import services

    vacancy = full_vacancy()
    assert vacancy.title in client.get("/en/vacancies/feed/").content.decode()
    services.suspend(vacancy.agency.licences.get(), actor=OfficerFactory(), reason="Complaints")
    assert vacancy.title not in client.get("/en/vacancies/feed/").content.decode()
    assert Vacancy.objects.public().count() == 0


def test_a_jinja_page_fills_the_layouts_blocks(client, korea):
    """The list and a vacancy's page are Jinja2 pages in the layout
    (`ui.jinja.render_page`): each gives its title, description, head and body class,
    a page that gives none keeps the layout's own, and the test client still reads
    the page's context."""
    vacancy = VacancyFactory(country=korea, title_en="Welder", employer_name="Hanbit Metal")
    listing = client.get("/en/vacancies/?country=KR")
    html = listing.content.decode()
    assert "<title>Jobs abroad · Safe work abroad</title>" in html
    assert 'type="application/atom+xml"' in html.split("</head>")[0]
    assert "/en/vacancies/feed/?country=KR" in html.split("</head>")[0]
    assert 'content="Real jobs abroad, licensed agencies' in html  # the layout's own
    assert '<body class="">' in html
    assert [card.pk for card in listing.context["page"].object_list] == [vacancy.pk]
    page = client.get(f"/en/vacancies/{vacancy.pk}/?print=1").content.decode()
    assert "<title>Welder · Safe work abroad</title>" in page
    assert '<meta name="description" content="Welder, South Korea, Hanbit Metal">' in page
    assert '<body class="printable">' in page
    assert page.count("<html") == 1 and page.count("</main>") == 1
