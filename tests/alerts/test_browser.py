"""Issue 15's alert pages in real Chromium on a 360 px phone, with the page's own
policy (no script): from a vacancy search to an e-mail alert, confirmed from the
message's link and stopped from the next one; axe-core finds no WCAG 2.1 AA
violation on any page of the way, in Uzbek and in Karakalpak."""

import re

import pytest

from alerts import matching, tasks
from alerts.models import Subscription
from tests.factories.vacancies import CountryFactory, VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def accessible(page, axe):
    violations = axe(page)
    assert violations == [], f"accessibility violations on {page.url}: {violations}"


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.mark.parametrize("lang", ["uz", "kaa"])
def test_an_e_mail_alert_from_search_to_stop(live_server, page, axe, mailbox, lang):
    page.set_default_timeout(15000)
    CountryFactory(code="KR", name_en="South Korea")
    base = live_server.url
    page.goto(f"{base}/{lang}/vacancies/?country=KR")
    page.locator("p.alert-link a").click()
    page.wait_for_url(f"**/{lang}/alerts/new/?country=KR")
    accessible(page, axe)
    page.locator("input[name=channel][value=email]").check()
    page.locator("#id_email").fill("migrant.alerts@example.org")
    page.locator("input[name=frequency][value=instant]").check()
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    accessible(page, axe)
    subscription = Subscription.objects.get()
    assert (subscription.status, subscription.language) == ("pending", lang)

    tasks.deliver_email.apply()
    (confirmation,) = mailbox.messages
    link = re.search(rf"http://\S+/{lang}/alerts/confirm/\S+/", confirmation.get_content())
    page.goto(base + path_of(link.group(0)))
    accessible(page, axe)
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("main [role=status]")
    accessible(page, axe)
    subscription.refresh_from_db()
    assert subscription.status == "active"

    VacancyFactory(country_id="KR", title_en="Greenhouse worker")
    matching.match_new_vacancies()
    tasks.deliver_email.apply()
    alert = mailbox.messages[-1]
    page.goto(base + path_of(alert["List-Unsubscribe"].strip("<>")))
    accessible(page, axe)
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("main [role=status]")
    subscription.refresh_from_db()
    assert (subscription.status, subscription.end_reason) == ("ended", "unsubscribed")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
