"""A run's error and rejected records are recorded apart from any language and
read in each reader's: the same stored run in Russian and in English, whatever
language the worker ran in."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from feeds import sync
from feeds.models import FeedRun
from partners.models import PartnerAPIKey
from tests.factories.users import StaffUserFactory
from tests.feeds.conftest import document, vacancy

pytestmark = pytest.mark.django_db

MESSAGES = [
    "A record must be an object.",  # the feed's own
    "Enter a number.",  # Django's forms
    "Enter a valid date.",
    "The document is not valid JSON.",  # a run's error
]


@pytest.fixture
def runs(partner_server, make_feed):
    """A rates feed's run with rejected records and a failed run, run in the worker's
    default language (Uzbek)."""
    rates = [
        "not an object",
        {"currency": "KRW", "per_usd": "abc", "date": "2026-11-23"},
        {"currency": "KRW", "per_usd": "1380", "date": "2026-13-45"},
        {"currency": "KRW", "per_usd": "1" * 30, "date": "2026-11-23"},
    ]
    feed = make_feed(partner_server.serve("/rates.json", document("rates", rates)), kind="rates")
    with translation.override("uz"):
        rejected = sync.run_feed(feed)
        partner_server.serve("/rates.json", b"{not json")
        failed = sync.run_feed(feed)
    assert (rejected.outcome, rejected.rejected, failed.outcome) == ("partial", 4, "failed")
    return rejected, failed


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


@pytest.mark.parametrize("language", ["ru", "en", "uz"])
def test_an_operator_reads_the_runs_errors_in_their_language(client, runs, language):
    client.force_login(StaffUserFactory(groups=["Feed operator"]))
    pages = b""
    with translation.override(language):
        for run in runs:
            pages += client.get(reverse("admin:feeds_feedrun_change", args=[run.pk])).content
    pages = pages.decode()
    for message in MESSAGES:
        assert escape(in_language(language, message)) in pages
        if language != "en":
            assert escape(message) not in pages
    too_long = runs[0].rejected_records.get(line=4)
    with translation.override(language):
        assert escape(too_long.message_text()) in pages
    with translation.override("en"):
        assert too_long.message_text() == "Ensure that there are no more than 14 digits in total."
    with translation.override("ru"):
        assert "14" in too_long.message_text() and "digits" not in too_long.message_text()


def test_errors_are_recorded_in_english_with_their_translations(runs):
    rejected, failed = runs
    assert failed.error == "The document is not valid JSON."
    record = rejected.rejected_records.get(line=1)
    assert record.message == "A record must be an object."
    assert record.translations["ru"] == in_language("ru", "A record must be an object.")


def test_a_run_recorded_before_keeps_its_text(make_feed):
    """Runs recorded in the worker's language before: shown as they were."""
    run = FeedRun.objects.create(feed=make_feed(), outcome="failed", error="Hujjat JSON emas.")
    with translation.override("ru"):
        assert run.error_text() == "Hujjat JSON emas."


def test_the_push_answer_is_in_the_requests_language(api_client, partner, make_feed):
    feed = make_feed(kind="rates")
    _, key = PartnerAPIKey.objects.create_key(partner=partner, name="push", scopes=["feeds:push"])
    for language in ("ru", "en"):
        answer = api_client.post(
            reverse("feed-push", args=[feed.pk]),
            b'{"kind": "rates", "records": ["x", {"currency": "KRW", "per_usd": "abc"}]}',
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Api-Key {key}",
            HTTP_ACCEPT_LANGUAGE=language,
        ).json()
        messages = {record["message"] for record in answer["rejected_records"]}
        assert in_language(language, "A record must be an object.") in messages
        assert in_language(language, "This field is required.") in messages
        feed.last_checksum = ""
        feed.save()


def test_vacancy_records_refused_by_the_api_serializer_read_in_each_language(
    partner_server, make_feed
):
    """DRF renders its messages as it validates, parameters included: each reads
    in each language all the same."""
    records = [vacancy("E1", contract_months=121), vacancy("E2", wage_period="week")]
    feed = make_feed(partner_server.serve("/jobs.json", document("vacancies", records)))
    with translation.override("uz"):
        run = sync.run_feed(feed)
    assert run.rejected == 2
    months, period = run.rejected_records.order_by("line")
    assert (months.field, period.field) == ("contract_months", "wage_period")
    with translation.override("en"):
        assert months.message_text() == "Ensure this value is less than or equal to 120."
        assert period.message_text() == '"week" is not a valid choice.'
    with translation.override("ru"):
        assert "120" in months.message_text()
        assert "week" in period.message_text()
        for record in (months, period):
            assert record.message_text() != record.message
            assert any("а" <= letter <= "я" for letter in record.message_text())
