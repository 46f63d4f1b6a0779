"""Scheduled work of the registry."""

from celery import shared_task

from agencies import services


@shared_task
def expire_licences():
    """Mark licences past their expiry date as expired, each with an event.

    Scheduled daily by beat (see the migration that creates the schedule); the
    ``expire_licences`` management command runs the same service by hand.
    """
    return services.expire_due_licences()
