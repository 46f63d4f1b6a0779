"""``portal`` hands its partner and feed models over to the ``partners`` and ``feeds``
apps. Nothing in the database is dropped: the models leave this app's state only.

What the database does keep under the old app label is carried over so that nothing
a staff member set up is lost: the content types (and with them every permission a
group holds and every admin log entry) and the beat schedules of the feeds, whose
task moved from ``portal.feeds.tasks`` to ``feeds.tasks``.

Written out here, not imported, so that later changes to the apps cannot change
what this migration does.
"""

from django.db import migrations

MOVED = {
    "partner": "partners",
    "partnerapikey": "partners",
    "feed": "feeds",
    "feedrun": "feeds",
    "rejectedrecord": "feeds",
}
OLD_TASK, NEW_TASK = "portal.feeds.tasks.sync_feed", "feeds.tasks.sync_feed"


def move_content_types(apps, old_label_of, new_label_of):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, app_label in MOVED.items():
        old, new = old_label_of(app_label), new_label_of(app_label)
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    move_content_types(apps, lambda label: "portal", lambda label: label)
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task=OLD_TASK).update(task=NEW_TASK)


def backwards(apps, schema_editor):
    move_content_types(apps, lambda label: label, lambda label: "portal")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task=NEW_TASK).update(task=OLD_TASK)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_feed_operator_group"),
        ("partners", "0001_initial"),
        ("feeds", "0001_initial"),
        ("vacancies", "0011_partner_moved_to_partners"),
        ("blacklist", "0004_partner_moved_to_partners"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="feedrun", name="feed"),
                migrations.RemoveField(model_name="rejectedrecord", name="run"),
                migrations.RemoveField(model_name="partnerapikey", name="partner"),
                migrations.DeleteModel(name="Feed"),
                migrations.DeleteModel(name="FeedRun"),
                migrations.DeleteModel(name="RejectedRecord"),
                migrations.DeleteModel(name="Partner"),
                migrations.DeleteModel(name="PartnerAPIKey"),
            ],
            database_operations=[],
        ),
    ]
