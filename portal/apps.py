from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from portal.models import Hotline
        from portal.selectors import forget_hotlines
        from portal.staff_groups import sync_after_migrate

        post_migrate.connect(sync_after_migrate, dispatch_uid="portal.staff_groups")
        for signal in (post_save, post_delete):
            signal.connect(forget_hotlines, sender=Hotline, dispatch_uid="portal.hotlines")
