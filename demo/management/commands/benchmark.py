from django.core.management.base import BaseCommand, CommandError

from demo.benchmarks import alerts, applications, bans, feeds, vacancies

# Each area measured by its own module, with run(count, queries, stdout).
AREAS = {
    "vacancies": vacancies,
    "blacklist": bans,
    "feeds": feeds,
    "applications": applications,
    "alerts": alerts,
}


class Command(BaseCommand):
    help = (
        "Seed COUNT records of one area into the configured database and print "
        "timings (p50/p95); vacancies: pages and API end to end through gunicorn beside "
        "the yardstick and the SQL alone. Run it on PostgreSQL for production figures."
    )

    def add_arguments(self, parser):
        parser.add_argument("area", choices=sorted(AREAS))
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument(
            "--queries",
            type=int,
            default=200,
            help="Timed requests (vacancies: SQL runs) per case.",
        )
        parser.add_argument(
            "--seconds",
            type=float,
            default=5,
            help="vacancies: seconds of load per case; blacklist: of the form's POSTs.",
        )
        parser.add_argument(
            "--repeat", type=int, default=1, help="vacancies: runs per case, the quietest kept."
        )
        parser.add_argument(
            "--syncs",
            type=int,
            default=0,
            help="feeds: syncs changing every record before the first sync is timed again.",
        )

    def handle(self, *args, area, count, queries, seconds, repeat, syncs, **options):
        if count <= 0 or queries <= 0 or seconds <= 0 or repeat <= 0:
            raise CommandError("--count, --queries, --seconds and --repeat must be positive.")
        if syncs < 0:
            raise CommandError("--syncs must be 0 or more.")
        # The vacancies area measures over HTTP, for a length of time per case.
        extra = {"seconds": seconds, "repeat": repeat} if area == "vacancies" else {}
        if area == "blacklist":  # the form's POST over HTTP besides the check in process
            extra = {"seconds": seconds}
        if area == "feeds":
            extra = {"syncs": syncs}
        AREAS[area].run(count=count, queries=queries, stdout=self.stdout, **extra)
