from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from alerts.staff import GROUPS


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Alerts and announcements")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups

    def ready(self):
        from accounts.sections import register_privacy_section, register_section
        from agencies.signals import licence_changed
        from alerts import receivers, selectors

        register_section("alerts/account_section.html", order=30)
        register_privacy_section("alerts/privacy_section.html", order=30)

        licence_changed.connect(receivers.licence_changed, dispatch_uid="alerts-licence-changed")
        selectors.watch_announcements()
