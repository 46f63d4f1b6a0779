from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from directory.staff import GROUPS


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory of help")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups
