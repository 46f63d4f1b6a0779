"""The words of each outbox message, written when it is sent, in the recipient's
language. A vacancy is checked once more against `Vacancy.objects.public`: one
that closed or lost its licence meanwhile is not announced (None)."""

from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agencies.models import Agency
from alerts import searches, tokens
from alerts.models import Announcement, Message
from vacancies.models import Vacancy

# Vacancies listed in one message; the rest are behind the link to the search.
DIGEST_ITEMS = 10


@dataclass
class Rendered:
    subject: str
    text: str
    unsubscribe_url: str = ""


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_url(subscription):
    return absolute(reverse("alerts:unsubscribe", args=[tokens.make(subscription, "unsubscribe")]))


def _vacancy_line(vacancy):
    wage = f"{floatformat(vacancy.wage_min, '0g')} {vacancy.wage_currency}"
    return f"{vacancy.title} — {vacancy.employer_name}, {vacancy.country} ({wage})"


def _footer(message):
    if message.subscription_id is None:
        return ""
    if message.channel == "telegram":
        return "\n\n" + _("To stop these messages, send /alerts and cancel the alert.")
    return "\n\n" + _("To stop these messages, open this link: %(url)s") % {
        "url": unsubscribe_url(message.subscription)
    }


def _public(ids):
    return list(
        Vacancy.objects.public().select_related("country").filter(pk__in=ids).order_by("-pk")
    )


def _vacancy(message):
    """The new vacancies of one matching run: one on its own, several as a list."""
    ids = message.payload.get("vacancies", [])
    found = _public(ids[: DIGEST_ITEMS * 3])
    if not found:
        return None
    if len(found) == 1 and len(ids) == 1:
        (vacancy,) = found
        subject = _("New vacancy: %(title)s") % {"title": vacancy.title}
        text = "\n".join(
            [
                _("A new vacancy matches your alert:"),
                _vacancy_line(vacancy),
                absolute(vacancy.get_absolute_url()),
            ]
        )
        return subject, text
    return _listing(message, found, len(ids), _("New vacancies that match your alert:"))


def _listing(message, found, total, heading):
    lines = [heading, ""]
    for vacancy in found[:DIGEST_ITEMS]:
        lines += [_vacancy_line(vacancy), absolute(vacancy.get_absolute_url()), ""]
    if total > DIGEST_ITEMS:
        lines.append(_("All %(count)s new vacancies of this search:") % {"count": total})
    else:
        lines.append(_("The whole search:"))
    lines.append(absolute(searches.list_url(message.subscription.search.query)))
    return _("New vacancies for your alert"), "\n".join(lines)


def _digest(message):
    ids = message.payload.get("vacancies", [])
    found = _public(ids[: DIGEST_ITEMS * 3])
    if not found:
        return None
    total = message.payload.get("total", len(ids))
    return _listing(message, found, total, _("New vacancies that match your alert today:"))


def _announcement(message):
    announcement = Announcement.objects.visible().filter(pk=message.payload["announcement"])
    announcement = announcement.select_related("country").first()
    if announcement is None:
        return None
    link = absolute(announcement.country.get_absolute_url())
    return announcement.title, f"{announcement.title}\n\n{announcement.body}\n\n{link}"


LICENCE_CHANGES = {
    "suspended": lambda: _("The licence of %(agency)s (%(licence)s) has been suspended."),
    "revoked": lambda: _("The licence of %(agency)s (%(licence)s) has been revoked."),
    "expired": lambda: _("The licence of %(agency)s (%(licence)s) has expired."),
    "surrendered": lambda: _("%(agency)s has given back its licence (%(licence)s)."),
    "active": lambda: _("The licence of %(agency)s (%(licence)s) is in force again."),
    "destination_lost": lambda: _(
        "The licence of %(agency)s (%(licence)s) no longer covers: %(countries)s."
    ),
}


def _licence(message):
    payload = message.payload
    agency = Agency.objects.filter(pk=payload["agency"]).first()
    if agency is None or payload["change"] not in LICENCE_CHANGES:
        return None
    text = LICENCE_CHANGES[payload["change"]]() % {
        "agency": agency.legal_name,
        "licence": payload["licence"],
        "countries": ", ".join(payload.get("countries", [])),
    }
    if payload["change"] != "active":
        text += "\n\n" + _(
            "It may not recruit you for these jobs now. Do not pay it any money. If you "
            "have paid or signed a contract, keep the receipts and contact the hotline."
        )
    text += "\n" + absolute(agency.get_absolute_url())
    return _("News about an agency you follow"), text


def _confirm(message):
    subscription = message.subscription
    if subscription is None or subscription.status != "pending":
        return None
    url = absolute(reverse("alerts:confirm", args=[tokens.make(subscription, "confirm")]))
    text = "\n\n".join(
        [
            _("Someone (we hope you) asked for vacancy alerts at this address:"),
            searches.describe(subscription.search.query) or _("all vacancies"),
            _("To start receiving them, open this link within 7 days:") + f"\n{url}",
            _("If it was not you, ignore this message: nothing will be sent."),
        ]
    )
    return _("Confirm your vacancy alert"), text


def _direct(message):
    texts = message.payload.get("texts", {})
    text = texts.get(message.language) or texts.get("en")
    return (text, text) if text else None


RENDERERS = {
    Message.Kind.VACANCY: _vacancy,
    Message.Kind.DIGEST: _digest,
    Message.Kind.ANNOUNCEMENT: _announcement,
    Message.Kind.LICENCE: _licence,
    Message.Kind.CONFIRM: _confirm,
    Message.Kind.DIRECT: _direct,
}


def render(message):
    """A `Rendered` message in its recipient's language, or None when there is
    nothing to say any more."""
    with translation.override(message.language):
        written = RENDERERS[message.kind](message)
        if written is None:
            return None
        subject, text = written
        text += _footer(message) if message.kind != Message.Kind.CONFIRM else ""
        unsubscribe = (
            unsubscribe_url(message.subscription)
            if message.subscription_id and message.channel == "email"
            else ""
        )
        return Rendered(subject=subject, text=text, unsubscribe_url=unsubscribe)
