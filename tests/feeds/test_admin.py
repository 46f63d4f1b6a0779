"""Feed operators in the admin: feeds, Sync now, runs, approving withdrawals;
stale feeds in /healthz."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from feeds import sync
from feeds.models import Feed
from tests.factories.users import StaffUserFactory
from tests.feeds.conftest import document, vacancy
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client):
    user = StaffUserFactory(
        username="operator", password="operator-pass-123", groups=["Feed operator"]
    )
    client.force_login(user)
    return user


def test_operator_creates_a_feed_with_secrets_and_schedule(client, operator, partner):
    response = client.post(
        reverse("admin:feeds_feed_add"),
        {
            "partner": partner.pk,
            "name": "Jobs",
            "kind": "vacancies",
            "format": "json",
            "mode": "full",
            "url": "https://jobs.example.org/feed.json",
            "token_header": "Authorization",
            "token": "Bearer abc-123",
            "signing_secret": "hmac-secret",
            "interval_minutes": "60",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    feed = Feed.objects.get()
    assert (feed.token, feed.signing_secret) == ("Bearer abc-123", "hmac-secret")
    assert feed.periodic_task.interval.every == 60
    page = client.get(reverse("admin:feeds_feed_change", args=[feed.pk]))
    assert b"abc-123" not in page.content and b"hmac-secret" not in page.content


def test_operator_cannot_add_a_feed_for_a_private_address(client, operator, partner, settings):
    settings.FEED_ALLOW_PRIVATE_ADDRESSES = False
    response = client.post(
        reverse("admin:feeds_feed_add"),
        {
            "partner": partner.pk,
            "name": "x",
            "kind": "vacancies",
            "format": "json",
            "mode": "full",
            "url": "http://192.168.1.10/feed.json",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "url" in response.context["adminform"].form.errors
    assert not Feed.objects.exists()


def test_sync_now_runs_the_feed(client, operator, partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", document("vacancies", [vacancy("A")])))
    response = client.post(
        reverse("admin:feeds_feed_changelist"),
        {"action": "sync_now", "_selected_action": [feed.pk]},
    )
    assert response.status_code == 302
    assert feed.runs.get().outcome == "success"
    assert Vacancy.objects.count() == 1


def test_run_history_shows_rejected_records_and_approves(
    client, operator, partner_server, make_feed
):
    records = [vacancy(f"V{n}") for n in range(5)]
    feed = make_feed(partner_server.serve("/jobs.json", document("vacancies", records)))
    sync.run_feed(feed)
    partner_server.serve(
        "/jobs.json", document("vacancies", [vacancy("V0"), vacancy("V9", country="QQ")])
    )
    run = sync.run_feed(feed)
    assert run.outcome == "awaiting"
    page = client.get(reverse("admin:feeds_feedrun_change", args=[run.pk]))
    assert page.status_code == 200
    assert b"country" in page.content
    listing = client.get(reverse("admin:feeds_feedrun_changelist"), {"feed__id__exact": feed.pk})
    assert listing.status_code == 200
    client.post(
        reverse("admin:feeds_feedrun_changelist"),
        {"action": "approve", "_selected_action": [run.pk]},
    )
    run.refresh_from_db()
    assert (run.outcome, run.withdrawn) == ("partial", 4)
    assert Vacancy.objects.public().count() == 1


def test_healthz_lists_stale_feeds_and_stays_up(client, make_feed):
    fresh = make_feed("https://a.example.org/feed.json", interval_minutes=60)
    stale = make_feed("https://b.example.org/feed.json", interval_minutes=60, name="B")
    Feed.objects.filter(pk=stale.pk).update(created_at=timezone.now() - datetime.timedelta(hours=3))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["feeds"] == {"ok": True, "stale": [stale.pk]}
    assert fresh.pk not in response.json()["checks"]["feeds"]["stale"]
