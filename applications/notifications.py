"""The one way an applicant hears of a status change: an SMS to their verified
phone (`accounts.sms.send_sms`), an e-mail when they gave one, written in the
language they chose for messages (`accounts.selectors.language_of`), and a
Telegram message to every chat they linked to the account
(`alerts.services.send_to_user`, each chat in its own language, once per change). Called by
`applications.tasks.send_status_notice` after the change is committed. The text
is never logged: it names the applicant's job search.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.phones import phone_of
from accounts.selectors import language_of
from accounts.sms import send_sms
from alerts.services import send_to_user
from applications.choices import Status
from applications.models import StatusChange


def status_text(change):
    """The message about one change, in the active language."""
    application = change.application
    text = _("Safe work abroad: your application for “%(vacancy)s” is now: %(status)s.") % {
        "vacancy": application.vacancy.title,
        "status": change.get_to_status_display(),
    }
    if change.to_status == Status.INTERVIEW:
        when = formats.date_format(timezone.localtime(change.interview_at), "DATETIME_FORMAT")
        where = " ".join(filter(None, [change.interview_place, change.interview_link]))
        text += " " + _("Interview: %(when)s, %(where)s.") % {"when": when, "where": where}
    if change.to_status == Status.REJECTED:
        text += " " + _("Reason: %(reason)s.") % {"reason": change.get_reject_reason_display()}
    if settings.SITE_URL:
        text += " " + settings.SITE_URL.rstrip("/") + reverse("applications:mine")
    return text


def notify_status_change(change_id):
    """Send one change to its applicant by SMS, and by e-mail when they gave one.
    An anonymised application or a deleted account gets nothing."""
    change = (
        StatusChange.objects.select_related("application__vacancy", "application__applicant")
        .filter(pk=change_id)
        .first()
    )
    if change is None or change.application.applicant is None:
        return
    user = change.application.applicant
    language = language_of(user, default=settings.LANGUAGE_CODE)
    with translation.override(language):
        text = status_text(change)
        subject = _("Your application: %(status)s") % {"status": change.get_to_status_display()}
    if number := phone_of(user):
        send_sms(number, text)
    if user.email:
        send_mail(subject, text, None, [user.email])
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = status_text(change)
    send_to_user(user, texts, key=f"application:{change.application_id}:change:{change.pk}")
