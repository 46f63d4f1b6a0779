"""Routing by country and category, the triage flags, anonymisation on schedule."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from helpdesk import selectors, services, tasks
from helpdesk.models import Case, CaseEvent
from tests.factories.helpdesk import CaseFactory, ResponderFactory, RouteFactory
from tests.factories.users import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def table():
    names = ["anywhere", "russia", "violence", "russia violence", "retired"]
    responders = {name: ResponderFactory(name=name) for name in names}
    RouteFactory(responder=responders["anywhere"])
    RouteFactory(country="RU", responder=responders["russia"])
    RouteFactory(category="violence", responder=responders["violence"])
    RouteFactory(country="RU", category="violence", responder=responders["russia violence"])
    responders["retired"].is_active = False
    responders["retired"].save()
    RouteFactory(country="KZ", category="health", responder=responders["retired"])
    return responders


@pytest.mark.parametrize(
    ("country", "category", "expected"),
    [
        ("RU", "violence", "russia violence"),
        ("RU", "unpaid_wages", "russia"),
        ("KR", "violence", "violence"),
        ("KR", "unpaid_wages", "anywhere"),
        ("KZ", "health", "anywhere"),  # the responder of the exact row takes no cases
    ],
)
def test_the_most_specific_route_wins(table, country, category, expected):
    assert selectors.route_for(country, category).name == expected


def test_routing_follows_the_table_and_a_choice_overrides_it(table):
    case = services.route(CaseFactory(country="RU", category="violence"), None)
    assert case.responder.name == "russia violence"
    other = services.route(CaseFactory(), table["anywhere"])
    assert other.responder.name == "anywhere"


def test_no_route_no_change():
    case = CaseFactory(country="JP")
    with pytest.raises(ValidationError):
        services.route(case, None)
    assert Case.objects.get().status == "new" and not CaseEvent.objects.exists()


def test_one_row_per_country_and_category(table):
    with pytest.raises(IntegrityError), transaction.atomic():
        RouteFactory(country="RU", category="violence")


def test_a_closed_case_is_not_routed_again(table):
    case = services.close(CaseFactory(), "resolved")
    with pytest.raises(ValidationError):
        services.route(case, None)


def test_a_closed_case_has_an_outcome_in_the_database():
    case = CaseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(status="closed")


@pytest.mark.parametrize(
    ("category", "hours_ago", "status", "urgent", "overdue"),
    [
        ("unpaid_wages", 1, "new", False, False),
        ("unpaid_wages", 25, "new", False, True),
        ("unpaid_wages", 25, "routed", False, False),  # picked up
        ("violence", 1, "new", True, False),
        ("trafficking", 30, "new", True, True),
        ("detention", 1, "routed", True, False),
        ("death", 1, "new", True, False),
    ],
)
def test_triage_flags(settings, category, hours_ago, status, urgent, overdue):
    settings.HELPDESK_PICKUP_HOURS = 24
    CaseFactory(
        category=category, status=status, created_at=timezone.now() - timedelta(hours=hours_ago)
    )
    case = selectors.triage().get()
    assert (case.flag_urgent, case.flag_overdue) == (urgent, overdue)


def test_triage_lists_flagged_cases_first_and_no_closed_ones(settings):
    settings.HELPDESK_PICKUP_HOURS = 24
    now = timezone.now()
    plain = CaseFactory(created_at=now - timedelta(hours=2))
    late = CaseFactory(created_at=now - timedelta(hours=48))
    urgent = CaseFactory(category="violence", created_at=now)
    services.close(CaseFactory(), "resolved")
    assert list(selectors.triage()) == [urgent, late, plain]


def test_the_pickup_time_is_a_setting(settings):
    CaseFactory(created_at=timezone.now() - timedelta(hours=3))
    settings.HELPDESK_PICKUP_HOURS = 4
    assert not selectors.triage().get().flag_overdue
    settings.HELPDESK_PICKUP_HOURS = 2
    assert selectors.triage().get().flag_overdue


def test_closed_cases_are_anonymised_after_the_set_period(settings):
    settings.HELPDESK_ANONYMISE_AFTER_DAYS = 30
    officer = StaffUserFactory()
    old = CaseFactory(email="person@example.org", user=officer)
    services.record(old, "note", "Spoke to the foreman Rustam", actor=officer)
    services.close(old, "resolved")
    Case.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=31))
    recent = services.close(CaseFactory(), "resolved")
    still_open = CaseFactory(created_at=timezone.now() - timedelta(days=400))
    token = old.token

    assert tasks.anonymise_cases() == 1
    old.refresh_from_db()
    assert (old.contact, old.email, old.city, old.description, old.user) == ("", "", "", "", None)
    assert old.anonymised_at is not None and old.token != token
    assert (old.category, old.country.code, old.outcome) == ("unpaid_wages", "RU", "resolved")
    assert set(old.events.values_list("text", flat=True)) == {""}
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.description and still_open.description
    assert services.anonymise_due_cases() == 0  # once only


def test_the_anonymised_link_is_gone(client, settings):
    settings.HELPDESK_ANONYMISE_AFTER_DAYS = 0
    case = services.close(CaseFactory(), "resolved")
    assert client.get(f"/en/help/case/{case.token}/").status_code == 200
    services.anonymise_due_cases(now=timezone.now() + timedelta(seconds=1))
    assert client.get(f"/en/help/case/{case.token}/").status_code == 404


def test_beat_anonymises_daily():
    task = PeriodicTask.objects.get(task="helpdesk.tasks.anonymise_cases")
    assert task.enabled and task.crontab.hour == "4"
