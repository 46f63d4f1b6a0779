"""Every change of a licence's status and of a deposit's money, and the rules they obey.

Each state change checks its rule, refuses with a translated ``ValidationError``
(changing nothing) or saves the change together with a `LicenceEvent` naming the
officer. Pages, the admin, partner feeds and tasks call these functions; none of them
writes ``Licence.status`` itself. What the rules read (balances, deposit checks)
is in `agencies.selectors`.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies import signals, verification
from agencies.models import (
    Agency,
    Deposit,
    DepositMovement,
    Licence,
    LicenceEvent,
    LicenceStatus,
)
from agencies.selectors import check_deposit, deposit_balance

ACTIVE = LicenceStatus.ACTIVE
SUSPENDED = LicenceStatus.SUSPENDED
REVOKED = LicenceStatus.REVOKED
EXPIRED = LicenceStatus.EXPIRED
SURRENDERED = LicenceStatus.SURRENDERED


# --- deposits --------------------------------------------------------------------------


def require_deposit(licence, on=None):
    """Refuse (ValidationError) unless the agency's deposit lets the licence be active."""
    on = on or timezone.localdate()
    check = check_deposit(licence.agency, licence.authority, on)
    if check.lapsed_guarantee:
        raise ValidationError(
            _(
                "A bank guarantee of this agency has lapsed: renew it before the licence "
                "can be active."
            ),
            code="guarantee_lapsed",
        )
    if check.minimum is None:
        raise ValidationError(
            _("The licensing authority has no minimum deposit in force: enter it first."),
            code="no_minimum",
        )
    if not check.meets_minimum:
        raise ValidationError(
            _(
                "The deposit held (%(held)s %(currency)s) is below the minimum in force "
                "(%(minimum)s %(currency)s): the licence cannot be active."
            )
            % {
                "held": floatformat(check.held, "2g"),
                "minimum": floatformat(check.minimum, "2g"),
                "currency": check.currency,
            },
            code="deposit_below_minimum",
        )


def check_movement(deposit, kind, amount, complaint_case=""):
    """Validate a movement before it is recorded; return the amount as a Decimal.

    The admin's inline form calls it to show errors next to the fields;
    `record_deposit_movement` calls it again under a row lock.
    """
    try:
        amount = Decimal(str(amount))
    except ArithmeticError:
        amount = Decimal("0")
    if not amount.is_finite() or amount <= 0:
        raise ValidationError({"amount": _("Enter an amount greater than zero.")})
    if kind not in DepositMovement.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of movement.")})
    if kind == DepositMovement.Kind.DRAWN and not (complaint_case or "").strip():
        raise ValidationError(
            {"complaint_case": _("Name the complaint case the money compensates.")}
        )
    if kind not in DepositMovement.INFLOWS and amount > deposit_balance(deposit):
        raise ValidationError(
            {"amount": _("The deposit holds less than this amount.")}, code="overdrawn"
        )
    return amount


@transaction.atomic
def record_deposit_movement(
    deposit, kind, amount, *, actor=None, on=None, complaint_case="", note=""
):
    """Add money to or take it from a deposit; never more out than it holds.
    ``actor`` is the officer who records it."""
    deposit = Deposit.objects.select_for_update().get(pk=deposit.pk)
    amount = check_movement(deposit, kind, amount, complaint_case)
    return DepositMovement.objects.create(
        deposit=deposit,
        kind=kind,
        amount=amount,
        date=on or timezone.localdate(),
        complaint_case=(complaint_case or "").strip(),
        note=note,
        officer=actor,
    )


# --- licence status ---------------------------------------------------------------------
#
# Every transition names its ``actor`` by keyword: the officer the `LicenceEvent`
# records, or None for a change the system or a partner feed makes (the feed and
# run are then named in the legal basis).


def _change(licence, to_status, reason, on, allowed_from):
    """Lock the licence and check it may move; returns it, its status, the reason
    and the date."""
    on = on or timezone.localdate()
    reason = (reason or "").strip()
    if licence.pk is not None:
        licence = (
            Licence.objects.select_for_update()
            .select_related("agency", "authority")
            .get(pk=licence.pk)
        )
    current = licence.status or ""
    if current not in allowed_from:
        raise ValidationError(
            _("A licence that is %(current)s cannot become %(target)s.")
            % {
                "current": LicenceStatus(current).label if current else _("new"),
                "target": LicenceStatus(to_status).label,
            },
            code="invalid_transition",
        )
    if to_status in (SUSPENDED, REVOKED) and not reason:
        raise ValidationError({"reason": _("Give the reason for this decision.")})
    return licence, current, reason, on


def _save(licence, current, to_status, actor, reason, legal_basis, on):
    licence.status = to_status
    licence.status_since = on
    licence.save()
    event = LicenceEvent.objects.create(
        licence=licence,
        date=on,
        from_status=current,
        to_status=to_status,
        reason=reason,
        legal_basis=(legal_basis or "").strip(),
        officer=actor,
    )
    signals.licence_changed.send(
        sender=Licence,
        licence=licence,
        change=to_status,
        countries=[],
        key=f"licence-event:{event.pk}",
        reason=reason,
    )
    return licence


@transaction.atomic
def activate(licence, *, actor, reason="", legal_basis="", on=None):
    """Put a newly issued licence in force (it has no status yet)."""
    licence, current, reason, on = _change(licence, ACTIVE, reason, on, [""])
    if licence.expires_on < on:
        raise ValidationError(_("This licence has already expired."), code="expired")
    require_deposit(licence, on)
    return _save(licence, current, ACTIVE, actor, reason, legal_basis, on)


@transaction.atomic
def suspend(licence, *, actor, reason, legal_basis="", on=None):
    licence, current, reason, on = _change(licence, SUSPENDED, reason, on, [ACTIVE])
    return _save(licence, current, SUSPENDED, actor, reason, legal_basis, on)


@transaction.atomic
def reinstate(licence, *, actor, reason="", legal_basis="", on=None):
    licence, current, reason, on = _change(licence, ACTIVE, reason, on, [SUSPENDED])
    if licence.expires_on < on:
        raise ValidationError(
            _("This licence has passed its expiry date: renew it instead."), code="expired"
        )
    require_deposit(licence, on)
    return _save(licence, current, ACTIVE, actor, reason, legal_basis, on)


@transaction.atomic
def revoke(licence, *, actor, reason, legal_basis="", on=None):
    """Revocation is final: no transition leads out of it."""
    licence, current, reason, on = _change(licence, REVOKED, reason, on, [ACTIVE, SUSPENDED])
    return _save(licence, current, REVOKED, actor, reason, legal_basis, on)


@transaction.atomic
def renew(licence, *, actor, expires_on, reason="", legal_basis="", on=None):
    """Extend an active or expired licence to a later expiry date."""
    licence, current, reason, on = _change(licence, ACTIVE, reason, on, [ACTIVE, EXPIRED])
    if expires_on is None or expires_on <= max(licence.expires_on, on):
        raise ValidationError(
            {"expires_on": _("The new expiry date must be later than the current one and today.")}
        )
    require_deposit(licence, on)
    licence.expires_on = expires_on
    return _save(licence, current, ACTIVE, actor, reason, legal_basis, on)


@transaction.atomic
def record_surrender(licence, *, actor, reason="", legal_basis="", on=None):
    """The agency gave its licence back; it cannot be reactivated."""
    licence, current, reason, on = _change(licence, SURRENDERED, reason, on, [ACTIVE, SUSPENDED])
    return _save(licence, current, SURRENDERED, actor, reason, legal_basis, on)


def expire_due_licences(on=None):
    """Mark active and suspended licences past their expiry date as expired, each
    with an event (no officer: the system did it). Returns how many."""
    on = on or timezone.localdate()
    due = Licence.objects.filter(status__in=[ACTIVE, SUSPENDED], expires_on__lt=on)
    count = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            licence = Licence.objects.select_for_update().get(pk=pk)
            if licence.status not in (ACTIVE, SUSPENDED) or licence.expires_on >= on:
                continue
            _save(
                licence,
                licence.status,
                EXPIRED,
                None,
                _("The licence reached its expiry date."),
                "",
                on,
            )
            count += 1
    return count


# --- reports from the public -----------------------------------------------------------


def file_report(report, *, language):
    """Store a member of the public's report of a recruiter, in the language it was
    written in, tied to the agency whose official channel or number it names (not
    to one whose name it merely borrows: recruiters borrow real names)."""
    report.language = language
    if report.channel:
        result = verification.verify(report.channel)
        if result.matches and result.verdict != verification.Verdict.NAME_ONLY:
            report.agency = result.matches[0].agency
    report.save()
    return report


@transaction.atomic
def rebuild_search_keys(batch_size=1000):
    """Bring every agency's stored name key up to `spelling`'s current rules (the
    ``rebuild_search_keys`` command and task); returns how many keys changed.

    The registry holds thousands of agencies, not millions: they are read at once,
    locked so that a name edited meanwhile never gets the key of its old text, and
    only the stale keys are written, ``batch_size`` rows to a statement."""
    agencies = Agency.objects.select_for_update().only(
        "pk", "legal_name", "brand_names", "search_key"
    )
    stale = []
    for agency in agencies:
        key = agency.name_search_key()
        if key != agency.search_key:
            agency.search_key = key
            stale.append(agency)
    Agency.objects.bulk_update(stale, ["search_key"], batch_size=batch_size)
    return len(stale)
