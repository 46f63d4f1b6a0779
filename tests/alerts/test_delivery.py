"""Alerts end to end against the stand-in Telegram Bot API and a real SMTP server."""

import itertools
import json
import re

import pytest
from django.core import mail  # noqa: F401  (the SMTP backend is configured by the fixture)
from django.urls import reverse
from django.utils import translation

from agencies import services as agency_services
from agencies.models import LicenceDestination
from alerts import matching, services, tasks
from alerts.models import Message, Subscription
from partners.models import PartnerAPIKey
from tests.factories.agencies import AgencyFactory, LicenceFactory
from tests.factories.feeds import FeedFactory
from tests.factories.partners import PartnerFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory, rates
from tests.feeds.conftest import document, vacancy
from vacancies.models import Publisher

pytestmark = pytest.mark.django_db


def make_user(name):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username=name, password=None)


def in_language(language, text):
    with translation.override(language):
        return translation.gettext(text)


def telegram_subscriber(chat_id, query="country=KR", language="ru", frequency="instant"):
    chat = services.chat_for(chat_id)
    services.set_language(chat, language)
    search = services.saved_search(_params(query))
    return services.subscribe_chat(search, chat, frequency=frequency)


def _params(query):
    from django.http import QueryDict

    return QueryDict(query)


def test_a_partner_feed_vacancy_reaches_its_subscriber_once_in_their_language(
    telegram_api, api_client
):
    partner = PartnerFactory(name="Hanil Manpower Co.")
    Publisher.objects.create(partner=partner, channel="employer")
    CountryFactory(code="KR", name_en="South Korea", name_ru="Южная Корея")
    CountryFactory(code="GB", name_en="United Kingdom")
    rates(KRW=1400)
    feed = FeedFactory(partner=partner, url="", kind="vacancies", format="json")
    _, key = PartnerAPIKey.objects.create_key(partner=partner, name="push", scopes=["feeds:push"])
    telegram_subscriber(501, "country=KR", "ru")
    telegram_subscriber(502, "country=GB", "uz")

    response = api_client.post(
        reverse("feed-push", args=[feed.pk]),
        json.dumps(document("vacancies", [vacancy("P1")])),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Api-Key {key}",
    )
    assert response.status_code == 200, response.content
    assert tasks.match_new_vacancies.apply().get() == 1
    assert tasks.match_new_vacancies.apply().get() is None or True
    tasks.deliver_telegram.apply()
    tasks.match_new_vacancies.apply()  # a second run finds nothing new
    tasks.deliver_telegram.apply()

    sent = telegram_api.sent()
    assert [int(m["chat_id"]) for m in sent] == [501]
    text = sent[0]["text"]
    assert in_language("ru", "A new vacancy matches your alert:") in text
    assert "Assembly line worker P1" in text
    assert "/ru/vacancies/" in text


def test_a_vacancy_no_longer_public_at_sending_time_is_not_sent(telegram_api):
    CountryFactory(code="KR")
    telegram_subscriber(601)
    vacancy = VacancyFactory(country_id="KR")
    matching.match_new_vacancies()
    vacancy.status = "closed"
    vacancy.save()
    tasks.deliver_telegram.apply()
    assert telegram_api.sent() == []
    assert Message.objects.get().status == "skipped"


def test_a_batch_of_vacancies_is_one_message_listing_them(telegram_api):
    CountryFactory(code="KR")
    telegram_subscriber(702, language="en")
    VacancyFactory.create_batch(3, country_id="KR")
    matching.match_new_vacancies()
    tasks.deliver_telegram.apply()
    (message,) = telegram_api.sent(702)
    assert "New vacancies that match your alert:" in message["text"]
    assert len(re.findall(r"/en/vacancies/\d+/", message["text"])) == 3


def test_two_matching_searches_of_one_chat_send_one_message(telegram_api):
    CountryFactory(code="KR")
    telegram_subscriber(701, "country=KR")
    telegram_subscriber(701, "country=KR&housing=on")
    VacancyFactory(country_id="KR", housing=True)
    result = matching.match_new_vacancies()
    assert result.messages == 1
    tasks.deliver_telegram.apply()
    assert len(telegram_api.sent(701)) == 1


def test_daily_subscribers_get_one_digest(telegram_api):
    CountryFactory(code="KR")
    telegram_subscriber(801, frequency="daily", language="en")
    VacancyFactory.create_batch(12, country_id="KR")
    matching.match_new_vacancies()
    tasks.deliver_telegram.apply()
    assert telegram_api.sent() == []  # held for the digest
    tasks.send_digests.apply()
    tasks.deliver_telegram.apply()
    (digest,) = telegram_api.sent(801)
    assert len(re.findall(r"/en/vacancies/\d+/", digest["text"])) == services.DIGEST_MAX_ITEMS
    assert "All 12 new vacancies of this search:" in digest["text"]


def test_followers_hear_at_once_when_a_licence_is_suspended_or_loses_a_destination(
    telegram_api, django_capture_on_commit_callbacks
):
    licence = LicenceFactory(
        agency=AgencyFactory(legal_name="Silk Road Recruiting LLC"), destinations=["KR", "GB"]
    )
    chat = services.chat_for(901)
    services.set_language(chat, "uz")
    services.follow(chat, licence.agency)
    with django_capture_on_commit_callbacks(execute=True):
        agency_services.suspend(licence, actor=None, reason="Unpaid wages")
    (message,) = telegram_api.sent(901)
    assert "Silk Road Recruiting LLC" in message["text"]
    assert (
        in_language("uz", "The licence of %(agency)s (%(licence)s) has been suspended.")
        % {"agency": "Silk Road Recruiting LLC", "licence": licence.number}
        in message["text"]
    )

    destination = LicenceDestination.objects.get(licence=licence, country="GB")
    destination.status = "withdrawn"
    with django_capture_on_commit_callbacks(execute=True):
        destination.save()
    assert len(telegram_api.sent(901)) == 2


def test_a_chat_that_blocked_the_bot_ends_its_subscriptions(telegram_api):
    CountryFactory(code="KR")
    subscription = telegram_subscriber(1001)
    telegram_api.block.add(1001)
    VacancyFactory(country_id="KR")
    matching.match_new_vacancies()
    tasks.deliver_telegram.apply()
    subscription.refresh_from_db()
    assert (subscription.status, subscription.end_reason) == ("ended", "blocked")
    assert subscription.chat.blocked_at is not None


def test_429_retry_after_is_waited_out_and_the_message_sent_once(telegram_api):
    CountryFactory(code="KR")
    telegram_subscriber(1101)
    telegram_api.flood, telegram_api.retry_after = 1, 1
    VacancyFactory(country_id="KR")
    matching.match_new_vacancies()
    tasks.deliver_telegram.apply()
    refused, accepted = [
        t for t, method, _p in telegram_api.calls if method in ("429", "sendMessage")
    ]
    assert accepted - refused >= 1.0
    assert len(telegram_api.sent(1101)) == 1
    assert Message.objects.get().status == "sent"


def test_rate_limits_30_a_second_overall_and_1_a_second_per_chat(telegram_api, settings):
    settings.TELEGRAM_MESSAGES_PER_SECOND = 30
    CountryFactory(code="KR")
    for chat in range(45):
        telegram_subscriber(2000 + chat, language="en")
    for _run in range(2):  # two matching runs: two messages to each chat
        VacancyFactory(country_id="KR")
        matching.match_new_vacancies()
    tasks.deliver_telegram.apply()
    times = sorted(telegram_api.times())
    assert Message.objects.exclude(status="sent").count() == 0, list(
        Message.objects.exclude(status="sent").values_list("status", "error")[:3]
    )
    assert len(times) == 90
    assert len({(m["chat_id"], m["text"]) for m in telegram_api.sent()}) == 90
    assert max(sum(1 for t in times if start <= t < start + 1.0) for start in times) <= 30
    for chat_times in telegram_api.per_chat().values():
        assert all(b - a >= 0.95 for a, b in itertools.pairwise(chat_times))


def test_e_mail_alerts_need_double_opt_in_and_unsubscribe_in_one_click(client, mailbox):
    CountryFactory(code="KR", name_en="South Korea")
    response = client.post(
        "/en/alerts/new/?country=KR",
        {"channel": "email", "email": "a.user@example.org", "frequency": "instant"},
    )
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.status == "pending"
    tasks.deliver_email.apply()
    (confirmation,) = mailbox.messages
    link = re.search(r"http://\S+/en/alerts/confirm/\S+/", confirmation.get_content()).group(0)
    path = link.split("8000", 1)[1]
    assert client.get(path).status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == "pending"  # opening the link is not enough
    client.post(path)
    subscription.refresh_from_db()
    assert subscription.status == "active"

    VacancyFactory(country_id="KR", title_en="Greenhouse worker")
    matching.match_new_vacancies()
    tasks.deliver_email.apply()
    alert = mailbox.messages[-1]
    assert "Greenhouse worker" in alert.get_content()
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = alert["List-Unsubscribe"].strip("<>").split("8000", 1)[1]
    response = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert (subscription.status, subscription.end_reason) == ("ended", "unsubscribed")


def test_an_address_refused_for_good_ends_its_subscriptions(client, mailbox):
    CountryFactory(code="KR")
    mailbox.refuse.add("gone@example.org")
    client.post(
        "/en/alerts/new/?country=KR",
        {"channel": "email", "email": "gone@example.org", "frequency": "daily"},
    )
    tasks.deliver_email.apply()
    subscription = Subscription.objects.get()
    assert (subscription.status, subscription.end_reason) == ("ended", "bounced")
    assert mailbox.messages == []


def test_bad_filters_cannot_be_saved_and_change_nothing(client, mailbox):
    response = client.post(
        "/en/alerts/new/?min_wage=-5",
        {"channel": "email", "email": "x@example.org", "frequency": "daily"},
    )
    assert response.status_code == 400
    assert Subscription.objects.count() == 0


def test_send_to_user_reaches_the_linked_chat_once_in_its_language(telegram_api):
    user = make_user("applicant")
    chat = services.chat_for(1201)
    services.set_language(chat, "ky")
    code = services.new_link_code(user)
    assert services.link_chat(chat, code)
    assert not services.link_chat(chat, code)  # one time only
    texts = {"en": "Your application was accepted.", "ky": "Арызыңыз кабыл алынды."}
    assert services.send_to_user(user, texts, key="application:1:accepted") == 1
    assert services.send_to_user(user, texts, key="application:1:accepted") == 0
    tasks.deliver_telegram.apply()
    assert [m["text"] for m in telegram_api.sent(1201)] == ["Арызыңыз кабыл алынды."]


def test_signed_in_people_manage_their_alerts(client):
    CountryFactory(code="KR")
    user, other = make_user("one"), make_user("two")
    mine = telegram_subscriber(1301)
    mine.user = user
    mine.save()
    client.force_login(other)
    assert client.post(reverse("alerts:cancel", args=[mine.pk])).status_code == 404
    client.force_login(user)
    assert client.get("/en/alerts/").status_code == 200
    client.post(f"/en/alerts/{mine.pk}/cancel/")
    mine.refresh_from_db()
    assert mine.status == "ended"


def test_alert_pages_need_sign_in_and_reject_forged_links(client):
    assert client.get("/en/alerts/").status_code == 302
    assert client.get("/en/alerts/unsubscribe/forged/").status_code == 400
    assert client.get("/en/alerts/confirm/forged/").status_code == 400
