"""A real partner server on 127.0.0.1 and the feeds the tests point at it."""

import json
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import translation

from tests.factories.feeds import FeedFactory
from tests.factories.partners import PartnerFactory
from tests.factories.vacancies import CountryFactory, rates
from vacancies.models import Publisher


class PartnerServer:
    """Serves documents registered with `serve`; records the requests it got."""

    def __init__(self):
        self.routes = {}
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                status = route["statuses"].pop(0) if route["statuses"] else 200
                if route["delay"]:
                    time.sleep(route["delay"])
                headers = dict(route["headers"])
                if route["content_length"]:
                    headers["Content-Length"] = str(len(route["body"]))
                head = f"HTTP/1.0 {status} {HTTPStatus(status).phrase}\r\n" + "".join(
                    f"{name}: {value}\r\n" for name, value in headers.items()
                )
                response = head.encode() + b"\r\n" + route["body"]
                trickle, start = route["trickle"], 0
                if trickle and route["trickle_from"] == "body":
                    start = len(response) - len(route["body"])
                try:
                    self.wfile.write(response[:start])
                    for index in range(start, len(response)):
                        time.sleep(trickle)
                        self.wfile.write(response[index : index + 1])
                except OSError:
                    pass  # the client gave up

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def serve(
        self,
        path,
        body,
        *,
        statuses=(),
        headers=None,
        delay=0,
        content_length=True,
        trickle=0,
        trickle_from="body",
    ):
        """Serve ``body`` at ``path``: first with ``statuses``, then 200; after
        ``delay`` seconds; without a Content-Length if told (the body then ends
        when the connection closes); and, with ``trickle``, one byte at a time
        every ``trickle`` seconds, of the body or from the status line on
        (``trickle_from="status"``)."""
        if not isinstance(body, bytes):
            body = json.dumps(body).encode() if not isinstance(body, str) else body.encode()
        self.routes[path] = {
            "body": body,
            "statuses": list(statuses),
            "headers": headers or {},
            "delay": delay,
            "content_length": content_length,
            "trickle": trickle,
            "trickle_from": trickle_from,
        }
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(autouse=True)
def _english():
    """Runs record their messages in the active language; the tests read English
    whatever test ran before (the portal's default language is Uzbek)."""
    with translation.override("en"):
        yield


@pytest.fixture
def partner_server(settings):
    settings.FEED_ALLOW_PRIVATE_ADDRESSES = True
    server = PartnerServer()
    yield server
    server.stop()


@pytest.fixture
def partner(db):
    partner = PartnerFactory(name="Hanil Manpower Co.")
    Publisher.objects.create(partner=partner, channel="employer")
    CountryFactory(code="KR", name_en="South Korea")
    rates(KRW=1400)
    return partner


@pytest.fixture
def make_feed(partner):
    def make(url="", kind="vacancies", format="json", **fields):
        return FeedFactory(partner=partner, url=url, kind=kind, format=format, **fields)

    return make


def vacancy(external_id, **fields):
    return {
        "external_id": external_id,
        "title_en": f"Assembly line worker {external_id}",
        "channel": "employer",
        "country": "KR",
        "employer_name": "Hanil Manpower Co.",
        "wage_min": "2500000",
        "wage_currency": "KRW",
        "contract_months": 36,
        "visa_type": "E-9",
        **fields,
    }


def document(kind, records):
    return {"kind": kind, "records": records}
