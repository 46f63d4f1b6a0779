"""Beat sends `helpdesk.tasks.anonymise_cases` every night: closed cases are
anonymised once HELPDESK_ANONYMISE_AFTER_DAYS have passed."""

from django.db import migrations

TASK = "helpdesk.tasks.anonymise_cases"


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="15", hour="4", day_of_week="*", day_of_month="*", month_of_year="*",
        timezone="Asia/Tashkent",
    )
    PeriodicTask.objects.get_or_create(
        name="Anonymise closed help requests", defaults={"task": TASK, "crontab": crontab}
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
