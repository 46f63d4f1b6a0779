"""``manage.py benchmark alerts --count 100000``: COUNT Telegram subscriptions over
the vacancy list's filters, then a partner feed batch of `BATCH` new vacancies
(synced by the feeds' own code); prints the time to match them with every saved
search and queue the outbox, then delivers for `DELIVERY_SECONDS` through a
local stand-in of the Telegram Bot API and checks the rate, duplicates and loss.

The subscriptions (chats numbered from `FIRST_CHAT`) are made once and kept for
the next run; each run's vacancies, feed and messages are removed at the end."""

import json
import random
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode

from django.conf import settings
from django.db import connection, transaction

from alerts import matching, sending
from alerts.models import Message, SavedSearch, Subscription, TelegramChat
from feeds.models import Feed, FeedRun
from feeds.sync import run_feed
from partners.models import Partner
from vacancies.models import Country, Occupation, Publisher, Vacancy

PARTNER = "Alerts benchmark partner"
FIRST_CHAT = 9_000_000_000
BATCH = 1000
DELIVERY_SECONDS = 20
COUNTRIES = {
    "KR": "South Korea",
    "GB": "United Kingdom",
    "DE": "Germany",
    "PL": "Poland",
    "TR": "Türkiye",
    "LT": "Lithuania",
    "JP": "Japan",
    "IL": "Israel",
    "RU": "Russia",
    "KZ": "Kazakhstan",
    "AE": "United Arab Emirates",
    "HU": "Hungary",
}
WORDS = ["welder", "driver", "greenhouse", "cook", "builder", "nurse", "packer", "electrician"]
LANGUAGES = ["uz", "uz", "uz", "kaa", "ky", "ky", "ru", "en"]


def _query(rng, groups):
    """A search as people make them: a country almost always, often a kind of
    work, sometimes a wage floor, housing, a contract length or a word."""
    query = {}
    if rng.random() < 0.95:
        query["country"] = rng.choice(list(COUNTRIES))
    if rng.random() < 0.6:
        query["occupation"] = rng.choice(groups)
    if rng.random() < 0.3:
        query["min_wage"] = rng.randrange(600, 2600, 100)
    if rng.random() < 0.2:
        query["housing"] = "on"
    if rng.random() < 0.1:
        query["contract"] = rng.choice(["short", "year", "long"])
    if rng.random() < 0.05:
        query["q"] = rng.choice(WORDS)
    return urlencode(sorted(query.items()))


def seed_subscriptions(count, stdout):
    have = TelegramChat.objects.filter(chat_id__gte=FIRST_CHAT).count()
    if have >= count:
        stdout.write(f"{have} benchmark subscriptions already there")
        return
    rng = random.Random(15)  # noqa: S311 (reproducible benchmark data)
    groups = list(
        Occupation.objects.filter(level=Occupation.Level.MAJOR).values_list("code", flat=True)
    )
    start = time.perf_counter()
    with transaction.atomic():
        chats = TelegramChat.objects.bulk_create(
            [
                TelegramChat(
                    chat_id=FIRST_CHAT + n, language=rng.choice(LANGUAGES), language_chosen=True
                )
                for n in range(have, count)
            ],
            batch_size=5000,
        )
        queries = [_query(rng, groups) for _chat in chats]
        known = dict(SavedSearch.objects.values_list("query", "pk"))
        new = sorted(set(queries) - set(known))
        for search in SavedSearch.objects.bulk_create(
            [SavedSearch(query=q, country_id=dict(_pairs(q)).get("country")) for q in new],
            batch_size=5000,
        ):
            known[search.query] = search.pk
        Subscription.objects.bulk_create(
            [
                Subscription(
                    search_id=known[query],
                    channel="telegram",
                    chat=chat,
                    language=chat.language,
                    status="active",
                    frequency="daily" if rng.random() < 0.3 else "instant",
                )
                for chat, query in zip(chats, queries, strict=True)
            ],
            batch_size=5000,
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # as autovacuum would, before the first match
            cursor.execute("ANALYZE alerts_telegramchat, alerts_savedsearch, alerts_subscription")
    stdout.write(
        f"seeded {len(chats)} subscriptions over {len(set(queries))} distinct searches "
        f"in {time.perf_counter() - start:.1f} s"
    )


def _pairs(query):
    return [part.split("=", 1) for part in query.split("&") if "=" in part]


def document(rng, units, tag):
    return json.dumps(
        {
            "kind": "vacancies",
            "records": [
                {
                    "external_id": f"ALERT-{tag}-{n}",
                    "title_en": f"{rng.choice(WORDS).title()} {n}",
                    "channel": "employer",
                    "country": rng.choice(list(COUNTRIES)),
                    "occupation": rng.choice(units),
                    "employer_name": f"Benchmark Employer {n % 200}",
                    "wage_min": str(rng.randrange(500, 3000, 50)),
                    "wage_currency": "USD",
                    "contract_months": rng.choice([4, 6, 9, 12, 24, 36]),
                    "visa_type": "Work permit",
                    "housing": rng.random() < 0.5,
                }
                for n in range(BATCH)
            ],
        }
    ).encode()


class StandIn:
    """A local Telegram Bot API that records each sendMessage."""

    def __init__(self):
        self.calls = []
        lock = threading.Lock()
        calls = self.calls

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                method = self.path.rsplit("/", 1)[-1]
                if method == "sendMessage":  # the library posts a form or JSON
                    if "json" in (self.headers.get("Content-Type") or ""):
                        params = json.loads(body or b"{}")
                    else:
                        params = {k: v[0] for k, v in parse_qs(body.decode()).items()}
                    with lock:
                        calls.append((time.monotonic(), params["chat_id"], params["text"]))
                result = {"id": 1, "is_bot": True, "first_name": "Bench", "username": "bench"}
                if method == "sendMessage":
                    result = {
                        "message_id": 1,
                        "date": 0,
                        "chat": {"id": params["chat_id"], "type": "private"},
                    }
                data = json.dumps({"ok": True, "result": result}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            request_queue_size = 128
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def deliver(stdout, key):
    stand_in = StandIn()
    saved = (settings.TELEGRAM_BOT_TOKEN, settings.TELEGRAM_API_URL)
    settings.TELEGRAM_BOT_TOKEN, settings.TELEGRAM_API_URL = "1:BENCHMARK", stand_in.url
    try:
        start = time.perf_counter()
        sent = sending.deliver_telegram(seconds=DELIVERY_SECONDS)
        seconds = time.perf_counter() - start
    finally:
        settings.TELEGRAM_BOT_TOKEN, settings.TELEGRAM_API_URL = saved
        stand_in.stop()
    calls = stand_in.calls
    times = sorted(t for t, _chat, _text in calls)
    busiest, first = 0, 0
    for last, at in enumerate(times):  # the most messages within any one second
        while at - times[first] >= 1.0:
            first += 1
        busiest = max(busiest, last - first + 1)
    per_chat = Counter(chat for _t, chat, _text in calls)
    duplicates = sum(n - 1 for n in Counter((c, x) for _t, c, x in calls).values() if n > 1)
    marked = Message.objects.filter(status="sent", key=key).count()
    stdout.write(
        f"delivery: {sent} sent in {seconds:.1f} s ({sent / seconds:.1f}/s), busiest second "
        f"{busiest} messages, most to one chat {max(per_chat.values(), default=0)}; "
        f"received by the stand-in {len(calls)}, marked sent {marked}, duplicates "
        f"{duplicates}, lost {marked - len(calls)}"
    )


def run(count, queries, stdout):
    for code, name in COUNTRIES.items():
        Country.objects.get_or_create(code=code, defaults={"name": name, "name_en": name})
    seed_subscriptions(count, stdout)
    rng = random.Random(time.time_ns())  # noqa: S311 (benchmark data)
    units = list(
        Occupation.objects.filter(level=Occupation.Level.UNIT).values_list("code", flat=True)
    )
    with transaction.atomic():
        partner, _ = Partner.objects.get_or_create(name=PARTNER)
        Publisher.objects.get_or_create(partner=partner, channel="employer")
        feed = Feed.objects.create(
            partner=partner, name="alerts benchmark", kind="vacancies", format="json"
        )
    matched = None
    try:
        start = time.perf_counter()
        result = run_feed(
            feed, body=document(rng, units, time.time_ns()), trigger=FeedRun.Trigger.PUSH
        )
        stdout.write(
            f"feed batch: {result.created} vacancies created in {time.perf_counter() - start:.1f} s"
        )
        start = time.perf_counter()
        matched = matching.match_new_vacancies()
        seconds = time.perf_counter() - start
        stdout.write(
            f"match and enqueue: {seconds:.1f} s — {matched.vacancies} new vacancies, "
            f"{matched.searches} saved searches evaluated, "
            f"{matched.messages} outbox rows ({connection.vendor})"
        )
        deliver(stdout, f"vacancies:{matched.run}")
    finally:
        if matched is not None:
            Message.objects.filter(key=f"vacancies:{matched.run}").delete()
        Vacancy.objects.filter(partner=partner).delete()
        feed.delete()
