"""Celery tasks of the help desk: thin, they call services and notifications."""

from celery import shared_task

from helpdesk import notifications, services


@shared_task(ignore_result=True)
def send_status_notice(case_id):
    notifications.send_status_notice(case_id)


@shared_task(ignore_result=True)
def anonymise_cases():
    """Daily (schedule created by migration): anonymise the cases due."""
    return services.anonymise_due_cases()
