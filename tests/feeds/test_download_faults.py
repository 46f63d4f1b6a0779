"""The feed fault suite's download and document faults, against a real partner
server: each asserts the run's recorded outcome and that no record was lost or
changed (the feed first publishes a good document)."""

import time

import pytest

from feeds import sync
from feeds.fetching import TransientError
from tests.feeds.conftest import document, vacancy
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

CSV_HEADER = (
    "external_id,title_en,channel,country,employer_name,wage_min,wage_currency,"
    "contract_months,visa_type\n"
)


def records():
    return list(Vacancy.objects.order_by("pk").values())


@pytest.fixture
def published(partner_server, make_feed):
    """A JSON feed whose good document of ten vacancies is published."""
    feed = make_feed(
        partner_server.serve(
            "/jobs.json", document("vacancies", [vacancy(f"V{n}") for n in range(10)])
        )
    )
    assert sync.run_feed(feed).outcome == "success"
    return feed


@pytest.fixture
def published_csv(partner_server, make_feed):
    """A CSV feed whose good document of two vacancies is published."""
    body = (
        CSV_HEADER
        + "C1,Welder,employer,KR,Daewoo,2600000,KRW,36,E-9\n"
        + "C2,Cook,employer,KR,Daewoo,2600000,KRW,36,E-9\n"
    )
    feed = make_feed(partner_server.serve("/jobs.csv", body), format="csv")
    assert sync.run_feed(feed).outcome == "success"
    return feed


def last_run(feed):
    return feed.runs.latest("pk")


@pytest.mark.parametrize("trickle_from", ["body", "status"])
def test_a_trickle_past_the_deadline_fails_the_run_in_time(
    partner_server, published, settings, trickle_from
):
    """One byte every 0.2 s never lets a read time out; the deadline counts from
    the start of the download, whether the headers or the body trickle."""
    before = records()
    settings.FEED_TIMEOUT = 1
    partner_server.serve(
        "/jobs.json", document("vacancies", []), trickle=0.2, trickle_from=trickle_from
    )
    start = time.monotonic()
    with pytest.raises(TransientError):
        sync.run_feed(published)
    assert time.monotonic() - start < 3
    run = last_run(published)
    assert (run.outcome, run.error) == ("failed", "The document did not arrive within 1 s.")
    assert records() == before


@pytest.mark.parametrize("content_length", [True, False])
def test_oversized_document_is_refused(partner_server, published, settings, content_length):
    before = records()
    settings.FEED_MAX_BYTES = 1000
    big = document("vacancies", [vacancy(f"N{n}") for n in range(20)])
    partner_server.serve("/jobs.json", big, content_length=content_length)
    run = sync.run_feed(published)
    assert (run.outcome, run.error) == ("failed", "The document is larger than 1000 bytes.")
    assert records() == before


def test_a_redirect_is_not_followed_even_to_an_allowed_address(partner_server, published):
    """Redirects are never followed, so none can lead the fetch (and the partner's
    token) to an internal service, even where private addresses are allowed."""
    before = records()
    internal = partner_server.serve("/internal/", document("vacancies", []))
    partner_server.serve(
        "/jobs.json", document("vacancies", []), statuses=[302], headers={"Location": internal}
    )
    run = sync.run_feed(published)
    assert (run.outcome, run.error) == ("failed", "The partner answered 302.")
    assert "/internal/" not in [path for path, _headers in partner_server.requests]
    assert records() == before


def test_a_csv_row_with_more_fields_than_the_header_fails_the_document(
    partner_server, published_csv
):
    """Line 4: the record on lines 2-3 holds a quoted line break."""
    before = records()
    body = (
        CSV_HEADER
        + 'C1,"Welder,\nsecond line",employer,KR,Daewoo,2600000,KRW,36,E-9\n'
        + "C2,Cook, hot kitchen,employer,KR,Daewoo,2600000,KRW,36,E-9\n"
    )
    partner_server.serve("/jobs.csv", body)
    run = sync.run_feed(published_csv)
    assert (run.outcome, run.error) == ("failed", "Line 4 has 10 fields, but the header has 9.")
    assert records() == before


def test_an_unterminated_quote_names_its_line(partner_server, published_csv):
    before = records()
    body = (
        CSV_HEADER
        + "C1,Welder (new),employer,KR,Daewoo,2600000,KRW,36,E-9\n"
        + 'C2,"Cook,employer,KR,Daewoo,2600000,KRW,36,E-9\n'
        + "C3,Driver,employer,KR,Daewoo,2600000,KRW,36,E-9\n"
    )
    partner_server.serve("/jobs.csv", body)
    run = sync.run_feed(published_csv)
    assert (run.outcome, run.error) == (
        "failed",
        "A quote opened in the record on line 3 is never closed.",
    )
    assert records() == before


def test_a_csv_row_with_fewer_fields_is_judged_by_its_kind(partner_server, published_csv):
    """A short row is one record with the missing values empty: rejected on its
    own line here (no wage), the others applied."""
    body = (
        CSV_HEADER
        + "C1,Welder,employer,KR,Daewoo,2600000,KRW,36,E-9\n"
        + "C2,Cook,employer,KR,Daewoo\n"
    )
    partner_server.serve("/jobs.csv", body)
    run = sync.run_feed(published_csv)
    assert (run.outcome, run.rejected) == ("partial", 1)
    assert {r.line for r in run.rejected_records.all()} == {3}
