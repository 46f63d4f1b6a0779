from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from alerts.staff import GROUPS


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Alerts and announcements")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups

    def ready(self):
        from agencies.signals import licence_changed
        from alerts import receivers

        licence_changed.connect(receivers.licence_changed, dispatch_uid="alerts-licence-changed")
