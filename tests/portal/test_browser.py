"""The home page in real Chromium: the switcher reaches every language, and
axe-core finds no WCAG 2.1 AA violation in any of them."""

import re

import pytest

from tests.factories.users import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADINGS = {
    "uz": "Xorijda xavfsiz va qonuniy ishlang",
    "kaa": "Shet elde qáwipsiz hám nızamlı isleń",
    "ky": "Чет өлкөдө коопсуз жана мыйзамдуу иштеңиз",
    "ru": "Работайте за рубежом безопасно и законно",
    "en": "Work abroad safely and legally",
}


def test_language_switcher_and_accessibility(live_server, page, axe):
    page.goto(f"{live_server.url}/uz/")
    for lang, heading in HEADINGS.items():
        page.locator(f'nav.languages a[lang="{lang}"]').click()
        page.wait_for_url(f"{live_server.url}/{lang}/")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").inner_text() == heading
        assert axe(page) == [], f"accessibility violations in {lang}"


def test_page_fits_a_360px_phone_without_sideways_scrolling(live_server, page):
    page.goto(f"{live_server.url}/ru/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_skip_link_moves_focus_to_the_content(live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.fixture
def watched_page(page):
    """A page that records Content-Security-Policy violations, script errors and
    failed requests (but the browser's own /favicon.ico, which the admin has not)."""
    problems = []

    def console(message):
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            problems.append(message.text)

    def response(answer):
        if answer.status >= 400:
            problems.append(f"{answer.status} {answer.url}")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", response)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', event => "
        "console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`))"
    )
    page.problems = problems
    return page


def test_public_pages_work_under_their_policy(live_server, watched_page):
    page = watched_page
    for path in ("/ru/", "/ru/blacklist/check/", "/ru/vacancies/", "/ru/agencies/"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    assert page.problems == []


def test_admin_language_tabs_work_under_the_policy(live_server, watched_page, admin_user):
    page = watched_page
    page.goto(f"{live_server.url}/en/admin/login/?next=/en/admin/portal/hotline/add/")
    page.get_by_label("Phone number or user name").fill("admin")
    page.get_by_label("Password").fill("password")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/account/2fa/authenticate/")  # a superuser's second factor
    page.get_by_label("Code").fill(totp_code(admin_user.totp_secret))
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/admin/portal/hotline/add/")
    tabs = page.locator(".ui-tabs-nav").first
    tabs.wait_for(timeout=10_000)
    assert page.locator("#id_name_en").is_visible()  # the admin's language first
    assert not page.locator("#id_name_ru").is_visible()
    tabs.get_by_role("tab", name=re.compile("ru", re.IGNORECASE)).click()
    assert page.locator("#id_name_ru").is_visible()
    assert not page.locator("#id_name_en").is_visible()
    assert page.problems == []


def test_api_docs_work_under_their_policy(live_server, watched_page):
    page = watched_page
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Migrant portal API" in page.locator(".swagger-ui .info .title").inner_text()
    operations = page.locator(".opblock")
    operations.first.wait_for()
    assert operations.count() > 10
    operations.first.locator(".opblock-summary").click()
    page.locator(".opblock-body").first.wait_for()
    assert page.problems == []
