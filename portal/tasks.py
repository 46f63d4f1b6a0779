"""Housekeeping tasks of the portal itself."""

from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone


@shared_task
def clear_expired_sessions():
    """Delete expired sessions so the session table does not grow without end.

    Scheduled daily by beat (see the migration that creates the schedule).
    Returns how many were deleted.
    """
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
