"""The bot through its webhook, answering through the stand-in Bot API."""

import json

import pytest
from django.utils import translation

from alerts.models import AgencyFollow, Subscription, TelegramChat
from bot import webhook
from tests.factories.agencies import AgencyChannelFactory, LicenceFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def post(client, update, secret=None, header=None):
    return client.post(
        f"/telegram/webhook/{secret or webhook.path_secret()}/",
        update,
        content_type="application/json",
        HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN=header or "webhook-secret-for-tests",
    )


def text(chat_id, words, update_id=1):
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "A"},
            "text": words,
        },
    }


def button(chat_id, data):
    return {
        "update_id": 2,
        "callback_query": {
            "id": "cb1",
            "chat_instance": "x",
            "data": data,
            "from": {"id": chat_id, "is_bot": False, "first_name": "A"},
            "message": {"message_id": 5, "date": 0, "chat": {"id": chat_id, "type": "private"}},
        },
    }


def last(telegram_api, chat_id):
    return telegram_api.sent(chat_id)[-1]


def test_the_webhook_answers_only_with_its_secret_path_and_header(client, telegram_api):
    assert post(client, text(1, "/start"), header="wrong").status_code == 403
    assert post(client, text(1, "/start"), secret="0" * 32).status_code == 403
    assert post(client, b"{not json").status_code == 400
    assert telegram_api.sent() == []


def test_start_asks_the_language_and_answers_in_it(client, telegram_api):
    post(client, text(10, "/start"))
    assert "lang:ky" in str(last(telegram_api, 10)["reply_markup"])
    post(client, button(10, "lang:ky"))
    assert TelegramChat.objects.get(chat_id=10).language == "ky"
    with translation.override("ky"):
        expected = translation.gettext("I help you go abroad to work safely. Send me:")
    assert expected in last(telegram_api, 10)["text"]


def test_a_pasted_channel_gets_the_registry_answer_and_can_be_followed(client, telegram_api):
    licence = LicenceFactory(destinations=["KR"])
    AgencyChannelFactory(agency=licence.agency, kind="phone", value="+998 71 200 00 00")
    post(client, text(20, "+998712000000"))
    answer = last(telegram_api, 20)
    assert licence.agency.legal_name in answer["text"]
    assert f"follow:{licence.agency.pk}" in str(answer["reply_markup"])
    post(client, button(20, f"follow:{licence.agency.pk}"))
    assert AgencyFollow.objects.filter(chat__chat_id=20, agency=licence.agency).exists()


def test_search_with_buttons_then_subscribe_list_and_cancel(client, telegram_api):
    CountryFactory(code="KR", name_en="South Korea")
    VacancyFactory(country_id="KR", title_en="Shipyard welder")
    post(client, text(30, "/jobs"))
    assert "c:KR" in str(last(telegram_api, 30)["reply_markup"])
    post(client, button(30, "c:KR"))
    post(client, button(30, "o:KR:"))
    answer = last(telegram_api, 30)
    assert "Shipyard welder" in answer["text"]
    markup = answer["reply_markup"]
    markup = json.loads(markup) if isinstance(markup, str) else markup
    subscribe = next(
        b["callback_data"]
        for row in markup["inline_keyboard"]
        for b in row
        if b["callback_data"].endswith(":i")
    )
    post(client, button(30, subscribe))
    subscription = Subscription.objects.get(chat__chat_id=30)
    assert subscription.status == "active"
    post(client, text(30, "/alerts"))
    assert f"cancel:{subscription.pk}" in str(last(telegram_api, 30)["reply_markup"])
    post(client, button(30, f"cancel:{subscription.pk}"))
    subscription.refresh_from_db()
    assert subscription.status == "ended"


def test_the_ban_check_is_not_offered_and_links_to_the_private_form(client, telegram_api):
    post(client, text(40, "/bancheck"))
    assert "/blacklist/check/" in last(telegram_api, 40)["text"]


def test_malformed_buttons_change_nothing(client, telegram_api):
    for data in ["sub:x:i", "cancel:", "o:ZZ", "o:??:9", "follow:999999", "nonsense"]:
        assert post(client, button(50, data)).status_code == 200
    assert Subscription.objects.count() == 0
