"""The state machine, applying and its refusals, the database constraints, and the
SMS/e-mail sent for every change (never logged)."""

import datetime
import logging

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.services import set_language
from agencies import services as registry
from applications import selectors, services
from applications.choices import Status
from applications.models import TRANSITIONS, Application, StatusChange
from tests.factories import applications as make
from tests.factories.users import OfficerFactory
from tests.factories.vacancies import VacancyFactory

pytestmark = pytest.mark.django_db

RECRUITER = StatusChange.Actor.RECRUITER
INTERVIEW = {
    "interview_at": timezone.now() + datetime.timedelta(days=3),
    "interview_place": "Tashkent, Labour Migration Centre, room 4",
}


def move(application, to_status, **kwargs):
    details = {}
    if to_status == Status.INTERVIEW:
        details = INTERVIEW
    if to_status == Status.REJECTED:
        details = {"reason": "language"}
    actor = StatusChange.Actor.APPLICANT if to_status == Status.WITHDRAWN else RECRUITER
    return services.change_status(application, to_status, actor_kind=actor, **{**details, **kwargs})


def reach(application, status):
    """Walk an application to ``status`` along the main path."""
    path = {
        Status.SUBMITTED: [],
        Status.SHORTLISTED: [Status.SHORTLISTED],
        Status.INTERVIEW: [Status.SHORTLISTED, Status.INTERVIEW],
        Status.OFFERED: [Status.SHORTLISTED, Status.OFFERED],
        Status.CONTRACTED: [Status.SHORTLISTED, Status.OFFERED, Status.CONTRACTED],
        Status.DEPARTED: [Status.SHORTLISTED, Status.OFFERED, Status.CONTRACTED, Status.DEPARTED],
        Status.REJECTED: [Status.REJECTED],
        Status.WITHDRAWN: [Status.WITHDRAWN],
    }[status]
    for step in path:
        application = move(application, step)
    return application


# --- applying ---------------------------------------------------------------------------


def test_apply_stores_a_snapshot_and_the_first_history_step(applicant, vacancy, occupation):
    profile = applicant.applicant_profile
    profile.occupations.create(occupation=occupation, years=4)
    application = services.apply(applicant, vacancy, consent=True)
    assert application.status == Status.SUBMITTED
    assert application.snapshot["surname_latin"] == "KARIMOV"
    assert application.snapshot["occupations"] == [{"occupation": "7212", "years": 4}]
    profile.surname_latin = "CHANGED"
    profile.save()
    application.refresh_from_db()
    assert application.snapshot["surname_latin"] == "KARIMOV"  # as sent
    [change] = application.history.all()
    assert (change.to_status, change.actor_kind, change.actor) == (
        "submitted",
        "applicant",
        applicant,
    )


@pytest.mark.parametrize(
    "case",
    ["no_consent", "no_profile", "draft", "closed", "expired", "suspended", "twice"],
)
def test_refusals_change_nothing(case, applicant, vacancy):
    user, consent = applicant, True
    if case == "no_consent":
        consent = False
    elif case == "no_profile":
        user = make.applicant(profile=None)
    elif case == "draft":
        vacancy.status = "draft"
        vacancy.save()
    elif case == "closed":
        vacancy.status = "closed"
        vacancy.save()
    elif case == "expired":
        vacancy.deadline = timezone.localdate() - datetime.timedelta(days=1)
        vacancy.save()
    elif case == "suspended":
        registry.suspend(
            vacancy.agency.current_licence, actor=OfficerFactory(), reason="Unpaid wages"
        )
    elif case == "twice":
        make.application(applicant, vacancy)
    before = Application.objects.count()
    with pytest.raises(services.Refused) as refused:
        services.apply(user, vacancy, consent=consent)
    assert refused.value.messages[0]
    assert Application.objects.count() == before


def test_the_database_refuses_a_second_application(applicant, vacancy, submitted):
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(applicant=applicant, vacancy=vacancy)


# --- the state machine ------------------------------------------------------------------


ALL = list(Status)


@pytest.mark.parametrize("start", ALL)
@pytest.mark.parametrize("target", [s for s in ALL if s != Status.SUBMITTED])
def test_every_transition(start, target, submitted):
    application = reach(submitted, start)
    if target in TRANSITIONS[start]:
        moved = move(application, target)
        assert moved.status == target
        last = moved.history.order_by("-at", "-pk").first()
        assert (last.from_status, last.to_status) == (start, target)
        assert last.at is not None and last.actor_kind
    else:
        with pytest.raises(services.Refused):
            move(application, target)
        application.refresh_from_db()
        assert application.status == start


def test_only_the_applicant_withdraws_and_the_applicant_does_nothing_else(submitted):
    with pytest.raises(services.Refused):
        services.change_status(submitted, Status.WITHDRAWN, actor_kind=RECRUITER)
    with pytest.raises(services.Refused):
        services.change_status(submitted, Status.SHORTLISTED, actor_kind="applicant")
    other = make.applicant()
    with pytest.raises(services.Refused):
        services.withdraw(other, submitted)
    assert services.withdraw(submitted.applicant, submitted).status == Status.WITHDRAWN


@pytest.mark.parametrize("reason", ["", "bogus"])
def test_rejection_needs_a_reason_from_the_list(submitted, reason):
    with pytest.raises(services.Refused):
        services.change_status(submitted, Status.REJECTED, actor_kind=RECRUITER, reason=reason)


@pytest.mark.parametrize(
    "details",
    [{}, {"interview_at": INTERVIEW["interview_at"]}, {"interview_place": "Tashkent"}],
)
def test_an_interview_needs_a_time_and_a_place_or_link(submitted, details):
    application = move(submitted, Status.SHORTLISTED)
    with pytest.raises(services.Refused):
        services.change_status(application, Status.INTERVIEW, actor_kind=RECRUITER, **details)


def test_interview_by_video_link_and_cleared_on_the_next_step(submitted):
    application = move(submitted, Status.SHORTLISTED)
    application = services.change_status(
        application,
        Status.INTERVIEW,
        actor_kind=RECRUITER,
        interview_at=INTERVIEW["interview_at"],
        interview_link="https://meet.example/abc",
    )
    assert application.interview_link == "https://meet.example/abc"
    application = move(application, Status.OFFERED)
    assert application.interview_at is None and application.interview_link == ""
    assert application.selected_at is not None
    application = move(application, Status.WITHDRAWN)
    assert application.selected_at is not None  # once selected, counted


def test_a_suspended_or_revoked_agency_changes_nothing(submitted):
    licence = submitted.vacancy.agency.current_licence
    registry.suspend(licence, actor=OfficerFactory(), reason="Inspection")
    with pytest.raises(services.Refused):
        move(submitted, Status.SHORTLISTED)
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert selectors.licence_blocked([submitted.vacancy]) == {submitted.vacancy_id: True}
    # The applicant may still withdraw.
    assert services.withdraw(submitted.applicant, submitted).status == Status.WITHDRAWN


def test_authority_vacancies_are_not_blocked(applicant, occupation):
    vacancy = VacancyFactory()
    application = make.application(applicant, vacancy)
    assert move(application, Status.SHORTLISTED).status == Status.SHORTLISTED


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "nonsense"},
        {"status": "rejected"},
        {"status": "submitted", "reject_reason": "language"},
        {"status": "interview"},
        {"status": "submitted", "interview_place": "Tashkent"},
        {"status": "offered"},
        {"status": "submitted", "selected_at": timezone.now()},
        {"applicant": None},
        {"anonymised_at": timezone.now()},
    ],
)
def test_database_constraints(submitted, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=submitted.pk).update(**fields)


def test_history_constraints(submitted):
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusChange.objects.create(
            application=submitted, to_status="withdrawn", actor_kind="recruiter"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusChange.objects.create(
            application=submitted, to_status="shortlisted", actor_kind="partner"
        )


# --- notifications --------------------------------------------------------------------


def test_every_change_is_sent_by_sms_and_email_in_the_applicants_language(
    submitted, outbox, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    user = submitted.applicant
    user.email = "aziz@example.org"
    user.save()
    set_language(user, "ky")
    with django_capture_on_commit_callbacks(execute=True):
        move(submitted, Status.SHORTLISTED)
    with django_capture_on_commit_callbacks(execute=True):
        move(Application.objects.get(pk=submitted.pk), Status.INTERVIEW)
    assert [sms.number for sms in outbox] == [user.phone.number] * 2
    assert "Welder in Ulsan" in outbox[0].text
    assert "тандалгандардын тизмесине киргизилди" in outbox[0].text
    assert "Tashkent, Labour Migration Centre" in outbox[1].text
    assert len(mail.outbox) == 2 and mail.outbox[0].to == ["aziz@example.org"]
    logged = caplog.text
    for secret in (
        "KARIMOV",
        "Welder in Ulsan",
        user.phone.number,
        "aziz@example.org",
        "Labour Migration",
    ):
        assert secret not in logged


def test_nothing_is_sent_before_commit_or_without_a_phone(
    vacancy, outbox, django_capture_on_commit_callbacks
):
    user = make.applicant(phone=False)
    application = make.application(user, vacancy)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        move(application, Status.SHORTLISTED)
    assert outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert outbox == [] and mail.outbox == []


def test_every_change_also_reaches_the_linked_telegram_chats_once_in_their_language(
    submitted, django_capture_on_commit_callbacks
):
    from alerts.models import Message, TelegramChat

    user = submitted.applicant
    TelegramChat.objects.create(chat_id=7001, language="ky", user=user)
    TelegramChat.objects.create(chat_id=7002, language="ru", user=user)
    with django_capture_on_commit_callbacks(execute=True):
        move(submitted, Status.SHORTLISTED)
    messages = Message.objects.filter(kind=Message.Kind.DIRECT).order_by("chat__chat_id")
    assert [message.chat.chat_id for message in messages] == [7001, 7002]
    texts = messages[0].payload["texts"]
    assert "тандалгандардын тизмесине киргизилди" in texts["ky"]
    assert "Welder in Ulsan" in texts["ru"] and texts["ru"] != texts["ky"]
    # The same change is never sent twice, even when its task runs again.
    from applications.notifications import notify_status_change

    notify_status_change(submitted.history.latest("pk").pk)
    assert Message.objects.filter(kind=Message.Kind.DIRECT).count() == 2
