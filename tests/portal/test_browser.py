"""The home page in real Chromium: the switcher reaches every language, and
axe-core finds no WCAG 2.1 AA violation in any of them."""

import pytest

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
