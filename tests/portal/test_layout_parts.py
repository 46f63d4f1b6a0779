"""The layout's parts kept as HTML (`portal.layout`): the same HTML as written
afresh, each in its language, and a changed hotline or demo notice is shown at once,
because the footer is kept by all it shows."""

import pytest

from portal import layout
from portal.models import Hotline

pytestmark = pytest.mark.django_db


def footer_of(html):
    return html.split('<footer class="site-footer">')[1].split("</footer>")[0]


def navigation_of(html):
    return html.split('<nav class="wrap main-nav"')[1].split("</header>")[0]


def test_kept_parts_are_the_parts_written_afresh_in_each_language(client):
    layout._parts.written.clear()
    first = client.get("/uz/").content.decode()
    assert layout._parts.written
    again = client.get("/uz/").content.decode()
    assert footer_of(again) == footer_of(first) and navigation_of(again) == navigation_of(first)
    layout._parts.written.clear()
    assert navigation_of(client.get("/uz/").content.decode()) == navigation_of(first)
    kyrgyz = client.get("/ky/").content.decode()
    assert 'href="/ky/vacancies/"' in navigation_of(kyrgyz)
    assert 'href="/uz/vacancies/"' in navigation_of(first)


def test_a_changed_hotline_is_shown_at_once(client):
    Hotline.objects.all().delete()
    line = Hotline.objects.create(name_en="Migrant line", phone="+996 312 000 001", country="KG")
    assert "+996 312 000 001" in footer_of(client.get("/en/").content.decode())
    line.phone = "+996 312 000 002"
    line.save()
    footer = footer_of(client.get("/en/").content.decode())
    assert "+996 312 000 002" in footer and "+996 312 000 001" not in footer


def test_the_demo_notice_follows_the_setting(client, settings):
    settings.DEMO_NOTICE = False
    assert "demo-notice" not in footer_of(client.get("/en/").content.decode())
    settings.DEMO_NOTICE = True
    assert "demo-notice" in footer_of(client.get("/en/").content.decode())
