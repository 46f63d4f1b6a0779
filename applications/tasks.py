"""Scheduled and background work of applications."""

from celery import shared_task

from applications import notifications, services


@shared_task(ignore_result=True)
def send_status_notice(change_id):
    """Tell the applicant of one status change (sent after the change commits)."""
    notifications.notify_status_change(change_id)


@shared_task(ignore_result=True)
def anonymise_applications():
    """Daily (schedule created by migration): anonymise applications
    `APPLICATION_RETENTION_MONTHS` after their vacancy closed."""
    return services.anonymise_due()
