"""No case content in any log, whatever happens to the case; status notices go
out by e-mail through a real SMTP server and carry no case content either."""

import logging
import socket
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.test import Client

from accounts.sms import outbox
from helpdesk import services, tasks
from helpdesk.models import Case
from tests.factories.helpdesk import ResponderFactory, RouteFactory
from tests.helpdesk.conftest import SECRET_TEXT, form_data

pytestmark = pytest.mark.django_db


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1 that Django's SMTP backend talks to."""
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.SITE_URL = "https://portal.example"
    yield inbox
    controller.stop()


def test_a_status_change_is_mailed_in_the_persons_language(
    client, officer, smtp, django_capture_on_commit_callbacks
):
    client.post("/en/help/request/", form_data(email="person@example.org", language="ru"))
    case = Case.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.route(case, ResponderFactory(name="Legal aid desk"), actor=officer)
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    body = message.get_payload(decode=True).decode()
    assert message["To"] == "person@example.org"
    assert case.number in str(make_header(decode_header(message["Subject"])))
    assert f"https://portal.example/ru/help/case/{case.token}/" in body
    assert "Передано в организацию" in body
    assert SECRET_TEXT not in body and "Kazan" not in body


def test_a_status_change_is_texted_to_the_phone(
    client, officer, django_capture_on_commit_callbacks
):
    client.post("/en/help/request/", form_data(channel="whatsapp", language="kaa"))
    case = Case.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(case, Case.Status.WAITING, actor=officer)
    assert [sms.number for sms in outbox] == ["+998901234567"]
    text = outbox[0].text
    assert case.number in text and f"/kaa/help/case/{case.token}/" in text
    assert "Juwabıńız kútilmekte" in text
    assert SECRET_TEXT not in text and "Kazan" not in text


def test_a_telegram_contact_gets_no_text(client, officer, django_capture_on_commit_callbacks):
    client.post("/en/help/request/", form_data(channel="telegram", contact="@demo_user_77"))
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(Case.objects.get(), Case.Status.WAITING, actor=officer)
    assert outbox == []


def test_a_dead_mail_server_breaks_nothing(
    client, officer, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens
    client.post("/en/help/request/", form_data(email="person@example.org"))
    case = Case.objects.get()
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        services.change_status(case, Case.Status.IN_PROGRESS, actor=officer)
    assert Case.objects.get().status == "in_progress"
    assert "person@example.org" not in caplog.text
    assert f"case id {case.pk}" in caplog.text


def test_no_case_content_reaches_a_log(
    client, officer, caplog, make_api_key, settings, django_capture_on_commit_callbacks
):
    """The whole life of a case, with every logger at DEBUG: the person's words,
    contact, city and e-mail appear in no log record."""
    settings.HELPDESK_ANONYMISE_AFTER_DAYS = 0
    caplog.set_level(logging.DEBUG)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # a failing notice logs too
    raw, key = make_api_key(["cases:read", "cases:write"], partner_name="Responder")
    responder = ResponderFactory(partner=key.partner)
    RouteFactory(country="RU", responder=responder)
    data = form_data(email="zafar.secret@example.org", city="Secret-City-Oblast")
    client.post("/en/help/request/", {**data, "contact": "bad"})  # refused, logged as 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/help/request/", data)
    case = Case.objects.get()
    client.get(f"/en/help/case/{case.token}/")
    staff = Client()
    staff.force_login(officer)
    staff.get(f"/en/helpdesk/cases/{case.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/en/helpdesk/cases/{case.pk}/route/", {})
    staff.post(f"/en/helpdesk/cases/{case.pk}/status/", {"status": "closed"})  # refused
    headers = {"HTTP_AUTHORIZATION": f"Api-Key {raw}"}
    client.get("/api/v1/cases/", **headers)
    client.post(
        f"/api/v1/cases/{case.pk}/status/",
        {"status": "x"},
        content_type="application/json",
        **headers,
    )
    client.post(
        f"/api/v1/cases/{case.pk}/status/",
        {"status": "closed", "outcome": "resolved"},
        content_type="application/json",
        **headers,
    )
    tasks.anonymise_cases()
    assert caplog.records  # the refusals were logged, without their content
    for secret in (SECRET_TEXT, "zafar.secret", "Secret-City", "901234567", case.token):
        assert secret not in caplog.text
