"""Telling a person that their case changed: the one place that sends anything to
them. The message names only the case number, its new status and the private
link, in the language the person chose: never what they wrote.

Sent by e-mail (Django's mail, ``EMAIL_*`` settings) when the person gave an
address. SMS to the phone number comes with ``accounts.sms.send_sms`` (branch
``accounts``), called from here alone."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from helpdesk.models import Case

logger = logging.getLogger(__name__)


def private_link(case):
    """The absolute private link of a case, in the person's language."""
    with translation.override(case.language):
        path = reverse("helpdesk:case", args=[case.token])
    return settings.HELPDESK_SITE_URL.rstrip("/") + path


def status_message(case):
    with translation.override(case.language):
        subject = _("Your help request %(number)s") % {"number": case.number}
        body = _("Your help request %(number)s: %(status)s.\nFollow it here: %(link)s") % {
            "number": case.number,
            "status": case.get_status_display(),
            "link": private_link(case),
        }
    return subject, body


def send_status_notice(case_id):
    """Tell the person of their case's current status, by every way they gave."""
    case = Case.objects.filter(pk=case_id, anonymised_at__isnull=True).first()
    if case is None or not case.email:
        return 0
    subject, body = status_message(case)
    try:
        return send_mail(subject, body, None, [case.email])
    except OSError:
        # The address stays out of the log: the case id says which notice failed.
        logger.warning("Status notice for case id %s could not be sent by e-mail", case.pk)
        return 0
