"""No phone number and no code reaches a log: every logger at every level is
captured through sign-up, confirmation, sign-in by code, a wrong password and a
failing SMS gateway."""

import logging

import pytest

from accounts.sms import outbox
from tests.accounts.conftest import last_code, sign_up

pytestmark = pytest.mark.django_db


def test_no_phone_number_or_code_in_any_log(client, caplog, settings):
    caplog.set_level(logging.DEBUG)
    codes = []
    sign_up(client, "0555 123 456")
    codes.append(last_code())
    client.post("/ky/account/phone/verify/", {"code": "999999"})
    client.post("/ky/account/phone/verify/", {"code": codes[-1]})
    client.post("/ky/account/logout/")
    client.post("/ky/account/login/", {"login": "0555 123 456", "password": "wrong password"})
    response = client.post("/ky/account/login/code/", {"phone": "+996 555 123 456"})
    codes.append(last_code())
    client.post(response["Location"], {"code": codes[-1]})
    # A gateway that fails: a translated 503, and a log line without the number.
    settings.SMS_BACKEND = "accounts.sms.gateway.SmsBackend"
    settings.SMS_GATEWAY_URL = "http://127.0.0.1:9/unreachable"
    settings.SMS_GATEWAY_TOKEN = "t"
    client.post("/ky/account/logout/")
    response = client.post("/ky/account/login/code/", {"phone": "+996555123456"})
    assert response.status_code == 503
    assert "SMS" in response.content.decode()
    assert "SMS not sent" in caplog.text
    assert len(outbox) == 2
    logged = caplog.text + " ".join(str(record.__dict__) for record in caplog.records)
    for secret in ("+996555123456", "996555123456", "555123456", "555 123 456", *codes):
        assert secret not in logged
