"""Feed runs against a real partner server: each kind of bad document, and the
outcome and counts recorded for it."""

import socket

import pytest
from django.core.exceptions import ValidationError

from feeds import addresses, documents, sync
from feeds.fetching import TransientError
from feeds.models import FeedRun
from feeds.tasks import sync_feed
from portal.celery import app
from tests.feeds.conftest import document, vacancy
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def ten_vacancies():
    return document("vacancies", [vacancy(f"V{n}") for n in range(10)])


def test_good_document_publishes_then_unchanged_document_is_skipped(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()))
    run = sync.run_feed(feed)
    assert (run.outcome, run.received, run.created, run.rejected) == ("success", 10, 10, 0)
    published = Vacancy.objects.public()
    assert published.count() == 10
    assert {v.source for v in published} == {"feed"}
    assert published.first().monthly_wage_usd == 1786

    again = sync.run_feed(feed)
    assert again.outcome == "skipped"
    assert again.checksum == run.checksum
    assert Vacancy.objects.count() == 10


def test_same_records_in_a_new_document_change_nothing(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()))
    sync.run_feed(feed)
    before = dict(Vacancy.objects.values_list("external_id", "updated_at"))
    reordered = document("vacancies", [vacancy(f"V{n}") for n in reversed(range(10))])
    partner_server.serve("/jobs.json", reordered)
    run = sync.run_feed(feed)
    assert (run.outcome, run.created, run.updated, run.unchanged) == ("success", 0, 0, 10)
    assert dict(Vacancy.objects.values_list("external_id", "updated_at")) == before


def test_bad_records_are_rejected_with_index_field_and_message(partner_server, make_feed):
    records = [
        vacancy("V1"),
        vacancy("V2", wage_min="-5"),
        vacancy("V3", country="XX"),
        "not an object",
        vacancy("V1"),
        vacancy("V5", age_min=14),
    ]
    feed = make_feed(partner_server.serve("/jobs.json", document("vacancies", records)))
    run = sync.run_feed(feed)
    assert (run.outcome, run.received, run.created, run.rejected) == ("partial", 6, 1, 5)
    rejected = {(r.line, r.field) for r in run.rejected_records.all()}
    assert {(2, "wage_min"), (3, "country"), (4, "-"), (5, "external_id")} <= rejected
    assert any(line == 6 for line, _ in rejected)
    assert list(Vacancy.objects.values_list("external_id", flat=True)) == ["V1"]


@pytest.mark.parametrize(
    "body",
    [
        b'{"kind": "vacancies", "records": [',
        b"\xff\xfe not text",
        b'{"kind": "bans", "records": []}',
        b'["a list"]',
        b'{"kind": "vacancies", "records": [{"external_id": "\x00"}]}',
    ],
)
def test_unreadable_document_changes_nothing(partner_server, make_feed, body):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()))
    sync.run_feed(feed)
    partner_server.serve("/jobs.json", body)
    run = sync.run_feed(feed)
    assert run.outcome == "failed"
    assert run.error
    assert Vacancy.objects.public().count() == 10
    feed.refresh_from_db()
    assert feed.last_checksum != run.checksum or not run.checksum


def test_csv_document_with_wrong_header_fails(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.csv", "id,name\n1,x\n"), format="csv")
    run = sync.run_feed(feed)
    assert run.outcome == "failed"
    assert "external_id" in run.error


def test_csv_vacancies_lines_are_numbered_from_the_header(partner_server, make_feed):
    body = (
        "external_id,title_en,channel,country,employer_name,wage_min,wage_currency,contract_months,visa_type\n"
        "C1,Welder,employer,KR,Daewoo,2600000,KRW,36,E-9\n"
        "C2,Welder,employer,KR,Daewoo,not-a-number,KRW,36,E-9\n"
    )
    feed = make_feed(partner_server.serve("/jobs.csv", body), format="csv")
    run = sync.run_feed(feed)
    assert (run.outcome, run.created, run.rejected) == ("partial", 1, 1)
    assert [(r.line, r.field) for r in run.rejected_records.all()] == [(3, "wage_min")]


def test_slow_partner_times_out_and_changes_nothing(partner_server, make_feed, settings):
    settings.FEED_TIMEOUT = 0.5
    feed = make_feed(partner_server.serve("/slow.json", ten_vacancies(), delay=2))
    with pytest.raises(TransientError):
        sync.run_feed(feed)
    run = feed.runs.get()
    assert run.outcome == "failed"
    assert run.error == "The document did not arrive within 0.5 s."
    assert not Vacancy.objects.exists()


@pytest.fixture
def retries_run_eagerly():
    """Eagerly, `apply` runs a retry at once unless errors propagate."""
    propagates = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = propagates


def test_server_error_is_retried_until_it_succeeds(partner_server, make_feed, retries_run_eagerly):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies(), statuses=[503, 502]))
    assert sync_feed.apply(args=[feed.pk]).get()
    outcomes = list(feed.runs.order_by("pk").values_list("outcome", flat=True))
    assert outcomes == ["failed", "failed", "success"]
    assert Vacancy.objects.count() == 10


def test_client_error_is_not_retried(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies(), statuses=[403]))
    sync_feed.apply(args=[feed.pk], throw=False)
    assert list(feed.runs.values_list("outcome", flat=True)) == ["failed"]
    assert len(partner_server.requests) == 1


def test_oversized_document_is_refused(partner_server, make_feed, settings):
    settings.FEED_MAX_BYTES = 1000
    feed = make_feed(partner_server.serve("/big.json", ten_vacancies()))
    run = sync.run_feed(feed)
    assert run.outcome == "failed"
    assert "1000" in run.error
    assert not Vacancy.objects.exists()


def test_signature_is_required_and_checked(partner_server, make_feed):
    body = ten_vacancies()
    url = partner_server.serve("/signed.json", body, headers={"X-Feed-Signature": "sha256=00"})
    feed = make_feed(url)
    feed.signing_secret = "s3cret"
    feed.save()
    run = sync.run_feed(feed)
    assert run.outcome == "failed"
    assert "signature" in run.error
    assert not Vacancy.objects.exists()

    raw = partner_server.routes["/signed.json"]["body"]
    partner_server.serve(
        "/signed.json", raw, headers={"X-Feed-Signature": documents.sign(raw, "s3cret")}
    )
    assert sync.run_feed(feed).outcome == "success"


def test_token_is_stored_encrypted_and_sent(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()))
    feed.token = "Bearer partner-token-1"
    feed.save()
    feed.refresh_from_db()
    assert "partner-token-1" not in feed.token_encrypted
    assert feed.token == "Bearer partner-token-1"
    sync.run_feed(feed)
    assert partner_server.requests[-1][1]["Authorization"] == "Bearer partner-token-1"


def test_half_empty_snapshot_waits_for_approval(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()))
    sync.run_feed(feed)
    partner_server.serve("/jobs.json", document("vacancies", [vacancy(f"V{n}") for n in range(5)]))
    run = sync.run_feed(feed)
    assert run.outcome == "awaiting"
    assert run.pending_withdrawal == [f"V{n}" for n in range(5, 10)]
    assert Vacancy.objects.public().count() == 10

    assert sync.approve_withdrawal(run) == 5
    run.refresh_from_db()
    assert (run.outcome, run.withdrawn) == ("success", 5)
    assert Vacancy.objects.public().count() == 5
    assert sync.approve_withdrawal(run) == 0


def test_discarded_withdrawal_keeps_everything(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()))
    sync.run_feed(feed)
    partner_server.serve("/jobs.json", document("vacancies", []))
    run = sync.run_feed(feed)
    assert run.outcome == "awaiting"
    assert sync.discard_withdrawal(run)
    run.refresh_from_db()
    assert (run.outcome, run.pending_withdrawal) == ("success", [])
    assert Vacancy.objects.public().count() == 10


def test_small_withdrawal_in_full_mode_applies_and_incremental_withdraws_nothing(
    partner_server, make_feed
):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()))
    sync.run_feed(feed)
    partner_server.serve("/jobs.json", document("vacancies", [vacancy(f"V{n}") for n in range(8)]))
    run = sync.run_feed(feed)
    assert (run.outcome, run.withdrawn) == ("success", 2)
    assert Vacancy.objects.public().count() == 8

    feed.mode = "incremental"
    feed.save()
    partner_server.serve("/jobs.json", document("vacancies", [vacancy("V0", title_en="Welder")]))
    run = sync.run_feed(feed)
    assert (run.outcome, run.updated, run.withdrawn) == ("success", 1, 0)
    assert Vacancy.objects.public().count() == 8


def test_second_run_while_one_holds_the_lock_is_skipped(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()))
    sync.lock_cache().add(sync.lock_key(feed), "another worker", timeout=60)
    run = sync.run_feed(feed)
    assert run.outcome == "skipped"
    assert "progress" in run.error
    assert not partner_server.requests
    sync.lock_cache().delete(sync.lock_key(feed))
    assert sync.run_feed(feed).outcome == "success"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/feed.json",
        "file:///etc/passwd",
        "http://127.0.0.1/x",
        "http://10.0.0.5/x",
        "http://localhost/x",
        "http://feeds.localhost/x",
        "http://Feeds.LocalHost./x",
        "http://[::1]/x",
    ],
)
def test_urls_outside_http_or_in_private_networks_are_refused(make_feed, settings, url):
    settings.FEED_ALLOW_PRIVATE_ADDRESSES = False
    feed = make_feed()
    feed.url = url
    with pytest.raises(ValidationError) as error:
        feed.full_clean()
    assert "url" in error.value.message_dict


@pytest.mark.parametrize(
    "url", ["http://127.1/", "http://2130706433/", "http://0x7f000001/", "http://a.b.localhost/"]
)
def test_the_save_time_rule_reads_every_spelling_of_a_loopback_address(settings, url):
    """Short and numeric spellings are addresses, not names: judged without DNS."""
    settings.FEED_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(ValidationError) as error:
        addresses.check_url(url)
    assert error.value.code == "private"


def test_address_is_checked_again_when_fetched(partner_server, make_feed, settings):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()))
    settings.FEED_ALLOW_PRIVATE_ADDRESSES = False
    run = sync.run_feed(feed)
    assert run.outcome == "failed"
    assert not partner_server.requests


def test_a_name_under_localhost_is_refused_when_fetched_by_the_same_rule(
    partner_server, make_feed, settings
):
    """Whatever DNS answers for it (nothing here; loopback on many hosts), a name
    under localhost is refused as loopback, as when the feed is saved."""
    url = partner_server.serve("/jobs.json", ten_vacancies())
    feed = make_feed(url.replace("127.0.0.1", "feeds.localhost"))
    settings.FEED_ALLOW_PRIVATE_ADDRESSES = False
    run = sync.run_feed(feed)
    assert (run.outcome, run.error) == (
        "failed",
        "Addresses inside a private network cannot be fetched.",
    )
    assert not partner_server.requests


def test_inactive_feed_is_not_run(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", ten_vacancies()), is_active=False)
    assert sync_feed.apply(args=[feed.pk]).get() is None
    assert not FeedRun.objects.exists()


def test_a_host_name_rebound_to_an_internal_address_gets_no_request(
    partner_server, make_feed, settings, monkeypatch
):
    """DNS rebinding: the name resolves to a public address for the check, then to
    127.0.0.1 when the connection is made. The connection is refused before the
    request (and the partner's token) is sent."""
    url = partner_server.serve("/jobs.json", ten_vacancies())
    feed = make_feed(url.replace("127.0.0.1", "feeds.partner.example"))
    feed.token = "secret"
    feed.save()
    settings.FEED_ALLOW_PRIVATE_ADDRESSES = False
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["93.184.216.34"])  # public for the check, then loopback

    def rebinding_getaddrinfo(host, port, *args, **kwargs):
        if host == "feeds.partner.example":
            host = next(answers, "127.0.0.1")
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    run = sync.run_feed(feed)
    assert run.outcome == "failed"
    assert "private network" in run.error
    assert not partner_server.requests
