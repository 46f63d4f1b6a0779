"""Every licence transition, allowed and refused, the deposit rules, and the one
rule for "licensed for destination X on date D"."""

import datetime
import inspect
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import translation

from agencies import selectors, services, tasks
from agencies.models import (
    Deposit,
    DepositMovement,
    Licence,
    LicenceDestination,
    LicenceEvent,
    MinimumDeposit,
)

pytestmark = pytest.mark.django_db

TRANSITIONS = {
    "suspend": lambda lic, off, on: services.suspend(
        lic, actor=off, reason="Complaints", legal_basis="Order 1", on=on
    ),
    "reinstate": lambda lic, off, on: services.reinstate(lic, actor=off, reason="Fixed", on=on),
    "revoke": lambda lic, off, on: services.revoke(lic, actor=off, reason="Criminal case", on=on),
    "renew": lambda lic, off, on: services.renew(
        lic, actor=off, expires_on=datetime.date(2031, 1, 1), reason="Renewed", on=on
    ),
    "record_surrender": lambda lic, off, on: services.record_surrender(
        lic, actor=off, reason="Asked", on=on
    ),
}
# (from status, transition) -> resulting status, or None when refused.
EXPECTED = {
    ("active", "suspend"): "suspended",
    ("active", "reinstate"): None,
    ("active", "revoke"): "revoked",
    ("active", "renew"): "active",
    ("active", "record_surrender"): "surrendered",
    ("suspended", "suspend"): None,
    ("suspended", "reinstate"): "active",
    ("suspended", "revoke"): "revoked",
    ("suspended", "renew"): None,
    ("suspended", "record_surrender"): "surrendered",
    ("revoked", "suspend"): None,
    ("revoked", "reinstate"): None,
    ("revoked", "revoke"): None,
    ("revoked", "renew"): None,
    ("revoked", "record_surrender"): None,
    ("surrendered", "suspend"): None,
    ("surrendered", "reinstate"): None,
    ("surrendered", "revoke"): None,
    ("surrendered", "renew"): None,
    ("surrendered", "record_surrender"): None,
    ("expired", "suspend"): None,
    ("expired", "reinstate"): None,
    ("expired", "revoke"): None,
    ("expired", "renew"): "active",
    ("expired", "record_surrender"): None,
}


def _licence_in(status, make_licence, today):
    if status == "expired":
        licence = make_licence(
            expires_on=today - datetime.timedelta(days=1), issued_on=today.replace(year=2025)
        )
        services.expire_due_licences(on=today)
        licence.refresh_from_db()
        return licence
    return make_licence(status=status)


@pytest.mark.parametrize(("start", "transition"), sorted(EXPECTED))
def test_every_transition(start, transition, make_licence, officer, today):
    licence = _licence_in(start, make_licence, today)
    assert licence.status == start
    events_before = licence.events.count()
    expected = EXPECTED[(start, transition)]
    on = today + datetime.timedelta(days=1)
    if expected is None:
        with pytest.raises(ValidationError):
            TRANSITIONS[transition](licence, officer, on)
        licence.refresh_from_db()
        assert licence.status == start
        assert licence.events.count() == events_before
    else:
        TRANSITIONS[transition](licence, officer, on)
        licence.refresh_from_db()
        assert licence.status == expected
        assert licence.status_since == on
        event = licence.events.first()
        assert (event.from_status, event.to_status, event.officer, event.date) == (
            start,
            expected,
            officer,
            on,
        )


@pytest.mark.parametrize("name", [*TRANSITIONS, "activate"])
def test_every_transition_names_its_actor_by_keyword(name):
    """Who decided is never a positional argument that can slip into ``reason``."""
    actor = inspect.signature(getattr(services, name)).parameters["actor"]
    assert actor.kind is inspect.Parameter.KEYWORD_ONLY
    assert actor.default is inspect.Parameter.empty


def test_refusal_message_is_translated(make_licence, officer):
    licence = make_licence(status="revoked")
    with translation.override("ru"), pytest.raises(ValidationError) as error:
        services.reinstate(licence, actor=officer)
    assert error.value.messages == [
        "Лицензия в статусе «отозвана» не может перейти в статус «действует»."
    ]


@pytest.mark.parametrize("action", [services.suspend, services.revoke])
def test_suspension_and_revocation_need_a_reason(action, make_licence, officer):
    licence = make_licence()
    with pytest.raises(ValidationError) as error:
        action(licence, actor=officer, reason="   ")
    assert "reason" in error.value.message_dict
    licence.refresh_from_db()
    assert licence.status == "active"


def test_database_refuses_a_suspension_event_without_reason(make_licence):
    licence = make_licence()
    with pytest.raises(IntegrityError), transaction.atomic():
        LicenceEvent.objects.create(licence=licence, date=licence.issued_on, to_status="suspended")


def test_licence_cannot_be_activated_below_the_minimum_deposit(
    make_agency, authority, officer, today
):
    agency = make_agency(deposit=Decimal("99999.99"))
    licence = Licence(
        authority=authority, agency=agency, number="KG-1", issued_on=today, expires_on=today
    )
    with pytest.raises(ValidationError) as error:
        services.activate(licence, actor=officer, on=today)
    assert error.value.error_list[0].code == "deposit_below_minimum"
    assert not Licence.objects.exists()


def test_minimum_in_force_is_the_latest_that_applies(make_agency, authority, officer, today):
    MinimumDeposit.objects.create(
        authority=authority, amount=Decimal("150000"), currency="KGS", applies_from=today
    )
    agency = make_agency(deposit=Decimal("100000"))
    early = Licence(
        authority=authority, agency=agency, number="A-1", issued_on=today, expires_on=today
    )
    services.activate(early, actor=officer, on=today - datetime.timedelta(days=1))
    late = Licence(
        authority=authority, agency=agency, number="A-2", issued_on=today, expires_on=today
    )
    with pytest.raises(ValidationError):
        services.activate(late, actor=officer, on=today)


def test_deposit_in_another_currency_does_not_count(make_agency, authority, officer, today):
    agency = make_agency(deposit=None)
    usd = Deposit.objects.create(
        agency=agency,
        authority=authority,
        form="cash",
        bank="B",
        reference="R",
        currency="USD",
        lodged_on=today,
    )
    services.record_deposit_movement(usd, "lodged", 500000)
    licence = Licence(
        authority=authority, agency=agency, number="C-1", issued_on=today, expires_on=today
    )
    with pytest.raises(ValidationError):
        services.activate(licence, actor=officer, on=today)


def test_lapsed_bank_guarantee_blocks_reinstatement(make_licence, authority, officer, today):
    licence = make_licence(status="suspended")
    guarantee = Deposit.objects.create(
        agency=licence.agency,
        authority=authority,
        form="guarantee",
        bank="KICB",
        reference="G-1",
        currency="KGS",
        lodged_on=today.replace(year=2025),
        valid_until=today - datetime.timedelta(days=1),
    )
    services.record_deposit_movement(guarantee, "lodged", 100000)
    with pytest.raises(ValidationError) as error:
        services.reinstate(licence, actor=officer, on=today)
    assert error.value.error_list[0].code == "guarantee_lapsed"
    licence.refresh_from_db()
    assert licence.status == "suspended"


def test_drawn_deposit_blocks_reinstatement_until_topped_up(make_licence, officer, today):
    licence = make_licence(status="suspended")
    deposit = licence.agency.deposits.get()
    services.record_deposit_movement(deposit, "drawn", 30000, actor=officer, complaint_case="C-17")
    assert selectors.deposit_balance(deposit) == Decimal("70000")
    with pytest.raises(ValidationError):
        services.reinstate(licence, actor=officer, on=today)
    services.record_deposit_movement(deposit, "topped_up", 30000, actor=officer)
    services.reinstate(licence, actor=officer, on=today)
    licence.refresh_from_db()
    assert licence.status == "active"


def test_deposit_movement_rules(make_agency):
    deposit = make_agency(deposit=Decimal("1000")).deposits.get()
    with pytest.raises(ValidationError):
        services.record_deposit_movement(deposit, "drawn", 10)  # no complaint case
    with pytest.raises(ValidationError):
        services.record_deposit_movement(deposit, "released", 1001)
    for bad in (0, -5, "abc", "NaN", "Infinity"):
        with pytest.raises(ValidationError):
            services.record_deposit_movement(deposit, "lodged", bad)
    with pytest.raises(ValidationError):
        services.record_deposit_movement(deposit, "stolen", 5)
    assert DepositMovement.objects.filter(deposit=deposit).count() == 1
    services.record_deposit_movement(deposit, "released", 1000)
    assert selectors.deposit_balance(deposit) == 0


def test_guarantee_must_have_an_expiry_date(make_agency, authority, today):
    agency = make_agency(deposit=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Deposit.objects.create(
            agency=agency,
            authority=authority,
            form="guarantee",
            bank="B",
            reference="R",
            currency="KGS",
            lodged_on=today,
        )


def licensed(agency, country_code, on):
    in_force = selectors.destinations_in_force([agency.pk], on=on)
    return in_force.licensed(agency.pk, country_code.upper())


def test_in_force_is_the_one_rule_for_licensed_destinations(make_licence, officer, today):
    licence = make_licence(destinations=("TR", "PL"))
    agency = licence.agency
    assert licensed(agency, "TR", on=today)
    assert licensed(agency, "pl", on=today)
    assert not licensed(agency, "DE", on=today)
    # Destination validity on its own.
    LicenceDestination.objects.filter(country="PL").update(
        valid_until=today - datetime.timedelta(days=1)
    )
    assert not licensed(agency, "PL", on=today)
    # Before the licence was issued.
    assert not licensed(agency, "TR", on=licence.issued_on - datetime.timedelta(days=1))
    # A suspended destination.
    LicenceDestination.objects.filter(country="TR").update(status="suspended")
    assert not licensed(agency, "TR", on=today)
    LicenceDestination.objects.filter(country="TR").update(status="active")
    # A suspended licence.
    services.suspend(licence, actor=officer, reason="Complaints", on=today)
    assert not licensed(agency, "TR", on=today)
    services.reinstate(licence, actor=officer, on=today)
    assert licensed(agency, "TR", on=today)
    # Past the licence's expiry, even before the task marks it expired.
    assert not licensed(agency, "TR", on=licence.expires_on + datetime.timedelta(days=1))


def test_expiry_task_and_command_use_the_same_service(make_licence, today):
    from django.utils import timezone

    due = make_licence(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    suspended_due = make_licence(
        expires_on=timezone.localdate() - datetime.timedelta(days=2), status="active"
    )
    services.suspend(suspended_due, actor=None, reason="Inspection", on=suspended_due.issued_on)
    current = make_licence()
    assert tasks.expire_licences.apply().get() == 2
    for licence, status in ((due, "expired"), (suspended_due, "expired"), (current, "active")):
        licence.refresh_from_db()
        assert licence.status == status
    event = due.events.first()
    assert event.to_status == "expired" and event.officer is None
    assert tasks.expire_licences() == 0
    call_command("expire_licences")


def test_expiry_command_reports_count(make_licence, capsys):
    from django.utils import timezone

    make_licence(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    call_command("expire_licences")
    assert "1 licence(s) expired" in capsys.readouterr().out


def test_expiry_is_scheduled_daily_by_beat():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="agencies.tasks.expire_licences")
    assert task.enabled and task.crontab.hour == "0"


def test_licence_number_is_unique_per_authority(make_licence):
    licence = make_licence(number="KG-PEA-0001")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_licence(number="kg pea 0001")
    assert licence.number_normalised == "KGPEA0001"


def test_status_cannot_be_set_to_nonsense_in_the_database(make_licence):
    licence = make_licence()
    with pytest.raises(IntegrityError), transaction.atomic():
        Licence.objects.filter(pk=licence.pk).update(status="bogus")


@pytest.mark.postgres
def test_name_search_has_a_trigram_index_on_postgresql():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'agencies_agency_search_key_trgm'"
        )
        (definition,) = cursor.fetchone()
    assert "gin_trgm_ops" in definition
