"""The recruiter cabinet: a second factor, own organisation's applications only,
every move through the services, the access log, CSV export, and the licensing
officers' figures."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation

from agencies import services as registry
from applications.models import AccessLog, Application
from tests.factories import applications as make
from tests.factories.users import OfficerFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=args)


@pytest.fixture
def cabinet(client, recruiter):
    client.force_login(recruiter)
    return client


@pytest.fixture
def foreign(other_vacancy):
    return make.application(
        make.applicant(surname_latin="TOKTOSUNOV", citizenship="KG", region="KG-N"), other_vacancy
    )


def test_the_cabinet_needs_a_recruiter_with_a_second_factor(client, agency, submitted):
    assert client.get(url("applications:cabinet")).status_code == 302  # signed out
    without = make.recruiter(agency=agency, second_factor=False)
    client.force_login(without)
    response = client.get(url("applications:cabinet"))
    assert response.status_code == 302 and "totp" in response["Location"]
    client.force_login(submitted.applicant)  # an applicant is no recruiter
    assert client.get(url("applications:cabinet")).status_code == 403
    staff = StaffUserFactory()
    make.give_totp(staff)
    client.force_login(staff)  # staff without a membership
    assert client.get(url("applications:cabinet")).status_code == 403


def test_a_recruiter_sees_only_their_own_agencys_applicants(cabinet, submitted, foreign):
    page = cabinet.get(url("applications:cabinet")).content.decode()
    assert "KARIMOV" in page and "TOKTOSUNOV" not in page
    assert cabinet.get(url("applications:cabinet_detail", foreign.pk)).status_code == 404
    for action in ["shortlist", "reject", "invite", "offer"]:
        assert (
            cabinet.post(
                url("applications:cabinet_move", foreign.pk, action), {"reason": "language"}
            ).status_code
            == 404
        )
    cabinet.post(url("applications:cabinet_shortlist"), {"selected": [foreign.pk, submitted.pk]})
    foreign.refresh_from_db()
    submitted.refresh_from_db()
    assert (foreign.status, submitted.status) == ("submitted", "shortlisted")
    body = cabinet.get(url("applications:cabinet_export")).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["id"] for row in rows] == [str(submitted.pk)]
    assert rows[0]["surname_latin"] == "KARIMOV"


def test_an_authority_recruiter_sees_organised_recruitment_only(client, submitted, applicant):
    from tests.factories.vacancies import VacancyFactory

    state = VacancyFactory(title_en="EPS worker")
    own = make.application(applicant, state)
    officer = make.recruiter(authority=state.authority)
    client.force_login(officer)
    page = client.get(url("applications:cabinet")).content.decode()
    assert f"#{own.vacancy_id} EPS worker" in page and "Welder in Ulsan" not in page


def test_filters_by_vacancy_and_status_and_bad_filters(cabinet, submitted, vacancy):
    assert (
        "KARIMOV"
        in cabinet.get(
            url("applications:cabinet"), {"vacancy": vacancy.pk, "status": "submitted"}
        ).content.decode()
    )
    assert (
        "KARIMOV"
        not in cabinet.get(url("applications:cabinet"), {"status": "departed"}).content.decode()
    )
    for junk in [
        {"vacancy": "x" * 5000},
        {"status": "\x00"},
        {"page": "-1"},
        {"vacancy": "99999999999999999999"},
    ]:
        assert cabinet.get(url("applications:cabinet"), junk).status_code == 200


def test_the_whole_path_through_the_cabinet(
    cabinet, submitted, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cabinet.post(url("applications:cabinet_shortlist"), {"selected": [submitted.pk]})
        response = cabinet.post(
            url("applications:cabinet_move", submitted.pk, "invite"),
            {"interview_at": "2020-01-01T10:00", "interview_place": "Tashkent"},
        )
        assert response.status_code == 400  # in the past
        cabinet.post(
            url("applications:cabinet_move", submitted.pk, "invite"),
            {
                "interview_at": "2040-03-01T10:00",
                "interview_place": "Tashkent, Labour Migration Centre",
            },
        )
        cabinet.post(url("applications:cabinet_move", submitted.pk, "offer"))
        cabinet.post(url("applications:cabinet_move", submitted.pk, "contract"))
        cabinet.post(url("applications:cabinet_move", submitted.pk, "depart"))
    submitted.refresh_from_db()
    assert submitted.status == "departed"
    assert [c.to_status for c in submitted.history.all()] == [
        "submitted",
        "shortlisted",
        "interview",
        "offered",
        "contracted",
        "departed",
    ]
    assert all(c.actor.username.startswith("recruiter") for c in submitted.history.all()[1:])
    assert len(outbox) == 5
    assert cabinet.post(url("applications:cabinet_move", submitted.pk, "bogus")).status_code == 404


def test_reject_needs_a_reason_from_the_list(cabinet, submitted):
    assert (
        cabinet.post(
            url("applications:cabinet_move", submitted.pk, "reject"), {"reason": "nope"}
        ).status_code
        == 400
    )
    cabinet.post(url("applications:cabinet_move", submitted.pk, "reject"), {"reason": "filled"})
    submitted.refresh_from_db()
    assert (submitted.status, submitted.reject_reason) == ("rejected", "filled")


def test_a_suspended_agency_can_change_nothing(cabinet, submitted):
    registry.suspend(
        submitted.vacancy.agency.current_licence, actor=OfficerFactory(), reason="Inspection"
    )
    page = cabinet.get(url("applications:cabinet_detail", submitted.pk)).content.decode()
    assert "it can change nothing" in page
    cabinet.post(url("applications:cabinet_move", submitted.pk, "shortlist"))
    cabinet.post(url("applications:cabinet_shortlist"), {"selected": [submitted.pk]})
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_every_opening_is_access_logged(cabinet, recruiter, submitted):
    cabinet.get(url("applications:cabinet"))
    cabinet.get(url("applications:cabinet_detail", submitted.pk))
    cabinet.get(url("applications:cabinet_export"))
    logged = list(
        AccessLog.objects.order_by("pk").values_list("user", "action", "where", "application_ids")
    )
    assert logged == [
        (recruiter.pk, "list", "cabinet", [submitted.pk]),
        (recruiter.pk, "view", "cabinet", [submitted.pk]),
        (recruiter.pk, "export", "cabinet", [submitted.pk]),
    ]


def test_the_admin_logs_openings_and_shows_applications_to_superusers_only(client, submitted):
    admin = User.objects.create_superuser("root", password="x")
    make.give_totp(admin)
    client.force_login(admin)
    assert client.get(reverse("admin:applications_application_changelist")).status_code == 200
    assert (
        client.get(
            reverse("admin:applications_application_change", args=[submitted.pk])
        ).status_code
        == 200
    )
    assert list(AccessLog.objects.order_by("pk").values_list("action", "where")) == [
        ("list", "admin"),
        ("view", "admin"),
    ]
    officer = OfficerFactory()
    make.give_totp(officer)
    client.force_login(officer)
    assert client.get(
        reverse("admin:applications_application_change", args=[submitted.pk])
    ).status_code in (302, 403)


def test_recruiter_list_queries_are_bounded(cabinet, vacancy, django_assert_num_queries):
    from applications.cabinet import PAGE_SIZE

    applications = [make.application(make.applicant(), vacancy) for _ in range(PAGE_SIZE)]
    with django_assert_num_queries(13):
        page = cabinet.get(url("applications:cabinet")).content.decode()
    # Each row links to its application and names its checkbox, built once a page.
    for application in applications:
        detail = url("applications:cabinet_detail", application.pk)
        assert detail == f"{url('applications:cabinet')}{application.pk}/"
        assert f'href="{detail}"' in page
        assert f'aria-label="Select application {application.pk}"' in page


def test_statistics_for_licensing_officers_only(client, submitted, foreign):
    from applications import services

    services.change_status(submitted, "shortlisted", actor_kind="recruiter")
    services.change_status(submitted, "offered", actor_kind="recruiter")
    reader = StaffUserFactory(groups=["Recruitment statistics reader"])
    make.give_totp(reader)
    client.force_login(reader)
    page = client.get(url("applications:statistics")).content.decode()
    assert "Ipak Yoli Servis" in page and "Boshqa Agentlik" in page
    assert "KARIMOV" not in page
    recruiter = make.recruiter(agency=submitted.vacancy.agency)
    client.force_login(recruiter)
    assert client.get(url("applications:statistics")).status_code == 403
    assert Application.objects.count() == 2
