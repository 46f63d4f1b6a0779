"""Every scope a partner API key can carry, in one place.

Only what the public may not do has a scope: reading vacancies and the agency
registry is open to anyone, so there is no read scope (and the registry is
changed by licensing officers and licence feeds, not over the API).
"""

from django.utils.translation import gettext_lazy as _

SCOPES = {
    "vacancies:write": _("Publish and update own vacancies"),
    "bans:check": _("Check applicants against entry-ban lists"),
    "feeds:push": _("Push documents to own feeds"),
    "applications:read": _("Read the applications to own vacancies"),
    "applications:write": _("Change the status of applications to own vacancies"),
    "cases:read": _("Read the help requests routed to own organisation"),
    "cases:write": _("Update the status of help requests routed to own organisation"),
}
