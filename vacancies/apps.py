from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from vacancies.staff import GROUPS


class VacanciesConfig(AppConfig):
    name = "vacancies"
    verbose_name = _("Vacancies")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups

    def ready(self):
        from vacancies import selectors
        from vacancies.filters import watch_menus

        # What pages read from the cache, forgotten when staff change it.
        watch_menus()
        selectors.watch_rates()
