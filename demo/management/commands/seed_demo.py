from django.core.management.base import BaseCommand
from django.db import transaction

from demo import agencies, applications, bans, directory, feeds, helpdesk, hotlines, vacancies

# In this order: vacancies go to the demo agencies, and the partner feeds' documents
# name the countries and rates seeded before them.
SECTIONS = [
    ("portal", hotlines),
    ("agencies", agencies),
    ("vacancies", vacancies),
    ("blacklist", bans),
    ("feeds", feeds),
    ("applications", applications),
    ("directory", directory),
    ("helpdesk", helpdesk),
]


class Command(BaseCommand):
    help = (
        "Load the demo data (fictional people and agencies). Idempotent: running "
        "it again changes nothing. Each area contributes from its own module of the demo app."
    )

    def handle(self, *args, **options):
        for label, module in SECTIONS:
            with transaction.atomic():
                summary = module.seed()
            self.stdout.write(f"{label}: {summary}")
