"""Issue 13, end to end in real Chromium: an applicant signs up in Kyrgyz with a
phone number and the SMS code, fills the profile in its five steps and applies
to a public vacancy; a recruiter logs in with password and authenticator code,
shortlists in bulk and invites to an interview; the applicant sees the new
status, in Kyrgyz, on My applications."""

import pytest

from accounts.sms import outbox
from applications.models import Application
from tests.accounts.conftest import PASSWORD, last_code
from tests.factories import applications as make
from tests.factories.users import give_second_factor, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ky-KG")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def desk_page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def accessible(page, axe):
    violations = axe(page)
    assert violations == [], f"accessibility violations on {page.url}: {violations}"


def submit(page, name="next"):
    page.locator(f"main button[type=submit][name={name}]").click()


def test_apply_and_get_invited_to_an_interview(
    live_server, phone_page, desk_page, axe, vacancy, agency
):
    page, base = phone_page, live_server.url

    # Sign up in Kyrgyz with a phone, the code from the SMS.
    page.goto(f"{base}/ky/account/signup/")
    page.get_by_label("Мобилдик телефон номери").fill("0555 123 456")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_consent").check()
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/ky/account/phone/verify/")
    assert outbox[-1].number == "+996555123456"
    page.locator("#id_code").fill(last_code())
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url("**/ky/account/")

    # The profile, step by step, each saved.
    page.goto(f"{base}/ky/profile/")
    accessible(page, axe)
    page.goto(f"{base}/ky/profile/name/")
    accessible(page, axe)
    page.locator("#id_surname_latin").fill("usenbaev")
    page.locator("#id_given_names_latin").fill("Omurbek")
    page.locator("#id_name_cyrillic").fill("Усенбаев Омурбек")
    page.locator("#id_date_of_birth").fill("1990-05-01")
    page.locator("#id_citizenship").select_option("KG")
    submit(page)
    page.wait_for_url("**/ky/profile/residence/")
    page.locator("#id_region").select_option("KG-C")
    page.locator("#id_district").fill("Sokuluk")
    submit(page)
    page.wait_for_url("**/ky/profile/education/")
    accessible(page, axe)
    page.locator("#id_education").select_option("vocational")
    if page.locator("#id_occupations-0-occupation").count() == 0:
        submit(page, "add_row")
        page.wait_for_url("**/ky/profile/education/")
    page.locator("#id_occupations-0-occupation").select_option("7212")
    page.locator("#id_occupations-0-years").fill("5")
    submit(page)
    page.wait_for_url("**/ky/profile/languages/")
    if page.locator("#id_languages-0-language").count() == 0:
        submit(page, "add_row")
        page.wait_for_url("**/ky/profile/languages/")
    page.locator("#id_languages-0-language").select_option("ko")
    page.locator("#id_languages-0-level").select_option("A2")
    page.locator("#id_languages-0-certificate").select_option("eps_topik")
    page.locator("#id_languages-0-score").fill("152")
    submit(page)
    page.wait_for_url("**/ky/profile/more/")
    accessible(page, axe)
    page.locator("input[name=driving_categories][value=B]").check()
    page.locator("#id_passport_valid_until").fill("2031-01-01")
    page.locator("#id_about").fill("Welder, 5 years")
    submit(page)
    page.wait_for_url("**/ky/profile/")
    assert "USENBAEV" in page.inner_text("main")

    # Apply to the public vacancy.
    page.goto(f"{base}/ky/vacancies/{vacancy.pk}/apply/")
    accessible(page, axe)
    assert "USENBAEV" in page.inner_text("main")
    page.locator("main input[name=consent]").check()
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url(lambda url: "/apply/" not in url)
    application = Application.objects.get()
    assert application.status == "submitted"

    # The recruiter: password, then the authenticator's code.
    recruiter = make.recruiter(agency=agency, second_factor=False)
    recruiter.set_password(PASSWORD)
    recruiter.save()
    secret = give_second_factor(recruiter)
    desk = desk_page
    desk.goto(f"{base}/en/account/login/?next=/en/recruiter/")
    desk.locator("#id_login").fill(recruiter.username)
    desk.locator("#id_password").fill(PASSWORD)
    desk.locator("main button[type=submit]").click()
    desk.wait_for_url("**/account/2fa/authenticate/**")
    desk.locator("#id_code").fill(totp_code(secret))
    desk.locator("main button[type=submit]").first.click()
    desk.wait_for_url("**/en/recruiter/")
    accessible(desk, axe)
    assert "USENBAEV" in desk.inner_text("main")

    desk.locator(f"#sel-{application.pk}").check()
    desk.get_by_role("button", name="Shortlist the selected").click()
    desk.wait_for_url("**/en/recruiter/**")
    application.refresh_from_db()
    assert application.status == "shortlisted"

    desk.goto(f"{base}/en/recruiter/{application.pk}/")
    accessible(desk, axe)
    desk.locator("#id_interview_at").fill("2040-03-01T10:00")
    desk.locator("#id_interview_place").fill("Bishkek, Labour Migration Centre")
    desk.get_by_role("button", name="Send the invitation").click()
    desk.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == "interview"
    assert outbox[-1].number == "+996555123456"

    # The applicant sees it, in Kyrgyz.
    page.goto(f"{base}/ky/applications/")
    accessible(page, axe)
    mine = page.inner_text("main")
    assert "маекке чакырылды" in mine and "Bishkek, Labour Migration Centre" in mine
