"""The applicant's pages: the profile in steps, applying with its checks and
refusals, My applications, withdrawing; each only for its own applicant."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from applications.models import Application, Profile
from tests.factories import applications as make

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=args)


@pytest.fixture
def signed_in(client, applicant):
    client.force_login(applicant)
    return client


def test_pages_need_a_sign_in(client, vacancy):
    for page in [
        url("applications:profile"),
        url("applications:mine"),
        url("applications:apply", vacancy.pk),
        url("applications:my_data"),
    ]:
        response = client.get(page)
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_profile_is_filled_in_steps_each_saved(client, occupation):
    user = make.applicant(profile=None)
    client.force_login(user)
    assert client.get(url("applications:profile_step", "residence")).status_code == 302
    response = client.post(
        url("applications:profile_step", "name", lang="ky"),
        {
            "surname_latin": "usenbaev",
            "given_names_latin": "Ömür",
            "name_cyrillic": "",
            "date_of_birth": "1990-05-01",
            "citizenship": "KG",
            "next": "1",
        },
    )
    assert response.status_code == 400  # Ö is not passport Latin
    response = client.post(
        url("applications:profile_step", "name", lang="ky"),
        {
            "surname_latin": "usenbaev",
            "given_names_latin": "Omurbek",
            "name_cyrillic": "Усенбаев Омурбек",
            "date_of_birth": "1990-05-01",
            "citizenship": "KG",
            "next": "1",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("/profile/residence/")
    profile = Profile.objects.get(user=user)
    assert profile.surname_latin == "USENBAEV"
    # A region of the other country is refused.
    response = client.post(
        url("applications:profile_step", "residence"),
        {"region": "UZ-SA", "district": "x", "next": "1"},
    )
    assert response.status_code == 400
    client.post(
        url("applications:profile_step", "residence"),
        {"region": "KG-C", "district": "Sokuluk", "next": "1"},
    )
    rows = {
        "occupations-TOTAL_FORMS": "2",
        "occupations-INITIAL_FORMS": "0",
        "occupations-0-occupation": "7212",
        "occupations-0-years": "5",
        "occupations-1-occupation": "",
        "occupations-1-years": "",
        "education": "vocational",
    }
    response = client.post(url("applications:profile_step", "education"), {**rows, "add_row": "1"})
    assert response.status_code == 302 and response["Location"].endswith("/profile/education/")
    page = client.get(url("applications:profile_step", "education")).content.decode()
    assert 'name="occupations-1-occupation"' in page  # a new empty row
    languages = {
        "languages-TOTAL_FORMS": "1",
        "languages-INITIAL_FORMS": "0",
        "languages-0-language": "ko",
        "languages-0-level": "A2",
        "languages-0-certificate": "eps_topik",
        "languages-0-score": "152",
        "next": "1",
    }
    client.post(url("applications:profile_step", "languages"), languages)
    client.post(
        url("applications:profile_step", "more"),
        {"driving_categories": ["B", "C"], "passport_valid_until": "2031-01-01", "about": "Welder"},
    )
    profile.refresh_from_db()
    assert profile.region == "KG-C"
    assert [(o.occupation_id, o.years) for o in profile.occupations.all()] == [("7212", 5)]
    assert [(lang.language, lang.score) for lang in profile.languages.all()] == [("ko", "152")]
    assert profile.driving_categories == ["B", "C"]
    overview = client.get(url("applications:profile", lang="ky")).content.decode()
    assert "USENBAEV" in overview and "Чүй облусу" in overview


@pytest.mark.parametrize("step", ["name", "residence", "education", "languages", "more"])
def test_bad_step_input_changes_nothing(signed_in, applicant, step):
    before = Profile.objects.filter(user=applicant).values().get()
    response = signed_in.post(
        url("applications:profile_step", step),
        {
            "date_of_birth": "3000-01-01",
            "region": "XX",
            "citizenship": "ZZ",
            "surname_latin": "\x00",
            "occupations-TOTAL_FORMS": "99",
            "occupations-INITIAL_FORMS": "0",
            "languages-TOTAL_FORMS": "1",
            "languages-INITIAL_FORMS": "0",
            "languages-0-score": "9",
            "passport_valid_until": "1800-01-01",
        },
    )
    assert response.status_code == 400
    after = Profile.objects.filter(user=applicant).values().get()
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }
    assert signed_in.get(url("applications:profile_step", "nonsense")).status_code == 404


def test_apply_page_shows_unmet_requirements_fee_cap_ban_check_and_consent(signed_in, vacancy):
    vacancy.age_min, vacancy.age_max = 18, 25
    vacancy.language, vacancy.language_level = "ko", "EPS-TOPIK"
    vacancy.experience_years = 2
    vacancy.save()
    page = signed_in.get(url("applications:apply", vacancy.pk)).content.decode()
    assert "Age: the vacancy asks for 18–25 years" in page
    assert "Language: the vacancy asks for Korean; your profile has none." in page
    assert "Experience: the vacancy asks for 2 years; your profile shows 0." in page
    assert "300,000 UZS" in page or "300 000 UZS" in page
    assert url("blacklist:check") in page
    assert "Ipak Yoli Servis" in page and 'name="consent"' in page
    assert "KARIMOV" in page  # what is sent


def test_apply_and_see_it_in_my_applications_in_kyrgyz(signed_in, applicant, vacancy):
    response = signed_in.post(url("applications:apply", vacancy.pk, lang="ky"), {"consent": "on"})
    assert response.status_code == 302
    page = signed_in.get(url("applications:mine", lang="ky")).content.decode()
    assert "Welder in Ulsan" in page and "тапшырылды" in page
    again = signed_in.post(url("applications:apply", vacancy.pk, lang="ky"), {"consent": "on"})
    assert again.status_code == 400  # the page says so, nothing sent
    assert "Сиз бул вакансияга мурда эле арыз бергенсиз" in again.content.decode()
    assert Application.objects.filter(applicant=applicant).count() == 1


@pytest.mark.parametrize(
    "lang,message",
    [
        ("en", "Tick the box to agree"),
        ("ru", "Отметьте согласие"),
        ("uz", "rozilik belgisini qoʻying"),
    ],
)
def test_apply_without_consent_is_refused_in_the_readers_language(
    signed_in, vacancy, lang, message
):
    response = signed_in.post(url("applications:apply", vacancy.pk, lang=lang), {})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Application.objects.exists()


def test_closed_vacancy_refused(signed_in, vacancy):
    vacancy.status = "closed"
    vacancy.save()
    response = signed_in.post(url("applications:apply", vacancy.pk), {"consent": "on"})
    assert "closed or no longer published" in response.content.decode()
    assert not Application.objects.exists()
    assert signed_in.get(url("applications:apply", 999999)).status_code == 404


def test_applying_is_rate_limited(signed_in, vacancy, agency):
    from tests.factories.vacancies import VacancyFactory

    vacancies = [VacancyFactory(channel="agency", agency=agency, authority=None) for _ in range(11)]
    statuses = [
        signed_in.post(url("applications:apply", v.pk), {"consent": "on"}).status_code
        for v in vacancies
    ]
    assert statuses[:10] == [302] * 10 and statuses[10] == 429
    assert Application.objects.count() == 10


def test_the_vacancy_page_offers_apply(client, vacancy, applicant):
    page = client.get(url("vacancies:detail", vacancy.pk)).content.decode()
    assert url("applications:apply", vacancy.pk) in page
    make.application(applicant, vacancy)
    client.force_login(applicant)
    page = client.get(url("vacancies:detail", vacancy.pk)).content.decode()
    assert "You have applied to this vacancy." in page


def test_an_applicant_sees_and_withdraws_only_their_own(client, submitted, vacancy):
    stranger = make.applicant(surname_latin="BEGIMQULOV")
    client.force_login(stranger)
    page = client.get(url("applications:mine")).content.decode()
    assert "Welder in Ulsan" not in page
    assert client.post(url("applications:withdraw", submitted.pk)).status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    client.force_login(submitted.applicant)
    client.post(url("applications:withdraw", submitted.pk))
    submitted.refresh_from_db()
    assert submitted.status == "withdrawn"
    assert client.get(url("applications:withdraw", submitted.pk)).status_code == 405


def test_applicants_of_a_suspended_agency_see_a_warning(client, submitted):
    from agencies import services as registry
    from tests.factories.users import OfficerFactory

    registry.suspend(
        submitted.vacancy.agency.current_licence, actor=OfficerFactory(), reason="Inspection"
    )
    client.force_login(submitted.applicant)
    page = client.get(url("applications:mine")).content.decode()
    assert "licence is not in force for this country now" in page


def test_my_applications_queries_are_bounded(
    client, applicant, agency, django_assert_max_num_queries
):
    from tests.factories.vacancies import VacancyFactory

    for _ in range(15):
        make.application(applicant, VacancyFactory(channel="agency", agency=agency, authority=None))
    client.force_login(applicant)
    with django_assert_max_num_queries(10):
        assert client.get(url("applications:mine")).status_code == 200


def test_interview_shown_to_the_applicant(client, submitted):
    from applications import services

    services.change_status(submitted, "shortlisted", actor_kind="recruiter")
    services.change_status(
        submitted,
        "interview",
        actor_kind="recruiter",
        interview_at=datetime.datetime(2030, 1, 15, 10, 0, tzinfo=datetime.UTC),
        interview_link="https://meet.example/x",
    )
    client.force_login(submitted.applicant)
    page = client.get(url("applications:mine", lang="ky")).content.decode()
    assert "маекке чакырылды" in page and "https://meet.example/x" in page
