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
        "server-side timings (p50/p95). Run it on PostgreSQL for production figures."
    )

    def add_arguments(self, parser):
        parser.add_argument("area", choices=sorted(AREAS))
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--queries", type=int, default=200, help="Timed requests per case.")

    def handle(self, *args, area, count, queries, **options):
        if count <= 0:
            raise CommandError("--count must be positive.")
        AREAS[area].run(count=count, queries=queries, stdout=self.stdout)
