import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.feeds import demo as feeds_demo

PROJECT_APPS = ["portal", "agencies", "vacancies", "blacklist"]


class Command(BaseCommand):
    help = (
        "Load the demo data (fictional people and agencies). Idempotent: running "
        "it again changes nothing. Each app contributes from its own demo module."
    )

    def handle(self, *args, **options):
        for label in PROJECT_APPS:
            module_name = f"{apps.get_app_config(label).name}.demo"
            if importlib.util.find_spec(module_name) is None:
                continue
            module = importlib.import_module(module_name)
            with transaction.atomic():
                summary = module.seed()
            self.stdout.write(f"{label}: {summary}")
        # Partner feeds last: their documents name the countries and rates above.
        with transaction.atomic():
            self.stdout.write(f"feeds: {feeds_demo.seed()}")
