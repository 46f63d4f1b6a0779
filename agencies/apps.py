from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from agencies.staff import GROUPS


class AgenciesConfig(AppConfig):
    name = "agencies"
    verbose_name = _("Agencies")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups

    def ready(self):
        from agencies.filters import watch_menus
        from agencies.selectors import watch_minimums

        watch_menus()  # the registry's menus of destinations and authorities, kept in the cache
        watch_minimums()  # the authorities' minimum deposits, kept likewise
