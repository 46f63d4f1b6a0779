from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from applications.staff import GROUPS


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = _("Applications")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups
    # Who holds one of these sees applicants' personal data, so needs a second
    # factor (`accounts.mfa`).
    personal_data_permissions = (
        "applications.view_application",
        "applications.change_application",
        "applications.view_profile",
        "applications.change_profile",
        "applications.view_statuschange",
        "applications.view_accesslog",
    )

    def ready(self):
        from accounts.sections import register_privacy_section, register_section

        register_section("applications/account_section.html", order=20)
        register_privacy_section("applications/privacy_section.html", order=20)
