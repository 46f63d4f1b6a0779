"""Texts go through one door, `accounts.sms.send_sms`, to the backend that
``SMS_BACKEND`` names: the HTTP gateway is tested against a real HTTP server
started here, standing in for the SMS company."""

import io
import json
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts.sms import SmsError, outbox, send_sms
from accounts.sms.console import SmsBackend as ConsoleBackend

NUMBER = "+996555123456"
TEXT = "Safe work abroad: your code is 4821-77. Do not tell it to anyone, not even us."
GATEWAY = "accounts.sms.gateway.SmsBackend"


class Gateway:
    """A stand-in SMS gateway: records what it receives, answers as told."""

    def __init__(self):
        self.received = []
        self.status = 202
        self.delay = 0.0
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                gateway.received.append((self.path, dict(self.headers), json.loads(body)))
                if gateway.delay:
                    threading.Event().wait(gateway.delay)
                try:
                    self.send_response(gateway.status)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    # Gateways echo the number: it must not reach our errors or logs.
                    self.wfile.write(json.dumps({"to": NUMBER, "status": "x"}).encode())
                except BrokenPipeError:
                    pass  # the portal stopped waiting (the timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1/sms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings):
    with Gateway() as server:
        settings.SMS_BACKEND = GATEWAY
        settings.SMS_GATEWAY_URL = server.url
        settings.SMS_GATEWAY_TOKEN = "gateway-token-123"
        settings.SMS_SENDER = "SafeWork"
        settings.SMS_GATEWAY_TIMEOUT = 2
        yield server


def test_the_test_backend_keeps_an_outbox():
    send_sms(NUMBER, TEXT)
    assert [(sms.number, sms.text) for sms in outbox] == [(NUMBER, TEXT)]


@pytest.mark.parametrize(
    "number", ["0555123456", "+99655512345", "996555123456", "", "+996 555 123 456"]
)
def test_only_e164_numbers_are_sent(number):
    with pytest.raises(ValueError):
        send_sms(number, TEXT)
    assert outbox == []


def test_the_console_backend_prints(settings, capsys):
    settings.SMS_BACKEND = "accounts.sms.console.SmsBackend"
    send_sms(NUMBER, TEXT)
    printed = capsys.readouterr().out
    assert NUMBER in printed and TEXT in printed
    assert outbox == []


def test_the_console_backend_can_write_elsewhere():
    backend = ConsoleBackend()
    backend.stream = io.StringIO()
    backend.send(NUMBER, TEXT)
    assert TEXT in backend.stream.getvalue()


def test_the_gateway_receives_the_message(gateway):
    send_sms(NUMBER, TEXT)
    [(path, headers, body)] = gateway.received
    assert path == "/v1/sms"
    assert headers["Authorization"] == "Bearer gateway-token-123"
    assert headers["Content-Type"] == "application/json"
    assert body == {"from": "SafeWork", "to": NUMBER, "text": TEXT}


@pytest.mark.parametrize("status", [400, 401, 429, 500, 503, 302])
def test_a_refusal_raises_a_clear_error_without_the_number_or_text(gateway, status, caplog):
    gateway.status = status
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SmsError) as error:
        send_sms(NUMBER, TEXT)
    assert f"HTTP {status}" in str(error.value)
    for secret in (NUMBER, NUMBER[1:], "4821-77", "gateway-token-123"):
        assert secret not in str(error.value)
        assert secret not in caplog.text


def test_a_slow_gateway_times_out(gateway, settings):
    settings.SMS_GATEWAY_TIMEOUT = 0.3
    gateway.delay = 2
    with pytest.raises(SmsError, match="did not answer in time"):
        send_sms(NUMBER, TEXT)


def test_an_unreachable_gateway_raises(settings):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    settings.SMS_BACKEND = GATEWAY
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{port}/v1/sms"
    settings.SMS_GATEWAY_TOKEN = "t"
    with pytest.raises(SmsError, match="could not be reached") as error:
        send_sms(NUMBER, TEXT)
    assert NUMBER not in str(error.value)


def test_the_gateway_needs_its_address_and_token(settings):
    settings.SMS_BACKEND = GATEWAY
    settings.SMS_GATEWAY_URL = ""
    with pytest.raises(ImproperlyConfigured):
        send_sms(NUMBER, TEXT)
