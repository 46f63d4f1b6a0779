"""`benchmark feeds`: it runs on a small count, and leaves nothing behind, even
after a run that was stopped."""

import io

import pytest
from django.core.management import call_command

from demo.benchmarks import feeds as feeds_benchmark
from feeds.models import Feed, FeedRun
from feeds.sync import run_feed
from partners.models import Partner
from tests.factories.vacancies import CountryFactory, rates
from vacancies.models import Publisher, Vacancy

pytestmark = pytest.mark.django_db(transaction=True)


def benchmark(count, *options):
    out = io.StringIO()
    call_command("benchmark", "feeds", "--count", str(count), *options, stdout=out)
    return out.getvalue()


def test_the_three_syncs_are_timed_and_nothing_is_left():
    text = benchmark(30)
    assert "first sync (all new)" in text and "30 created, 0 updated" in text
    assert "second sync (same records, new document)" in text and "30 unchanged" in text
    assert "third sync (identical document)" in text
    assert not Partner.objects.filter(name=feeds_benchmark.PARTNER).exists()
    assert not Vacancy.objects.exists()


def test_the_first_sync_is_timed_again_after_syncs_that_change_every_record():
    text = benchmark(20, "--syncs", "2")
    assert "sync 1 of 2 (every record changed)" in text
    assert "sync 2 of 2 (every record changed)" in text and "0 created, 20 updated" in text
    assert "first sync again, after 2 syncs (all new)" in text
    assert text.count("20 created, 0 updated") == 2
    assert not Vacancy.objects.exists()


def test_what_a_stopped_run_left_is_removed_first():
    CountryFactory(code="KR", name_en="South Korea")
    partner = Partner.objects.create(name=feeds_benchmark.PARTNER)
    Publisher.objects.create(partner=partner, channel="employer")
    feed = Feed.objects.create(partner=partner, name="benchmark", kind="vacancies", format="json")
    rates(KRW=1400)
    run_feed(feed, body=feeds_benchmark.document(5), trigger=FeedRun.Trigger.PUSH)
    assert Vacancy.objects.filter(partner=partner).count() == 5  # a run stopped here

    text = benchmark(30)
    assert "removing what an interrupted run of this benchmark left" in text
    assert "30 created, 0 updated" in text
    assert not Vacancy.objects.exists()
    assert not Feed.objects.exists()
