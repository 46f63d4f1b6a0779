"""Reads of cases that pages, the API and tasks build on: who may see which case
is decided here."""

import re
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, Q, Value, When
from django.utils import timezone

from directory.needs import URGENT_NEEDS
from helpdesk.models import Case, CaseEvent, Route
from helpdesk.staff import is_helpdesk_staff

# What `helpdesk.models.new_token` makes: URL-safe base64.
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def route_for(country, category):
    """The responder the routing table names for a case: the row of this country and
    category, else of this country, else of this category, else the catch-all row."""
    routes = Route.objects.filter(
        Q(country=country) | Q(country=""),
        Q(category=category) | Q(category=""),
        responder__is_active=True,
    ).select_related("responder")
    best = sorted(routes, key=lambda route: (route.country == "", route.category == ""))
    return best[0].responder if best else None


def triage(now=None):
    """Open cases for the help desk, each with its flags: ``flag_urgent`` (violence,
    trafficking, detention, a death) and ``flag_overdue`` (new and not picked up
    within ``HELPDESK_PICKUP_HOURS``); flagged ones first, oldest first."""
    now = now or timezone.now()
    deadline = now - timedelta(hours=settings.HELPDESK_PICKUP_HOURS)
    return (
        Case.objects.open()
        .select_related("responder")
        .annotate(
            flag_urgent=models.Case(
                When(category__in=URGENT_NEEDS, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            flag_overdue=models.Case(
                When(status=Case.Status.NEW, created_at__lte=deadline, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .order_by("-flag_urgent", "-flag_overdue", "created_at")
    )


def case_for_link(token):
    """The case a private link opens; None for a wrong link or an anonymised case."""
    if not TOKEN.fullmatch(token or ""):
        return None
    return Case.objects.filter(token=token, anonymised_at__isnull=True).first()


def public_history(case):
    """What the person sees of their case: the status changes, never notes."""
    return case.events.filter(kind=CaseEvent.Kind.STATUS).order_by("at", "pk")


def cases_of(user):
    """The signed-in person's own cases."""
    if not user.is_authenticated:
        return Case.objects.none()
    return Case.objects.filter(user=user, anonymised_at__isnull=True)


def case_for_staff(user, pk):
    """A case for a member of the help desk (None for anybody else)."""
    if not is_helpdesk_staff(user):
        return None
    return Case.objects.select_related("responder").filter(pk=pk).first()


def cases_for_responder(responder):
    """The cases routed to a responder: all it may read over the API."""
    if responder is None:
        return Case.objects.none()
    return Case.objects.routed_to(responder).filter(anonymised_at__isnull=True)


def due_for_anonymising(now=None):
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.HELPDESK_ANONYMISE_AFTER_DAYS)
    return Case.objects.filter(
        status=Case.Status.CLOSED, closed_at__lte=cutoff, anonymised_at__isnull=True
    )
