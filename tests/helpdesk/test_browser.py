"""In real Chromium, in Karakalpak: someone abroad asks for help with unpaid wages,
sees the hotline and a case number; a help-desk officer routes the case; the
person follows the new status through the private link. Every page axe-clean."""

import pytest

from helpdesk.models import Case
from helpdesk.staff import HELPDESK_GROUP
from portal.models import Hotline
from tests.factories.directory import OrganisationFactory
from tests.factories.helpdesk import ResponderFactory, RouteFactory
from tests.factories.users import StaffUserFactory, give_second_factor, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_asks_for_help_and_follows_the_case(live_server, page, browser, axe):
    Hotline.objects.create(
        name_en="Migration Agency hotline (demo number)",
        name_kaa="Migraciya agentligi isenim telefonı (úlgi nomer)",
        phone="+998 71 000 00 00",
    )
    OrganisationFactory(
        name_en="Wage help desk (demo)",
        name_kaa="Is haqı boyınsha járdem (úlgi)",
        country="RU",
        needs=["unpaid_wages"],
        phone="+7 000 000-00-01",
        contacts_status="demo",
    )
    RouteFactory(country="RU", responder=ResponderFactory(name="Legal aid desk (demo)"))
    officer = StaffUserFactory(username="desk", password="desk-pass-12345", groups=[HELPDESK_GROUP])
    secret = give_second_factor(officer)

    page.goto(f"{live_server.url}/kaa/")
    page.click("text=Maǵan járdem kerek")
    assert axe(page) == [], "accessibility violations on step 1"
    page.check('input[name="category"][value="unpaid_wages"]')
    page.select_option("#id_country", "RU")
    page.click("button[type=submit]")
    assert axe(page) == [], "accessibility violations on step 2"
    page.fill("#id_city", "Qazan")
    page.check('input[name="channel"][value="whatsapp"]')
    page.fill("#id_contact", "+998 90 123 45 67")
    page.fill("#id_description", "Úsh ay is haqı tólenbedi")
    page.click("text=Múrájattı jiberiw")

    case = Case.objects.get()
    assert f"/kaa/help/case/{case.token}/" in page.url
    assert page.locator(".case-number").inner_text() == case.number
    text = page.inner_text("main") + page.inner_text("footer")
    assert "Múrájatıńız jiberildi." in text
    assert "+998 71 000 00 00" in text  # the hotline
    assert "Is haqı boyınsha járdem (úlgi)" in text
    assert axe(page) == [], "accessibility violations on the case page"
    private_link = page.url

    context = browser.new_context(viewport={"width": 360, "height": 740})
    desk = context.new_page()
    desk.goto(f"{live_server.url}/kaa/helpdesk/")  # sends staff to the portal's sign-in
    desk.fill("#id_login", "desk")
    desk.fill("#id_password", "desk-pass-12345")
    desk.click("main button[type=submit]")
    desk.fill("#id_code", totp_code(secret))  # the second factor
    desk.click("main button[type=submit]")
    desk.wait_for_url("**/kaa/helpdesk/")
    assert axe(desk) == [], "accessibility violations on the triage list"
    desk.click(f"text={case.number}")
    assert "Úsh ay is haqı tólenbedi" in desk.inner_text("main")
    assert axe(desk) == [], "accessibility violations on the staff case page"
    desk.click("text=Múrájattı jiberiw")
    assert "Legal aid desk (demo)" in desk.inner_text(".facts")
    context.close()

    page.goto(private_link.split("?")[0])
    assert "Járdem kórsetiwshi shólkemge tapsırıldı" in page.inner_text(".case-status")
    assert axe(page) == [], "accessibility violations on the followed case"
