"""gunicorn serves the portal with production settings: HTTPS enforced, static
files from whitenoise, compressed and hashed."""

import re
import secrets
import sys

import pytest
import requests

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
