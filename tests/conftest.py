"""Shared fixtures, and the rules for tests that need real services.

Tests marked ``postgres``, ``redis`` or ``browser`` skip, with the reason, when
the service is not configured (a newcomer's `make test` on SQLite). CI sets
``PORTAL_FORBID_SKIPS=1`` with every service up: there any skip is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from tests.factories.partners import PartnerAPIKeyFactory

BASE_DIR = Path(settings.BASE_DIR)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"


def _service_missing(marker_name):
    if marker_name == "postgres" and settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if marker_name == "redis" and not settings.REDIS_URL:
        return "needs Redis: set REDIS_URL=redis://..."
    if marker_name == "browser":
        if not shutil.which(CHROMIUM):
            return f"needs Chromium at {CHROMIUM} (apt-get install chromium chromium-driver)"
        if not AXE_JS.exists():
            return "needs axe-core: run `npm ci` in the project folder"
    return None


def pytest_runtest_setup(item):
    for marker in ("postgres", "redis", "browser"):
        if item.get_closest_marker(marker) and (reason := _service_missing(marker)):
            pytest.skip(reason)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    expected_failure = hasattr(report, "wasxfail")  # a documented limitation, not a skip
    if report.skipped and not expected_failure and os.environ.get("PORTAL_FORBID_SKIPS") == "1":
        report.outcome = "failed"
        report.longrepr = f"skipped under PORTAL_FORBID_SKIPS=1: {report.longrepr}"


def pytest_configure(config):
    """Tests talk plain HTTP to the test and live servers; production forces HTTPS.

    Set before any server or middleware is built, for the whole session.
    """
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_HSTS_SECONDS = 0
    # A password hashed for production (PBKDF2, a million rounds) costs about a
    # second on a slow CI machine, and hundreds of tests make an account: tests
    # hash with one round (Django's advice for test settings). No test here runs a
    # server process that checks a password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Texts are kept in accounts.sms.outbox, as Django keeps mail in mail.outbox.
    settings.SMS_BACKEND = "accounts.sms.locmem.SmsBackend"
    # Tasks run in-process so tests see their results; the tests that prove the
    # real worker and beat (tests/portal/test_celery.py) switch this off.
    from portal.celery import app

    app.conf.task_always_eager = True
    _serve_collected_static_in_live_server()


def _serve_collected_static_in_live_server():
    """Browser tests must see the pages as production styles them.

    The live server's static handler looks files up through the finders, which
    know only the source names; the pages link the hashed names that
    ``collectstatic`` wrote to STATIC_ROOT (the manifest storage). Serving
    STATIC_ROOT directly gives the browser the real, hashed stylesheet, so the
    contrast and layout checks judge the styled page.
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.views.static import serve

    StaticFilesHandler.serve = lambda handler, request: serve(
        request, handler.file_path(request.path), document_root=settings.STATIC_ROOT
    )


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Whole pages are kept until the data's generation changes, which the database
    raises at commit: a test's transaction never commits, so pages would be kept
    across its changes. The page cache's own tests (tests/pagecache) turn it on
    in transactional tests."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttles and rate limits count in the cache: start every test at zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_searches():
    """The lists' searches kept by this process (`pagecache.fragments.KeptSearches`):
    each test starts with none, so that a test can count what it prepares."""
    from agencies.prepared import _prepared as registry_searches
    from vacancies.api.pages import _searches as api_searches
    from vacancies.prepared import _prepared as vacancy_searches

    kept = (registry_searches, vacancy_searches, api_searches)
    for searches in kept:
        searches.written.clear()
    yield
    for searches in kept:
        searches.written.clear()


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    from accounts.sms import outbox

    outbox.clear()
    yield
    outbox.clear()


@pytest.fixture
def admin_user(db, django_user_model):
    """pytest-django's superuser, with the second factor every superuser needs
    (accounts.mfa): ``admin_client`` opens the admin as a real superuser would."""
    from tests.factories.users import give_second_factor

    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "password")
    user.totp_secret = give_second_factor(user)  # codes: tests.factories.users.totp_code
    return user


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def make_api_key(db):
    """Create a partner key: ``raw_key, api_key = make_api_key(["bans:check"])``."""

    def make(scopes=(), partner_name="Test partner", **fields):
        api_key = PartnerAPIKeyFactory(partner__name=partner_name, scopes=list(scopes), **fields)
        return api_key.raw_key, api_key

    return make


@pytest.fixture(scope="session")
def browser():
    if reason := _service_missing("browser"):
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's event loop runs in this thread; the ORM calls the tests make
    # between browser steps are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe():
    """Run axe-core in a page and return its violations (WCAG 2.1 A and AA rules)."""
    source = AXE_JS.read_text()

    def run(page):
        # Evaluated through the DevTools protocol, not as a <script> the page's
        # Content-Security-Policy (no script on public pages) would refuse.
        page.evaluate(source)
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"]
        ]

    return run
