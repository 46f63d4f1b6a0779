"""Beat sends `feeds.tasks.close_dead_runs` every five minutes: a run whose worker
stopped is closed as failed even when its feed waits for its next schedule."""

from django.db import migrations

TASK = "feeds.tasks.close_dead_runs"


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_five_minutes, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        name="Close feed runs whose worker stopped",
        defaults={"task": TASK, "interval": every_five_minutes},
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feeds", "0003_one_full_feed_per_list_and_vacancy_feeds"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
