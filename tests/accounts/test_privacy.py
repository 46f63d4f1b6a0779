"""The privacy page, in every language, says what the code does."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

HEADINGS = {
    "uz": "Portal maʼlumotlaringizdan qanday foydalanadi",
    "kaa": "Portal maǵlıwmatlarıńızdı qalay paydalanadı",
    "ky": "Портал маалыматтарыңызды кантип колдонот",
    "ru": "Как портал использует ваши данные",
    "en": "How the portal uses your data",
}


@pytest.mark.parametrize("lang", [code for code, _ in settings.LANGUAGES])
def test_the_privacy_page_is_in_every_language(client, lang):
    response = client.get(f"/{lang}/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert HEADINGS[lang] in html
    if lang != "en":
        for english in ("Your account", "Text messages", "Entry-ban check", "Signing in"):
            assert f">{english}<" not in html


def test_it_states_the_retention_the_settings_hold(client, settings):
    settings.SIGNIN_LOG_DAYS = 30
    html = client.get("/en/privacy/").content.decode()
    assert "keeps this for 30 days" in html
    assert "paused for 15 minutes" in html
    assert "is not stored and not written to any log" in html


def test_sign_up_links_to_it(client):
    html = client.get("/ky/account/signup/").content.decode()
    assert 'href="/ky/privacy/"' in html
