"""Issue 16 on the home page and the layout: every service card is a link, a job
search box, the country guides in the navigation, the reader's own hotline first."""

import pytest

from portal.models import Hotline

pytestmark = pytest.mark.django_db


def test_every_service_card_has_one_primary_action(client):
    html = client.get("/en/").content.decode()
    cards = html.split('<ul class="cards">')[1].split("</ul>")[0]
    for href in (
        "/en/vacancies/",
        "/en/agencies/verify/",
        "/en/blacklist/check/",
        "/en/countries/",
    ):
        assert f'<h3><a href="{href}">' in cards
    assert cards.count('class="card tappable"') == 4


def test_the_home_page_searches_jobs(client):
    html = client.get("/uz/").content.decode()
    form = (
        html.split('class="searchbox"')[0].rsplit("<form", 1)[1]
        + html.split('class="searchbox"')[1].split("</form>")[0]
    )
    assert 'action="/uz/vacancies/#results"' in form
    assert 'name="q"' in form
    assert ">Qidirish</button>" in form


def test_the_navigation_reaches_the_country_guides(client):
    html = client.get("/ky/").content.decode()
    nav = html.split('class="wrap main-nav"')[1].split("</nav>")[0]
    assert 'href="/ky/countries/">Өлкөлөр боюнча колдонмолор</a>' in nav


@pytest.fixture
def hotlines(db):
    Hotline.objects.all().delete()
    Hotline.objects.create(name_en="Uzbek line", phone="+998 71 000 00 00", country="UZ", order=0)
    Hotline.objects.create(name_en="Kyrgyz line", phone="+996 312 000 000", country="KG", order=1)


@pytest.mark.parametrize(
    ("lang", "first"),
    [
        ("ky", "+996 312 000 000"),
        ("uz", "+998 71 000 00 00"),
        ("kaa", "+998 71 000 00 00"),
        ("ru", "+998 71 000 00 00"),
    ],
)
def test_the_readers_own_hotline_comes_first(client, hotlines, lang, first):
    footer = client.get(f"/{lang}/").content.decode().split('class="hotlines"')[1]
    numbers = [footer.index("+996 312 000 000"), footer.index("+998 71 000 00 00")]
    assert footer.index(first) == min(numbers)
