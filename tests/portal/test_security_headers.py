"""Content-Security-Policy and Permissions-Policy: the public pages allow no script
and nothing from another host; the admin and the API docs run only our own static
scripts; every answer denies the powerful browser features."""

import base64
import hashlib
import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:")


def policy(response):
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_locked_down(directives):
    assert directives["default-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    for sources in directives.values():
        assert not set(sources) & set(UNSAFE), directives


@pytest.mark.parametrize(
    "path", ["/uz/", "/ru/blacklist/check/", "/en/vacancies/", "/ky/agencies/", "/uz/nowhere/"]
)
def test_public_pages_allow_no_script_and_nothing_from_elsewhere(client, path):
    response = client.get(path)
    directives = policy(response)
    assert_locked_down(directives)
    assert "script-src" not in directives  # default-src 'none': no script at all
    assert "connect-src" not in directives
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'"]


def test_public_templates_hold_no_inline_script_or_style():
    folders = [settings.BASE_DIR / "templates"]
    folders += [path for path in settings.BASE_DIR.glob("*/templates") if path.is_dir()]
    inline = re.compile(r"<script(?![^>]*\bsrc=)|<style|\bstyle=|\bon[a-z]+=", re.IGNORECASE)
    found = [
        f"{template}: {match.group()}"
        for folder in folders
        for template in folder.rglob("*.html")
        for match in inline.finditer(template.read_text())
    ]
    assert found == []


def test_the_admin_runs_only_its_own_scripts(admin_client):
    response = admin_client.get("/en/admin/portal/hotline/add/")
    assert response.status_code == 200
    directives = policy(response)
    assert_locked_down(directives)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    login = policy(admin_client.get("/uz/admin/login/"))
    assert login["script-src"] == ["'self'"]


def test_the_api_docs_run_only_their_own_scripts(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    directives = policy(response)
    assert_locked_down(directives)
    assert directives["script-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "no inline script"
    # The page's one inline <style> is allowed by its hash, and only it.
    (style,) = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert directives["style-src"] == ["'self'", f"'sha256-{digest}'"]
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


def test_the_api_answers_carry_the_strict_policy(api_client):
    assert_locked_down(policy(api_client.get("/api/v1/")))


@pytest.mark.parametrize("path", ["/uz/", "/en/admin/login/", "/api/docs/", "/healthz"])
def test_powerful_browser_features_are_denied(client, path):
    features = dict(
        item.strip().split("=") for item in client.get(path)["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
