from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from guidance.staff import GROUPS


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Help at every stage")
    staff_groups = GROUPS  # merged into the group of that name by portal.staff_groups
