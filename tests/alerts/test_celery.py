"""The alert tasks on their real parts: a Celery worker consuming from Redis,
PostgreSQL, and the stand-in Telegram Bot API."""

import pytest
from django.http import QueryDict

from agencies import services as agency_services
from alerts import services, tasks
from alerts.models import Message
from portal.celery import app
from tests.factories.agencies import AgencyFactory, LicenceFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory
from tests.portal.services import celery, process_env, running, wait_until


@pytest.fixture
def not_eager():
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


@pytest.fixture
def worker(telegram_api):
    env = process_env(
        TELEGRAM_BOT_TOKEN="123:TEST",
        TELEGRAM_BOT_USERNAME="portal_bot",
        TELEGRAM_API_URL=telegram_api.url,
    )
    command = celery(
        "worker", "--pool", "solo", "--without-gossip", "--without-mingle", "--loglevel", "WARNING"
    )
    with running(*command, env=env) as process:
        yield process


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_worker_matches_and_delivers_once_and_tells_followers(not_eager, telegram_api, worker):
    CountryFactory(code="KR")
    chat = services.chat_for(4242)
    services.set_language(chat, "kaa")
    services.subscribe_chat(
        services.saved_search(QueryDict("country=KR")), chat, frequency="instant"
    )
    VacancyFactory(country_id="KR", title_en="Fish processing worker")

    tasks.match_new_vacancies.delay()
    tasks.match_new_vacancies.delay()  # a second run, even at once, adds nothing
    wait_until(lambda: len(telegram_api.sent(4242)) >= 1, worker)
    wait_until(lambda: not Message.objects.exclude(status="sent").exists(), worker)
    assert len(telegram_api.sent(4242)) == 1
    assert "Fish processing worker" in telegram_api.sent(4242)[0]["text"]

    licence = LicenceFactory(agency=AgencyFactory(legal_name="Orient Labour LLC"))
    services.follow(chat, licence.agency)
    agency_services.revoke(licence, actor=None, reason="Forged contracts")  # commits: wakes
    wait_until(lambda: len(telegram_api.sent(4242)) == 2, worker)
    assert "Orient Labour LLC" in telegram_api.sent(4242)[1]["text"]
