"""Partners push documents to their own feeds; the same sync runs."""

import json

import pytest
from django.urls import reverse

from feeds import documents
from partners.models import Partner, PartnerAPIKey
from tests.feeds.conftest import document, vacancy
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def push(api_client, partner, make_feed):
    feed = make_feed()
    _, raw = PartnerAPIKey.objects.create_key(partner=partner, name="push", scopes=["feeds:push"])

    def send(body, feed=feed, key=raw, content_type="application/json", **headers):
        body = body if isinstance(body, bytes) else json.dumps(body).encode()
        return api_client.post(
            reverse("feed-push", args=[feed.pk]),
            body,
            content_type=content_type,
            HTTP_AUTHORIZATION=f"Api-Key {key}",
            **headers,
        )

    send.feed = feed
    return send


def test_push_runs_the_sync(push):
    response = push(document("vacancies", [vacancy("P1"), vacancy("P2", country="ZZ")]))
    assert response.status_code == 200
    data = response.json()
    assert (data["outcome"], data["created"], data["rejected"]) == ("partial", 1, 1)
    assert data["rejected_records"][0]["line"] == 2
    assert data["rejected_records"][0]["field"] == "country"
    assert Vacancy.objects.get().source == "feed"
    assert push.feed.runs.get().trigger == "push"


def test_pushing_the_same_document_again_changes_nothing(push):
    body = document("vacancies", [vacancy("P1")])
    push(body)
    response = push(body)
    assert (response.status_code, response.json()["outcome"]) == (200, "skipped")
    assert Vacancy.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"\x00\x00",
        b'{"kind":"rates","records":[]}',
        b"[]",
        b"x" * 10_000,
        b"[" * 100_000,  # nested deeper than Python's recursion limit
    ],
)
def test_unreadable_push_is_refused_without_changes(push, body):
    response = push(body)
    assert response.status_code == 422
    assert response.json()["outcome"] == "failed"
    assert not Vacancy.objects.exists()


def test_signature_is_checked(push):
    push.feed.signing_secret = "top-secret"
    push.feed.save()
    body = json.dumps(document("vacancies", [vacancy("P1")])).encode()
    for response in (push(body), push(body, HTTP_X_FEED_SIGNATURE="sha256=bad")):
        assert response.status_code == 422
        assert response.json()["error"] == "The document's signature is missing or wrong."
    signed = push(body, HTTP_X_FEED_SIGNATURE=documents.sign(body, "top-secret"))
    assert signed.status_code == 200
    assert Vacancy.objects.count() == 1


def test_only_own_feeds_with_the_scope(push, make_feed):
    other = Partner.objects.create(name="Other partner")
    _, other_key = PartnerAPIKey.objects.create_key(
        partner=other, name="other", scopes=["feeds:push"]
    )
    assert push({}, key=other_key).status_code == 404
    _, no_scope = PartnerAPIKey.objects.create_key(
        partner=push.feed.partner, name="read", scopes=["bans:check"]
    )
    assert push({}, key=no_scope).status_code == 403
    assert push({}, key="").status_code in (401, 403)
    assert not push.feed.runs.exists()


def test_a_secret_that_can_no_longer_be_read_refuses_every_document(push):
    """The credentials key changed: the stored secret no longer decrypts. The feed
    refuses documents instead of accepting them unsigned."""
    push.feed.signing_secret_encrypted = "stored with a key that is gone"
    push.feed.save()
    response = push(document("vacancies", [vacancy("P1")]))
    assert response.status_code == 422
    assert "signing secret cannot be read" in response.json()["error"]
    assert not Vacancy.objects.exists()
