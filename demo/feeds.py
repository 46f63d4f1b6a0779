"""Demo feeds served by the portal itself in DEBUG (``/demo-feeds/<name>``, the
documents in ``feeds/samples/``), so ``make run`` shows feeds, schedules
and run history. The first seed syncs each feed once from the sample file;
later seeds change nothing."""

from django.conf import settings

from feeds.models import Feed, FeedRun
from feeds.sync import run_feed
from feeds.views import SAMPLES
from partners.models import Partner
from vacancies.models import Country, Publisher

FEEDS = [
    # (partner, feed name, kind, format, sample file); rates first: a vacancy's wage
    # currency needs a rate (`vacancies.services.check_wage_currency`).
    (
        "Central bank rates service (demo partner)",
        "Daily exchange rates",
        "rates",
        "csv",
        "rates.csv",
    ),
    (
        "Hanbit Recruitment Network (demo partner)",
        "Vacancies in Korea",
        "vacancies",
        "json",
        "vacancies.json",
    ),
    (
        "Migrant support authority (demo partner)",
        "Directory of help",
        "directory",
        "json",
        "directory.json",
    ),
]


def seed():
    base = settings.DEMO_FEED_BASE_URL.rstrip("/")
    Country.objects.get_or_create(code="KR", defaults={"name_en": "South Korea"})
    runs = 0
    for partner_name, name, kind, format, sample in FEEDS:
        partner, _ = Partner.objects.get_or_create(name=partner_name)
        if kind == "vacancies":
            Publisher.objects.get_or_create(partner=partner, channel="employer")
        feed, _created = Feed.objects.get_or_create(
            partner=partner,
            name=name,
            defaults={
                "kind": kind,
                "format": format,
                "url": f"{base}/demo-feeds/{sample}",
                "interval_minutes": 60,
            },
        )
        if not feed.runs.exists():
            run_feed(feed, body=(SAMPLES / sample).read_bytes(), trigger=FeedRun.Trigger.PUSH)
            runs += 1
    return f"{len(FEEDS)} demo feeds, {runs} synced now"
