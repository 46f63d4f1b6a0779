import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal.models import Hotline

pytestmark = pytest.mark.django_db

LANGUAGES = ["uz", "kaa", "ky", "ru", "en"]
HOME_HEADINGS = {
    "uz": "Xorijda xavfsiz va qonuniy ishlang",
    "kaa": "Shet elde qáwipsiz hám nızamlı isleń",
    "ky": "Чет өлкөдө коопсуз жана мыйзамдуу иштеңиз",
    "ru": "Работайте за рубежом безопасно и законно",
    "en": "Work abroad safely and legally",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_is_in_the_language_of_its_url(client, lang):
    response = client.get(f"/{lang}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert HOME_HEADINGS[lang] in html


def test_home_page_names_the_three_services_and_the_safety_rules(client):
    html = client.get("/en/").content.decode()
    for text in [
        "Find a job abroad",
        "Check an agency or a recruiter",
        "Check yourself for an entry ban",
        "tourist visa",
        "more than the fee the law allows",
        "written contract",
    ]:
        assert text in html


def test_home_page_has_landmarks_and_skip_link(client):
    html = client.get("/uz/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("ru-RU,ru;q=0.9", "/ru/"),
        ("kaa", "/kaa/"),
        ("ky,ru;q=0.5", "/ky/"),
        ("uz-Latn", "/uz/"),
        ("fr-FR,de;q=0.8", "/uz/"),
        ("", "/uz/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize("path", ["/fr/", "/de/", "/uz-cyrl/", "/xx/admin/", "/uz/no-such-page/"])
def test_unknown_pages_and_language_prefixes_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uz", "Sahifa topilmadi"),
        ("kaa", "Bet tabılmadı"),
        ("ky", "Барак табылган жок"),
        ("ru", "Страница не найдена"),
        ("en", "Page not found"),
    ],
)
def test_404_page_is_translated(client, lang, text):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


@override_settings(ROOT_URLCONF="tests.portal.urls_failing")
def test_500_page_is_translated_and_friendly(client):
    client.raise_request_exception = False
    response = client.get("/ru/fail/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Что-то пошло не так" in html
    assert '<html lang="ru">' in html


def test_language_switcher_keeps_page_and_query(client):
    html = client.get("/uz/no-such-page/?q=abc").content.decode()
    assert 'href="/ru/no-such-page/?q=abc"' in html
    home = client.get("/ky/?a=1").content.decode()
    for lang in LANGUAGES:
        assert f'href="/{lang}/?a=1" lang="{lang}" hreflang="{lang}"' in home
    assert 'aria-current="true">Кыргызча<' in home


def test_hotlines_are_shown_translated(client):
    Hotline.objects.create(
        name_en="Help line",
        name_ru="Линия помощи",
        name_uz="Yordam liniyasi",
        phone="+998 71 000 00 00",
        hours_en="Every day",
    )
    Hotline.objects.create(name_en="Hidden line", phone="+1", is_active=False)
    assert "Линия помощи" in client.get("/ru/").content.decode()
    kaa = client.get("/kaa/").content.decode()
    assert "Yordam liniyasi" in kaa  # Karakalpak falls back to Uzbek
    assert 'href="tel:+998710000000"' in kaa
    assert "Hidden line" not in kaa
    assert "Линия помощи" in client.get("/ky/").content.decode()  # Kyrgyz falls back to Russian


def _assets(html):
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(
        r'<script[^>]+src="([^"]+)"', html
    )


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_home_page_weighs_at_most_30_kb_compressed(client):
    html = client.get("/uz/").content
    total = len(gzip.compress(html))
    for url in _assets(html.decode()):
        asset = client.get(url)
        assert asset.status_code == 200, url
        total += len(gzip.compress(_body(asset)))
    assert total <= 30 * 1024, f"home page is {total} bytes compressed"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_load_nothing_from_other_hosts(client, lang):
    html = client.get(f"/{lang}/").content.decode()
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    external = [r for r in references if re.match(r"^(https?:)?//", r)]
    assert external == []
    css = Path(finders.find("css/site.css")).read_text()
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    assert "@import" not in css


def test_static_files_are_served_hashed_and_compressed(client, settings):
    from django.templatetags.static import static

    settings.DEBUG = False
    url = static("css/site.css")
    assert re.search(r"site\.[0-9a-f]{12}\.css$", url)


def test_a_hotline_edited_or_deleted_shows_at_once(client):
    line = Hotline.objects.create(name_en="Help line", phone="+998 71 000 00 01")
    assert "Help line" in client.get("/en/").content.decode()
    line.name_en = "Renamed line"
    line.save()
    assert "Renamed line" in client.get("/en/").content.decode()
    line.delete()
    assert "Renamed line" not in client.get("/en/").content.decode()


def test_the_footer_reads_the_hotlines_once_per_language(client):
    Hotline.objects.create(name_en="Help line", phone="+998 71 000 00 01")
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        assert "Help line" in client.get("/en/").content.decode()
    assert "portal_hotline" not in " ".join(query["sql"] for query in queries)


def test_the_layout_renders_for_a_request_without_a_user_or_without_a_request(rf):
    """An error page answered before authentication has no ``request.user``."""
    from django.template.loader import render_to_string

    request = rf.get("/uz/vacancies/?q=a")
    with translation.override("uz"):
        page = render_to_string("404.html", request=request)
        bare = render_to_string("404.html")
    assert 'href="/ru/vacancies/?q=a"' in page and "/uz/account/login/" in page
    assert 'href="/ru/"' in bare and "/uz/account/login/" in bare
    assert 'class="hotlines"' in bare and 'class="hotlines"' in page
