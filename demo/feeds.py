"""Demo feeds. The exchange rates and the directory of help come from partners'
URLs that the portal itself serves in DEBUG (``/demo-feeds/<name>``, the documents
in ``feeds/samples/``), so ``make run`` shows fetched feeds, their schedules and run
history. The Korean EPS
vacancies are pushed by the Migration Agency's own system: under the Employment
Permit System Korean employers select workers through the Korean state system and
the home authority runs the recruitment (ICMPD 2024, sections 2.2 and 3.2), so
they are the authority's organised recruitment, with contracts of up to two years,
never a partner employer's. The sample document leaves out the authority, whose
id differs between databases; the seed fills it in. The first seed syncs each feed
once; later seeds change nothing."""

import json

from django.conf import settings

from agencies.models import LicensingAuthority
from feeds.models import Feed, FeedRun
from feeds.sync import run_feed
from feeds.views import SAMPLES
from partners.models import Partner
from vacancies.models import Country, Publisher

RATES = ("Central bank rates service (demo partner)", "Daily exchange rates", "rates.csv")
EPS = (
    "Migration Agency vacancy system (demo partner)",
    "EPS vacancies in Korea (organised recruitment)",
    "vacancies.json",
)
DIRECTORY = ("Migrant support authority (demo partner)", "Directory of help", "directory.json")


def seed():
    """Rates first: a vacancy's wage currency needs a rate
    (`vacancies.services.check_wage_currency`)."""
    Country.objects.get_or_create(code="KR", defaults={"name_en": "South Korea"})
    runs = _fetched_feed(RATES, "rates", "csv") + _eps_feed()
    runs += _fetched_feed(DIRECTORY, "directory", "json")
    return f"3 demo feeds, {runs} synced now"


def _fetched_feed(names, kind, format):
    """A feed the portal fetches from the partner's URL on a schedule."""
    partner_name, name, sample = names
    partner, _ = Partner.objects.get_or_create(name=partner_name)
    base = settings.DEMO_FEED_BASE_URL.rstrip("/")
    feed, _ = Feed.objects.get_or_create(
        partner=partner,
        name=name,
        defaults={
            "kind": kind,
            "format": format,
            "url": f"{base}/demo-feeds/{sample}",
            "interval_minutes": 60,
        },
    )
    return _first_run(feed, (SAMPLES / sample).read_bytes())


def _eps_feed():
    partner_name, name, sample = EPS
    authority = LicensingAuthority.objects.get(country="UZ")
    partner, _ = Partner.objects.get_or_create(name=partner_name)
    Publisher.objects.get_or_create(partner=partner, channel="authority", authority=authority)
    feed, _ = Feed.objects.get_or_create(
        partner=partner, name=name, defaults={"kind": "vacancies", "format": "json"}
    )
    document = json.loads((SAMPLES / sample).read_text(encoding="utf-8"))
    for record in document["records"]:
        record["authority"] = authority.pk
    return _first_run(feed, json.dumps(document, ensure_ascii=False).encode())


def _first_run(feed, body):
    if feed.runs.exists():
        return 0
    run_feed(feed, body=body, trigger=FeedRun.Trigger.PUSH)
    return 1
