from django.db import migrations

SCHEDULES = [
    # (name, task, every seconds or None, crontab hour/minute)
    ("Match new vacancies with alerts", "alerts.tasks.match_new_vacancies", 60, None),
    ("Send alerts waiting in the outbox", "alerts.tasks.deliver_telegram", 60, None),
    ("Send e-mail alerts waiting in the outbox", "alerts.tasks.deliver_email", 60, None),
    ("Close outbox messages left sending", "alerts.tasks.close_stale_messages", 600, None),
    ("Send daily alert digests", "alerts.tasks.send_digests", None, ("8", "0")),
]


def create(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, every, crontab in SCHEDULES:
        if every:
            interval, _ = IntervalSchedule.objects.get_or_create(every=every, period="seconds")
            PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "interval": interval})
        else:
            hour, minute = crontab
            schedule, _ = CrontabSchedule.objects.get_or_create(
                minute=minute, hour=hour, day_of_week="*", day_of_month="*", month_of_year="*",
                timezone="Asia/Tashkent",
            )
            PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "crontab": schedule})


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        task__in=[task for _, task, _, _ in SCHEDULES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
