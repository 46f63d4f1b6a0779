"""Vacancy feeds are checked and written a batch at a time: every rule of the
vacancies app still refuses a bad record (and only it), an unchanged record is
skipped, and the number of queries does not grow with the number of records."""

import json

import pytest
from django.contrib import admin

from portal.feeds import sync
from portal.feeds.models import FeedRun
from tests.feeds.conftest import document, vacancy
from tests.vacancies import factories
from vacancies import services
from vacancies.models import Publisher, Vacancy

pytestmark = pytest.mark.django_db


def run(feed, records):
    body = json.dumps(document("vacancies", records)).encode()
    return sync.run_feed(feed, body=body, trigger=FeedRun.Trigger.PUSH)


def rejected(run):
    return {(record.line, record.field) for record in run.rejected_records.all()}


@pytest.fixture
def agency(partner):
    """An agency the partner publishes for, licensed for South Korea only and
    registered in Uzbekistan, whose authority caps the fee at 300,000 UZS."""
    agency = factories.agency()
    factories.licence(agency, destinations=("KR",))
    factories.country("DE", "Germany")
    Publisher.objects.create(partner=partner, channel="agency", agency=agency)
    return agency


def test_agency_rules_refuse_only_the_offending_records(agency, make_feed):
    def agency_vacancy(external_id, **fields):
        return vacancy(external_id, **{"channel": "agency", "agency": agency.pk, **fields})

    fee = {"kind": "agency_fee", "currency": "UZS"}
    result = run(
        make_feed(),
        [
            agency_vacancy("A1", costs=[{**fee, "amount": "250000"}]),
            agency_vacancy("A2", country="DE"),
            agency_vacancy("A3", costs=[{**fee, "amount": "900000"}]),
            agency_vacancy("A4", agency=factories.agency("Other Agency").pk),
            agency_vacancy("A5"),
        ],
    )
    assert (result.outcome, result.created, result.rejected) == ("partial", 2, 3)
    assert rejected(result) == {(2, "country"), (3, "costs.0.amount"), (4, "agency")}
    assert set(Vacancy.objects.public().values_list("external_id", flat=True)) == {"A1", "A5"}
    assert Vacancy.objects.get(external_id="A1").costs.get().amount == 250000


def test_unchanged_records_are_skipped_and_changed_ones_updated_with_costs(partner, make_feed):
    feed = make_feed()
    visa = {"kind": "visa", "amount": "100", "currency": "USD"}
    records = [vacancy("V1", costs=[visa]), vacancy("V2"), vacancy("V3")]
    assert run(feed, records).created == 3
    stored = {v.external_id: v for v in Vacancy.objects.all()}

    medical = {"kind": "medical", "amount": "40", "currency": "USD"}
    records[0] = vacancy("V1", costs=[{**visa, "amount": "150"}, medical])
    records[1] = vacancy("V2", title_en="Welder")
    result = run(feed, list(reversed(records)))
    assert (result.outcome, result.created, result.updated, result.unchanged) == (
        "success",
        0,
        2,
        1,
    )
    v1, v2, v3 = (Vacancy.objects.get(external_id=key) for key in ("V1", "V2", "V3"))
    assert sorted(v1.costs.values_list("kind", "amount")) == [("medical", 40), ("visa", 150)]
    assert (v2.title_en, v2.search_key) != (stored["V2"].title_en, stored["V2"].search_key)
    assert v2.updated_at > stored["V2"].updated_at
    assert v3.updated_at == stored["V3"].updated_at


def test_a_record_equal_to_the_stored_vacancy_only_records_its_checksum(partner, make_feed):
    feed = make_feed()
    run(feed, [vacancy("V1")])
    Vacancy.objects.update(feed_record_checksum="")  # as after the migration
    before = Vacancy.objects.get(external_id="V1")
    result = run(feed, [vacancy("V1"), vacancy("V2")])
    assert (result.created, result.updated, result.unchanged) == (1, 0, 1)
    after = Vacancy.objects.get(external_id="V1")
    assert after.updated_at == before.updated_at
    assert after.feed_record_checksum


def test_a_withdrawn_vacancy_is_published_again_by_its_unchanged_record(partner, make_feed):
    feed = make_feed()
    records = [vacancy(f"V{n}") for n in range(10)]
    run(feed, records)
    assert run(feed, records[:9]).withdrawn == 1
    result = run(feed, records)
    assert (result.updated, result.unchanged) == (1, 9)
    assert Vacancy.objects.public().count() == 10


def test_an_api_change_makes_the_feed_compare_the_record_again(partner, make_feed):
    feed = make_feed()
    run(feed, [vacancy("V1")])
    services.save_partner_vacancy(partner, {"external_id": "V1", "title_en": "Changed"})
    result = run(feed, [vacancy("V1"), vacancy("V2")])
    assert (result.created, result.updated) == (1, 1)
    assert Vacancy.objects.get(external_id="V1").title_en == "Assembly line worker V1"


def test_an_editors_change_makes_the_feed_compare_the_record_again(partner, make_feed, rf):
    feed = make_feed()
    run(feed, [vacancy("V1")])
    edited = Vacancy.objects.get()
    edited.title_en = "Changed"
    admin.site._registry[Vacancy].save_model(rf.post("/"), edited, None, True)
    result = run(feed, [vacancy("V1"), vacancy("V2")])
    assert (result.created, result.updated) == (1, 1)
    assert Vacancy.objects.get(external_id="V1").title_en == "Assembly line worker V1"


def test_a_record_the_database_refuses_is_rejected_alone(partner, make_feed):
    """A partial record raising the minimum wage above the stored maximum passes
    every check made without a query; the database refuses the batch, and the
    batch is saved again one record at a time."""
    feed = make_feed(mode="incremental")
    run(feed, [vacancy(f"V{n}", wage_max="3000000") for n in range(3)])
    result = run(
        feed,
        [
            vacancy("V0", title_en="Welder"),
            vacancy("V1", wage_min="4000000"),
            vacancy("V2", title_en="Painter"),
        ],
    )
    assert (result.outcome, result.updated, result.rejected) == ("partial", 2, 1)
    assert rejected(result) == {(2, "-")}
    titles = dict(Vacancy.objects.values_list("external_id", "title_en"))
    assert titles == {"V0": "Welder", "V1": "Assembly line worker V1", "V2": "Painter"}
    assert Vacancy.objects.get(external_id="V1").wage_min == 2500000


@pytest.mark.parametrize("count", [10, 50])
def test_queries_do_not_grow_with_the_number_of_records(
    partner, make_feed, django_assert_max_num_queries, count
):
    """About sixteen queries whatever the number of records up to a batch (SQLite
    splits a long INSERT in a few); one or more per record before batches."""
    feed = make_feed()
    visa = {"kind": "visa", "amount": "60", "currency": "USD"}
    with django_assert_max_num_queries(20):
        result = run(feed, [vacancy(f"V{n}", costs=[visa]) for n in range(count)])
    assert result.created == count
    with django_assert_max_num_queries(20):
        result = run(feed, [vacancy(f"V{n}", title_en=f"Welder {n}") for n in range(count)])
    assert result.updated == count
