"""Every change of a licence's status and of a deposit's money, and the rules they obey.

Each state change checks its rule, refuses with a translated ``ValidationError``
(changing nothing) or saves the change together with a `LicenceEvent` naming the
officer. Pages, admin, API, tasks and the vacancies app call these functions; none
of them writes ``Licence.status`` itself.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, DecimalField, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import (
    Agency,
    Deposit,
    DepositMovement,
    Licence,
    LicenceDestination,
    LicenceEvent,
    LicenceStatus,
)

ACTIVE = LicenceStatus.ACTIVE
SUSPENDED = LicenceStatus.SUSPENDED
REVOKED = LicenceStatus.REVOKED
EXPIRED = LicenceStatus.EXPIRED
SURRENDERED = LicenceStatus.SURRENDERED


def licensed_destinations(agencies, on=None):
    """{(agency id, destination code)} the agencies are licensed to recruit for on a
    date (today), in one query: what a partner's vacancies are checked against."""
    return set(
        LicenceDestination.objects.in_force(on)
        .filter(licence__agency__in=agencies)
        .values_list("licence__agency_id", "country")
    )


# --- deposits --------------------------------------------------------------------------

SIGNED_AMOUNT = Case(
    When(kind__in=DepositMovement.INFLOWS, then=F("amount")),
    default=-F("amount"),
    output_field=DecimalField(max_digits=16, decimal_places=2),
)


def deposit_balance(deposit):
    """Money held: lodged and topped up, less drawn and released."""
    total = deposit.movements.aggregate(total=Sum(SIGNED_AMOUNT))["total"]
    return total or Decimal("0")


def deposits_with_balance(queryset=None):
    """Deposits annotated with ``balance``: one query for a whole list."""
    queryset = Deposit.objects.all() if queryset is None else queryset
    zero = Value(Decimal("0"), output_field=DecimalField(max_digits=16, decimal_places=2))
    return queryset.annotate(balance=Coalesce(Sum(SIGNED_AMOUNT_VIA_DEPOSIT), zero))


SIGNED_AMOUNT_VIA_DEPOSIT = Case(
    When(movements__kind__in=DepositMovement.INFLOWS, then=F("movements__amount")),
    When(movements__isnull=False, then=-F("movements__amount")),
    default=Value(Decimal("0")),
    output_field=DecimalField(max_digits=16, decimal_places=2),
)


@dataclass(frozen=True)
class DepositCheck:
    """How an agency's deposits with one authority compare with its minimum."""

    held: Decimal
    minimum: Decimal | None
    currency: str
    lapsed_guarantee: bool

    @property
    def meets_minimum(self):
        return self.minimum is not None and self.held >= self.minimum and not self.lapsed_guarantee


def check_deposit(agency, authority, on=None, deposits=None):
    """Sum the deposits (in the minimum's currency) an agency holds with an authority.

    A lapsed bank guarantee holds nothing and blocks activation until renewed.
    ``deposits`` may be a prefetched list annotated by `deposits_with_balance`.
    """
    on = on or timezone.localdate()
    minimum = authority.minimum_deposit(on)
    if deposits is None:
        deposits = deposits_with_balance(agency.deposits.filter(authority=authority))
    held = Decimal("0")
    lapsed = False
    for deposit in deposits:
        if deposit.authority_id != authority.pk or deposit.balance <= 0:
            continue
        if deposit.has_lapsed(on):
            lapsed = True
            continue
        if minimum is not None and deposit.currency == minimum.currency:
            held += deposit.balance
    return DepositCheck(
        held=held,
        minimum=minimum.amount if minimum else None,
        currency=minimum.currency if minimum else "",
        lapsed_guarantee=lapsed,
    )


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
                "held": f"{check.held:,.2f}",
                "minimum": f"{check.minimum:,.2f}",
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
    deposit, kind, amount, officer=None, on=None, complaint_case="", note=""
):
    """Add money to or take it from a deposit; never more out than it holds."""
    deposit = Deposit.objects.select_for_update().get(pk=deposit.pk)
    amount = check_movement(deposit, kind, amount, complaint_case)
    return DepositMovement.objects.create(
        deposit=deposit,
        kind=kind,
        amount=amount,
        date=on or timezone.localdate(),
        complaint_case=(complaint_case or "").strip(),
        note=note,
        officer=officer,
    )


# --- licence status ---------------------------------------------------------------------


def _change(licence, to_status, officer, reason, legal_basis, on, allowed_from):
    """Lock the licence, check it may move, save the status and its event."""
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


def _save(licence, current, to_status, officer, reason, legal_basis, on):
    licence.status = to_status
    licence.status_since = on
    licence.save()
    LicenceEvent.objects.create(
        licence=licence,
        date=on,
        from_status=current,
        to_status=to_status,
        reason=reason,
        legal_basis=(legal_basis or "").strip(),
        officer=officer,
    )
    return licence


@transaction.atomic
def activate(licence, officer, reason="", legal_basis="", on=None):
    """Put a newly issued licence in force (it has no status yet)."""
    licence, current, reason, on = _change(licence, ACTIVE, officer, reason, legal_basis, on, [""])
    if licence.expires_on < on:
        raise ValidationError(_("This licence has already expired."), code="expired")
    require_deposit(licence, on)
    return _save(licence, current, ACTIVE, officer, reason, legal_basis, on)


@transaction.atomic
def suspend(licence, officer, reason, legal_basis="", on=None):
    licence, current, reason, on = _change(
        licence, SUSPENDED, officer, reason, legal_basis, on, [ACTIVE]
    )
    return _save(licence, current, SUSPENDED, officer, reason, legal_basis, on)


@transaction.atomic
def reinstate(licence, officer, reason="", legal_basis="", on=None):
    licence, current, reason, on = _change(
        licence, ACTIVE, officer, reason, legal_basis, on, [SUSPENDED]
    )
    if licence.expires_on < on:
        raise ValidationError(
            _("This licence has passed its expiry date: renew it instead."), code="expired"
        )
    require_deposit(licence, on)
    return _save(licence, current, ACTIVE, officer, reason, legal_basis, on)


@transaction.atomic
def revoke(licence, officer, reason, legal_basis="", on=None):
    """Revocation is final: no transition leads out of it."""
    licence, current, reason, on = _change(
        licence, REVOKED, officer, reason, legal_basis, on, [ACTIVE, SUSPENDED]
    )
    return _save(licence, current, REVOKED, officer, reason, legal_basis, on)


@transaction.atomic
def renew(licence, officer, expires_on, reason="", legal_basis="", on=None):
    """Extend an active or expired licence to a later expiry date."""
    licence, current, reason, on = _change(
        licence, ACTIVE, officer, reason, legal_basis, on, [ACTIVE, EXPIRED]
    )
    if expires_on is None or expires_on <= max(licence.expires_on, on):
        raise ValidationError(
            {"expires_on": _("The new expiry date must be later than the current one and today.")}
        )
    require_deposit(licence, on)
    licence.expires_on = expires_on
    return _save(licence, current, ACTIVE, officer, reason, legal_basis, on)


@transaction.atomic
def record_surrender(licence, officer, reason="", legal_basis="", on=None):
    """The agency gave its licence back; it cannot be reactivated."""
    licence, current, reason, on = _change(
        licence, SURRENDERED, officer, reason, legal_basis, on, [ACTIVE, SUSPENDED]
    )
    return _save(licence, current, SURRENDERED, officer, reason, legal_basis, on)


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


def below_minimum_q(on=None):
    """A filter for agencies whose active or suspended licence is not covered by the
    deposit they hold with its authority (the admin's "deposit below minimum")."""
    from agencies.models import Agency, LicensingAuthority

    on = on or timezone.localdate()
    below = []
    for authority in LicensingAuthority.objects.filter(licences__isnull=False).distinct():
        minimum = authority.minimum_deposit(on)
        if minimum is None:
            continue
        held = Sum(
            SIGNED_AMOUNT_FOR_AGENCY,
            filter=Q(
                deposits__authority=authority,
                deposits__currency=minimum.currency,
            )
            & (Q(deposits__valid_until__isnull=True) | Q(deposits__valid_until__gte=on)),
        )
        ids = (
            Agency.objects.filter(
                licences__authority=authority, licences__status__in=[ACTIVE, SUSPENDED]
            )
            .annotate(held=Coalesce(held, Value(Decimal("0"), output_field=DecimalField())))
            .filter(held__lt=minimum.amount)
            .values("pk")
        )
        below.append(Q(pk__in=ids))
    query = Q(pk__in=[])
    for condition in below:
        query |= condition
    return query


SIGNED_AMOUNT_FOR_AGENCY = Case(
    When(
        deposits__movements__kind__in=DepositMovement.INFLOWS, then=F("deposits__movements__amount")
    ),
    When(deposits__movements__isnull=False, then=-F("deposits__movements__amount")),
    default=Value(Decimal("0")),
    output_field=DecimalField(max_digits=16, decimal_places=2),
)


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
