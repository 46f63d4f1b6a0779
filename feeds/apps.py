from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from feeds.staff import GROUPS


class FeedsConfig(AppConfig):
    """Partner feeds: documents the portal pulls from partner systems on a schedule,
    or that partners push, applied through each domain app's own import code."""

    name = "feeds"
    verbose_name = _("Partner feeds")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups
