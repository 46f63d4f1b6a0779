"""Housekeeping tasks of the portal as a whole."""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from celery import shared_task
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from agencies import services as agencies_services
from vacancies import services as vacancies_services


@shared_task
def clear_expired_sessions():
    """Delete expired sessions so the session table does not grow without end.

    Scheduled daily by beat (see the migration that creates the schedule).
    Returns how many were deleted.
    """
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


@shared_task
def rebuild_search_keys():
    """Bring the stored search keys of vacancies and agencies up to `spelling`'s
    current rules, after a change to them; the ``rebuild_search_keys`` command runs
    the same by hand. Keys are rebuilt here rather than in data migrations, which
    must not import live code. Returns how many keys changed, by app."""
    return {
        "vacancies": vacancies_services.rebuild_search_keys(),
        "agencies": agencies_services.rebuild_search_keys(),
    }


@shared_task
def clear_signin_records():
    """Erase what django-axes keeps once it is no longer needed: a failed sign-in's
    counter when its cool-off is over (axes itself only removes it at the next
    sign-in of that account) and successful sign-ins older than
    ``SIGNIN_LOG_DAYS``. Scheduled daily by beat (see the migration that creates
    the schedule). Returns how many records of each were deleted."""
    expired, _ = AccessAttempt.objects.filter(
        attempt_time__lt=timezone.now() - get_cool_off()
    ).delete()
    logs = AxesProxyHandler.reset_logs(age_days=settings.SIGNIN_LOG_DAYS)
    return {"attempts": expired, "logs": logs}
