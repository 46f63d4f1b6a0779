"""In real Chromium: an officer suspends a licence in the admin and the public page
shows it at once; the public pages have no WCAG 2.1 AA violation."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_suspends_a_licence_and_the_public_page_shows_it(live_server, page, make_licence):
    licence = make_licence(number="KG-PEA-0777")
    page.goto(f"{live_server.url}/en/admin/login/")  # sends staff to the portal's sign-in
    page.fill("#id_login", "officer")
    page.fill("#id_password", "officer-pass-123")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/en/admin/")
    page.goto(f"{live_server.url}/en/admin/agencies/licence/")
    page.check(f'input[name="_selected_action"][value="{licence.pk}"]')
    page.select_option('select[name="action"]', "suspend")
    page.click('button[name="index"]')
    page.fill("#id_reason", "Workers sent abroad on tourist visas")
    page.fill("#id_legal_basis", "Order No. 45-p")
    page.click('input[name="apply"]')
    page.wait_for_url(f"{live_server.url}/en/admin/agencies/licence/")

    page.goto(f"{live_server.url}/en/agencies/{licence.agency.pk}/")
    section = page.locator("section.licence")
    assert "Licence suspended" in section.inner_text()
    with override("en"):
        today = date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"since: {today}" in section.inner_text()
    assert "Workers sent abroad on tourist visas" in section.inner_text()


@pytest.mark.parametrize("lang", ["uz", "ru", "en"])
def test_public_pages_are_accessible(live_server, page, axe, make_licence, channel, lang):
    licence = make_licence(destinations=("TR", "PL"))
    channel(licence.agency, "telegram", "@ipak_demo")
    urls = [
        "/agencies/",
        "/agencies/?q=Ipak",
        f"/agencies/{licence.agency.pk}/",
        "/agencies/verify/",
        "/agencies/verify/?q=%40ipak_demo",
        "/agencies/verify/?q=%40unknown_one",
        "/agencies/report/",
        "/agencies/report/sent/",
    ]
    for url in urls:
        page.goto(f"{live_server.url}/{lang}{url}")
        assert axe(page) == [], f"accessibility violations on /{lang}{url}"


def test_the_verify_answer_is_on_the_first_screen(live_server, page, make_licence, channel):
    licence = make_licence(destinations=("TR",))
    channel(licence.agency, "telegram", "@ipak_demo")
    for query, verdict in (("%40ipak_demo", "Licensed agency"), ("%40unknown_one", "Unknown")):
        page.goto(f"{live_server.url}/en/agencies/verify/?q={query}")
        answer = page.locator("#answer")
        assert verdict in answer.inner_text()
        box = answer.bounding_box()
        assert box["y"] + box["height"] <= 740, "the answer is below the fold"


def test_destination_names_are_not_split(live_server, page, make_licence):
    licence = make_licence(destinations=("SK", "TR"))
    page.goto(f"{live_server.url}/ru/agencies/{licence.agency.pk}/")
    # Each country name on one line: "Словакия" is never broken into "Слов/акия".
    lines = page.locator("section.licence table tbody tr td:first-child").evaluate_all(
        """cells => cells.map(td => {
            const range = document.createRange();
            range.selectNodeContents(td);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
        })"""
    )
    assert lines and all(count == 1 for count in lines)
    # The table fits the phone: nothing to scroll sideways.
    table = page.locator("section.licence table").first
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth")


def test_report_form_works_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/agencies/report/")
    page.fill("#id_channel", "@fake_recruiter")
    page.fill("#id_what_happened", "Asked for 1000 USD for a job in Poland")
    page.click("button[type=submit]")
    assert "/en/agencies/report/sent/" in page.url
    context.close()
