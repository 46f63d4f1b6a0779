"""Issue 16, the job board's words and first screen: what a first-time visitor
stumbled over, pinned (the provisions said plainly, no experience needed, currency
names, contacts only from the data, chips and clear-all, the empty result's way out,
home-currency wages in the list, guide lists and formats in every language)."""

import re
from decimal import Decimal

import pytest

from tests.factories.agencies import AgencyChannelFactory, AgencyFactory, LicenceFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory, rates

pytestmark = pytest.mark.django_db


def text(response):
    """The page's HTML with no-break spaces as spaces."""
    return re.sub(r"[\xa0\u202f]", " ", response.content.decode())


def test_what_the_employer_provides_is_said_plainly_either_way(client):
    vacancy = VacancyFactory(housing=True, insurance=False, flight=False)
    html = text(client.get(f"/en/vacancies/{vacancy.pk}/"))
    assert "Housing: provided by the employer" in html
    assert "Health insurance: not provided" in html
    assert "Flight: not paid by the employer" in html
    assert "Not provided: health insurance provided" not in html
    ru = text(client.get(f"/ru/vacancies/{vacancy.pk}/"))
    assert "Медицинская страховка: не предоставляется" in ru
    assert "медицинская страховка предоставляется" not in ru
    uz = text(client.get(f"/uz/vacancies/{vacancy.pk}/"))
    assert "Tibbiy sugʻurta: taʼminlanmaydi" in uz


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("en", "No experience needed"),
        ("uz", "Ish tajribasi talab qilinmaydi"),
        ("kaa", "Jumıs tájiriybesi talap etilmeydi"),
        ("ky", "Иш тажрыйбасы талап кылынбайт"),
        ("ru", "Опыт работы не нужен"),
    ],
)
def test_zero_years_of_experience_reads_no_experience_needed(client, lang, phrase):
    vacancy = VacancyFactory(experience_years=0)
    html = text(client.get(f"/{lang}/vacancies/{vacancy.pk}/"))
    assert phrase in html
    assert "0 years" not in html
    experienced = VacancyFactory(experience_years=2)
    assert "Experience: 2 years" in text(client.get(f"/en/vacancies/{experienced.pk}/"))


@pytest.mark.parametrize(
    ("currency", "lang", "name"),
    [
        ("KRW", "en", "South Korean won"),
        ("KRW", "ky", "Түштүк Корея воны"),
        ("TRY", "uz", "Turkiya lirasi"),
        ("PLN", "ru", "польский злотый"),
        ("PLN", "kaa", "Polsha zlotıyı"),
    ],
)
def test_the_wage_currency_is_named_in_words_once(client, currency, lang, name):
    vacancy = VacancyFactory(wage_currency=currency, wage_min=Decimal("4000"))
    html = text(client.get(f"/{lang}/vacancies/{vacancy.pk}/"))
    assert html.count(f"{currency}</strong> ({name})") == 1


def test_agency_vacancy_gives_the_registry_phone_and_no_other(client):
    agency = AgencyFactory()
    LicenceFactory(agency=agency, destinations=["KR"])
    AgencyChannelFactory(agency=agency, kind="phone", value="+998 71 200 11 22")
    AgencyChannelFactory(agency=agency, kind="telegram", value="@ipak_official")
    vacancy = VacancyFactory(channel="agency", agency=agency)
    html = text(client.get(f"/en/vacancies/{vacancy.pk}/"))
    assert 'href="tel:+998712001122">+998 71 200 11 22</a>' in html
    assert "Official phone" in html
    assert f'href="/en/agencies/{agency.pk}/"' in html


def test_state_recruitment_gives_the_authority_phone(client):
    vacancy = VacancyFactory(channel="authority")
    vacancy.authority.phone = "+998 71 203 00 00"
    vacancy.authority.save()
    html = text(client.get(f"/en/vacancies/{vacancy.pk}/"))
    assert "This is state organised recruitment" in html
    assert 'href="tel:+998712030000">+998 71 203 00 00</a>' in html


def test_without_a_phone_in_the_data_none_is_shown(client):
    agency = AgencyFactory()
    LicenceFactory(agency=agency, destinations=["KR"])
    vacancy = VacancyFactory(channel="agency", agency=agency)
    html = text(client.get(f"/en/vacancies/{vacancy.pk}/"))
    assert "Official phone" not in html
    assert "The registry holds no official phone number for it" in html
    assert "tel:" not in html.split('class="hotlines"')[0]


def test_a_printable_version_is_linked_and_leaves_out_the_navigation(client):
    vacancy = VacancyFactory()
    html = text(client.get(f"/en/vacancies/{vacancy.pk}/"))
    assert 'href="?print=1">Printable version</a>' in html
    printable = text(client.get(f"/en/vacancies/{vacancy.pk}/?print=1"))
    assert '<body class="printable">' in printable


@pytest.fixture
def two_countries(db):
    rates(KRW=1400, UZS=12600, KGS=87)
    korea = CountryFactory(code="KR", name_en="South Korea")
    uk = CountryFactory(code="GB", name_en="United Kingdom")
    VacancyFactory(title_en="Welder", country=korea, housing=True, wage_min=Decimal("2800000"))
    VacancyFactory(title_en="Fruit picker", country=uk, wage_min=2500, wage_currency="USD")
    return korea, uk


def test_active_filters_are_chips_that_remove_themselves_with_clear_all(client, two_countries):
    html = text(client.get("/en/vacancies/", {"country": "KR", "housing": "on", "q": "weld"}))
    chips = html.split('<ul class="chips"')[1].split("</ul>")[0]
    assert "Destination country: South Korea" in chips
    assert "Housing provided" in chips
    assert "Words to search: weld" in chips
    # Each chip links to the same search without itself.
    assert 'href="?housing=on&amp;q=weld#results"' in chips
    assert 'href="?country=KR&amp;q=weld#results"' in chips
    assert 'aria-label="Remove filter: Destination country South Korea"' in chips
    assert '<a class="clear-all" href="/en/vacancies/">Clear all filters</a>' in chips
    # The folded filters say how many of them are set (the text box is outside).
    assert 'More filters <span class="count">(2 active)</span>' in html
    assert "Welder" in html and "Fruit picker" not in html


def test_no_filter_no_chips_and_sort_beside_the_count(client, two_countries):
    html = text(client.get("/en/vacancies/"))
    assert 'class="chips"' not in html
    head = html.split('<div class="results-head">')[1].split("</div>")[0]
    assert "2 vacancies found" in head
    assert '<strong aria-current="true">newest first</strong>' in head
    assert 'href="?sort=wage#results">highest wage first</a>' in head


def test_an_empty_result_helps_and_links_to_all_vacancies(client, two_countries):
    html = text(client.get("/uz/vacancies/", {"q": "astronavt", "country": "KR"}))
    assert "Bu qidiruvga mos ochiq vakansiya yoʻq." in html
    assert '<a class="button" href="/uz/vacancies/">' in html


def test_the_list_shows_wages_in_the_readers_home_currency(client, two_countries):
    uz = text(client.get("/uz/vacancies/"))
    assert "2 000 USD · 25 200 000 UZS" in uz  # 2,800,000 KRW at 1,400 a dollar
    ky = text(client.get("/ky/vacancies/"))
    assert "2 000 USD · 174 000 KGS" in ky
    assert "UZS" not in ky.split("<main")[1].split("</main>")[0]


def test_every_card_is_a_link_target(client, two_countries):
    html = text(client.get("/en/vacancies/"))
    assert html.count('<li class="card vacancy tappable">') == 2


def test_guides_render_their_dash_lines_as_lists(client):
    country = CountryFactory(code="KR", name_en="South Korea")
    country.entry_and_permits_en = "Apply through EPS.\n\n- Age 18 to 39\n- EPS-TOPIK passed"
    country.save()
    html = text(client.get(f"/en/countries/{country.code}/"))
    assert "<ul><li>Age 18 to 39</li><li>EPS-TOPIK passed</li></ul>" in html
    assert "- Age" not in html
    assert '<nav class="toc"' in html


@pytest.mark.parametrize(
    ("lang", "date", "amount"),
    [
        ("kaa", "22.04.2026", "2 096 270"),
        ("uz", "22.04.2026", "2 096 270"),
        ("ky", "22.04.2026", "2 096 270"),
        ("ru", "22.04.2026", "2 096 270"),
        ("en", "22/04/2026", "2,096,270"),
    ],
)
def test_dates_and_money_in_each_languages_format(client, lang, date, amount):
    import datetime

    vacancy = VacancyFactory(
        wage_min=Decimal("2096270"),
        deadline=datetime.date(2099, 4, 22),
        start_date=datetime.date(2026, 4, 22),
    )
    html = text(client.get(f"/{lang}/vacancies/{vacancy.pk}/"))
    assert f"{amount} KRW" in html
    assert date in html
    assert "04/22/2026" not in html


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kaa", "22-aprel, 2022-jıl · 1\xa0234,50"),
        ("ky", "2022-ж., 22-апрель · 1\xa0234,50"),
        ("uz", "22-aprel, 2022-yil · 1\xa0234,50"),
    ],
)
def test_long_dates_and_decimals_in_the_languages_own_way(lang, expected):
    """Karakalpak has no formats in Django; Kyrgyz months inside a date are lower
    case, and its decimal mark a comma (CLDR)."""
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    with translation.override(lang):
        rendered = Template('{{ d|date:"DATE_FORMAT" }} · {{ n|floatformat:"2g" }}').render(
            Context({"d": datetime.date(2022, 4, 22), "n": Decimal("1234.5")})
        )
    assert rendered == expected
