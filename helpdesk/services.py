"""Every write to a case, for the public form, the help desk's pages and the
responders' API alike. Each status change is told to the person
(`helpdesk.notifications`) once the change is committed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk import selectors
from helpdesk.models import Case, CaseAccessLog, CaseEvent, new_token


def _notify_later(case):
    from helpdesk import tasks  # tasks import services: resolve at call time

    case_id = case.pk
    transaction.on_commit(lambda: tasks.send_status_notice.delay(case_id))


def _touch(case, now, fields):
    case.updated_at = now
    if case.picked_up_at is None:
        case.picked_up_at = now
        fields.append("picked_up_at")
    case.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def submit_case(*, user=None, **data):
    """A new request from the form: stored with its first status, "received"."""
    case = Case(**data)
    if user is not None and user.is_authenticated:
        case.user = user
    case.full_clean(exclude=["token"])
    case.save()
    CaseEvent.objects.create(case=case, kind=CaseEvent.Kind.STATUS, status=case.status)
    return case


def _check_open(case):
    if not case.is_open:
        raise ValidationError(_("This case is closed."), code="closed")


@transaction.atomic
def route(case, responder, *, actor=None):
    """Pass a case to a responder organisation (the routing table's choice when
    ``responder`` is None)."""
    _check_open(case)
    responder = responder or selectors.route_for(case.country, case.category)
    if responder is None:
        raise ValidationError(
            _("The routing table has no responder for this country and category."),
            code="no_route",
        )
    now = timezone.now()
    case.responder = responder
    fields = ["responder"]
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.ROUTED, responder=responder, actor=actor, at=now
    )
    if case.status != Case.Status.ROUTED:
        case.status = Case.Status.ROUTED
        fields.append("status")
        CaseEvent.objects.create(
            case=case, kind=CaseEvent.Kind.STATUS, status=case.status, actor=actor, at=now
        )
        _notify_later(case)
    _touch(case, now, fields)
    return case


@transaction.atomic
def record(case, kind, text, *, actor=None, responder=None):
    """An action taken or an internal note: seen by staff and the responder only."""
    if kind not in (CaseEvent.Kind.ACTION, CaseEvent.Kind.NOTE):
        raise ValidationError(_("Choose an action or a note."), code="kind")
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write what was done."), code="empty")
    now = timezone.now()
    event = CaseEvent.objects.create(
        case=case, kind=kind, text=text, actor=actor, responder=responder, at=now
    )
    _touch(case, now, [])
    return event


@transaction.atomic
def change_status(case, status, *, outcome="", actor=None, responder=None):
    """Move an open case to another status; closing needs an outcome."""
    _check_open(case)
    if status not in Case.Status.values or status == Case.Status.NEW:
        raise ValidationError(_("This status cannot be set."), code="status")
    if status == Case.Status.CLOSED:
        if outcome not in Case.Outcome.values:
            raise ValidationError(_("Choose the outcome to close the case."), code="outcome")
    elif outcome:
        raise ValidationError(_("Only a closed case has an outcome."), code="outcome")
    if status == case.status:
        return case
    now = timezone.now()
    case.status = status
    fields = ["status"]
    if status == Case.Status.CLOSED:
        case.outcome, case.closed_at = outcome, now
        fields += ["outcome", "closed_at"]
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.STATUS,
        status=status,
        actor=actor,
        responder=responder,
        at=now,
    )
    _touch(case, now, fields)
    _notify_later(case)
    return case


def close(case, outcome, *, actor=None, responder=None):
    return change_status(
        case, Case.Status.CLOSED, outcome=outcome, actor=actor, responder=responder
    )


def log_access(case, *, user=None, responder=None):
    """Write that staff (``user``) or a responder opened ``case``."""
    CaseAccessLog.objects.create(case=case, user=user, responder=responder)


@transaction.atomic
def anonymise_due_cases(now=None):
    """Erase who asked and what they wrote from cases closed longer than
    ``HELPDESK_ANONYMISE_AFTER_DAYS`` ago: contact, e-mail, city, description, the
    link to an account, the texts of actions and notes; the private link stops
    working. Category, country, language, dates, status and outcome stay for
    statistics. Answers how many cases were anonymised."""
    now = now or timezone.now()
    ids = list(selectors.due_for_anonymising(now).values_list("pk", flat=True))
    for pk in ids:
        Case.objects.filter(pk=pk).update(
            contact="",
            email="",
            city="",
            description="",
            user=None,
            token=new_token(),
            anonymised_at=now,
        )
    CaseEvent.objects.filter(case_id__in=ids).update(text="")
    return len(ids)
