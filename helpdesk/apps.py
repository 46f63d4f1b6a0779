from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from helpdesk.staff import GROUPS


class HelpdeskConfig(AppConfig):
    name = "helpdesk"
    verbose_name = _("Help desk")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups
    # Who holds these sees help requests: a second factor is required (accounts.mfa).
    personal_data_permissions = ("helpdesk.view_case",)

    def ready(self):
        from accounts.sections import register_section

        register_section("helpdesk/account_section.html", order=40)
