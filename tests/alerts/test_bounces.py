"""Bounces that come back as mail (RFC 3464 reports), piped by the mail server to
``manage.py process_bounce``: a permanent failure ends the address's alerts, a
delay or any other message changes nothing, and no address is printed."""

import io
import sys

import pytest
from django.core.management import call_command

from alerts import tasks
from alerts.models import Subscription
from tests.factories.vacancies import CountryFactory

pytestmark = pytest.mark.django_db

REPORT = """From: MAILER-DAEMON@mx.example.net
To: bounces@portal.example
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

This is the mail system at host mx.example.net.
--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
Arrival-Date: Thu,  3 Dec 2026 10:00:00 +0500

Final-Recipient: rfc822; {failed}
Original-Recipient: rfc822;{failed}
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <{failed}>: Recipient address rejected

Final-Recipient: rfc822; {delayed}
Action: delayed
Status: 4.4.1

--B
Content-Type: text/rfc822-headers

From: portal@localhost
To: {failed}
Subject: Your vacancy alert
--B--
"""


def subscribe(client, address):
    client.post(
        "/en/alerts/new/?country=KR",
        {"channel": "email", "email": address, "frequency": "daily"},
    )
    return Subscription.objects.get(email=address)


def process(path):
    out = io.StringIO()
    call_command("process_bounce", str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def saved(tmp_path):
    def save(text):
        path = tmp_path / "bounce.eml"
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        return path

    return save


def test_alerts_carry_the_bounce_address_as_envelope_sender(client, mailbox, settings):
    settings.EMAIL_BOUNCE_ADDRESS = "bounces@portal.example"
    settings.DEFAULT_FROM_EMAIL = "portal@portal.example"
    CountryFactory(code="KR")
    subscribe(client, "someone@example.org")
    tasks.deliver_email.apply()
    (confirmation,) = mailbox.messages
    assert mailbox.senders == ["bounces@portal.example"]
    assert confirmation["From"] == "portal@portal.example"


def test_a_permanent_failure_ends_the_alerts_and_a_delay_does_not(client, mailbox, monkeypatch):
    CountryFactory(code="KR")
    gone = subscribe(client, "Gone.Person@example.org")
    slow = subscribe(client, "slow@example.org")
    report = REPORT.format(failed="gone.person@example.org", delayed="slow@example.org")
    # As the mail server's pipe hands it over: on standard input.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(report.encode())))
    out = io.StringIO()
    call_command("process_bounce", stdout=out)
    output = out.getvalue()
    assert output.strip() == "1 address(es) refused for good: their alerts ended"
    assert "example.org" not in output
    gone.refresh_from_db()
    slow.refresh_from_db()
    assert (gone.status, gone.end_reason) == ("ended", "bounced")
    assert slow.status == "pending"


@pytest.mark.parametrize(
    "message",
    [
        "From: friend@example.org\nSubject: Re: your alert\n\nThanks!\n",
        REPORT.replace("Status: 5.1.1", "Status: 4.2.2"),
        REPORT.replace("message/delivery-status", "text/plain"),
        b"\xff\xfe\x00 not mail at all \x00" * 50,
        "",
    ],
)
def test_anything_else_changes_nothing(client, mailbox, saved, message):
    CountryFactory(code="KR")
    gone = subscribe(client, "gone.person@example.org")
    if isinstance(message, str):
        message = message.format(failed="gone.person@example.org", delayed="x@example.org")
    assert "nothing changed" in process(saved(message))
    gone.refresh_from_db()
    assert gone.status == "pending"


def test_an_unreadable_file_is_a_clear_error_that_changes_nothing(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="cannot read"):
        call_command("process_bounce", str(tmp_path / "missing.eml"), stdout=io.StringIO())
