"""The whole path in real Chromium, without JavaScript, on a 360-px phone (issue 13):
an applicant signs up in Kyrgyz with the code the test SMS backend received, fills
the profile and applies; a recruiter signs in with an authenticator code,
shortlists and invites to an interview; the applicant sees the new status in
Kyrgyz. Every page on the way is axe-clean and shows no horizontal scroll."""

import pytest

from accounts.sms import outbox
from applications.models import Application
from tests.accounts.conftest import PASSWORD, last_code
from tests.factories import applications as make
from tests.factories.agencies import AgencyFactory, LicenceFactory
from tests.factories.users import totp_code
from tests.factories.vacancies import OccupationFactory, VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser):
    contexts = []

    def open_page():
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 360, "height": 740}, locale="ky-KG"
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def clean(page, axe):
    violations = axe(page)
    assert violations == [], f"accessibility violations on {page.url}: {violations}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def submit(page):
    page.locator("main button[type=submit]").last.click()


def test_sign_up_apply_shortlist_invite(live_server, phone, axe, settings):
    settings.SMS_BACKEND = "accounts.sms.locmem.SmsBackend"
    outbox.clear()
    OccupationFactory(code="7", title_en="Craft and related trades workers")
    OccupationFactory(code="72", title_en="Metal workers", parent_id="7")
    OccupationFactory(code="721", title_en="Sheet and structural metal workers", parent_id="72")
    OccupationFactory(code="7212", title_en="Welders and flame cutters", parent_id="721")
    agency = LicenceFactory(
        agency=AgencyFactory(country="KG", legal_name="Ala-Too Jumush"), destinations=["KR"]
    ).agency
    vacancy = VacancyFactory(
        channel="agency",
        agency=agency,
        authority=None,
        title_en="Welder in Ulsan",
        title_ky="Ульсанда ширетүүчү",
    )
    recruiter = make.recruiter(agency=agency, username="alatoo", second_factor=False)
    recruiter.set_password(PASSWORD)
    recruiter.save()
    secret = make.give_totp(recruiter)

    # The applicant signs up in Kyrgyz.
    page = phone()
    page.goto(f"{live_server.url}/ky/account/signup/")
    page.locator("#id_phone").fill("0555 123 456")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_consent").check()
    submit(page)
    page.wait_for_url("**/ky/account/phone/verify/")
    page.locator("#id_code").fill(last_code())
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url("**/ky/account/")

    # Fills the profile, step by step, from the vacancy's Apply button.
    page.goto(f"{live_server.url}/ky/vacancies/{vacancy.pk}/")
    clean(page, axe)
    page.get_by_role("link", name="Арыз берүү", exact=True).click()
    clean(page, axe)
    page.get_by_role("link", name="Анкетаны толтуруу").click()
    clean(page, axe)
    page.locator("#id_surname_latin").fill("Usenbaev")
    page.locator("#id_given_names_latin").fill("Omurbek")
    page.locator("#id_date_of_birth").fill("1992-03-14")
    page.locator("#id_citizenship").select_option("KG")
    submit(page)
    page.wait_for_url("**/ky/profile/residence/")
    clean(page, axe)
    page.locator("#id_region").select_option("KG-C")
    page.locator("#id_district").fill("Сокулук")
    submit(page)
    page.wait_for_url("**/ky/profile/education/")
    clean(page, axe)
    page.locator("#id_education").select_option("vocational")
    page.locator("#id_occupations-0-occupation").select_option("7212")
    page.locator("#id_occupations-0-years").fill("6")
    submit(page)
    page.wait_for_url("**/ky/profile/languages/")
    clean(page, axe)
    page.locator("#id_languages-0-language").select_option("ko")
    page.locator("#id_languages-0-level").select_option("A2")
    page.locator("#id_languages-0-certificate").select_option("eps_topik")
    page.locator("#id_languages-0-score").fill("152")
    submit(page)
    page.wait_for_url("**/ky/profile/more/")
    clean(page, axe)
    submit(page)
    page.wait_for_url("**/ky/profile/")
    clean(page, axe)

    # Applies.
    page.goto(f"{live_server.url}/ky/vacancies/{vacancy.pk}/apply/")
    clean(page, axe)
    page.locator("input[name=consent]").check()
    submit(page)
    page.wait_for_url("**/ky/applications/")
    clean(page, axe)
    assert "тапшырылды" in page.inner_text("main")
    application = Application.objects.get()

    # The recruiter signs in with the second factor, shortlists and invites.
    office = phone()
    office.goto(f"{live_server.url}/ky/account/login/")
    office.locator("#id_login").fill("alatoo")
    office.locator("#id_password").fill(PASSWORD)
    submit(office)
    office.wait_for_url("**/account/2fa/authenticate/**")
    office.locator("#id_code").fill(totp_code(secret))
    submit(office)
    office.goto(f"{live_server.url}/ky/recruiter/")
    clean(office, axe)
    assert "USENBAEV OMURBEK" in office.inner_text("main")
    office.locator(f"#sel-{application.pk}").check()
    office.get_by_role("button", name="Тандалгандарды тандалгандардын тизмесине киргизүү").click()
    office.wait_for_url("**/ky/recruiter/")
    office.get_by_role("link", name="USENBAEV OMURBEK").click()
    clean(office, axe)
    office.locator("#id_interview_at").fill("2040-03-01T10:00")
    office.locator("#id_interview_place").fill("Бишкек, Ала-Too Jumush кеңсеси")
    office.get_by_role("button", name="Чакырууну жөнөтүү").click()
    office.wait_for_url(f"**/ky/recruiter/{application.pk}/")
    clean(office, axe)

    # The applicant sees the new status in Kyrgyz (and got an SMS in Kyrgyz).
    page.goto(f"{live_server.url}/ky/applications/")
    text = page.inner_text("main")
    assert "маекке чакырылды" in text and "Бишкек, Ала-Too Jumush кеңсеси" in text
    assert any("маекке чакырылды" in sms.text for sms in outbox)
    clean(page, axe)
