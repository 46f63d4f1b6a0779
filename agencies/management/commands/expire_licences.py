from django.core.management.base import BaseCommand

from agencies import services


class Command(BaseCommand):
    help = (
        "Mark licences past their expiry date as expired, recording an event for each. "
        "Beat runs the same service daily (agencies.tasks.expire_licences)."
    )

    def handle(self, *args, **options):
        count = services.expire_due_licences()
        self.stdout.write(f"{count} licence(s) expired.")
