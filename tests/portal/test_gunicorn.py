"""gunicorn serves the portal with production settings: HTTPS enforced, static
files from whitenoise, compressed and hashed; the ban check's answers are one size
and the access log records no sizes."""

import gzip
import re
import secrets
import sys

import pytest
import requests

from tests.factories.blacklist import BanRecordFactory
from tests.portal.services import free_port, process_env, running, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_gunicorn_serves_the_portal_in_production_mode():
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = process_env(
        DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="127.0.0.1"
    )
    command = (
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
    )
    proxied = {"X-Forwarded-Proto": "https"}

    def answering():
        try:
            return requests.get(f"{base}/healthz", headers=proxied, timeout=10).ok
        except (requests.ConnectionError, requests.Timeout):
            return False

    with running(*command, env=env) as process:
        wait_until(answering, process)
        plain = requests.get(f"{base}/uz/", allow_redirects=False, timeout=30)
        assert plain.status_code == 301
        assert plain.headers["Location"].startswith("https://")

        page = requests.get(f"{base}/uz/", headers=proxied, timeout=30)
        assert page.status_code == 200
        assert "max-age=31536000" in page.headers["Strict-Transport-Security"]
        assert page.headers["X-Content-Type-Options"] == "nosniff"
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page.text)
        assert stylesheet, "static URLs are hashed"

        css = requests.get(
            base + stylesheet.group(1), headers={**proxied, "Accept-Encoding": "gzip"}, timeout=5
        )
        assert css.status_code == 200
        assert css.headers["Content-Encoding"] == "gzip"
        assert "immutable" in css.headers["Cache-Control"]


def test_ban_check_answers_are_one_size_and_the_access_log_has_no_sizes():
    """The issue's production setup: gunicorn with its access log on stdout."""
    record = BanRecordFactory(source__name="Russia: entry bans")
    record.source.refresh_statistics()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = process_env(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        CSRF_COOKIE_SECURE="false",
    )
    command = (sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}")
    command += ("--workers", "1", "--access-logfile", "-")
    url = f"{base}/ru/blacklist/check/"
    people = {  # outcome: surname, citizenship, the badge the page shows
        "record_found": ("Абдуллаев", "UZ", "badge-bad"),
        "possible_match": ("Абдуллаев", "KG", "badge-warn"),
        "no_record": ("Каримов", "UZ", "badge-ok"),
    }
    sizes = {}
    with running(*command, env=env) as process:
        wait_until(lambda: _answers(f"{base}/healthz"), process)
        for outcome, (surname, citizenship, badge) in people.items():
            session = requests.Session()
            form = session.get(url, timeout=30)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
            answer = session.post(
                url,
                data={
                    "csrfmiddlewaretoken": token,
                    "surname": surname,
                    "given_name": "Шахзод",
                    "date_of_birth": "1991-03-14",
                    "citizenship": citizenship,
                },
                headers={"Accept-Encoding": "gzip", "Referer": url},
                stream=True,
                timeout=30,
            )
            wire = answer.raw.read(decode_content=False)
            assert answer.status_code == 200
            assert answer.headers["Content-Encoding"] == "gzip"
            assert badge in gzip.decompress(wire).decode()
            sizes[outcome] = (len(wire), answer.headers["Content-Length"])
    log = process.stdout.read().decode()
    assert len(set(sizes.values())) == 1, sizes
    checks = [line for line in log.splitlines() if '"POST /ru/blacklist/check/ ' in line]
    assert len(checks) == 3, log
    size = str(sizes["no_record"][0])
    for line in checks:
        assert re.search(r'HTTP/1\.1" 200 "', line), line  # status, then the referer
        assert size not in line, line


def _answers(url):
    try:
        return requests.get(url, timeout=10).ok
    except (requests.ConnectionError, requests.Timeout):
        return False
