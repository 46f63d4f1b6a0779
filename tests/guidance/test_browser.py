"""On a 360-px phone, in Karakalpak: someone abroad opens "While abroad", reads the
topic on unpaid wages, follows its country guide, and opens a printable leaflet.
Every page is axe-clean and fits the screen."""

import pytest

from guidance.content import load_content
from vacancies.reference import load_country_guides

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_topic_page_and_a_leaflet_on_a_phone(live_server, page, axe):
    load_country_guides()
    load_content()

    page.goto(f"{live_server.url}/kaa/")
    page.get_by_role("navigation", name="Tiykarǵı").get_by_role(
        "link", name="Shet elde", exact=True
    ).click()
    page.wait_for_url(f"{live_server.url}/kaa/help/abroad/")
    assert axe(page) == [], "accessibility violations on the stage page"
    page.get_by_role("link", name="Tólenbegen is haqı").click()
    page.wait_for_url(f"{live_server.url}/kaa/help/topics/unpaid-wages/")
    assert page.locator("html").get_attribute("lang") == "kaa"
    assert "Moskvadaǵı wákilxanası" in page.locator("main").inner_text()
    assert axe(page) == [], "accessibility violations on the topic page"
    assert fits(page)

    page.goto(f"{live_server.url}/kaa/help/abroad/leaflet/")
    assert page.locator("svg title").count() == 1
    assert axe(page) == [], "accessibility violations on the leaflet"
    assert fits(page)

    page.goto(f"{live_server.url}/kaa/countries/QA/leaflet/")
    assert axe(page) == [], "accessibility violations on the guide leaflet"
    assert fits(page)
