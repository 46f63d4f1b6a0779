"""Ban lists, licence statuses and exchange rates from feeds go through their
apps' own code: blacklist's import, agencies' status services, the rate table."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from agencies.models import LicenceEvent
from blacklist.models import BanRecord
from feeds import sync
from feeds.tasks import backoff
from tests.factories.agencies import AgencyFactory, LicenceFactory
from tests.factories.blacklist import BanSourceFactory
from tests.factories.vacancies import VacancyFactory, rates
from tests.feeds.conftest import document, vacancy
from vacancies.models import ExchangeRate, Vacancy

pytestmark = pytest.mark.django_db

BAN_HEADER = "external_id,surname,given_name,date_of_birth,citizenship,basis\n"


def ban_rows(count):
    return "".join(
        f"B{n},Karimov,Anvar{n},1990-01-0{n % 9 + 1},UZ,overstay\n" for n in range(count)
    )


@pytest.fixture
def ban_source(db):
    return BanSourceFactory(code="ru-feed", name="Russia", country="RU", kind="entry_ban")


def test_ban_list_csv_loads_lifts_and_guards(partner_server, make_feed, ban_source):
    url = partner_server.serve("/bans.csv", BAN_HEADER + ban_rows(10))
    feed = make_feed(url, kind="bans", format="csv", ban_source=ban_source)
    run = sync.run_feed(feed)
    assert (run.outcome, run.created) == ("success", 10)
    ban_source.refresh_from_db()
    assert ban_source.active_records == 10

    partner_server.serve("/bans.csv", BAN_HEADER + ban_rows(9) + "B9,,Anvar,1990-13-01,UZ,x\n")
    run = sync.run_feed(feed)
    assert (run.outcome, run.unchanged, run.rejected, run.withdrawn) == ("partial", 9, 1, 0)
    assert {r.field for r in run.rejected_records.all()} == {"surname", "date_of_birth", "basis"}
    assert BanRecord.objects.get(external_id="B9").is_active  # a bad row lifts nothing

    partner_server.serve("/bans.csv", BAN_HEADER + ban_rows(9))
    run = sync.run_feed(feed)
    assert (run.outcome, run.withdrawn) == ("success", 1)
    assert not BanRecord.objects.get(external_id="B9").is_active

    partner_server.serve("/bans.csv", BAN_HEADER + ban_rows(2))
    run = sync.run_feed(feed)
    assert run.outcome == "awaiting"
    assert BanRecord.objects.filter(is_active=True).count() == 9


def test_licence_statuses_change_through_the_registry_services(partner_server, make_feed):
    agency = AgencyFactory()
    licence = LicenceFactory(agency=agency, destinations=("KR",))
    other = LicenceFactory(
        agency=AgencyFactory(legal_name="Silk Road Travel"), destinations=("KR",)
    )
    records = [
        {"licence_number": licence.number, "status": "suspended", "reason": "Unpaid wages"},
        {"licence_number": other.number.lower(), "status": "active"},
        {"licence_number": "NO-SUCH-1", "status": "active"},
        {"licence_number": other.number, "status": "expired"},
    ]
    url = partner_server.serve("/licences.json", document("licences", records))
    feed = make_feed(url, kind="licences", authority=licence.authority, mode="incremental")
    run = sync.run_feed(feed)
    assert (run.outcome, run.updated, run.unchanged, run.rejected) == ("partial", 1, 1, 2)
    licence.refresh_from_db()
    assert licence.status == "suspended"
    event = LicenceEvent.objects.filter(licence=licence).latest("pk")
    assert event.officer is None
    assert event.reason == "Unpaid wages"
    assert str(feed) in event.legal_basis and str(run.pk) in event.legal_basis

    # Reinstated by the authority's next document.
    records[0]["status"] = "active"
    partner_server.serve("/licences.json", document("licences", records[:2]))
    run = sync.run_feed(feed)
    licence.refresh_from_db()
    assert (run.updated, licence.status) == (1, "active")


def test_exchange_rates_update_the_table_and_vacancy_wages(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", document("vacancies", [vacancy("V1")])))
    sync.run_feed(feed)
    assert Vacancy.objects.get().monthly_wage_usd == 1786
    today = timezone.localdate().isoformat()
    rates = [
        {"currency": "krw", "per_usd": "1250", "date": today},
        {"currency": "EUR", "per_usd": "0", "date": today},
        {"currency": "XYZ1", "per_usd": "1", "date": today},
    ]
    url = partner_server.serve("/rates.json", document("rates", rates))
    rate_feed = make_feed(url, kind="rates", name="Central bank")
    run = sync.run_feed(rate_feed)
    assert (run.outcome, run.updated, run.rejected) == ("partial", 1, 2)
    assert ExchangeRate.objects.get(currency="KRW").per_usd == Decimal("1250")
    assert Vacancy.objects.get().monthly_wage_usd == 2000


def test_saving_a_feed_keeps_its_beat_entry_in_step(make_feed):
    feed = make_feed("https://partner.example.org/jobs.json", interval_minutes=30)
    task = PeriodicTask.objects.get(pk=feed.periodic_task_id)
    assert (task.task, task.args, task.interval.every, task.enabled) == (
        "feeds.tasks.sync_feed",
        f"[{feed.pk}]",
        30,
        True,
    )
    feed.interval_minutes = 60
    feed.is_active = False
    feed.save()
    task.refresh_from_db()
    assert (task.interval.every, task.enabled) == (60, False)
    feed.interval_minutes = None
    feed.save()
    assert not PeriodicTask.objects.filter(pk=task.pk).exists()
    feed.interval_minutes = 15
    feed.save()
    feed.delete()
    assert not PeriodicTask.objects.filter(task="feeds.tasks.sync_feed").exists()


def test_stale_when_no_success_for_twice_the_interval(make_feed):
    feed = make_feed("https://partner.example.org/jobs.json", interval_minutes=60)
    assert not feed.is_stale
    feed.last_success_at = timezone.now() - datetime.timedelta(minutes=119)
    assert not feed.is_stale
    feed.last_success_at = timezone.now() - datetime.timedelta(minutes=121)
    assert feed.is_stale
    feed.interval_minutes = None
    assert not feed.is_stale


def test_backoff_grows_exponentially_with_jitter():
    assert all(0 <= backoff(0) <= 30 for _ in range(50))
    assert max(backoff(4) for _ in range(200)) > 30
    assert all(backoff(20) <= 3600 for _ in range(50))
    assert len({backoff(3) for _ in range(10)}) > 1


def test_a_rates_document_naming_a_day_twice_corrects_it(partner_server, make_feed):
    """Each record is saved before the next is read (`save_exchange_rates`)."""
    rates(KRW=1400)
    krw = VacancyFactory(wage_min=2_800_000, wage_currency="KRW")
    today = timezone.localdate().isoformat()
    records = [
        {"currency": "KRW", "per_usd": "1250", "date": today},
        {"currency": "KRW", "per_usd": "1120", "date": today},
    ]
    url = partner_server.serve("/rates.json", document("rates", records))
    run = sync.run_feed(make_feed(url, kind="rates", name="Central bank"))
    assert (run.outcome, run.updated, run.rejected) == ("success", 2, 0)
    assert ExchangeRate.objects.get(currency="KRW").per_usd == Decimal("1120")
    krw.refresh_from_db()
    assert krw.monthly_wage_usd == 2500


def test_a_refused_licence_row_does_not_withdraw_its_licence(partner_server, make_feed):
    """A full list whose row for a licence has a mistake ("Active") refuses the row
    and leaves the licence as it is: the list still names it."""
    licence = LicenceFactory(agency=AgencyFactory(), destinations=("KR",))
    other = LicenceFactory(
        agency=AgencyFactory(legal_name="Silk Road Travel"), destinations=("KR",)
    )
    records = [
        {"licence_number": licence.number, "status": "Active"},
        {"licence_number": other.number, "status": "active"},
    ]
    url = partner_server.serve("/licences.json", document("licences", records))
    feed = make_feed(url, kind="licences", authority=licence.authority, mode="full")
    run = sync.run_feed(feed)
    assert (run.outcome, run.rejected, run.withdrawn) == ("partial", 1, 0)
    licence.refresh_from_db()
    assert licence.status == "active"
