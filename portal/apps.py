from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_migrate

        from portal import selectors
        from portal.staff_groups import sync_after_migrate

        post_migrate.connect(sync_after_migrate, dispatch_uid="portal.staff_groups")
        selectors.watch()  # the footer's hotlines, forgotten when one changes
