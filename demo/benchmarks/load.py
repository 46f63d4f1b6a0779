"""Load from outside: requests to a server over loopback, timed the way a client
sees them, with ``wrk`` when it is installed and a plain Python client otherwise.

``wrk`` (Debian package ``wrk``) adds next to nothing to what it measures; the
Python client adds its own time to every request (a fraction of a millisecond, more
at several connections, where its threads share the interpreter with each other),
so figures taken with it are upper bounds. `describe()` says which one is used,
and the benchmark prints it above its table.
"""

import http.client
import itertools
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# The benchmark's servers sit behind "our own TLS proxy" (TRUSTED_PROXY_COUNT=1),
# as in production: without this header the portal would redirect to HTTPS.
HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}

# wrk prints what it measured through this script: requests, errors, non-2xx/3xx
# answers, p50 and p95 in microseconds, and the run's length in microseconds.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), summary.duration))
end
"""


@dataclass(frozen=True)
class Result:
    requests: int
    p50: float  # milliseconds
    p95: float
    per_second: float

    def __str__(self):
        return f"{self.p50:.1f} / {self.p95:.1f}"


class LoadError(RuntimeError):
    """A run had failed requests or answers that were not successes."""


def wrk_path():
    return shutil.which("wrk")


def describe():
    if wrk_path():
        return f"load generator: wrk ({wrk_path()})"
    return (
        "load generator: wrk NOT FOUND (apt-get install wrk); using the built-in Python "
        "client, whose own time is included in every figure (upper bounds)"
    )


def run(url, seconds, connections=1, posts=None, headers=None):
    """Requests to `url` for `seconds` over `connections` connections; a `Result`.
    With ``posts``, [(form body, client address)], POSTs of each body in turn,
    each from its address (``X-Forwarded-For``), with ``headers`` besides."""
    if wrk_path():
        return _wrk(url, seconds, connections, posts, headers or {})
    return _python(url, seconds, connections, posts, headers or {})


def _lua_text(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _posts_script(posts):
    """wrk's requests: each body of ``posts`` in turn, from its own address."""
    bodies = ", ".join(_lua_text(body) for body, _address in posts)
    addresses = ", ".join(_lua_text(address) for _body, address in posts)
    return f"""
local bodies = {{{bodies}}}
local addresses = {{{addresses}}}
local turn = 0
request = function()
  turn = turn % #bodies + 1
  wrk.headers["X-Forwarded-For"] = addresses[turn]
  return wrk.format("POST", nil, nil, bodies[turn])
end
"""


def _wrk(url, seconds, connections, posts, headers):
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "report.lua"
        script.write_text((_posts_script(posts) if posts else "") + WRK_SCRIPT)
        command = [
            wrk_path(),
            f"-t{min(connections, 2)}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
        ]
        for name, value in {**HEADERS, **headers}.items():
            command += ["-H", f"{name}: {value}"]
        output = subprocess.run(  # noqa: S603 (our own arguments)
            [*command, url], capture_output=True, text=True, check=True
        ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    requests, errors, bad_status, p50, p95, duration = (int(n) for n in line.split()[1:])
    if errors or bad_status or not requests:
        raise LoadError(f"{url}: {errors} failed requests, {bad_status} unsuccessful answers")
    return Result(requests, p50 / 1000, p95 / 1000, requests / (duration / 1_000_000))


def _python(url, seconds, connections, posts, headers):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    timings, failures = [], []
    deadline = time.perf_counter() + seconds
    turns = itertools.cycle(posts) if posts else None

    def client():
        while time.perf_counter() < deadline:
            method, body, sent = "GET", None, {**HEADERS, **headers}
            if turns is not None:
                body, address = next(turns)
                method, sent["X-Forwarded-For"] = "POST", address
            begin = time.perf_counter()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            try:
                connection.request(method, path, body=body, headers=sent)
                response = connection.getresponse()
                response.read()
            except OSError as error:
                failures.append(str(error))
                continue
            finally:
                connection.close()
            if response.status >= 400:
                failures.append(str(response.status))
            timings.append((time.perf_counter() - begin) * 1000)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures or not timings:
        raise LoadError(f"{url}: {len(failures)} failed requests ({failures[:3]})")
    return Result(
        len(timings), statistics.median(timings), percentile(timings, 95), len(timings) / elapsed
    )


def percentile(values, rank):
    """The nearest-rank percentile of a list of numbers."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * rank // 100) - 1)]


def get(url):
    """One request, for warming a server up; the answer's body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status >= 400:
        raise LoadError(f"{url} answered {response.status}")
    return body
