"""Alerts show in the account page and say on the privacy page what they keep."""

import pytest

from tests.factories.users import ApplicantFactory

pytestmark = pytest.mark.django_db


def test_the_account_page_links_to_my_alerts(client):
    client.force_login(ApplicantFactory())
    page = client.get("/en/account/").content.decode()
    assert 'href="/en/alerts/"' in page
    assert "Alerts for new vacancies" in page


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("uz", "Xabarnomalar va Telegram bot"),
        ("kaa", "Xabarlandırıwlar hám Telegram bot"),
        ("ky", "Билдирмелер жана Telegram бот"),
        ("ru", "Оповещения и Telegram-бот"),
        ("en", "Alerts and the Telegram bot"),
    ],
)
def test_the_privacy_page_says_what_alerts_keep(client, lang, heading):
    page = client.get(f"/{lang}/privacy/").content.decode()
    assert heading in page
