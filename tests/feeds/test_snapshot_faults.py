"""The feed fault suite's full-snapshot cases: each asserts the outcome recorded
and that no record of any feed was lost or changed."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from feeds import sync
from feeds.models import Feed
from tests.factories.blacklist import BanSourceFactory
from tests.factories.users import StaffUserFactory
from tests.feeds.conftest import document, vacancy
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def stored(prefix):
    """Every stored column of the vacancies whose external id starts with ``prefix``."""
    return list(Vacancy.objects.filter(external_id__startswith=prefix).order_by("pk").values())


@pytest.fixture
def two_feeds(partner_server, make_feed):
    """Two full-snapshot vacancy feeds of one partner: A with 10 vacancies, B with 40."""
    a = make_feed(
        partner_server.serve(
            "/a.json", document("vacancies", [vacancy(f"A{n}") for n in range(10)])
        ),
        name="Korea",
    )
    b = make_feed(
        partner_server.serve(
            "/b.json", document("vacancies", [vacancy(f"B{n}") for n in range(40)])
        ),
        name="Korea, second employer",
    )
    assert sync.run_feed(a).created == 10
    assert sync.run_feed(b).created == 40
    return a, b


def test_two_full_feeds_of_one_partner_keep_each_others_vacancies(two_feeds):
    a, b = two_feeds
    before = stored("")
    for feed in (a, b, a, b):
        feed.last_checksum = ""  # the same document again, read as new
        run = sync.run_feed(feed)
        assert (run.outcome, run.unchanged, run.withdrawn) == ("success", run.received, 0)
        assert run.pending_withdrawal == []
    assert stored("") == before
    assert Vacancy.objects.public().count() == 50


def test_each_full_feed_withdraws_only_its_own(two_feeds, partner_server):
    a, _b = two_feeds
    b_before = stored("B")
    # A drops 2 of its 10 (20%): applied, and only A's two are closed.
    partner_server.serve("/a.json", document("vacancies", [vacancy(f"A{n}") for n in range(8)]))
    run = sync.run_feed(a)
    assert (run.outcome, run.withdrawn) == ("success", 2)
    assert set(Vacancy.objects.filter(status="closed").values_list("external_id", flat=True)) == {
        "A8",
        "A9",
    }
    assert stored("B") == b_before


def test_more_than_a_fifth_of_the_feeds_own_records_is_held_for_approval(two_feeds, partner_server):
    """3 of A's 10 is 30% of A (6% of the partner's 50): held, and only A's 3 wait."""
    a, _b = two_feeds
    before = stored("")
    partner_server.serve("/a.json", document("vacancies", [vacancy(f"A{n}") for n in range(7)]))
    run = sync.run_feed(a)
    assert (run.outcome, run.withdrawn, run.pending_withdrawal) == (
        "awaiting",
        0,
        ["A7", "A8", "A9"],
    )
    assert stored("") == before
    assert sync.approve_withdrawal(run) == 3
    assert Vacancy.objects.public().count() == 47
    assert Vacancy.objects.filter(external_id__startswith="B", status="published").count() == 40


@pytest.mark.parametrize(
    "records",
    [
        # Half the records empty objects: half the feed missing, held back.
        [vacancy(f"A{n}") for n in range(5)] + [{} for _n in range(5)],
        # Half the records named but emptied of their fields: rejected, not withdrawn.
        [vacancy(f"A{n}") for n in range(5)]
        + [{"external_id": f"A{n}", "title_en": "", "country": ""} for n in range(5, 10)],
    ],
    ids=["empty-records", "emptied-fields"],
)
def test_half_empty_document_loses_nothing(two_feeds, partner_server, records):
    a, _b = two_feeds
    before = stored("")
    partner_server.serve("/a.json", document("vacancies", records))
    run = sync.run_feed(a)
    assert (run.received, run.rejected, run.withdrawn) == (10, 5, 0)
    if records[-1] == {}:
        assert (run.outcome, len(run.pending_withdrawal)) == ("awaiting", 5)
    else:
        assert (run.outcome, run.pending_withdrawal) == ("partial", [])
    assert run.rejected_records.filter(line__gt=5).count() >= 5
    assert stored("") == before


def test_a_ban_list_has_one_full_snapshot_feed(client, partner, make_feed):
    """Its full snapshot is the whole list: a second would withdraw the first's
    records. The operator is told so; incremental feeds of the list are fine."""
    source = BanSourceFactory()
    make_feed(kind="bans", ban_source=source)
    client.force_login(StaffUserFactory(groups=["Feed operator"]))
    second = {
        "partner": partner.pk,
        "name": "Second list",
        "kind": "bans",
        "format": "json",
        "mode": "full",
        "token_header": "Authorization",
        "ban_source": source.pk,
        "is_active": "on",
    }
    with translation.override("en"):
        response = client.post(reverse("admin:feeds_feed_add"), second)
    assert response.status_code == 200
    assert b"This ban list already has a full-snapshot feed." in response.content
    assert client.post(reverse("admin:feeds_feed_add"), {**second, "mode": "incremental"})[
        "Location"
    ]
    assert Feed.objects.count() == 2
    with pytest.raises(IntegrityError):
        make_feed(kind="bans", ban_source=source)
