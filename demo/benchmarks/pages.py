"""Pages measured end to end: each case's URL through gunicorn (2 sync workers) from
outside (`load`), beside the yardstick (`yardstick`) running the SQL the portal ran
for it, and that SQL alone, timed by the database; printed as one table.

For each case the portal is asked once in process first, with its SQL recorded
(`record`): that SQL is what the yardstick runs and what "SQL alone" times. On
PostgreSQL "SQL alone" is the sum of planning and execution time of each statement
as ``EXPLAIN ANALYZE`` reports it; on SQLite, executing it and fetching the rows.
"""

import json
import os
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from demo.benchmarks import load, servers
from demo.benchmarks.load import percentile

# The server's environment for a benchmark: the anonymous API budget is meant for
# people, not for a load generator on loopback (it is still counted in Redis).
# The page cache is off for the table: the targets hold without it. It is measured
# on its own server afterwards (`measure_cached`).
SERVER_ENVIRONMENT = {"API_ANON_RATE": "100000000/minute", "PAGE_CACHE_SECONDS": "0"}
SQL_REPEAT = 30
SETTLE_ROUNDS = 5
# A queryset's iterator() on PostgreSQL reads through a named cursor: DECLARE ... FOR
# <query>, then FETCHes and a CLOSE. The yardstick and "SQL alone" run the query.
CURSOR = re.compile(r'^DECLARE "[^"]+" NO SCROLL CURSOR WITH(?:OUT)? HOLD FOR ', re.IGNORECASE)


@dataclass
class Case:
    name: str
    url: str
    statements: list = field(default_factory=list)
    size: int = 0
    portal: load.Result | None = None
    yardstick: load.Result | None = None
    sql: tuple = ()  # (p50, p95) in ms


def record(case):
    """Ask the portal for the case's URL in process and keep the SQL it ran (the
    second time: the first fills the caches a running server has filled long ago)."""
    # An address of its own: the anonymous API budget counted the last run's load
    # from 127.0.0.1 for a minute, and this client has the budget meant for people.
    client = Client(HTTP_HOST="127.0.0.1", REMOTE_ADDR="127.0.0.2")
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(case.url, secure=True)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(case.url, secure=True)
    if response.status_code != 200:
        raise load.LoadError(f"{case.url} answered {response.status_code}")
    case.statements = [
        CURSOR.sub("", query["sql"])
        for query in captured.captured_queries
        if not query["sql"].upper().startswith(("FETCH ", "CLOSE "))
    ]
    case.size = len(response.content)


def time_sql(statements, repeat=SQL_REPEAT):
    """(p50, p95) in ms of the statements' total database time over `repeat` runs."""
    selects = [sql for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    totals = []
    with connection.cursor() as cursor:
        for _n in range(repeat):
            total = 0.0
            for sql in selects:
                if connection.vendor == "postgresql":
                    cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
                    plan = cursor.fetchone()[0]
                    plan = json.loads(plan) if isinstance(plan, str) else plan
                    total += plan[0]["Planning Time"] + plan[0]["Execution Time"]
                else:
                    begin = time.perf_counter()
                    cursor.execute(sql)
                    cursor.fetchall()
                    total += (time.perf_counter() - begin) * 1000
            totals.append(total)
    totals.sort()
    return totals[len(totals) // 2], percentile(totals, 95)


def _quietest(url, seconds, repeat, connections=1):
    """The run with the lowest p50 of `repeat` runs: on a shared machine the others
    measured the neighbours as well."""
    return min((load.run(url, seconds, connections) for _n in range(repeat)), key=lambda r: r.p50)


def measure(
    cases, seconds, repeat, throughput_case, stdout, sql_repeat=SQL_REPEAT, portal_environment=None
):
    """Fill each case's figures; returns (portal, yardstick) results at 4 connections
    of `throughput_case`."""
    for case in cases:
        record(case)
        case.sql = time_sql(case.statements, sql_repeat)
    with tempfile.TemporaryDirectory() as folder:
        recorded = os.path.join(folder, "cases.json")
        with open(recorded, "w", encoding="utf-8") as file:
            json.dump([case.statements for case in cases], file)
        environment = {**SERVER_ENVIRONMENT, **(portal_environment or {})}
        with (
            servers.gunicorn(**environment) as portal,
            servers.gunicorn(
                "demo.benchmarks.yardstick_settings", YARDSTICK_CASES=recorded
            ) as yardstick,
        ):
            _settle(portal + quote(cases[0].url, safe="/?&="), f"{yardstick}/0/")
            for number, case in enumerate(cases):
                urls = (portal + quote(case.url, safe="/?&="), f"{yardstick}/{number}/")
                _settle(*urls, rounds=1)  # every worker has served this page
                case.portal = _quietest(urls[0], seconds, repeat)
                case.yardstick = _quietest(urls[1], seconds, repeat)
                stdout.write(f"  measured {case.name}")
            number = cases.index(throughput_case)
            throughput = (
                load.run(portal + quote(throughput_case.url, safe="/?&="), seconds, 4),
                load.run(f"{yardstick}/{number}/", seconds, 4),
            )
    return throughput


def _settle(*urls, rounds=SETTLE_ROUNDS):
    """Rounds of concurrent requests, two per worker, so that every worker of every
    server has booted and served the URLs before anything is measured (sequential
    requests may all reach one worker): a worker's first answers take seconds here,
    and workers still booting took the CPU from the first case (the home page's p95
    read 450 ms)."""
    connections = 2 * servers.WORKERS
    with ThreadPoolExecutor(connections) as pool:
        for url in urls:
            for _round in range(rounds):
                list(pool.map(load.get, [url] * connections))


def measure_cached(cases, seconds, repeat):
    """[(case, result)]: the cases through a server that keeps whole pages."""
    environment = {**SERVER_ENVIRONMENT, "PAGE_CACHE_SECONDS": "60"}
    results = []
    with servers.gunicorn(**environment) as portal:
        _settle(portal + quote(cases[0].url, safe="/?&="))
        for case in cases:
            url = portal + quote(case.url, safe="/?&=")
            load.get(url)
            results.append((case, _quietest(url, seconds, repeat)))
    return results


def table(cases):
    """The figures as a Markdown table."""
    lines = [
        "| page | URL | portal p50 / p95 ms | yardstick p50 / p95 ms | ratio (p50) "
        "| SQL alone p50 / p95 ms | queries | KB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for case in cases:
        ratio = case.portal.p50 / case.yardstick.p50 if case.yardstick.p50 else 0
        lines.append(
            f"| {case.name} | `{case.url}` | {case.portal} | {case.yardstick} | {ratio:.1f}x "
            f"| {case.sql[0]:.2f} / {case.sql[1]:.2f} | {len(case.statements)} "
            f"| {case.size / 1024:.1f} |"
        )
    return "\n".join(lines)
