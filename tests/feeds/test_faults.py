"""The feed fault suite's download and document faults, against a real partner
server: each asserts the run's recorded outcome and that no record was lost or
changed (the feed first publishes a good document)."""

import pytest

from feeds import sync
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

CSV_HEADER = (
    "external_id,title_en,channel,country,employer_name,wage_min,wage_currency,"
    "contract_months,visa_type\n"
)


def records():
    return list(Vacancy.objects.order_by("pk").values())


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
