"""The "Feed operator" group: declared in `feeds/staff.py` and synced after
migrate by `portal.staff_groups` (kept, empty, so existing databases' migration
history stays the same)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_feeds"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
