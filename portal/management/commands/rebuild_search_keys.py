from django.core.management.base import BaseCommand

from portal.tasks import rebuild_search_keys


class Command(BaseCommand):
    help = (
        "Recompute the stored search keys of vacancies and agencies after a change to "
        "the spelling package; only stale keys are written. The task "
        "portal.tasks.rebuild_search_keys does the same through Celery."
    )

    def handle(self, *args, **options):
        for app, count in rebuild_search_keys().items():
            self.stdout.write(f"{app}: {count} search key(s) rebuilt.")
