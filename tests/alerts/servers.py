"""Real local servers the alert tests talk to: a stand-in for the Telegram Bot
API (records every call; answers 429 or 403 when told) and an SMTP server
(aiosmtpd) that refuses the addresses it is told to refuse."""

import json
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from aiosmtpd.controller import Controller

from tests.portal.services import free_port


class TelegramStandIn:
    """``calls``: [(time, method, params)]; ``block`` chat ids answer 403;
    ``flood`` = n answers the next n sendMessage calls 429 with ``retry_after``."""

    def __init__(self):
        self.calls = []
        self.block = set()
        self.flood = 0
        self.retry_after = 1
        self.lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the real API

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    params = json.loads(raw or "{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(raw).items()}
                method = self.path.rsplit("/", 1)[-1]
                status, body = stand_in.answer(method, params)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            request_queue_size = 128
            daemon_threads = True

        self.server = Server(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, method, params):
        with self.lock:
            if method == "getMe":
                return 200, {
                    "ok": True,
                    "result": {
                        "id": 1,
                        "is_bot": True,
                        "first_name": "Portal",
                        "username": "portal_bot",
                    },
                }
            if method == "sendMessage":
                chat = int(params["chat_id"])
                if self.flood:
                    self.flood -= 1
                    self.calls.append((time.monotonic(), "429", params))
                    return 429, {
                        "ok": False,
                        "error_code": 429,
                        "description": "Too Many Requests",
                        "parameters": {"retry_after": self.retry_after},
                    }
                if chat in self.block:
                    self.calls.append((time.monotonic(), "403", params))
                    return 403, {
                        "ok": False,
                        "error_code": 403,
                        "description": "Forbidden: bot was blocked by the user",
                    }
                self.calls.append((time.monotonic(), method, params))
                return 200, {
                    "ok": True,
                    "result": {
                        "message_id": len(self.calls),
                        "date": int(time.time()),
                        "chat": {"id": chat, "type": "private"},
                        "text": params.get("text", ""),
                    },
                }
            self.calls.append((time.monotonic(), method, params))
            return 200, {"ok": True, "result": True}

    def sent(self, chat_id=None):
        return [
            params
            for _t, method, params in self.calls
            if method == "sendMessage" and (chat_id is None or int(params["chat_id"]) == chat_id)
        ]

    def times(self):
        return [t for t, method, _p in self.calls if method == "sendMessage"]

    def per_chat(self):
        chats = defaultdict(list)
        for t, method, params in self.calls:
            if method == "sendMessage":
                chats[int(params["chat_id"])].append(t)
        return chats

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class Mailbox:
    """aiosmtpd handler keeping each accepted message; ``refuse`` addresses get 550."""

    def __init__(self):
        self.messages = []
        self.senders = []  # each message's envelope sender (MAIL FROM)
        self.refuse = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes
        from email.policy import default

        self.messages.append(message_from_bytes(envelope.content, policy=default))
        self.senders.append(envelope.mail_from)
        return "250 Message accepted"


def smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, mailbox
