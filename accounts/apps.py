from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    # Staff who may read these see applicants' phone numbers: second factor required.
    personal_data_permissions = ("accounts.view_phone",)

    def ready(self):
        from allauth.account.decorators import secure_admin_login
        from django.contrib import admin

        from accounts import checks  # noqa: F401  (registers the deploy check)

        # The admin's own login form would skip the second factor: send it to
        # allauth's, which asks for it (as allauth's documentation advises).
        admin.site.login = secure_admin_login(admin.site.login)
