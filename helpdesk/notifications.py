"""Telling a person that their case changed: the one place that sends anything to
them. The message names only the case number, its new status and the private
link, in the language the person chose: never what they wrote.

Sent by SMS (`accounts.sms.send_sms`) to the phone number when the person is to be
reached by phone or WhatsApp, and by e-mail (Django's mail, ``EMAIL_*`` settings)
when they gave an address. A failure is logged with the case id only: never the
number, the address or the text."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.sms import SmsError, send_sms
from helpdesk.models import Case

logger = logging.getLogger(__name__)


def private_link(case):
    """The absolute private link of a case, in the person's language."""
    with translation.override(case.language):
        path = reverse("helpdesk:case", args=[case.token])
    return settings.SITE_URL.rstrip("/") + path


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
    """Tell the person of their case's current status, by every way they gave;
    answers how many messages went out."""
    case = Case.objects.filter(pk=case_id, anonymised_at__isnull=True).first()
    if case is None:
        return 0
    subject, body = status_message(case)
    sent = 0
    if case.channel in (Case.Channel.PHONE, Case.Channel.WHATSAPP) and case.contact:
        try:
            send_sms(case.contact, body)
            sent += 1
        except (SmsError, ValueError):
            logger.warning("Status notice for case id %s could not be sent by SMS", case.pk)
    if case.email:
        try:
            sent += send_mail(subject, body, None, [case.email])
        except OSError:
            logger.warning("Status notice for case id %s could not be sent by e-mail", case.pk)
    return sent
