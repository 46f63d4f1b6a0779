from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from blacklist.staff import GROUPS


class BlacklistConfig(AppConfig):
    name = "blacklist"
    verbose_name = _("Entry-ban lists")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups
    # People on the lists, and what auditors searched for: a second factor is
    # required to read them (accounts.mfa).
    personal_data_permissions = ("blacklist.view_banrecord", "blacklist.view_recordaccesslog")

    def ready(self):
        from blacklist import selectors

        selectors.watch()  # the lists searched, forgotten when one is loaded or edited
