import importlib

from django.core.management.base import BaseCommand, CommandError

# Each area measured by its own module: <app>.benchmark with run(count, stdout).
AREAS = {
    "vacancies": "vacancies.benchmark",
    "blacklist": "blacklist.benchmark",
    "feeds": "portal.feeds.benchmark",
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
        try:
            module = importlib.import_module(AREAS[area])
        except ModuleNotFoundError as exc:
            raise CommandError(f"The {area} benchmark is not available yet.") from exc
        module.run(count=count, queries=queries, stdout=self.stdout)
