"""Every scope a partner API key can carry, in one place."""

from django.utils.translation import gettext_lazy as _

SCOPES = {
    "vacancies:read": _("Read vacancies"),
    "vacancies:write": _("Publish and update own vacancies"),
    "agencies:read": _("Read the agency registry"),
    "agencies:write": _("Update the agency registry"),
    "bans:check": _("Check applicants against entry-ban lists"),
    "feeds:push": _("Push documents to own feeds"),
}
