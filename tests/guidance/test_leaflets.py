"""One-page printable leaflets of each stage and each guide, with a QR code drawn
by segno from the exact address of the page, served inline from our own host."""

import re
from pathlib import Path

import pytest
import segno
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.translation import gettext

from guidance.qr import ERROR_CORRECTION, SCALE, qr_svg
from vacancies.models import Country

pytestmark = pytest.mark.django_db
SVG = re.compile(r"<svg.*?</svg>", re.S)


def test_the_qr_code_is_segnos_drawing_of_exactly_the_url():
    url = "https://portal.example/kaa/help/abroad/"
    expected = segno.make(url, error=ERROR_CORRECTION, micro=False)
    svg = qr_svg(url, "QR")
    assert svg == expected.svg_inline(scale=SCALE, title="QR", dark="#000", light="#fff")
    assert svg != qr_svg(url + "x", "QR")  # another address, another drawing


@pytest.mark.parametrize("lang", ["uz", "kaa", "ky", "ru", "en"])
def test_a_stage_leaflet_carries_the_qr_of_its_page(client, content, lang):
    response = client.get(f"/{lang}/help/abroad/leaflet/")
    html = response.content.decode()
    assert response.status_code == 200
    page_url = f"http://testserver/{lang}/help/abroad/"
    with translation.override(lang):
        title = gettext("QR code: %(address)s") % {"address": page_url}
    assert SVG.findall(html) == [qr_svg(page_url, title)]
    assert page_url in html  # printed under the code, for those without a scanner
    assert "http" not in html.replace(page_url, "").replace("http://www.w3.org/2000/svg", "")


def test_a_guide_leaflet_carries_the_qr_of_the_guide(client, content):
    html = client.get("/ru/countries/kr/leaflet/").content.decode()
    page_url = "http://testserver/ru/countries/KR/"
    with translation.override("ru"):
        title = gettext("QR code: %(address)s") % {"address": page_url}
    assert SVG.findall(html) == [qr_svg(page_url, title)]


def test_a_leaflet_is_a_few_kilobytes_and_prints_on_one_page(client, content):
    for path in (
        "/en/help/before/leaflet/",
        "/en/help/abroad/leaflet/",
        "/en/countries/RU/leaflet/",
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert len(response.content) < 14_000, path
    css = Path(finders.find("guidance/leaflet.css")).read_text()
    assert "@media print" in css and "@page" in css
    assert len(css) < 3000


def test_no_leaflet_for_a_guide_that_is_not_published(client, content):
    Country.objects.create(code="NO", name_en="Norway")
    assert client.get("/en/countries/NO/leaflet/").status_code == 404
    assert client.get("/en/countries/1x/leaflet/").status_code == 404
    assert client.get("/en/help/nowhere/leaflet/").status_code == 404


def test_the_pages_link_their_leaflets(client, content):
    assert 'href="/en/help/home/leaflet/"' in client.get("/en/help/home/").content.decode()
    assert 'href="/en/countries/QA/leaflet/"' in client.get("/en/countries/QA/").content.decode()
